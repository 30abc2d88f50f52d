/**
 * The edits every part of 笔杆子 exchanges — text edits, formatting, page setup, and the fixes
 * that bundle them — and their appliers on the document model (the CLI, the preview document and
 * tests use these; the Word gateway applies the same edits to the live document).
 */
import type { Alignment, DocModel, LineSpacing, Paragraph, ParagraphBorder, Run, Section } from "./model";

/** Replace [start, end) of a paragraph's text (list label excluded) with `text`. */
export interface TextEdit {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/** Formatting to set on a paragraph (or, for a ranged FormatEdit, on part of its runs). Text is never touched. */
export interface FormatPatch {
  fontEastAsia?: string;
  fontLatin?: string;
  sizePt?: number;
  bold?: boolean;
  alignment?: Alignment;
  firstLineIndentChars?: number;
  lineSpacing?: LineSpacing;
  outlineLevel?: number;
  /** Text colour, RRGGBB (the red 发文机关标志). A run property. */
  color?: string;
  /**
   * Left indent of every line, in characters (附件说明 and 抄送 hang their wrapped lines under the
   * text after 「附件：」/「抄送：」; the 上行文's 发文字号 stands one character in). With it, the first
   * line starts `hangingChars` left of it (0 when absent) and `firstLineIndentChars` — which says
   * the same first line from the margin, for appliers that know no left indent — is not used.
   */
  leftIndentChars?: number;
  hangingChars?: number;
  /** Right indent in characters (落款 右空四字, 版记 右空一字; 0 drops a stray one). */
  rightIndentChars?: number;
  /** Separator lines drawn as paragraph borders (the 版头's red line, the 版记 lines). */
  borderTop?: ParagraphBorder;
  borderBottom?: ParagraphBorder;
}

/** The FormatPatch keys that are character (run) properties; the rest belong to the paragraph. */
export const RUN_PATCH_KEYS = ["fontEastAsia", "fontLatin", "sizePt", "bold", "color"] as const;

/**
 * How 一键排版 numbers the pages (core/profiles.ts PageNumberMode): "gbt" odd right / even left,
 * "center", or "none".
 */
export type PageNumbers = "gbt" | "center" | "none";

export interface FormatEdit {
  paragraph: number;
  set: FormatPatch;
  /**
   * Characters [start, end) of the paragraph's text (list label excluded) that the run
   * properties of `set` apply to — e.g. the heading sentence of a run-in heading
   * 「（一）加强学习。要……」. Absent: the whole paragraph. A ranged edit sets run properties only;
   * paragraph properties in its `set` are ignored. Edits of one paragraph apply in order.
   */
  start?: number;
  end?: number;
}

export interface PagePatch {
  pageWidthMm?: number;
  pageHeightMm?: number;
  marginTopMm?: number;
  marginBottomMm?: number;
  marginLeftMm?: number;
  marginRightMm?: number;
  /**
   * The page numbers 一键排版 writes, as the pane's 文稿类型 wants them; absent: the host's own
   * profile decides. Not a page-setup value: applyPagePatch leaves it to the hosts.
   */
  pageNumbers?: PageNumbers;
}

/** The margin and size keys of a PagePatch (what applyPagePatch sets). */
const PAGE_SETUP_KEYS = ["pageWidthMm", "pageHeightMm", "marginTopMm", "marginBottomMm", "marginLeftMm", "marginRightMm"] as const;

/**
 * A list of format edits that also says how the pages are numbered: what formatPlan returns, so
 * that `{ description: FORMAT_DESCRIPTION, format: plan }` carries the 文稿类型's page-number mode
 * to the host without more. The mode is a non-enumerable property (the edits compare and
 * serialise as a plain array); a fix's `page.pageNumbers`, when given, wins.
 */
export type FormatEditList = FormatEdit[] & { readonly pageNumbers?: PageNumbers };

/** Format edits with the page-number mode attached (see FormatEditList). */
export function withPageNumbers(edits: FormatEdit[], mode: PageNumbers): FormatEditList {
  Object.defineProperty(edits, "pageNumbers", { value: mode, enumerable: false, configurable: true, writable: false });
  return edits as FormatEditList;
}

/** The page-number mode a fix asks for (its page patch's, else its format list's); undefined: the host's own. */
export function pageNumbersOf(fix: Fix): PageNumbers | undefined {
  return fix.page?.pageNumbers ?? (fix.format as FormatEditList | undefined)?.pageNumbers;
}

export interface Fix {
  /** What the fix does, in Chinese, e.g. 「改为全角逗号“，”」. */
  description: string;
  text?: TextEdit[];
  format?: FormatEdit[];
  page?: PagePatch;
}

/** True when the edit applies to part of the paragraph only. */
export function isRangedEdit(e: FormatEdit): e is FormatEdit & { start: number; end: number } {
  return e.start !== undefined && e.end !== undefined;
}

/** The run properties of a patch (what a ranged edit may set). */
export function runPatchOf(set: FormatPatch): FormatPatch {
  const out: FormatPatch = {};
  for (const k of RUN_PATCH_KEYS) if (set[k] !== undefined) (out as Record<string, unknown>)[k] = set[k];
  return out;
}

/** Applies text edits to one string; edits are offsets in the original. Overlapping edits: the first wins. */
export function applyEditsToText(text: string, edits: Array<Pick<TextEdit, "start" | "end" | "text">>): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let pos = 0;
  for (const e of sorted) {
    if (e.start < pos || e.end > text.length || e.start > e.end) continue;
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}

/** Returns a copy of the model with the fixes' text edits applied (runs are re-cut to the new text). */
export function applyFixes(doc: DocModel, fixes: Fix[]): DocModel {
  const byPara = new Map<number, TextEdit[]>();
  for (const f of fixes) for (const e of f.text ?? []) {
    const list = byPara.get(e.paragraph) ?? [];
    list.push(e);
    byPara.set(e.paragraph, list);
  }
  const paragraphs = doc.paragraphs.map((p): Paragraph => {
    const edits = byPara.get(p.index);
    if (!edits) return p;
    const text = applyEditsToText(p.text, edits);
    const runs = p.runs.length ? [{ ...p.runs[0], text, start: 0, end: text.length }] : [];
    return { ...p, text, runs };
  });
  return { ...doc, paragraphs };
}

function runProps(set: FormatPatch): Partial<Run> {
  return {
    ...(set.fontEastAsia !== undefined ? { fontEastAsia: set.fontEastAsia } : {}),
    ...(set.fontLatin !== undefined ? { fontLatin: set.fontLatin } : {}),
    ...(set.sizePt !== undefined ? { sizePt: set.sizePt } : {}),
    ...(set.bold !== undefined ? { bold: set.bold } : {}),
    ...(set.color !== undefined ? { color: set.color } : {}),
  };
}

/** Runs with those inside [start, end) patched; a run crossing a bound is cut in two there. */
function patchRunRange(runs: Run[], start: number, end: number, patch: Partial<Run>): Run[] {
  const out: Run[] = [];
  for (const r of runs) {
    if (r.end <= start || r.start >= end || r.start === r.end) {
      out.push(r);
      continue;
    }
    const a = Math.max(start, r.start);
    const b = Math.min(end, r.end);
    if (a > r.start) out.push({ ...r, text: r.text.slice(0, a - r.start), end: a });
    out.push({ ...r, ...patch, text: r.text.slice(a - r.start, b - r.start), start: a, end: b });
    if (b < r.end) out.push({ ...r, text: r.text.slice(b - r.start), start: b });
  }
  return out;
}

/**
 * Sets formatting on a paragraph and all its runs (or, with `range`, on the runs inside it only:
 * paragraph properties are then left alone). The text is never touched.
 */
export function patchParagraph(p: Paragraph, set: FormatPatch, range?: { start: number; end: number }): Paragraph {
  const runPatch = runProps(set);
  if (range) {
    const start = Math.max(0, Math.min(range.start, p.text.length));
    const end = Math.max(start, Math.min(range.end, p.text.length));
    if (end === start || Object.keys(runPatch).length === 0) return p;
    return { ...p, runs: patchRunRange(p.runs, start, end, runPatch) };
  }
  const size = set.sizePt ?? p.runs[0]?.sizePt ?? 16;
  // With a left indent the first line is stated from it (a hanging indent is negative), as in OOXML.
  const first = set.leftIndentChars !== undefined ? 0 - (set.hangingChars ?? 0) : set.firstLineIndentChars;
  return {
    ...p,
    ...(set.alignment !== undefined ? { alignment: set.alignment } : {}),
    ...(first !== undefined ? { firstLineIndentChars: first, firstLineIndentPt: first * size } : {}),
    ...(set.leftIndentChars !== undefined ? { leftIndentChars: set.leftIndentChars, leftIndentPt: set.leftIndentChars * size } : {}),
    ...(set.rightIndentChars !== undefined ? { rightIndentChars: set.rightIndentChars, rightIndentPt: set.rightIndentChars * size } : {}),
    ...(set.borderTop !== undefined ? { borderTop: { ...set.borderTop } } : {}),
    ...(set.borderBottom !== undefined ? { borderBottom: { ...set.borderBottom } } : {}),
    ...(set.lineSpacing !== undefined ? { lineSpacing: set.lineSpacing } : {}),
    ...(set.outlineLevel !== undefined ? { outlineLevel: set.outlineLevel } : {}),
    runs: p.runs.map((r) => ({ ...r, ...runPatch })),
  };
}

/** Returns a copy of the model with the format edits applied, in order. */
export function applyFormatEdits(doc: DocModel, edits: readonly FormatEdit[]): DocModel {
  if (edits.length === 0) return doc;
  const paragraphs = [...doc.paragraphs];
  for (const e of edits) {
    const p = paragraphs[e.paragraph];
    if (!p) continue;
    paragraphs[e.paragraph] = isRangedEdit(e) ? patchParagraph(p, e.set, e) : patchParagraph(p, e.set);
  }
  return { ...doc, paragraphs };
}

/** Sections with a page patch applied. */
export function applyPagePatch(sections: readonly Section[], page: PagePatch): Section[] {
  // A patch that only names the page-number mode leaves the sections as they are (same array).
  if (!PAGE_SETUP_KEYS.some((k) => page[k] !== undefined)) return sections as Section[];
  return sections.map((s) => ({
    ...s,
    ...(page.pageWidthMm !== undefined ? { pageWidthMm: page.pageWidthMm } : {}),
    ...(page.pageHeightMm !== undefined ? { pageHeightMm: page.pageHeightMm } : {}),
    ...(page.marginTopMm !== undefined ? { marginTopMm: page.marginTopMm } : {}),
    ...(page.marginBottomMm !== undefined ? { marginBottomMm: page.marginBottomMm } : {}),
    ...(page.marginLeftMm !== undefined ? { marginLeftMm: page.marginLeftMm } : {}),
    ...(page.marginRightMm !== undefined ? { marginRightMm: page.marginRightMm } : {}),
  }));
}

/** Returns a copy of the model with every part of the fixes applied: text, then formatting, then page setup. */
export function applyFixesFully(doc: DocModel, fixes: readonly Fix[]): DocModel {
  let out = applyFixes(doc, [...fixes]);
  out = applyFormatEdits(out, fixes.flatMap((f) => f.format ?? []));
  const pages = fixes.flatMap((f) => (f.page ? [f.page] : []));
  if (pages.length) {
    let sections = out.sections;
    for (const page of pages) sections = applyPagePatch(sections, page);
    out = { ...out, sections };
  }
  return out;
}
