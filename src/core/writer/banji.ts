/**
 * The 版记 at the foot of the last page (GB/T 9704-2012 7.4: 版记 sits on the last page, its last
 * element on the last line of that page). The formatter gives the 抄送 and 印发 lines their fonts,
 * indents and separator lines in the flow of the text; this moves them, without touching a
 * character or the order of the paragraphs, into one frame held at the bottom of the text area:
 * every paragraph of the 版记 gets the same w:framePr (ECMA-376 Part 1 §17.3.1.11), and
 * consecutive paragraphs with identical frame properties form a single frame in Word and in
 * LibreOffice. The separator lines are the paragraphs' own borders (or lines drawn with
 * characters, which are paragraphs of the frame too), so they travel with it; the borders are
 * made the same on every paragraph of the frame (see frameBorders: the thick line over the first
 * and under the last, the thin one between 抄送 and 印发 given up), or LibreOffice makes no frame.
 *
 * Only a recognised 版记 (core/format/elements.ts: 抄送 or 印发 among the trailing lines) is
 * framed; a document without one is left as the formatter wrote it.
 */
import type { DocModel } from "../model";
import type { Outline } from "../numbering/types";
import type { FormatSpec } from "../profiles";
import { findElements } from "../format/elements";
import { pageTwips } from "./formats";
import { PPR_ORDER } from "./schemaOrder";
import { XmlError } from "../reader/xml";
import { applySplices, attrValue, parseSpans, spanChild, type SpanElement, type Splice } from "./xmlspan";

const BLANK = /^[\s\u3000\u00a0]*$/;

/**
 * The body paragraphs of the 版记, consecutive, first to last: from a separator drawn as a line
 * of characters right above the first 抄送 / 印发 line (blank lines between included) to the one
 * right below the last. Empty when the document has no 版记 or its lines cannot share one frame
 * (a table cell, another part).
 */
export function banjiParagraphs(doc: DocModel, outline: Outline): number[] {
  const els = findElements(doc, outline);
  let lo = -1;
  let hi = -1;
  for (const [k, role] of els.byParagraph) {
    if (role !== "copyTo" && role !== "printer") continue;
    if (lo < 0 || k < lo) lo = k;
    if (k > hi) hi = k;
  }
  if (lo < 0) return [];
  const blank = (k: number) => BLANK.test(doc.paragraphs[k].text);
  // A drawn separator beyond the first or last element (blank lines between it and the element).
  const drawnBeyond = (from: number, dir: 1 | -1): number => {
    for (let k = from + dir; k >= 0 && k < doc.paragraphs.length; k += dir) {
      if (els.byParagraph.get(k) === "rule") return k;
      if (!blank(k)) break;
    }
    return from;
  };
  lo = drawnBeyond(lo, -1);
  hi = drawnBeyond(hi, 1);
  const out: number[] = [];
  for (let k = lo; k <= hi; k++) {
    const p = doc.paragraphs[k];
    if (p.part !== "body" || p.inTable) return [];
    out.push(k);
  }
  return out;
}

/**
 * The frame: as wide as the text area, centred between the margins, its bottom on the bottom
 * margin; the text above keeps to the space over it.
 */
export function banjiFramePr(spec: FormatSpec, landscape = false): string {
  const t = pageTwips(spec);
  const width = (landscape ? t.h : t.w) - t.left - t.right;
  return `<w:framePr w:w="${width}" w:wrap="around" w:vAnchor="margin" w:hAnchor="margin" w:xAlign="center" w:yAlign="bottom"/>`;
}


function rank(name: string): number {
  const k = PPR_ORDER.indexOf(name);
  return k < 0 ? PPR_ORDER.length : k;
}

/** The whole element `name` (say <w:ind .../>) among the children of `pPr`, as written, or undefined. */
function childXml(xml: string, pPr: SpanElement | undefined, name: string): string | undefined {
  const c = spanChild(pPr, name);
  return c ? xml.slice(c.start, c.end) : undefined;
}

/**
 * Splices that make paragraph `p`'s properties hold the given children (whole elements, in any
 * order): an existing child of that name is replaced, a missing one inserted at its schema place.
 */
function pPrSplices(xml: string, p: SpanElement, wanted: Array<{ name: string; text: string }>): Splice[] {
  const sorted = [...wanted].sort((a, b) => rank(a.name) - rank(b.name));
  const fresh = `<w:pPr>${sorted.map((w) => w.text).join("")}</w:pPr>`;
  if (p.selfClosing) {
    // An empty paragraph <w:p/>: written out with its properties (it has no text to keep).
    const open = xml.slice(p.start, p.end).replace(/\s*\/>$/, ">");
    return [{ start: p.start, end: p.end, text: `${open}${fresh}</w:p>` }];
  }
  const pPr = spanChild(p, "w:pPr");
  if (!pPr) return [{ start: p.openEnd, end: p.openEnd, text: fresh }];
  if (pPr.selfClosing) return [{ start: pPr.start, end: pPr.end, text: fresh }];
  const out: Splice[] = [];
  for (const w of sorted) {
    // Written at its schema place whatever its place before (a w:pBdr the formatter appended to
    // an empty w:pPr sits after w:jc, where Word would reject it).
    const existing = spanChild(pPr, w.name);
    if (existing) out.push({ start: existing.start, end: existing.end, text: "" });
    const before = pPr.children.find((c) => c !== existing && rank(c.name) > rank(w.name));
    const at = before ? before.start : pPr.closeStart;
    out.push({ start: at, end: at, text: w.text });
  }
  return out;
}

