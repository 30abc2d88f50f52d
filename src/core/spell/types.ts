/**
 * The spelling model's public face (issue #10). The model is built by scripts/build-typo-model.js
 * from shippable sources, stored as one binary file, decoded by `decodeSpellModel` (model.ts) and
 * handed to the check through `CheckOptions.spellModel`; rules read it as `ctx.spellModel`. The
 * check runs without it (the curated `typo` list still works): hosts load it only when a check
 * runs, never at start.
 */
export interface SpellModel {
  /** Format version of the decoded file. */
  readonly version: number;
}
