/**
 * Pure helpers between model text and Word's text: normalising what Word returns, aligning the
 * model's paragraphs with Word's paragraph collection, and planning searches for an excerpt.
 * No Word calls here, so all of it is testable on its own.
 */

/** Word's search text limit. */
export const SEARCH_MAX = 255;

/**
 * Word's paragraph text as the OOXML reader would give it: manual line breaks (\u000b) become
 * "\n", stray paragraph/cell marks are dropped.
 */
export function normalizeWordText(s: string): string {
  if (!/[\u0000-\u0008\u000b-\u001f]/.test(s)) return s;
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 0x0b) out += "\n";
    else if (c === 0x09 || c === 0x0a || c >= 0x20) out += s[i];
    // \r, \u0007 (cell end) and other control characters are not text.
  }
  return out;
}

/** Escapes text for a non-wildcard Word search: ^ is Word's escape; line breaks and tabs use codes. */
export function escapeSearch(s: string): string {
  let out = "";
  for (const ch of s) {
    if (ch === "^") out += "^^";
    else if (ch === "\n" || ch === "\u000b") out += "^l";
    else if (ch === "\t") out += "^t";
    else out += ch;
  }
  return out;
}

/** Length of the escaped search string (what Word counts against its 255-character limit). */
function escapedLength(s: string): number {
  let n = 0;
  for (const ch of s) n += ch === "^" || ch === "\n" || ch === "\u000b" || ch === "\t" ? 2 : ch.length;
  return n;
}

/**
 * How many non-overlapping occurrences of `needle` in `text`, scanning from the start as Word's
 * search does, begin before `pos`. Returns -1 when no scanned occurrence starts exactly at `pos`
 * (the excerpt is not where it was said to be, or overlaps an earlier occurrence).
 */
export function occurrenceIndex(text: string, needle: string, pos: number): number {
  if (!needle) return -1;
  let k = 0;
  let i = text.indexOf(needle);
  while (i >= 0 && i < pos) {
    k++;
    i = text.indexOf(needle, i + needle.length);
  }
  return i === pos ? k : -1;
}

/** One search: the text to find (unescaped) and which hit to take (0-based). */
export interface SearchStep {
  needle: string;
  k: number;
}

/**
 * How to find [start, end) of `text` with Word's search: one search when the slice fits in the
 * search limit, else a search for its head and one for its tail, joined with expandTo.
 * Undefined when the slice is empty or cannot be found as a hit.
 */
export type SearchPlan = { one: SearchStep } | { head: SearchStep; tail: SearchStep };

export function planSearch(text: string, start: number, end: number): SearchPlan | undefined {
  if (start < 0 || end > text.length || end <= start) return undefined;
  const slice = text.slice(start, end);
  if (escapedLength(slice) <= SEARCH_MAX) {
    const k = occurrenceIndex(text, slice, start);
    return k < 0 ? undefined : { one: { needle: slice, k } };
  }
  // Long slice: 120 characters escape to at most 240.
  const n = 120;
  const head = text.slice(start, start + n);
  const tail = text.slice(end - n, end);
  const kh = occurrenceIndex(text, head, start);
  const kt = occurrenceIndex(text, tail, end - n);
  if (kh < 0 || kt < 0) return undefined;
  return { head: { needle: head, k: kh }, tail: { needle: tail, k: kt } };
}

/**
 * Where to put a pure insertion at `pos`: after the character before it, or before the character
 * at it when pos = 0. Undefined for an empty paragraph (insert at its start instead).
 */
export function planInsertion(text: string, pos: number): { step: SearchStep; where: "Before" | "After" } | undefined {
  if (pos < 0 || pos > text.length || text.length === 0) return undefined;
  // Prefer a 1–2 character anchor ending at pos (fewer hits to load than a lone common character).
  if (pos > 0) {
    const from = Math.max(0, pos - 2);
    const needle = text.slice(from, pos);
    const k = occurrenceIndex(text, needle, from);
    if (k >= 0) return { step: { needle, k }, where: "After" };
    const one = text.slice(pos - 1, pos);
    const k1 = occurrenceIndex(text, one, pos - 1);
    if (k1 >= 0) return { step: { needle: one, k: k1 }, where: "After" };
    return undefined;
  }
  const needle = text.slice(0, Math.min(2, text.length));
  return { step: { needle, k: 0 }, where: "Before" };
}

/**
 * Aligns the model's body paragraphs with Word's paragraph collection by text, greedily and in
 * linear time. Word may list paragraphs the model keeps elsewhere (text boxes) or leave out some
 * the model has; a bounded look-ahead on both sides decides which side to skip.
 * Returns, for each model paragraph, the index of its Word paragraph, or -1.
 */
export function alignParagraphs(model: readonly string[], word: readonly string[], window = 64): number[] {
  const map = new Array<number>(model.length).fill(-1);
  let i = 0;
  let j = 0;
  while (i < model.length && j < word.length) {
    if (model[i] === word[j]) {
      map[i++] = j++;
      continue;
    }
    // Distance to the next Word paragraph equal to model[i], and to the next model paragraph equal to word[j].
    let dw = -1;
    for (let d = 1; d <= window && j + d < word.length; d++) {
      if (word[j + d] === model[i]) {
        dw = d;
        break;
      }
    }
    let dm = -1;
    for (let d = 1; d <= window && i + d < model.length; d++) {
      if (model[i + d] === word[j]) {
        dm = d;
        break;
      }
    }
    if (dw > 0 && (dm < 0 || dw <= dm)) {
      j += dw; // Word has extra paragraphs (e.g. text boxes): skip them.
    } else if (dm > 0) {
      i += dm; // The model has paragraphs Word does not list: leave them unmapped.
    } else {
      map[i++] = j++; // Same place, different text (fields, symbols): pair them.
    }
  }
  return map;
}

/**
 * Where [start, end) of `before` sits in `after` when the text changed only outside it
 * (common prefix covers it, or common suffix does); undefined otherwise.
 */
export function movedStart(before: string, after: string, start: number, end: number): number | undefined {
  const max = Math.min(before.length, after.length);
  let p = 0;
  while (p < max && before.charCodeAt(p) === after.charCodeAt(p)) p++;
  if (end <= p) return start;
  let s = 0;
  while (s < max - p && before.charCodeAt(before.length - 1 - s) === after.charCodeAt(after.length - 1 - s)) s++;
  if (start >= before.length - s) return start + (after.length - before.length);
  return undefined;
}

/** Index of the occurrence of `needle` in `text` nearest to `pos` (non-overlapping scan), or -1. */
export function nearestOccurrence(text: string, needle: string, pos: number): number {
  let best = -1;
  let bestDist = Infinity;
  let k = 0;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + needle.length), k++) {
    const d = Math.abs(i - pos);
    if (d < bestDist) {
      bestDist = d;
      best = k;
    }
  }
  return best;
}
