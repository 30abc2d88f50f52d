import * as fs from "fs";
import * as path from "path";
import { rulesMarkdown } from "../../src/cli/main";

const root = path.join(__dirname, "..", "..");
const readme = fs.readFileSync(path.join(root, "README.md"), "utf8");

describe("README", () => {
  it("lists every rule exactly as the rules describe themselves (run scripts/readme-rules.js)", () => {
    const a = readme.indexOf("<!-- rules:start -->\n") + "<!-- rules:start -->\n".length;
    const b = readme.indexOf("<!-- rules:end -->");
    expect(readme.slice(a, b)).toBe(rulesMarkdown());
  });
  it("gives the two commands, and .ci/run runs the same test command", () => {
    expect(readme).toContain("bash scripts/setup.sh && npm start");
    expect(readme).toContain("bash scripts/setup.sh && npm test");
    const ci = fs.readFileSync(path.join(root, ".ci", "run"), "utf8");
    expect(ci).toContain("bash scripts/setup.sh");
    expect(ci).toContain("npm test");
  });
  it("package.json has the scripts and bin the project promises", () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
    for (const s of ["build", "dev-server", "start", "test", "lint", "typecheck", "bench"]) expect(pkg.scripts[s]).toBeTruthy();
    expect(pkg.bin.biganzi).toBe("bin/biganzi.js");
    expect(pkg.devDependencies.typescript).toMatch(/^\^6/);
  });
});
