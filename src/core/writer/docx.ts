/**
 * Writes paragraphs (a skeleton from the outline templates) as a minimal, valid .docx in the
 * house format: our named styles (公文标题, 一级标题 … 正文), A4 with the GB/T 9704 margins and
 * a 22-line grid, and the 页码 footers (core/format/pageNumbers.ts). Pure: returns the bytes (fflate's zipSync), no file system.
 */
import { zipSync } from "fflate";
import type { InsertParagraph } from "../host";
import { STYLE_ROLE } from "../format/roles";
import type { FormatSpec } from "../profiles";
import { STYLE_DEFS, lineTwips, pPrXml, pageTwips, rFontsXml, rPrXml, roleOoxml, spacingXml, styleXml } from "./formats";
import { escapeText } from "./xmlspan";
import { EVEN_AND_ODD_XML, footerAligns, footerDistanceTwips, footerPartXml, type FooterAlign } from "../format/pageNumbers";

export const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
export const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Characters XML 1.0 does not allow (control characters other than tab / LF / CR, lone surrogates, FFFE/FFFF). */
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** The runs' inner XML for a paragraph text: tabs → w:tab, line breaks → w:br, the rest in w:t. */
export function runContent(text: string): string {
  const clean = text.replace(INVALID_XML, "");
  let out = "";
  let buf = "";
  const flush = () => {
    if (buf) out += `<w:t xml:space="preserve">${escapeText(buf)}</w:t>`;
    buf = "";
  };
  for (let i = 0; i < clean.length; i++) {
    const c = clean[i];
    if (c === "\t") {
      flush();
      out += "<w:tab/>";
    } else if (c === "\n" || c === "\r") {
      if (c === "\r" && clean[i + 1] === "\n") i++;
      flush();
      out += "<w:br/>";
    } else buf += c;
  }
  flush();
  return out;
}

/**
 * One paragraph: its named style, plus direct formatting where its role differs from the role
 * that defines the style (称谓, 副题, 落款 are in 正文 with their own alignment and indents).
 */
function paragraphXml(p: InsertParagraph, spec: FormatSpec): string {
  const own = roleOoxml(spec, p.role);
  const base = roleOoxml(spec, STYLE_ROLE[own.style.name]);
  const pPr = pPrXml(own.para);
  const rPr = rPrXml({ ...own.run, bold: own.run.bold ?? false });
  const direct = pPr !== pPrXml(base.para) ? pPr : "";
  const runDirect = rPr !== rPrXml({ ...base.run, bold: base.run.bold ?? false }) ? `<w:rPr>${rPr}</w:rPr>` : "";
  const content = runContent(p.text);
  return `<w:p><w:pPr><w:pStyle w:val="${own.style.id}"/>${direct}</w:pPr>${content ? `<w:r>${runDirect}${content}</w:r>` : ""}</w:p>`;
}

/** The footer parts of a new document (页码, core/format/pageNumbers.ts): part name, relationship id, alignment. */
function footerParts(spec: FormatSpec): Array<{ type: "default" | "even"; file: string; id: string; align: FooterAlign }> {
  const aligns = footerAligns(spec.pageNumbers);
  if (!aligns) return [];
  const out: Array<{ type: "default" | "even"; file: string; id: string; align: FooterAlign }> = [
    { type: "default", file: "footer1.xml", id: "rId3", align: aligns.odd },
  ];
  if (aligns.even) out.push({ type: "even", file: "footer2.xml", id: "rId4", align: aligns.even });
  return out;
}

/** The w:sectPr of a document in the house page setup, with the page-number footers. */
export function sectPrXml(spec: FormatSpec): string {
  const t = pageTwips(spec);
  const pitch = lineTwips(spec);
  const footers = footerParts(spec);
  const footer = footers.length ? footerDistanceTwips(spec) : 992;
  return (
    `<w:sectPr>${footers.map((f) => `<w:footerReference w:type="${f.type}" r:id="${f.id}"/>`).join("")}<w:pgSz w:w="${t.w}" w:h="${t.h}"/>` +
    `<w:pgMar w:top="${t.top}" w:right="${t.right}" w:bottom="${t.bottom}" w:left="${t.left}" w:header="851" w:footer="${footer}" w:gutter="0"/>` +
    `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="${pitch}"/></w:sectPr>`
  );
}

