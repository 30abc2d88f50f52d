/**
 * The invariants every check must keep on any draft (issue #8). Each function throws an Error
 * naming the rule and the finding when an invariant breaks, so a shrunk counterexample says
 * at once which rule to look at.
 */
import { check, excerptOf } from "../../src/core/engine";
import { applyFixes } from "../../src/core/fixes";
import type { DocModel } from "../../src/core/model";
import type { Profile } from "../../src/core/profiles";
import type { Finding, Fix, TextEdit } from "../../src/core/rules/types";
import { KNOWN_ISSUES } from "./known";

const show = (f: Finding): string =>
  `${f.rule}/${f.messageId ?? "-"} ¶${f.paragraph} [${f.start},${f.end}) ${JSON.stringify(f.excerpt)}${f.fix?.text ? ` fix ${JSON.stringify(f.fix.text)}` : ""}`;

function fail(what: string, f?: Finding): never {
  throw new Error(f ? `${what}: ${show(f)}` : what);
}

/**
 * Two edits touch the same text: their ranges share a character, or they start at the same
 * place (two insertions at one point, or an insertion before a replacement, leave the order of
 * the result to chance), or an insertion falls strictly inside a replacement.
 */
export function editsOverlap(a: Pick<TextEdit, "paragraph" | "start" | "end">, b: Pick<TextEdit, "paragraph" | "start" | "end">): boolean {
  if (a.paragraph !== b.paragraph) return false;
  if (a.start === b.start) return true;
  if (Math.max(a.start, b.start) < Math.min(a.end, b.end)) return true;
  const inside = (p: number, e: Pick<TextEdit, "start" | "end">) => p > e.start && p < e.end;
  return (a.start === a.end && inside(a.start, b)) || (b.start === b.end && inside(b.start, a));
}

/** Positions, ranges, excerpts and fixes of one check's findings are well formed. */
export function assertWellFormed(doc: DocModel, findings: Finding[]): void {
  for (const f of findings) {
    const p = doc.paragraphs[f.paragraph];
    if (!Number.isInteger(f.paragraph) || !p) {
      // The engine's own "rule crashed" finding points at paragraph 0 even in an empty model.
      if (!(doc.paragraphs.length === 0 && f.paragraph === 0)) fail("finding in a paragraph that does not exist", f);
    }
    const len = p ? p.text.length : 0;
    if (!(Number.isInteger(f.start) && Number.isInteger(f.end) && 0 <= f.start && f.start <= f.end && f.end <= len)) {
      fail(`finding range outside its paragraph (length ${len})`, f);
    }
    if (f.excerpt !== excerptOf(p ? p.text : "", f.start, f.end)) fail("excerpt is not the text at the range", f);
    if (typeof f.message !== "string" || !f.message) fail("finding without a message", f);
    const edits = f.fix?.text ?? [];
    for (const e of edits) {
      const q = doc.paragraphs[e.paragraph];
      if (!q) fail(`fix edits paragraph ${e.paragraph}, which does not exist`, f);
      if (!(Number.isInteger(e.start) && Number.isInteger(e.end) && 0 <= e.start && e.start <= e.end && e.end <= q.text.length)) {
        fail(`fix edit [${e.start},${e.end}) outside its paragraph (length ${q.text.length})`, f);
      }
      if (typeof e.text !== "string") fail("fix edit without replacement text", f);
    }
    for (let i = 0; i < edits.length; i++) {
      for (let j = i + 1; j < edits.length; j++) if (editsOverlap(edits[i], edits[j])) fail("two edits of one fix overlap", f);
    }
    for (const e of f.fix?.format ?? []) if (!doc.paragraphs[e.paragraph]) fail(`format fix for paragraph ${e.paragraph}, which does not exist`, f);
  }
}

/**
 * Picks the findings whose text fixes can all be applied together, in report order: a fix that
 * touches text another chosen fix already edits is left out whole (applyFixes would keep only
 * some of its edits, and a half-applied fix proves nothing).
 */
export function compatibleFixes(findings: Finding[]): Finding[] {
  const chosen: Finding[] = [];
  const taken: TextEdit[] = [];
  for (const f of findings) {
    const edits = f.fix?.text;
    if (!edits || edits.length === 0) continue;
    if (edits.some((e) => taken.some((t) => editsOverlap(e, t)))) continue;
    // A fix that changes nothing cannot make its fault go away.
    if (edits.every((e) => e.end === e.start && e.text === "")) fail("fix with only empty edits", f);
    chosen.push(f);
    taken.push(...edits);
  }
  return chosen;
}

/**
 * Where the character at an offset of the old paragraph text lands in the new one, or undefined
 * when an edit replaced the text around it. A replacement that starts at the offset keeps it
 * (its new text starts there); an insertion at the offset pushes the old character on.
 */
