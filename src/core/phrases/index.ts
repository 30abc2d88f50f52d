/**
 * The 提示语 ranking engine: given the heading the clerk is writing under (and, optionally, where
 * in the speech the cursor is and which office's phrases to keep to), rank the phrase library.
 *
 * score = how well the entry's themes meet the themes of the heading (the main part), where those
 *         come from the heading analysis (themes.ts: the learned lexicon, the hand-written cues
 *         and the heading's shape), the library's own evidence (which themes the entries holding
 *         the heading's bigrams carry) and a vote of the best text matches
 *       + BM25 over character unigrams/bigrams (OR semantics, see tokenize.ts), plus a bonus for an
 *         entry that holds the whole query
 *       + how well the entry's kind fits the position (开头 in the opening, 过渡 before 下面, 结尾 in
 *         the closing, 标题 of the next level and 正文/排比 under a heading)
 *       + a small lift for entries of the heading's domain (domains.ts) and a small prior for
 *         general entries (common vocabulary);
 * an explicit domain keeps only that domain's entries (and entries naming none). Then a greedy pick
 * keeps near-duplicates and more than two members of one parallel group out of the top five.
 *
 * Pure TypeScript: no DOM, no Node APIs. buildIndex is linear in the library size; suggest is
 * linear in the postings of the query's terms plus one pass over the entries.
 */
import { findRunIns, parseMarker, skipSpaces } from "../numbering/markers";
import { DOMAIN_INDEX, domainMask, inferDomains } from "./domains";
import type { DocumentPart } from "./position";
import { headingThemes, inferThemes } from "./themes";
import { bigramSet, containment, forEachTextTerm, jaccard, queryTerms, type Segment, type TermKey } from "./tokenize";
import { DOMAINS, PHRASE_KINDS, THEMES, type Domain, type PhraseEntry, type PhraseKind, type Theme } from "./types";

export interface SuggestContext {
  /** Text before the cursor (the preceding paragraph(s)); "" means the top of the document. */
  before?: string;
  /** Text after the cursor; "" means the end of the document. */
  after?: string;
  position?: "start" | "middle" | "end";
  /**
   * Which part of the document the cursor is in, from the host (core/phrases/position.ts): the
   * opening remarks before the first section, a section, or the closing remarks after the last one.
   */
  part?: DocumentPart;
}

export type { DocumentPart };

export interface SuggestQuery {
  /** The heading (or paragraph) the clerk is writing under, marker included or not. */
  heading: string;
  /** The heading's level (1 一、, 2 （一）, 3 1.); taken from its marker when absent. */
  level?: number;
  context?: SuggestContext;
  /** Only entries of this domain (and entries that name no domain, such as the clerk's own). */
  domain?: Domain;
}

export interface Suggestion {
  entry: PhraseEntry;
  score: number;
}

export interface PhraseIndex {
  readonly entries: readonly PhraseEntry[];
  /** Term key → term id. */
  readonly termIds: Map<TermKey, number>;
  /** Postings of term t: postDoc/postWeight[postStart[t] .. postStart[t + 1]). */
  readonly postStart: Int32Array;
  readonly postDoc: Int32Array;
  /** The BM25 term-frequency factor tf·(k1+1)/(tf + k1·(1 − b + b·dl/avgdl)). */
  readonly postWeight: Float32Array;
  readonly idf: Float32Array;
  /** Index into PHRASE_KINDS. */
  readonly kind: Uint8Array;
  /** Heading level (0 when none). */
  readonly level: Uint8Array;
  /** Three theme indexes per entry (into THEMES), 255 when unused. */
  readonly themes: Uint8Array;
  /** Parallel group id, -1 when none. */
  readonly group: Int32Array;
  /** Domains as a bit mask (bit i = DOMAINS[i]); 0 = names none. */
  readonly domains: Uint16Array;
  /** Share of the entries that carry each theme / each domain (the base rates of the library evidence). */
  readonly themeShare: Float32Array;
  readonly domainShare: Float32Array;
  /**
   * Library evidence per bigram term (CSR like the postings): cells evCell/evWeight[evStart[t] ..
   * evStart[t + 1]), a cell being a theme index (0 … 17) or 18 + a domain index, its weight what the
   * entries holding the term say about it (see EVIDENCE). Computed once in buildIndex.
   */
  readonly evStart: Int32Array;
  readonly evCell: Uint8Array;
  readonly evWeight: Float32Array;
  /**
   * Entries with the same kind, level, themes and domains score the same apart from the text: each
   * entry's profile id, and per profile its entry (any one; they agree on those fields). Scoring
   * works out each profile once per query.
   */
  readonly profile: Int32Array;
  readonly profileEntry: Int32Array;
  /** Scratch: the per-query score of each profile. */
  readonly profileScore: Float32Array;
  /** 0 … 1: how general the entry's vocabulary is (low mean IDF of its bigrams). */
  readonly prior: Float32Array;
  /** Scratch buffers reused by suggest (single-threaded). */
  readonly scratch: Float32Array;
  readonly bm: Float32Array;
  /** Lazily computed bigram sets for the near-duplicate test. */
  readonly bigrams: Array<Float64Array | undefined>;
}

