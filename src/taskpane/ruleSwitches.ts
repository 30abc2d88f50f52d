/**
 * 规则设置: rules a clerk switches off in the 检查 tab, one set per 文稿类型 (profile), kept where
 * 忽略此规则 keeps its rules — the document state's `ignoredRules` — as "<profile>:<rule>" entries.
 * Keeping them in that list rather than a new field means both hosts store and return them as
 * they are (the Word host keeps every string of the list; the preview clones it), and a pane that
 * does not know the form simply never matches them against a finding: no ":" occurs in a rule id
 * or in "rule/check" keys.
 *
 * The difference from 忽略此规则: a switched-off rule is not run at all — it reaches the check as
 * the profile's setting "off" (withRuleSwitches), so the worker skips it. The document's own
 * whole-rule ignores ("rule" entries) count as off in the settings view too, and switching such a
 * rule on there lifts the ignore.
 *
 * Everything here reads the state defensively: whatever a document carries (another version's
 * entries, garbage), the functions never throw and fall back to "every rule on".
 */
import type { DocumentState } from "../core/host";
import type { Finding } from "../core/findings";
import type { Profile } from "../core/profiles";

const SEP = ":";
/**
 * What a switch may name: kebab-case ids only. The check keeps the ids as keys of
 * `profile.rules`, so nothing like "__proto__" may get there from a document.
 */
const ID = /^[a-z0-9-]{1,64}$/;

interface Switch {
  profile: string;
  rule: string;
}

/** The stored entry for a rule switched off in one profile. */
export function switchKey(profileId: string, ruleId: string): string {
  return `${profileId}${SEP}${ruleId}`;
}

function parseSwitch(entry: unknown): Switch | undefined {
  if (typeof entry !== "string") return undefined;
  const at = entry.indexOf(SEP);
  if (at < 0) return undefined;
  const profile = entry.slice(0, at);
  const rule = entry.slice(at + 1);
  return ID.test(profile) && ID.test(rule) ? { profile, rule } : undefined;
}

/** The string entries of a state's list, whatever the state holds. */
function strings(state: unknown, key: keyof DocumentState): string[] {
  if (typeof state !== "object" || state === null) return [];
  const list = (state as Record<string, unknown>)[key];
  return Array.isArray(list) ? list.filter((x): x is string => typeof x === "string") : [];
}

/** A state with clean lists, to build the next one from. */
function clean(state: unknown): DocumentState {
  return { ignoredFindings: strings(state, "ignoredFindings"), ignoredRules: strings(state, "ignoredRules") };
}

/** Rules switched off for `profileId` in the settings view. */
export function switchedOff(state: unknown, profileId: string): Set<string> {
  const out = new Set<string>();
  for (const e of strings(state, "ignoredRules")) {
    const s = parseSwitch(e);
    if (s && s.profile === profileId) out.add(s.rule);
  }
  return out;
}

/** Whole rules ignored in this document with 忽略此规则 (for every profile). */
export function ignoredWholeRules(state: unknown): Set<string> {
  return new Set(strings(state, "ignoredRules").filter((e) => !e.includes(SEP) && !e.includes("/")));
}

/**
 * Switches a rule on or off for one profile. On also lifts a 忽略此规则 of the whole rule, which
 * the settings view shows as off: otherwise the switch would move and the findings stay hidden.
 */
export function setRuleOn(state: unknown, profileId: string, ruleId: string, on: boolean): DocumentState {
  const next = clean(state);
  const key = switchKey(profileId, ruleId);
  const rest = next.ignoredRules.filter((e) => e !== key && !(on && e === ruleId));
  return { ...next, ignoredRules: on ? rest : [...rest, key] };
}

/** 恢复默认: every rule of the profile on again (switches of other profiles stay). */
export function resetRules(state: unknown, profileId: string): DocumentState {
  const next = clean(state);
  const whole = ignoredWholeRules(next);
  return {
    ...next,
    ignoredRules: next.ignoredRules.filter((e) => !whole.has(e) && parseSwitch(e)?.profile !== profileId),
  };
}

/** The profile the check runs with: its own settings, plus "off" for each rule switched off. */
export function withRuleSwitches(profile: Profile, state: unknown): Profile {
  const off = switchedOff(state, profile.id);
  if (off.size === 0) return profile;
  const rules = { ...profile.rules };
  for (const id of off) rules[id] = "off";
  return { ...profile, rules };
}

/** Findings of the last check without those of rules switched off since (they vanish at once). */
export function withoutSwitchedOff(findings: Finding[], state: unknown, profileId: string): Finding[] {
  const off = switchedOff(state, profileId);
  return off.size === 0 ? findings : findings.filter((f) => !off.has(f.rule));
}

/** Whether there is anything for 恢复已忽略的内容 to restore (rule switches are not ignores). */
export function hasIgnores(state: unknown): boolean {
  return strings(state, "ignoredFindings").length > 0 || strings(state, "ignoredRules").some((e) => parseSwitch(e) === undefined);
}

/** 恢复已忽略的内容: ignored places and rules back, the rule switches kept. */
export function withoutIgnores(state: unknown): DocumentState {
  return { ignoredFindings: [], ignoredRules: strings(state, "ignoredRules").filter((e) => parseSwitch(e) !== undefined) };
}
