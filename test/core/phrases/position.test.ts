import { documentPart, type DocumentPart, type PartParagraph } from "../../../src/core/phrases/position";

/** A document from lines: 一、/（一） lines are headings of level 1 / 2. */
const doc = (...lines: string[]): PartParagraph[] =>
  lines.map((text) => ({ text, level: text.startsWith("（") ? 2 : /^[一二三四五六七八九十]+、/.test(text) ? 1 : undefined }));

const SPEECH = doc(
  "在全县教育工作会议上的讲话", // 0 title
  "同志们：", // 1
  "今天召开全县教育工作会议。", // 2
  "一、认清形势", // 3
  "（一）成绩来之不易", // 4
  "正文。", // 5
  "二、狠抓落实", // 6
  "正文。", // 7
  "最后，强调一点：要抓好安全工作。", // 8 still the last section's text? no: 最后， opens the closing
  "同志们，让我们共同努力！", // 9
  "谢谢大家。", // 10
);

describe("documentPart", () => {
  it.each<[number, DocumentPart]>([
    [0, "opening"],
    [1, "opening"],
    [2, "opening"],
    [3, "section"],
    [5, "section"],
    [6, "section"],
    [7, "section"],
    [8, "closing"],
    [9, "closing"],
    [10, "closing"],
  ])("paragraph %i → %s", (i, part) => {
    expect(documentPart(SPEECH, i)).toBe(part);
  });

  it("the closing starts only after the last top-level heading: 同志们， inside a section is the section", () => {
    const d = doc("一、认清形势", "同志们，形势逼人。", "二、狠抓落实", "正文。", "同志们，让我们共同努力！");
    expect(documentPart(d, 1)).toBe("section");
    expect(documentPart(d, 3)).toBe("section");
    expect(documentPart(d, 4)).toBe("closing");
  });

  it("a top-level heading that is the closing call is the closing, with what follows", () => {
    const d = doc("一、认清形势", "正文。", "二、为建设教育强县而努力奋斗", "正文。");
    expect(documentPart(d, 1)).toBe("section");
    expect(documentPart(d, 2)).toBe("closing");
    expect(documentPart(d, 3)).toBe("closing");
  });

  it("top level is the smallest level used: a speech with only （一） headings", () => {
    const d = doc("同志们：", "（一）认清形势", "正文。", "（二）狠抓落实", "正文。", "谢谢大家。");
    expect(documentPart(d, 0)).toBe("opening");
    expect(documentPart(d, 2)).toBe("section");
    expect(documentPart(d, 4)).toBe("section");
    expect(documentPart(d, 5)).toBe("closing");
  });

  it("without headings, or for an index out of range, there is no part", () => {
    expect(documentPart(doc("同志们：", "正文。"), 0)).toBeUndefined();
    expect(documentPart(SPEECH, -1)).toBeUndefined();
    expect(documentPart(SPEECH, 99)).toBeUndefined();
    expect(documentPart(SPEECH, 1.5)).toBeUndefined();
    expect(documentPart([], 0)).toBeUndefined();
  });

  it("never throws on odd paragraphs", () => {
    const odd = [null, { text: 5 }, { text: "一、", level: Number.NaN }, { text: "\ud800", level: 1 }, { level: 1 }] as unknown as PartParagraph[];
    for (let i = 0; i < odd.length; i++) expect(() => documentPart(odd, i)).not.toThrow();
    expect(documentPart(odd, 4)).toBe("section");
  });
});
