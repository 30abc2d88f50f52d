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
 *    changed (alignment, indent, line spacing, outline level) and run properties (fonts, size,
 *    bold; a run cut in two where a format bound or a comment bound falls inside it) are set with
 *    formatDocx's property splicer; paragraphs are inserted and removed; a paragraph whose text
 *    the fix writer could not place (its text sits in a field's result, next to a list label …)
 *    gets its runs rebuilt from the model in its first run's properties — unless it holds a field,
 *    a picture, an object or a note reference, which a rebuild would lose: that one is left as in
 *    the file and reported. Comments become real Word comments (comments.xml, its relationship
 *    and content type, commentRangeStart/End and a reference run). Page setup changed by a fix is
 *    written to the sections; page numbers 一键排版 added are written by formatDocx's own code
 *    (pageNumberPlan: new footer parts, their relationships and content types, odd/even settings).
 */
import type { DocModel, Paragraph, Run, Section } from "../model";
import type { FormatSpec } from "../profiles";
import { readDocx } from "../reader";
import { FixError, fixDocx } from "./fixDocx";
import { footerDistanceTwips } from "../format/pageNumbers";
import {
  PPR_ORDER,
  RPR_ORDER,
  SECTPR_ORDER,
  addOverrides,
  addRelationships,
  appendToPart,
  encodeLike,
  openMainPart,
  pageNumberPlan,
  paragraphRuns,
  rawOffset,
  relsWithIds,
  runInfo,
  sectPrs,
  sectionSplices,
  setProps,
  type Fields,
  type RunInfo,
  type SectionFooters,
  type Wanted,
} from "./formatDocx";
import { decodeXmlBytes } from "../reader/package";
import {
  JC,
  commentElementsXml,
  commentMarks,
  commentRange,
  commentsPartXml,
  indentAttrs,
  lineAttrs,
  modelParagraphXml,
  modelRPrXml,
  modelRunsXml,
  type ModelComment,
  type NumberedComment,
  type RunFormat,
} from "./modelXml";
import { applySplices, rewriteStartTag, spanChild, type SpanElement, type Splice } from "./xmlspan";
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

const RUN_KEYS = ["fontEastAsia", "fontLatin", "sizePt", "bold"] as const;
const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);
/** Content a rebuilt paragraph would lose. */
const PRECIOUS = /<(?:w:fldChar|w:fldSimple|w:instrText|w:drawing|w:pict|w:object|mc:AlternateContent|w:footnoteReference|w:endnoteReference|w:commentReference|w:txbxContent|m:oMath)\b/;
/** Range marks kept when a paragraph's runs are rebuilt (a bookmark's other half may sit elsewhere). */
const KEPT_MARKS = new Set(["w:bookmarkStart", "w:bookmarkEnd", "w:commentRangeStart", "w:commentRangeEnd", "w:permStart", "w:permEnd"]);

/** The run holding offset `at` (runs tile the text in order; past the end: the last run). Binary search. */
function formatOf(runs: readonly Run[], at: number): RunFormat | undefined {
  if (runs.length === 0) return undefined;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return runs[lo];
}

function sameFormat(a: RunFormat | undefined, b: RunFormat | undefined): boolean {
  return RUN_KEYS.every((k) => a?.[k] === b?.[k]);
}

/**
 * A text fix in the model re-cuts its paragraph to one run in the first run's format
 * (core/edits.ts applyFixes). In a paragraph whose text changed, a run property equal to that
 * first run's is taken as left by the cut, not set by the clerk: the file's runs keep theirs.
 */
function effective(f: RunFormat | undefined, collapsed: RunFormat | undefined): RunFormat | undefined {
  if (!f || !collapsed) return f;
  const out: RunFormat = {};
  for (const k of RUN_KEYS) if (f[k] !== undefined && f[k] !== collapsed[k]) (out as Record<string, unknown>)[k] = f[k];
  return out;
}

