/**
 * 下载文档's writer: what the preview holds comes back from the .docx through the project's own
 * reader — text, run fonts and sizes, paragraph format, page setup, comments.
 */
import { unzipSync, strFromU8 } from "fflate";
import { applyFixes } from "../../src/core/fixes";
import * as fs from "fs";
import * as path from "path";
import { displayText, docFromText, type DocModel, type Paragraph } from "../../src/core/model";
import { readDocx } from "../../src/core/reader";
import { exportFileName, modelToDocx } from "../../src/preview/exportDocx";
import { sampleDraft } from "../../src/preview/sampleDraft";

const texts = (d: DocModel) => d.paragraphs.map((p) => p.text);
const comments = (d: DocModel) => d.otherParagraphs.filter((p) => p.part === "comment").map((p) => p.text);

/** The paragraph properties the preview shows and the checks read. */
function shape(p: Paragraph) {
  return {
    text: p.text,
    // No alignment of its own: the preview shows it justified, as the house style (and the file's defaults) have it.
    alignment: p.alignment ?? "justify",
    outlineLevel: p.outlineLevel,
    firstLineIndentChars: p.firstLineIndentChars,
    lineSpacing: p.lineSpacing,
    runs: p.runs.map((r) => ({ text: r.text, fontEastAsia: r.fontEastAsia, fontLatin: r.fontLatin, sizePt: r.sizePt, bold: !!r.bold })),
  };
}

