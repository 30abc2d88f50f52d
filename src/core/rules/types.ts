import type { DocModel } from "../model";
import type { Outline } from "../numbering/types";
import type { Profile } from "../profiles";
import type { SpellModel } from "../spell/types";
import type { Fix } from "../edits";
import type { Severity, Category } from "../findings";
import type { RuleOptionSchema } from "../ruleOptions";

// The shared vocabulary lives in core/edits.ts and core/findings.ts; rules keep importing it from
// here ("../types"), everything outside the rules folder imports it from those modules.
export { CATEGORIES, type Category, type Finding, type Severity } from "../findings";
export type { FormatEdit, FormatPatch, Fix, PagePatch, TextEdit } from "../edits";
export type { RuleOptionSchema } from "../ruleOptions";

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
