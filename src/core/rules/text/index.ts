import type { Rule } from "../types";

/** The punctuation and garbled-text rules, one file each. */
export const TEXT_RULES: Rule[] = [];
