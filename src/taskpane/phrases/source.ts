/**
 * Where the 提示语 tab gets its phrases: the library and the ranking engine, loaded on demand
 * (dynamic imports, so webpack puts them in their own chunk and the taskpane opens without them).
 * Tests inject their own source.
 */
import type { DocumentPart } from "../../core/phrases/position";
import type { Domain, PhraseEntry } from "../../core/phrases/types";

/** What to rank for: the heading under the cursor (marker included) and where the cursor is. */
export interface PhraseQuery {
  heading: string;
  /** 1 = 一、, 2 = （一）, 3 = 1., 4 = （1）. */
  level?: number;
  /** The text around the cursor and the part of the speech it is in (opening, section, closing). */
  context?: { before?: string; after?: string; part?: DocumentPart };
  /** Only phrases of this domain (and those that name none). */
  domain?: Domain;
}

export interface Suggestion {
  entry: PhraseEntry;
  score: number;
}

export type SuggestFn = (q: PhraseQuery, limit?: number) => Suggestion[];

export interface LoadedPhrases {
  /** The whole library. */
  entries: PhraseEntry[];
  /** Ranks the library for a query, best first. */
  suggest: SuggestFn;
  /** The same ranking over the library plus `extra` (the clerk's own phrases), when the source can. */
  withExtra?(extra: PhraseEntry[]): SuggestFn;
}

export interface PhraseSource {
  load(): Promise<LoadedPhrases>;
}

let cached: Promise<LoadedPhrases> | undefined;

/** The built-in library and engine, each loaded once per page (a failed load can be retried). */
export const libraryPhraseSource: PhraseSource = {
  load() {
    cached ??= Promise.all([
      import(/* webpackChunkName: "phrases" */ "../../core/phrases/library"),
      import(/* webpackChunkName: "phrases" */ "../../core/phrases/index"),
    ]).then(
      ([lib, engine]) => {
        const entries = lib.loadLibrary();
        const index = engine.buildIndex(entries);
        const over = (i: ReturnType<typeof engine.buildIndex>): SuggestFn => (q, limit) => engine.suggest(i, q, limit);
        return { entries, suggest: over(index), withExtra: (extra) => (extra.length ? over(engine.buildIndex([...entries, ...extra])) : over(index)) };
      },
      (e: unknown) => {
        cached = undefined;
        throw e;
      },
    );
    return cached;
  },
};
