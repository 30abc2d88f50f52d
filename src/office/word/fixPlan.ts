/**
 * Fix planning, the pure step of applyFixes: given Word's paragraph texts as just read, the fixes
 * and the texts the paragraphs had when they were checked, what to write where and which fixes are
 * stale. No Word objects here (execute.ts queues and writes the plan), so all of it is tested on
 * its own (test/office/fixPlan.test.ts).
 *
 * A fix is planned only when every paragraph it touches is in Word and still reads exactly as
 * checked, none of its text edits overlaps a text edit of a fix planned before it, and each of its
 * text edits can be found with Word's search (a replacement or deletion: the stretch itself; an
 * insertion: a one- or two-character anchor beside it; an empty paragraph: its start). Otherwise it
 * is stale. A part of a paragraph to format on its own (a run-in heading's heading sentence) that
 * cannot be found is left out; the rest of the fix still applies.
 */
import { isRangedEdit, runPatchOf, type Fix, type FormatEdit, type FormatPatch, type TextEdit } from "../../core/edits";
import type { DocModel } from "../../core/model";
import type { FormatSpec } from "../../core/profiles";
import { styleForPatch, type StyleName } from "../roles";
import { planInsertion, planSearch, type SearchPlan, type SearchStep } from "../text";

export interface FixPlanInput {
  fixes: readonly Fix[];
  /** Paragraph (model index) → its text when checked. */
  expected: Readonly<Record<number, string>>;
  /** Word's body paragraph texts as read now (normalised, normalizeWordText). */
  wordTexts: readonly string[];
  /** Model paragraph → Word paragraph (-1: not in Word's collection). */
  wordIndex: (paragraph: number) => number;
}

/** Where a planned edit lands: the model paragraph, its Word paragraph, and its text now (= as checked). */
export interface PlannedPlace {
  paragraph: number;
  word: number;
  text: string;
}

/** A text edit as Word will make it. */
export type PlannedTextEdit = PlannedPlace & { edit: TextEdit } & (
    | { kind: "replace"; plan: SearchPlan }
    | { kind: "insert"; step: SearchStep; where: "Before" | "After" }
    /** Into an empty paragraph: at its start, nothing to search. */
    | { kind: "start" }
  );

/** A format edit as Word will make it. */
export type PlannedFormat = PlannedPlace &
  (
    | { kind: "paragraph"; set: FormatPatch }
    /** Run properties on [start, end), found with `plan`. */
    | { kind: "range"; start: number; end: number; set: FormatPatch; plan: SearchPlan }
  );

export interface PlannedFix {
  fix: Fix;
  text: PlannedTextEdit[];
  format: PlannedFormat[];
}

export interface FixPlan {
  fixes: PlannedFix[];
  /** Fixes refused while planning (a paragraph changed or missing, an overlap, an edit Word cannot find). */
  stale: number;
  /** Searches the plan needs (0: no search sync). */
  searches: number;
}

/** Fixes that change something (text or formatting); the others are not counted at all. */
export function usableFixes(fixes: readonly Fix[]): Fix[] {
  return fixes.filter((f) => (f.text?.length ?? 0) > 0 || (f.format?.length ?? 0) > 0);
}

export function planFixes(input: FixPlanInput): FixPlan {
  const { expected, wordTexts, wordIndex } = input;
  const place = (paragraph: number): PlannedPlace | undefined => {
    const word = wordIndex(paragraph);
    const text = word >= 0 ? wordTexts[word] : undefined;
    return text !== undefined && text === expected[paragraph] ? { paragraph, word, text } : undefined;
  };
  /** Edited spans per paragraph, to keep overlapping edits from two fixes apart. */
  const taken = new Map<number, Array<[number, number]>>();
  const overlaps = (e: TextEdit) => (taken.get(e.paragraph) ?? []).some(([a, b]) => (e.start < b && a < e.end) || (e.start === e.end && e.start === a && a === b));

  const out: PlannedFix[] = [];
  let stale = 0;
  let searches = 0;
  for (const fix of usableFixes(input.fixes)) {
    const planned = planOne(fix, place, overlaps);
    if (!planned) {
      stale++;
      continue;
    }
    for (const e of fix.text ?? []) {
      const spans = taken.get(e.paragraph) ?? [];
      spans.push([e.start, e.end]);
      taken.set(e.paragraph, spans);
    }
    searches += planned.text.filter((t) => t.kind !== "start").length + planned.format.filter((f) => f.kind === "range").length;
    out.push(planned);
  }
  return { fixes: out, stale, searches };
}

