/**
 * What a paragraph is, for formatting purposes: the title, the salutation, a heading of level
 * 1–4 (一、 （一） 1. （1）), body text, an empty line, or something else (table cells, the
 * speaker / date lines under a title, centred or right-aligned lines, styled headings the
 * numbering parser does not recognise). The format rules and the taskpane's one-click
 * formatting both use this.
 */
import type { DocModel, Paragraph } from "../model";
import type { Outline, OutlineNode } from "../numbering/types";
import type { FormatSpec, LevelFormat } from "../profiles";
import { findElements, type ElementRole } from "./elements";
import { ROLE_NAMES_ZH } from "./roleNames";
import { roleLevelFormat, unitRoleStyle } from "./roles";

export type ParagraphRole =
  | "title"
  | "salutation"
  | "level1"
  | "level2"
  | "level3"
  | "level4"
  | "body"
  | "empty"
  | "other"
  // The 公文 elements GB/T 9704 places (format/elements.ts); a 主送机关 is a "salutation".
  | Exclude<ElementRole, "rule">
  /** Only as a segment: the name after 「签发人：」, in 楷体 (7.2.6). */
  | "signerName";

export type HeadingRole = "level1" | "level2" | "level3" | "level4";

/**
 * The Chinese name of every role a paragraph is detected as, for findings: the settable roles'
 * names (one table, format/roleNames.ts, also used by config errors and the pane) and the two only
 * detection gives. A finding names the salutation 「称谓」: it points at one paragraph, which the
 * clerk sees, while a unit's setting for the role covers both 称谓 and 主送机关.
 */
export const ROLE_LABEL: Record<ParagraphRole, string> = { ...ROLE_NAMES_ZH, salutation: "称谓", empty: "空行", other: "其他" };

const HEADING_ROLES: readonly HeadingRole[] = ["level1", "level2", "level3", "level4"];

export function isHeadingRole(role: ParagraphRole): role is HeadingRole {
  return (HEADING_ROLES as readonly string[]).includes(role);
}

/** Whitespace including the full-width space U+3000 and no-break space. */
const BLANK = /^[\s\u3000\u00a0]*$/;

export function isBlank(text: string): boolean {
  return BLANK.test(text);
}

/** A line holding only a date, e.g. 「2023年5月10日」 or 「（二〇二三年五月十日）」: a 落款 or speaker line. */
const DATE_LINE = /^[\s\u3000]*[（(]?[\s\u3000]*[0-9〇零一二三四五六七八九○Ｏ]{4}[\s\u3000]*年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日[\s\u3000]*[）)]?[\s\u3000]*$/;

/** How many paragraphs after the title may still be a 副题 / speaker / date line. */
const TITLE_BLOCK_MAX = 4;
/** Longest line that can be a 副题 / speaker line. */
const TITLE_BLOCK_LINE_MAX = 50;

/** The title: the outline's, unless it sits in a 版头 (then the line after the 版头). */
export function titleIndex(doc: DocModel, outline: Outline): number | undefined {
  return findElements(doc, outline).title ?? outline.title;
}

function inTitleBlock(doc: DocModel, outline: Outline, i: number): boolean {
  const t = titleIndex(doc, outline);
  if (t === undefined || i <= t || i - t > TITLE_BLOCK_MAX) return false;
  if (outline.salutation !== undefined && i >= outline.salutation) return false;
  // The body starts after a 主送机关 as after a 称谓.
  const recipient = findElements(doc, outline).recipient;
  if (recipient !== undefined && i >= recipient) return false;
  for (let k = t + 1; k <= i; k++) {
    const p = doc.paragraphs[k];
    if (!p) return false;
    if (outline.byParagraph.has(k)) return false;
    const text = p.text;
    if (text.length > TITLE_BLOCK_LINE_MAX || text.includes("。")) return false;
  }
  return true;
}

/** Paragraphs searched back for "is this the first line": a title sits at the very top. */
const TOP_LINES = 3;

/**
 * The first non-empty line, short and without sentence punctuation, when the outline names no
 * title: most likely a title the parser missed, so not treated as body text.
 */
function looksLikeUnrecognisedTitle(doc: DocModel, i: number): boolean {
  if (i > TOP_LINES) return false;
  for (let k = 0; k < i; k++) if (!isBlank(doc.paragraphs[k].text)) return false;
  const text = doc.paragraphs[i].text.trim();
  return text.length <= TITLE_BLOCK_LINE_MAX && !/[。，；！？]/.test(text);
}

