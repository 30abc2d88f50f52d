/**
 * Applying fixes to an existing .docx (`biganzi fix`): the text edits of the fixes are spliced
 * into the original word/document.xml at the w:t elements that hold those characters, so every
 * other byte — other paragraphs, run formatting, styles, numbering, tables, headers, comments —
 * stays as it was. An edit that spans several runs puts its new text in the first run and takes
 * the rest of the range out of the others.
 *
 * A fix is applied whole or not at all. It is skipped (and counted) when one of its edits cannot
 * be placed safely: inside a field (its code or its shown result), in an mc:AlternateContent
 * branch (the other branch would keep the old text), at the seam of an automatic list label,
 * outside its paragraph, in a paragraph whose runs do not add up to the text the reader saw, or
 * overlapping an edit already taken.
 *
 * Formatting goes in too (formatFixes.ts): a fix's format edits set paragraph properties on its
 * paragraph and run properties on the runs covering the range (cut at its bounds), and its page
 * patch sets the sections — with propSplice.ts, the code 下载文档 uses. The formatting is spliced
 * first (offsets are the reader's, and formatting never moves text), the text after it, on the
 * formatted file: both passes take the same fixes, so a fix is still applied whole or not at all.
 */
import type { Fix, TextEdit } from "../edits";
import type { DocModel } from "../model";
import { decodeEntities } from "../reader/xml";
import { encodeLike, openMainPart } from "./formatDocx";
import { formatPlanner, formatSplices, type FormatPlanner } from "./formatFixes";
import { applySplices, attrValue, escapeText, rewriteStartTag, spanChild, type SpanElement, type Splice, followFieldChar } from "./xmlspan";

/** Why a fix was not applied. */
export type SkipReason =
  /** It sets formatting this writer cannot write (FixOutcome.kinds says which), or the target has no formatting (plain text). */
  | "format"
  /** Its text is inside a field, an alternate-content branch or next to an automatic list label. */
  | "protected"
  /** It overlaps (or touches, for insertions) an edit of a fix taken before it. */
  | "overlap"
  /** Its range is outside the paragraph, or the paragraph's runs could not be matched to the text. */
  | "unmapped";

export interface FixOutcome {
  /** Index into the fixes given. */
  index: number;
  applied: boolean;
  reason?: SkipReason;
  /** With reason "format" from the .docx writer: the kinds of formatting it cannot write (Chinese names). */
  kinds?: string[];
}

export interface FixDocxResult {
  bytes: Uint8Array;
  /** One per fix given, in the same order. */
  outcomes: FixOutcome[];
}

/** Raised when the document as a whole cannot be matched to the model; the message is Chinese. */
export class FixError extends Error {}

/** A stretch of a paragraph's text and the element it comes from. */
interface Piece {
  start: number;
  end: number;
  /** A w:t (its content can be spliced), or a one-character element (w:tab, w:br, w:sym…). */
  kind: "t" | "el";
  el: SpanElement;
  /** Text here may be edited: not in a field, not in an alternate-content branch, no CDATA. */
  safe: boolean;
  text: string;
}

interface ParaMap {
  pieces: Piece[];
  /** The pieces' text equals the reader's paragraph text: offsets can be trusted. */
  matches: boolean;
}

type Fields = Array<{ inInstruction: boolean }>;

const INLINE_THROUGH = new Set(["w:hyperlink", "w:smartTag", "w:customXml", "w:ins", "w:moveTo", "w:fldSimple", "w:dir", "w:bdo", "w:sdtContent"]);

function symText(xml: string, el: SpanElement): string {
  const code = parseInt(attrValue(xml, el, "w:char") ?? "", 16);
  if (!Number.isFinite(code) || code <= 0 || code > 0x10ffff) return "";
  const font = (attrValue(xml, el, "w:font") ?? "").toLowerCase();
  if (code >= 0xf000 && code <= 0xf0ff && font === "symbol") return String.fromCharCode(code - 0xf000);
  return String.fromCodePoint(code);
}

/**
 * The pieces of one body paragraph, walked exactly as the reader walks it
 * (src/core/reader/document.ts): runs through the inline wrappers, field codes left out.
 */