/** The run properties to set so a run formatted `was` reads `now` (only what the model states and differs). */
function runWanted(was: RunFormat | undefined, now: RunFormat | undefined): Wanted[] {
  if (!now) return [];
  const out: Wanted[] = [];
  const fonts: Record<string, string | undefined> = {};
  if (now.fontEastAsia !== undefined && now.fontEastAsia !== was?.fontEastAsia) Object.assign(fonts, { "w:eastAsia": now.fontEastAsia, "w:eastAsiaTheme": undefined });
  if (now.fontLatin !== undefined && now.fontLatin !== was?.fontLatin)
    Object.assign(fonts, { "w:ascii": now.fontLatin, "w:hAnsi": now.fontLatin, "w:asciiTheme": undefined, "w:hAnsiTheme": undefined });
  if (Object.keys(fonts).length) out.push({ name: "w:rFonts", attrs: fonts });
  if (now.sizePt !== undefined && now.sizePt > 0 && now.sizePt !== was?.sizePt) {
    const hp = String(Math.round(now.sizePt * 2));
    out.push({ name: "w:sz", attrs: { "w:val": hp } }, { name: "w:szCs", attrs: { "w:val": hp } });
  }
  if (now.bold !== undefined && now.bold !== was?.bold) {
    const val = now.bold ? undefined : "0";
    out.push({ name: "w:b", attrs: { "w:val": val } }, { name: "w:bCs", attrs: { "w:val": val } });
  }
  return out;
}

function sameLine(a: Paragraph["lineSpacing"], b: Paragraph["lineSpacing"]): boolean {
  return a?.rule === b?.rule && a?.value === b?.value;
}

/** The paragraph properties to set so a paragraph read as `was` reads `now`. */
function paraWanted(was: Paragraph, now: Paragraph): Wanted[] {
  const out: Wanted[] = [];
  if (!sameLine(was.lineSpacing, now.lineSpacing) && now.lineSpacing && Number.isFinite(now.lineSpacing.value) && now.lineSpacing.value > 0) {
    out.push({ name: "w:spacing", attrs: lineAttrs(now.lineSpacing) });
  }
  if (was.firstLineIndentChars !== now.firstLineIndentChars || was.firstLineIndentPt !== now.firstLineIndentPt) {
    const ind = indentAttrs(now, true);
    if (ind) out.push({ name: "w:ind", attrs: ind });
  }
  if (now.alignment !== undefined && now.alignment !== was.alignment) out.push({ name: "w:jc", attrs: { "w:val": JC[now.alignment] } });
  if (now.outlineLevel !== was.outlineLevel) {
    const lvl = now.outlineLevel !== undefined && now.outlineLevel >= 0 && now.outlineLevel < 9 ? now.outlineLevel : 9;
    out.push({ name: "w:outlineLvl", attrs: { "w:val": String(lvl) } });
  }
  return out;
}

/** The XML of a properties element of `parent` (w:rPr / w:pPr) with `wanted` set: empty when none and nothing to set. */
function propsXml(xml: string, parent: SpanElement, name: string, order: string[], wanted: Wanted[]): string {
  const props = spanChild(parent, name);
  if (wanted.length === 0) return props ? xml.slice(props.start, props.end) : "";
  const splices = setProps(xml, parent, name, order, wanted);
  if (!props || props.selfClosing) return splices[0]?.text ?? "";
  return applySplices(
    xml.slice(props.start, props.end),
    splices.map((s) => ({ start: s.start - props.start, end: s.end - props.start, text: s.text })),
  );
}

/** Where a paragraph's content after its properties starts. */
function contentStart(p: SpanElement): number {
  const pPr = spanChild(p, "w:pPr");
  return pPr ? pPr.end : p.openEnd;
}

interface Located extends RunInfo {
  start: number;
  end: number;
}

/** Runs of a paragraph with their text offsets; undefined when they do not add up to the reader's text. */
function locate(runs: RunInfo[], length: number): Located[] | undefined {
  let pos = 0;
  const out: Located[] = [];
  for (const r of runs) {
    out.push({ ...r, start: pos, end: pos + r.length });
    pos += r.length;
  }
  return pos === length ? out : undefined;
}

/**
 * Splices for a paragraph of the file whose text already reads as the model's: paragraph and run
 * properties, run cuts, comment anchors.
 */
