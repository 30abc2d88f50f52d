/**
 * Terms for the phrase index and for queries.
 *
 * Entries are indexed by the character unigrams and bigrams of their Chinese runs (plus Latin and
 * digit words), which does not depend on any word segmenter. Queries are segmented with
 * Intl.Segmenter where it exists, but the words only set the weights: every bigram of the query
 * is kept (a bigram inside a word counts fully, one across a word boundary less), so a segmenter
 * that splits differently (Safari's ICU vs Node's) changes the ranking a little, never drops a hit.
 * Terms are combined with OR semantics by the scorer.
 */

/** Term keys are numbers: a unigram is its code unit, a bigram is 0x10000 + c1 * 0x10000 + c2. */
export type TermKey = number;

export function unigramKey(c: number): TermKey {
  return c;
}

export function bigramKey(c1: number, c2: number): TermKey {
  return 0x10000 + c1 * 0x10000 + c2;
}

/** CJK ideographs (basic, extension A, compatibility) and 〇. */
export function isHan(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xf900 && c <= 0xfaff) || c === 0x3007;
}

/** ASCII / full-width letters and digits, folded to lower-case half-width; 0 when not one. */
export function foldAlnum(c: number): number {
  if (c >= 0xff10 && c <= 0xff19) c -= 0xfee0; // ０-９
  else if (c >= 0xff21 && c <= 0xff3a) c -= 0xfee0; // Ａ-Ｚ
  else if (c >= 0xff41 && c <= 0xff5a) c -= 0xfee0; // ａ-ｚ
  if (c >= 0x41 && c <= 0x5a) return c + 32;
  if ((c >= 0x61 && c <= 0x7a) || (c >= 0x30 && c <= 0x39)) return c;
  return 0;
}

/** Latin words are hashed into keys above every CJK key (FNV-1a, 32 bit, offset by 2^33). */
export function wordKey(word: string): TermKey {
  let h = 0x811c9dc5;
  for (let i = 0; i < word.length; i++) {
    h ^= word.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return 2 ** 33 + h;
}

/**
 * Calls `emit(key)` for every term of an entry text: each Han unigram, each bigram of adjacent
 * Han characters, and each Latin/digit word. Punctuation breaks runs.
 */
export function forEachTextTerm(text: string, emit: (key: TermKey) => void, unigrams = true): void {
  let prev = -1;
  let word = "";
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0;
    const a = c ? foldAlnum(c) : 0;
    if (a) {
      word += String.fromCharCode(a);
      prev = -1;
      continue;
    }
    if (word) {
      emit(wordKey(word));
      word = "";
    }
    if (isHan(c)) {
      if (unigrams) emit(unigramKey(c));
      if (prev >= 0) emit(bigramKey(prev, c));
      prev = c;
    } else {
      prev = -1;
    }
  }
}

/** The set of Han bigram keys of a text (for near-duplicate tests), sorted ascending. */
export function bigramSet(text: string): Float64Array {
  const keys: number[] = [];
  forEachTextTerm(text, (k) => keys.push(k), false);
  keys.sort((a, b) => a - b);
  let n = 0;
  for (let i = 0; i < keys.length; i++) if (i === 0 || keys[i] !== keys[i - 1]) keys[n++] = keys[i];
  return Float64Array.from(keys.slice(0, n));
}

/** How many keys two sorted key sets share. */
function intersectionSize(a: Float64Array, b: Float64Array): number {
  let i = 0;
  let j = 0;
  let inter = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i] < b[j]) i++;
    else j++;
  }
  return inter;
}

/** Jaccard similarity of two sorted key sets. */
export function jaccard(a: Float64Array, b: Float64Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  const inter = intersectionSize(a, b);
  return inter / (a.length + b.length - inter);
}

/** The share of `a`'s keys that are also in `b` (both sorted). */
export function containment(a: Float64Array, b: Float64Array): number {
  if (a.length === 0) return 0;
  return intersectionSize(a, b) / a.length;
}

/** A word segmenter: the text's words as [start, end) pairs. */
export type Segment = (text: string) => Array<[number, number]>;

type SegmenterCtor = new (
  locale: string,
  opts: { granularity: "word" },
) => { segment(text: string): Iterable<{ segment: string; index: number; isWordLike?: boolean }> };

let cachedSegment: Segment | null | undefined;

/** Intl.Segmenter("zh", word) when the engine has it, else null. */
export function defaultSegmenter(): Segment | null {
  if (cachedSegment !== undefined) return cachedSegment;
  cachedSegment = null;
  try {
    const Ctor = (Intl as unknown as { Segmenter?: SegmenterCtor }).Segmenter;
    if (typeof Ctor === "function") {
      const seg = new Ctor("zh", { granularity: "word" });
      cachedSegment = (text) => {
        const out: Array<[number, number]> = [];
        for (const s of seg.segment(text)) out.push([s.index, s.index + s.segment.length]);
        return out;
      };
    }
  } catch {
    cachedSegment = null;
  }
  return cachedSegment;
}

/** Weight of a bigram inside one segmenter word, one across a word boundary, and of unigrams. */
export const W_BIGRAM_IN_WORD = 1;
export const W_BIGRAM_ACROSS = 0.35;
export const W_UNIGRAM_SINGLE = 0.5;
export const W_UNIGRAM_IN_WORD = 0.12;
/** Without a segmenter every bigram counts as in-word. */
export const W_UNIGRAM_NO_SEGMENTER = 0.2;

/**
 * Weighted query terms: key → weight (the largest weight when a term occurs twice).
 * `segment` defaults to Intl.Segmenter; pass null for the character-bigram fallback.
 */
export function queryTerms(text: string, segment: Segment | null = defaultSegmenter()): Map<TermKey, number> {
  const out = new Map<TermKey, number>();
  const put = (k: TermKey, w: number) => {
    const old = out.get(k);
    if (old === undefined || w > old) out.set(k, w);
  };
  if (!text) return out;
  // wordId[i]: which segmenter word the code unit i belongs to; wordLen[i]: that word's length.
  const n = text.length;
  const wordId = new Int32Array(n);
  const wordLen = new Int32Array(n);
  if (segment) {
    let id = 0;
    let words: Array<[number, number]>;
    try {
      words = segment(text);
    } catch {
      words = [[0, n]];
      segment = null;
    }
    for (const [s, e] of words) {
      id++;
      for (let i = s; i < e && i < n; i++) {
        wordId[i] = id;
        wordLen[i] = e - s;
      }
    }
  }
  let prev = -1;
  let word = "";
  for (let i = 0; i <= n; i++) {
    const c = i < n ? text.charCodeAt(i) : 0;
    const a = c ? foldAlnum(c) : 0;
    if (a) {
      word += String.fromCharCode(a);
      prev = -1;
      continue;
    }
    if (word) {
      put(wordKey(word), 1);
      word = "";
    }
    if (!isHan(c)) {
      prev = -1;
      continue;
    }
    if (segment) put(unigramKey(c), wordLen[i] <= 1 ? W_UNIGRAM_SINGLE : W_UNIGRAM_IN_WORD);
    else put(unigramKey(c), W_UNIGRAM_NO_SEGMENTER);
    if (prev >= 0) {
      const inWord = !segment || (wordId[i] === wordId[i - 1] && wordId[i] !== 0);
      put(bigramKey(prev, c), inWord ? W_BIGRAM_IN_WORD : W_BIGRAM_ACROSS);
    }
    prev = c;
  }
  return out;
}
