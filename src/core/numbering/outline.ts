/**
 * The outline of a draft: its headings as a tree by nominal level (一、 > （一） > 1. > （1） > ①),
 * its run-in enumerations, the title and the 称谓 (salutation) line.
 */
import type { DocModel, Paragraph } from "../model";
import { ADJ_OUTLINE, paragraphFlags, summaryCheckedFor } from "../text/summary";
import { outlineIndex } from "./groups";
import { markerFromLabel, parseMarker, scanParagraph, skipSpaces } from "./markers";
import type { Marker, MergedHeading, Outline, OutlineNode, RunIn } from "./types";

const SENTENCE_END = "。！？!?";
/** Closing marks that may follow the last 。 of a sentence. */
const TRAILING = "”’」』）)》 \u3000\t";

/** Words a 称谓 segment may start with: 同志们 / 各位领导 / 尊敬的… */
const SALUTE_WHOLE = ["同志们", "同事们", "朋友们", "同学们", "老师们", "代表们", "委员们", "来宾们", "女士们", "先生们", "战友们"];
const SALUTE_PREFIX = ["各位", "尊敬的", "亲爱的"];

function isCjk(c: string | undefined): boolean {
  return c !== undefined && c >= "\u4e00" && c <= "\u9fff";
}

/** First characters of the 称谓 words above: a cheap test before the word lists (by char code). */
const SALUTE_FIRST = new Uint8Array(0x10000);
for (const w of [...SALUTE_WHOLE, ...SALUTE_PREFIX]) SALUTE_FIRST[w.charCodeAt(0)] = 1;
/** Characters a qualifier before a 称谓 word does not hold. */
const NOT_QUALIFIER = new Uint8Array(0x10000);
for (const ch of "的是了在和与我你他这那") NOT_QUALIFIER[ch.charCodeAt(0)] = 1;

function saluteWordAt(text: string, i: number): number {
  if (SALUTE_FIRST[text.charCodeAt(i)] !== 1) {
    // 青年朋友们 / 少先队员同学们: a short qualifier before a 称谓 word.
    for (let k = i; k < i + 4 && k < text.length; k++) {
      const c = text.charCodeAt(k);
      if (c < 0x4e00 || c > 0x9fff || NOT_QUALIFIER[c] === 1) break;
      if (k > i && SALUTE_FIRST[c] === 1) {
        for (const w of SALUTE_WHOLE) if (text.startsWith(w, k)) return k + w.length;
      }
    }
    return -1;
  }
  for (const w of SALUTE_WHOLE) if (text.startsWith(w, i)) return i + w.length;
  for (const w of SALUTE_PREFIX) {
    if (!text.startsWith(w, i)) continue;
    // 各位领导 / 尊敬的各位来宾: a short noun phrase follows.
    let k = i + w.length;
    const limit = k + 10;
    while (k < text.length && k < limit && isCjk(text[k])) k++;
    return k > i + w.length ? k : -1;
  }
  return -1;
}

export interface Salutation {
  /** Offsets of the 称谓 words (「各位领导、同志们」), punctuation excluded. */
  start: number;
  end: number;
  /** The punctuation after the 称谓 (「：」 「:」 「，」 …), "" when none. */
  punct: string;
  /** True when only spaces follow the punctuation: the 称谓 is a line of its own. */
  alone: boolean;
}

/** A 称谓 (同志们 / 各位领导、同志们) at the start of a paragraph, or null. */
export function parseSalutation(text: string): Salutation | null {
  const start = skipSpaces(text, 0);
  let i = start;
  for (;;) {
    const end = saluteWordAt(text, i);
    if (end < 0) return null;
    i = end;
    const c = text[i];
    if (c === "、") {
      // 「同志们、」 at the end of the line: a wrong mark after the 称谓, not another word.
      if (saluteWordAt(text, i + 1) < 0 && skipSpaces(text, i + 1) >= text.length) return { start, end: i, punct: c, alone: true };
      i++;
      continue;
    }
    if ((c === "，" || c === ",") && saluteWordAt(text, i + 1) > 0) {
      i++;
      continue;
    }
    if (i - start > 40) return null;
    const punct = c !== undefined && "：:，,！!；;。.".includes(c) ? c : c === undefined || c === " " || c === "\u3000" ? "" : null;
    if (punct === null) return null;
    const after = skipSpaces(text, i + punct.length);
    return { start, end: i, punct, alone: after >= text.length };
  }
}

