import type { Rule } from "../types";
import { garbled } from "./garbled";
import { punctuationHalfwidth } from "./punctuation-halfwidth";
import { punctuationPair } from "./punctuation-pair";
import { punctuationForm } from "./punctuation-form";
import { punctuationRepeat } from "./punctuation-repeat";
import { whitespace } from "./whitespace";

/** The punctuation and garbled-text rules, one file each. */
export const TEXT_RULES: Rule[] = [punctuationHalfwidth, punctuationPair, punctuationRepeat, punctuationForm, garbled, whitespace];
