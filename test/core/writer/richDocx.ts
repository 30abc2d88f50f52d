/**
 * A .docx with everything 下载文档 must carry through untouched: custom styles, a numbered list
 * (numbering.xml), a table, a header and a footer, a footnote, a picture part, settings and a
 * section with its own page setup. Built from XML strings (no committed binaries).
 */
import { zipSync } from "fflate";

const enc = new TextEncoder();
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

export const RICH_TEXTS = {
  title: "关于加强学习的通知",
  body: "各单位要认真学习,抓好落实。",
  numbered: "第一项工作要落实",
  cells: ["单位", "人数", "办公室", "3"],
  noted: "正文结尾有脚注",
  last: "特此通知。",
  header: "某某市人民政府办公室",
  footer: "页脚文字",
  footnote: "脚注内容",
};

const r = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const cell = (t: string) => `<w:tc><w:tcPr><w:tcW w:w="2000" w:type="dxa"/></w:tcPr><w:p><w:pPr><w:pStyle w:val="TableText"/></w:pPr>${r(t)}</w:p></w:tc>`;

export function richBody(): string {
  const t = RICH_TEXTS;
  return (
    `<w:p><w:pPr><w:pStyle w:val="MyTitle"/></w:pPr>${r(t.title)}</w:p>` +
    // Two runs: 「各单位」 bold, the rest plain; the comma at 8 is half-width.
    `<w:p><w:pPr><w:pStyle w:val="MyBody"/></w:pPr>${r("各单位", "<w:b/>")}${r("要认真学习,抓好落实。")}</w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="MyBody"/><w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr></w:pPr>${r(t.numbered)}</w:p>` +
    `<w:tbl><w:tblPr><w:tblStyle w:val="MyTable"/><w:tblW w:w="4000" w:type="dxa"/></w:tblPr><w:tblGrid><w:gridCol w:w="2000"/><w:gridCol w:w="2000"/></w:tblGrid>` +
    `<w:tr>${cell(t.cells[0])}${cell(t.cells[1])}</w:tr><w:tr>${cell(t.cells[2])}${cell(t.cells[3])}</w:tr></w:tbl>` +
    `<w:p><w:pPr><w:pStyle w:val="MyBody"/></w:pPr>${r(t.noted)}<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteReference w:id="1"/></w:r></w:p>` +
    `<w:p><w:pPr><w:pStyle w:val="MyBody"/></w:pPr>${r(t.last)}</w:p>` +
    `<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/>` +
    `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>`
  );
}

export const RICH_PARTS: Record<string, string> = {
  "word/styles.xml":
    HEAD +
    `<w:styles xmlns:w="${W}"><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr></w:rPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>` +
    `<w:style w:type="paragraph" w:styleId="MyTitle"><w:name w:val="我的标题"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr><w:rPr><w:rFonts w:eastAsia="黑体"/><w:sz w:val="36"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="MyBody"><w:name w:val="我的正文"/><w:basedOn w:val="Normal"/><w:pPr><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr><w:rPr><w:rFonts w:eastAsia="楷体"/><w:sz w:val="30"/></w:rPr></w:style>` +
    `<w:style w:type="paragraph" w:styleId="TableText"><w:name w:val="表格文字"/><w:basedOn w:val="Normal"/><w:pPr><w:jc w:val="center"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:styleId="FootnoteReference"><w:name w:val="footnote reference"/><w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>` +
    `<w:style w:type="table" w:styleId="MyTable"><w:name w:val="我的表格"/><w:tblPr><w:tblBorders><w:top w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:bottom w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideH w:val="single" w:sz="4" w:space="0" w:color="auto"/><w:insideV w:val="single" w:sz="4" w:space="0" w:color="auto"/></w:tblBorders></w:tblPr></w:style>` +
    `</w:styles>`,
  "word/numbering.xml":
    HEAD +
    `<w:numbering xmlns:w="${W}"><w:abstractNum w:abstractNumId="0"><w:multiLevelType w:val="singleLevel"/>` +
    `<w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%1."/><w:lvlJc w:val="left"/></w:lvl></w:abstractNum>` +
    `<w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num></w:numbering>`,
  "word/settings.xml": HEAD + `<w:settings xmlns:w="${W}"><w:defaultTabStop w:val="420"/><w:footnotePr><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr></w:settings>`,
  "word/header1.xml": HEAD + `<w:hdr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="center"/></w:pPr>${r(RICH_TEXTS.header)}</w:p></w:hdr>`,
  "word/footer1.xml": HEAD + `<w:ftr xmlns:w="${W}"><w:p><w:pPr><w:jc w:val="right"/></w:pPr>${r(RICH_TEXTS.footer)}</w:p></w:ftr>`,
  "word/footnotes.xml":
    HEAD +
    `<w:footnotes xmlns:w="${W}">` +
    `<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>` +
    `<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>` +
    `<w:footnote w:id="1"><w:p><w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>${r(RICH_TEXTS.footnote)}</w:p></w:footnote>` +
    `</w:footnotes>`,
};

/** The bytes of a 1×1 PNG, stored as a picture part nothing refers to from the body (copied through). */
export const PNG = Uint8Array.from(
  Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==", "base64"),
);

export function richDocx(body = richBody()): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc.encode(
      HEAD +
        `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
        `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
        `<Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/>` +
        `<Override PartName="/word/document.xml" ContentType="${CT}.document.main+xml"/>` +
        `<Override PartName="/word/styles.xml" ContentType="${CT}.styles+xml"/>` +
        `<Override PartName="/word/numbering.xml" ContentType="${CT}.numbering+xml"/>` +
        `<Override PartName="/word/settings.xml" ContentType="${CT}.settings+xml"/>` +
        `<Override PartName="/word/header1.xml" ContentType="${CT}.header+xml"/>` +
        `<Override PartName="/word/footer1.xml" ContentType="${CT}.footer+xml"/>` +
        `<Override PartName="/word/footnotes.xml" ContentType="${CT}.footnotes+xml"/>` +
        `</Types>`,
    ),
    "_rels/.rels": enc.encode(
      HEAD + `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": enc.encode(
      HEAD +
        `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
        `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
        `<Relationship Id="rId2" Type="${REL}/numbering" Target="numbering.xml"/>` +
        `<Relationship Id="rId3" Type="${REL}/settings" Target="settings.xml"/>` +
        `<Relationship Id="rId4" Type="${REL}/footnotes" Target="footnotes.xml"/>` +
        `<Relationship Id="rId5" Type="${REL}/header" Target="header1.xml"/>` +
        `<Relationship Id="rId6" Type="${REL}/footer" Target="footer1.xml"/>` +
        `<Relationship Id="rId7" Type="${REL}/image" Target="media/image1.png"/>` +
        `</Relationships>`,
    ),
    "word/document.xml": enc.encode(HEAD + `<w:document xmlns:w="${W}" xmlns:r="${R}"><w:body>${body}</w:body></w:document>`),
    "word/media/image1.png": PNG,
  };
  for (const [k, v] of Object.entries(RICH_PARTS)) files[k] = enc.encode(v);
  return zipSync(files, { level: 6, mtime: new Date(2020, 0, 1) });
}

/** Parts that the splice must leave byte-identical (when it did not need to touch them). */
export const UNTOUCHED = ["word/styles.xml", "word/numbering.xml", "word/settings.xml", "word/header1.xml", "word/footer1.xml", "word/footnotes.xml", "word/media/image1.png"];
