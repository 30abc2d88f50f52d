import { unzipSync } from "fflate";
import {
  footerAligns,
  footerDistanceTwips,
  footerHasContent,
  footerParagraphXml,
  footerPartXml,
  pageNumberText,
  settingsChildAfterEvenAndOdd,
} from "../../../src/core/format/pageNumbers";
import { ConfigError, resolveProfile, validateConfig } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { parseXml } from "../../../src/core/reader/xml";
import { writeDocx } from "../../../src/core/writer/docx";
import { parseSpans } from "../../../src/core/writer/xmlspan";

const gongwen = resolveProfile("gongwen").format;
const speech = resolveProfile("speech").format;

/** The attributes of the first element named `name` in `xml`. */
function attrsOf(xml: string, name: string): Record<string, string> {
  const m = new RegExp(`<${name}((?:\\s+[\\w:]+="[^"]*")*)\\s*/?>`).exec(xml);
  if (!m) throw new Error(`no ${name} in ${xml}`);
  return Object.fromEntries([...m[1].matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]]));
}

describe("page number footers (GB/T 9704-2012 7.5)", () => {
  it("prints 「— n —」: 一字线, half-width space, Arabic digits", () => {
    expect(pageNumberText(1)).toBe("— 1 —");
    expect(pageNumberText(12)).toBe("— 12 —");
  });

  it.each([
    ["right", { "w:left": "0", "w:right": "280" }],
    ["left", { "w:left": "280", "w:right": "0" }],
    ["center", { "w:left": "0", "w:right": "0" }],
  ] as const)("a %s footer: aligned so, one 4号 character of space on its side, no first-line indent", (align, ind) => {
    const xml = footerParagraphXml(align);
    expect(attrsOf(xml, "w:jc")["w:val"]).toBe(align);
    expect(attrsOf(xml, "w:ind")).toMatchObject({ ...ind, "w:firstLine": "0", "w:firstLineChars": "0", "w:leftChars": "0" });
    expect(attrsOf(xml, "w:spacing")).toMatchObject({ "w:line": "280", "w:lineRule": "exact" });
  });

  it("holds a real PAGE field between 「— 」 and 「 —」 in 4号 宋体", () => {
    const xml = footerPartXml("right");
    expect(() => parseXml(xml)).not.toThrow();
    expect(xml).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*fldCharType="begin".*<w:instrText[^>]*> PAGE <\/w:instrText>.*fldCharType="separate".*fldCharType="end".*<w:t xml:space="preserve"> —<\/w:t>/);
    const fonts = attrsOf(xml, "w:rFonts");
    expect([fonts["w:ascii"], fonts["w:hAnsi"], fonts["w:eastAsia"]]).toEqual(["宋体", "宋体", "宋体"]);
    expect(attrsOf(xml, "w:sz")["w:val"]).toBe("28");
    // Every run of the paragraph is set so (the digits too: 半角宋体阿拉伯数字).
    const runs = xml.match(/<w:r>/g)!.length;
    expect(xml.match(/<w:sz w:val="28"\/>/g)!.length).toBe(runs + 1);
  });

  it("puts the 一字线 7 mm below the 版心, from the page margins", () => {
    // 35 mm bottom margin: the middle of the line at 28 mm, less half a 14 pt line → 1587 − 140.
    expect(footerDistanceTwips(gongwen)).toBe(1447);
    const taller = { ...gongwen, page: { ...gongwen.page, marginBottomMm: 45 } };
    expect(footerDistanceTwips(taller) - footerDistanceTwips(gongwen)).toBe(567);
    expect(footerDistanceTwips({ ...gongwen, page: { ...gongwen.page, marginBottomMm: 5 } })).toBe(0);
  });

  it("writes odd/even footers for gbt, one centred footer for center, none for none", () => {
    expect(footerAligns("gbt")).toEqual({ odd: "right", even: "left" });
    expect(footerAligns("center")).toEqual({ odd: "center" });
    expect(footerAligns("none")).toBeUndefined();
  });

  it("tells a footer of the document's own (a page number, text, a picture) from an empty one", () => {
    const ftr = (inner: string) => `<w:ftr xmlns:w="w">${inner}</w:ftr>`;
    expect(footerHasContent(ftr("<w:p/>"))).toBe(false);
    expect(footerHasContent(ftr('<w:p><w:r><w:t xml:space="preserve">  </w:t></w:r></w:p>'))).toBe(false);
    expect(footerHasContent(ftr('<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>'))).toBe(false);
    expect(footerHasContent(ftr('<w:p><w:fldSimple w:instr=" PAGE "/></w:p>'))).toBe(true);
    expect(footerHasContent(ftr('<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r></w:p>'))).toBe(true);
    expect(footerHasContent(ftr("<w:p><w:r><w:t>第1页</w:t></w:r></w:p>"))).toBe(true);
    expect(footerHasContent(ftr("<w:p><w:r><w:t>&#x5185;</w:t></w:r></w:p>"))).toBe(true);
    expect(footerHasContent(ftr("<w:p><w:r><w:drawing/></w:r></w:p>"))).toBe(true);
    expect(footerHasContent(footerPartXml("center"))).toBe(true);
    // Unparseable: left alone rather than hidden.
    expect(footerHasContent("<w:ftr><w:p>")).toBe(true);
  });

  it("places w:evenAndOddHeaders after defaultTabStop and before the compatibility settings", () => {
    expect(settingsChildAfterEvenAndOdd("w:zoom")).toBe(false);
    expect(settingsChildAfterEvenAndOdd("w:defaultTabStop")).toBe(false);
    expect(settingsChildAfterEvenAndOdd("w:characterSpacingControl")).toBe(true);
    expect(settingsChildAfterEvenAndOdd("w:compat")).toBe(true);
  });
});