export function mapOffset(edits: TextEdit[], paragraph: number, pos: number): number | undefined {
  let shift = 0;
  for (const e of edits) {
    if (e.paragraph !== paragraph) continue;
    if (e.start < pos && pos < e.end) return undefined;
    if (e.end <= pos) shift += e.text.length - (e.end - e.start);
  }
  return pos + shift;
}

export interface FixRound {
  fixed: Finding[];
  /** Findings of the second check that repeat a fixed finding's fault at the same place. */
  repeated: Array<[Finding, Finding]>;
  /**
   * Findings of the second check from the same rule and check inside the text a fix rewrote,
   * with another excerpt: not the same fault, but worth a look (scripts/fuzz.js lists them).
   */
  followUps: Array<[Finding, Finding]>;
}

/**
 * Applies every compatible fix and checks again. A fixed fault must not come back: the second
 * check must have no finding of the same rule and check with the same excerpt at the mapped
 * start of the fixed one.
 */
export function fixRound(doc: DocModel, findings: Finding[], recheck: (d: DocModel) => Finding[]): FixRound {
  const fixed = compatibleFixes(findings);
  if (fixed.length === 0) return { fixed, repeated: [], followUps: [] };
  const fixes: Fix[] = fixed.map((f) => f.fix as Fix);
  const edits = fixes.flatMap((x) => x.text ?? []);
  const after = applyFixes(doc, fixes);
  const again = recheck(after);
  assertWellFormed(after, again);
  const key = (f: Finding, start: number) => `${f.rule}\u0000${f.messageId ?? ""}\u0000${f.paragraph}\u0000${start}\u0000${f.excerpt}`;
  const index = new Map<string, Finding>();
  for (const g of again) index.set(key(g, g.start), g);
  const repeated: Array<[Finding, Finding]> = [];
  const followUps: Array<[Finding, Finding]> = [];
  for (const f of fixed) {
    const at = mapOffset(edits, f.paragraph, f.start);
    if (at === undefined) continue;
    const g = index.get(key(f, at));
    if (g) {
      repeated.push([f, g]);
      continue;
    }
    const to = mapOffset(edits, f.paragraph, f.end) ?? at;
    const h = again.find((x) => x.rule === f.rule && x.messageId === f.messageId && x.paragraph === f.paragraph && x.start >= at && x.start <= to);
    if (h) followUps.push([f, h]);
  }
  return { fixed, repeated, followUps };
}

/** Fix interactions seen so far: a fault that came back only when other fixes were applied too. */
export const interactions: string[] = [];
/** How often each known issue (known.ts) was met instead of failing. */
export const knownHits: Record<string, number> = {};
/** Same-rule findings inside text a fix rewrote (see FixRound.followUps), as examples. */
export const followUps: string[] = [];

/**
 * The whole property for one draft and profile: no throw, well-formed findings, fixes that fix.
 * When a fault comes back after all fixes, its own fix is tried alone: if the fault persists it
 * is the rule's bug; if not, two fixes together made it (e.g. 「，，,」: one fix merges 「，，」,
 * another widens 「,」, and 「，，」 is back), which is recorded as an interaction, not failed.
 */
export function assertEngineInvariants(doc: DocModel, profile: Profile, tolerateKnown = true): { findings: number; fixed: number; interactions: number } {
  const before = JSON.stringify(doc);
  const findings = check(doc, { profile, rethrow: true });
  if (JSON.stringify(doc) !== before) throw new Error("a rule changed the document model it was checking");
  assertWellFormed(doc, findings);
  const round = fixRound(doc, findings, (d) => check(d, { profile, rethrow: true }));
  for (const [f, h] of round.followUps) if (followUps.length < 200) followUps.push(`${show(f)} → ${show(h)} in ${JSON.stringify(doc.paragraphs[f.paragraph].text.slice(0, 80))}`);
  let together = 0;
  for (const [f, g] of round.repeated) {
    const alone = fixRound(doc, [f], (d) => check(d, { profile, only: [f.rule], rethrow: true }));
    const known = tolerateKnown ? KNOWN_ISSUES.find((k) => k.matches(f, doc.paragraphs[f.paragraph].text)) : undefined;
    if (alone.repeated.length && known) {
      knownHits[known.id] = (knownHits[known.id] ?? 0) + 1;
      continue;
    }
    if (alone.repeated.length) throw new Error(`a fix did not remove its fault: ${show(f)} → after fixing still ${show(alone.repeated[0][1])}`);
    together++;
    interactions.push(`${show(f)} → ${show(g)} in ${JSON.stringify(doc.paragraphs[f.paragraph].text.slice(0, 80))}`);
  }
  return { findings: findings.length, fixed: round.fixed.length, interactions: together };
}
