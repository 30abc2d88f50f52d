/**
 * Fix planning (src/office/word/fixPlan.ts), the pure step of the Word host's applyFixes: from
 * Word's paragraph texts, the fixes and the texts as checked, what Word will search and write,
 * and which fixes are stale. No Word here, real or fake.
 */
import type { Fix, FormatEdit, TextEdit } from "../../src/core/edits";
import { docFromText, type DocModel } from "../../src/core/model";
import { speechProfile } from "../../src/core/profiles";
import { roleFormat } from "../../src/core/format/roles";
import { needsFontSize, planFixes, stylesForEdits, usableFixes, type FixPlanInput } from "../../src/office/word/fixPlan";

const edit = (paragraph: number, start: number, end: number, text: string): TextEdit => ({ paragraph, start, end, text });
const fix = (...text: TextEdit[]): Fix => ({ description: "改", text });
const fmt = (...format: FormatEdit[]): Fix => ({ description: "排版", format });

/** Word's texts, the model equal to them (paragraph i is Word paragraph i), expected = as they read. */
function input(wordTexts: string[], fixes: Fix[], over: Partial<FixPlanInput> = {}): FixPlanInput {
  return { fixes, wordTexts, expected: Object.fromEntries(wordTexts.map((t, i) => [i, t])), wordIndex: (p) => (p < wordTexts.length ? p : -1), ...over };
}

describe("planFixes: which fixes go ahead", () => {
  // [case, Word's texts, fixes, expected override, planned count, stale count]
  const cases: Array<[string, string[], Fix[], Record<number, string> | undefined, number, number]> = [
    ["a fix on a paragraph that reads as checked", ["甲,乙"], [fix(edit(0, 1, 2, "，"))], undefined, 1, 0],
    ["a paragraph changed since the check", ["甲,乙"], [fix(edit(0, 1, 2, "，"))], { 0: "甲,乙。" }, 0, 1],
    ["a paragraph the pane has no checked text for", ["甲,乙"], [fix(edit(0, 1, 2, "，"))], {}, 0, 1],
    ["a paragraph Word does not have", ["甲,乙"], [fix(edit(3, 1, 2, "，"))], { 3: "甲,乙" }, 0, 1],
    ["one stale paragraph makes the whole fix stale", ["甲,乙", "丙,丁"], [fix(edit(0, 1, 2, "，"), edit(1, 1, 2, "，"))], { 0: "甲,乙", 1: "别的" }, 0, 1],
    ["a second fix over the same stretch", ["甲,乙"], [fix(edit(0, 1, 2, "，")), fix(edit(0, 0, 2, "甲，"))], undefined, 1, 1],
    ["two insertions at one place", ["甲乙"], [fix(edit(0, 2, 2, "。")), fix(edit(0, 2, 2, "！"))], undefined, 1, 1],
    ["edits side by side do not overlap", ["甲,乙,丙"], [fix(edit(0, 1, 2, "，")), fix(edit(0, 3, 4, "，"))], undefined, 2, 0],
    ["an edit outside the text cannot be found", ["甲乙"], [fix(edit(0, 5, 7, "丙"))], undefined, 0, 1],
    ["a fix with nothing to do is neither applied nor stale", ["甲乙"], [{ description: "空" }, fix()], undefined, 0, 0],
  ];
  it.each(cases)("%s", (...[, texts, fixes, expected, planned, stale]) => {
    const plan = planFixes(input(texts, fixes, expected ? { expected } : {}));
    expect(plan.fixes.length).toBe(planned);
    expect(plan.stale).toBe(stale);
  });

  it("a stale fix does not reserve its stretch: a later fix on it still goes ahead", () => {
    const later = fix(edit(0, 1, 2, "，"));
    const plan = planFixes(input(["甲,乙"], [fix(edit(0, 1, 2, "，"), edit(0, 9, 10, "x")), later]));
    expect(plan.stale).toBe(1);
    expect(plan.fixes.map((f) => f.fix)).toEqual([later]);
    expect(plan.fixes[0].fix).toBe(later);
  });

  it("goes through the paragraph map: model paragraph 1 is Word paragraph 2", () => {
    const plan = planFixes({
      fixes: [fix(edit(1, 1, 2, "，"))],
      expected: { 1: "丙,丁" },
      wordTexts: ["甲", "文本框里的字", "丙,丁"],
      wordIndex: (p) => [0, 2][p] ?? -1,
    });
    expect(plan.fixes[0].text[0]).toMatchObject({ paragraph: 1, word: 2, text: "丙,丁", kind: "replace" });
  });
});

