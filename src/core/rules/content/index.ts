import type { Rule } from "../types";
import { dateFormat } from "./date-format";
import { docnoFormat } from "./docno-format";
import { numberFormat } from "./number-format";
import { placeholder } from "./placeholder";
import { spelling } from "./spelling";
import { typo } from "./typo";

/** The content rules (placeholders, typos, numbers, dates, document numbers), one file each. */
export const CONTENT_RULES: Rule[] = [placeholder, typo, spelling, numberFormat, dateFormat, docnoFormat];