const K1 = 1.2;
const B = 0.5;
const NO_THEME = 255;
const KIND_INDEX = new Map<string, number>(PHRASE_KINDS.map((k, i) => [k, i]));
const THEME_INDEX = new Map<string, number>(THEMES.map((t, i) => [t, i]));
const K = {
  开头: KIND_INDEX.get("开头")!,
  过渡: KIND_INDEX.get("过渡")!,
  标题: KIND_INDEX.get("标题")!,
  正文: KIND_INDEX.get("正文")!,
  排比: KIND_INDEX.get("排比")!,
  结尾: KIND_INDEX.get("结尾")!,
};
const T_OPENING = THEME_INDEX.get("开场")!;
const T_TRANSITION = THEME_INDEX.get("过渡")!;
const T_CLOSING = THEME_INDEX.get("结尾")!;

/** Weights of the score's parts (BM25 is normalised to 0 … 1 by the best hit). */
export const WEIGHTS = { text: 0.8, theme: 3, kind: 0.8, prior: 0.15, domain: 0.3, literal: 0.4 } as const;

/** How many of the best text matches vote on the themes. */
const VOTERS = 8;

/** In the closing part, the heading's other themes count at this share of the closing call's. */
const PART_DAMP = 0.5;

/** The text around the cursor hints at themes far more weakly than the heading (scale of its cues). */
const CONTEXT_SCALE = 0.12;

/**
 * How the evidence is blended with the heading analysis: the library's word → theme evidence, the
 * vote of the best text matches (voteAlone when the analysis found nothing), and the library's
 * word → domain evidence beside the domain cues.
 */
export const BLEND = { library: 0.3, vote: 0.5, voteAlone: 0.8, domainLibrary: 0.5 } as const;

