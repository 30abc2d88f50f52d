import { activeRules, check, effectiveSeverity, excerptOf } from "../../src/core/engine";
import { docFromText } from "../../src/core/model";
import { resolveProfile } from "../../src/core/profiles";
import { ALL_RULES } from "../../src/core/rules";
import { CATEGORIES, type Rule } from "../../src/core/rules/types";

const rule = (severity: Rule["severity"], reports: Array<Rule["severity"] | undefined>): Rule => ({
  id: "test-rule",
  category: "typo",
  severity,
  title: "测试",
  description: "测试规则",
  source: "test",
  check(ctx) {
    reports.forEach((s, i) => ctx.report({ paragraph: 0, start: i, end: i + 1, message: "测试", ...(s ? { severity: s } : {}) }));
  },
});

describe("engine", () => {
  it("every rule has a unique id and a known category", () => {
    const ids = ALL_RULES.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const r of ALL_RULES) expect(CATEGORIES).toContain(r.category);
    // Every category is covered by at least one rule.
    for (const c of CATEGORIES) expect(ALL_RULES.some((r) => r.category === c)).toBe(true);
  });

  it("applies the severity a unit sets, but keeps a finding the rule made milder", () => {
    const r = rule("error", [undefined, "info", "error"]);
    expect(effectiveSeverity(r, undefined, undefined)).toBe("error");
    expect(effectiveSeverity(r, "warning", undefined)).toBe("warning");
    expect(effectiveSeverity(r, "warning", "info")).toBe("info");
    const w = rule("warning", []);
    expect(effectiveSeverity(w, undefined, "error")).toBe("error");
    expect(effectiveSeverity(w, "info", "error")).toBe("info");
    expect(effectiveSeverity(w, "error", "info")).toBe("info");
  });

  it("skips rules the profile turns off and rules needing formatting on plain text", () => {
    const p = resolveProfile("speech", { rules: { typo: "off" } });
    expect(activeRules(p).some((a) => a.rule.id === "typo")).toBe(false);
    const formatRule = { ...rule("warning", [undefined]), needsFormatting: true };
    expect(check(docFromText("正文"), { rules: [formatRule] })).toEqual([]);
  });

  it("sorts findings by paragraph and position and fills in excerpts", () => {
    const found = check(docFromText("甲乙丙丁"), { rules: [rule("warning", [undefined, undefined])] });
    expect(found.map((f) => [f.start, f.excerpt])).toEqual([
      [0, "甲"],
      [1, "乙"],
    ]);
  });

  it("shortens long excerpts", () => {
    const t = "字".repeat(100);
    expect(excerptOf(t, 0, 100)).toHaveLength(40);
    expect(excerptOf(t, 10, 10).endsWith("…")).toBe(true);
  });
});
