/**
 * The shared vocabulary lives outside the rules folder: edits and fixes in core/edits.ts,
 * findings and severities in core/findings.ts. The hosts, the Word gateway, the preview, the
 * outline actions and the taskpane import them from there (scripts/lint.js holds them to it), the
 * rules keep their "../types" path, and profiles.ts no longer imports the rule vocabulary.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as edits from "../../../src/core/edits";
import * as findings from "../../../src/core/findings";
import type { Fix as RuleFix, Finding as RuleFinding, Severity as RuleSeverity } from "../../../src/core/rules/types";
import { CATEGORIES as RULE_CATEGORIES } from "../../../src/core/rules/types";

const ROOT = path.join(__dirname, "..", "..", "..");
const LINT = path.join(ROOT, "scripts", "lint.js");

function lintTree(files: Record<string, string>): { code: number; out: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "bgz-vocab-"));
  for (const [name, body] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), body);
  }
  try {
    return { code: 0, out: execFileSync(process.execPath, [LINT], { env: { ...process.env, LINT_ROOT: dir }, encoding: "utf8", stdio: "pipe" }) };
  } catch (e) {
    const err = e as { status: number; stderr: string };
    return { code: err.status, out: err.stderr };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const CORE = {
  "src/core/rules/types.ts": "export type Fix = { description: string };\n",
  "src/core/rules/index.ts": "export const ALL_RULES: unknown[] = [];\n",
  "src/core/edits.ts": "export type Fix = { description: string };\n",
};

describe("scripts/lint.js: the vocabulary comes from core/edits and core/findings", () => {
  it.each([
    ["src/office/x.ts", 'import type { Fix } from "../core/rules/types";\nexport type F = Fix;\n'],
    ["src/preview/x.ts", 'import type { Fix } from "../core/rules/types.ts";\nexport type F = Fix;\n'],
    ["src/taskpane/outline/x.ts", 'import type { Fix } from "../../core/rules/types";\nexport type F = Fix;\n'],
    ["src/core/outline/x.ts", 'import type { Fix } from "../rules/types";\nexport type F = Fix;\n'],
    ["src/core/host.ts", 'export type { Fix } from "./rules/types";\n'],
  ])("reports %s importing src/core/rules/types", (file, body) => {
    const r = lintTree({ ...CORE, [file]: body });
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/not from src\/core\/rules\/types/);
  });

  it("allows the rule list (core/rules) and the new modules; the rules themselves keep ../types", () => {
    const r = lintTree({
      ...CORE,
      "src/taskpane/x.ts": 'import { ALL_RULES } from "../core/rules";\nimport type { Fix } from "../core/edits";\nexport const n = ALL_RULES.length;\nexport type F = Fix;\n',
      "src/core/rules/text/a.ts": 'import type { Fix } from "../types";\nexport type F = Fix;\n',
      "src/core/engine.ts": 'import type { Fix } from "./rules/types";\nexport type F = Fix;\n',
    });
    expect(r.out).toContain("no problems");
    expect(r.code).toBe(0);
  });
});

/** The relative modules a source file imports (import and export … from). */
function importsOf(file: string): string[] {
  const text = fs.readFileSync(path.join(ROOT, file), "utf8");
  return [...text.matchAll(/^(?:import|export)[^;]*?from\s+"([^"]+)"/gm)].map((m) => path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])));
}

describe("no cycle between profiles.ts and rules/types.ts", () => {
  it("profiles.ts imports neither the rules nor their types", () => {
    expect(importsOf("src/core/profiles.ts").filter((m) => m.startsWith("src/core/rules"))).toEqual([]);
  });

  it("the vocabulary modules import nothing from the rules or the profiles", () => {
    for (const f of ["src/core/edits.ts", "src/core/findings.ts", "src/core/ruleOptions.ts"]) {
      expect(importsOf(f).filter((m) => m.startsWith("src/core/rules") || m === "src/core/profiles")).toEqual([]);
    }
  });

  it("rules/types.ts still offers the moved names to the rules (same values and types)", () => {
    expect(RULE_CATEGORIES).toBe(findings.CATEGORIES);
    const fix: RuleFix = { description: "x", format: [{ paragraph: 0, start: 0, end: 1, set: { bold: true } }] } satisfies edits.Fix;
    const sev: RuleSeverity = "info" satisfies findings.Severity;
    const f: findings.Finding = { rule: "r", category: "typo", severity: sev, paragraph: 0, start: 0, end: 0, excerpt: "", message: "m", fix } satisfies RuleFinding;
    expect(f.fix).toBe(fix);
  });

  it("severities keep their order and Chinese names in one place", () => {
    expect(findings.SEVERITIES).toEqual(["error", "warning", "info"]);
    expect(findings.SEVERITIES.map((s) => findings.SEVERITY_LABEL[s])).toEqual(["错误", "警告", "提示"]);
    expect(findings.SEVERITIES.map((s) => findings.SEVERITY_RANK[s])).toEqual([0, 1, 2]);
  });
});

describe("the appliers in core/edits", () => {
  const doc = {
    source: "docx" as const,
    paragraphs: [
      {
        index: 0,
        part: "body" as const,
        text: "（一）加强学习。要认真学习。",
        runs: [
          { text: "（一）加强", start: 0, end: 5, fontEastAsia: "宋体", sizePt: 12 },
          { text: "学习。要认真学习。", start: 5, end: 14, fontEastAsia: "宋体", sizePt: 12, bold: true },
        ],
      },
    ],
    otherParagraphs: [],
    sections: [],
    hasFormatting: true,
  };

  it("a ranged edit sets run properties on its characters only, cutting runs at its bounds, text unchanged", () => {
    const out = edits.applyFormatEdits(doc, [
      { paragraph: 0, set: { fontEastAsia: "仿宋_GB2312", sizePt: 16, alignment: "justify", firstLineIndentChars: 2 } },
      { paragraph: 0, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312", alignment: "center" } },
    ]).paragraphs[0];
    expect(out.text).toBe(doc.paragraphs[0].text);
    expect(out.runs.map((r) => [r.text, r.fontEastAsia, r.sizePt, r.bold ?? false])).toEqual([
      ["（一）加强", "楷体_GB2312", 16, false],
      ["学习。", "楷体_GB2312", 16, true],
      ["要认真学习。", "仿宋_GB2312", 16, true],
    ]);
    expect(out.runs.map((r) => [r.start, r.end])).toEqual([
      [0, 5],
      [5, 8],
      [8, 14],
    ]);
    // The ranged edit's paragraph property is ignored: the paragraph stays justified.
    expect(out.alignment).toBe("justify");
  });

  it("clamps ranges and ignores edits of missing paragraphs", () => {
    const out = edits.applyFormatEdits(doc, [
      { paragraph: 0, start: 10, end: 99, set: { sizePt: 18 } },
      { paragraph: 5, set: { sizePt: 18 } },
      { paragraph: 0, start: 3, end: 3, set: { sizePt: 20 } },
    ]);
    expect(out.paragraphs[0].runs.map((r) => [r.text, r.sizePt])).toEqual([
      ["（一）加强", 12],
      ["学习。要认", 12],
      ["真学习。", 18],
    ]);
  });
});
