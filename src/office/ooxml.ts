/**
 * The flat-OPC package (pkg:package) for inserting styled paragraphs with insertOoxml where the
 * API cannot set the East Asian font (no WordApiDesktop 1.3). Pure: no Word or Office globals.
 *
 * Each paragraph references one of our named styles (w:pStyle) and also carries its formatting
 * directly (w:pPr and the run's w:rPr with w:rFonts eastAsia/ascii/hAnsi): when a style of the
 * same name already exists in the document, Word keeps the resident definition and ignores ours,
 * so only direct formatting makes 黑体/楷体/仿宋 reach the Chinese text for certain.
 */
import type { FormatSpec } from "../core/profiles";
import { roleFormats, styleDefinitions, STYLE_NAMES, type Role, type RoleFormat } from "./roles";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_DOC = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument";
const REL_STYLES = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";
const CT_RELS = "application/vnd.openxmlformats-package.relationships+xml";
const CT_DOC = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml";
const CT_STYLES = "application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml";

const JC: Record<RoleFormat["alignment"], string> = { left: "left", center: "center", right: "right", justify: "both" };

/** One paragraph to put in the package. */
export interface OoxmlParagraph {
  text: string;
  role: Role;
  /** How it looks (the pane's 文稿类型 and unit style); absent: the role's format in `spec`. */
  format?: RoleFormat;
}

/** Escapes text for XML content and attributes, dropping characters XML 1.0 does not allow. */
export function xmlText(s: string): string {
  let out = "";
  for (const ch of s) {
    const c = ch.codePointAt(0)!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d) continue;
    if (c === 0xfffe || c === 0xffff) continue;
    if (ch === "&") out += "&amp;";
    else if (ch === "<") out += "&lt;";
    else if (ch === ">") out += "&gt;";
    else if (ch === '"') out += "&quot;";
    else out += ch;
  }
  return out;
}

/** Half-points for w:sz (Word stores whole half-points). */
function halfPoints(pt: number): number {
  return Math.max(2, Math.round(pt * 2));
}

/** Twentieths of a point (twips). */
function twips(pt: number): number {
  return Math.round(pt * 20);
}

/** w:spacing, w:ind, w:jc, w:outlineLvl in schema order (after w:pStyle). */
function paragraphProps(f: RoleFormat): string {
  const outline = f.outlineLevel !== undefined && f.outlineLevel >= 0 && f.outlineLevel <= 8 ? f.outlineLevel : 9;
  const right = f.rightIndentChars > 0 ? `w:rightChars="${Math.round(f.rightIndentChars * 100)}" w:right="${twips(f.rightIndentPt)}" ` : "";
  return (
    `<w:spacing w:before="0" w:after="0" w:line="${twips(f.lineSpacingPt)}" w:lineRule="exact"/>` +
    `<w:ind ${right}w:firstLineChars="${Math.round(f.firstLineIndentChars * 100)}" w:firstLine="${twips(f.firstLineIndentPt)}"/>` +
    `<w:jc w:val="${JC[f.alignment]}"/>` +
    `<w:outlineLvl w:val="${outline}"/>`
  );
}

/** w:rFonts (Latin and East Asian), bold and size. */
function runProps(f: RoleFormat): string {
  const latin = xmlText(f.fontLatin);
  const sz = halfPoints(f.sizePt);
  return (
    `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${xmlText(f.fontEastAsia)}" w:cs="${latin}"/>` +
    (f.bold ? "<w:b/><w:bCs/>" : `<w:b w:val="0"/><w:bCs w:val="0"/>`) +
    `<w:sz w:val="${sz}"/><w:szCs w:val="${sz}"/>` +
    `<w:lang w:eastAsia="zh-CN"/>`
  );
}

/** The runs of one paragraph: text, manual line breaks (\n or \u000b) and tabs. */
function runs(text: string, rPr: string): string {
  const out: string[] = [];
  for (const piece of text.split(/(\r\n|[\n\r\u000b\t])/)) {
    if (piece === "") continue;
    if (piece === "\t") out.push(`<w:r>${rPr}<w:tab/></w:r>`);
    else if (piece === "\n" || piece === "\r" || piece === "\r\n" || piece === "\u000b") out.push(`<w:r>${rPr}<w:br/></w:r>`);
    else out.push(`<w:r>${rPr}<w:t xml:space="preserve">${xmlText(piece)}</w:t></w:r>`);
  }
  return out.join("");
}

/** One w:p: our named style, the role's paragraph properties and run properties, directly. */
export function paragraphXml(text: string, f: RoleFormat): string {
  const rPr = `<w:rPr>${runProps(f)}</w:rPr>`;
  return `<w:p><w:pPr><w:pStyle w:val="${xmlText(f.styleName)}"/>${paragraphProps(f)}<w:rPr>${runProps(f)}</w:rPr></w:pPr>${runs(text, rPr)}</w:p>`;
}

/** styles.xml with our six named paragraph styles (style id = name, so a second insertion matches the first). */
export function stylesXml(spec?: FormatSpec): string {
  const defs = styleDefinitions(spec);
  const styles = STYLE_NAMES.map((name) => {
    const f = defs[name];
    const id = xmlText(name);
    const next = name === "公文标题" || name === "正文" ? "" : `<w:next w:val="${xmlText("正文")}"/>`;
    return (
      `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${id}">` +
      `<w:name w:val="${id}"/>${next}<w:qFormat/>` +
      `<w:pPr>${paragraphProps(f)}</w:pPr><w:rPr>${runProps(f)}</w:rPr></w:style>`
    );
  });
  return `<w:styles xmlns:w="${W_NS}">${styles.join("")}</w:styles>`;
}

function part(name: string, contentType: string, xml: string): string {
  return `<pkg:part pkg:name="${name}" pkg:contentType="${contentType}"><pkg:xmlData>${xml}</pkg:xmlData></pkg:part>`;
}

/**
 * The package insertOoxml takes: the paragraphs, styled by role, and the style definitions.
 * `spec` is the house format (the speech profile's when absent).
 */
export function buildParagraphsPackage(paras: readonly OoxmlParagraph[], spec?: FormatSpec): string {
  const formats = roleFormats(spec);
  const body = paras.map((p) => paragraphXml(p.text, p.format ?? formats[p.role])).join("");
  const document = `<w:document xmlns:w="${W_NS}"><w:body>${body}</w:body></w:document>`;
  const rootRels = `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_DOC}" Target="word/document.xml"/></Relationships>`;
  const docRels = `<Relationships xmlns="${REL_NS}"><Relationship Id="rId1" Type="${REL_STYLES}" Target="styles.xml"/></Relationships>`;
  return (
    `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    part("/_rels/.rels", CT_RELS, rootRels) +
    part("/word/document.xml", CT_DOC, document) +
    part("/word/_rels/document.xml.rels", CT_RELS, docRels) +
    part("/word/styles.xml", CT_STYLES, stylesXml(spec)) +
    `</pkg:package>`
  );
}
