/**
 * Offline evaluation of the ranking: mean precision@k over headings with expected themes. A
 * suggestion counts when one of its themes is one of the heading's expected themes.
 *
 * A case may say which part of the document its heading sits in (opening, section, closing): the
 * host passes that with the cursor (core/host.ts CursorContext.part), so the ranking is given it
 * here too. Nothing else of a case (its domain, its source) reaches the ranking.
 */
import { buildIndex, suggest, type DocumentPart, type PhraseIndex, type SuggestQuery, type Suggestion } from "./index";
import type { PhraseEntry, Theme } from "./types";

export interface EvalCase {
  heading: string;
  level?: number;
  /** One to three themes a good suggestion for this heading has. */
  themes: Theme[];
  part?: DocumentPart;
}

export interface EvalCaseResult {
  heading: string;
  precision: number;
  suggestions: Suggestion[];
}

export interface EvalResult {
  k: number;
  meanPrecision: number;
  cases: EvalCaseResult[];
}

export function precisionAtK(suggestions: readonly Suggestion[], expected: readonly Theme[], k: number): number {
  if (k <= 0) return 0;
  let hits = 0;
  for (const s of suggestions.slice(0, k)) if (s.entry.themes.some((t) => expected.includes(t))) hits++;
  return hits / k;
}

export function evaluate(library: PhraseEntry[] | PhraseIndex, cases: readonly EvalCase[], k = 5): EvalResult {
  const index = Array.isArray(library) ? buildIndex(library) : library;
  const results: EvalCaseResult[] = cases.map((c) => {
    const query: SuggestQuery = { heading: c.heading, level: c.level };
    if (c.part === "opening" || c.part === "section" || c.part === "closing") query.context = { part: c.part };
    const suggestions = suggest(index, query, k);
    return { heading: c.heading, precision: precisionAtK(suggestions, c.themes, k), suggestions };
  });
  const meanPrecision = results.length ? results.reduce((a, r) => a + r.precision, 0) / results.length : 0;
  return { k, meanPrecision, cases: results };
}
