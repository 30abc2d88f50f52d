/**
 * Table-driven tests for one rule, in the manner of ESLint's RuleTester.
 *
 *   runRuleTests(rule, {
 *     valid: ["text that must give no finding", { doc: makeDoc([...]) }],
 *     invalid: [{ text: "…", findings: [{ excerpt: "(一)" }], output: "fixed text" }],
 *   });
 *
 * A string / `text` is split into paragraphs at "\n" (plain-text model). Every rule needs at
 * least five valid and five invalid cases.
 */
import { check } from "../../src/core/engine";
import { applyFixes } from "../../src/core/fixes";
import { docFromText, type DocModel } from "../../src/core/model";
import { resolveProfile, type Profile, type UnitConfig } from "../../src/core/profiles";
import type { Finding, Rule, Severity } from "../../src/core/rules/types";

export interface CaseBase {
  name?: string;
  text?: string;
  doc?: DocModel;
  /** Rule options for this case. */
  options?: Record<string, unknown>;
  /** Profile id or config (default: speech). */
  profile?: string;
  config?: UnitConfig;
}

export interface ExpectedFinding {
  paragraph?: number;
  excerpt?: string;
  /** The check that made it (the rule's `messages` key). Assert ids, not message wording. */
  messageId?: string;
  /** A substring the message must contain. */
  message?: string;
  severity?: Severity;
  start?: number;
  end?: number;
}

export interface InvalidCase extends CaseBase {
  /** The findings in document order, or just how many. */
  findings: ExpectedFinding[] | number;
  /** The text (paragraphs joined by "\n") after applying every finding's fix. */
  output?: string;
}

export type ValidCase = string | CaseBase;

function docOf(c: CaseBase): DocModel {
  if (c.doc) return c.doc;
  if (c.text !== undefined) return docFromText(c.text);
  throw new Error("a case needs `text` or `doc`");
}

function profileOf(rule: Rule, c: CaseBase): Profile {
  const p = resolveProfile(c.profile ?? "speech", c.config);
  // The rule under test always runs, even where the profile turns it off by default.
  if (p.rules[rule.id] === "off" && !(c.config?.rules && c.config.rules[rule.id] === "off")) delete p.rules[rule.id];
  if (c.options) p.ruleOptions[rule.id] = { ...(p.ruleOptions[rule.id] ?? {}), ...c.options };
  return p;
}

export function runRule(rule: Rule, c: CaseBase): Finding[] {
  return check(docOf(c), { profile: profileOf(rule, c), rules: [rule], rethrow: true });
}

function label(c: ValidCase, i: number): string {
  if (typeof c === "string") return `#${i} ${c.slice(0, 40)}`;
  return `#${i} ${c.name ?? (c.text ?? "(doc)").slice(0, 40)}`;
}

export function runRuleTests(rule: Rule, cases: { valid: ValidCase[]; invalid: InvalidCase[] }): void {
  describe(`rule ${rule.id}`, () => {
    it("is described: id, category, severity, Chinese title/description, source", () => {
      expect(rule.id).toMatch(/^[a-z][a-z0-9-]+$/);
      expect(rule.title).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.description).toMatch(/[\u4e00-\u9fff]/);
      expect(rule.source.length).toBeGreaterThan(3);
      expect(cases.valid.length).toBeGreaterThanOrEqual(5);
      expect(cases.invalid.length).toBeGreaterThanOrEqual(5);
      if (rule.messages) {
        for (const [id, name] of Object.entries(rule.messages)) {
          expect(id).toMatch(/^[a-z][a-z0-9-]*$/);
          expect(name).toMatch(/[\u4e00-\u9fff]/);
        }
      }
    });

    it("declares itself fixable exactly when some case offers a fix", () => {
      const offersFix = cases.invalid.some((c) => runRule(rule, c).some((f) => f.fix !== undefined));
      expect({ fixable: rule.fixable === true }).toEqual({ fixable: offersFix });
    });

    describe("valid", () => {
      cases.valid.forEach((vc, i) => {
        it(label(vc, i), () => {
          const c: CaseBase = typeof vc === "string" ? { text: vc } : vc;
          const found = runRule(rule, c);
          expect(found.map((f) => `${f.paragraph}:${f.excerpt} ${f.message}`)).toEqual([]);
        });
      });
    });

    describe("invalid", () => {
      cases.invalid.forEach((c, i) => {
        it(label(c, i), () => {
          const doc = docOf(c);
          const found = runRule(rule, c);
          for (const f of found) {
            expect(f.rule).toBe(rule.id);
            expect(f.category).toBe(rule.category);
            const p = doc.paragraphs[f.paragraph];
            expect(p).toBeDefined();
            expect(f.start).toBeGreaterThanOrEqual(0);
            expect(f.end).toBeGreaterThanOrEqual(f.start);
            expect(f.end).toBeLessThanOrEqual(p.text.length);
            expect(f.message).toMatch(/[\u4e00-\u9fff]/);
            if (rule.messages) {
              // a rule that names its checks names every finding's check
              expect(f.messageId).toBeDefined();
              expect(Object.keys(rule.messages)).toContain(f.messageId);
            }
          }
          if (typeof c.findings === "number") {
            expect(found).toHaveLength(c.findings);
            expect(c.findings).toBeGreaterThan(0);
          } else {
            expect(found.length).toBe(c.findings.length);
            c.findings.forEach((exp, k) => {
              const f = found[k];
              if (exp.paragraph !== undefined) expect(f.paragraph).toBe(exp.paragraph);
              if (exp.excerpt !== undefined) expect(f.excerpt).toBe(exp.excerpt);
              if (exp.message !== undefined) expect(f.message).toContain(exp.message);
              if (exp.messageId !== undefined) expect(f.messageId).toBe(exp.messageId);
              if (exp.severity !== undefined) expect(f.severity).toBe(exp.severity);
              if (exp.start !== undefined) expect(f.start).toBe(exp.start);
              if (exp.end !== undefined) expect(f.end).toBe(exp.end);
            });
          }
          if (c.output !== undefined) {
            const fixes = found.flatMap((f) => (f.fix ? [f.fix] : []));
            expect(fixes.length).toBeGreaterThan(0);
            const fixed = applyFixes(doc, fixes);
            expect(fixed.paragraphs.map((p) => p.text).join("\n")).toBe(c.output);
          }
        });
      });
    });
  });
}
