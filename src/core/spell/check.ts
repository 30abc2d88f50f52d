/**
 * The statistical spelling check (issue #10): finds characters that a same-/near-sound or
 * similar-shape character would turn into a frequent dictionary word, and reports them when the
 * corrected text is much more probable than the text as written.
 *
 * Per run of Chinese characters (punctuation, digits and Latin letters end a run):
 *  1. candidates: for every position and every window of 2–5 characters around it, the words of
 *     the dictionary that match the window in all but that position (a one-masked-position hash
 *     index, model.ts) give the characters that would make a word there; only those related to the
 *     written one by sound or shape are kept;
 *  2. rescoring: the best segmentation of a window around the position (word unigram log P) and the
 *     character trigram model of official prose (only the three terms that change) are compared
 *     before and after the change, minus a cost for the kind of confusion;
 *  3. decision: left to right, the best change of a position wins when its gain passes the
 *     threshold; accepted changes become the context of the positions after them, so a second wrong
 *     character beside a first can be found with the first one already fixed.
 *
 * Linear: each position costs a bounded number of hash lookups (windows ≤ 5, candidates ≤ the
 * words of a hash chain) and a bounded rescoring window. Most positions cost only the run's one
 * segmentation pass: a character inside a frequent word, or seen often between its neighbours in
 * official prose, is taken as written before any candidate is generated; a candidate is scored on
 * the tokens covering it against the window's segmentation prepared once per position, and the
 * language model only when the cheaper features leave it a chance. Scratch arrays are reused from
 * call to call. Never throws on any string.
 */
import { HASH_START, MASK_HASH_ID, hashSlot, hashStep, maskLine, maybeMaskKey, maybePrefix, maybeWord, ngramHash, pairSlot, soundKey } from "./model";
import type { SpellModel } from "./types";

/** Same or near sound, similar shape (one character); a whole word read the same (an IME's wrong pick). */
export type SpellKind = "same-sound" | "near-sound" | "similar-shape" | "word-substitution";

export interface SpellHit {
  /** The changed character(s): [start, end) of the paragraph text. */
  start: number;
  end: number;
  /** What replaces [start, end). */
  right: string;
  /** The word the change makes, and where it stands in the text. */
  word: string;
  wordStart: number;
  wrongWord: string;
  kind: SpellKind;
  /** The decision's score (a log-odds); higher is surer. */
  score: number;
  /** Sure enough to be a warning rather than a hint. */
  confident: boolean;
}

/**
 * The decision is linear in a few features of a candidate change (FEATURE_NAMES); the weights are
 * fitted on the dev part of odw.train against the tuning prose (scripts/eval-typo.js --tune) and the
 * threshold set by the false alarms on that prose. The later features: newTrigram, the corrected
 * character seen between these neighbours; newInWord, the change puts it inside a word of the best
 * segmentation; newBigramMin / origBigramMin, the weaker side's bigram evidence after / before;
 * dLMpos, the language model's gain counted again when positive; manyCands, more than three
 * candidates at the position (an ambiguous spot); origPairWord, the two characters a whole-word
 * change replaces are a word as written.
 */
export const FEATURE_NAMES = [
  "bias",
  "dSeg",
  "dLM",
  "sameTone",
  "sameSound",
  "nearSound",
  "shape",
  "primaryReading",
  "origInWord",
  "origWordLogP",
  "newWordLogP",
  "newWordLen3",
  "origBigrams",
  "newBigrams",
  "origSingleLogP",
  "twoChars",
  "newTrigram",
  "newInWord",
  "newBigramMin",
  "dLMpos",
  "manyCands",
  "origBigramMin",
  "origPairWord",
] as const;
export const N_FEATURES = FEATURE_NAMES.length;
/** Features computed only for candidates that cheaper ones leave a chance: the n-gram evidence and the language model. */
const COSTLY = FEATURE_NAMES.map((nm) => nm === "dLM" || nm === "dLMpos" || nm === "newBigrams" || nm === "newTrigram" || nm === "newBigramMin");

export interface SpellParams {
  weights: ArrayLike<number>;
  threshold: number;
  /** Score from which a finding counts as confident (warning rather than info). */
  confident: number;
  /**
   * Extra score a change needs when the text as written already reads as a dictionary word there
   * (the written character lies in a word of two or more characters of the best segmentation, or the
   * two written characters of a word substitution are a word): replacing a real word by another real
   * word is what a language model gets wrong most on real drafts (谏言→建言, 凡事→凡是, 红人→工人).
   */
  inWordMargin?: number;
}

export const DEFAULT_PARAMS: SpellParams = {
  // fitted by `node scripts/eval-typo.js --tune --seed-weight 5`: every candidate change on the DEV
  // lines (positive when it restores the right character) against every candidate on the tuning
  // prose (speech samples 000–002, weighing 5 each, and the 2010–2025 reports), all taken as wrong.
  // Real-word-for-real-word changes are weighed by the features themselves (origInWord,
  // origWordLogP, origPairWord), so no fixed margin is added.
  weights: [-11.202, 0.397, 0.052, 0.969, -0.131, -1.565, 0.362, 1.202, 0.147, -0.056, 0.142, 1.165, -0.256, -0.041, 0.235, -2.472, 0.383, 1.097, -0.143, 0.244, -0.791, -0.057, 1.283],
  // Dev has a wrong character in more than half of its lines, a real speech in one line of
  // hundreds, so the same score is much less often right on drafts: the threshold is where the
  // tuning prose gives about one finding per 100k characters (dev sentence recall 0.48; at -1.5 it
  // would be 0.60, with about 15 findings per 100k on that prose, nearly all wrong).
  threshold: 0,
  // no finding on the tuning prose scores this high: sure enough for a warning
  confident: 3,
  inWordMargin: 0,
};