function mapParagraph(xml: string, p: SpanElement, fields: Fields, expected: string): ParaMap {
  const pieces: Piece[] = [];
  let pos = 0;
  const inInstruction = () => fields.some((f) => f.inInstruction);
  const add = (kind: Piece["kind"], el: SpanElement, text: string, safe: boolean) => {
    if (text === "") return;
    pieces.push({ start: pos, end: pos + text.length, kind, el, safe, text });
    pos += text.length;
  };
  const content = (el: SpanElement, guarded: boolean) => {
    for (const c of el.children) {
      // Text shown as a field's result is the field's to compute: never edited.
      const safe = !guarded && fields.length === 0;
      switch (c.name) {
        case "w:t": {
          if (inInstruction()) break;
          const raw = xml.slice(c.openEnd, c.closeStart);
          // CDATA or a comment inside w:t: offsets in the raw text are not the reader's.
          add("t", c, decodeEntities(raw), safe && !raw.includes("<"));
          break;
        }
        case "w:tab":
        case "w:ptab":
          if (!inInstruction()) add("el", c, "\t", safe);
          break;
        case "w:br": {
          const type = attrValue(xml, c, "w:type");
          if (!inInstruction() && (type === undefined || type === "textWrapping")) add("el", c, "\n", safe);
          break;
        }
        case "w:cr":
          if (!inInstruction()) add("el", c, "\n", safe);
          break;
        case "w:noBreakHyphen":
          if (!inInstruction()) add("el", c, "-", safe);
          break;
        case "w:sym":
          if (!inInstruction()) add("el", c, symText(xml, c), safe);
          break;
        case "w:fldChar":
          followFieldChar(xml, c, fields);
          break;
        case "mc:AlternateContent": {
          const b = spanChild(c, "mc:Choice") ?? spanChild(c, "mc:Fallback");
          if (b) content(b, true);
          break;
        }
      }
    }
  };
  const inline = (el: SpanElement, guarded: boolean) => {
    for (const c of el.children) {
      if (c.name === "w:r") content(c, guarded);
      else if (c.name === "w:sdt") {
        const sc = spanChild(c, "w:sdtContent");
        if (sc) inline(sc, guarded);
      } else if (c.name === "mc:AlternateContent") {
        const b = spanChild(c, "mc:Choice") ?? spanChild(c, "mc:Fallback");
        if (b) inline(b, true);
      } else if (INLINE_THROUGH.has(c.name)) inline(c, guarded || c.name === "w:fldSimple");
    }
  };
  inline(p, false);
  let matches = pos === expected.length;
  if (matches) {
    for (const pc of pieces) {
      if (expected.slice(pc.start, pc.end) !== pc.text) {
        matches = false;
        break;
      }
    }
  }
  return { pieces, matches };
}

/**
 * Raw offsets in a w:t's content for each decoded character offset (0…length); -1 inside an
 * entity that decodes to more than one code unit. Undefined when the content has no entity.
 */
function rawOffsets(raw: string): Int32Array | undefined {
  if (!raw.includes("&")) return undefined;
  const out: number[] = [];
  let j = 0;
  while (j < raw.length) {
    if (raw.charCodeAt(j) === 38 /* & */) {
      const semi = raw.indexOf(";", j + 1);
      if (semi > j && semi - j <= 12) {
        const ent = raw.slice(j, semi + 1);
        const dec = decodeEntities(ent);
        if (dec !== ent) {
          out.push(j);
          for (let k = 1; k < dec.length; k++) out.push(-1);
          j = semi + 1;
          continue;
        }
      }
    }
    out.push(j);
    j++;
  }
  out.push(raw.length);
  return Int32Array.from(out);
}

/**
 * What the edits taken so far occupy in one paragraph: replaced characters, the bounds of each
 * replacement (an insertion there would touch it) and insertion points. Checking an edit costs its
 * own length, so taking many fixes in a long paragraph stays linear.
 */
class Occupied {
  private chars: Uint8Array;
  private bounds: Uint8Array;
  private points: Uint8Array;
  /** Marks set by the fix being placed, undone when it is skipped. */
  private log: Array<[Uint8Array, number]> = [];

  constructor(length: number) {
    this.chars = new Uint8Array(length);
    this.bounds = new Uint8Array(length + 1);
    this.points = new Uint8Array(length + 1);
  }

