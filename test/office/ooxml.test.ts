import { gongwenProfile } from "../../src/core/profiles";
import { readFlatOpc } from "../../src/core/reader/index";
import { buildParagraphsPackage, stylesXml, xmlText } from "../../src/office/ooxml";
import { roleFormats, type Role } from "../../src/office/roles";

const SKELETON: Array<{ text: string; role: Role }> = [
  { text: "在全市工作会议上的讲话", role: "title" },
  { text: "同志们：", role: "salutation" },
  { text: "一、统一思想", role: "level1" },
  { text: "（一）提高认识", role: "level2" },
  { text: "1.明确任务", role: "level3" },
  { text: "（1）细化分工", role: "level4" },
  { text: "要抓好落实，确保见效。", role: "body" },
];

describe("buildParagraphsPackage", () => {
  const doc = readFlatOpc(buildParagraphsPackage(SKELETON));
  const p = doc.paragraphs;

  it("reads back as one paragraph per input, texts unchanged, each in its named style", () => {
    expect(p.map((x) => x.text)).toEqual(SKELETON.map((s) => s.text));
    expect(p.map((x) => x.styleName)).toEqual(["公文标题", "正文", "一级标题", "二级标题", "三级标题", "四级标题", "正文"]);
  });

  it("sets the East Asian font per role (黑体, 楷体, 仿宋), Latin font and size", () => {
    const ea = p.map((x) => x.runs[0].fontEastAsia);
    expect(ea).toEqual(["方正小标宋简体", "仿宋_GB2312", "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312", "仿宋_GB2312"]);
    expect(p[2].runs[0]).toMatchObject({ fontLatin: "Times New Roman", sizePt: 16, bold: false });
    expect(p[0].runs[0]).toMatchObject({ sizePt: 22 });
  });

  it("gives headings outline levels 1–4 for the navigation pane and none to body text", () => {
    expect(p.map((x) => x.outlineLevel)).toEqual([undefined, undefined, 0, 1, 2, 3, undefined]);
  });

  it("indents body and headings two characters, the title and salutation not at all", () => {
    expect(p[6]).toMatchObject({ firstLineIndentChars: 2, firstLineIndentPt: 32 });
    expect(p[2]).toMatchObject({ firstLineIndentChars: 2 });
    expect(p[0].firstLineIndentChars).toBeUndefined(); // 0 chars
    expect(p[0].firstLineIndentPt).toBe(0);
    expect(p[1].firstLineIndentPt).toBe(0);
  });

  it("uses fixed line spacing and centres the title", () => {
    expect(p[6].lineSpacing).toEqual({ rule: "exact", value: 28.95 });
    expect(p[2].lineSpacing).toEqual({ rule: "exact", value: 28.95 });
    expect(p[0].lineSpacing?.rule).toBe("exact");
    expect(p[0].lineSpacing!.value).toBeGreaterThanOrEqual(22);
    expect(p[0].alignment).toBe("center");
    expect(p[6].alignment).toBe("justify");
  });

  it("defines the six styles with East Asian fonts, sizes and outline levels, even without direct formatting", () => {
    // A paragraph that only names the style resolves its formatting through styles.xml.
    const bare = (style: string) => `<w:p><w:pPr><w:pStyle w:val="${style}"/></w:pPr><w:r><w:t>字</w:t></w:r></w:p>`;
    const pkg = buildParagraphsPackage([{ text: "x", role: "body" }]).replace(
      /<w:body>.*<\/w:body>/,
      `<w:body>${["公文标题", "一级标题", "二级标题", "三级标题", "四级标题", "正文"].map(bare).join("")}</w:body>`,
    );
    const d = readFlatOpc(pkg).paragraphs;
    expect(d.map((x) => x.runs[0].fontEastAsia)).toEqual(["方正小标宋简体", "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312", "仿宋_GB2312"]);
    expect(d.map((x) => x.runs[0].sizePt)).toEqual([22, 16, 16, 16, 16, 16]);
    expect(d.map((x) => x.outlineLevel)).toEqual([undefined, 0, 1, 2, 3, undefined]);
    expect(d[5]).toMatchObject({ firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28.95 }, alignment: "justify" });
    expect(d[0].alignment).toBe("center");
    expect(stylesXml()).toContain('<w:outlineLvl w:val="0"/>');
  });

  it("follows the profile's house format", () => {
    const spec = gongwenProfile().format;
    spec.level1 = { fonts: ["方正黑体_GBK"], sizePt: 15, bold: true };
    spec.lineSpacingPt = [29, 30];
    const d = readFlatOpc(buildParagraphsPackage([{ text: "一、总体要求", role: "level1" }], spec)).paragraphs[0];
    expect(d.runs[0]).toMatchObject({ fontEastAsia: "方正黑体_GBK", sizePt: 15, bold: true });
    expect(d.lineSpacing).toEqual({ rule: "exact", value: 29.5 });
    expect(d.firstLineIndentPt).toBe(30);
    expect(roleFormats(spec).level1.firstLineIndentPt).toBe(30);
  });

  it("escapes markup, keeps line breaks and tabs, and drops characters XML cannot hold", () => {
    const d = readFlatOpc(buildParagraphsPackage([{ text: 'A&B <c> "d"\n第二行\t尾\u0001', role: "body" }])).paragraphs[0];
    expect(d.text).toBe('A&B <c> "d"\n第二行\t尾');
    expect(xmlText("a\u0000b")).toBe("ab");
  });

  it("builds an empty body for no paragraphs", () => {
    expect(readFlatOpc(buildParagraphsPackage([])).paragraphs).toEqual([]);
  });
});
