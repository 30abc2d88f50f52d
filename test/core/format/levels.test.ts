import {
  dominantSizePt,
  firstLineIndentChars,
  formatSegments,
  headingExtent,
  leadingSpaces,
  levelFormat,
  paragraphRole,
  type ParagraphRole,
} from "../../../src/core/format/levels";
import { speechProfile } from "../../../src/core/profiles";
import { makeDoc } from "../../helpers/docBuilder";
import { makeOutline } from "./testOutline";

describe("paragraphRole", () => {
  const doc = makeDoc([
    { text: "在全市办公室工作会议上的讲话", alignment: "center" }, // 0 title
    { text: "张三", alignment: "center" }, // 1 speaker, centred
    "（2023年5月10日）", // 2 date line under the title
    "同志们：", // 3 salutation
    "这次会议的主要任务是总结工作。", // 4 body
    "", // 5 empty
    "一、充分认识办公室工作的重要性", // 6 level 1
    "（一）加强学习。要把学习作为第一需要。", // 7 level 2, run-in
    "1.提高站位", // 8 level 3
    "（1）统一思想", // 9 level 4
    "①第一项", // 10 level 5 → body
    { text: "表格里的字", inTable: true }, // 11 table
    { text: "第一部分　总体要求", outlineLevel: 0 }, // 12 styled heading the parser does not know
    { text: "某某市人民政府办公室", alignment: "right" }, // 13 落款
    "2023年5月10日", // 14 date
    "　　", // 15 full-width blanks only
    { text: "页眉", part: "header" }, // 16 not body
  ]);
  const outline = makeOutline(doc, {
    title: 0,
    salutation: 3,
    headings: [
      { paragraph: 6, level: 1, raw: "一、" },
      { paragraph: 7, level: 2, raw: "（一）", standalone: false },
      { paragraph: 8, level: 3, raw: "1." },
      { paragraph: 9, level: 4, raw: "（1）" },
      { paragraph: 10, level: 5, raw: "①" },
    ],
  });
  const want: ParagraphRole[] = [
    "title",
    "other",
    "other",
    "salutation",
    "body",
    "empty",
    "level1",
    "level2",
    "level3",
    "level4",
    "body",
    "other",
    "other",
    "other",
    "other",
    "empty",
    "other",
  ];
  it.each(want.map((r, i) => [i, r] as const))("paragraph %i is %s", (i, role) => {
    expect(paragraphRole(doc, outline, i)).toBe(role);
  });

  it("gives other for an index out of range", () => {
    expect(paragraphRole(doc, outline, 99)).toBe("other");
  });

  it("without a recognised title, a short first line is left alone (a missed title)", () => {
    const d = makeDoc(["", "关于加强管理的讲话", "今天开会。", "谢谢大家"]);
    const o = makeOutline(d);
    expect(paragraphRole(d, o, 1)).toBe("other");
    expect(paragraphRole(d, o, 2)).toBe("body");
    expect(paragraphRole(d, o, 3)).toBe("body");
    const sentence = makeDoc(["今天开会，讲三点。"]);
    expect(paragraphRole(sentence, makeOutline(sentence), 0)).toBe("body");
  });

  it("firstLineChars 0 next to a point indent uses the points", () => {
    const [p] = makeDoc([{ text: "正文。", firstLineIndentChars: 0, firstLineIndentPt: 32, font: { sizePt: 16 } }]).paragraphs;
    expect(firstLineIndentChars(p, 16)).toBe(2);
  });

  it("the title block ends at the first sentence", () => {
    const d = makeDoc(["关于加强管理的讲话", "今天开会。", "短句"]);
    const o = makeOutline(d, { title: 0 });
    expect(paragraphRole(d, o, 1)).toBe("body");
    expect(paragraphRole(d, o, 2)).toBe("body");
  });

  it("an auto-numbered heading with blank text is not empty", () => {
    const d = makeDoc([{ text: "", listLabel: "一、" }]);
    const o = makeOutline(d, { headings: [{ paragraph: 0, level: 1, raw: "" }] });
    expect(paragraphRole(d, o, 0)).toBe("level1");
  });
});