export function documentXml(paras: InsertParagraph[], spec: FormatSpec): string {
  return (
    XML_HEAD +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>` +
    paras.map((p) => paragraphXml(p, spec)).join("") +
    sectPrXml(spec) +
    `</w:body></w:document>`
  );
}

export function stylesXml(spec: FormatSpec): string {
  const body = roleOoxml(spec, "body").run;
  return (
    XML_HEAD +
    `<w:styles xmlns:w="${W_NS}">` +
    `<w:docDefaults><w:rPrDefault><w:rPr>${rFontsXml(body)}<w:kern w:val="2"/>` +
    `<w:sz w:val="${body.sizeHalfPt}"/><w:szCs w:val="${body.sizeHalfPt}"/><w:lang w:val="en-US" w:eastAsia="zh-CN" w:bidi="ar-SA"/></w:rPr></w:rPrDefault>` +
    `<w:pPrDefault><w:pPr>${spacingXml(lineTwips(spec))}<w:jc w:val="both"/></w:pPr></w:pPrDefault></w:docDefaults>` +
    `<w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/>` +
    `<w:pPr><w:widowControl w:val="0"/>${spacingXml(lineTwips(spec))}<w:jc w:val="both"/></w:pPr></w:style>` +
    `<w:style w:type="character" w:default="1" w:styleId="DefaultParagraphFont"><w:name w:val="Default Paragraph Font"/><w:uiPriority w:val="1"/><w:semiHidden/><w:unhideWhenUsed/></w:style>` +
    STYLE_DEFS.map((d) => styleXml(spec, d)).join("") +
    `</w:styles>`
  );
}

function settingsXml(spec: FormatSpec): string {
  return (
    XML_HEAD +
    `<w:settings xmlns:w="${W_NS}"><w:zoom w:percent="100"/><w:defaultTabStop w:val="420"/>` +
    // Odd and even pages have footers of their own (GB/T 9704 7.5: odd right, even left).
    (footerAligns(spec.pageNumbers)?.even ? EVEN_AND_ODD_XML : "") +
    `<w:characterSpacingControl w:val="compressPunctuation"/>` +
    `<w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat>` +
    `<w:themeFontLang w:val="en-US" w:eastAsia="zh-CN"/></w:settings>`
  );
}

function contentTypes(spec: FormatSpec): string {
  return (
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
    `<Override PartName="/word/settings.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.settings+xml"/>` +
    footerParts(spec)
      .map((f) => `<Override PartName="/word/${f.file}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"/>`)
      .join("") +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `</Types>`
  );
}

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${REL_NS}">` +
  `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
  `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
  `</Relationships>`;

function docRels(spec: FormatSpec): string {
  return (
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    `<Relationship Id="rId2" Type="${REL_TYPE}/settings" Target="settings.xml"/>` +
    footerParts(spec)
      .map((f) => `<Relationship Id="${f.id}" Type="${REL_TYPE}/footer" Target="${f.file}"/>`)
      .join("") +
    `</Relationships>`
  );
}

/** docProps/core.xml: the title (when any) and 笔杆子 as the creator. */
export function coreXml(title: string | undefined): string {
  return (
    XML_HEAD +
    `<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" ` +
    `xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" ` +
    `xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
    (title ? `<dc:title>${escapeText(title.replace(INVALID_XML, ""))}</dc:title>` : "") +
    `<dc:creator>笔杆子</dc:creator></cp:coreProperties>`
  );
}

const enc = new TextEncoder();

/** A .docx holding `paras`, styled by role in the profile's format. */
export function writeDocx(paras: InsertParagraph[], spec: FormatSpec): Uint8Array {
  const title = paras.find((p) => p.role === "title")?.text;
  // A fixed timestamp keeps the output reproducible.
  const mtime = new Date(2020, 0, 1);
  const footers: Record<string, Uint8Array> = {};
  for (const f of footerParts(spec)) footers[`word/${f.file}`] = enc.encode(footerPartXml(f.align));
  return zipSync(
    {
      "[Content_Types].xml": enc.encode(contentTypes(spec)),
      "_rels/.rels": enc.encode(ROOT_RELS),
      "word/document.xml": enc.encode(documentXml(paras, spec)),
      "word/styles.xml": enc.encode(stylesXml(spec)),
      "word/settings.xml": enc.encode(settingsXml(spec)),
      "word/_rels/document.xml.rels": enc.encode(docRels(spec)),
      ...footers,
      "docProps/core.xml": enc.encode(coreXml(title)),
    },
    { level: 6, mtime },
  );
}
