/**
 * 下载文档 for a document that came from a .docx: the current model (after fixes, typing,
 * 一键排版, inserted paragraphs and 写入批注) is written back INTO the uploaded file, so every
 * part the preview did not touch — styles.xml, numbering.xml, headers, footers, footnotes,
 * media, tables, section properties — is copied through byte for byte.
 *
 * How each body paragraph of the current model is found in the file: `Paragraph.origin`, the
 * index the reader gave it (set by `withOrigins` when the preview opens the file; every edit of the
 * model copies it along). A paragraph without one (or out of order) was inserted; a paragraph of
 * the file no current paragraph points at was removed.
 *
 * Two passes, both the existing splice machinery:
 * 1. Text: each changed paragraph's old and new text are diffed into minimal replacements and
 *    handed to the fix writer (fixDocx.ts), which puts them into the w:t elements holding those
 *    characters, so every character in between keeps its run.
 * 2. Everything else on the result, read again with the reader: paragraph properties the preview
 *    changed (alignment, first-line, left, hanging and right indents, line spacing, outline level,
 *    separator lines) and run properties (fonts, size, bold, colour; a run cut in two where a format
 *    bound or a comment bound falls inside it) are set with formatDocx's property splicer; paragraphs are inserted and removed; a paragraph whose text
 *    the fix writer could not place (its text sits in a field's result, next to a list label …)
 *    gets its runs rebuilt from the model in its first run's properties — unless it holds a field,
 *    a picture, an object or a note reference, which a rebuild would lose: that one is left as in
 *    the file and reported. Comments become real Word comments (comments.xml, its relationship
 *    and content type, commentRangeStart/End and a reference run). Page setup changed by a fix is
 *    written to the sections; page numbers 一键排版 added are written by formatDocx's own code
 *    (pageNumberPlan: new footer parts, their relationships and content types, odd/even settings).
 */
import type { DocModel, Paragraph } from "../model";
import type { FormatSpec } from "../profiles";
import { readDocx } from "../reader";
import { FixError, fixDocx } from "./fixDocx";
import { footerDistanceTwips } from "../format/pageNumbers";
import {
  PPR_ORDER,
  RPR_ORDER,
  addOverrides,
  addRelationships,
  appendToPart,
  encodeLike,
  openMainPart,
  pageNumberPlan,
  paragraphRuns,
  relsWithIds,
  runInfo,
  sectPrs,
  sectionSplices,
  setProps,
  type Fields,
  type RunInfo,
  type SectionFooters,
} from "./formatDocx";
import { contentStart, effective, formatOf, keptParagraphSplices, paraWanted, propsXml, runWanted, samePage, sectionPageSplices, type RunFormat } from "./propSplice";
import { decodeXmlBytes } from "../reader/package";
import { commentElementsXml, commentsPartXml, modelPPrXml, modelRPrXml, modelRunsXml, type ModelComment, type NumberedComment } from "./modelXml";
import { applySplices, parseSpans, spanChild, type SpanElement, type Splice } from "./xmlspan";
import type { Fix } from "../edits";
import { diffText } from "./textDiff";

export interface SpliceOptions {
  /** Comments to add (写入批注), on paragraphs of the current model. */
  comments?: readonly ModelComment[];
  /** The comments' date (default: now). */
  date?: Date;
  /** Author of the comments. */
  author?: string;
  /**
   * 一键排版 added page numbers (the preview's MemoryDocument.pageNumbers): footers as `biganzi
   * format` writes them (formatDocx's pageNumberPlan), placed as this house format's
   * `pageNumbers` says — unless the document's own footers hold something, which stay.
   */
  pageNumbers?: FormatSpec;
}

export interface SpliceResult {
  bytes: Uint8Array;
  /** Paragraphs of the file whose text or formatting was rewritten. */
  changed: number;
  /** Paragraphs added. */
  inserted: number;
  /** Paragraphs of the file taken out (in a table cell or ending a section: emptied instead). */
  removed: number;
  /** Changed paragraphs whose runs were rebuilt from the model (their text could not be spliced). */
  rebuilt: number;
  /**
   * Current paragraphs (indices) left as they are in the file: their new text could not be written
   * without losing a field, a picture, an object or a note reference they hold.
   */
  kept: number[];
  /** Comments written. */
  comments: number;
  /** 页码: "added" — our footers were written; "kept" — the document's own footers stay; "off" — none asked for. */
  pageNumbers: "added" | "kept" | "off";
}

