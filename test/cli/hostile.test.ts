/**
 * The hostile-input set (scripts/make-hostile.js), generated into a temporary folder and run
 * through the built CLI (bin/biganzi.js → lib/, built by `npm run build:cli` before jest) in a
 * child capped at a 512 MB heap: a regression fails here instead of exhausting the machine.
 * Every refusal is one Chinese line with exit 2; every accepted file is checked as usual; the
 * child's peak resident memory stays under the bound the README states. Times and peaks are
 * written to test-output/hostile-report.json (they are measured, not asserted: see the bench).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const hostile = require("../../scripts/make-hostile.js") as {
  makeHostile(dir: string): Array<{
    name: string;
    file: string;
    what: string;
    exit: number[];
    stderr: string | null;
    stdout: string | null;
    stdoutNot: string | null;
    format: { exit: number[]; stderr: string | null } | null;
  }>;
  runCase(dir: string, args: string[]): { code: number | null; signal: string | null; out: string; err: string; ms: number; rssMb: number };
};

/** The bound the README states for any input up to the 30 MB file limit. */
const PEAK_MB = 600;

let dir = "";
let manifest: ReturnType<typeof hostile.makeHostile> = [];
const report: Array<{ command: string; name: string; code: number | null; ms: number; rssMb: number; line: string }> = [];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-hostile-"));
  manifest = hostile.makeHostile(dir);
}, 180_000);

afterAll(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
  if (report.length > 0) {
    const out = path.join(__dirname, "..", "..", "test-output");
    fs.mkdirSync(out, { recursive: true });
    fs.writeFileSync(path.join(out, "hostile-report.json"), JSON.stringify(report, null, 2) + "\n");
  }
});

function expectOutcome(command: string, name: string, r: ReturnType<typeof hostile.runCase>, exit: number[], stderr: string | null, errLines = 1): void {
  report.push({ command, name, code: r.code, ms: r.ms, rssMb: Math.round(r.rssMb), line: (r.err || r.out).trim().split("\n").pop() ?? "" });
  // A signal or a V8 abort means the cap was hit: the very regression this set exists for.
  expect({ name, signal: r.signal, code: r.code }).toEqual({ name, signal: null, code: expect.any(Number) });
  expect(exit).toContain(r.code);
  expect(r.err).not.toMatch(/内部错误|FATAL|heap|at .*:\d+:\d+/);
  if (r.code === 2) {
    // One Chinese line (per failed file).
    expect(r.err.trim().split("\n")).toHaveLength(errLines);
    expect(r.err).toMatch(/[\u4e00-\u9fff]/);
  }
  if (stderr) expect(r.err).toMatch(new RegExp(stderr));
  expect(r.rssMb).toBeLessThan(PEAK_MB);
}

test("the generator writes every case", () => {
  const names = manifest.map((m) => m.name);
  for (const n of ["letters-start.docx", "empty-paragraphs.docx", "six-1gb-images.docx", "claims-400m-entries.docx", "deep-nesting.docx", "xxe.docx", "billion-laughs.docx", "style-cycle.docx", "numbering-cycle.docx"]) {
    expect(names).toContain(n);
  }
});

describe("biganzi check on hostile input, under a 512 MB heap", () => {
  // The cases are only known once generated: one test walks them all, failing on the first bad one.
  test("each case: expected exit, one Chinese line when refused, bounded memory", () => {
    expect(manifest.length).toBeGreaterThan(15);
    for (const m of manifest) {
      const r = hostile.runCase(dir, ["check", m.file]);
      expectOutcome("check", m.name, r, m.exit, m.stderr);
      if (m.stdout) expect(r.out).toMatch(new RegExp(m.stdout));
      if (m.stdoutNot) expect(r.out).not.toMatch(new RegExp(m.stdoutNot));
    }
  }, 900_000);

  test("format: copies parts it does not edit without inflating them, refuses the rest the same way", () => {
    const withFormat = manifest.filter((m) => m.format);
    expect(withFormat.length).toBeGreaterThan(0);
    for (const m of withFormat) {
      const out = path.join(dir, "formatted-" + m.name);
      const r = hostile.runCase(dir, ["format", m.file, "-o", out]);
      expectOutcome("format", m.name, r, m.format!.exit, m.format!.stderr);
      if (r.code === 0) {
        // The copy holds the same (compressed) images: about the size of the input, readable again.
        expect(fs.statSync(out).size).toBeLessThan(fs.statSync(m.file).size * 1.1);
        const again = hostile.runCase(dir, ["check", out]);
        expectOutcome("check", "formatted-" + m.name, again, [0, 1], null);
      } else {
        expect(fs.existsSync(out)).toBe(false);
      }
    }
  }, 300_000);

  test("a multi-file run reports the bad files on their own lines and every good file in full", () => {
    const good = path.join(dir, "good.txt");
    fs.writeFileSync(good, "同志们：\n这项工作要立即处臵。\n");
    const bad = manifest.filter((m) => m.exit.length === 1 && m.exit[0] === 2).map((m) => m.file).slice(0, 3);
    const r = hostile.runCase(dir, ["check", "--format", "json", good, ...bad, good]);
    expectOutcome("check", "multi-file", r, [2], null, bad.length);
    const data = JSON.parse(r.out) as Array<{ file: string; error?: string; findings: Array<{ rule: string }> }>;
    expect(data.map((d) => d.file)).toEqual([good, ...bad, good]);
    expect(data[0].findings.some((f) => f.rule === "typo")).toBe(true);
    expect(data[data.length - 1].findings.some((f) => f.rule === "typo")).toBe(true);
    for (const d of data.slice(1, -1)) expect(d.error).toMatch(/[\u4e00-\u9fff]/);
  }, 300_000);
});