/** A paragraph that is only a 称谓 line (同志们： / 同志们: / 同志们，). */
export function isSalutationLine(text: string): boolean {
  const s = parseSalutation(text);
  return !!s && s.alone && s.punct !== "！" && s.punct !== "!";
}

/** Index of the first sentence end (。！？) in text[from…], or -1 (test() makes no match object). */
const SENTENCE_END_RE = new RegExp(`[${SENTENCE_END}]`, "g");
function firstSentenceEnd(text: string, from: number): number {
  SENTENCE_END_RE.lastIndex = from;
  return SENTENCE_END_RE.test(text) ? SENTENCE_END_RE.lastIndex - 1 : -1;
}

/** True when only closing quotes / brackets / spaces follow position i. */
function onlyTrailing(text: string, i: number): boolean {
  for (let k = i; k < text.length; k++) if (!TRAILING.includes(text[k])) return false;
  return true;
}

function headingParts(text: string, from: number): { title: string; standalone: boolean } {
  const e = firstSentenceEnd(text, from);
  if (e < 0) return { title: text.slice(from).trim(), standalone: true };
  const title = text.slice(from, e).trim();
  return { title, standalone: onlyTrailing(text, e + 1) };
}

/** The paragraph's heading marker: its list label's, else the typed one (`typed` = parseMarker(text)). */
function markerOf(p: Paragraph, typed: Marker | null): Marker | null {
  if (p.listLabel) {
    const m = markerFromLabel(p.listLabel);
    if (m) return m;
  }
  return typed;
}

/** A short line with no sentence punctuation that is not a 称谓: a title between two speeches. */
function isTitleLike(text: string): boolean {
  // Cheap exit for ordinary body paragraphs: long and not padded with white space.
  if (text.length > 30 && !isTrimSpace(text.charCodeAt(0)) && !isTrimSpace(text.charCodeAt(text.length - 1))) return false;
  const t = text.trim();
  if (!t || t.length > 30 || parseSalutation(t)) return false;
  for (const c of t) if ("。！？，；：,;:!?".includes(c)) return false;
  return true;
}

/** The white space String.prototype.trim removes. */
function isTrimSpace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    c === 0x20 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000 ||
    c === 0xfeff
  );
}

const TITLE_MAX = 50;
/** The children of a heading that has none: one shared, frozen list (most headings are leaves). */
const NO_CHILDREN = Object.freeze([]) as unknown as OutlineNode[];
const COLON_END = /[：:]$/;
/** How many non-empty paragraphs from the top a title or 称谓 may be found in. */
const TOP_WINDOW = 12;

