/**
 * The built-in phrase library: the data files concatenated. Kept apart from the ranking code so
 * the taskpane can load the data on demand (`await import("…/phrases/library")`).
 * part1–3 are the 办公室 library; part4–8 the other offices (issue #11), two or three domains each.
 */
import part1 from "./data/part1.json";
import part2 from "./data/part2.json";
import part3 from "./data/part3.json";
import part4 from "./data/part4.json";
import part5 from "./data/part5.json";
import part6 from "./data/part6.json";
import part7 from "./data/part7.json";
import part8 from "./data/part8.json";
import type { PhraseEntry } from "./types";

let cached: PhraseEntry[] | undefined;

export function loadLibrary(): PhraseEntry[] {
  if (!cached) {
    cached = ([] as PhraseEntry[]).concat(
      ...([part1, part2, part3, part4, part5, part6, part7, part8] as unknown as PhraseEntry[][]),
    );
  }
  return cached;
}
