/**
 * Outline templates (提纲模板) and the outline actions the 大纲 tab and the CLI share.
 * Pure data and functions: no Word, Office or DOM.
 */
import type { InsertParagraph } from "../host";
import type { FormatEdit, TextEdit } from "../edits";

/** The second-level form a clerk picks: （一） headings, or run-in 一是/第一 items in body paragraphs. */
export type SecondLevelForm = "heading" | "yishi" | "diyi";

export interface SkeletonOptions {
  /** Number of top-level sections 一、 (2–6). */
  sections: number;
  /** Number of second-level items per section (0–5). */
  subsections: number;
  secondLevel: SecondLevelForm;
}

export interface Template {
  /** The Chinese name, used as the id on the command line: 工作会议讲话, 通知, 请示 … */
  name: string;
  /** Which profile checks it: speech or gongwen. */
  profile: "speech" | "gongwen";
  /** One line saying what it is for. */
  description: string;
  /** Default options. */
  defaults: SkeletonOptions;
  build(options: SkeletonOptions): InsertParagraph[];
}

/** Statistics of one outline node for the 大纲 tab's tree. */
export interface SectionStats {
  paragraph: number;
  /** Characters in the section (its heading and everything until the next heading of the same or a higher level), spaces excluded. */
  chars: number;
  /** Estimated speaking time in seconds at the given pace. */
  seconds: number;
}

/** What 插入下一标题 inserts: the text (marker included) and its role. */
export type NextHeading = InsertParagraph;

/** Edits that renumber one broken sibling group (the same fix numbering-sequence offers). */
export type RenumberPlan = TextEdit[];

/** Formatting 一键排版 applies, by detected level; text is never touched. */
export type FormatPlan = FormatEdit[];
