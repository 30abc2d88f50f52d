/**
 * Heading markers (序次语) and the outline tree built from them.
 *
 * Levels per GB/T 9704-2012 7.3.3 / GB/T 15834-2011 B.3:
 *   1 一、   2 （一）   3 1.   4 （1）   5 ①
 */

export type MarkerKind =
  /** 一、 */
  | "cn-dun"
  /** （一） */
  | "cn-paren"
  /** 1. or 1． */
  | "arabic-dot"
  /** （1） */
  | "arabic-paren"
  /** ① */
  | "circled";

/** A deviation from the correct form of a marker. */
export type MarkerFault =
  /** (一) (1) with half-width brackets */
  | "halfwidth-paren"
  /** 一. 一． 一， 一: after a Chinese numeral instead of 、 */
  | "cn-wrong-punct"
  /** 1、 1， after an Arabic numeral instead of . */
  | "arabic-wrong-punct"
  /** （一）、 （1）. punctuation after a bracketed marker */
  | "paren-extra-punct"
  /** a space (half- or full-width) after the marker */
  | "space-after"
  /** a space inside the marker: （ 2 ）, 1 ., 一 、 */
  | "space-inside"
  /** §2. — the section sign is not a 序次语; the marker is 2. */
  | "section-sign"
  /** mixed brackets like （一) or (一） */
  | "mismatched-paren"
  /** full-width digits like １． */
  | "fullwidth-digit";

export interface Marker {
  kind: MarkerKind;
  /** 1 … 5, from the kind. */
  level: number;
  /** The number the marker stands for (一 → 1, 十二 → 12, ③ → 3). */
  value: number;
  /** The marker exactly as written, including any faulty punctuation / space. */
  raw: string;
  /** Offsets of `raw` in Paragraph.text; both 0 when the marker is the auto-numbered list label. */
  start: number;
  end: number;
  /** True when the marker is Word's auto-numbered list label, not typed text. */
  fromLabel: boolean;
  /** The correct form of this marker, e.g. "（一）" for "(一)". */
  canonical: string;
  faults: MarkerFault[];
  /** Offsets of the numeral itself (一 / 十二 / 3 / ③) in Paragraph.text; 0 for list labels. */
  numStart?: number;
  numEnd?: number;
  /** For arabic-dot markers written with a valid dot: which one ("1." or "1．"). */
  dot?: "." | "．";
}

export type RunInKind =
  /** 一是 / 二是 */
  | "yishi"
  /** 第一， / 第二， */
  | "diyi"
  /** 一要 / 二要 */
  | "yiyao"
  /** 首先 / 其次 / 再次 / 最后 */
  | "shouxian"
  /** 其一 / 其二 */
  | "qiyi";

/** A run-in enumeration item inside a paragraph. */
export interface RunIn {
  kind: RunInKind;
  /** 1-based position (一是 → 1, 其次 → 2, 最后 → the count so far + 1). */
  value: number;
  /** The run-in as written, including `punct`. */
  raw: string;
  start: number;
  end: number;
  /** Punctuation written right after the run-in (「，」 after 第一, 「：」 in the faulty 一是：), or "". */
  punct: string;
}

export interface OutlineNode {
  paragraph: number;
  marker: Marker;
  /** Heading text after the marker. */
  title: string;
  /** True when the paragraph holds only a heading (no run-in body text after it). */
  standalone: boolean;
  parent?: OutlineNode;
  children: OutlineNode[];
  /** Depth in the tree (roots = 1), independent of the marker's nominal level. */
  depth: number;
  /** True for a heading marker found mid-paragraph after 。 (see Outline.merged); not in byParagraph. */
  merged?: boolean;
  /** Index into Outline.segments: which speech of a compilation this heading belongs to. */
  segment?: number;
}

/** A heading marker found in mid-paragraph after 。, i.e. paragraphs merged by copy-paste. */
export interface MergedHeading {
  paragraph: number;
  marker: Marker;
}

export interface Outline {
  /** Top-level nodes in document order. */
  roots: OutlineNode[];
  /** Every heading in document order. */
  headings: OutlineNode[];
  /** Heading node by paragraph index. */
  byParagraph: Map<number, OutlineNode>;
  /** Run-in enumerations by paragraph index. */
  runIns: Map<number, RunIn[]>;
  merged: MergedHeading[];
  /** Paragraph index of the document title, if one is recognised. */
  title?: number;
  /** Paragraph index of the salutation line (同志们：), if any. */
  salutation?: number;
  /**
   * First paragraph of each speech when the file holds several (a compilation where a new
   * 称谓 line follows numbered sections). [0] for an ordinary document.
   */
  segments?: number[];
}
