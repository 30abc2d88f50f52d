import type { Rule } from "../types";

/** The numbering rules, one file each. */
export const NUMBERING_RULES: Rule[] = [];