/** What a change of a character inside a real word needs beyond `confident` to be a warning. */
const IN_WORD_SURE_EXTRA = 3;
const MAX_WORD = 8;
const MAX_MASK_LEN = 5;
const SEG_RADIUS = 5;
/** The language-model feature is clamped to ±this (a bound that lets hopeless candidates be skipped early). */
const LM_CLAMP = 12;
/** Each bigram-evidence term is clamped to this (log1p of a count). */
const BIGRAM_FEATURE_MAX = 8;
/** Longest window in which a shape neighbour is tried (exact lookups, so kept short). */
const MAX_SHAPE_LEN = 4;
/**
 * A character inside a token at least this probable (a word used more than about 370 times in the
 * dictionary's corpus, or a very common single character) is taken as written: the check looks at
 * it only as a neighbour. This skips most of the work. It also skips some real-word slips of an IME
 * (懂事会→董事会, 体质改革→体制改革, 时常监管→市场监管): at -10 dev sentence recall is 0.502
 * instead of 0.487, with no new finding on the tuning prose, but the check takes 45% more time, and
 * trying only same-sound characters in the words between -12 and -10 still a third more.
 */
const SURE_TOKEN_LOGP = -12;
/** A single character standing alone is sure only when it is among the most common words by itself (的, 是, 在, 和). */
const SURE_SINGLE_LOGP = -6;
/** A character whose bigrams with both neighbours were each seen this often in the reports is taken as written (seenOften). */
const SEEN_OFTEN = 10;

const K_NONE = 0;
const K_TONE = 1;
const K_SOUND = 2;
const K_NEAR = 3;
const K_SHAPE = 4;
/** Added to a sound relation when it holds only through a reading other than each character's first. */
const NOT_PRIMARY = 8;

const KIND_NAME: SpellKind[] = ["same-sound", "same-sound", "same-sound", "near-sound", "similar-shape"];

/** Numerals are content, not spelling: 十八大 and 十六大 are both right. */
const NUMERALS = "〇一二三四五六七八九十百千万亿两零";

function isNumeral(code: number): boolean {
  for (let k = 0; k < NUMERALS.length; k++) if (NUMERALS.charCodeAt(k) === code) return true;
  return false;
}

/**
 * How written character a relates to candidate b (the closest relation), or K_NONE; NOT_PRIMARY is
 * added when the sound relation needs a secondary reading (车 read ju, 行 read hang).
 */
function relation(m: SpellModel, a: number, b: number): number {
  let best = K_NONE;
  let bestPrimary = false;
  const sa = m.sylStart[a];
  const ea = m.sylStart[a + 1];
  const sb = m.sylStart[b];
  const eb = m.sylStart[b + 1];
  for (let i = sa; i < ea; i++) {
    const x = m.sylIds[i];
    for (let j = sb; j < eb; j++) {
      const y = m.sylIds[j];
      const k =
        x === y
          ? K_TONE
          : m.sylToneless[x] === m.sylToneless[y]
            ? K_SOUND
            : m.sylNearInitial[x] === m.sylNearInitial[y] || m.sylNearFinal[x] === m.sylNearFinal[y]
              ? K_NEAR
              : K_NONE;
      if (k === K_NONE) continue;
      const primary = i === sa && j === sb;
      if (best === K_NONE || k < best || (k === best && primary && !bestPrimary)) {
        best = k;
        bestPrimary = primary;
      }
    }
  }
  if (best !== K_NONE) return bestPrimary ? best : best + NOT_PRIMARY;
  // shape neighbours are sorted: binary search
  let lo = m.shapeStart[a];
  let hi = m.shapeStart[a + 1] - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const v = m.shapeIds[mid];
    if (v === b) return K_SHAPE;
    if (v < b) lo = mid + 1;
    else hi = mid - 1;
  }
  return K_NONE;
}


/** Index of an n-gram in its sorted key list through its hash table, or -1. */
function ngramIndex(table: Int32Array, keys: Float64Array, key: number, a: number, b: number, c: number): number {
  const mask = table.length - 1;
  let slot = hashSlot(ngramHash(a, b, c), mask);
  for (;;) {
    const e = table[slot];
    if (e === 0) return -1;
    if (keys[e - 1] === key) return e - 1;
    slot = (slot + 1) & mask;
  }
}

function bigramIndex(m: SpellModel, a: number, b: number): number {
  return ngramIndex(m.lm.biTable, m.lm.biKeys, a * m.nChars + b, -1, a, b);
}

export function bigramCount(m: SpellModel, a: number, b: number): number {
  const i = bigramIndex(m, a, b);
  return i >= 0 ? m.lm.biCounts[i] : 0;
}

/** How often the trigram a b c was seen (0 when pruned or unseen). */
export function trigramCount(m: SpellModel, a: number, b: number, c: number): number {
  const n = m.nChars;
  const j = ngramIndex(m.lm.triTable, m.lm.triKeys, (a * n + b) * n + c, a, b, c);
  return j >= 0 ? m.lm.triCounts[j] : 0;
}

/** log P(c | a b) by the interpolated Witten–Bell character trigram model. */
export function lmLogP(m: SpellModel, a: number, b: number, c: number): number {
  const lm = m.lm;
  const n = m.nChars;
  let p = Math.exp(lm.uniLogP[c]);
  const hb = lm.histCount[b];
  if (hb > 0) {
    const i = bigramIndex(m, b, c);
    const cnt = i >= 0 ? lm.biCounts[i] : 0;
    const t = lm.histTypes[b];
    p = (cnt + t * p) / (hb + t);
  }
  const hi = bigramIndex(m, a, b);
  if (hi >= 0 && lm.triHistCount[hi] > 0) {
    const j = ngramIndex(lm.triTable, lm.triKeys, (a * n + b) * n + c, a, b, c);
    const cnt = j >= 0 ? lm.triCounts[j] : 0;
    const t = lm.triHistTypes[hi];
    p = (cnt + t * p) / (lm.triHistCount[hi] + t);
  }
  return Math.log(p);
}

/** Word id of ids[s, s+len), or -1. */
export function lookupWord(m: SpellModel, ids: Uint16Array, s: number, len: number): number {
  let h = HASH_START;
  for (let j = 0; j < len; j++) h = hashStep(h, ids[s + j]);
  return findWord(m, ids, s, len, h);
}

function findWord(m: SpellModel, ids: Uint16Array, s: number, len: number, h: number): number {
  if (len >= 2 && !maybeWord(m.prefixBits, h)) return -1;
  const table = m.wordTable;
  const mask = table.length - 1;
  let slot = hashSlot(h, mask);
  for (;;) {
    const e = table[slot];
    if (e === 0) return -1;
    const w = e - 1;
    if (m.wordLen[w] === len) {
      const ws = m.wordStart[w];
      let j = 0;
      while (j < len && m.wordChars[ws + j] === ids[s + j]) j++;
      if (j === len) return w;
    }
    slot = (slot + 1) & mask;
  }
}

