import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

const script = path.join(__dirname, "..", "..", "scripts", "lint.js");

function lintTree(files: Record<string, string>): { code: number; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bgz-lint-"));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  try {
    const out = execFileSync(process.execPath, [script], { env: { ...process.env, LINT_ROOT: dir }, encoding: "utf8", stdio: "pipe" });
    return { code: 0, out };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { code: err.status, out: err.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("project lint (architecture rules)", () => {
  it("passes a clean tree", () => {
    const r = lintTree({
      "src/core/a.ts": 'import { b } from "./b";\nexport const a = b + 1;\n',
      "src/core/b.ts": "export const b = 1;\n",
      "src/office/gateway.ts": "export async function read(ctx: Word.RequestContext) { const ps = ctx.document.body.paragraphs; ps.load('items/text'); await ctx.sync(); return ps.items.map((p) => p.text); }\n",
    });
    expect(r.out).toContain("no problems");
    expect(r.code).toBe(0);
  });

  it.each([
    ["Word in core", { "src/core/x.ts": "export const x = () => Word.run(async () => {});\n" }, /must stay pure: "Word"/],
    ["fs in core", { "src/core/x.ts": 'import * as fs from "fs";\nexport const x = fs;\n' }, /may import only relative modules/],
    ["Office in the taskpane", { "src/taskpane/x.ts": "export const t = () => Office.context;\n" }, /only src\/office may touch Office/],
    ["office importing the taskpane", { "src/office/x.ts": 'import { a } from "../taskpane/a";\nexport const b = a;\n' }, /must not depend on the taskpane/],
    ["fetch anywhere", { "src/taskpane/x.ts": 'export const x = () => fetch("/a");\n' }, /network API "fetch"/],
    ["foreign URL", { "src/taskpane/x.ts": 'export const u = "https://example.com/t";\n' }, /not on the allow-list/],
    ["helpers outside host", { "src/taskpane/x.ts": 'import { Storage } from "@microsoft/office-js-helpers";\nexport const s = Storage;\n' }, /only in src\/office\/host.ts/],
    ["sync in a loop", { "src/office/x.ts": "export async function f(ctx: Word.RequestContext, n: number) { for (let i = 0; i < n; i++) { await ctx.sync(); } }\n" }, /inside a loop/],
    ["sync in forEach", { "src/office/x.ts": "export async function f(ctx: Word.RequestContext, a: number[]) { a.forEach(async () => { await ctx.sync(); }); }\n" }, /inside a loop/],
    ["it.only", { "test/x.test.ts": "it.only('a', () => {});\n" }, /it\.only/],
  ])("reports %s", (_name, files, re) => {
    const r = lintTree(files as Record<string, string>);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(re);
  });
});