describe("the pageNumbers option", () => {
  it("defaults to gbt for 公文 and center for speeches", () => {
    expect(gongwen.pageNumbers).toBe("gbt");
    expect(speech.pageNumbers).toBe("center");
  });

  it.each(["gbt", "center", "none"] as const)("a unit config may set %s", (mode) => {
    const cfg = validateConfig({ format: { pageNumbers: mode } }, []);
    expect(resolveProfile("speech", cfg).format.pageNumbers).toBe(mode);
    expect(resolveProfile("gongwen", cfg).format.pageNumbers).toBe(mode);
  });

  it.each([["right"], [true], [1], [""], [null], [["gbt"]]])("rejects %p with a Chinese message naming the choices", (bad) => {
    expect(() => validateConfig({ format: { pageNumbers: bad } }, [])).toThrow(ConfigError);
    expect(() => validateConfig({ format: { pageNumbers: bad } }, [])).toThrow(/format\.pageNumbers 只能是 "gbt".*"center".*"none"/);
  });

  it("lists pageNumbers among the format keys when a key is misspelt", () => {
    expect(() => validateConfig({ format: { pageNumber: "gbt" } }, [])).toThrow(/pageNumbers/);
  });
});

describe("biganzi new writes the page numbers", () => {
  const paras = [
    { role: "title" as const, text: "关于做好有关工作的通知" },
    { role: "body" as const, text: "各单位：" },
  ];
  const files = (spec: typeof gongwen) => {
    const dec = new TextDecoder();
    const all = unzipSync(writeDocx(paras, spec));
    return (name: string) => (all[name] ? dec.decode(all[name]) : undefined);
  };

  it("gongwen: odd footer right, even footer left, evenAndOddHeaders on, referenced from the sectPr", () => {
    const f = files(gongwen);
    const doc = f("word/document.xml")!;
    expect(doc).toContain('<w:footerReference w:type="default" r:id="rId3"/><w:footerReference w:type="even" r:id="rId4"/>');
    expect(attrsOf(doc, "w:pgMar")["w:footer"]).toBe("1447");
    const rels = f("word/_rels/document.xml.rels")!;
    expect(rels).toMatch(/Id="rId3" Type="[^"]*\/footer" Target="footer1.xml"/);
    expect(rels).toMatch(/Id="rId4" Type="[^"]*\/footer" Target="footer2.xml"/);
    expect(f("[Content_Types].xml")).toContain('PartName="/word/footer2.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"');
    expect(attrsOf(f("word/footer1.xml")!, "w:jc")["w:val"]).toBe("right");
    expect(attrsOf(f("word/footer2.xml")!, "w:jc")["w:val"]).toBe("left");
    const settings = f("word/settings.xml")!;
    expect(settings).toContain("<w:evenAndOddHeaders/>");
    // Schema order: after defaultTabStop, before characterSpacingControl.
    const kids = parseSpans(settings).children.map((c) => c.name);
    expect(kids.indexOf("w:evenAndOddHeaders")).toBe(kids.indexOf("w:defaultTabStop") + 1);
    const read = readDocx(writeDocx(paras, gongwen));
    expect(read.otherParagraphs.filter((p) => p.part === "footer").map((p) => p.text)).toEqual(["— 1 —", "— 1 —"]);
    expect(read.paragraphs.map((p) => p.text)).toEqual(paras.map((p) => p.text));
  });

  it("speech: one centred footer, no odd/even setting", () => {
    const f = files(speech);
    expect(f("word/document.xml")).toContain('<w:footerReference w:type="default" r:id="rId3"/><w:pgSz');
    expect(f("word/footer2.xml")).toBeUndefined();
    expect(attrsOf(f("word/footer1.xml")!, "w:jc")["w:val"]).toBe("center");
    expect(f("word/settings.xml")).not.toContain("evenAndOddHeaders");
  });

  it("none: no footer at all, the footer distance as before", () => {
    const f = files({ ...gongwen, pageNumbers: "none" });
    expect(f("word/footer1.xml")).toBeUndefined();
    expect(f("word/document.xml")).not.toContain("footerReference");
    expect(f("word/_rels/document.xml.rels")).not.toContain("/footer");
    expect(attrsOf(f("word/document.xml")!, "w:pgMar")["w:footer"]).toBe("992");
  });
});
