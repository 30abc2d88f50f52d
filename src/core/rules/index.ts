import { CONTENT_RULES } from "./content";
import { FORMAT_RULES } from "./format";
import { NUMBERING_RULES } from "./numbering";
import { TEXT_RULES } from "./text";
import type { Rule } from "./types";

export type { Rule, RuleContext, Report } from "./types";

/** Every rule, in the order the README lists them. */
export const ALL_RULES: Rule[] = [...NUMBERING_RULES, ...TEXT_RULES, ...CONTENT_RULES, ...FORMAT_RULES];

export function ruleById(id: string): Rule | undefined {
  return ALL_RULES.find((r) => r.id === id);
}