describe("modelToDocx", () => {
  test("the sample draft reads back paragraph for paragraph: text, fonts, sizes, alignment, indent, spacing, outline level, page", () => {
    const doc = sampleDraft();
    const back = readDocx(modelToDocx(doc));
    expect(back.paragraphs.map(shape)).toEqual(doc.paragraphs.map(shape));
    expect(back.hasFormatting).toBe(true);
    const [s] = back.sections;
    expect(s.pageWidthMm).toBeCloseTo(210, 0);
    expect(s.pageHeightMm).toBeCloseTo(297, 0);
    expect(s.marginTopMm).toBeCloseTo(37, 0);
    expect(s.marginLeftMm).toBeCloseTo(28, 0);
  });

  test("writes the document as fixed, not as opened", () => {
    const doc = sampleDraft();
    const i = doc.paragraphs.findIndex((p) => p.text.startsWith("(二)"));
    const fixed = applyFixes(doc, [{ description: "改为全角括号", text: [{ paragraph: i, start: 0, end: 3, text: "（二）" }] }]);
    const back = readDocx(modelToDocx(fixed));
    expect(back.paragraphs[i].text).toBe(`（二）${doc.paragraphs[i].text.slice(3)}`);
    expect(texts(back)).toEqual(texts(fixed));
  });

  test("comments become Word comments around their text; an empty range covers the paragraph", () => {
    const doc = sampleDraft();
    const bytes = modelToDocx(doc, {
      comments: [
        { paragraph: 9, start: 30, end: 32, text: "“处臵”应为“处置”。" },
        { paragraph: 4, start: 0, end: 0, text: "只讲了两点。" },
        { paragraph: 99, start: 0, end: 1, text: "不存在的段落：不写" },
      ],
      date: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)),
    });
    const back = readDocx(bytes);
    expect(texts(back)).toEqual(texts(doc));
    expect(comments(back)).toEqual(["“处臵”应为“处置”。", "只讲了两点。"]);
    const files = unzipSync(bytes);
    const xml = strFromU8(files["word/document.xml"]);
    const p9 = doc.paragraphs[9].text;
    // The range wraps exactly the two characters of the comment.
    expect(xml).toContain(`<w:commentRangeStart w:id="0"/><w:r>`);
    const inside = xml.slice(xml.indexOf('<w:commentRangeStart w:id="0"/>'), xml.indexOf('<w:commentRangeEnd w:id="0"/>'));
    expect(inside.replace(/<[^>]+>/g, "")).toBe(p9.slice(30, 32));
    expect(xml).toContain('<w:commentReference w:id="1"/>');
    const cx = strFromU8(files["word/comments.xml"]);
    expect(cx).toContain('w:author="笔杆子"');
    expect(cx).toContain('w:date="2024-01-02T03:04:05Z"');
    expect(strFromU8(files["[Content_Types].xml"])).toContain("/word/comments.xml");
  });

  test("no comments: no comments part", () => {
    const files = unzipSync(modelToDocx(sampleDraft()));
    expect(files["word/comments.xml"]).toBeUndefined();
    expect(strFromU8(files["word/_rels/document.xml.rels"])).not.toContain("comments");
  });

  test("a plain-text draft comes out in the house format with its text unchanged", () => {
    const doc = docFromText("同志们：\n下面，我讲两点意见。\n\n一、提高认识");
    const back = readDocx(modelToDocx(doc));
    expect(texts(back)).toEqual(texts(doc));
    expect(back.paragraphs[1].runs[0]?.fontEastAsia).toBe("仿宋_GB2312");
  });

  test("automatic list numbers are kept as text; tabs, line breaks and characters XML forbids do not break the file", () => {
    const doc = docFromText("x");
    doc.paragraphs = [
      { index: 0, part: "body", text: "加强领导", listLabel: "二、", runs: [{ text: "加强领导", start: 0, end: 4, fontEastAsia: "黑体", sizePt: 16 }] },
      { index: 1, part: "body", text: "甲\t乙\u0001丙<&>\ud800丁", runs: [] },
      { index: 2, part: "body", text: "", runs: [] },
    ];
    doc.hasFormatting = true;
    const back = readDocx(modelToDocx(doc, { comments: [{ paragraph: 2, start: 0, end: 0, text: "空段落" }] }));
    expect(back.paragraphs[0].text).toBe("二、加强领导");
    expect(back.paragraphs[0].runs.every((r) => r.fontEastAsia === "黑体")).toBe(true);
    expect(back.paragraphs[1].text).toBe("甲\t乙丙<&>丁");
    expect(back.paragraphs[2].text).toBe("");
    expect(comments(back)).toEqual(["空段落"]);
  });

  test("a run split by a comment keeps its format on both sides", () => {
    const doc = sampleDraft();
    const back = readDocx(modelToDocx(doc, { comments: [{ paragraph: 11, start: 2, end: 6, text: "字体" }] }));
    expect(back.paragraphs[11].text).toBe(doc.paragraphs[11].text);
    expect(new Set(back.paragraphs[11].runs.map((r) => r.fontEastAsia))).toEqual(new Set(["宋体"]));
  });

  test.each(["gongwen.docx", "gongwen-lo.docx", "lo-outline.docx"])("%s opened in the preview and downloaded reads back with the same text and fonts", (name) => {
    const doc = readDocx(new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "fixtures", "docx", name))));
    const back = readDocx(modelToDocx(doc));
    // Automatic numbers come back as text in front of their paragraph.
    expect(texts(back)).toEqual(doc.paragraphs.map(displayText));
    const fonts = (d: DocModel) => d.paragraphs.map((p) => p.runs.filter((r) => r.text.trim()).map((r) => r.fontEastAsia ?? "").filter((f, i, a) => a.indexOf(f) === i));
    expect(fonts(back)).toEqual(fonts(doc));
  });

  test("the file name says it is the changed copy", () => {
    expect(exportFileName("稿子.docx")).toBe("稿子（修改后）.docx");
    expect(exportFileName("草稿.TXT")).toBe("草稿（修改后）.docx");
    expect(exportFileName("示例讲话稿（内置）")).toBe("示例讲话稿（内置）（修改后）.docx");
    expect(exportFileName("a/b:c.docx")).toBe("a_b_c（修改后）.docx");
    expect(exportFileName(".docx")).toBe("文档（修改后）.docx");
  });
});