  /** True when `e` overlaps a taken replacement, or an insertion is involved and they touch. */
  conflicts(e: { start: number; end: number }): boolean {
    if (e.start === e.end) return this.points[e.start] === 1 || this.bounds[e.start] === 1;
    for (let i = e.start; i < e.end; i++) if (this.chars[i]) return true;
    for (let i = e.start; i <= e.end; i++) if (this.points[i]) return true;
    return false;
  }

  take(e: { start: number; end: number }): void {
    const mark = (a: Uint8Array, i: number) => {
      if (a[i]) return;
      a[i] = 1;
      this.log.push([a, i]);
    };
    if (e.start === e.end) return mark(this.points, e.start);
    for (let i = e.start; i < e.end; i++) mark(this.chars, i);
    for (let i = e.start; i <= e.end; i++) mark(this.bounds, i);
  }

  commit(): void {
    this.log = [];
  }

  rollback(): void {
    for (const [a, i] of this.log) a[i] = 0;
    this.log = [];
  }
}

/**
 * Decides which fixes can be applied: a fix is taken whole when every edit passes `place`
 * (returns the splices it needs, or a reason), none overlaps an edit already taken, and its
 * formatting passes `formats`. Shared by the .docx writer and plain-text fixing (where every edit
 * inside its line can be placed, and a fix with formatting is skipped: plain text has none).
 */
export function planFixes<S>(
  doc: DocModel,
  fixes: readonly Fix[],
  place: (e: TextEdit) => S[] | SkipReason,
  formats?: FormatPlanner,
): { outcomes: FixOutcome[]; taken: S[]; edits: TextEdit[] } {
  const occupied = new Map<number, Occupied>();
  const touched: Occupied[] = [];
  const outcomes: FixOutcome[] = [];
  const taken: S[] = [];
  const edits: TextEdit[] = [];
  fixes.forEach((fix, index) => {
    const skip = (reason: SkipReason, kinds?: string[]) => {
      for (const o of touched) o.rollback();
      touched.length = 0;
      formats?.rollback();
      outcomes.push({ index, applied: false, reason, ...(kinds ? { kinds } : {}) });
    };
    const formatted = (fix.format !== undefined && fix.format.length > 0) || fix.page !== undefined;
    if (formatted && !formats) return skip("format");
    const mine = fix.text ?? [];
    if (mine.length === 0 && !formatted) return skip("unmapped");
    const out: S[] = [];
    for (const e of mine) {
      const p = doc.paragraphs[e.paragraph];
      if (!p || !(e.start >= 0 && e.start <= e.end && e.end <= p.text.length)) return skip("unmapped");
      let occ = occupied.get(e.paragraph);
      if (!occ) {
        occ = new Occupied(p.text.length);
        occupied.set(e.paragraph, occ);
      }
      // Against the edits taken before and this fix's own earlier edits.
      if (occ.conflicts(e)) return skip("overlap");
      occ.take(e);
      touched.push(occ);
      const s = place(e);
      if (typeof s === "string") return skip(s);
      out.push(...s);
    }
    if (formatted && formats) {
      const no = formats.take(fix, index);
      if (no) return skip(no.reason, no.kinds);
      formats.commit();
    }
    for (const o of touched) o.commit();
    touched.length = 0;
    edits.push(...mine);
    taken.push(...out);
    outcomes.push({ index, applied: true });
  });
  return { outcomes, taken, edits };
}

