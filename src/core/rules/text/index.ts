import type { Rule } from "../types";

/** The text rules, one file each. */
export const TEXT_RULES: Rule[] = [];
