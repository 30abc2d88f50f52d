/**
 * Which phrases the tab lists: the suggestions for the heading under the cursor (or for the
 * search text), narrowed by the filters. Pure functions; the tab calls them on every change.
 */
import type { Domain, PhraseEntry, PhraseKind, Theme } from "../../core/phrases/types";
import type { PhraseQuery, SuggestFn } from "./source";
import { isUserPhrase } from "./userPhrases";

export interface PhraseFilters {
  kind?: PhraseKind;
  theme?: Theme;
  /** 领域: phrases of this domain, and phrases that name no domain (the clerk's own). */
  domain?: Domain;
  favouritesOnly: boolean;
  mineOnly: boolean;
  search: string;
}

export const NO_FILTERS: PhraseFilters = { favouritesOnly: false, mineOnly: false, search: "" };

/** How many suggestions the engine is asked for when nothing narrows the list. */
export const SUGGESTION_LIMIT = 40;

/** A search also lists phrases of the themes of its first this-many textual hits. */
const RELATED_FROM = 5;

const HAN = /[\u3400-\u9fff]/;

/** Text compared without spaces and punctuation, so 「抓 落实」 finds 「抓落实」. */
export function normalize(t: string): string {
  return t.replace(/[\s，。、；：！？“”‘’《》（）〔〕【】—…·,.;:!?()"'\u3000]/g, "").toLowerCase();
}

/**
 * A plain stand-in for the engine (while it loads, if it failed to load, or for phrases the
 * engine was not built over): shared two-character pieces of Chinese between query and phrase.
 */
export function simpleSuggest(entries: readonly PhraseEntry[], q: PhraseQuery): Array<{ entry: PhraseEntry; score: number }> {
  const h = normalize(q.heading);
  const grams = new Set<string>();
  for (let i = 0; i + 1 < h.length; i++) if (HAN.test(h[i]) && HAN.test(h[i + 1])) grams.add(h.slice(i, i + 2));
  if (grams.size === 0) return [];
  const out: Array<{ entry: PhraseEntry; score: number }> = [];
  for (const entry of entries) {
    const t = normalize(entry.text + entry.themes.join(""));
    let score = 0;
    for (let i = 0; i + 1 < t.length; i++) if (grams.has(t.slice(i, i + 2))) score++;
    if (score > 0) out.push({ entry, score });
  }
  return out.sort((a, b) => b.score - a.score);
}

export interface ListInput {
  /** Library and user phrases together (user phrases first). */
  pool: readonly PhraseEntry[];
  /** The engine, or undefined when it is not loaded. */
  suggest?: SuggestFn;
  /** True when the engine was built over the user phrases too; else they are ranked plainly beside it. */
  suggestCoversUser?: boolean;
  query: PhraseQuery;
  filters: PhraseFilters;
  favourites: ReadonlySet<string>;
}

/**
 * Whether a phrase has something in common with a search: it holds the search (spaces and
 * punctuation aside) or shares a two-character piece with it (one character: holds it). The engine
 * ranks every phrase; a search shows only these, so a search for something the library does not
 * have says so instead of listing unrelated phrases.
 */
export function sharesText(text: string, search: string): boolean {
  const needle = normalize(search);
  if (!needle) return false;
  const hay = normalize(text);
  if (needle.length < 2 || hay.includes(needle)) return hay.includes(needle);
  for (let i = 0; i + 1 < needle.length; i++) if (hay.includes(needle.slice(i, i + 2))) return true;
  return false;
}

/** The phrases to show, best first, without duplicates. */
export function listPhrases({ pool, suggest, suggestCoversUser = false, query, filters, favourites }: ListInput): PhraseEntry[] {
  const keep = (e: PhraseEntry) =>
    (!filters.kind || e.kind === filters.kind) &&
    (!filters.theme || e.themes.includes(filters.theme)) &&
    (!filters.domain || !Array.isArray(e.domains) || e.domains.length === 0 || e.domains.includes(filters.domain)) &&
    (!filters.favouritesOnly || favourites.has(e.id)) &&
    (!filters.mineOnly || isUserPhrase(e));
  const narrowed = !!(filters.kind || filters.theme || filters.favouritesOnly || filters.mineOnly);
  const out: PhraseEntry[] = [];
  const seen = new Set<string>();
  const add = (e: PhraseEntry) => {
    if (!seen.has(e.id) && keep(e)) {
      seen.add(e.id);
      out.push(e);
    }
  };
  const rank = (query: PhraseQuery, limit: number) => {
    // The engine filters by domain itself, so its suggestions fill up with phrases of that domain.
    const q: PhraseQuery = filters.domain ? { ...query, domain: filters.domain } : query;
    const ranked = suggest ? suggest(q, limit) : simpleSuggest(pool, q).slice(0, limit);
    // Phrases the engine was not built over (user phrases, when it cannot take extras) still count.
    if (suggest && !suggestCoversUser) {
      const known = new Set(ranked.map((s) => s.entry.id));
      const extra = simpleSuggest(pool.filter((e) => isUserPhrase(e)), q).filter((s) => !known.has(s.entry.id));
      return [...extra.map((s) => s.entry), ...ranked.map((s) => s.entry)];
    }
    return ranked.map((s) => s.entry);
  };

  const search = filters.search.trim();
  if (search) {
    // Literal hits first, then what the engine finds related to the words.
    // Then what the engine relates to them: phrases sharing words with the search, and phrases of
    // the themes of the best of those (督查 → 落实). Nothing in common with any phrase: nothing.
    const needle = normalize(search);
    if (needle) for (const e of pool) if (normalize(e.text).includes(needle)) add(e);
    const ranked = rank({ heading: search }, narrowed ? pool.length : SUGGESTION_LIMIT);
    const near = ranked.filter((e) => sharesText(e.text, search));
    if (near.length === 0 && out.length === 0) return out;
    const themes = new Set<string>();
    for (const e of [...out, ...near].slice(0, RELATED_FROM)) for (const t of e.themes) themes.add(t);
    for (const e of ranked) if (sharesText(e.text, search) || e.themes.some((t) => themes.has(t))) add(e);
    return out;
  }
  for (const e of rank(query, narrowed ? pool.length : SUGGESTION_LIMIT)) add(e);
  // With a filter (or nothing to go on), the rest of the pool follows the suggestions.
  if (narrowed || out.length === 0) for (const e of pool) add(e);
  return out;
}