/**
 * Scratch space of the windowed segmentation around one position i of the window [a, b): the best
 * log P of [a, k) for k ≤ i and of [y, b) for y > i (neither depends on what stands at i), and the
 * hashes of the spans [x, i) a word covering i may start with. A candidate is then scored by the
 * tokens that cover i alone, with no new pass over the window.
 */
interface Seg {
  /** fwd[k - a]: best log P of ids[a, k), a ≤ k ≤ i. */
  fwd: Float64Array;
  /** bwd[y - a]: best log P of ids[y, b), i < y ≤ b. */
  bwd: Float64Array;
  /** preH[i - x]: hash of ids[x, i); preOk[i - x]: some word starts with it (always for fewer than two characters). */
  preH: Int32Array;
  preOk: Uint8Array;
  a: number;
  b: number;
  i: number;
  /** Filled by coverScore: the token covering i in the best segmentation (its length and word id, -1 for a single character). */
  coverLen: number;
  coverWord: number;
}

/** Fills g for position i of the window [a, b) from the text as written. */
function segPrepare(m: SpellModel, ids: Uint16Array, a: number, b: number, i: number, g: Seg): void {
  g.a = a;
  g.b = b;
  g.i = i;
  const fwd = g.fwd;
  fwd[0] = 0;
  for (let k = a + 1; k <= i; k++) fwd[k - a] = -Infinity;
  for (let s = a; s < i; s++) {
    const base = fwd[s - a];
    const single = base + m.singleLogP[ids[s]];
    if (single > fwd[s + 1 - a]) fwd[s + 1 - a] = single;
    let h = hashStep(HASH_START, ids[s]);
    const maxL = i - s < MAX_WORD ? i - s : MAX_WORD;
    for (let L = 2; L <= maxL; L++) {
      h = hashStep(h, ids[s + L - 1]);
      if (!maybePrefix(m.prefixBits, h)) break;
      const w = findWord(m, ids, s, L, h);
      if (w >= 0 && base + m.wordLogP[w] > fwd[s + L - a]) fwd[s + L - a] = base + m.wordLogP[w];
    }
  }
  const bwd = g.bwd;
  bwd[b - a] = 0;
  for (let y = b - 1; y > i; y--) {
    let best = m.singleLogP[ids[y]] + bwd[y + 1 - a];
    let h = hashStep(HASH_START, ids[y]);
    const maxL = b - y < MAX_WORD ? b - y : MAX_WORD;
    for (let L = 2; L <= maxL; L++) {
      h = hashStep(h, ids[y + L - 1]);
      if (!maybePrefix(m.prefixBits, h)) break;
      const w = findWord(m, ids, y, L, h);
      if (w >= 0 && m.wordLogP[w] + bwd[y + L - a] > best) best = m.wordLogP[w] + bwd[y + L - a];
    }
    bwd[y - a] = best;
  }
  const xMin = i - MAX_WORD + 1 > a ? i - MAX_WORD + 1 : a;
  for (let x = i; x >= xMin; x--) {
    const d = i - x;
    g.preOk[d] = 1;
    if (d === 0) {
      g.preH[0] = HASH_START;
      continue;
    }
    let h = hashStep(HASH_START, ids[x]);
    for (let k = x + 1; k < i; k++) {
      h = hashStep(h, ids[k]);
      if (!maybePrefix(m.prefixBits, h)) {
        g.preOk[d] = 0;
        break;
      }
    }
    g.preH[d] = h;
  }
}

/**
 * Best segmentation log P of the window of g with ids[i, i + len) as they stand now (len 1 or 2;
 * the rest as when g was prepared): the best over the tokens that cover the changed characters.
 */
function coverScore(m: SpellModel, ids: Uint16Array, len: number, g: Seg): number {
  const { a, b, i, fwd, bwd } = g;
  let best = -Infinity;
  // len 2: the best token ending right after i, and the best start from i + 1 to the window's end
  let endAtNext = -Infinity;
  g.coverLen = 1;
  g.coverWord = -1;
  const xMin = i - MAX_WORD + 1 > a ? i - MAX_WORD + 1 : a;
  for (let x = i; x >= xMin; x--) {
    if (!g.preOk[i - x]) continue;
    let h = g.preH[i - x];
    const yMax = x + MAX_WORD < b ? x + MAX_WORD : b;
    for (let y = i + 1; y <= yMax; y++) {
      h = hashStep(h, ids[y - 1]);
      let v: number;
      let w = -1;
      if (y - x === 1) v = m.singleLogP[ids[i]];
      else {
        if (!maybePrefix(m.prefixBits, h)) break;
        w = findWord(m, ids, x, y - x, h);
        if (w < 0) continue;
        v = m.wordLogP[w];
      }
      if (len === 2 && y === i + 1) {
        if (fwd[x - a] + v > endAtNext) endAtNext = fwd[x - a] + v;
        continue;
      }
      const t = fwd[x - a] + v + bwd[y - a];
      if (t > best) {
        best = t;
        g.coverLen = y - x;
        g.coverWord = w;
      }
    }
  }
  if (len === 2 && endAtNext > -Infinity && i + 1 < b) {
    let startAtNext = m.singleLogP[ids[i + 1]] + bwd[i + 2 - a];
    let h = hashStep(HASH_START, ids[i + 1]);
    const yMax = i + 1 + MAX_WORD < b ? i + 1 + MAX_WORD : b;
    for (let y = i + 3; y <= yMax; y++) {
      h = hashStep(h, ids[y - 1]);
      if (!maybePrefix(m.prefixBits, h)) break;
      const w = findWord(m, ids, i + 1, y - i - 1, h);
      if (w >= 0 && m.wordLogP[w] + bwd[y - a] > startAtNext) startAtNext = m.wordLogP[w] + bwd[y - a];
    }
    if (endAtNext + startAtNext > best) best = endAtNext + startAtNext;
  }
  return best;
}