describe("planFixes: what Word will search and write", () => {
  it("a replacement searches its stretch, counting the hits before it", () => {
    const plan = planFixes(input(["甲,乙,丙"], [fix(edit(0, 3, 4, "，"))]));
    expect(plan.fixes[0].text).toEqual([{ paragraph: 0, word: 0, text: "甲,乙,丙", edit: edit(0, 3, 4, "，"), kind: "replace", plan: { one: { needle: ",", k: 1 } } }]);
    expect(plan.searches).toBe(1);
  });

  it("a long stretch is searched by its head and its tail", () => {
    const long = Array.from({ length: 100 }, (_, i) => `第${i}句。`).join("");
    const plan = planFixes(input([long], [fix(edit(0, 0, 400, ""))]));
    const t = plan.fixes[0].text[0];
    expect(t.kind === "replace" && "head" in t.plan).toBe(true);
  });

  it.each([
    ["at the end: after the characters before it", "第三段缺句号", 6, { kind: "insert", step: { needle: "句号", k: 0 }, where: "After" }],
    ["at the start: before the first characters", "第三段", 0, { kind: "insert", step: { needle: "第三", k: 0 }, where: "Before" }],
    ["into an empty paragraph: at its start, no search", "", 0, { kind: "start" }],
  ] as const)("an insertion %s", (...[, text, at, expected]) => {
    const plan = planFixes(input([text], [fix(edit(0, at, at, "。"))]));
    expect(plan.fixes[0].text[0]).toMatchObject(expected);
    expect(plan.searches).toBe(expected.kind === "start" ? 0 : 1);
  });

  it("formats a whole paragraph as the patch says, and part of one with its run properties only", () => {
    const set = { fontEastAsia: "黑体", sizePt: 16, alignment: "center" as const };
    const plan = planFixes(input(["（一）加强学习。要学。"], [fmt({ paragraph: 0, set }, { paragraph: 0, set, start: 0, end: 8 })]));
    expect(plan.fixes[0].format).toEqual([
      { paragraph: 0, word: 0, text: "（一）加强学习。要学。", kind: "paragraph", set },
      { paragraph: 0, word: 0, text: "（一）加强学习。要学。", kind: "range", start: 0, end: 8, set: { fontEastAsia: "黑体", sizePt: 16 }, plan: { one: { needle: "（一）加强学习。", k: 0 } } },
    ]);
    expect(plan.searches).toBe(1);
  });

  it("leaves out a part it cannot find, and still formats the rest", () => {
    const plan = planFixes(input(["甲乙"], [fmt({ paragraph: 0, set: { bold: true } }, { paragraph: 0, set: { bold: false }, start: 1, end: 1 })]));
    expect(plan.stale).toBe(0);
    expect(plan.fixes[0].format.map((f) => f.kind)).toEqual(["paragraph"]);
  });
});

describe("usableFixes / needsFontSize", () => {
  it("keeps fixes with text or formatting", () => {
    const a = fix(edit(0, 0, 1, "x"));
    const b = fmt({ paragraph: 0, set: { bold: true } });
    expect(usableFixes([a, { description: "空" }, b, fix()])).toEqual([a, b]);
  });

  it.each([
    [{ firstLineIndentChars: 2 }, undefined, true],
    [{ firstLineIndentChars: 2, sizePt: 16 }, undefined, false],
    [{ firstLineIndentChars: 2 }, 3, false],
    [{ bold: true }, undefined, false],
  ] as const)("%j (part ending at %p) → %p", (...[set, end, need]) => {
    const e: FormatEdit = end === undefined ? { paragraph: 0, set } : { paragraph: 0, set, start: 0, end };
    expect(needsFontSize([fmt(e)])).toBe(need);
  });
});

describe("stylesForEdits", () => {
  const spec = speechProfile().format;
  const l1 = roleFormat(spec, "level1");
  const l1Patch = { fontEastAsia: l1.fontEastAsia, sizePt: l1.sizePt, outlineLevel: l1.outlineLevel };
  const doc = (styles: Array<string | undefined>, labels: Array<string | undefined> = []): DocModel => {
    const d = docFromText(styles.map((_, i) => `第${i}段`).join("\n"));
    d.paragraphs = d.paragraphs.map((p, i) => ({ ...p, ...(styles[i] ? { styleName: styles[i] } : {}), ...(labels[i] ? { listLabel: labels[i] } : {}) }));
    return d;
  };

  it("uses our named style where it is in use in the document", () => {
    expect([...stylesForEdits([fmt({ paragraph: 1, set: l1Patch })], doc([undefined, "一级标题"]), spec)]).toEqual([[1, "一级标题"]]);
  });

  it.each([
    ["the style is not in the document", doc([undefined, undefined]), 1],
    ["a paragraph in that style has an automatic number", doc(["一级标题", "一级标题"], ["一、", undefined]), 1],
    ["the paragraph itself is a list item", doc([undefined, "一级标题"], [undefined, "二、"]), 1],
    ["no document was read", undefined, 1],
  ])("not where %s", (...[, d, paragraph]) => {
    expect(stylesForEdits([fmt({ paragraph, set: l1Patch })], d, spec).size).toBe(0);
  });

  it("never for a part of a paragraph", () => {
    expect(stylesForEdits([fmt({ paragraph: 1, set: l1Patch, start: 0, end: 1 })], doc([undefined, "一级标题"]), spec).size).toBe(0);
  });
});
