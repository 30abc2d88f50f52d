import type { Rule } from "../types";
import { formatFont } from "./format-font";
import { formatPage } from "./format-page";
import { formatParagraph } from "./format-paragraph";

/** The format rules, one file each. */
export const FORMAT_RULES: Rule[] = [formatFont, formatParagraph, formatPage];