/** A candidate change: `len` (1 or 2) characters from the position become c0 (c1). */
interface Cand {
  len: number;
  c0: number;
  c1: number;
  kind: number;
  /** The most frequent word the change makes (scored), and the longest (shown in the message). */
  word: number;
  wordStart: number;
  showWord: number;
  showStart: number;
}

export function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
}

/** Every candidate change with its features, for fitting the weights (scripts/eval-typo.js --tune). */
export type FeatureSink = (at: number, right: string, features: Float64Array) => void;

interface Shared {
  cap: number;
  ids: Uint16Array;
  prot: Uint8Array;
  seg: Seg;
  sc: Scratch;
}
let shared: Shared | undefined;

/** Scratch arrays for a paragraph of n characters, reused from call to call (grown when too small). */
function scratchFor(n: number): Shared {
  if (shared && shared.cap > n) return shared;
  const cap = Math.max(n + 1, 2 * (shared ? shared.cap : 0), 4096);
  const size = 2 * SEG_RADIUS + 4;
  shared = {
    cap,
    ids: new Uint16Array(cap),
    prot: new Uint8Array(cap),
    seg: { fwd: new Float64Array(size), bwd: new Float64Array(size), preH: new Int32Array(MAX_WORD), preOk: new Uint8Array(MAX_WORD), a: 0, b: 0, i: 0, coverLen: 1, coverWord: -1 },
    sc: {
      best: new Float64Array(cap),
      back: new Uint8Array(cap),
      tokLogP: new Float64Array(cap),
      sure: new Uint8Array(cap),
      bc: new Int32Array(cap),
      f: new Float64Array(N_FEATURES),
      cands: { items: [], n: 0 },
    },
  };
  return shared;
}

/**
 * Spelling findings in one paragraph. `blocked[i]` = 1 keeps position i unchanged (user words).
 * With `sink`, every candidate's features are passed to it and nothing changes the context.
 */
export function spellCheck(m: SpellModel, text: string, blocked?: Uint8Array, params: SpellParams = DEFAULT_PARAMS, sink?: FeatureSink): SpellHit[] {
  const n = text.length;
  const hits: SpellHit[] = [];
  if (n < 2) return hits;
  const { ids, prot, seg, sc } = scratchFor(n);
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    ids[i] = isHanCode(c) ? m.charId[c] : 0;
  }
  prot.fill(0, 0, n);
  markQuotations(text, n, prot);
  let i = 0;
  while (i < n) {
    if (ids[i] === 0) {
      i++;
      continue;
    }
    let e = i;
    while (e < n && ids[e] !== 0) e++;
    if (e - i >= 2) checkRun(m, text, ids, i, e, blocked, prot, seg, sc, params, hits, sink);
    i = e;
  }
  return hits;
}