function keptParagraphSplices(
  xml: string,
  el: SpanElement,
  runs: RunInfo[],
  was: Paragraph,
  now: Paragraph,
  comments: readonly NumberedComment[],
  collapsed?: RunFormat,
): { splices: Splice[]; formatted: boolean } {
  const out: Splice[] = [];
  const fmt = (x: number) => effective(formatOf(now.runs, x), collapsed);
  const pw = paraWanted(was, now);
  let formatted = pw.length > 0;
  if (pw.length) out.push(...setProps(xml, el, "w:pPr", PPR_ORDER, pw));
  const located = locate(runs, was.text.length);
  const ranges = comments.map(({ id, c }) => ({ id, range: commentRange(c, now.text.length) }));
  const texty = (located ?? []).filter((r) => r.length > 0);
  if (!located || texty.length === 0) {
    // Offsets not trusted (or no text): formats only where the model is uniform, comments on the whole paragraph.
    const uniform = now.runs.length > 0 && now.runs.every((r) => sameFormat(r, now.runs[0])) ? now.runs[0] : undefined;
    if (uniform) for (const r of runs) {
      if (r.length === 0) continue;
      const w = runWanted(formatOf(was.runs, 0), effective(uniform, collapsed));
      if (w.length) out.push(...setProps(xml, r.el, "w:rPr", RPR_ORDER, w));
      formatted ||= w.length > 0;
    }
    if (ranges.length) {
      const whole = ranges.map(({ id }) => ({ id, range: [0, 1] as [number, number] }));
      const first = runs[0]?.el.start ?? contentStart(el);
      const last = runs[runs.length - 1]?.el.end ?? el.closeStart;
      if (runs.length === 0) {
        out.push({ start: el.closeStart, end: el.closeStart, text: commentMarks(ranges.map(({ id }) => ({ id, range: [0, 0] as [number, number] })), 0) });
      } else {
        out.push({ start: first, end: first, text: commentMarks(whole, 0) }, { start: last, end: last, text: commentMarks(whole, 1) });
      }
    }
    return { splices: out, formatted };
  }
  const length = now.text.length;
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  // Where an anchor at a text offset goes: before the run starting there, after the run ending there.
  for (const r of texty) {
    if (!startsAt.has(r.start)) startsAt.set(r.start, r.el.start);
    endsAt.set(r.end, r.el.end);
  }
  const marksDone = new Set<number>();
  /** Anchor points inside a run that is cut there. */
  const inner = new Set<number>();
  // Every offset where a run may have to be cut: a format bound of the model, a comment bound.
  const bounds: number[] = [];
  for (let k = 1; k < now.runs.length; k++) {
    if (!sameFormat(effective(now.runs[k - 1], collapsed), effective(now.runs[k], collapsed))) bounds.push(now.runs[k].start);
  }
  for (const { range } of ranges) bounds.push(range[0], range[1]);
  bounds.sort((a, b) => a - b);
  let next = 0;
  for (const r of texty) {
    // Runs come in text order: one walk over the bounds for the whole paragraph.
    while (next < bounds.length && bounds[next] <= r.start) next++;
    const cuts = new Set<number>();
    for (let k = next; k < bounds.length && bounds[k] < r.end; k++) cuts.add(bounds[k]);
    const was0 = formatOf(was.runs, r.start);
    if (cuts.size === 0 || !r.soleText) {
      const w = runWanted(was0, fmt(r.start));
      if (w.length) out.push(...setProps(xml, r.el, "w:rPr", RPR_ORDER, w));
      formatted ||= w.length > 0;
      continue;
    }
    // One run per piece, same properties otherwise; anchors between the pieces.
    const t = r.soleText;
    const raw = xml.slice(t.openEnd, t.closeStart);
    const tOpen = rewriteStartTag(xml, t, { "xml:space": "preserve" });
    const open = xml.slice(r.el.start, r.el.openEnd);
    const points = [r.start, ...[...cuts].sort((a, b) => a - b), r.end];
    let pieces = "";
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      if (k > 0) {
        pieces += commentMarks(ranges, a);
        inner.add(a);
      }
      const w = runWanted(was0, fmt(a));
      formatted ||= w.length > 0;
      const rPr = propsXml(xml, r.el, "w:rPr", RPR_ORDER, w);
      const ra = rawOffset(raw, a - r.start);
      const rb = b >= r.end ? raw.length : rawOffset(raw, b - r.start);
      pieces += `${open}${rPr}${tOpen}${raw.slice(ra, rb)}</w:t></w:r>`;
    }
    out.push({ start: r.el.start, end: r.el.end, text: pieces });
  }
  // Anchors at run bounds; one inside a run that could not be cut goes to that run's bounds.
  const points = new Set<number>();
  for (const { range } of ranges) points.add(range[0]).add(range[1]);
  for (const at of [...points].sort((a, b) => a - b)) {
    if (inner.has(at) || marksDone.has(at)) continue;
    marksDone.add(at);
    const ending = ranges.filter(({ range }) => range[1] === at && range[0] < at);
    const starting = ranges.filter(({ range }) => range[0] === at);
    if (ending.length) {
      let pos = endsAt.get(at);
      if (pos === undefined) pos = (texty.find((r) => r.start < at && at <= r.end) ?? texty[texty.length - 1]).el.end;
      out.push({ start: pos, end: pos, text: commentMarks(ending, at) });
    }
    if (starting.length) {
      let pos = startsAt.get(at);
      if (pos === undefined) pos = at >= length ? texty[texty.length - 1].el.end : (texty.find((r) => r.start <= at && at < r.end) ?? texty[0]).el.start;
      out.push({ start: pos, end: pos, text: commentMarks(starting, at) });
    }
  }
  return { splices: out, formatted };
}

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
  const pw = paraWanted(was, now);
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
 * Splices for a section: its page size and margins set to the model's (`page`, when the preview
 * changed them) and, with `footers`, our page-number footers referred to in place of its own
 * (formatDocx's pageNumberPlan decided they are empty) with the footer distance that centres them.
 */
function sectionPageSplices(xml: string, s: SpanElement, page: Section | undefined, footers: SectionFooters | undefined, footerTwips: number): Splice[] {
  const pgMar = spanChild(s, "w:pgMar");
  const wanted: Wanted[] = [];
  if (page) {
    wanted.push(
      { name: "w:pgSz", attrs: { "w:w": String(mmTwips(page.pageWidthMm)), "w:h": String(mmTwips(page.pageHeightMm)) } },
      {
        name: "w:pgMar",
        attrs: {
          "w:top": String(mmTwips(page.marginTopMm)),
          "w:bottom": String(mmTwips(page.marginBottomMm)),
          "w:left": String(mmTwips(page.marginLeftMm)),
          "w:right": String(mmTwips(page.marginRightMm)),
          ...(pgMar ? {} : { "w:header": "851", "w:footer": "992", "w:gutter": "0" }),
          ...(footers ? { "w:footer": String(footerTwips) } : {}),
        },
      },
    );
  } else if (footers && pgMar) wanted.push({ name: "w:pgMar", attrs: { "w:footer": String(footerTwips) } });
  const out: Splice[] = [];
  if (footers && !s.selfClosing) {
    // References come first in a sectPr; the section's own (empty) footers give way to ours.
    const after = s.children.find((c) => c.name !== "w:headerReference" && c.name !== "w:footerReference");
    const at = after ? after.start : s.closeStart;
    out.push({ start: at, end: at, text: footers.refs(s) });
    for (const c of s.children) if (c.name === "w:footerReference") out.push({ start: c.start, end: c.end, text: "" });
  }
  if (wanted.length) {
    // setProps edits the w:sectPr child of a parent: a stand-in parent holding just this one.
    const mine = setProps(xml, { ...s, name: "#wrap", children: [s] } as SpanElement, "w:sectPr", SECTPR_ORDER, wanted);
    if (footers && s.selfClosing) mine[0].text = mine[0].text.replace(/^<w:sectPr>/, `<w:sectPr>${footers.refs(s)}`);
    out.push(...mine);
  } else if (footers && s.selfClosing) {
    out.push({ start: s.start, end: s.end, text: `<w:sectPr>${footers.refs(s)}</w:sectPr>` });
  }
  return out;
}

function samePage(a: Section | undefined, b: Section | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.pageWidthMm === b.pageWidthMm &&
    a.pageHeightMm === b.pageHeightMm &&
    a.marginTopMm === b.marginTopMm &&
    a.marginBottomMm === b.marginBottomMm &&
    a.marginLeftMm === b.marginLeftMm &&
    a.marginRightMm === b.marginRightMm
  );
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
      const made = modelParagraphXml(p, notes, now.hasFormatting);
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
        splices.push({ start: el.start, end: el.end, text: modelParagraphXml(p, notes, now.hasFormatting) });
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

