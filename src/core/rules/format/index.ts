import type { Rule } from "../types";

/** The format rules, one file each. */
export const FORMAT_RULES: Rule[] = [];