function checkRun(
  m: SpellModel,
  text: string,
  ids: Uint16Array,
  rs: number,
  re: number,
  blocked: Uint8Array | undefined,
  prot: Uint8Array,
  seg: Seg,
  sc: Scratch,
  P: SpellParams,
  hits: SpellHit[],
  sink: FeatureSink | undefined,
): void {
  // (also marks the protected words: idioms, quotations, abbreviations as written stay as written)
  const sure = sureTokens(m, ids, rs, re, sc, prot);
  const bc = sc.bc;
  bc.fill(-1, rs, re + 1);
  const cands = sc.cands;
  const f = sc.f;
  const W = P.weights;
  const inWordMargin = P.inWordMargin ?? 0;
  for (let i = rs; i < re; i++) {
    const k0 = i;
    if (!changeable(text, i, prot, blocked)) continue;
    cands.n = 0;
    const fine0 = sure[k0] === 1 || seenOften(m, ids, i, rs, re, bc);
    if (!fine0) singleCandidates(m, ids, i, rs, re, cands);
    if (i + 1 < re && !(fine0 && (sure[k0 + 1] === 1 || seenOften(m, ids, i + 1, rs, re, bc))) && changeable(text, i + 1, prot, blocked)) {
      pairCandidates(m, ids, i, cands);
    }
    if (cands.n === 0) continue;
    if (exempt(text, i)) continue;
    if (i + 1 < re && exempt(text, i + 1)) {
      let k = 0;
      for (let j = 0; j < cands.n; j++) {
        if (cands.items[j].len === 2) continue;
        const t = cands.items[k];
        cands.items[k++] = cands.items[j];
        cands.items[j] = t;
      }
      cands.n = k;
      if (k === 0) continue;
    }
    // rescoring: the segmentation of a window around the change and the trigram terms it touches
    const a = i - SEG_RADIUS > rs ? i - SEG_RADIUS : rs;
    const b = i + SEG_RADIUS + 2 < re ? i + SEG_RADIUS + 2 : re;
    segPrepare(m, ids, a, b, i, seg);
    const segOrig = coverScore(m, ids, 1, seg);
    const origCoverLen = seg.coverLen;
    const origCoverLogP = seg.coverWord >= 0 ? m.wordLogP[seg.coverWord] : 0;
    const origPairWord = i + 1 < re && lookupWord(m, ids, i, 2) >= 0;
    // the language model of the text as written, when a candidate first needs it
    let lmOrig1 = NaN;
    let lmOrig2 = NaN;
    const left = i > rs ? ids[i - 1] : 0;
    const orig0 = ids[i];
    const orig1 = i + 1 < re ? ids[i + 1] : 0;
    let bestGain = -Infinity;
    let bestCand: Cand | undefined;
    let bestInWord = false;
    const right1 = i + 1 < re ? ids[i + 1] : 0;
    const right2 = i + 2 < re ? ids[i + 2] : 0;
    const origBigrams1 = Math.log1p(bigramAt(m, ids, i, rs, re, bc)) + Math.log1p(bigramAt(m, ids, i + 1, rs, re, bc));
    const origBigrams2 = i + 1 < re ? Math.log1p(bigramAt(m, ids, i, rs, re, bc)) + Math.log1p(bigramAt(m, ids, i + 2, rs, re, bc)) : 0;
    const ob0 = Math.log1p(bigramAt(m, ids, i, rs, re, bc));
    const origBigramMin1 = Math.min(ob0, Math.log1p(bigramAt(m, ids, i + 1, rs, re, bc)));
    const origBigramMin2 = i + 1 < re ? Math.min(ob0, Math.log1p(bigramAt(m, ids, i + 2, rs, re, bc))) : 0;
    // what the costly features (the language model) can add at most, for pruning
    const restMax = Math.max(0, W[2] + W[19], -W[2]) * LM_CLAMP;
    // ... and the n-gram evidence of the corrected characters (each term at most BIGRAM_FEATURE_MAX)
    const restEvidenceMax = (Math.max(0, W[13]) * 2 + Math.max(0, W[16]) * 2 + Math.max(0, W[18])) * BIGRAM_FEATURE_MAX;
    for (let ci = 0; ci < cands.n; ci++) {
      const cand = cands.items[ci];
      const two = cand.len === 2;
      const kind = cand.kind & 7;
      f[0] = 1;
      f[3] = kind === K_TONE ? 1 : 0;
      f[4] = kind === K_SOUND ? 1 : 0;
      f[5] = kind === K_NEAR ? 1 : 0;
      f[6] = kind === K_SHAPE ? 1 : 0;
      f[7] = kind !== K_SHAPE && cand.kind < NOT_PRIMARY ? 1 : 0;
      f[8] = origCoverLen >= 2 ? 1 : 0;
      f[9] = origCoverLen >= 2 ? origCoverLogP + 20 : 0;
      f[10] = m.wordLogP[cand.word] + 20;
      f[11] = m.wordLen[cand.word] >= 3 ? 1 : 0;
      f[12] = two ? origBigrams2 : origBigrams1;
      f[14] = m.singleLogP[orig0] + 20;
      f[15] = two ? 1 : 0;
      ids[i] = cand.c0;
      if (two) ids[i + 1] = cand.c1;
      f[1] = coverScore(m, ids, cand.len, seg) - segOrig;
      f[17] = seg.coverLen >= 2 ? 1 : 0;
      f[20] = cands.n > 3 ? 1 : 0;
      f[21] = two ? origBigramMin2 : origBigramMin1;
      f[22] = two && origPairWord ? 1 : 0;
      let partial = 0;
      for (let k = 0; k < N_FEATURES; k++) if (!COSTLY[k]) partial += W[k] * f[k];
      if (origCoverLen >= 2 || (two && origPairWord)) partial -= inWordMargin;
      const cutoff = bestGain > P.threshold ? bestGain : P.threshold;
      if (!sink && partial + restEvidenceMax + restMax < cutoff) {
        ids[i] = orig0;
        if (two) ids[i + 1] = orig1;
        continue;
      }
      // the n-gram evidence for the corrected characters: a few hash lookups, so only for candidates still in the running
      const right = two ? right2 : right1;
      const lastNew = two ? cand.c1 : cand.c0;
      const bl = Math.min(BIGRAM_FEATURE_MAX, Math.log1p(bigramCount(m, left, cand.c0)));
      const br = Math.min(BIGRAM_FEATURE_MAX, Math.log1p(bigramCount(m, lastNew, right)));
      f[13] = bl + br;
      f[18] = bl < br ? bl : br;
      f[16] = two
        ? Math.min(BIGRAM_FEATURE_MAX, Math.log1p(trigramCount(m, left, cand.c0, cand.c1))) + Math.min(BIGRAM_FEATURE_MAX, Math.log1p(trigramCount(m, cand.c0, cand.c1, right)))
        : Math.min(BIGRAM_FEATURE_MAX, Math.log1p(trigramCount(m, left, cand.c0, right)));
      partial += W[13] * f[13] + W[16] * f[16] + W[18] * f[18];
      if (!sink && partial + restMax < cutoff) {
        ids[i] = orig0;
        if (two) ids[i + 1] = orig1;
        continue;
      }
      const lmNew = lmWindow(m, ids, i, cand.len, rs, re);
      ids[i] = orig0;
      if (two) ids[i + 1] = orig1;
      if (two && lmOrig2 !== lmOrig2) lmOrig2 = lmWindow(m, ids, i, 2, rs, re);
      if (!two && lmOrig1 !== lmOrig1) lmOrig1 = lmWindow(m, ids, i, 1, rs, re);
      const dLM = lmNew - (two ? lmOrig2 : lmOrig1);
      f[2] = dLM > LM_CLAMP ? LM_CLAMP : dLM < -LM_CLAMP ? -LM_CLAMP : dLM;
      f[19] = f[2] > 0 ? f[2] : 0;
      if (sink) sink(i, two ? String.fromCharCode(m.charCode[cand.c0], m.charCode[cand.c1]) : String.fromCharCode(m.charCode[cand.c0]), f);
      const gain = partial + W[2] * f[2] + W[19] * f[19];
      if (gain > bestGain) {
        bestGain = gain;
        bestCand = cand;
        bestInWord = origCoverLen >= 2 || (two && origPairWord);
      }
    }
    if (sink || !bestCand || bestGain < P.threshold) continue;
    const w = bestCand.showWord;
    const ws = m.wordStart[w];
    const wl = m.wordLen[w];
    let word = "";
    for (let j = 0; j < wl; j++) word += String.fromCharCode(m.charCode[m.wordChars[ws + j]]);
    const len = bestCand.len;
    hits.push({
      start: i,
      end: i + len,
      right: len === 2 ? String.fromCharCode(m.charCode[bestCand.c0], m.charCode[bestCand.c1]) : String.fromCharCode(m.charCode[bestCand.c0]),
      word,
      wordStart: bestCand.showStart,
      wrongWord: text.slice(bestCand.showStart, bestCand.showStart + wl),
      kind: len === 2 ? "word-substitution" : KIND_NAME[bestCand.kind & 7],
      score: bestGain,
      // a real word replaced by another is a warning only on far stronger evidence (odds e^3 higher)
      confident: bestGain >= P.confident + (bestInWord ? IN_WORD_SURE_EXTRA : 0),
    });
    // the correction is the context of what follows
    bc.fill(-1, i, i + len + 1);
    ids[i] = bestCand.c0;
    if (len === 2) {
      ids[i + 1] = bestCand.c1;
      i++;
    }
  }
}

/**
 * May position i change? Not inside a protected or user word, not a numeral, and not the character
 * right after a number (a unit, a date or a count word: 6月, 九连增, 十一五).
 */