export function buildIndex(entries: PhraseEntry[]): PhraseIndex {
  const list: PhraseEntry[] = Array.isArray(entries) ? entries.filter((e) => e && typeof e.text === "string") : [];
  const n = list.length;
  const termIds = new Map<TermKey, number>();
  let termCount = 0;
  const isBigram: number[] = [];

  // Pass 1: per entry, its distinct term ids and their frequencies (flat arrays).
  let docTerm = new Int32Array(Math.max(16, n * 48));
  let docTf = new Uint16Array(docTerm.length);
  const docStart = new Int32Array(n + 1);
  const dl = new Float32Array(n);
  let flat = 0;
  const tmp: number[] = [];
  const collect = (key: TermKey): void => {
    let id = termIds.get(key);
    if (id === undefined) {
      id = termCount++;
      termIds.set(key, id);
      isBigram.push(key >= 0x10000 && key < 2 ** 33 ? 1 : 0);
    }
    tmp.push(id);
  };
  let totalLen = 0;
  for (let d = 0; d < n; d++) {
    tmp.length = 0;
    forEachTextTerm(list[d].text, collect);
    tmp.sort((a, b) => a - b);
    if (flat + tmp.length > docTerm.length) {
      const grow = Math.max(docTerm.length * 2, flat + tmp.length);
      const nt = new Int32Array(grow);
      nt.set(docTerm);
      docTerm = nt;
      const nf = new Uint16Array(grow);
      nf.set(docTf);
      docTf = nf;
    }
    docStart[d] = flat;
    for (let i = 0; i < tmp.length; ) {
      let j = i + 1;
      while (j < tmp.length && tmp[j] === tmp[i]) j++;
      docTerm[flat] = tmp[i];
      docTf[flat] = Math.min(j - i, 65535);
      flat++;
      i = j;
    }
    dl[d] = tmp.length;
    totalLen += tmp.length;
  }
  docStart[n] = flat;
  const avgdl = n ? totalLen / n || 1 : 1;

  // Pass 2: postings in CSR form.
  const df = new Int32Array(termCount);
  for (let i = 0; i < flat; i++) df[docTerm[i]]++;
  const postStart = new Int32Array(termCount + 1);
  for (let t = 0; t < termCount; t++) postStart[t + 1] = postStart[t] + df[t];
  const fill = postStart.slice(0, termCount);
  const postDoc = new Int32Array(flat);
  const postWeight = new Float32Array(flat);
  for (let d = 0; d < n; d++) {
    const norm = K1 * (1 - B + (B * dl[d]) / avgdl);
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const t = docTerm[i];
      const p = fill[t]++;
      postDoc[p] = d;
      const tf = docTf[i];
      postWeight[p] = (tf * (K1 + 1)) / (tf + norm);
    }
  }
  const idf = new Float32Array(termCount);
  for (let t = 0; t < termCount; t++) idf[t] = Math.log(1 + (n - df[t] + 0.5) / (df[t] + 0.5));

  // Generality prior: entries whose bigrams are common across the library are the general ones.
  const meanIdf = new Float32Array(n);
  let lo = Infinity;
  let hi = -Infinity;
  for (let d = 0; d < n; d++) {
    let sum = 0;
    let cnt = 0;
    for (let i = docStart[d]; i < docStart[d + 1]; i++) {
      const t = docTerm[i];
      if (isBigram[t]) {
        sum += idf[t];
        cnt++;
      }
    }
    const m = cnt ? sum / cnt : NaN;
    meanIdf[d] = m;
    if (cnt) {
      if (m < lo) lo = m;
      if (m > hi) hi = m;
    }
  }
  const prior = new Float32Array(n);
  for (let d = 0; d < n; d++) {
    const m = meanIdf[d];
    prior[d] = Number.isNaN(m) ? 0 : hi > lo ? 1 - (m - lo) / (hi - lo) : 1;
  }

  const kind = new Uint8Array(n);
  const level = new Uint8Array(n);
  const themes = new Uint8Array(n * 3).fill(NO_THEME);
  const group = new Int32Array(n).fill(-1);
  const domains = new Uint16Array(n);
  const themeShare = new Float32Array(THEMES.length);
  const domainShare = new Float32Array(DOMAINS.length);
  const groupIds = new Map<string, number>();
  for (let d = 0; d < n; d++) {
    const e = list[d];
    kind[d] = KIND_INDEX.get(e.kind) ?? K.正文;
    level[d] = e.level === 1 || e.level === 2 || e.level === 3 ? e.level : 0;
    let k = 0;
    for (const t of Array.isArray(e.themes) ? e.themes : []) {
      const ti = THEME_INDEX.get(t);
      if (ti !== undefined && k < 3) {
        themes[d * 3 + k++] = ti;
        themeShare[ti] += 1 / n;
      }
    }
    domains[d] = domainMask(e.domains);
    for (let m = domains[d], b = 0; m; m >>= 1, b++) if (m & 1) domainShare[b] += 1 / n;
    if (typeof e.group === "string" && e.group) {
      let g = groupIds.get(e.group);
      if (g === undefined) groupIds.set(e.group, (g = groupIds.size));
      group[d] = g;
    }
  }

  const profile = new Int32Array(n);
  const profileIds = new Map<string, number>();
  const profileEntryList: number[] = [];
  for (let d = 0; d < n; d++) {
    const key = `${kind[d]}|${level[d]}|${themes[d * 3]}|${themes[d * 3 + 1]}|${themes[d * 3 + 2]}|${domains[d]}`;
    let id = profileIds.get(key);
    if (id === undefined) {
      profileIds.set(key, (id = profileEntryList.length));
      profileEntryList.push(d);
    }
    profile[d] = id;
  }

  // Library evidence: for every bigram in two or more entries, the themes and domains those entries
  // carry clearly more often than the library as a whole (大局 sits in 政治 entries more than in 形势
  // ones). One pass over the postings.
  const evStart = new Int32Array(termCount + 1);
  const evCellList: number[] = [];
  const evWeightList: number[] = [];
  const tc = new Float32Array(THEMES.length);
  const dc = new Float32Array(DOMAINS.length);
  for (let t = 0; t < termCount; t++) {
    evStart[t] = evCellList.length;
    const start = postStart[t];
    const end = postStart[t + 1];
    const df = end - start;
    if (!isBigram[t] || df < 2) continue;
    tc.fill(0);
    dc.fill(0);
    for (let p = start; p < end; p++) {
      const d = postDoc[p];
      for (let k = 0; k < 3; k++) {
        const th = themes[d * 3 + k];
        if (th === NO_THEME) break;
        tc[th] += k ? EVIDENCE.secondary : 1;
      }
      for (let m = domains[d], b = 0; m; m >>= 1, b++) if (m & 1) dc[b]++;
    }
    evidenceCells(tc, themeShare, df, 0, evCellList, evWeightList);
    evidenceCells(dc, domainShare, df, THEMES.length, evCellList, evWeightList);
  }
  evStart[termCount] = evCellList.length;

  return {
    entries: list,
    termIds,
    postStart,
    postDoc,
    postWeight,
    idf,
    kind,
    level,
    themes,
    group,
    domains,
    themeShare,
    domainShare,
    evStart,
    evCell: Uint8Array.from(evCellList),
    evWeight: Float32Array.from(evWeightList),
    profile,
    profileEntry: Int32Array.from(profileEntryList),
    profileScore: new Float32Array(profileEntryList.length),
    prior,
    scratch: new Float32Array(n),
    bm: new Float32Array(n),
    bigrams: new Array<Float64Array | undefined>(n),
  };
}

