/**
 * The flat-OPC reader (what Word's body.getOoxml() returns): a package built from a real
 * fixture's parts must read like the .docx itself; hand-written packages cover the
 * WordprocessingML details one by one.
 */
import { unzipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import type { DocModel } from "../../../src/core/model";
import { readDocument, readDocx, readFlatOpc, ReaderError } from "../../../src/core/reader";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "docx");
const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const NS = `${W} xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape" xmlns:v="urn:schemas-microsoft-com:vml" xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"`;
const MAIN_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function part(name: string, contentType: string, xml: string): string {
  return `<pkg:part pkg:name="${name}" pkg:contentType="${contentType}"><pkg:xmlData>${xml.replace(/^<\?xml[^?]*\?>\s*/, "")}</pkg:xmlData></pkg:part>`;
}
function pkg(parts: string[]): string {
  return `<?xml version="1.0" standalone="yes"?>\n<?mso-application progid="Word.Document"?>\n<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">${parts.join("")}</pkg:package>`;
}

/** A flat-OPC package holding every XML part of a .docx, plus an ignored binary part, as Word writes it. */
function flatFromDocx(bytes: Uint8Array): string {
  const files = unzipSync(bytes);
  const parts: string[] = [];
  for (const [name, data] of Object.entries(files)) {
    if (name === "[Content_Types].xml" || !(name.endsWith(".xml") || name.endsWith(".rels"))) continue;
    const ct = name === "word/document.xml" ? MAIN_CT : name.endsWith(".rels") ? "application/vnd.openxmlformats-package.relationships+xml" : "application/xml";
    parts.push(part("/" + name, ct, new TextDecoder().decode(data)));
  }
  parts.push('<pkg:part pkg:name="/word/media/image1.png" pkg:contentType="image/png" pkg:compression="store"><pkg:binaryData>iVBORw0KGgo=</pkg:binaryData></pkg:part>');
  return pkg(parts);
}

interface Parts {
  styles?: string;
  numbering?: string;
  theme?: string;
  comments?: string;
  settings?: string;
}