/** The index of the first piece that ends after `pos` (pieces are in order and do not overlap). */
function pieceAfter(pieces: Piece[], pos: number): number {
  let lo = 0;
  let hi = pieces.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (pieces[mid].end > pos) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** A splice of document.xml; `t`: the w:t whose content it changes. */
interface Placed extends Splice {
  t?: SpanElement;
}

/** How one edit lands in document.xml. */
function placeEdit(xml: string, map: ParaMap | undefined, labelled: boolean, e: TextEdit, offsets: Map<SpanElement, Int32Array | undefined>): Placed[] | SkipReason {
  if (!map || !map.matches) return "unmapped";
  // An insertion at the very start of a numbered paragraph: before or after the label? Not ours to guess.
  if (labelled && e.start === 0 && e.end === 0) return "protected";
  const { pieces } = map;
  const local = (pc: Piece, a: number, b: number, text: string): Placed | undefined => {
    const el = pc.el;
    let map = offsets.get(el);
    if (!offsets.has(el)) {
      map = rawOffsets(xml.slice(el.openEnd, el.closeStart));
      offsets.set(el, map);
    }
    const ra = map ? map[a - pc.start] : a - pc.start;
    const rb = map ? map[b - pc.start] : b - pc.start;
    if (ra < 0 || rb < 0) return undefined;
    return { start: el.openEnd + ra, end: el.openEnd + rb, text: escapeText(text), t: el };
  };
  if (e.start === e.end) {
    // Into the run ending at (or holding) the point — it carries the formatting of what the text
    // follows — else the one starting there.
    const k = pieceAfter(pieces, e.start - 1);
    const before = pieces[k] && pieces[k].start < e.start ? pieces[k] : undefined;
    const after = before && before.end > e.start ? undefined : pieces[before ? k + 1 : k];
    const host = before?.kind === "t" ? before : after?.kind === "t" && after.start === e.start ? after : undefined;
    if (!host || !host.safe) return host ? "protected" : "unmapped";
    const s = local(host, e.start, e.start, e.text);
    return s ? [s] : "unmapped";
  }
  const hit: Piece[] = [];
  for (let k = pieceAfter(pieces, e.start); k < pieces.length && pieces[k].start < e.end; k++) hit.push(pieces[k]);
  if (hit.length === 0) return "unmapped";
  if (hit.some((pc) => !pc.safe)) return "protected";
  const out: Placed[] = [];
  hit.forEach((pc, k) => {
    const text = k === 0 ? e.text : "";
    if (pc.kind === "t") {
      const s = local(pc, Math.max(e.start, pc.start), Math.min(e.end, pc.end), text);
      if (s) out.push(s);
      else out.push({ start: -1, end: -1, text: "" });
      return;
    }
    // A tab, break or symbol: only whole (it is one character); replaced by a w:t when the new text goes here.
    if (pc.start < e.start || pc.end > e.end) out.push({ start: -1, end: -1, text: "" });
    else out.push({ start: pc.el.start, end: pc.el.end, text: text ? `<w:t xml:space="preserve">${escapeText(text)}</w:t>` : "" });
  });
  return out.some((s) => s.start < 0) ? "unmapped" : out;
}

/** A fix with its formatting left out (the text pass on the already formatted file). */
const textOnly = (f: Fix): Fix => ({ description: f.description, text: f.text ?? [] });
/** Stands in for a fix an earlier attempt had to leave out (planFixes skips it: no edit). */
const LEFT_OUT: Fix = { description: "", text: [] };

/**
 * Applies the fixes — text edits, format edits, page patches — to the .docx `bytes` (read into
 * `doc` by the reader from these same bytes). Throws ReaderError when the package is not a
 * readable .docx, FixError when its body cannot be matched to the model at all.
 */
export function fixDocx(bytes: Uint8Array, doc: DocModel, fixes: readonly Fix[]): FixDocxResult {
  // A fix whose formatting could not be written exactly, or whose text no longer lands on the
  // formatted file, is left out and everything is planned again (it cannot be half-applied).
  const leftOut = new Map<number, SkipReason>();
  for (let attempt = 0; attempt < 4; attempt++) {
    const r = attemptFix(bytes, doc, fixes, leftOut);
    if ("bytes" in r) return r;
    if (r.retry.size === 0) break;
    for (const [k, reason] of r.retry) leftOut.set(k, reason);
  }
  throw new FixError("文档结构特殊，为免改错文字或格式，未做修复。");
}

function attemptFix(bytes: Uint8Array, doc: DocModel, all: readonly Fix[], leftOut: ReadonlyMap<number, SkipReason>): FixDocxResult | { retry: Map<number, SkipReason> } {
  const fixes = leftOut.size ? all.map((f, k) => (leftOut.has(k) ? LEFT_OUT : f)) : all;
  const main = openMainPart(bytes);
  const { files, mainPart, original, xml, paras } = main;
  if (paras.length !== doc.paragraphs.length) {
    throw new FixError(`文档结构特殊（读到 ${doc.paragraphs.length} 段，修复时找到 ${paras.length} 段），为免改错文字，未做修复。`);
  }
  const maps = paragraphMaps(xml, paras, doc, fixes);
  const offsets = new Map<SpanElement, Int32Array | undefined>();
  const planner = formatPlanner(main, doc);
  const plan = planFixes(
    doc,
    fixes,
    (e) => placeEdit(xml, maps.get(e.paragraph), doc.paragraphs[e.paragraph].listLabel !== undefined, e, offsets),
    planner,
  );
  const outcomes = plan.outcomes.map((o) => (leftOut.has(o.index) ? { index: o.index, applied: false, reason: leftOut.get(o.index)! } : o));
  if (!planner.any()) {
    if (plan.taken.length === 0) return { bytes: files.toZip(), outcomes };
    files.set(mainPart, encodeLike(original, spliceText(xml, plan.taken)));
    return { bytes: files.toZip(), outcomes };
  }

  // Formatting first, on the file as read.
  const formatted = formatSplices(main, doc, planner);
  if (formatted.inexact.size) return { retry: new Map([...formatted.inexact].map((k) => [k, "unmapped" as SkipReason])) };
  files.set(mainPart, encodeLike(original, applySplices(xml, formatted.splices)));
  const mid = files.toZip();
  const withText = outcomes.filter((o) => o.applied && (all[o.index].text ?? []).length > 0);
  if (withText.length === 0) return { bytes: mid, outcomes };

  // Then the text of the same fixes, on the formatted file: each must land as it did on the original.
  const again = openMainPart(mid);
  const textFixes = withText.map((o) => textOnly(all[o.index]));
  const maps2 = paragraphMaps(again.xml, again.paras, doc, textFixes);
  const offsets2 = new Map<SpanElement, Int32Array | undefined>();
  const plan2 = planFixes(doc, textFixes, (e) =>
    placeEdit(again.xml, maps2.get(e.paragraph), doc.paragraphs[e.paragraph].listLabel !== undefined, e, offsets2),
  );
  const retry = new Map<number, SkipReason>();
  plan2.outcomes.forEach((o, k) => {
    if (!o.applied) retry.set(withText[k].index, o.reason ?? "unmapped");
  });
  if (retry.size) return { retry };
  again.files.set(again.mainPart, encodeLike(again.original, spliceText(again.xml, plan2.taken)));
  return { bytes: again.files.toZip(), outcomes };
}

/**
 * The maps of the paragraphs the fixes edit text in. Field state runs on from paragraph to
 * paragraph (a field's result may span several), so every paragraph is walked.
 */
function paragraphMaps(xml: string, paras: SpanElement[], doc: DocModel, fixes: readonly Fix[]): Map<number, ParaMap> {
  const wanted = new Set<number>();
  for (const f of fixes) for (const e of f.text ?? []) wanted.add(e.paragraph);
  const maps = new Map<number, ParaMap>();
  if (wanted.size === 0) return maps;
  let fields: Fields = [];
  paras.forEach((p, i) => {
    if (fields.some((f) => f.inInstruction)) fields = fields.filter((f) => !f.inInstruction);
    const m = mapParagraph(xml, p, fields, doc.paragraphs[i].text);
    if (wanted.has(i)) maps.set(i, m);
  });
  return maps;
}

/** document.xml with the placed text edits spliced in. */
function spliceText(xml: string, taken: Placed[]): string {
  // An edited w:t that now begins or ends with a space keeps it only with xml:space="preserve".
  const splices: Splice[] = taken.map(({ start, end, text }) => ({ start, end, text }));
  const byT = new Map<SpanElement, Splice[]>();
  for (const s of taken) {
    if (!s.t) continue;
    const list = byT.get(s.t) ?? [];
    if (list.length === 0) byT.set(s.t, list);
    list.push({ start: s.start - s.t.openEnd, end: s.end - s.t.openEnd, text: s.text });
  }
  for (const [t, local] of byT) {
    if (attrValue(xml, t, "xml:space") === "preserve") continue;
    const now = decodeEntities(applySplices(xml.slice(t.openEnd, t.closeStart), local));
    if (/^\s|\s$/.test(now)) splices.push({ start: t.start, end: t.openEnd, text: rewriteStartTag(xml, t, { "xml:space": "preserve" }) });
  }
  return applySplices(xml, splices);
}