/**
 * The separator lines of the framed 版记, the same on each of its paragraphs: the line over its
 * first paragraph and the one under its last (GB/T 9704 7.4.1). They must be the same: LibreOffice
 * (7.4) turns the framed paragraphs' borders into the frame's and makes no frame at all when they
 * differ from paragraph to paragraph (nor when they hold a w:between line); Word groups
 * paragraphs with identical borders and draws the top line over the first and the bottom line
 * under the last. The thin line between 抄送 and 印发 has no place in such a frame: left out.
 */
function frameBorders(xml: string, framed: SpanElement[]): string | undefined {
  let top: string | undefined;
  let bottom: string | undefined;
  for (const p of framed) {
    const t = childXml(xml, spanChild(spanChild(p, "w:pPr"), "w:pBdr"), "w:top");
    if (t) {
      top = t;
      break;
    }
  }
  for (let j = framed.length - 1; j >= 0; j--) {
    const b = childXml(xml, spanChild(spanChild(framed[j], "w:pPr"), "w:pBdr"), "w:bottom");
    if (b) {
      bottom = b;
      break;
    }
  }
  return top || bottom ? `<w:pBdr>${top ?? ""}${bottom ?? ""}</w:pBdr>` : undefined;
}

/** The formatted document part, and how many more (or fewer) paragraphs changed than the formatter counted. */
export interface FramedBanji {
  xml: string;
  changedDelta: number;
}

/** The document part as it was before formatting: the formatter's count is corrected against it. */
export interface Unformatted {
  xml: string;
  paras: SpanElement[];
}

/**
 * `xml` (the formatted document part) with the 版记's paragraphs framed at the foot of the page.
 * `paragraphsOf` lists the body paragraphs of a parsed document in the reader's order (the
 * formatter's walk), so index k is the reader's paragraph k. `xml` comes back unchanged when
 * there is no 版记, when the paragraphs do not match the reader's, or when a section break falls
 * inside the 版记 (a frame cannot span two sections).
 *
 * The formatter counted a 版记 paragraph as changed when its own edits differed from the input;
 * what counts is the paragraph as finally written (formatting an already framed 版记 again
 * changes nothing), so the count is corrected against `before`.
 */
export function frameBanji(
  xml: string,
  doc: DocModel,
  outline: Outline,
  spec: FormatSpec,
  paragraphsOf: (body: SpanElement) => SpanElement[],
  before: Unformatted,
): FramedBanji {
  const unchanged = { xml, changedDelta: 0 };
  const which = banjiParagraphs(doc, outline);
  if (which.length === 0) return unchanged;
  let root: SpanElement;
  try {
    root = parseSpans(xml);
  } catch (e) {
    // Not expected (the formatter splices well-formed XML): then the 版记 stays in the flow.
    if (e instanceof XmlError) return unchanged;
    throw e;
  }
  const body = spanChild(root, "w:body");
  if (!body) return unchanged;
  const paras = paragraphsOf(body);
  if (paras.length !== doc.paragraphs.length || before.paras.length !== paras.length) return unchanged;
  const framed = which.map((k) => paras[k]);
  // The frame's paragraphs must be siblings one after the other (not split by a table or a wrapper).
  for (let j = 1; j < framed.length; j++) {
    // Bookmarks and the like may lie between them; a closing wrapper or another block may not.
    if (/<\/|<w:(p|tbl|sdt|customXml)[\s>/]/.test(xml.slice(framed[j - 1].end, framed[j].start))) return unchanged;
  }
  if (framed.some((p) => spanChild(spanChild(p, "w:pPr"), "w:sectPr"))) return unchanged;
  const last = spanChild(body, "w:sectPr");
  const landscape = attrValue(xml, spanChild(last, "w:pgSz"), "w:orient") === "landscape";
  const framePr = banjiFramePr(spec, landscape);
  const borders = frameBorders(xml, framed);
  // One indent for all (the first element's: 抄送's hanging indent puts a one-line 印发 at the same
  // 左空一字), since Word joins the borders of paragraphs only when their indents agree too.
  const roles = findElements(doc, outline).byParagraph;
  const first = which.findIndex((k) => doc.paragraphs[k].text.trim() !== "" && roles.get(k) !== "rule");
  const ind = childXml(xml, spanChild(framed[Math.max(0, first)], "w:pPr"), "w:ind");
  const edits: Splice[][] = framed.map((p) => {
    const wanted = [{ name: "w:framePr", text: framePr }];
    if (borders) wanted.push({ name: "w:pBdr", text: borders });
    if (ind) wanted.push({ name: "w:ind", text: ind });
    return pPrSplices(xml, p, wanted);
  });
  let changedDelta = 0;
  which.forEach((k, j) => {
    const was = before.xml.slice(before.paras[k].start, before.paras[k].end);
    const formatted = xml.slice(paras[k].start, paras[k].end);
    const local = edits[j].map((e) => ({ start: e.start - paras[k].start, end: e.end - paras[k].start, text: e.text }));
    const final = applySplices(formatted, local);
    changedDelta += (final !== was ? 1 : 0) - (formatted !== was ? 1 : 0);
  });
  return { xml: applySplices(xml, edits.flat()), changedDelta };
}
