import type { Alignment, DocModel, LineSpacing } from "../model";
import type { Outline } from "../numbering/types";
import type { Profile } from "../profiles";
import type { SpellModel } from "../spell/types";

export type Severity = "error" | "warning" | "info";

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

/** Replace [start, end) of a paragraph's text (list label excluded) with `text`. */
export interface TextEdit {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Formatting to set on a whole paragraph (and all its runs). Text is never touched. */
export interface FormatPatch {
  fontEastAsia?: string;
  fontLatin?: string;
  sizePt?: number;
  bold?: boolean;
  alignment?: Alignment;
  firstLineIndentChars?: number;
  lineSpacing?: LineSpacing;
  outlineLevel?: number;
}

export interface FormatEdit {
  paragraph: number;
  set: FormatPatch;
}

export interface PagePatch {
  pageWidthMm?: number;
  pageHeightMm?: number;
  marginTopMm?: number;
  marginBottomMm?: number;
  marginLeftMm?: number;
  marginRightMm?: number;
}

export interface Fix {
  /** What the fix does, in Chinese, e.g. 「改为全角逗号“，”」. */
  description: string;
  text?: TextEdit[];
  format?: FormatEdit[];
  page?: PagePatch;
}

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

/** What a rule reports; the engine adds rule id, category, severity and excerpt. */
export interface Report {
  paragraph: number;
  start: number;
  end: number;
  message: string;
  /**
   * Which of the rule's checks this is: a key of `Rule.messages`. Required when the rule declares
   * `messages`. A unit can turn one check off with `"rules": {"<rule>/<messageId>": "off"}`.
   */
  messageId?: string;
  fix?: Fix;
  /** Overrides the rule's severity for this one finding (e.g. info for 讲4点意见). */
  severity?: Severity;
}

export interface RuleContext {
  doc: DocModel;
  /** The outline tree of the draft, built once and shared by all rules. */
  readonly outline: Outline;
  profile: Profile;
  /** This rule's options from the profile / unit config (may be empty). */
  options: Record<string, unknown>;
  /** The spelling model when the host loaded one (CheckOptions.spellModel); rules must work without it. */
  readonly spellModel?: SpellModel;
  /** The user dictionary (profile.words) as a set: typo rules never flag a span inside one of these words. */
  readonly userWords: ReadonlySet<string>;
  report(r: Report): void;
}

export interface Rule {
  /** Stable id, kebab-case, e.g. "punctuation-halfwidth". */
  id: string;
  category: Category;
  /** Default severity; a profile or unit config may change it or turn the rule off. */
  severity: Severity;
  /** Short Chinese name shown in lists, e.g. 「中文中的半角标点」. */
  title: string;
  /** One-line Chinese explanation of what is checked. */
  description: string;
  /** Where the rule comes from, e.g. "GB/T 9704-2012 7.3.3". */
  source: string;
  /** Needs fonts, indents or page setup; skipped for plain-text input. */
  needsFormatting?: boolean;
  /** True when the rule can offer a fix (the rule tester holds a rule to it both ways). */
  fixable?: boolean;
  /**
   * The distinct checks inside the rule, as in ESLint's `meta.messages`: a stable id (kebab-case)
   * → a short Chinese name of the check (shown when a clerk switches one check off). Ids are kept
   * once published: configs and ignore lists name them.
   */
  messages?: Record<string, string>;
  /** The options the rule reads from `ctx.options`, validated when a unit config is loaded. */
  options?: Record<string, RuleOptionSchema>;
  check(ctx: RuleContext): void;
}

/** One rule option: its JSON type and a Chinese description (used in config errors). */
export interface RuleOptionSchema {
  type: "boolean" | "number" | "string" | "string[]" | "string-pairs";
  description: string;
  /** Bounds for numbers. */
  min?: number;
  max?: number;
}
