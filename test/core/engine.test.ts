import { activeRules, check, effectiveSeverity, excerptOf, FINDINGS_PER_RULE, RULE_CAPPED, RULE_CRASHED } from "../../src/core/engine";
import { docFromText } from "../../src/core/model";
import { ConfigError, resolveProfile, validateConfig } from "../../src/core/profiles";
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

  it("every rule names its checks (ESLint's meta.messages), so a unit can switch one off", () => {
    for (const r of ALL_RULES) {
      expect({ rule: r.id, named: r.messages !== undefined && Object.keys(r.messages).length > 0 }).toEqual({ rule: r.id, named: true });
    }
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

  it("isolates a rule that throws: one finding says it was skipped, every other rule's findings stand", () => {
    const bad: Rule = {
      ...rule("error", []),
      id: "bad-rule",
      title: "会出错的规则",
      check(ctx) {
        ctx.report({ paragraph: 0, start: 0, end: 1, message: "半成品" });
        throw new Error("boom");
      },
    };
    const found = check(docFromText("甲乙丙丁"), { rules: [rule("warning", [undefined, undefined]), bad] });
    expect(found.filter((f) => f.rule === "test-rule")).toHaveLength(2);
    const crashed = found.filter((f) => f.rule === "bad-rule");
    expect(crashed).toHaveLength(1);
    expect(crashed[0].messageId).toBe(RULE_CRASHED);
    expect(crashed[0].message).toBe("规则“会出错的规则”出错，已跳过，其余检查照常。");
    expect(() => check(docFromText("甲"), { rules: [bad], rethrow: true })).toThrow("boom");
  });

  it("lists at most FINDINGS_PER_RULE findings of one rule and says how many more there are", () => {
    const many: Rule = {
      ...rule("error", []),
      id: "many",
      title: "多",
      check(ctx) {
        for (let i = 0; i < FINDINGS_PER_RULE + 5; i++) ctx.report({ paragraph: 0, start: i % 4, end: (i % 4) + 1, message: "多" });
      },
    };
    const found = check(docFromText("甲乙丙丁"), { rules: [many, rule("warning", [undefined])] });
    const mine = found.filter((f) => f.rule === "many");
    expect(mine).toHaveLength(FINDINGS_PER_RULE + 1);
    const capped = mine.filter((f) => f.messageId === RULE_CAPPED);
    expect(capped).toHaveLength(1);
    expect(capped[0]).toMatchObject({ severity: "info", paragraph: 0 });
    expect(capped[0].message).toBe(`规则“多”发现的问题过多（共 ${FINDINGS_PER_RULE + 5} 处），只列出前 ${FINDINGS_PER_RULE} 处；修复后再次检查可看到其余的。`);
    // another rule's findings are not counted against it
    expect(found.filter((f) => f.rule === "test-rule")).toHaveLength(1);
    // exactly at the cap: nothing is said
    const exact: Rule = { ...many, check: (ctx) => { for (let i = 0; i < FINDINGS_PER_RULE; i++) ctx.report({ paragraph: 0, start: 0, end: 1, message: "多" }); } };
    expect(check(docFromText("甲"), { rules: [exact] }).filter((f) => f.messageId === RULE_CAPPED)).toEqual([]);
  });

  it("turns one check of a rule off or sets its severity on its own (rule/messageId)", () => {
    const two: Rule = {
      ...rule("error", []),
      messages: { first: "第一项检查", second: "第二项检查" },
      check(ctx) {
        ctx.report({ paragraph: 0, start: 0, end: 1, message: "一", messageId: "first" });
        ctx.report({ paragraph: 0, start: 1, end: 2, message: "二", messageId: "second" });
      },
    };
    const all = check(docFromText("甲乙"), { rules: [two] });
    expect(all.map((f) => f.messageId)).toEqual(["first", "second"]);
    const off = check(docFromText("甲乙"), { rules: [two], profile: resolveProfile("speech", { rules: { "test-rule/first": "off" } }) });
    expect(off.map((f) => f.messageId)).toEqual(["second"]);
    const mild = check(docFromText("甲乙"), { rules: [two], profile: resolveProfile("speech", { rules: { "test-rule/second": "info" } }) });
    expect(mild.map((f) => f.severity)).toEqual(["error", "info"]);
  });
});

describe("unit config validation", () => {
  const rules: Rule[] = [
    {
      ...rule("error", []),
      messages: { first: "第一项检查" },
      options: { limit: { type: "number", description: "上限", min: 1, max: 9 }, pairs: { type: "string-pairs", description: "词对" } },
    },
  ];
  const bad = (cfg: unknown): string => {
    try {
      validateConfig(cfg, rules);
    } catch (e) {
      expect(e).toBeInstanceOf(ConfigError);
      return (e as Error).message;
    }
    return "accepted";
  };

  it("accepts a rule, one of its checks and options that fit their schema", () => {
    expect(bad({ rules: { "test-rule": "warning", "test-rule/first": "off" }, ruleOptions: { "test-rule": { limit: 3, pairs: [["布署", "部署"]] } } })).toBe("accepted");
  });

  it.each([
    [{ rules: { "test-rule/nope": "off" } }, "没有名为「nope」的检查项"],
    [{ rules: { "other/first": "off" } }, "规则「other」不存在"],
    [{ ruleOptions: { "test-rule": { limitt: 3 } } }, "没有选项「limitt」"],
    [{ ruleOptions: { "test-rule": { limit: 30 } } }, "ruleOptions.test-rule.limit"],
    [{ ruleOptions: { "test-rule": { pairs: [["布署"]] } } }, "ruleOptions.test-rule.pairs"],
    [{ profile: "constructor" }, "profile「constructor」不存在"],
    [{ format: { page: { widthMm: "宽" } } }, "format.page.widthMm"],
    [{ format: { page: { marginTopMm: -3 } } }, "format.page.marginTopMm"],
    [{ format: { level1: { fonts: [""] } } }, "format.level1.fonts"],
    [{ format: { firstLineIndentChars: Number.NaN } }, "format.firstLineIndentChars"],
    [{ formatt: {} }, "「formatt」无法识别"],
  ])("refuses %j naming the bad key", (cfg, message) => {
    expect(bad(cfg)).toContain(message);
  });

  it("resolves only own profile names", () => {
    expect(() => resolveProfile("constructor")).toThrow(ConfigError);
    expect(() => resolveProfile("__proto__")).toThrow(ConfigError);
  });
});
