/**
 * Where a clicked phrase goes, so that inserting one never damages the text around it.
 *
 * A phrase suggested for a heading belongs under that heading, not inside it: typed into a heading
 * it would split it (「一、提」+ phrase +「高思想认识」), and replacing a selected heading (the 大纲 tree
 * selects the heading it jumps to) would delete it. So:
 *  - the cursor or selection in a heading paragraph (a standalone heading, or the heading sentence of
 *    a run-in heading 「（一）加强学习。要……」): a new body paragraph after that paragraph;
 *  - a selection the pane made itself (the 检查 list or the 大纲 tree selects text): kept, and the
 *    phrase goes right after it;
 *  - a selection over several paragraphs: a new body paragraph after the last one;
 *  - a selection the clerk made in a body paragraph: replaced, as typing would;
 *  - a caret in a body paragraph: inserted at the caret.
 */
import { markerFromLabel, parseMarker } from "../numbering/markers";

export type PhrasePlacement = "new-paragraph" | "after-selection" | "replace-selection" | "caret";

export interface PlacementInput {
  /** The text of the paragraph holding the start of the selection (list label excluded). */
  text: string;
  /** Word's auto-numbered list label of that paragraph, if any (「一、」). */
  listLabel?: string;
  /** A heading by its style's outline level (1–9), whatever its text says. */
  headingStyle?: boolean;
  /** Selection offsets in that paragraph; start = end for a caret. */
  start: number;
  end: number;
  /** The selection runs into a later paragraph. */
  multiParagraph: boolean;
  /** The selection is the one the pane itself made (select()), not the clerk's. */
  paneSelection: boolean;
}

const SENTENCE_END = "。！？";

/**
 * How many leading characters of a paragraph are heading: the whole paragraph for a standalone
 * heading, the first sentence of a run-in heading, 0 for body text.
 */
export function headingLength(text: string, listLabel?: string, headingStyle?: boolean): number {
  const marked = (listLabel !== undefined && markerFromLabel(listLabel) !== null) || parseMarker(text) !== null;
  if (!marked && !headingStyle) return 0;
  if (headingStyle) return text.length;
  for (let i = 0; i < text.length; i++) {
    // The heading sentence ends at the first sentence end with more text after it (a run-in).
    if (SENTENCE_END.includes(text[i]) && text.slice(i + 1).trim().length > 0) return i + 1;
  }
  return text.length;
}

export function placePhrase(input: PlacementInput): PhrasePlacement {
  const head = headingLength(input.text, input.listLabel, input.headingStyle);
  // start < head: the caret or selection begins inside the heading (a caret right after a run-in
  // heading's 。 is body text; a caret at the very end of a standalone heading is still the heading).
  const inHeading = head > 0 && (input.start < head || head === input.text.length);
  if (inHeading || input.multiParagraph) return "new-paragraph";
  if (input.start === input.end) return "caret";
  return input.paneSelection ? "after-selection" : "replace-selection";
}

/** What the pane tells the clerk after inserting. */
export const PLACEMENT_NOTE: Record<PhrasePlacement, string> = {
  "new-paragraph": "已另起一段插入到所在段落之后，原有文字未改动。",
  "after-selection": "已插入到选中内容之后。",
  "replace-selection": "已替换选中的文字。",
  caret: "已插入到光标处。",
};