function planOne(fix: Fix, place: (paragraph: number) => PlannedPlace | undefined, overlaps: (e: TextEdit) => boolean): PlannedFix | undefined {
  const touched = new Set<number>([...(fix.text ?? []).map((e) => e.paragraph), ...(fix.format ?? []).map((e) => e.paragraph)]);
  for (const i of touched) if (!place(i)) return undefined;
  if ((fix.text ?? []).some(overlaps)) return undefined;
  const text: PlannedTextEdit[] = [];
  for (const edit of fix.text ?? []) {
    const at = place(edit.paragraph)!;
    if (edit.end > edit.start) {
      const plan = planSearch(at.text, edit.start, edit.end);
      if (!plan) return undefined;
      text.push({ ...at, edit, kind: "replace", plan });
    } else if (at.text.length === 0) {
      text.push({ ...at, edit, kind: "start" });
    } else {
      const ins = planInsertion(at.text, edit.start);
      if (!ins) return undefined;
      text.push({ ...at, edit, kind: "insert", step: ins.step, where: ins.where });
    }
  }
  const format: PlannedFormat[] = [];
  for (const fe of fix.format ?? []) {
    const at = place(fe.paragraph)!;
    if (isRangedEdit(fe)) {
      const plan = planSearch(at.text, fe.start, fe.end);
      // Not found: that part is left as it is.
      if (plan) format.push({ ...at, kind: "range", start: fe.start, end: fe.end, set: runPatchOf(fe.set), plan });
      continue;
    }
    format.push({ ...at, kind: "paragraph", set: fe.set });
  }
  return { fix, text, format };
}

/** True when some whole-paragraph edit sets a character indent without a size: the paragraph's size is then read. */
export function needsFontSize(fixes: readonly Fix[]): boolean {
  const indents = (e: FormatEdit) => e.set.firstLineIndentChars !== undefined || e.set.leftIndentChars !== undefined || e.set.rightIndentChars !== undefined;
  return fixes.some((f) => f.format?.some((e: FormatEdit) => !isRangedEdit(e) && indents(e) && e.set.sizePt === undefined));
}

/**
 * Paragraphs whose format patch restates one of our named styles, and where applying that style
 * is safe: the style is in use in the document as last read (so it exists and setting it cannot
 * fail), no paragraph in it has an automatic list label (a numbered style would add text), and the
 * paragraph itself is no list item (a style change could drop its number).
 */
export function stylesForEdits(fixes: readonly Fix[], doc: DocModel | undefined, spec: FormatSpec | undefined): Map<number, StyleName> {
  const out = new Map<number, StyleName>();
  if (!doc) return out;
  let usable: Map<string, boolean> | undefined;
  for (const fix of fixes) {
    for (const fe of fix.format ?? []) {
      if (isRangedEdit(fe)) continue;
      const name = styleForPatch(fe.set, spec);
      if (!name) continue;
      if (!usable) {
        usable = new Map();
        for (const p of doc.paragraphs) {
          if (!p.styleName) continue;
          usable.set(p.styleName, (usable.get(p.styleName) ?? true) && !p.listLabel);
        }
      }
      const para = doc.paragraphs[fe.paragraph];
      if (usable.get(name) && para && !para.listLabel) out.set(fe.paragraph, name);
    }
  }
  return out;
}
