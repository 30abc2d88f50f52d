/**
 * The outline actions of the 大纲 tab (and the CLI): statistics per outline node, the heading
 * 插入下一标题 / 插入下级标题 inserts, the renumbering of one sibling group, and the formatting
 * 一键排版 applies. Pure: the caller reads the document and applies the result through its host.
 */
import { formatSegments, paragraphRole, type ParagraphRole } from "../format/levels";
import { roleFormat, rolePatch, roleRunPatch, type Role, type RoleFormat } from "../format/roles";
import { elementPlace } from "../format/elements";
import type { InsertParagraph } from "../host";
import type { DocModel } from "../model";
import { formatMarker, formatNumeral, levelOf } from "../numbering/markers";
import type { MarkerKind, Outline, OutlineNode } from "../numbering/types";
import type { FormatSpec } from "../profiles";
import { withPageNumbers, type FormatEdit, type FormatEditList, type FormatPatch, type TextEdit } from "../edits";
import { siblingGroups } from "../rules/numbering/shared";
import type { FormatPlan, NextHeading, RenumberPlan, SectionStats } from "./types";

/** The usual speaking pace of a leader reading a speech, in characters per minute. */
export const DEFAULT_CHARS_PER_MINUTE = 220;

/** Placeholder for the title of an inserted heading; the placeholder rule finds any left. */
export const HEADING_PLACEHOLDER = "〔标题〕";

const SPACE = new Uint8Array(0x10000);
for (const c of " \t\n\r\u000b\u000c\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff") {
  SPACE[c.charCodeAt(0)] = 1;
}

/** Characters of a text as a reader counts them: spaces excluded, a surrogate pair is one character. */
export function countChars(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (SPACE[c]) continue;
    if (c >= 0xdc00 && c <= 0xdfff && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if (prev >= 0xd800 && prev <= 0xdbff) continue; // second half of a pair
    }
    n++;
  }
  return n;
}

/** Seconds to speak `chars` characters at `charsPerMinute`, rounded to the second. */
export function speakingSeconds(chars: number, charsPerMinute: number): number {
  const pace = Number.isFinite(charsPerMinute) && charsPerMinute > 0 ? charsPerMinute : DEFAULT_CHARS_PER_MINUTE;
  return Math.round((chars * 60) / pace);
}

export interface OutlineStats {
  /** The whole document (every body paragraph). */
  total: { chars: number; seconds: number };
  /** Per heading paragraph (Outline.byParagraph). */
  byParagraph: Map<number, SectionStats>;
}

/** The headings the tree shows: one per heading paragraph, in document order (merged ones left out). */
export function outlineNodes(outline: Outline): OutlineNode[] {
  return outline.headings.filter((h) => !h.merged);
}

/**
 * Characters and speaking time per outline node: the heading and everything up to the next
 * heading that is not below it (same or higher level, or the start of the next speech in a
 * compilation), or to the end of the document. Linear in the document size.
 */
export function sectionStats(doc: DocModel, outline: Outline, charsPerMinute = DEFAULT_CHARS_PER_MINUTE): OutlineStats {
  const n = doc.paragraphs.length;
  // prefix[i] = characters in paragraphs [0, i).
  const prefix = new Float64Array(n + 1);
  for (let i = 0; i < n; i++) prefix[i + 1] = prefix[i] + countChars(doc.paragraphs[i].text);
  const nodes = outlineNodes(outline);
  const segs = outline.segments ?? [0];
  const byParagraph = new Map<number, SectionStats>();
  const close = (node: OutlineNode, end: number): void => {
    const chars = prefix[end] - prefix[node.paragraph];
    byParagraph.set(node.paragraph, { paragraph: node.paragraph, chars, seconds: speakingSeconds(chars, charsPerMinute) });
  };
  const isAncestor = (a: OutlineNode, h: OutlineNode): boolean => {
    for (let p = h.parent; p; p = p.parent) if (p === a) return true;
    return false;
  };
  /** Where the speech after segment `s` starts (the end of the document for the last). */
  const segmentEnd = (s: number): number => Math.min(n, segs[s + 1] ?? n);
  let stack: OutlineNode[] = [];
  let segment = 0;
  for (const h of nodes) {
    const hs = h.segment ?? 0;
    if (hs !== segment) {
      // A new speech of a compilation: what is open ends where the next speech starts.
      const end = Math.min(segmentEnd(segment), h.paragraph);
      for (const open of stack) close(open, end);
      stack = [];
      segment = hs;
    }
    while (stack.length && !isAncestor(stack[stack.length - 1], h)) close(stack.pop()!, h.paragraph);
    stack.push(h);
  }
  for (const open of stack) close(open, segmentEnd(segment));
  // In document order, for callers that list them.
  const ordered = new Map<number, SectionStats>();
  for (const h of nodes) ordered.set(h.paragraph, byParagraph.get(h.paragraph)!);
  const chars = prefix[n];
  return { total: { chars, seconds: speakingSeconds(chars, charsPerMinute) }, byParagraph: ordered };
}