/** The heading reduced to what it says, with its level and the themes it points to. */
export interface AnalyzedQuery {
  /** The heading without marker, run-in lead and surrounding punctuation (at most 300 characters). */
  text: string;
  /** The level from query.level or the heading's marker, else undefined. */
  level?: number;
  /** Theme weights inferred from the heading (and, more weakly, the context), at most 1. */
  themeWeights: Float32Array;
  /** Domain weights inferred from the heading's words (indexed like DOMAINS), at most 1. */
  domainWeights: Float32Array;
  /** The part of the document, when the host told it. */
  part?: DocumentPart;
}

const MAX_QUERY_CHARS = 300;
const MAX_QUERY_TERMS = 48;
const RUN_IN_LEAD = /^(?:[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[，,、]|首先|其次|再次|最后[，,]|其[一二三四五六七八九十][，,：:]?)/;
const EDGE_PUNCT = /^[\s，。、；：！？,.;:!?“”"'‘’（）()【】《》—…·-]+|[\s，。、；：！？,.;:!?“”"'‘’（）()【】《》—…·-]+$/g;

function validLevel(l: unknown): number | undefined {
  return typeof l === "number" && Number.isInteger(l) && l >= 1 && l <= 5 ? l : undefined;
}

/** Strips the heading's marker (一、 （二） 3.) and a run-in lead (一是 第一， 首先). */
export function cleanHeading(heading: string): { text: string; markerLevel?: number } {
  let h = typeof heading === "string" ? heading : "";
  if (h.length > MAX_QUERY_CHARS) h = h.slice(0, MAX_QUERY_CHARS);
  let markerLevel: number | undefined;
  const m = parseMarker(h);
  if (m) {
    markerLevel = m.level;
    h = h.slice(m.end);
  }
  const start = skipSpaces(h, 0);
  const runIns = findRunIns(h);
  if (runIns.length && runIns[0].start === start) h = h.slice(runIns[0].end);
  else {
    const lead = RUN_IN_LEAD.exec(h.slice(start));
    if (lead) h = h.slice(start + lead[0].length);
  }
  return { text: h.replace(EDGE_PUNCT, ""), markerLevel };
}

export function analyzeQuery(query: SuggestQuery): AnalyzedQuery {
  const { text, markerLevel } = cleanHeading(query?.heading);
  const level = validLevel(query?.level) ?? markerLevel;
  const tw = headingThemes(text);
  const ctx = query?.context;
  if (ctx && typeof ctx === "object") {
    const before = typeof ctx.before === "string" ? ctx.before.slice(-200) : "";
    const after = typeof ctx.after === "string" ? ctx.after.slice(0, 200) : "";
    const cw = inferThemes(before + "\u0000" + after, CONTEXT_SCALE);
    for (let t = 0; t < tw.length; t++) tw[t] += cw[t];
  }
  const part = partOf(ctx);
  // The closing remarks want the closing call whatever they are about; the opening, the opening.
  if (part === "closing") tw[T_CLOSING] = Math.max(tw[T_CLOSING], 1.5);
  if (part === "opening") tw[T_OPENING] = Math.max(tw[T_OPENING], 1.5);
  capMax(tw);
  return { text, level, themeWeights: tw, domainWeights: inferDomains(text), part };
}

function partOf(ctx: SuggestContext | undefined): DocumentPart | undefined {
  const p = ctx && typeof ctx === "object" ? ctx.part : undefined;
  return p === "opening" || p === "section" || p === "closing" ? p : undefined;
}

/** Scales the weights down so the largest is at most 1 (weak evidence stays weak). */
function capMax(w: Float32Array): void {
  let max = 0;
  for (let t = 0; t < w.length; t++) if (w[t] > max) max = w[t];
  if (max > 1) for (let t = 0; t < w.length; t++) w[t] /= max;
}

function normalizeMax(w: Float32Array): void {
  let max = 0;
  for (let t = 0; t < w.length; t++) if (w[t] > max) max = w[t];
  if (max > 0) for (let t = 0; t < w.length; t++) w[t] /= max;
}

/** Where the cursor is, from the explicit position or the surrounding text. */
function placeOf(ctx: SuggestContext | undefined): { start: boolean; transition: boolean; end: boolean } {
  const out = { start: false, transition: false, end: false };
  if (!ctx || typeof ctx !== "object") return out;
  const before = typeof ctx.before === "string" ? ctx.before.trim() : undefined;
  const after = typeof ctx.after === "string" ? ctx.after.trim() : undefined;
  const part = partOf(ctx);
  if (part === "opening" || ctx.position === "start" || before === "" || (before !== undefined && /同志们[：:！!，,]?$/.test(before))) out.start = true;
  if (part === "closing" || ctx.position === "end" || (after === "" && !out.start)) out.end = true;
  if (part === "closing") out.start = false;
  if (after !== undefined && /^(?:下面|接下来|下边|再讲|再谈|另外)/.test(after)) out.transition = true;
  // Between sections: the next paragraph opens a new top-level section (二、…).
  if (after && before && parseMarker(after.slice(0, 12))?.level === 1) out.transition = true;
  if (ctx.position === "middle" && !out.start && !out.end) out.transition = true;
  return out;
}

/** Kind fit (indexed like PHRASE_KINDS) and the preferred heading level (0 for any). */
function kindPreferences(
  hasText: boolean,
  level: number | undefined,
  tw: Float32Array,
  place: { start: boolean; transition: boolean; end: boolean },
): { fit: Float32Array; headingLevel: number; otherHeading: number } {
  const fit = new Float32Array(PHRASE_KINDS.length);
  fit[K.标题] = 0.6;
  fit[K.正文] = 0.9;
  fit[K.排比] = 0.8;
  fit[K.开头] = 0.25;
  fit[K.过渡] = 0.3;
  fit[K.结尾] = 0.25;
  let headingLevel = 0;
  let otherHeading = 0.6;
  if (level !== undefined) {
    headingLevel = level + 1;
    fit[K.标题] = 1;
    otherHeading = 0.1;
    fit[K.正文] = 0.85;
    fit[K.排比] = 0.85;
    fit[K.开头] = fit[K.过渡] = fit[K.结尾] = 0.15;
  }
  // A heading that is itself about opening / moving on / closing asks for those kinds.
  if (tw[T_OPENING] >= 0.9) fit[K.开头] = Math.max(fit[K.开头], 0.95);
  if (tw[T_TRANSITION] >= 0.9) fit[K.过渡] = Math.max(fit[K.过渡], 0.95);
  if (tw[T_CLOSING] >= 0.9) fit[K.结尾] = Math.max(fit[K.结尾], 0.95);
  const bodyDamp = hasText ? 0.75 : 0.45;
  if (place.start) {
    fit[K.开头] = 1.2;
    for (const k of [K.标题, K.正文, K.排比]) fit[k] *= bodyDamp;
    otherHeading *= bodyDamp;
    if (!hasText && level === undefined) headingLevel = 1;
  }
  if (place.transition) {
    fit[K.过渡] = 1.2;
    for (const k of [K.标题, K.正文, K.排比]) fit[k] *= bodyDamp;
    otherHeading *= bodyDamp;
  }
  if (place.end) {
    fit[K.结尾] = 1.2;
    for (const k of [K.标题, K.正文, K.排比]) fit[k] *= bodyDamp;
    otherHeading *= bodyDamp;
  }
  return { fit, headingLevel, otherHeading };
}

/**
 * The best `limit` entries for the query, best first. Never throws: odd input (empty, only
 * punctuation, Latin text, a long paragraph) falls back to the kind/position fit and the most
 * general entries.
 */
export function suggest(index: PhraseIndex, query: SuggestQuery, limit = 10, segment?: Segment | null): Suggestion[] {
  if (!index || !index.entries || index.entries.length === 0) return [];
  const lim = typeof limit === "number" && Number.isFinite(limit) ? Math.max(0, Math.min(Math.floor(limit), index.entries.length)) : 10;
  if (lim === 0) return [];
  try {
    return rank(index, query && typeof query === "object" ? query : { heading: "" }, lim, segment);
  } catch {
    // Defensive: a fault in ranking must not break the taskpane; fall back to the plain prior.
    return rank(index, { heading: "" }, lim, null);
  }
}

/** Tunables of the library evidence (the themes and domains of the entries holding a query bigram). */
export const EVIDENCE = { smooth: 2, minLift: 1.5, minShare: 0.2, k: 3, secondary: 0.6 } as const;

/**
 * What the entries holding one term say: per theme (or domain) its smoothed share among them,
 * where it clearly exceeds its share in the whole library, times df / (df + k); appended as cells.
 */
function evidenceCells(counts: Float32Array, base: Float32Array, df: number, offset: number, cells: number[], weights: number[]): void {
  const { smooth, minLift, minShare, k } = EVIDENCE;
  for (let t = 0; t < counts.length; t++) {
    if (counts[t] === 0 || base[t] <= 0) continue;
    const p = (counts[t] + smooth * base[t]) / (df + smooth);
    if (p >= minShare && p >= minLift * base[t]) {
      cells.push(offset + t);
      weights.push(p * (df / (df + k)));
    }
  }
}

function rank(index: PhraseIndex, query: SuggestQuery, limit: number, segment: Segment | null | undefined): Suggestion[] {
  const n = index.entries.length;
  const aq = analyzeQuery(query);
  const bm = index.bm;
  bm.fill(0);

  // BM25 with OR semantics: every query term adds to the entries that contain it.
  const qt = segment === undefined ? queryTerms(aq.text) : queryTerms(aq.text, segment);
  let terms: Array<[number, number, number]> = [];
  for (const [key, w] of qt) {
    const id = index.termIds.get(key);
    if (id !== undefined) terms.push([id, w * index.idf[id], w]);
  }
  if (terms.length > MAX_QUERY_TERMS) {
    terms.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
    terms = terms.slice(0, MAX_QUERY_TERMS);
  }
  const { postStart, postDoc, postWeight, themes, domains, evStart, evCell, evWeight } = index;
  const libThemes = new Float32Array(THEMES.length);
  const libDomains = new Float32Array(DOMAINS.length);
  const nThemes = THEMES.length;
  let bmMax = 0;
  for (const [id, qw, w] of terms) {
    for (let p = postStart[id], e = postStart[id + 1]; p < e; p++) {
      const v = (bm[postDoc[p]] += qw * postWeight[p]);
      if (v > bmMax) bmMax = v;
    }
    for (let c = evStart[id], e = evStart[id + 1]; c < e; c++) {
      const cell = evCell[c];
      if (cell < nThemes) libThemes[cell] += w * evWeight[c];
      else libDomains[cell - nThemes] += w * evWeight[c];
    }
  }
  const bmScale = bmMax > 0 ? WEIGHTS.text / bmMax : 0;

  // Theme weights: the heading analysis, the library evidence, and a vote of the best text matches
  // (pseudo-relevance feedback).
  const tw = aq.themeWeights;
  let lexMax = 0;
  for (let t = 0; t < tw.length; t++) if (tw[t] > lexMax) lexMax = tw[t];
  normalizeMax(libThemes);
  for (let t = 0; t < tw.length; t++) tw[t] += BLEND.library * libThemes[t];
  // The best text matches: the vote below and the literal bonus further down look at them.
  const bestText = bmMax > 0 ? topK(bm, n, 20) : [];
  if (bmMax > 0) {
    const vote = new Float32Array(THEMES.length);
    for (let i = 0; i < bestText.length && i < VOTERS; i++) {
      const d = bestText[i];
      if (bm[d] <= 0) continue;
      for (let k = 0; k < 3; k++) {
        const t = themes[d * 3 + k];
        if (t !== NO_THEME) vote[t] += bm[d] / bmMax;
      }
    }
    normalizeMax(vote);
    const share = lexMax > 0 ? BLEND.vote : BLEND.voteAlone;
    for (let t = 0; t < tw.length; t++) tw[t] += share * vote[t];
  }
  // Capped, not stretched: evidence from the context alone (no heading) stays weak.
  capMax(tw);
  // In the closing remarks, what the words are about comes second to the closing call itself. (The
  // opening keeps its other themes: it holds the lead into the points, 下面我讲几点意见, too.)
  if (aq.part === "closing") {
    for (let t = 0; t < tw.length; t++) tw[t] *= PART_DAMP;
    tw[T_CLOSING] = 1;
  }
  let anyTheme = false;
  for (let t = 0; t < tw.length; t++) if (tw[t] > 0) anyTheme = true;

  // Domain weights: the heading's words and the library evidence.
  const dw = aq.domainWeights;
  normalizeMax(libDomains);
  for (let d = 0; d < dw.length; d++) dw[d] += BLEND.domainLibrary * libDomains[d];
  normalizeMax(dw);
  let anyDomain = false;
  for (let d = 0; d < dw.length; d++) if (dw[d] >= 0.5) anyDomain = true;
  const only = typeof query.domain === "string" ? DOMAIN_INDEX.get(query.domain) : undefined;
  const onlyBit = only === undefined ? 0 : 1 << only;

  const place = placeOf(query.context);
  const { fit, headingLevel, otherHeading } = kindPreferences(aq.text.length > 0, aq.level, tw, place);

  // An entry that holds the whole query (a search for 涉密文件管理 finds 强化涉密文件管理) gets a
  // bonus; only the best text matches are looked at, so this stays cheap.
  const literal: number[] = [];
  if (aq.text.length >= 2 && aq.text.length <= 40 && bmMax > 0) {
    for (const d of bestText) if (bm[d] > 0 && index.entries[d].text.includes(aq.text)) literal.push(d);
  }

  // Everything but the text, once per profile (kind, level, themes, domains).
  const { kind, level, prior, profile, profileEntry, profileScore } = index;
  for (let p = 0; p < profileEntry.length; p++) {
    const d = profileEntry[p];
    const mask = domains[d];
    if (onlyBit && mask !== 0 && (mask & onlyBit) === 0) {
      profileScore[p] = -Infinity;
      continue;
    }
    let s = 0;
    if (anyTheme) {
      let best = 0;
      let rest = 0;
      for (let k = 0; k < 3; k++) {
        const t = themes[d * 3 + k];
        if (t === NO_THEME) break;
        const w = tw[t];
        if (w > best) {
          rest += best;
          best = w;
        } else rest += w;
      }
      s += WEIGHTS.theme * (best + Math.min(0.2, 0.15 * rest));
    }
    if (anyDomain && mask) {
      let best = 0;
      for (let m = mask; m; m &= m - 1) {
        const b = 31 - Math.clz32(m & -m);
        if (dw[b] > best) best = dw[b];
      }
      s += WEIGHTS.domain * best;
    }
    const kd = kind[d];
    let kf = fit[kd];
    if (kd === K.标题 && headingLevel) kf = level[d] === headingLevel ? fit[kd] : fit[kd] * otherHeading;
    profileScore[p] = s + WEIGHTS.kind * kf;
  }

  const score = index.scratch;
  const priorWeight = WEIGHTS.prior;
  for (let d = 0; d < n; d++) score[d] = bm[d] * bmScale + priorWeight * prior[d] + profileScore[profile[d]];
  for (const d of literal) score[d] += WEIGHTS.literal;
  return pickVaried(index, aq.text, aq.level !== undefined, score, limit);
}

/** Indexes of the k highest values (descending; ties by lower index). */
function topK(values: Float32Array, n: number, k: number): number[] {
  const idx: number[] = [];
  let floor = -Infinity;
  for (let d = 0; d < n; d++) {
    const v = values[d];
    if (idx.length === k && v <= floor) continue;
    let i: number;
    if (idx.length < k) {
      idx.push(d);
      i = idx.length - 1;
    } else i = k - 1;
    while (i > 0 && values[idx[i - 1]] < v) {
      idx[i] = idx[i - 1];
      i--;
    }
    idx[i] = d;
    if (idx.length === k) floor = values[idx[k - 1]];
  }
  return idx;
}

const NEAR_DUPLICATE = 0.6;
const GROUP_CAP = 2;
const VARIED_TOP = 5;

function bigramsOf(index: PhraseIndex, d: number): Float64Array {
  let b = index.bigrams[d];
  if (!b) index.bigrams[d] = b = bigramSet(index.entries[d].text);
  return b;
}

/**
 * Greedy pick over the best candidates: no near-duplicate of an earlier pick (or, under a heading,
 * of the heading itself) anywhere, and at most two members of one parallel group in the top five
 * unless the query reproduces that group.
 */
function pickVaried(index: PhraseIndex, queryText: string, underHeading: boolean, score: Float32Array, limit: number): Suggestion[] {
  const n = index.entries.length;
  const cand = topK(score, n, Math.min(n, Math.max(limit * 4, 40)));
  const qb = bigramSet(queryText);
  let askedGroup = -1;
  if (qb.length >= 2) {
    for (const d of cand) {
      const g = index.group[d];
      if (g >= 0 && containment(qb, bigramsOf(index, d)) >= 0.6) {
        askedGroup = g;
        break;
      }
    }
  }
  const picked: number[] = [];
  const deferred: number[] = [];
  const groupCount = new Map<number, number>();
  const isNearDup = (d: number): boolean => {
    const b = bigramsOf(index, d);
    const text = index.entries[d].text;
    // Under a heading, an entry that restates the heading itself is no suggestion.
    // (A heading entry that holds most of the heading's bigrams rewords it.)
    if (underHeading && qb.length >= 2) {
      if (jaccard(b, qb) >= NEAR_DUPLICATE) return true;
      if (index.kind[d] === K.标题 && containment(qb, b) >= 0.7) return true;
    }
    for (const p of picked) {
      if (index.entries[p].text === text || jaccard(b, bigramsOf(index, p)) >= NEAR_DUPLICATE) return true;
    }
    return false;
  };
  for (const d of cand) {
    if (picked.length >= limit) break;
    if (score[d] === -Infinity) break; // filtered out (by domain); topK sorted them last
    if (picked.length >= VARIED_TOP) {
      // Past the top five: put back what the group cap held out, in score order.
      while (deferred.length && score[deferred[0]] >= score[d] && picked.length < limit) {
        const x = deferred.shift()!;
        if (!isNearDup(x)) picked.push(x);
      }
      if (picked.length >= limit) break;
    }
    if (isNearDup(d)) continue;
    const g = index.group[d];
    if (g >= 0 && g !== askedGroup && picked.length < VARIED_TOP) {
      const c = groupCount.get(g) ?? 0;
      if (c >= GROUP_CAP) {
        deferred.push(d);
        continue;
      }
      groupCount.set(g, c + 1);
    }
    picked.push(d);
  }
  while (picked.length < limit && deferred.length) {
    const x = deferred.shift()!;
    if (!isNearDup(x)) picked.push(x);
  }
  return picked.map((d) => ({ entry: index.entries[d], score: Math.round(score[d] * 10000) / 10000 }));
}

export type { PhraseEntry, PhraseKind, Theme };