/** Raised when the file cannot be matched to the model; the message is Chinese. */
export class SpliceError extends Error {}

/** The model with every body paragraph marked with its index in the file it was read from. */
export function withOrigins(model: DocModel): DocModel {
  return { ...model, paragraphs: model.paragraphs.map((p) => (p.origin === p.index ? p : { ...p, origin: p.index })) };
}

/** Content a rebuilt paragraph would lose. */
const PRECIOUS = /<(?:w:fldChar|w:fldSimple|w:instrText|w:drawing|w:pict|w:object|mc:AlternateContent|w:footnoteReference|w:endnoteReference|w:commentReference|w:txbxContent|m:oMath)\b/;
/** Range marks kept when a paragraph's runs are rebuilt (a bookmark's other half may sit elsewhere). */
const KEPT_MARKS = new Set(["w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:permStart", "w:permEnd"]);

/**
 * Splices that rebuild a paragraph's runs from the model (its text could not be spliced): the
 * paragraph's properties stay (with what the preview changed), the runs take the first text run's
 * properties with the model's formats set, bookmarks and range marks are kept.
 */
function rebuiltParagraphSplices(
  xml: string,
  el: SpanElement,
  runs: RunInfo[],
  was: Paragraph,
  now: Paragraph,
  comments: readonly NumberedComment[],
  collapsed?: RunFormat,
): Splice[] {
  const out: Splice[] = [];
  const pw = paraWanted(was, now, xml, el);
  if (pw.length) out.push(...setProps(xml, el, "w:pPr", PPR_ORDER, pw));
  const template = runs.find((r) => r.length > 0)?.el ?? runs[0]?.el;
  const was0 = formatOf(was.runs, 0);
  const rPr = (f: RunFormat | undefined) => (template ? propsXml(xml, template, "w:rPr", RPR_ORDER, runWanted(was0, effective(f, collapsed))) : modelRPrXml(f));
  const marks = el.children.filter((c) => KEPT_MARKS.has(c.name)).map((c) => xml.slice(c.start, c.end)).join("");
  const body = modelRunsXml(now, comments, rPr, { formatted: now.runs.length > 0, label: false });
  const from = contentStart(el);
  out.push({ start: from, end: el.closeStart, text: marks + body });
  return out;
}

/**
 * A whole w:p for a paragraph the preview added (modelXml.ts modelParagraphXml), with what
 * 一键排版 may have given it on top: the colour of its runs, its left, hanging and right indents and
 * its separator lines, written by the same code as for a paragraph of the file.
 */
function insertedParagraphXml(p: Paragraph, comments: readonly NumberedComment[], formatted: boolean): string {
  const rPr = (f: RunFormat | undefined): string => {
    const plain = modelRPrXml(f);
    if (!formatted || f?.color === undefined) return plain;
    const run = `<w:r>${plain}</w:r>`;
    return propsXml(run, parseSpans(run), "w:rPr", RPR_ORDER, runWanted({ ...f, color: undefined }, f));
  };
  const xml = `<w:p>${formatted ? modelPPrXml(p) : ""}${modelRunsXml(p, comments, rPr, { formatted, label: true })}</w:p>`;
  if (!formatted) return xml;
  // What modelPPrXml wrote (spacing, first-line indent, alignment, outline level) is the base.
  const base: Paragraph = { ...p, leftIndentChars: undefined, leftIndentPt: undefined, rightIndentChars: undefined, rightIndentPt: undefined, borderTop: undefined, borderBottom: undefined };
  const el = parseSpans(xml);
  const pw = paraWanted(base, p, xml, el);
  return pw.length ? applySplices(xml, setProps(xml, el, "w:pPr", PPR_ORDER, pw)) : xml;
}

/** Which paragraph of the file each current paragraph is (undefined: inserted), kept in file order. */
function matchOrigins(read: DocModel, now: DocModel): Array<number | undefined> {
  let last = -1;
  return now.paragraphs.map((p) => {
    const o = p.origin;
    if (p.part !== "body" || o === undefined || !Number.isInteger(o) || o <= last || o >= read.paragraphs.length) return undefined;
    last = o;
    return o;
  });
}