/** A minimal package: document.xml with `body`, and the optional parts. */
function flat(body: string, p: Parts = {}): string {
  const rels: string[] = [];
  const parts: string[] = [];
  const add = (id: string, type: string, target: string, xml: string | undefined) => {
    if (xml === undefined) return;
    rels.push(`<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`);
    parts.push(part(`/word/${target}`, "application/xml", xml));
  };
  add("rId1", "styles", "styles.xml", p.styles && `<w:styles ${NS}>${p.styles}</w:styles>`);
  add("rId2", "numbering", "numbering.xml", p.numbering && `<w:numbering ${NS}>${p.numbering}</w:numbering>`);
  add("rId3", "theme", "theme/theme1.xml", p.theme && `<a:theme ${NS}><a:themeElements><a:fontScheme name="x">${p.theme}</a:fontScheme></a:themeElements></a:theme>`);
  add("rId4", "comments", "comments.xml", p.comments && `<w:comments ${NS}>${p.comments}</w:comments>`);
  add("rId5", "settings", "settings.xml", p.settings && `<w:settings ${NS}>${p.settings}</w:settings>`);
  return pkg([
    part("/_rels/.rels", "application/vnd.openxmlformats-package.relationships+xml", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`),
    part("/word/_rels/document.xml.rels", "application/vnd.openxmlformats-package.relationships+xml", `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels.join("")}</Relationships>`),
    part("/word/document.xml", MAIN_CT, `<w:document ${NS}><w:body>${body}</w:body></w:document>`),
    ...parts,
  ]);
}

const para = (inner: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${inner}</w:p>`;
const run = (text: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${text}</w:t></w:r>`;
const texts = (d: DocModel) => d.paragraphs.map((p) => p.text);
const labels = (d: DocModel) => d.paragraphs.map((p) => p.listLabel ?? "");

describe("flat OPC built from real fixtures reads like the .docx", () => {
  for (const file of ["gongwen.docx", "gongwen-lo.docx", "lo-outline.docx"]) {
    test(file, () => {
      const bytes = new Uint8Array(readFileSync(join(FIXTURES, file)));
      const fromZip = readDocx(bytes);
      const fromFlat = readFlatOpc(flatFromDocx(bytes));
      expect(fromFlat.source).toBe("flatopc");
      expect(fromZip.paragraphs.length).toBeGreaterThan(10);
      expect(fromFlat.paragraphs).toEqual(fromZip.paragraphs);
      expect(fromFlat.otherParagraphs).toEqual(fromZip.otherParagraphs);
      expect(fromFlat.sections).toEqual(fromZip.sections);
    });
  }

  test("readDocument recognises a flat-OPC file by its content", () => {
    const bytes = new Uint8Array(readFileSync(join(FIXTURES, "gongwen.docx")));
    const xml = flatFromDocx(bytes);
    const doc = readDocument(new TextEncoder().encode(xml), "export.xml");
    expect(doc.source).toBe("flatopc");
    expect(doc.paragraphs[3].listLabel).toBe("一、");
  });
});

describe("text of runs", () => {
  test("tabs, breaks, no-break hyphens, symbols; page breaks do not add text", () => {
    const d = readFlatOpc(
      flat(
        para(
          '<w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t><w:br/><w:t>丙</w:t><w:cr/><w:t>A</w:t><w:noBreakHyphen/><w:t>B</w:t><w:br w:type="page"/><w:sym w:font="Wingdings" w:char="263A"/><w:softHyphen/></w:r>',
        ),
      ),
    );
    expect(texts(d)).toEqual(["甲\t乙\n丙\nA-B☺"]);
  });

  test("deleted text and field codes are skipped, insertions and field results kept", () => {
    const d = readFlatOpc(
      flat(
        para(
          run("共") +
            '<w:del w:id="1"><w:r><w:delText>删掉的</w:delText></w:r></w:del>' +
            '<w:ins w:id="2">' + run("插入的") + "</w:ins>" +
            '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
            run("3") +
            '<w:r><w:fldChar w:fldCharType="end"/></w:r>' +
            '<w:fldSimple w:instr=" NUMPAGES ">' + run("9") + "</w:fldSimple>" +
            run("页"),
        ),
      ),
    );
    expect(texts(d)).toEqual(["共插入的39页"]);
  });

  test("a field code left open does not hide the next paragraphs; a result spanning paragraphs is kept", () => {
    const d = readFlatOpc(
      flat(
        para('<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>TOC \\o</w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' + run("目录一")) +
          para(run("目录二") + '<w:r><w:fldChar w:fldCharType="end"/></w:r>') +
          para(run("甲") + '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText>BROKEN</w:instrText></w:r>') +
          para(run("乙")),
      ),
    );
    expect(texts(d)).toEqual(["目录一", "目录二", "甲", "乙"]);
  });

  test("content controls, hyperlinks and smart tags are read through", () => {
    const d = readFlatOpc(
      flat(
        '<w:sdt><w:sdtPr/><w:sdtContent>' + para(run("控件段")) + "</w:sdtContent></w:sdt>" +
          para('<w:hyperlink r:id="x">' + run("链接") + '</w:hyperlink><w:smartTag w:uri="u" w:element="e">' + run("标记") + "</w:smartTag>" + '<w:sdt><w:sdtContent>' + run("行内") + "</w:sdtContent></w:sdt>"),
      ),
    );
    expect(texts(d)).toEqual(["控件段", "链接标记行内"]);
  });

  test("a DrawingML text box with its VML fallback is read once, outside the body paragraph", () => {
    const box = '<w:txbxContent>' + para(run("框中字")) + "</w:txbxContent>";
    const d = readFlatOpc(
      flat(
        para(
          run("前") +
            `<w:r><mc:AlternateContent><mc:Choice Requires="wps"><w:drawing><wp:anchor xmlns:wp="wp"><a:graphic><a:graphicData><wps:wsp><wps:txbx>${box}</wps:txbx></wps:wsp></a:graphicData></a:graphic></wp:anchor></w:drawing></mc:Choice><mc:Fallback><w:pict><v:shape><v:textbox>${box}</v:textbox></v:shape></w:pict></mc:Fallback></mc:AlternateContent></w:r>` +
            run("后"),
        ),
      ),
    );
    expect(texts(d)).toEqual(["前后"]);
    expect(d.otherParagraphs.map((p) => [p.part, p.text])).toEqual([["textbox", "框中字"]]);
  });

  test("tables: rows and cells inside content controls, nested tables", () => {
    const cell = (t: string) => `<w:tc><w:tcPr/>${para(run(t))}</w:tc>`;
    const d = readFlatOpc(
      flat(
        para(run("表前")) +
          `<w:tbl><w:tblPr/><w:tr>${cell("甲")}<w:sdt><w:sdtContent>${cell("乙")}</w:sdtContent></w:sdt></w:tr>` +
          `<w:sdt><w:sdtContent><w:tr><w:tc>${para(run("丙"))}<w:tbl><w:tr>${cell("丁")}</w:tr></w:tbl>${para("")}</w:tc></w:tr></w:sdtContent></w:sdt></w:tbl>` +
          para(run("表后")),
      ),
    );
    expect(d.paragraphs.map((p) => [p.text, p.inTable ?? false])).toEqual([
      ["表前", false],
      ["甲", true],
      ["乙", true],
      ["丙", true],
      ["丁", true],
      ["", true],
      ["表后", false],
    ]);
  });

  test("comments go to otherParagraphs", () => {
    const d = readFlatOpc(flat(para(run("正文")), { comments: '<w:comment w:id="0" w:author="甲">' + para(run("批注内容")) + "</w:comment>" }));
    expect(d.otherParagraphs.map((p) => [p.part, p.text])).toEqual([["comment", "批注内容"]]);
  });

  test("entities in text", () => {
    expect(texts(readFlatOpc(flat(para(run("A&amp;B &lt;一&gt; &#x4E8C;")))))).toEqual(["A&B <一> 二"]);
  });
});

describe("numbering", () => {
  const lvl = (i: number, fmt: string, text: string, extra = "") =>
    `<w:lvl w:ilvl="${i}"><w:start w:val="1"/><w:numFmt w:val="${fmt}"/>${extra}<w:lvlText w:val="${text}"/></w:lvl>`;
  const np = (numId: number, ilvl: number) => `<w:numPr><w:ilvl w:val="${ilvl}"/><w:numId w:val="${numId}"/></w:numPr>`;

  test("lvlRestart=0 never restarts; default restarts after a higher level", () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "%1、")}${lvl(1, "decimal", "%2.", '<w:lvlRestart w:val="0"/>')}${lvl(2, "decimal", "(%3)")}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const d = readFlatOpc(flat([para(run("a"), np(1, 0)), para(run("b"), np(1, 1)), para(run("c"), np(1, 2)), para(run("d"), np(1, 0)), para(run("e"), np(1, 1)), para(run("f"), np(1, 2))].join(""), { numbering }));
    expect(labels(d)).toEqual(["一、", "1.", "(1)", "二、", "2.", "(1)"]);
  });

  test("higher-level placeholders, isLgl, none and a start value", () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="0">${lvl(0, "chineseCounting", "第%1章")}${lvl(1, "decimal", "%1.%2", "<w:isLgl/>")}${lvl(2, "none", "%3")}</w:abstractNum>` +
      `<w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:start w:val="3"/><w:numFmt w:val="ideographTraditional"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num>';
    const d = readFlatOpc(flat([para(run("a"), np(1, 0)), para(run("b"), np(1, 1)), para(run("c"), np(1, 1)), para(run("x"), np(1, 2)), para(run("y"), np(2, 0))].join(""), { numbering }));
    expect(labels(d)).toEqual(["第一章", "1.1", "1.2", "", "丙."]);
  });

  test("w:num sharing an abstractNum share its counters; a startOverride restarts", () => {
    const numbering =
      `<w:abstractNum w:abstractNumId="5">${lvl(0, "chineseCounting", "（%1）")}</w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="5"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="5"/></w:num>' +
      '<w:num w:numId="3"><w:abstractNumId w:val="5"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="1"/></w:lvlOverride></w:num>';
    const d = readFlatOpc(flat([np(1, 0), np(2, 0), np(1, 0), np(3, 0), np(1, 0), np(3, 0)].map((n, i) => para(run(String(i)), n)).join(""), { numbering }));
    expect(labels(d)).toEqual(["（一）", "（二）", "（三）", "（一）", "（二）", "（三）"]);
  });

  test("numbering from a paragraph style (level found by w:pStyle); numId 0 switches it off", () => {
    const styles =
      `<w:style w:type="paragraph" w:styleId="H1"><w:name w:val="标题一"/><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr><w:outlineLvl w:val="0"/></w:pPr></w:style>` +
      `<w:style w:type="paragraph" w:styleId="H2"><w:name w:val="标题二"/><w:basedOn w:val="H1"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>`;
    const numbering =
      `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:pStyle w:val="H1"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="%1、"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:pStyle w:val="H2"/><w:numFmt w:val="chineseCountingThousand"/><w:lvlText w:val="（%2）"/></w:lvl></w:abstractNum>` +
      '<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>';
    const h = (s: string, t: string, extra = "") => para(run(t), `<w:pStyle w:val="${s}"/>${extra}`);
    const d = readFlatOpc(flat([h("H1", "甲"), h("H2", "乙"), h("H2", "丙"), h("H1", "丁", '<w:numPr><w:numId w:val="0"/></w:numPr>'), h("H1", "戊"), h("H2", "己")].join(""), { styles, numbering }));
    expect(labels(d)).toEqual(["一、", "（一）", "（二）", "", "二、", "（一）"]);
    expect(d.paragraphs.map((p) => p.outlineLevel)).toEqual([0, 1, 1, 0, 0, 1]);
  });

  test("bullets keep their level text", () => {
    const numbering = `<w:abstractNum w:abstractNumId="0">${lvl(0, "bullet", "●")}</w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
    expect(labels(readFlatOpc(flat(para(run("项"), np(1, 0)), { numbering })))).toEqual(["●"]);
  });
});

describe("formatting resolution", () => {
  const theme =
    '<a:majorFont><a:latin typeface="Calibri Light"/><a:ea typeface=""/><a:cs typeface=""/><a:font script="Jpan" typeface="游ゴシック Light"/><a:font script="Hans" typeface="等线 Light"/></a:majorFont>' +
    '<a:minorFont><a:latin typeface="Calibri"/><a:ea typeface="宋体"/><a:cs typeface=""/><a:font script="Hans" typeface="等线"/></a:minorFont>';
  const styles =
    '<w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:asciiTheme="minorHAnsi" w:eastAsiaTheme="minorEastAsia"/><w:sz w:val="21"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:line="360" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults>' +
    '<w:style w:type="paragraph" w:default="1" w:styleId="a"><w:name w:val="Normal"/><w:pPr><w:jc w:val="both"/></w:pPr><w:rPr><w:sz w:val="32"/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="1"><w:name w:val="heading 1"/><w:basedOn w:val="a"/><w:pPr><w:jc w:val="center"/><w:ind w:firstLineChars="0" w:firstLine="0"/></w:pPr><w:rPr><w:rFonts w:asciiTheme="majorHAnsi" w:eastAsiaTheme="majorEastAsia"/><w:b/></w:rPr></w:style>' +
    '<w:style w:type="paragraph" w:styleId="Loop1"><w:name w:val="loop"/><w:basedOn w:val="Loop2"/></w:style><w:style w:type="paragraph" w:styleId="Loop2"><w:basedOn w:val="Loop1"/><w:rPr><w:b/></w:rPr></w:style>' +
    '<w:style w:type="character" w:styleId="Strong"><w:name w:val="Strong"/><w:rPr><w:rFonts w:eastAsia="黑体"/><w:b/></w:rPr></w:style>';

  const read = (body: string) => readFlatOpc(flat(body, { styles, theme }));

  test("theme fonts: a:ea when set, else the Hans script font; Latin from a:latin", () => {
    const d = read(para(run("正文")) + para(run("标题"), '<w:pStyle w:val="1"/>'));
    expect(d.paragraphs[0].runs[0]).toMatchObject({ fontEastAsia: "宋体", fontLatin: "Calibri", sizePt: 16, bold: false });
    expect(d.paragraphs[1].runs[0]).toMatchObject({ fontEastAsia: "等线 Light", fontLatin: "Calibri Light", sizePt: 16, bold: true });
    expect(d.paragraphs[1].outlineLevel).toBe(0); // from the built-in name "heading 1"
    expect(d.paragraphs[1].styleName).toBe("heading 1");
  });

  test("direct > character style > paragraph style; w:b w:val=0 turns bold off", () => {
    const d = read(
      para(run("直接", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="44"/>') + run("强调", '<w:rStyle w:val="Strong"/>') + run("不粗", '<w:rStyle w:val="Strong"/><w:b w:val="0"/>') + run("主题", '<w:rFonts w:eastAsia="楷体" w:eastAsiaTheme="minorEastAsia"/>'), '<w:pStyle w:val="1"/>'),
    );
    expect(d.paragraphs[0].runs.map((r) => [r.text, r.fontEastAsia, r.sizePt, r.bold])).toEqual([
      ["直接", "仿宋_GB2312", 22, true],
      ["强调", "黑体", 16, true],
      ["不粗", "黑体", 16, false],
      ["主题", "宋体", 16, true],
    ]);
  });

  test("the theme's script font follows w:themeFontLang, else the run's East Asian language", () => {
    const jpTheme = theme.replace('<a:ea typeface="宋体"/>', '<a:ea typeface=""/><a:font script="Jpan" typeface="游明朝"/><a:font script="Hant" typeface="新細明體"/>');
    const body = para(run("字")) + para(run("字", '<w:lang w:eastAsia="zh-TW"/>'));
    const ja = readFlatOpc(flat(body, { styles, theme: jpTheme, settings: '<w:themeFontLang w:val="en-US" w:eastAsia="ja-JP"/>' }));
    expect(ja.paragraphs.map((p) => p.runs[0].fontEastAsia)).toEqual(["游明朝", "游明朝"]);
    const plain = readFlatOpc(flat(body, { styles, theme: jpTheme }));
    expect(plain.paragraphs.map((p) => p.runs[0].fontEastAsia)).toEqual(["等线", "新細明體"]);
  });

  test("w:szCs is not the East Asian size; no size anywhere means 10 pt", () => {
    const d = read(para(run("字", '<w:szCs w:val="44"/>')));
    expect(d.paragraphs[0].runs[0].sizePt).toBe(16);
    const bare = readFlatOpc(flat(para(run("字"))));
    expect(bare.paragraphs[0].runs[0]).toMatchObject({ sizePt: 10, bold: false });
    expect(bare.paragraphs[0].runs[0].fontEastAsia).toBeUndefined();
  });

  test("adjacent runs with the same formatting are merged", () => {
    const d = read(para(run("一") + run("二") + run("三", "<w:b/>")));
    expect(d.paragraphs[0].runs.map((r) => [r.text, r.start, r.end])).toEqual([
      ["一二", 0, 2],
      ["三", 2, 3],
    ]);
  });

  test("paragraph properties: alignment, indents, line spacing through the chain", () => {
    const d = read(
      [
        para(run("a")),
        para(run("b"), '<w:pStyle w:val="1"/>'),
        para(run("c"), '<w:jc w:val="distribute"/><w:ind w:hanging="420"/><w:spacing w:line="579" w:lineRule="exact"/>'),
        para(run("d"), '<w:jc w:val="start"/><w:ind w:hangingChars="150" w:hanging="315"/><w:spacing w:line="400" w:lineRule="atLeast"/>'),
        para(run("e"), '<w:jc w:val="end"/><w:ind w:firstLineChars="200" w:firstLine="640"/><w:outlineLvl w:val="2"/>'),
        para(run("f"), '<w:pStyle w:val="Loop1"/><w:outlineLvl w:val="9"/>'),
      ].join(""),
    );
    const ps = d.paragraphs;
    expect(ps[0]).toMatchObject({ alignment: "justify", lineSpacing: { rule: "auto", value: 1.5 }, styleName: "Normal" });
    expect(ps[0].firstLineIndentPt).toBeUndefined();
    expect(ps[1]).toMatchObject({ alignment: "center", firstLineIndentPt: 0 });
    expect(ps[1].firstLineIndentChars).toBeUndefined();
    expect(ps[2]).toMatchObject({ alignment: "distribute", firstLineIndentPt: -21, lineSpacing: { rule: "exact", value: 28.95 } });
    expect(ps[3]).toMatchObject({ alignment: "left", firstLineIndentPt: -15.75, firstLineIndentChars: -1.5, lineSpacing: { rule: "atLeast", value: 20 } });
    expect(ps[4]).toMatchObject({ alignment: "right", firstLineIndentPt: 32, firstLineIndentChars: 2, outlineLevel: 2 });
    expect(ps[5].outlineLevel).toBeUndefined(); // level 9 is body text; the basedOn loop does not hang
    expect(ps[5].runs[0].bold).toBe(true);
  });

  test("sections from paragraph properties and the body", () => {
    const sect = (w: number, h: number, m: number) => `<w:sectPr><w:pgSz w:w="${w}" w:h="${h}" w:orient="landscape"/><w:pgMar w:top="${m}" w:bottom="${m}" w:left="${m}" w:right="${m}"/><w:docGrid w:type="linesAndChars" w:linePitch="312"/></w:sectPr>`;
    const d = read(para(run("横向"), sect(16838, 11906, 1440)) + para(run("纵向")) + sect(11906, 16838, 1134));
    expect(d.sections).toHaveLength(2);
    expect(d.sections[0]).toMatchObject({ pageWidthMm: 297, pageHeightMm: 210, marginTopMm: 25.4, gridType: "linesAndChars", gridLinePitchPt: 15.6 });
    expect(d.sections[1]).toMatchObject({ pageWidthMm: 210, marginLeftMm: 20 });
  });
});

describe("flat OPC errors", () => {
  test("XML that is not a package", () => {
    expect(() => readFlatOpc('<?xml version="1.0"?><w:document/>')).toThrow(ReaderError);
    try {
      readFlatOpc("<html><body/></html>");
    } catch (e) {
      expect((e as ReaderError).code).toBe("not-docx");
    }
  });
  test("a package without a document part", () => {
    expect(() => readFlatOpc(pkg([]))).toThrow(expect.objectContaining({ code: "not-docx" }));
  });
  test("broken XML", () => {
    expect(() => readFlatOpc("<pkg:package><pkg:part")).toThrow(expect.objectContaining({ code: "corrupt" }));
  });
});
