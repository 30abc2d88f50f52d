/**
 * The rule engine: runs a profile's rules over a document model and collects findings.
 */
import type { DocModel } from "./model";
import { buildOutline } from "./numbering/outline";
import type { Outline } from "./numbering/types";
import { resolveProfile, type Profile } from "./profiles";
import { ALL_RULES } from "./rules";
import type { Finding, Report, Rule, RuleContext, Severity } from "./rules/types";
import type { SpellModel } from "./spell/types";

export interface CheckOptions {
  profile?: Profile;
  /** Run only these rules (ids); default: every rule the profile does not turn off. */
  only?: string[];
  /** Rule list to use instead of ALL_RULES (tests). */
  rules?: Rule[];
  /**
   * Let a rule's exception escape instead of turning it into a finding. For tests and the fuzz
   * harness, which must see every crash; never set in the CLI or the taskpane.
   */
  rethrow?: boolean;
  /** The spelling model, when the host has loaded it (see core/spell/types.ts). */
  spellModel?: SpellModel;
}

/** The messageId of the finding that stands for a rule which threw. */
export const RULE_CRASHED = "rule-crashed";
/** The messageId of the finding that says a rule found more than FINDINGS_PER_RULE and the rest are not listed. */
export const RULE_CAPPED = "too-many-findings";
/**
 * The most findings one rule lists in one check. A clerk works through a few hundred at most; a
 * pasted table of 500,000 spaced digits would otherwise make as many findings, each kept to the
 * end of the check (their memory, and the garbage collector's work over it, grows faster than the
 * text), and a list no pane can show. The rest are counted and said in one finding; after fixing,
 * the next check lists them.
 */
export const FINDINGS_PER_RULE = 2000;

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };
const EXCERPT_MAX = 40;

export function excerptOf(text: string, start: number, end: number): string {
  if (end > start) {
    const s = text.slice(start, end);
    return s.length > EXCERPT_MAX ? s.slice(0, EXCERPT_MAX - 1) + "…" : s;
  }
  const s = text.slice(start, start + EXCERPT_MAX);
  return s.length < text.length - start ? s + "…" : s;
}

/** The rules a profile runs, with their effective severity. */
export function activeRules(profile: Profile, rules: Rule[] = ALL_RULES): Array<{ rule: Rule; severity: Severity }> {
  const out: Array<{ rule: Rule; severity: Severity }> = [];
  for (const rule of rules) {
    const setting = profile.rules[rule.id];
    if (setting === "off") continue;
    out.push({ rule, severity: setting ?? rule.severity });
  }
  return out;
}

/**
 * A finding's severity. A rule may report one finding milder or stricter than its default
 * (「其它」 is only info; an impossible date is an error). A unit's explicit setting for the rule
 * wins, except that a finding the rule itself made milder than its default stays that mild.
 */
export function effectiveSeverity(rule: Rule, setting: Severity | "off" | undefined, reported?: Severity): Severity {
  const own = reported ?? rule.severity;
  if (!setting || setting === "off") return own;
  const milderThanDefault = SEVERITY_ORDER[own] > SEVERITY_ORDER[rule.severity];
  return milderThanDefault && SEVERITY_ORDER[own] > SEVERITY_ORDER[setting] ? own : setting;
}

/**
 * The rules that have a setting for one of their checks ("rule/messageId"), or null when none has:
 * most profiles set none, and looking one up for every finding would build a key string each time.
 */
function rulesWithCheckSettings(profile: Profile): Set<string> | null {
  let out: Set<string> | null = null;
  for (const key in profile.rules) {
    const slash = key.indexOf("/");
    if (slash > 0) (out ??= new Set()).add(key.slice(0, slash));
  }
  return out;
}

export function check(doc: DocModel, options: CheckOptions = {}): Finding[] {
  const profile = options.profile ?? resolveProfile("speech");
  // Built once, up front: nearly every profile runs rules that read it, and building it before the
  // findings pile up keeps it out of the garbage collector's way.
  const outline: Outline = buildOutline(doc);
  const findings: Finding[] = [];
  const userWords: ReadonlySet<string> = new Set(profile.words ?? []);
  const withChecks = rulesWithCheckSettings(profile);
  for (const { rule } of activeRules(profile, options.rules)) {
    if (options.only && !options.only.includes(rule.id)) continue;
    if (rule.needsFormatting && !doc.hasFormatting) continue;
    const setting = profile.rules[rule.id];
    const checkSettings = withChecks !== null && withChecks.has(rule.id);
    const before = findings.length;
    let kept = 0;
    let dropped = 0;
    const ctx: RuleContext = {
      doc,
      outline,
      profile,
      options: profile.ruleOptions[rule.id] ?? {},
      spellModel: options.spellModel,
      userWords,
      report(r: Report) {
        // One check of a rule can be set on its own ("rule/messageId"); it overrides the rule's setting.
        const sub = r.messageId === undefined || !checkSettings ? undefined : profile.rules[`${rule.id}/${r.messageId}`];
        if (sub === "off") return;
        if (kept >= FINDINGS_PER_RULE) {
          dropped++;
          return;
        }
        kept++;
        const own = sub ?? setting;
        const p = doc.paragraphs[r.paragraph];
        const f: Finding = {
          rule: rule.id,
          category: rule.category,
          severity: r.severity === undefined && own === undefined ? rule.severity : effectiveSeverity(rule, own, r.severity),
          paragraph: r.paragraph,
          start: r.start,
          end: r.end,
          excerpt: excerptOf(p ? p.text : "", r.start, r.end),
          message: r.message,
        };
        if (r.messageId !== undefined) f.messageId = r.messageId;
        if (r.fix) f.fix = r.fix;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx);
      if (dropped > 0) {
        // At the top (paragraph 0 sorts first), so the clerk reads it before the list it cuts short.
        findings.push({
          rule: rule.id,
          category: rule.category,
          severity: "info",
          paragraph: 0,
          start: 0,
          end: 0,
          excerpt: "",
          message: `规则“${rule.title}”发现的问题过多（共 ${kept + dropped} 处），只列出前 ${kept} 处；修复后再次检查可看到其余的。`,
          messageId: RULE_CAPPED,
        });
      }
    } catch (e) {
      if (options.rethrow) throw e;
      // One rule's fault must not cost the clerk every other rule's findings: drop what this rule
      // reported (it may be half-made) and say plainly that it was skipped.
      findings.length = before;
      findings.push({
        rule: rule.id,
        category: rule.category,
        severity: "warning",
        paragraph: 0,
        start: 0,
        end: 0,
        excerpt: "",
        message: `规则“${rule.title}”出错，已跳过，其余检查照常。`,
        messageId: RULE_CRASHED,
      });
    }
  }
  findings.sort(
    (a, b) =>
      a.paragraph - b.paragraph ||
      a.start - b.start ||
      SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return findings;
}