const ROLE_OF_LEVEL: Record<number, InsertParagraph["role"]> = { 1: "level1", 2: "level2", 3: "level3", 4: "level4" };

/** The heading kind one level below `kind` by GB/T 9704 (一、 → （一） → 1. → （1）); undefined below （1）. */
const NEXT_KIND: Partial<Record<MarkerKind, MarkerKind>> = {
  "cn-dun": "cn-paren",
  "cn-paren": "arabic-dot",
  "arabic-dot": "arabic-paren",
};

/** The heading at or above paragraph `at` (in the same speech of a compilation), if any. */
export function headingAt(outline: Outline, at: number): OutlineNode | undefined {
  const nodes = outlineNodes(outline);
  let lo = 0;
  let hi = nodes.length - 1;
  let found: OutlineNode | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (nodes[mid].paragraph <= at) {
      found = nodes[mid];
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (!found) return undefined;
  // A later speech of a compilation starts between the heading and the cursor: not its heading.
  const segs = outline.segments ?? [];
  const seg = found.segment ?? 0;
  const nextStart = segs[seg + 1];
  if (nextStart !== undefined && nextStart <= at) return undefined;
  return found;
}

/** The house form of Arabic 1. markers in the draft: the dot most of them use ("." when none). */
function houseDot(outline: Outline): "." | "．" {
  let half = 0;
  let full = 0;
  for (const h of outline.headings) {
    if (h.marker.dot === ".") half++;
    else if (h.marker.dot === "．") full++;
  }
  return full > half ? "．" : ".";
}

/**
 * The kind the draft puts under headings of `kind`: when every heading of that kind that has
 * children has them of one same kind (一、 → 1. throughout), that kind; else the standard next level.
 */
function childKind(outline: Outline, kind: MarkerKind): MarkerKind | undefined {
  let seen: MarkerKind | undefined;
  let consistent = true;
  for (const h of outline.headings) {
    if (h.merged || h.marker.kind !== kind || h.children.length === 0) continue;
    for (const c of h.children) {
      if (c.merged) continue;
      if (seen === undefined) seen = c.marker.kind;
      else if (seen !== c.marker.kind) consistent = false;
    }
  }
  if (seen !== undefined && consistent && levelOf(seen) > levelOf(kind) && levelOf(seen) <= 4) return seen;
  return NEXT_KIND[kind];
}

function headingOf(kind: MarkerKind, value: number, dot: "." | "．"): NextHeading {
  return { text: formatMarker(kind, value, dot) + HEADING_PLACEHOLDER, role: ROLE_OF_LEVEL[levelOf(kind)] ?? "body" };
}

/**
 * The heading 插入下一标题 ("sibling") or 插入下级标题 ("child") inserts after the cursor's paragraph:
 * after （二） comes （三）; the first child of 一、 is （一）, or 1. when the draft puts 1. directly under
 * 一、 throughout. Arabic markers keep the draft's house form (1. or 1．). Undefined when there is
 * nothing sensible to insert (a child below （1）, or a child with no heading above the cursor).
 */
export function nextHeading(doc: DocModel, outline: Outline, cursorParagraph: number, mode: "sibling" | "child"): NextHeading | undefined {
  const at = Math.max(0, Math.min(cursorParagraph, doc.paragraphs.length - 1));
  const current = headingAt(outline, at);
  const dot = houseDot(outline);
  if (!current) {
    if (mode === "child") return undefined;
    // No heading above the cursor yet: the first top-level heading, in the kind the draft's roots use.
    const firstRoot = outline.roots.find((r) => !r.merged && r.paragraph > at);
    const kind = firstRoot && levelOf(firstRoot.marker.kind) <= 4 ? firstRoot.marker.kind : "cn-dun";
    return headingOf(kind, 1, firstRoot?.marker.dot ?? dot);
  }
  const m = current.marker;
  if (mode === "sibling") {
    if (m.level > 4) return undefined;
    return headingOf(m.kind, m.value + 1, m.dot ?? dot);
  }
  const kind = childKind(outline, m.kind);
  if (!kind) return undefined;
  return headingOf(kind, 1, dot);
}

/** Deviations of a sequence from 1, 2, 3 … counted as numbering-sequence counts them. */
function anomalies(values: number[]): number {
  let count = 0;
  let expected = 1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === expected) {
      expected = v + 1;
      continue;
    }
    count++;
    if (k === 0 || (v !== values[k - 1] && v > expected)) expected = v + 1;
  }
  return count;
}

/**
 * The text edits that renumber the sibling group holding `paragraph` (a heading, or the paragraph
 * under it) 1, 2, 3 …: only the numeral changes, the brackets and punctuation stay as written.
 * A level numbered straight through its parents (（一）…（十二） across 一、二、三) is renumbered
 * straight through, as numbering-sequence does. Empty when the group is already in order, when
 * there is no heading, or when a marker in it is a Word list label (Word numbers those itself).
 */