function changeable(text: string, i: number, prot: Uint8Array, blocked: Uint8Array | undefined): boolean {
  if (prot[i] || (blocked && blocked[i])) return false;
  if (isNumeral(text.charCodeAt(i))) return false;
  if (i > 0) {
    const p = text.charCodeAt(i - 1);
    if ((p >= 0x30 && p <= 0x39) || (p >= 0xff10 && p <= 0xff19) || isNumeral(p)) return false;
  }
  return true;
}

/** Exempt although changeable: a place name or a deliberate pattern (looked at only where a candidate was found). */
function exempt(text: string, i: number): boolean {
  return inPlaceName(text, i) || deliberateRepeat(text, i);
}

/** Ends of a place name (黎家坪镇, 王庄村): what stands two or three characters before one is a name. */
const PLACE_SUFFIX = "镇乡村庄屯寨";

function inPlaceName(text: string, i: number): boolean {
  for (let d = 2; d <= 3 && i + d < text.length; d++) {
    if (!isHanCode(text.charCodeAt(i + d - 1))) return false;
    const c = text.charCodeAt(i + d);
    for (let k = 0; k < PLACE_SUFFIX.length; k++) if (PLACE_SUFFIX.charCodeAt(k) === c) return true;
  }
  return false;
}

/** Separators of an enumeration of like-built items (心勤、嘴勤、眼勤). */
function isListSep(c: number): boolean {
  return c === 0x3001 || c === 0xff0c || c === 0x2c || c === 0xff1b;
}

/** Longest item of an enumeration of short, like-built items (a longer one is a clause, whose likeness is chance). */
const MAX_ITEM = 5;

/**
 * Is the character at i part of a deliberate pattern? A writer who repeats a form on purpose chose
 * each character of it, and a confusion set cannot tell such coinages from slips:
 *  - the same character two or three places away in the same clause (细之又细, 越干越好);
 *  - an item of an enumeration whose neighbouring item has the same character at the same place
 *    (from its start or its end) as i or a neighbour of i (心勤、嘴勤; 学习型、自律型; 学深一点，学精一点).
 */
function deliberateRepeat(text: string, i: number): boolean {
  const n = text.length;
  const at = (k: number) => (k >= 0 && k < n ? text.charCodeAt(k) : -1);
  const c = at(i);
  for (let d = 2; d <= 3; d++) {
    if (!isHanCode(at(i - d + 1)) || !isHanCode(at(i - d))) break;
    if (at(i - d) === c) return true;
  }
  for (let d = 2; d <= 3; d++) {
    if (!isHanCode(at(i + d - 1)) || !isHanCode(at(i + d))) break;
    if (at(i + d) === c) return true;
  }
  // the item [s, e) holding i, bounded by list separators or the clause
  // (an item not bounded on one side — the first of a list, run on from the clause — is compared
  // from its bounded side only)
  let s = i;
  while (s > 0 && i - s < MAX_ITEM && isHanCode(at(s - 1))) s--;
  let e = i + 1;
  while (e < n && e - i < MAX_ITEM && isHanCode(at(e))) e++;
  const sOk = !isHanCode(at(s - 1));
  const eOk = !isHanCode(at(e));
  if (isListSep(at(s - 1))) {
    let ps = s - 1;
    while (ps > 0 && s - 1 - ps < MAX_ITEM && isHanCode(at(ps - 1))) ps--;
    if (!isHanCode(at(ps - 1)) && sharesPlace(text, s, e, i, ps, s - 1, sOk, eOk)) return true;
  }
  if (isListSep(at(e))) {
    let ne = e + 1;
    while (ne < n && ne - e - 1 < MAX_ITEM && isHanCode(at(ne))) ne++;
    if (!isHanCode(at(ne)) && sharesPlace(text, s, e, i, e + 1, ne, sOk, eOk)) return true;
  }
  return false;
}

/** Do items [s, e) (holding i) and [ps, pe) have the same character at i or beside it, counted from the start or from the end? */
function sharesPlace(text: string, s: number, e: number, i: number, ps: number, pe: number, fromStart: boolean, fromEnd: boolean): boolean {
  if (pe - ps < 2 || e - s < 2) return false;
  for (let k = i - 1; k <= i + 1; k++) {
    if (k < s || k >= e) continue;
    const o = k - s;
    if (fromStart && ps + o < pe && text.charCodeAt(k) === text.charCodeAt(ps + o)) return true;
    const r = e - 1 - k;
    if (fromEnd && pe - 1 - r >= ps && text.charCodeAt(k) === text.charCodeAt(pe - 1 - r)) return true;
  }
  return false;
}

const OPEN_QUOTES = "“「『《";
const CLOSE_QUOTES = "”」』》";
/** Longest quoted span looked at (a bound that keeps the scan linear), and the longest clause of a quotation. */
const MAX_QUOTE = 40;
const QUOTE_CLAUSE = 8;

/**
 * Marks in prot what stands inside quotation marks and reads as a quotation, a slogan or a coined
 * term: every clause at most QUOTE_CLAUSE characters (腹有诗书气自华, 业精于勤荒于嬉, “五型”) — the
 * writer copied it on purpose, often from classical Chinese the model of today's prose does not
 * know. Titles in 《》 are names. Longer quoted speech is checked like any text.
 */
function markQuotations(text: string, n: number, prot: Uint8Array): void {
  for (let i = 0; i < n; i++) {
    const k = OPEN_QUOTES.indexOf(text[i]);
    if (k < 0) continue;
    const close = CLOSE_QUOTES.charCodeAt(k);
    let clause = 0;
    let longest = 0;
    let j = i + 1;
    for (; j < n && j - i <= MAX_QUOTE; j++) {
      const c = text.charCodeAt(j);
      if (c === close) break;
      if (isHanCode(c)) {
        clause++;
        if (clause > longest) longest = clause;
      } else clause = 0;
    }
    if (j < n && text.charCodeAt(j) === close && (k === 3 || longest <= QUOTE_CLAUSE)) prot.fill(1, i + 1, j);
  }
}