/** The role of paragraph `i` of `doc`. */
export function paragraphRole(doc: DocModel, outline: Outline, i: number): ParagraphRole {
  const p = doc.paragraphs[i];
  if (!p || p.part !== "body") return "other";
  if (isBlank(p.text) && !p.listLabel) return "empty";
  if (p.inTable) return "other";
  const els = findElements(doc, outline);
  const el = els.byParagraph.get(i);
  if (el !== undefined) return el === "rule" ? "other" : el;
  if (titleIndex(doc, outline) === i) return "title";
  if (outline.salutation === i || els.recipient === i) return "salutation";
  const node = outline.byParagraph.get(i);
  const level = node?.marker.level;
  if (level !== undefined && level >= 1 && level <= 4) return HEADING_ROLES[level - 1];
  // Centred or right-aligned lines that are not title or heading: 副题, speaker, 落款, dates.
  if (p.alignment === "center" || p.alignment === "right") return "other";
  // A paragraph styled as a heading that the numbering parser does not know (第一部分 …).
  if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9) return "other";
  if (inTitleBlock(doc, outline, i)) return "other";
  if (titleIndex(doc, outline) === undefined && looksLikeUnrecognisedTitle(doc, i)) return "other";
  if (DATE_LINE.test(p.text)) return "other";
  return "body";
}

/**
 * The font and size expected for a role — the same roleLevelFormat the formatters apply, so the
 * unit's `format.roles` settings count here too (the salutation is set as body text); undefined
 * for the rest.
 */
export function levelFormat(spec: FormatSpec, role: ParagraphRole): LevelFormat | undefined {
  switch (role) {
    // The 发文机关标志's size is the issuing organ's choice (7.2.4 names only the font), unless
    // the unit's config states it.
    case "issuer":
      return unitRoleStyle(spec, role)?.sizePt !== undefined ? roleLevelFormat(spec, role) : undefined;
    case "empty":
    case "other":
      return undefined;
    default:
      return roleLevelFormat(spec, role);
  }
}

/** Marks that end the heading part of a run-in heading 「（一）加强学习。要……」. */
const HEADING_END = new Set(["。", "！", "？", "："]);

/**
 * The part of a heading paragraph that is the heading: the marker and the title up to and
 * including the first 。！？： for a run-in heading, the whole text for a standalone one.
 */
export function headingExtent(p: Paragraph, node: OutlineNode): { start: number; end: number } {
  const text = p.text;
  const start = node.marker.fromLabel ? 0 : node.marker.start;
  if (node.standalone) return { start, end: text.length };
  const from = node.marker.fromLabel ? 0 : node.marker.end;
  for (let k = from; k < text.length; k++) {
    if (HEADING_END.has(text[k])) return { start, end: k + 1 };
  }
  return { start, end: text.length };
}

/** A stretch of a paragraph set in one role's format. */
export interface FormatSegment {
  start: number;
  end: number;
  /** The role whose format applies: a heading role for the heading part, "body" for the rest. */
  role: ParagraphRole;
  /**
   * True for the heading sentence of a 「一是……。」 run-in heading: 一键排版 sets it in its
   * heading font, and the body font is accepted too (GB/T 9704 does not count 一是 among the
   * 序次语, so a draft that leaves it in 仿宋 is not wrong).
   */
  bodyAccepted?: boolean;
}

/**
 * Longest heading sentence of a 「一是……。」 run-in heading, in characters, run-in included, and
 * the most commas it may hold: 「一是坚持问题导向，聚焦重点难点。」 is a heading, a long sentence of
 * several clauses is the item's text.
 */
const YISHI_HEADING_MAX = 30;
const YISHI_HEADING_COMMAS = 1;
/** Marks that end the heading sentence of a 「一是……。」 heading (not ：, which introduces a list). */
const YISHI_END = new Set(["。", "！", "？"]);

/** An outline's headings without the merged ones (those sit mid-paragraph), computed once per outline. */
const REAL_HEADINGS = new WeakMap<Outline, OutlineNode[]>();

/** The heading that governs paragraph `i`: the last real heading before it, if any (binary search). */
function governingHeading(outline: Outline, i: number): OutlineNode | undefined {
  let hs = REAL_HEADINGS.get(outline);
  if (!hs) REAL_HEADINGS.set(outline, (hs = outline.headings.filter((h) => !h.merged)));
  let lo = 0;
  let hi = hs.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (hs[mid].paragraph < i) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  if (found < 0) return undefined;
  const h = hs[found];
  // A later speech of a compilation starts between the heading and the paragraph: not its heading.
  const segs = outline.segments ?? [];
  const next = segs[(h.segment ?? 0) + 1];
  return next !== undefined && next <= i ? undefined : h;
}

/**
 * A body paragraph that opens with a heading sentence introduced by 一是 / 二是 —
 * 「一是精神风貌好。我作为局长，……」 — is a run-in heading one level below the heading that
 * governs it (二级 under 一、). Undefined when the paragraph is not one: the 一是 is not at its start,
 * the first sentence is long or of several clauses, holds another item or a 「；」, has nothing
 * after it, or there is no heading above to take the level from (or it would be below 四级).
 */
