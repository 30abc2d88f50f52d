/**
 * The built-in phrase library: the three data files concatenated. Kept apart from the ranking
 * code so the taskpane can load the data on demand (`await import("…/phrases/library")`).
 */
import part1 from "./data/part1.json";
import part2 from "./data/part2.json";
import part3 from "./data/part3.json";
import type { PhraseEntry } from "./types";

let cached: PhraseEntry[] | undefined;

export function loadLibrary(): PhraseEntry[] {
  if (!cached) cached = ([] as PhraseEntry[]).concat(part1 as PhraseEntry[], part2 as PhraseEntry[], part3 as PhraseEntry[]);
  return cached;
}
