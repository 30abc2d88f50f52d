/**
 * The reader on real files: gongwen.docx written by the `docx` package
 * (scripts/fixtures/make-fixtures.js), the same file re-written by LibreOffice
 * (gongwen-lo.docx) and a LibreOffice document made from a hand-written flat ODT
 * (lo-outline.docx) — see scripts/fixtures/convert-with-libreoffice.sh.
 */
import { readFileSync } from "fs";
import { join } from "path";
import type { DocModel, Paragraph } from "../../../src/core/model";
import { readDocument, readDocx } from "../../../src/core/reader";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "docx");
const load = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));
const read = (name: string) => readDocument(load(name), name);

const byText = (doc: DocModel, text: string): Paragraph => {
  const p = doc.paragraphs.find((x) => x.text === text);
  if (!p) throw new Error(`no paragraph ${text}`);
  return p;
};
const labels = (doc: DocModel) => doc.paragraphs.filter((p) => p.listLabel).map((p) => `${p.listLabel}${p.text}`);
/** The East Asian font of a paragraph if all its runs agree. */
const eaFont = (p: Paragraph) => {
  const fonts = new Set(p.runs.map((r) => r.fontEastAsia));
  return fonts.size === 1 ? [...fonts][0] : [...fonts].join("+");
};

function runsCoverText(doc: DocModel) {
  for (const p of [...doc.paragraphs, ...doc.otherParagraphs]) {
    let pos = 0;
    for (const r of p.runs) {
      expect(r.start).toBe(pos);
      expect(p.text.slice(r.start, r.end)).toBe(r.text);
      pos = r.end;
    }
    expect(pos).toBe(p.text.length);
  }
  doc.paragraphs.forEach((p, i) => expect(p.index).toBe(i));
  doc.otherParagraphs.forEach((p, i) => expect(p.index).toBe(i));
}

const GONGWEN_LABELS = [
  "一、总体要求",
  "（一）指导思想",
  "（二）工作目标",
  "1.事故总量下降",
  "2.重大风险管控",
  "（三）基本原则",
  "1.坚持人民至上",
  "二、重点任务",
  "（一）开展隐患排查",
  "1.全面排查",
  "①带圈编号甲",
  "②带圈编号乙",
  "三、工作要求",
  "（一）加强组织领导",
];