export function yishiHeading(doc: DocModel, outline: Outline, i: number): { end: number; role: HeadingRole } | undefined {
  const list = outline.runIns.get(i);
  const first = list?.[0];
  const p = doc.paragraphs[i];
  if (!first || !p || first.kind !== "yishi" || first.punct !== "" || p.listLabel) return undefined;
  const text = p.text;
  if (leadingSpaces(text).length !== first.start) return undefined;
  const limit = Math.min(text.length, first.start + YISHI_HEADING_MAX);
  let end = -1;
  let commas = 0;
  for (let k = first.end; k < limit; k++) {
    const c = text[k];
    if (c === "；" || c === ";") return undefined;
    if ((c === "，" || c === ",") && ++commas > YISHI_HEADING_COMMAS) return undefined;
    if (YISHI_END.has(c)) {
      end = k + 1;
      break;
    }
  }
  if (end < 0 || end - first.end < 2) return undefined;
  if (list.length > 1 && list[1].start < end) return undefined;
  if (isBlank(text.slice(end))) return undefined;
  const gov = governingHeading(outline, i);
  const level = gov ? gov.marker.level + 1 : 0;
  if (level < 2 || level > 4) return undefined;
  return { end, role: HEADING_ROLES[level - 1] };
}

/**
 * The stretches of paragraph `i` with the role whose format applies to each. A run-in heading
 * 「（一）加强学习。要……」 or 「一是……。……」 gives two: the heading part (its level) and the rest
 * (body). Empty for "empty" / "other". Every formatter and format-font split paragraphs this way.
 */
export function formatSegments(doc: DocModel, outline: Outline, i: number, role = paragraphRole(doc, outline, i)): FormatSegment[] {
  const p = doc.paragraphs[i];
  if (!p || role === "empty" || role === "other") return [];
  const len = p.text.length;
  if (role === "body") {
    const y = yishiHeading(doc, outline, i);
    if (y) return [{ start: 0, end: y.end, role: y.role, bodyAccepted: true }, { start: y.end, end: len, role: "body" }];
  }
  if (role === "signer" || role === "docNo") {
    // 「签发人：」 in 仿宋, the name after it in 楷体 (7.2.6).
    const k = signerNameStart(p.text);
    if (k > 0 && k < len) return [{ start: 0, end: k, role }, { start: k, end: len, role: "signerName" }];
  }
  if (!isHeadingRole(role)) return [{ start: 0, end: len, role }];
  const node = outline.byParagraph.get(i);
  if (!node) return [{ start: 0, end: len, role }];
  const ext = headingExtent(p, node);
  const out: FormatSegment[] = [{ start: 0, end: ext.end, role }];
  // Body text after the heading part, if there is any that is not blank.
  if (ext.end < len && !isBlank(p.text.slice(ext.end))) out.push({ start: ext.end, end: len, role: "body" });
  return out;
}

/** Where the name after 「签发人：」 starts in `text`, or -1. */
export function signerNameStart(text: string): number {
  const at = text.indexOf("签发人");
  if (at < 0) return -1;
  let k = at + 3;
  if (text[k] !== "：" && text[k] !== ":") return -1;
  k++;
  while (k < text.length && (text[k] === " " || text[k] === "\u3000")) k++;
  return k;
}

/** The font size most of the paragraph's characters have, if the runs say. */
export function dominantSizePt(p: Paragraph): number | undefined {
  let best: number | undefined;
  let bestCount = 0;
  const counts = new Map<number, number>();
  for (const r of p.runs) {
    if (r.sizePt === undefined) continue;
    const n = (counts.get(r.sizePt) ?? 0) + (r.end - r.start);
    counts.set(r.sizePt, n);
    if (n > bestCount) {
      bestCount = n;
      best = r.sizePt;
    }
  }
  return best;
}

/**
 * The first-line indent of a paragraph in characters: firstLineIndentChars when the document
 * states it, else firstLineIndentPt ÷ the paragraph's main font size (or `fallbackSizePt`).
 * Undefined when the document does not say.
 */
export function firstLineIndentChars(p: Paragraph, fallbackSizePt: number): number | undefined {
  // Word writes firstLineChars="0" next to a firstLine in points that then applies.
  if (p.firstLineIndentChars !== undefined && (p.firstLineIndentChars !== 0 || p.firstLineIndentPt === undefined)) {
    return p.firstLineIndentChars;
  }
  if (p.firstLineIndentPt !== undefined) {
    const size = dominantSizePt(p) ?? fallbackSizePt;
    return size > 0 ? p.firstLineIndentPt / size : undefined;
  }
  return undefined;
}

/** Leading spaces of a paragraph: how many characters, and how wide in character units (full-width = 1, half-width = ½). */
export function leadingSpaces(text: string): { length: number; width: number } {
  let k = 0;
  let width = 0;
  while (k < text.length) {
    const c = text[k];
    if (c === "\u3000") width += 1;
    else if (c === " " || c === "\u00a0") width += 0.5;
    else break;
    k++;
  }
  return { length: k, width };
}
