import type { Rule } from "../types";

/** The content rules (placeholders, typos, numbers, dates, document numbers), one file each. */
export const CONTENT_RULES: Rule[] = [];
