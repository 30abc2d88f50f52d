/**
 * What a check reports: severities (with the Chinese names and the order every list uses),
 * categories and findings. Hosts, the taskpane and the CLI import these from here, not from the
 * rules folder.
 */
import type { Fix } from "./edits";

/** Most serious first: the order lists and counts use. */
export const SEVERITIES = ["error", "warning", "info"] as const;
export type Severity = (typeof SEVERITIES)[number];

/** How a clerk reads each severity. */
export const SEVERITY_LABEL: Record<Severity, string> = { error: "错误", warning: "警告", info: "提示" };

/** Rank for sorting: 0 is the most serious. */
export const SEVERITY_RANK: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

/** Every finding carries one of these categories (exposed as `category` in the JSON output). */
export const CATEGORIES = [
  "numbering.sequence",
  "numbering.hierarchy",
  "numbering.marker",
  "structure.count",
  "structure.speech",
  "heading.punctuation",
  "punctuation.width",
  "punctuation.pair",
  "punctuation.repeat",
  "placeholder",
  "typo",
  "number.format",
  "date.format",
  "docno.format",
  "format.font",
  "format.paragraph",
  "format.page",
  "garbled",
  /** Stray spaces inside Chinese text (GB/T 15834 has no space beside full-width marks). */
  "whitespace",
  /** Wrong forms of dashes, ranges, tildes and ellipses (GB/T 15834 4.10, 4.11, 4.13). */
  "punctuation.form",
] as const;
export type Category = (typeof CATEGORIES)[number];

export interface Finding {
  rule: string;
  category: Category;
  severity: Severity;
  /** Index into DocModel.paragraphs. */
  paragraph: number;
  /** Character offsets in the paragraph text (list label excluded), end exclusive. */
  start: number;
  end: number;
  excerpt: string;
  message: string;
  /** Which check of the rule made this finding (a key of the rule's `messages`). */
  messageId?: string;
  fix?: Fix;
}
