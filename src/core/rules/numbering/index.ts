import type { Rule } from "../types";
import { headingPunctuation } from "./heading-punctuation";
import { numberingHierarchy } from "./numbering-hierarchy";
import { numberingMarker } from "./numbering-marker";
import { numberingSequence } from "./numbering-sequence";
import { speechCount } from "./speech-count";
import { speechSalutation } from "./speech-salutation";

/** The numbering rules, one file each. */
export const NUMBERING_RULES: Rule[] = [
  numberingSequence,
  numberingHierarchy,
  numberingMarker,
  speechCount,
  speechSalutation,
  headingPunctuation,
];
