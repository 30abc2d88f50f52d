/**
 * 页码 per GB/T 9704-2012 7.5, in WordprocessingML: 4号半角宋体 Arabic digits with a 一字线 on each
 * side (「— 1 —」), the 一字线 7 mm below the 版心; odd pages right-aligned and even pages
 * left-aligned with one character of space ("gbt"), or centred on every page ("center": a speech).
 * The number is a real PAGE field, so Word and LibreOffice count the pages themselves.
 *
 * Pure: footer parts (w:ftr), the footer paragraph (for Word's insertOoxml), the footer distance
 * for w:pgMar, the settings change (w:evenAndOddHeaders), and the test whether a footer already
 * holds something of its own (then it is left alone).
 */
import type { FormatSpec, PageNumberMode } from "../profiles";
import { decodeEntities } from "../reader/xml";
import { parseSpans, type SpanElement } from "../writer/xmlspan";

/** 4号 (GB/T 9704 7.5). */
export const PAGE_NUMBER_SIZE_PT = 14;
/** 宋体 for the digits and the 一字线 alike (半角宋体阿拉伯数字). */
export const PAGE_NUMBER_FONT = "宋体";
/** The 一字线 (U+2014 EM DASH, full width in 宋体) and the half-width space on each side of the number. */
export const PAGE_NUMBER_BEFORE = "— ";
export const PAGE_NUMBER_AFTER = " —";
/** How far the 一字线 sits below the 版心 (7.5: 一字线上距版心下边缘 7 mm). */
export const PAGE_NUMBER_GAP_MM = 7;

export type FooterAlign = "right" | "left" | "center";

const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

/** Twips (1/20 pt) of one character of the page number (一字 at 4号). */
const ONE_CHAR_TWIPS = PAGE_NUMBER_SIZE_PT * 20;
/** The footer paragraph's exact line height: one 4号 line, so its middle is the 一字线's height. */
const LINE_TWIPS = PAGE_NUMBER_SIZE_PT * 20;

/** The printed form of page `n`: 「— n —」. */
export function pageNumberText(n: number): string {
  return `${PAGE_NUMBER_BEFORE}${n}${PAGE_NUMBER_AFTER}`;
}

/** Which footers a mode writes: the odd (default) one, and the even one for "gbt". */
export function footerAligns(mode: PageNumberMode): { odd: FooterAlign; even?: FooterAlign } | undefined {
  if (mode === "none") return undefined;
  return mode === "gbt" ? { odd: "right", even: "left" } : { odd: "center" };
}

function runProps(): string {
  const f = PAGE_NUMBER_FONT;
  // hint eastAsia: the 一字线 (an ambiguous-width character) is drawn full width in the East Asian font.
  return (
    `<w:rPr><w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:eastAsia="${f}" w:cs="${f}" w:hint="eastAsia"/>` +
    `<w:sz w:val="${PAGE_NUMBER_SIZE_PT * 2}"/><w:szCs w:val="${PAGE_NUMBER_SIZE_PT * 2}"/></w:rPr>`
  );
}

/**
 * The footer paragraph: 「— 」, a PAGE field (its cached result "1"), 「 —」. Every indent is
 * stated (a document's Normal style often indents the first line two characters), and one
 * character of space on the outer side: 单页码居右空一字，双页码居左空一字.
 */
export function footerParagraphXml(align: FooterAlign): string {
  const left = align === "left" ? ONE_CHAR_TWIPS : 0;
  const right = align === "right" ? ONE_CHAR_TWIPS : 0;
  const rPr = runProps();
  const run = (inner: string) => `<w:r>${rPr}${inner}</w:r>`;
  return (
    `<w:p><w:pPr><w:snapToGrid w:val="0"/>` +
    `<w:spacing w:before="0" w:after="0" w:line="${LINE_TWIPS}" w:lineRule="exact"/>` +
    `<w:ind w:leftChars="0" w:left="${left}" w:right="${right}" w:firstLineChars="0" w:firstLine="0"/>` +
    `<w:jc w:val="${align}"/>${rPr}</w:pPr>` +
    run(`<w:t xml:space="preserve">${PAGE_NUMBER_BEFORE}</w:t>`) +
    run(`<w:fldChar w:fldCharType="begin"/>`) +
    run(`<w:instrText xml:space="preserve"> PAGE </w:instrText>`) +
    run(`<w:fldChar w:fldCharType="separate"/>`) +
    run(`<w:t>1</w:t>`) +
    run(`<w:fldChar w:fldCharType="end"/>`) +
    run(`<w:t xml:space="preserve">${PAGE_NUMBER_AFTER}</w:t>`) +
    `</w:p>`
  );
}