describe.each([
  ["gongwen.docx", "docx package"],
  ["gongwen-lo.docx", "re-written by LibreOffice"],
])("%s (%s)", (file) => {
  const doc = read(file);

  test("source and formatting", () => {
    expect(doc.source).toBe("docx");
    expect(doc.hasFormatting).toBe(true);
  });

  test("body texts in document order, table cells included, text box kept out", () => {
    const texts = doc.paragraphs.map((p) => p.text);
    expect(texts.slice(0, 4)).toEqual(["关于做好2024年安全生产工作的通知", "各区人民政府，市政府各部门：", "为切实做好安全生产工作，现将有关事项通知如下。", "总体要求"]);
    expect(texts).toContain("第一行\n第二行\t制表后");
    expect(texts[texts.length - 1]).toBe("2024年3月1日");
    expect(byText(doc, "正文含文本框").text).toBe("正文含文本框");
    expect(texts.join("")).not.toContain("文本框里的字");
    expect(texts.join("")).not.toContain("页眉");
    expect(texts.join("")).not.toContain("脚注");
  });

  test("auto-numbered labels 一、/（一）/1. with restarts and ①②", () => {
    expect(labels(doc)).toEqual(GONGWEN_LABELS);
  });

  test("table paragraphs, nested table too, are inTable", () => {
    for (const t of ["序号", "任务", "1", "隐患排查", "嵌套单元格"]) expect(byText(doc, t).inTable).toBe(true);
    expect(byText(doc, "特此通知。").inTable).toBeUndefined();
    const order = doc.paragraphs.map((p) => p.text);
    expect(order.indexOf("嵌套单元格")).toBe(order.indexOf("隐患排查") + 1);
  });

  test("header, footer, footnote and text box are other paragraphs", () => {
    const other = doc.otherParagraphs.map((p) => `${p.part}:${p.text}`);
    expect(other).toContain("header:页眉：某某市人民政府");
    expect(other).toContain("footnote:脚注：数据来源于市统计局。");
    expect(other).toContain("textbox:文本框里的字");
    expect(other.some((t) => t.startsWith("footer:—"))).toBe(true);
  });

  test("East Asian fonts per level: 方正小标宋简体 title, 黑体 一级, 楷体 二级, 仿宋 body (theme font)", () => {
    const title = byText(doc, "关于做好2024年安全生产工作的通知");
    expect(eaFont(title)).toBe("方正小标宋简体");
    expect(title.runs[0].sizePt).toBe(22);
    expect(title.alignment).toBe("center");
    expect(eaFont(byText(doc, "总体要求"))).toBe("黑体");
    expect(eaFont(byText(doc, "重点任务"))).toBe("黑体");
    expect(eaFont(byText(doc, "指导思想"))).toBe("楷体_GB2312");
    expect(eaFont(byText(doc, "特此通知。"))).toBe("仿宋_GB2312");
    expect(byText(doc, "特此通知。").runs[0].sizePt).toBe(16);
    expect(byText(doc, "特此通知。").runs[0].fontLatin).toBe("Times New Roman");
  });

  test("explicit run fonts, sizes and bold", () => {
    const p = byText(doc, "一要压实责任；二要强化督查。");
    expect(p.runs.map((r) => [r.text, r.fontEastAsia, r.sizePt])).toEqual([
      ["一要", "黑体", 16],
      ["压实责任；二要", "楷体_GB2312", 16],
      ["强化督查。", "仿宋_GB2312", 15],
    ]);
    const q = byText(doc, "为切实做好安全生产工作，现将有关事项通知如下。");
    expect(q.runs.map((r) => [r.text, r.bold])).toEqual([
      ["为切实做好安全生产工作，", false],
      ["现将有关事项通知如下", true],
      ["。", false],
    ]);
  });

  test("styles, outline levels, indents and exact 28.95 pt line spacing", () => {
    const h1 = byText(doc, "总体要求");
    expect(h1.styleName).toBe("公文一级标题");
    expect(h1.outlineLevel).toBe(0);
    expect(byText(doc, "指导思想").styleName).toBe("公文二级标题");
    expect(byText(doc, "指导思想").outlineLevel).toBe(1);
    const body = byText(doc, "特此通知。");
    expect(body.styleName).toBe("公文正文");
    expect(body.outlineLevel).toBeUndefined();
    expect(body.alignment).toBe("justify");
    expect(body.firstLineIndentPt).toBeCloseTo(32, 1);
    expect(body.lineSpacing).toEqual({ rule: "exact", value: 28.95 });
    expect(byText(doc, "2024年3月1日").alignment).toBe("right");
  });

  test("A4 page with GB/T 9704 margins and a 28.95 pt line grid", () => {
    expect(doc.sections).toHaveLength(1);
    const s = doc.sections[0];
    expect(s.pageWidthMm).toBeCloseTo(210, 0);
    expect(s.pageHeightMm).toBeCloseTo(297, 0);
    expect(Math.abs(s.marginTopMm - 37)).toBeLessThan(0.5);
    expect(Math.abs(s.marginBottomMm - 35)).toBeLessThan(0.5);
    expect(Math.abs(s.marginLeftMm - 28)).toBeLessThan(0.5);
    expect(Math.abs(s.marginRightMm - 26)).toBeLessThan(0.5);
    expect(s.gridType).toBe("lines");
    expect(s.gridLinePitchPt).toBeCloseTo(28.95, 2);
  });

  test("runs cover each paragraph's text exactly; indexes are positions", () => {
    runsCoverText(doc);
  });
});