function hasPair(m: SpellModel, a: number, b: number): boolean {
  const bit = pairSlot(a, b);
  return (m.pairBits[bit >>> 5] & (1 << (bit & 31))) !== 0;
}

/** Scratch arrays of one paragraph, reused by every run in it. */
interface Scratch {
  best: Float64Array;
  back: Uint8Array;
  tokLogP: Float64Array;
  sure: Uint8Array;
  /** bc[k]: count of the bigram ending at k (the run's edge as id 0), -1 until needed. */
  bc: Int32Array;
  f: Float64Array;
  cands: CandList;
}

/**
 * Is the character at i seen often in official prose with both its neighbours (each bigram at least
 * SEEN_OFTEN times, or the three together at least twice)? Then it is taken as written: on dev and
 * the seeds this skips about half of the positions the check would otherwise look at and loses no
 * correction on dev.
 */
function seenOften(m: SpellModel, ids: Uint16Array, i: number, rs: number, re: number, bc: Int32Array): boolean {
  if (bigramAt(m, ids, i, rs, re, bc) >= SEEN_OFTEN && bigramAt(m, ids, i + 1, rs, re, bc) >= SEEN_OFTEN) return true;
  // or the character was seen between these very neighbours (the model keeps trigrams seen twice)
  return trigramCount(m, i > rs ? ids[i - 1] : 0, ids[i], i + 1 < re ? ids[i + 1] : 0) > 0;
}

/** Count of the bigram ending at k of the run [rs, re] (the run's edges as id 0), cached in bc. */
function bigramAt(m: SpellModel, ids: Uint16Array, k: number, rs: number, re: number, bc: Int32Array): number {
  if (bc[k] < 0) bc[k] = bigramCount(m, k > rs ? ids[k - 1] : 0, k < re ? ids[k] : 0);
  return bc[k];
}

/**
 * Marks (scratch.sure, indexed like the paragraph) the positions of ids[rs, re) that lie in a sure
 * token of the run's best segmentation (SURE_TOKEN_LOGP), and in prot those inside a protected word
 * (the same pass over the words of the run serves both).
 */
function sureTokens(m: SpellModel, ids: Uint16Array, rs: number, re: number, sc: Scratch, prot: Uint8Array): Uint8Array {
  const n = re - rs;
  const { best, back, tokLogP, sure } = sc;
  best[rs] = 0;
  for (let k = 1; k <= n; k++) best[rs + k] = -Infinity;
  for (let s = 0; s < n; s++) {
    const base = best[rs + s];
    const single = m.singleLogP[ids[rs + s]];
    if (base + single > best[rs + s + 1]) {
      best[rs + s + 1] = base + single;
      back[rs + s + 1] = 1;
      tokLogP[rs + s + 1] = single;
    }
    let h = hashStep(HASH_START, ids[rs + s]);
    const maxL = n - s < MAX_WORD ? n - s : MAX_WORD;
    for (let L = 2; L <= maxL; L++) {
      h = hashStep(h, ids[rs + s + L - 1]);
      if (!maybePrefix(m.prefixBits, h)) break;
      const w = findWord(m, ids, rs + s, L, h);
      if (w >= 0 && m.wordFlags[w] & 1) prot.fill(1, rs + s, rs + s + L);
      if (w >= 0 && base + m.wordLogP[w] > best[rs + s + L]) {
        best[rs + s + L] = base + m.wordLogP[w];
        back[rs + s + L] = L;
        tokLogP[rs + s + L] = m.wordLogP[w];
      }
    }
  }
  sure.fill(0, rs, re);
  for (let k = n; k > 0; ) {
    const L = back[rs + k];
    if (tokLogP[rs + k] > (L === 1 ? SURE_SINGLE_LOGP : SURE_TOKEN_LOGP)) sure.fill(1, rs + k - L, rs + k);
    k -= L;
  }
  return sure;
}

/** The candidates of one position, in objects reused from position to position (no garbage per candidate). */
interface CandList {
  items: Cand[];
  n: number;
}

function pushCand(cands: CandList, len: number, c0: number, c1: number, kind: number, w: number, s: number): void {
  if (cands.n === cands.items.length) cands.items.push({ len: 0, c0: 0, c1: 0, kind: 0, word: 0, wordStart: 0, showWord: 0, showStart: 0 });
  const c = cands.items[cands.n++];
  c.len = len;
  c.c0 = c0;
  c.c1 = c1;
  c.kind = kind;
  c.word = w;
  c.wordStart = s;
  c.showWord = w;
  c.showStart = s;
}

function addCandidate(m: SpellModel, cands: CandList, orig: number, c: number, w: number, s: number, L: number): void {
  let k = 0;
  while (k < cands.n && !(cands.items[k].len === 1 && cands.items[k].c0 === c)) k++;
  if (k < cands.n) {
    const ck = cands.items[k];
    if (m.wordLogP[w] > m.wordLogP[ck.word]) {
      ck.word = w;
      ck.wordStart = s;
    }
    if (L > m.wordLen[ck.showWord] || (L === m.wordLen[ck.showWord] && m.wordLogP[w] > m.wordLogP[ck.showWord])) {
      ck.showWord = w;
      ck.showStart = s;
    }
    return;
  }
  if (isNumeral(m.charCode[c])) return;
  const kind = relation(m, orig, c);
  if (kind === K_NONE) return;
  pushCand(cands, 1, c, 0, kind, w, s);
}

/**
 * Characters that would make a frequent word with their neighbours at position i: same- and
 * near-sound ones through the sound-keyed mask index, similar-shape ones by exact lookups.
 */