/** A footer part (word/footerN.xml) holding the page number. */
export function footerPartXml(align: FooterAlign): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<w:ftr xmlns:w="${W_NS}" xmlns:r="${R_NS}">${footerParagraphXml(align)}</w:ftr>`
  );
}

/**
 * w:pgMar/@w:footer (twips from the bottom edge of the paper to the bottom of the footer line)
 * that puts the 一字线 — the middle of the one exact 4号 line — 7 mm below the 版心, whose bottom
 * edge is the bottom margin: 35 − 7 = 28 mm to the middle, less half a line (7 pt), ≈ 25.5 mm.
 */
export function footerDistanceTwips(spec: FormatSpec): number {
  const middle = Math.round(((spec.page.marginBottomMm - PAGE_NUMBER_GAP_MM) * 1440) / 25.4);
  return Math.max(0, middle - LINE_TWIPS / 2);
}

// ---------------------------------------------------------------------------
// Existing footers and settings

const FOOTER_CONTENT = new Set(["w:fldSimple", "w:fldChar", "w:instrText", "w:drawing", "w:pict", "w:object"]);

/**
 * True when a footer part holds anything of its own: visible text, a field (a page number of its
 * own), a picture or an object. A part that cannot be parsed counts as holding something (it is
 * left alone rather than hidden).
 */
export function footerHasContent(xml: string): boolean {
  let root: SpanElement;
  try {
    root = parseSpans(xml);
  } catch {
    return true;
  }
  const stack: SpanElement[] = [root];
  while (stack.length) {
    const el = stack.pop()!;
    if (FOOTER_CONTENT.has(el.name)) return true;
    if (el.name === "w:t" && decodeEntities(xml.slice(el.openEnd, el.closeStart)).trim().length > 0) return true;
    for (const c of el.children) stack.push(c);
  }
  return false;
}

/** Children of w:settings that come before w:evenAndOddHeaders (CT_Settings sequence). */
const SETTINGS_BEFORE = new Set([
  "w:writeProtection", "w:view", "w:zoom", "w:removePersonalInformation", "w:removeDateAndTime",
  "w:doNotDisplayPageBoundaries", "w:displayBackgroundShape", "w:printPostScriptOverText",
  "w:printFractionalCharacterWidth", "w:printFormsData", "w:embedTrueTypeFonts", "w:embedSystemFonts",
  "w:saveSubsetFonts", "w:saveFormsData", "w:mirrorMargins", "w:alignBordersAndEdges",
  "w:bordersDoNotSurroundHeader", "w:bordersDoNotSurroundFooter", "w:gutterAtTop", "w:hideSpellingErrors",
  "w:hideGrammaticalErrors", "w:activeWritingStyle", "w:proofState", "w:formsDesign", "w:attachedTemplate",
  "w:linkStyles", "w:stylePaneFormatFilter", "w:stylePaneSortMethod", "w:documentType", "w:mailMerge",
  "w:revisionView", "w:trackRevisions", "w:doNotTrackMoves", "w:doNotTrackFormatting", "w:documentProtection",
  "w:autoFormatOverride", "w:styleLockTheme", "w:styleLockQFSet", "w:defaultTabStop", "w:autoHyphenation",
  "w:consecutiveHyphenLimit", "w:hyphenationZone", "w:doNotHyphenateCaps", "w:showEnvelope", "w:summaryLength",
  "w:clickAndTypeStyle", "w:defaultTableStyle",
]);

/** True for a child of w:settings that w:evenAndOddHeaders must precede. */
export function settingsChildAfterEvenAndOdd(name: string): boolean {
  return !SETTINGS_BEFORE.has(name);
}

/** The w:evenAndOddHeaders element (different odd and even page headers and footers). */
export const EVEN_AND_ODD_XML = "<w:evenAndOddHeaders/>";
