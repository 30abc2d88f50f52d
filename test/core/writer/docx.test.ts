import { unzipSync } from "fflate";
import type { InsertParagraph } from "../../../src/core/host";
import { templateByName } from "../../../src/core/outline";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { parseXml } from "../../../src/core/reader/xml";
import { writeDocx } from "../../../src/core/writer/docx";

const spec = resolveProfile("speech").format;
const dec = new TextDecoder();

const SAMPLE: InsertParagraph[] = [
  { role: "title", text: "在全县工作会议上的讲话" },
  { role: "subtitle", text: "张三" },
  { role: "salutation", text: "同志们：" },
  { role: "body", text: "今天召开会议。下面，我讲两点意见。" },
  { role: "level1", text: "一、提高认识" },
  { role: "level2", text: "（一）加强学习" },
  { role: "level3", text: "1.学深悟透" },
  { role: "level4", text: "（1）原原本本学" },
  { role: "body", text: "要<认真>学习 & “贯彻” 'A' \"B\"\t制表\n换行。" },
  { role: "level1", text: "二、狠抓落实" },
  { role: "closing", text: "同志们，让我们共同努力！" },
  { role: "signature", text: "某某县人民政府" },
  { role: "signature", text: "2024年5月10日" },
];

describe("writeDocx", () => {
  const bytes = writeDocx(SAMPLE, spec);
  const files = unzipSync(bytes);

  it("writes the parts of a minimal package, each well-formed XML", () => {
    for (const name of [
      "[Content_Types].xml",
      "_rels/.rels",
      "word/document.xml",
      "word/styles.xml",
      "word/settings.xml",
      "word/_rels/document.xml.rels",
      "docProps/core.xml",
    ]) {
      expect(files[name]).toBeDefined();
      expect(() => parseXml(dec.decode(files[name]))).not.toThrow();
    }
  });

  it("round-trips the texts through our reader", () => {
    const doc = readDocx(bytes);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(SAMPLE.map((p) => p.text));
  });

  it("gives each level its East Asian font and size, Latin in Times New Roman", () => {
    const doc = readDocx(bytes);
    const font = (i: number) => doc.paragraphs[i].runs.map((r) => r.fontEastAsia);
    const size = (i: number) => doc.paragraphs[i].runs.map((r) => r.sizePt);
    const byRole = (role: InsertParagraph["role"]) => SAMPLE.findIndex((p) => p.role === role);
    expect(font(byRole("title"))).toEqual(["方正小标宋简体"]);
    expect(size(byRole("title"))).toEqual([22]);
    expect(font(byRole("level1"))).toEqual(["黑体"]);
    expect(font(byRole("level2"))).toEqual(["楷体_GB2312"]);
    expect(font(byRole("level3"))).toEqual(["仿宋_GB2312"]);
    expect(font(byRole("level4"))).toEqual(["仿宋_GB2312"]);
    expect(font(byRole("body"))).toEqual(["仿宋_GB2312"]);
    expect(font(byRole("subtitle"))).toEqual(["楷体_GB2312"]);
    for (const p of doc.paragraphs) {
      for (const r of p.runs) expect(r.fontLatin).toBe("Times New Roman");
      if (p.index !== byRole("title")) expect(p.runs.map((r) => r.sizePt)).toEqual(p.runs.map(() => 16));
    }
  });

  it("sets styles, outline levels, indents, alignment and exact line spacing", () => {
    const doc = readDocx(bytes);
    const p = (role: InsertParagraph["role"]) => doc.paragraphs[SAMPLE.findIndex((s) => s.role === role)];
    expect(p("title").styleName).toBe("公文标题");
    expect(p("title").alignment).toBe("center");
    expect(p("level1").styleName).toBe("一级标题");
    expect(p("level1").outlineLevel).toBe(0);
    expect(p("level2").styleName).toBe("二级标题");
    expect(p("level2").outlineLevel).toBe(1);
    expect(p("level3").outlineLevel).toBe(2);
    expect(p("level4").outlineLevel).toBe(3);
    expect(p("body").styleName).toBe("正文");
    expect(p("body").outlineLevel).toBeUndefined();
    expect(p("body").firstLineIndentChars).toBe(2);
    expect(p("body").firstLineIndentPt).toBe(32);
    expect(p("level1").firstLineIndentChars).toBe(2);
    expect(p("salutation").firstLineIndentChars).toBeUndefined();
    expect(p("salutation").firstLineIndentPt).toBe(0);
    expect(p("signature").alignment).toBe("right");
    expect(p("closing").firstLineIndentChars).toBe(2);
    for (const q of doc.paragraphs) expect(q.lineSpacing).toEqual({ rule: "exact", value: 28.95 });
  });

  it("sets A4 with the GB/T 9704 margins and a 22-line grid", () => {
    const doc = readDocx(bytes);
    expect(doc.sections).toEqual([
      {
        pageWidthMm: 210,
        pageHeightMm: 297,
        marginTopMm: 37,
        marginBottomMm: 35,
        marginLeftMm: 28,
        marginRightMm: 26,
        gridType: "lines",
        gridLinePitchPt: 28.95,
      },
    ]);
    const xml = dec.decode(files["word/document.xml"]);
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1587"');
    const styles = dec.decode(files["word/styles.xml"]);
    expect(styles).toMatch(/w:styleId="BiganziBody"><w:name w:val="正文"\/>.*?w:firstLineChars="200" w:firstLine="640"/);
    expect(styles).toContain('w:line="579" w:lineRule="exact"');
  });

  it("escapes markup characters and writes tabs and breaks as elements", () => {
    const xml = dec.decode(files["word/document.xml"]);
    expect(xml).toContain("要&lt;认真&gt;学习 &amp; “贯彻”");
    expect(xml).toContain("<w:tab/>");
    expect(xml).toContain("<w:br/>");
  });

  it("drops characters XML cannot hold instead of writing a broken file", () => {
    const b = writeDocx([{ role: "body", text: "甲\u0001乙\u0008丙" }], spec);
    expect(readDocx(b).paragraphs[0].text).toBe("甲乙丙");
  });

  it("follows the profile: a unit's fonts and sizes", () => {
    const custom = resolveProfile("gongwen", { format: { level1: { fonts: ["方正黑体_GBK"], sizePt: 18 }, body: { fonts: ["仿宋"] } } }).format;
    const doc = readDocx(writeDocx(SAMPLE, custom));
    const i = SAMPLE.findIndex((s) => s.role === "level1");
    expect(doc.paragraphs[i].runs[0].fontEastAsia).toBe("方正黑体_GBK");
    expect(doc.paragraphs[i].runs[0].sizePt).toBe(18);
    expect(doc.paragraphs[SAMPLE.findIndex((s) => s.role === "body")].runs[0].fontEastAsia).toBe("仿宋");
  });

  it("writes a whole template skeleton", () => {
    const t = templateByName("通知")!;
    const paras = t.build(t.defaults);
    const doc = readDocx(writeDocx(paras, spec));
    expect(doc.paragraphs.map((p) => p.text)).toEqual(paras.map((p) => p.text));
  });
});