export function buildOutline(doc: DocModel): Outline {
  const roots: OutlineNode[] = [];
  const headings: OutlineNode[] = [];
  const byParagraph = new Map<number, OutlineNode>();
  const runIns = new Map<number, RunIn[]>();
  const merged: MergedHeading[] = [];
  const segments: number[] = [0];
  let stack: OutlineNode[] = [];
  let headingsInSegment = 0;
  /** Highest level used in the current segment, and the largest number seen at that level. */
  let topLevel = Infinity;
  let topMax = 0;
  /** A short title-like line since the last heading (「办公室会议讲话篇四」). */
  let titleLike: number | undefined;

  const place = (node: OutlineNode): void => {
    while (stack.length && stack[stack.length - 1].marker.level >= node.marker.level) stack.pop();
    // (stack[-1] on an empty stack would be a slow property lookup)
    const parent = stack.length ? stack[stack.length - 1] : undefined;
    if (parent) {
      node.parent = parent;
      if (parent.children === NO_CHILDREN) parent.children = [node];
      else parent.children.push(node);
    } else roots.push(node);
    node.depth = stack.length + 1;
    stack.push(node);
    headings.push(node);
    headingsInSegment++;
  };

  /** Scratch lists for scanParagraph, reused across paragraphs. */
  const ri: RunIn[] = [];
  const mh: Marker[] = [];
  const flags = paragraphFlags(doc);
  let sequential = true;
  for (let pi = 0; pi < doc.paragraphs.length; pi++) {
    const p = doc.paragraphs[pi];
    const i = p.index;
    if (i !== pi) sequential = false;
    const text = p.text;
    const typed = parseMarker(text);
    if (ri.length) ri.length = 0;
    if (mh.length) mh.length = 0;
    scanParagraph(text, typed, ri, p.inTable ? null : mh, (flags[pi] & ADJ_OUTLINE) !== 0);
    if (ri.length) runIns.set(i, ri.slice());
    if (p.inTable) continue;
    if (headingsInSegment > 0 && isSalutationLine(text)) {
      // A compilation: a new speech starts with its own 称谓 line.
      segments.push(i);
      stack = [];
      headingsInSegment = 0;
      titleLike = undefined;
    }
    const marker = markerOf(p, typed);
    if (marker && headingsInSegment > 0 && titleLike !== undefined && marker.value === 1 && marker.level <= topLevel && topMax >= 2) {
      // 一、二、三 … then a title-like line and 一、 again: the next speech of a compilation.
      segments.push(titleLike);
      stack = [];
      headingsInSegment = 0;
    }
    if (headingsInSegment === 0) {
      topLevel = Infinity;
      topMax = 0;
    }
    const segment = segments.length - 1;
    if (!marker && isTitleLike(text)) titleLike = i;
    if (marker) {
      titleLike = undefined;
      if (marker.level < topLevel) {
        topLevel = marker.level;
        topMax = marker.value;
      } else if (marker.level === topLevel && marker.value > topMax) topMax = marker.value;
      const { title, standalone } = headingParts(text, marker.fromLabel ? 0 : marker.end);
      const node: OutlineNode = { paragraph: i, marker, title, standalone, children: NO_CHILDREN, depth: 0, segment };
      place(node);
      byParagraph.set(i, node);
    }
    for (const m of mh) {
      const { title } = headingParts(text, m.end);
      const node: OutlineNode = { paragraph: i, marker: m, title, standalone: false, children: NO_CHILDREN, depth: 0, merged: true, segment };
      place(node);
      merged.push({ paragraph: i, marker: m });
    }
  }

  // 称谓 and title: near the top, before the first heading.
  const firstHeading = headings.length ? headings[0].paragraph : Infinity;
  let salutation: number | undefined;
  const top: Paragraph[] = [];
  for (const p of doc.paragraphs) {
    if (p.index >= firstHeading || top.length >= TOP_WINDOW) break;
    if (!p.text.trim()) continue;
    top.push(p);
    if (salutation === undefined && !p.inTable && isSalutationLine(p.text)) salutation = p.index;
  }
  let title: number | undefined;
  const limit = salutation ?? firstHeading;
  const candidates = top.filter((p) => p.index < limit).slice(0, limit === Infinity ? 1 : 3);
  for (const p of candidates) {
    const t = p.text.trim();
    const centred = p.alignment === "center";
    // A trailing 。 (a fault the title rule reports) is tolerated only when a 称谓 or heading follows.
    // A sentence (clauses split by ，；：) ending in 。 is body text, not a title.
    // In a formatted document only a centred line may be a title ending in 。.
    const mayEndInStop = limit !== Infinity && !/[，；：]/.test(t) && (!doc.hasFormatting || centred);
    const inner = mayEndInStop && t.endsWith("。") ? t.slice(0, -1) : t;
    const shortLine = t.length <= TITLE_MAX && !inner.includes("。") && !COLON_END.test(t);
    if ((centred || shortLine) && !parseSalutation(t) && !p.inTable) {
      title = p.index;
      break;
    }
  }

  const outline: Outline = { roots, headings, byParagraph, runIns, merged, segments, ...(title !== undefined ? { title } : {}), ...(salutation !== undefined ? { salutation } : {}) };
  // the groupings the numbering rules share, made now so that their cost is the outline's
  outlineIndex(outline, sequential);
  summaryCheckedFor(doc, outline);
  return outline;
}
