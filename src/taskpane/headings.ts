/**
 * Which paragraph is a heading, and at what level, for the cursor context (提示语) and the
 * preview document. Uses the core marker parser: typed markers (一、（一）1.（1）) or Word's
 * auto-numbered list label; a paragraph styled with an outline level counts too.
 */
import type { Paragraph } from "../core/model";
import { markerFromLabel, parseMarker } from "../core/numbering/markers";

/** Level 1 (一、) … 4 (（1）); levels beyond 4 (①) are list items, not headings. */
const MAX_HEADING_LEVEL = 4;

/** Longest paragraph still taken as a heading when it has no marker but an outline level. */
const STYLED_HEADING_MAX = 60;

export function headingLevelOf(p: Pick<Paragraph, "text" | "listLabel" | "outlineLevel">): number | undefined {
  const marker = (p.listLabel ? markerFromLabel(p.listLabel) : null) ?? parseMarker(p.text);
  if (marker) return marker.level <= MAX_HEADING_LEVEL ? marker.level : undefined;
  if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < MAX_HEADING_LEVEL && p.text.length <= STYLED_HEADING_MAX) {
    return p.outlineLevel + 1;
  }
  return undefined;
}

/** Level of a heading given as display text (list label + text), e.g. 「（二）正视问题」 → 2. */
export function headingLevelOfText(text: string): number | undefined {
  return headingLevelOf({ text });
}