function singleCandidates(m: SpellModel, ids: Uint16Array, i: number, rs: number, re: number, cands: CandList): void {
  const orig = ids[i];
  const mask = m.maskHead.length - 1;
  const s0 = m.sylStart[orig];
  const s1 = m.sylStart[orig + 1];
  // a window that starts two or more characters before i needs them to begin some word
  let alive = 0; // bit p: ids[i - p, i) may begin a word
  {
    for (let p = 1; p < MAX_MASK_LEN && i - p >= rs; p++) {
      let h = HASH_START;
      for (let k = i - p; k < i; k++) h = hashStep(h, ids[k]);
      if (p < 2 || maybePrefix(m.prefixBits, h)) alive |= 1 << p;
    }
  }
  for (let L = 2; L <= MAX_MASK_LEN; L++) {
    const sFrom = i - L + 1 > rs ? i - L + 1 : rs;
    const sTo = re - L < i ? re - L : i;
    for (let s = sFrom; s <= sTo; s++) {
      const p = i - s;
      if (p > 0 && !(alive & (1 << p))) continue;
      let h = HASH_START;
      for (let j = 0; j < L; j++) h = hashStep(h, j === p ? MASK_HASH_ID : ids[s + j]);
      const line = maskLine(m.maskBits, h);
      for (let x = s0; x < s1; x++) {
        const t = m.sylToneless[m.sylIds[x]];
        let seen = false;
        for (let x2 = s0; x2 < x; x2++) if (m.sylToneless[m.sylIds[x2]] === t) seen = true;
        if (seen) continue;
        // near sounds only in short windows: in long ones an exact sound is needed
        const nFrom = m.nearStart[t];
        const nTo = L <= 3 ? m.nearStart[t + 1] : nFrom;
        for (let q = nFrom - 1; q < nTo; q++) {
          const sound = q < nFrom ? t : m.nearIds[q];
          const key = soundKey(h, sound);
          if (!maybeMaskKey(m.maskBits, line, key)) continue;
          for (let ent = m.maskHead[hashSlot(key, mask)]; ent >= 0; ent = m.maskNext[ent]) {
            if (m.maskSound[ent] !== sound || m.maskPos[ent] !== p) continue;
            const w = m.maskWord[ent];
            if (m.wordLen[w] !== L) continue;
            const ws = m.wordStart[w];
            let ok = true;
            for (let j = 0; j < L; j++) {
              if (j !== p && m.wordChars[ws + j] !== ids[s + j]) {
                ok = false;
                break;
              }
            }
            const c = m.wordChars[ws + p];
            if (ok && c !== orig) addCandidate(m, cands, orig, c, w, s, L);
          }
        }
      }
    }
  }
  // similar shapes: each neighbour put in place, the short windows looked up, unless the neighbour
  // makes no known pair with the character before or after it (then it can make no word here)
  const left = i > rs ? ids[i - 1] : -1;
  const right = i + 1 < re ? ids[i + 1] : -1;
  for (let k = m.shapeStart[orig]; k < m.shapeStart[orig + 1]; k++) {
    const c = m.shapeIds[k];
    // a target word holding c beside a neighbour holds that pair: windows reaching a neighbour c
    // makes no known pair with cannot be one
    const pl = left >= 0 && hasPair(m, left, c);
    const pr = right >= 0 && hasPair(m, c, right);
    if (!pl && !pr) continue;
    ids[i] = c;
    for (let L = 2; L <= MAX_SHAPE_LEN; L++) {
      const sFrom = i - L + 1 > rs ? i - L + 1 : rs;
      const sTo = re - L < i ? re - L : i;
      for (let s = sFrom; s <= sTo; s++) {
        if ((s < i && !pl) || (s + L - 1 > i && !pr)) continue;
        if (i - s > 0 && !(alive & (1 << (i - s)))) continue;
        const w = lookupWord(m, ids, s, L);
        if (w >= 0 && m.wordLogP[w] >= m.targetMinLogP) {
          ids[i] = orig;
          addCandidate(m, cands, orig, c, w, s, L);
          ids[i] = c;
        }
      }
    }
    ids[i] = orig;
  }
}

/** Two-character words read the same as ids[i, i+2) (toneless), both characters different: an IME's wrong pick. */
function pairCandidates(m: SpellModel, ids: Uint16Array, i: number, cands: CandList): void {
  const a = ids[i];
  const b = ids[i + 1];
  const sa = m.sylStart[a];
  const ea = m.sylStart[a + 1];
  const sb = m.sylStart[b];
  const eb = m.sylStart[b + 1];
  const mask = m.pinHead.length - 1;
  for (let x = sa; x < ea; x++) {
    const ta = m.sylToneless[m.sylIds[x]];
    // a toneless class already tried through an earlier reading is skipped
    let seen = false;
    for (let x2 = sa; x2 < x; x2++) if (m.sylToneless[m.sylIds[x2]] === ta) seen = true;
    if (seen) continue;
    for (let y = sb; y < eb; y++) {
      const tb = m.sylToneless[m.sylIds[y]];
      let seenB = false;
      for (let y2 = sb; y2 < y; y2++) if (m.sylToneless[m.sylIds[y2]] === tb) seenB = true;
      if (seenB) continue;
      let e = m.pinHead[hashSlot(hashStep(hashStep(HASH_START, ta), tb), mask)];
      for (; e >= 0; e = m.pinNext[e]) {
        const s0 = m.pinSyl[2 * e];
        const s1 = m.pinSyl[2 * e + 1];
        if (m.sylToneless[s0] !== ta || m.sylToneless[s1] !== tb) continue;
        const w = m.pinWord[e];
        const ws = m.wordStart[w];
        const c0 = m.wordChars[ws];
        const c1 = m.wordChars[ws + 1];
        if (c0 === a || c1 === b) continue; // one character changed: the single-character candidates cover it
        let dup = false;
        for (let k = 0; k < cands.n; k++) if (cands.items[k].len === 2 && cands.items[k].c0 === c0 && cands.items[k].c1 === c1) dup = true;
        if (dup) continue;
        const exact = s0 === m.sylIds[x] && s1 === m.sylIds[y];
        let kind = exact ? K_TONE : K_SOUND;
        if (x !== sa || y !== sb) kind += NOT_PRIMARY;
        pushCand(cands, 2, c0, c1, kind, w, i);
      }
    }
  }
}

/** Sum of the trigram terms that depend on positions i … i+len-1 (up to two after them; the run's end counts as a symbol). */
function lmWindow(m: SpellModel, ids: Uint16Array, i: number, len: number, rs: number, re: number): number {
  let sum = 0;
  for (let j = i; j <= i + len + 1 && j <= re; j++) {
    const a = j - 2 >= rs ? ids[j - 2] : 0;
    const b = j - 1 >= rs ? ids[j - 1] : 0;
    const c = j < re ? ids[j] : 0;
    sum += lmLogP(m, a, b, c);
  }
  return sum;
}