describe("headingExtent / formatSegments", () => {
  const doc = makeDoc([
    "（一）加强学习。要把学习作为第一需要。",
    "一、总体要求",
    "1.工作目标：到2025年基本建成。",
    "（二）没有句号的标题后接正文",
    { text: "统一思想。要提高认识。", listLabel: "（1）" },
  ]);
  const outline = makeOutline(doc, {
    headings: [
      { paragraph: 0, level: 2, raw: "（一）", standalone: false },
      { paragraph: 1, level: 1, raw: "一、" },
      { paragraph: 2, level: 3, raw: "1.", standalone: false },
      { paragraph: 3, level: 2, raw: "（二）", standalone: false },
      { paragraph: 4, level: 4, raw: "", standalone: false },
    ],
  });
  it("run-in heading ends at the first 。", () => {
    expect(headingExtent(doc.paragraphs[0], outline.byParagraph.get(0)!)).toEqual({ start: 0, end: 8 });
    expect(formatSegments(doc, outline, 0)).toEqual([
      { start: 0, end: 8, role: "level2" },
      { start: 8, end: 19, role: "body" },
    ]);
  });
  it("standalone heading is one segment", () => {
    expect(formatSegments(doc, outline, 1)).toEqual([{ start: 0, end: 6, role: "level1" }]);
  });
  it("run-in heading may end at ：", () => {
    expect(formatSegments(doc, outline, 2)[0]).toEqual({ start: 0, end: 7, role: "level3" });
  });
  it("run-in heading without an end mark covers the whole text", () => {
    expect(formatSegments(doc, outline, 3)).toEqual([{ start: 0, end: doc.paragraphs[3].text.length, role: "level2" }]);
  });
  it("a list-label marker starts the heading at 0", () => {
    expect(formatSegments(doc, outline, 4)).toEqual([
      { start: 0, end: 5, role: "level4" },
      { start: 5, end: 11, role: "body" },
    ]);
  });
  it("empty and other paragraphs have no segments", () => {
    const d = makeDoc(["", { text: "表", inTable: true }]);
    const o = makeOutline(d);
    expect(formatSegments(d, o, 0)).toEqual([]);
    expect(formatSegments(d, o, 1)).toEqual([]);
  });
});

describe("levelFormat", () => {
  const spec = speechProfile().format;
  it("maps roles to the profile's formats", () => {
    expect(levelFormat(spec, "title")?.sizePt).toBe(22);
    expect(levelFormat(spec, "level1")?.fonts[0]).toBe("黑体");
    expect(levelFormat(spec, "salutation")).toBe(spec.body);
    expect(levelFormat(spec, "other")).toBeUndefined();
    expect(levelFormat(spec, "empty")).toBeUndefined();
  });
});

describe("indent helpers", () => {
  it("prefers firstLineIndentChars", () => {
    const [p] = makeDoc([{ text: "正文", firstLineIndentChars: 2, firstLineIndentPt: 10, font: { sizePt: 16 } }]).paragraphs;
    expect(firstLineIndentChars(p, 16)).toBe(2);
  });
  it("divides points by the main font size", () => {
    const [p] = makeDoc([
      {
        text: "正文正文正文ab",
        firstLineIndentPt: 24,
        runs: [
          { text: "正文正文正文", sizePt: 12 },
          { text: "ab", sizePt: 16 },
        ],
      },
    ]).paragraphs;
    expect(dominantSizePt(p)).toBe(12);
    expect(firstLineIndentChars(p, 16)).toBe(2);
  });
  it("falls back to the given size, and to undefined", () => {
    const [p, q] = makeDoc([{ text: "正文", firstLineIndentPt: 32 }, "正文"]).paragraphs;
    expect(firstLineIndentChars(p, 16)).toBe(2);
    expect(firstLineIndentChars(q, 16)).toBeUndefined();
  });
  it("counts leading spaces", () => {
    expect(leadingSpaces("　　正文")).toEqual({ length: 2, width: 2 });
    expect(leadingSpaces("    正文")).toEqual({ length: 4, width: 2 });
    expect(leadingSpaces("正文　")).toEqual({ length: 0, width: 0 });
  });
});
