/**
 * The spelling model's public face (issue #10). The model is built by scripts/build-typo-model.js
 * from shippable sources, stored as one binary file, decoded by `decodeSpellModel` (model.ts) and
 * handed to the check through `CheckOptions.spellModel`; rules read it as `ctx.spellModel`. The
 * check runs without it (the curated `typo` list still works): hosts load it only when a check
 * runs, never at start.
 *
 * Everything is held in typed arrays indexed by a dense character id (1…nChars-1; 0 stands for
 * "not a character of the model" and for the edge of a run of Chinese text), so the checker
 * allocates no strings in its inner loops.
 */
export interface SpellModel {
  /** Format version of the decoded file. */
  readonly version: number;
  /** Number of character ids, the unused id 0 included. */
  readonly nChars: number;
  /** UTF-16 code unit → character id (0 when the model does not know the character). */
  readonly charId: Uint16Array;
  /** Character id → UTF-16 code unit. */
  readonly charCode: Uint16Array;

  /** Readings: syllables of character id k are sylIds[sylStart[k] … sylStart[k+1]). */
  readonly sylStart: Uint32Array;
  readonly sylIds: Uint16Array;
  /**
   * Syllable id → the same syllable without tone (a class id); → its class with the initial blurred
   * (z/zh, c/ch, s/sh, n/l) and → its class with the final blurred (an/ang, en/eng, in/ing). Two
   * syllables are near when they differ in one of these ways only.
   */
  readonly sylToneless: Uint16Array;
  readonly sylNearInitial: Uint16Array;
  readonly sylNearFinal: Uint16Array;
  /** Syllable names ("zhong1"), for messages and debugging. */
  readonly sylNames: readonly string[];

  /** Shape neighbours of character id k: shapeIds[shapeStart[k] … shapeStart[k+1]), sorted ascending. */
  readonly shapeStart: Uint32Array;
  readonly shapeIds: Uint16Array;

  /** log P of character id k standing alone as a word (from the segmenter dictionary); very low when it never does. */
  readonly singleLogP: Float32Array;

  /** Words: characters of word w are wordChars[wordStart[w] … wordStart[w] + wordLen[w]). */
  readonly wordCount: number;
  readonly wordStart: Uint32Array;
  readonly wordLen: Uint8Array;
  readonly wordChars: Uint16Array;
  /** log P of word w as a unigram. */
  readonly wordLogP: Float32Array;
  /** Bit 1: protected (idiom, quotation, abbreviation): never changed when it stands in the text. */
  readonly wordFlags: Uint8Array;
  /** Open-addressing table of word ids + 1 by hash of their character ids (see model.ts wordHash). */
  readonly wordTable: Int32Array;
  /**
   * Frequent words with one masked position, for candidate generation: chain heads by hash of (the
   * other characters with the masked position, the toneless sound of the masked character) → entries
   * naming a word, the position and the sound.
   */
  readonly maskHead: Int32Array;
  readonly maskNext: Int32Array;
  readonly maskWord: Int32Array;
  readonly maskPos: Uint8Array;
  readonly maskSound: Uint16Array;
  /** Bit set of the keys in the mask index (model.ts maybeMaskKey), tested before the table. */
  readonly maskBits: Uint32Array;
  /** Near sounds of toneless sound t: nearIds[nearStart[t] … nearStart[t+1]). */
  readonly nearStart: Uint32Array;
  /** Bit set of the hashes of every word prefix of two characters or more, and of every such word (model.ts maybePrefix, maybeWord). */
  readonly prefixBits: Uint32Array;
  /** Bit set of adjacent character pairs inside the target words (model.ts pairSlot); may have false hits. */
  readonly pairBits: Uint32Array;
  /** Words at least this probable (log P) may be a correction's target. */
  readonly targetMinLogP: number;
  readonly nearIds: Uint16Array;

  /**
   * Two-character words by their toneless reading (for whole-word same-sound substitutions): chain
   * heads by hash of the two toneless syllable classes → entries naming a word and its syllables.
   */
  readonly pinHead: Int32Array;
  readonly pinNext: Int32Array;
  readonly pinWord: Int32Array;
  readonly pinSyl: Uint16Array;

  /** Character n-gram language model of official prose (the reports before 2010). */
  readonly lm: CharLM;
}

export interface CharLM {
  /** Unigram log P by character id (add-one smoothed). */
  readonly uniLogP: Float32Array;
  /** Bigram keys a*nChars+b, sorted, with counts; history totals and distinct followers per id. */
  readonly biKeys: Float64Array;
  readonly biCounts: Uint32Array;
  /** Index + 1 into biKeys by hash (model.ts ngramHash with a = -1). */
  readonly biTable: Int32Array;
  readonly histCount: Uint32Array;
  readonly histTypes: Uint32Array;
  /** Trigram keys (a*nChars+b)*nChars+c, sorted, with counts (seen at least twice). */
  readonly triKeys: Float64Array;
  readonly triCounts: Uint32Array;
  readonly triTable: Int32Array;
  /** Per bigram index (as a history): trigram total count and distinct followers. */
  readonly triHistCount: Uint32Array;
  readonly triHistTypes: Uint32Array;
}