/**
 * Writes `now` (the preview's current model) into the uploaded .docx `bytes`, which the reader
 * read as `read`. Throws ReaderError when the bytes are not a readable .docx, SpliceError when
 * their body cannot be matched to the model (the caller may then write a fresh document).
 */
export function spliceModel(bytes: Uint8Array, read: DocModel, now: DocModel, options: SpliceOptions = {}): SpliceResult {
  const origins = matchOrigins(read, now);

  // Pass 1: text, through the fix writer.
  const fixes: Fix[] = [];
  now.paragraphs.forEach((p, i) => {
    const o = origins[i];
    if (o === undefined || read.paragraphs[o].text === p.text) return;
    const edits = diffText(read.paragraphs[o].text, p.text).map((e) => ({ paragraph: o, ...e }));
    fixes.push({ description: "下载文档", text: edits });
  });
  let mid = read;
  let base = bytes;
  if (fixes.length) {
    try {
      base = fixDocx(bytes, read, fixes).bytes;
    } catch (e) {
      if (e instanceof FixError) throw new SpliceError("文档结构特殊，无法把修改写回原文件。");
      throw e;
    }
    mid = readDocx(base);
  }

  // Pass 2: everything else, on the text-fixed file.
  const { files, mainPart, original, xml, root, body, paras } = openMainPart(base);
  if (paras.length !== mid.paragraphs.length || mid.paragraphs.length !== read.paragraphs.length) {
    throw new SpliceError(`文档结构特殊（读到 ${mid.paragraphs.length} 段，写回时找到 ${paras.length} 段），无法把修改写回原文件。`);
  }
  let fields: Fields = [];
  const runsOf = paras.map((p) => {
    if (fields.some((f) => f.inInstruction)) fields = fields.filter((f) => !f.inInstruction);
    return paragraphRuns(p).map((r) => runInfo(xml, r, fields));
  });

  // Comment ids after those the file has.
  const rels = relsWithIds(files, mainPart);
  const commentsRel = rels.find((r) => r.type.endsWith("/comments") && r.target);
  const commentsName = commentsRel ? files.find(commentsRel.target) : undefined;
  let nextId = 0;
  if (commentsName) {
    const cx = decodeXmlBytes(files.get(commentsName));
    for (const m of cx.matchAll(/<w:comment\b[^>]*?\bw:id="(-?\d+)"/g)) nextId = Math.max(nextId, Number(m[1]) + 1);
  }
  const byPara = new Map<number, NumberedComment[]>();
  const numbered: NumberedComment[] = [];
  for (const c of options.comments ?? []) {
    if (!now.paragraphs[c.paragraph]) continue;
    const n = { id: nextId++, c };
    numbered.push(n);
    const list = byPara.get(c.paragraph) ?? [];
    if (list.length === 0) byPara.set(c.paragraph, list);
    list.push(n);
  }

  const splices: Splice[] = [];
  const result: Omit<SpliceResult, "bytes" | "pageNumbers"> = { changed: 0, inserted: 0, removed: 0, rebuilt: 0, kept: [], comments: numbered.length };
  const used = new Set<number>();
  /** New paragraphs waiting for the next paragraph of the file (before the first one). */
  let pending = "";
  let anchor: SpanElement | undefined;
  const insertAfter = new Map<SpanElement, string>();
  now.paragraphs.forEach((p, i) => {
    const o = origins[i];
    const notes = byPara.get(i) ?? [];
    if (o === undefined) {
      const made = insertedParagraphXml(p, notes, now.hasFormatting);
      result.inserted++;
      if (anchor) insertAfter.set(anchor, (insertAfter.get(anchor) ?? "") + made);
      else pending += made;
      return;
    }
    used.add(o);
    const el = paras[o];
    if (pending) {
      splices.push({ start: el.start, end: el.start, text: pending });
      pending = "";
    }
    anchor = el;
    const was = mid.paragraphs[o];
    const textDone = was.text === p.text;
    const collapsed = read.paragraphs[o].text !== p.text ? formatOf(read.paragraphs[o].runs, 0) : undefined;
    if (el.selfClosing) {
      // <w:p/>: written whole when anything is to change.
      if (!textDone || notes.length || paraWanted(was, p).length) {
        splices.push({ start: el.start, end: el.end, text: insertedParagraphXml(p, notes, now.hasFormatting) });
        result.changed++;
      }
      return;
    }
    if (!textDone) {
      if (PRECIOUS.test(xml.slice(contentStart(el), el.closeStart))) {
        result.kept.push(i);
        // Its comments still go on, over the whole paragraph.
        splices.push(...keptParagraphSplices(xml, el, runsOf[o], was, was, notes.map(({ id, c }) => ({ id, c: { ...c, start: 0, end: 0 } }))).splices);
        return;
      }
      splices.push(...rebuiltParagraphSplices(xml, el, runsOf[o], was, p, notes, collapsed));
      result.rebuilt++;
      result.changed++;
      return;
    }
    const mine = keptParagraphSplices(xml, el, runsOf[o], was, p, notes, collapsed);
    splices.push(...mine.splices);
    if (read.paragraphs[o].text !== p.text || mine.formatted) result.changed++;
  });
  for (const [el, made] of insertAfter) splices.push({ start: el.end, end: el.end, text: made });
  if (pending) {
    // Only new paragraphs (every paragraph of the file removed): at the start of the body.
    splices.push({ start: body.openEnd, end: body.openEnd, text: pending });
  }
  // Paragraphs removed in the preview. One ending a section or sitting in a table cell (which
  // must keep a paragraph) is emptied instead.
  paras.forEach((el, o) => {
    if (used.has(o)) return;
    result.removed++;
    const sect = spanChild(spanChild(el, "w:pPr"), "w:sectPr");
    if (sect || mid.paragraphs[o].inTable) {
      if (!el.selfClosing) splices.push({ start: contentStart(el), end: el.closeStart, text: "" });
    } else splices.push({ start: el.start, end: el.end, text: "" });
  });

  // Page setup and page numbers.
  const sections = sectPrs(body);
  let footers: SectionFooters | undefined;
  let pageNumbers: SpliceResult["pageNumbers"] = "off";
  const spec = options.pageNumbers;
  if (spec) {
    const plan = pageNumberPlan(files, mainPart, xml, root, sections, spec, splices);
    footers = plan.footers;
    pageNumbers = plan.result;
  }
  const matched = sections.length === mid.sections.length && sections.length === now.sections.length;
  sections.forEach((s, k) => {
    const page = matched && !samePage(mid.sections[k], now.sections[k]) ? now.sections[k] : undefined;
    if (!page && !footers) return;
    const bottom = (matched ? now.sections[k] : mid.sections[k])?.marginBottomMm;
    const twips = spec ? footerDistanceTwips(bottom === undefined ? spec : { ...spec, page: { ...spec.page, marginBottomMm: bottom } }) : 0;
    splices.push(...sectionPageSplices(xml, s, page, footers, twips));
  });
  if (sections.length === 0 && footers && spec) {
    // No section properties at all (Word's defaults): a body-level sectPr for the footers, in the house page setup.
    const empty = "<w:sectPr/>";
    const el: SpanElement = { name: "w:sectPr", start: 0, openEnd: empty.length, closeStart: empty.length, end: empty.length, selfClosing: true, children: [] };
    splices.push({ start: body.closeStart, end: body.closeStart, text: applySplices(empty, sectionSplices(empty, el, spec, footers)) });
  }

  files.set(mainPart, encodeLike(original, applySplices(xml, splices)));

  if (numbered.length) {
    const author = options.author ?? "笔杆子";
    const date = options.date ?? new Date();
    if (commentsName) {
      appendToPart(files, commentsName, "</w:comments>", commentElementsXml(numbered, author, date), "");
    } else {
      const slash = mainPart.lastIndexOf("/");
      const dir = slash < 0 ? "" : mainPart.slice(0, slash + 1);
      let file = "comments.xml";
      for (let k = 1; files.find(dir + file); k++) file = `commentsBiganzi${k}.xml`;
      files.set(dir + file, new TextEncoder().encode(commentsPartXml(numbered, author, date)));
      const ids = new Set(rels.map((r) => r.id));
      let id = "rIdBiganziComments1";
      for (let k = 2; ids.has(id); k++) id = `rIdBiganziComments${k}`;
      addRelationships(files, mainPart, [{ id, type: "comments", target: file }]);
      addOverrides(files, [{ name: dir + file, type: "comments" }]);
    }
  }
  return { bytes: files.toZip(), ...result, pageNumbers };
}

