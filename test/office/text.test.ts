import { alignParagraphs, escapeSearch, normalizeWordText, occurrenceIndex, planInsertion, planSearch } from "../../src/office/text";
import { movedStart } from "../../src/office/wordHost";

describe("normalizeWordText", () => {
  it.each([
    ["第一行\u000b第二行", "第一行\n第二行"],
    ["段落\r", "段落"],
    ["单元格\u0007", "单元格"],
    ["带\t制表符", "带\t制表符"],
    ["普通文字", "普通文字"],
  ])("%j → %j", (a, b) => expect(normalizeWordText(a)).toBe(b));
});

describe("escapeSearch", () => {
  it.each([
    ["x^2", "x^^2"],
    ["甲\n乙", "甲^l乙"],
    ["甲\t乙", "甲^t乙"],
    ["？*[]", "？*[]"],
  ])("%j → %j", (a, b) => expect(escapeSearch(a)).toBe(b));
});

describe("occurrenceIndex", () => {
  it.each([
    ["抓落实，抓落实，抓落实", "抓落实", 0, 0],
    ["抓落实，抓落实，抓落实", "抓落实", 4, 1],
    ["抓落实，抓落实，抓落实", "抓落实", 8, 2],
    ["抓落实，抓落实", "抓落实", 2, -1],
    ["aaa", "aa", 1, -1], // overlaps the first hit: Word's search never returns it
  ])("%j / %j at %i → %i", (t, n, pos, k) => expect(occurrenceIndex(t, n, pos)).toBe(k));
});

describe("planSearch / planInsertion", () => {
  it("plans one search for a short slice, head and tail for a long one", () => {
    expect(planSearch("甲乙甲乙", 2, 4)).toEqual({ one: { needle: "甲乙", k: 1 } });
    const long = Array.from({ length: 100 }, (_, i) => `第${i}句。`).join("");
    const plan = planSearch(long, 0, 400);
    expect(plan && "head" in plan).toBe(true);
    expect(planSearch("甲乙", 1, 1)).toBeUndefined();
  });

  it("anchors an insertion on the characters before it, or before the first", () => {
    expect(planInsertion("三是", 2)).toEqual({ step: { needle: "三是", k: 0 }, where: "After" });
    expect(planInsertion("三是", 0)).toEqual({ step: { needle: "三是", k: 0 }, where: "Before" });
    expect(planInsertion("", 0)).toBeUndefined();
  });
});

describe("alignParagraphs", () => {
  it("maps equal lists one to one", () => {
    expect(alignParagraphs(["a", "b", "c"], ["a", "b", "c"])).toEqual([0, 1, 2]);
  });
  it("skips extra Word paragraphs (text boxes)", () => {
    expect(alignParagraphs(["a", "b", "c"], ["a", "框", "b", "c"])).toEqual([0, 2, 3]);
  });
  it("leaves model paragraphs Word does not list unmapped", () => {
    expect(alignParagraphs(["a", "x", "b", "c"], ["a", "b", "c"])).toEqual([0, -1, 1, 2]);
  });
  it("pairs paragraphs whose text differs in place", () => {
    expect(alignParagraphs(["a", "b1", "c"], ["a", "b2", "c"])).toEqual([0, 1, 2]);
  });
  it("handles large input (speed is measured by npm run bench)", () => {
    const model = Array.from({ length: 100000 }, (_, i) => `段${i}`);
    const word = model.map((t, i) => (i % 7 === 0 ? t + "*" : t));
    const map = alignParagraphs(model, word);
    expect(map[99999]).toBe(99999);
  });
});

describe("movedStart", () => {
  it("follows an excerpt when the edit is before or after it", () => {
    expect(movedStart("要抓落实。", "我们要抓落实。", 1, 4)).toBe(3);
    expect(movedStart("要抓落实。", "要抓落实。好", 1, 4)).toBe(1);
    expect(movedStart("要抓落实。", "要抓实。", 1, 4)).toBeUndefined();
  });
});
