/**
 * Hand-built outlines for the format tests, so the role logic can be tested without the
 * numbering parser, and a way to run a rule with such an outline.
 */
import type { DocModel } from "../../../src/core/model";
import type { MarkerKind, Outline, OutlineNode } from "../../../src/core/numbering/types";
import { resolveProfile, type Profile } from "../../../src/core/profiles";
import type { Report, Rule, RuleContext } from "../../../src/core/rules/types";

const KIND: Record<number, MarkerKind> = { 1: "cn-dun", 2: "cn-paren", 3: "arabic-dot", 4: "arabic-paren", 5: "circled" };

export interface HeadingSpec {
  paragraph: number;
  level: number;
  /** The marker as typed at the start of the text, e.g. "（一）"; "" when it is the list label. */
  raw: string;
  standalone?: boolean;
}

export function makeOutline(
  doc: DocModel,
  o: { title?: number; salutation?: number; headings?: HeadingSpec[] } = {},
): Outline {
  const headings: OutlineNode[] = (o.headings ?? []).map((h) => {
    const text = doc.paragraphs[h.paragraph].text;
    const start = h.raw ? text.indexOf(h.raw) : 0;
    const end = h.raw ? start + h.raw.length : 0;
    return {
      paragraph: h.paragraph,
      marker: {
        kind: KIND[h.level],
        level: h.level,
        value: 1,
        raw: h.raw,
        start,
        end,
        fromLabel: h.raw === "",
        canonical: h.raw,
        faults: [],
      },
      title: text.slice(end),
      standalone: h.standalone ?? true,
      children: [],
      depth: h.level,
    };
  });
  return {
    roots: headings,
    headings,
    byParagraph: new Map(headings.map((n) => [n.paragraph, n])),
    runIns: new Map(),
    merged: [],
    ...(o.title !== undefined ? { title: o.title } : {}),
    ...(o.salutation !== undefined ? { salutation: o.salutation } : {}),
  };
}

export type ReportWithSeverity = Report & { severity: string };

/** Runs one rule directly with a given outline; returns what it reported, with the effective severity. */
export function runWithOutline(rule: Rule, doc: DocModel, outline: Outline, profileOrId: string | Profile = "speech"): ReportWithSeverity[] {
  const profile = typeof profileOrId === "string" ? resolveProfile(profileOrId) : profileOrId;
  const setting = profile.rules[rule.id];
  const severity = setting && setting !== "off" ? setting : rule.severity;
  const out: ReportWithSeverity[] = [];
  const ctx: RuleContext = {
    doc,
    outline,
    profile,
    options: {},
    userWords: new Set(profile.words),
    report(r) {
      out.push({ ...r, severity: r.severity && severity !== "info" ? r.severity : severity });
    },
  };
  rule.check(ctx);
  return out;
}
