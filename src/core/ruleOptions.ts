/**
 * What a unit config needs to know of a rule to validate its settings and options. Kept apart
 * from rules/types.ts so profiles.ts can use it without importing the rule vocabulary (which
 * itself names the Profile).
 */

/** One rule option: its JSON type and a Chinese description (used in config errors). */
export interface RuleOptionSchema {
  type: "boolean" | "number" | "string" | "string[]" | "string-pairs";
  description: string;
  /** Bounds for numbers. */
  min?: number;
  max?: number;
}

/** A rule's id, its checks (messageId → Chinese name) and its options. */
export interface RuleInfo {
  id: string;
  messages?: Record<string, string>;
  options?: Record<string, RuleOptionSchema>;
}