export function renumberPlan(doc: DocModel, outline: Outline, paragraph: number): RenumberPlan {
  if (!doc.paragraphs[paragraph]) return [];
  const node = outline.byParagraph.get(paragraph) ?? headingAt(outline, paragraph);
  if (!node) return [];
  const groups = siblingGroups(outline.headings);
  const group = groups.find((g) => g.includes(node));
  if (!group) return [];
  let nodes = group;
  // The whole level of this speech, when it is numbered continuously across its parents.
  const seg = node.segment ?? 0;
  const sameLevel = groups.filter((g) => (g[0].segment ?? 0) === seg && g[0].marker.level === node.marker.level);
  if (sameLevel.length > 1) {
    const level = outline.headings.filter((h) => (h.segment ?? 0) === seg && h.marker.level === node.marker.level);
    const restart = sameLevel.reduce((s, g) => s + anomalies(g.map((h) => h.marker.value)), 0);
    const cont = anomalies(level.map((h) => h.marker.value));
    if (restart > 0 && cont < restart) nodes = level;
  }
  if (nodes.some((h) => h.marker.fromLabel || h.marker.numStart === undefined || h.marker.numEnd === undefined)) return [];
  const edits: TextEdit[] = [];
  nodes.forEach((h, k) => {
    if (h.marker.value === k + 1) return;
    edits.push({ paragraph: h.paragraph, start: h.marker.numStart!, end: h.marker.numEnd!, text: formatNumeral(h.marker.kind, k + 1) });
  });
  return edits;
}

/**
 * The detected roles 一键排版 formats: all but empty lines, table cells and the lines under a
 * speech's title (副题, speaker, date). The 公文 elements (版头, 附件说明, 署名, 成文日期, 附注, 版记)
 * get their fonts, alignment, indents, the red colour and the separator lines, as `biganzi format`
 * gives them.
 */
const FORMATTED: ReadonlySet<ParagraphRole> = new Set<ParagraphRole>([
  "title", "salutation", "level1", "level2", "level3", "level4", "body",
  "copyNo", "secret", "urgency", "issuer", "docNo", "signer", "attachment", "signature", "date", "note", "copyTo", "printer",
]);

/**
 * What a role's look adds to rolePatch for 一键排版: the right indent (0 drops a stray one, as
 * `biganzi format` does), and where the role has them the colour (the red 发文机关标志), the left and
 * hanging indents (附件说明, 抄送) and the separator lines (the 版头's red line, the 版记 lines).
 */
function elementPatch(f: RoleFormat): FormatPatch {
  const set: FormatPatch = { rightIndentChars: f.rightIndentChars };
  if (f.color !== undefined) set.color = f.color;
  if (f.leftIndentChars !== undefined) {
    set.leftIndentChars = f.leftIndentChars;
    set.hangingChars = f.hangingChars ?? 0;
  }
  if (f.borderTop) set.borderTop = { ...f.borderTop };
  if (f.borderBottom) set.borderBottom = { ...f.borderBottom };
  return set;
}

/**
 * 一键排版: the house style (core/format/roles.ts) by detected role — title, 称谓, headings
 * 一级…四级, body — as format edits: fonts, size, bold where the profile states it, alignment,
 * first-line indent, exact line spacing and the outline level of headings (0–3), and for the 公文
 * elements the colour, left / hanging / right indents and separator lines. A run-in heading
 * 「（一）加强学习。要……」 / 「一是……。……」 gets two: the paragraph in its role's paragraph format with
 * the body font, then its heading sentence (a ranged edit) in the heading font, and no outline level
 * (the navigation pane would list the body text). `range` limits it to paragraphs from…to (both
 * included). Never a text edit. The list carries the profile's page-number mode (`pageNumbers`,
 * edits.ts FormatEditList), so the fix the pane builds from it numbers the pages as the pane's
 * 文稿类型 wants, not as the host's own profile would.
 */
export function formatPlan(doc: DocModel, outline: Outline, spec: FormatSpec, range?: { from: number; to: number }): FormatPlan & FormatEditList {
  const last = doc.paragraphs.length - 1;
  const from = range ? Math.max(0, Math.min(range.from, range.to)) : 0;
  const to = range ? Math.min(last, Math.max(range.from, range.to)) : last;
  const out: FormatEdit[] = [];
  for (let i = from; i <= to; i++) {
    const role = paragraphRole(doc, outline, i);
    if (!FORMATTED.has(role)) continue;
    const segs = formatSegments(doc, outline, i, role);
    const own = roleFormat(spec, role as Role, elementPlace(doc, outline, i));
    if (segs.length <= 1) {
      out.push({ paragraph: i, set: { ...rolePatch(own), ...elementPatch(own) } });
      continue;
    }
    const { alignment, firstLineIndentChars, lineSpacing } = rolePatch(own);
    const { rightIndentChars } = elementPatch(own);
    out.push({ paragraph: i, set: { ...roleRunPatch(roleFormat(spec, "body")), alignment, firstLineIndentChars, lineSpacing, rightIndentChars } });
    for (const seg of segs) {
      if (seg.role === "body") continue;
      out.push({ paragraph: i, start: seg.start, end: seg.end, set: roleRunPatch(roleFormat(spec, seg.role as Role)) });
    }
  }
  return withPageNumbers(out, spec.pageNumbers);
}
