/**
 * The parts of a paragraph that punctuation rules leave alone: URLs, e-mail addresses,
 * `inline code` and scraping watermarks (reported by the garbled rule instead).
 */
import { findUrlSpans, spanMask } from "./chars";
import { findWatermarkSpans } from "./garbage";

/**
 * A mask (1 = skip) over the paragraph text, or null when nothing is to be skipped. Rules that
 * have the document ask text/summary.ts (DocSummary.skipMask), which works it out once per check.
 */
export function punctuationSkipMask(text: string): Uint8Array | null {
  const spans = findUrlSpans(text);
  const wm = findWatermarkSpans(text);
  for (const s of wm) spans.push(s);
  return spanMask(text.length, spans);
}