describe("gongwen.docx specifics of the docx package", () => {
  const doc = readDocx(load("gongwen.docx"));
  test("first-line indent in chars as the style states it (firstLineChars=200)", () => {
    expect(byText(doc, "特此通知。").firstLineIndentChars).toBe(2);
    expect(byText(doc, "总体要求").firstLineIndentChars).toBe(2);
    // Table cells use Normal, which has no indent.
    expect(byText(doc, "序号").firstLineIndentChars).toBeUndefined();
  });
  test("style ids are kept", () => {
    expect(byText(doc, "总体要求").styleId).toBe("GongwenH1");
    expect(byText(doc, "序号").styleId).toBe("Normal");
  });
});

describe("lo-outline.docx (LibreOffice from a hand-written flat ODT)", () => {
  const doc = read("lo-outline.docx");

  test("texts in order, the text frame kept out of the body", () => {
    expect(doc.paragraphs.map((p) => p.text)).toEqual([
      "关于开展调查研究的通知",
      "各有关单位：",
      "为了深入调查研究，现通知如下。",
      "调研内容",
      "基层治理",
      "走访社区",
      "召开座谈会",
      "产业发展",
      "走访企业",
      "工作要求",
      "提高认识",
      "单位",
      "联系人",
      "请于月底前报送。",
    ]);
    expect(doc.otherParagraphs.map((p) => [p.part, p.text])).toEqual([["textbox", "框内文字"]]);
  });

  test("outline numbering from heading styles, decimal list restarted", () => {
    expect(labels(doc)).toEqual(["一、调研内容", "（一）基层治理", "1.走访社区", "2.召开座谈会", "（二）产业发展", "1.走访企业", "二、工作要求", "（一）提高认识"]);
  });

  test("East Asian fonts through styles and document defaults", () => {
    expect(eaFont(byText(doc, "关于开展调查研究的通知"))).toBe("方正小标宋简体");
    expect(byText(doc, "关于开展调查研究的通知").runs[0].sizePt).toBe(22);
    expect(eaFont(byText(doc, "调研内容"))).toBe("黑体");
    expect(eaFont(byText(doc, "基层治理"))).toBe("楷体_GB2312");
    expect(eaFont(byText(doc, "走访社区"))).toBe("仿宋_GB2312");
    expect(byText(doc, "走访社区").runs[0].sizePt).toBe(16);
    const p = byText(doc, "为了深入调查研究，现通知如下。");
    expect(p.runs.filter((r) => r.bold).map((r) => r.text)).toEqual(["深入调查研究"]);
  });

  test("styles, outline levels, alignment, indent and line spacing", () => {
    const h1 = byText(doc, "调研内容");
    expect(h1.styleName).toBe("Heading 1");
    expect(h1.outlineLevel).toBe(0);
    expect(byText(doc, "基层治理").outlineLevel).toBe(1);
    const body = byText(doc, "各有关单位：");
    expect(body.styleName).toBe("公文正文");
    expect(body.alignment).toBe("justify");
    expect(body.firstLineIndentPt).toBeCloseTo(32, 0);
    expect(body.lineSpacing).toEqual({ rule: "exact", value: 28.95 });
    expect(byText(doc, "关于开展调查研究的通知").lineSpacing).toEqual({ rule: "exact", value: 35 });
    expect(byText(doc, "单位").inTable).toBe(true);
    expect(byText(doc, "请于月底前报送。").inTable).toBeUndefined();
  });

  test("page set-up", () => {
    const s = doc.sections[doc.sections.length - 1];
    expect(Math.abs(s.pageWidthMm - 210)).toBeLessThan(0.5);
    expect(Math.abs(s.marginTopMm - 37)).toBeLessThan(0.5);
    expect(Math.abs(s.marginBottomMm - 35)).toBeLessThan(0.5);
    expect(Math.abs(s.marginLeftMm - 28)).toBeLessThan(0.5);
    expect(Math.abs(s.marginRightMm - 26)).toBeLessThan(0.5);
  });

  test("runs cover each paragraph's text exactly", () => {
    runsCoverText(doc);
  });
});
