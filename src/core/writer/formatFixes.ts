/**
 * The format part of `biganzi fix` (fixDocx.ts): which format edits and page patches of the
 * findings' fixes can be written into the .docx, the splices that write them, and what they change
 * in words for the CLI's list.
 *
 * Writing is propSplice.ts's, the code 下载文档 uses: each paragraph with format edits is patched in
 * the model (core/edits.ts patchParagraph, as every host applies them) and the difference between
 * the paragraph as read and as patched is spliced in — paragraph properties on the paragraph, run
 * properties on the runs covering a ranged edit's [start, end), a run cut in two where a bound
 * falls inside it. Page patches set the sections as core/edits.ts applyPagePatch does (all of them).
 *
 * Every kind of a FormatPatch is written: fonts, size, bold and colour on runs; alignment, first-line,
 * left, hanging and right indents, line spacing, outline level and separator lines on the paragraph.
 * A fix's formatting is taken only when it can be written exactly: it names no page numbers (those
 * are `biganzi format`'s; else "format", naming 页码), its paragraphs exist and their runs add up to
 * the reader's text, a ranged edit's bounds fall between runs or inside a run that holds only its
 * text (else "unmapped"), and nothing it sets contradicts what a fix taken before sets on the same
 * characters (else "overlap").
 */
import { applyPagePatch, isRangedEdit, patchParagraph, pageNumbersOf, type Fix, type FormatEdit, type FormatPatch, type PagePatch } from "../edits";
import { fontLabel, sizeLabel } from "../format/fonts";
import type { DocModel, LineSpacing, Paragraph, ParagraphBorder, Section } from "../model";
import { paragraphRuns, runInfo, sectPrs, type Fields, type MainPart, type RunInfo } from "./formatDocx";
import type { SkipReason } from "./fixDocx";
import { keptParagraphSplices, locate, samePage, sectionPageSplices, type Located } from "./propSplice";
import type { Splice } from "./xmlspan";

/** Paragraph properties written (propSplice.ts paraWanted); the indents are claimed together as "indent". */
const PARA_KEYS = ["alignment", "lineSpacing", "outlineLevel", "rightIndentChars", "borderTop", "borderBottom"] as const;
/** Run properties written (propSplice.ts runWanted). */
const RUN_KEYS = ["fontEastAsia", "fontLatin", "sizePt", "bold", "color"] as const;
const PAGE_KEYS = ["pageWidthMm", "pageHeightMm", "marginTopMm", "marginBottomMm", "marginLeftMm", "marginRightMm"] as const;

export type FormatRefusal = { reason: SkipReason; kinds?: string[] };

/** Tentative taking of fixes' formatting, undone when another part of the same fix fails. */
export interface FormatPlanner {
  /** Takes the formatting of fix `index` tentatively; why not, when it cannot be. */
  take(fix: Fix, index: number): FormatRefusal | undefined;
  commit(): void;
  rollback(): void;
  /** Some fix's formatting was taken. */
  any(): boolean;
  /** The taken fixes with formatting, in order. */
  taken(): ReadonlyArray<{ index: number; fix: Fix }>;
}

/**
 * The kinds of formatting in `fix` this writer does not write (Chinese names, each once). Every
 * FormatPatch key is written now; the page numbers a fix may name are `biganzi format`'s.
 */
export function unwrittenKinds(fix: Fix): string[] {
  return pageNumbersOf(fix) !== undefined ? ["页码"] : [];
}

/**
 * What a whole-paragraph edit says about the first line: a left indent with its hanging first
 * line, or a first-line indent (patchParagraph lets the left indent win). Undefined: neither.
 */
function indentClaim(set: FormatPatch): unknown {
  if (set.leftIndentChars !== undefined) return { left: set.leftIndentChars, hanging: set.hangingChars ?? 0 };
  if (set.firstLineIndentChars !== undefined) return { first: set.firstLineIndentChars };
  return undefined;
}

type Taken = { start: number; end: number; value: string };

/** The file's runs of every body paragraph, with the reader's field state carried from paragraph to paragraph. */
function allRuns(main: MainPart): RunInfo[][] {
  let fields: Fields = [];
  return main.paras.map((p) => {
    if (fields.some((f) => f.inInstruction)) fields = fields.filter((f) => !f.inInstruction);
    return paragraphRuns(p).map((r) => runInfo(main.xml, r, fields));
  });
}

/** The run (with text) holding offset `at` strictly inside it, by binary search; undefined at a bound. */
function runAround(runs: Located[], at: number): Located | undefined {
  let lo = 0;
  let hi = runs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  const r = runs[lo];
  return r && r.start < at && at < r.end ? r : undefined;
}

export function formatPlanner(main: MainPart, doc: DocModel): FormatPlanner {
  let runsOf: RunInfo[][] | undefined;
  const located = new Map<number, Located[] | undefined>();
  const locatedRuns = (i: number): Located[] | undefined => {
    if (!located.has(i)) {
      runsOf ??= allRuns(main);
      located.set(i, locate(runsOf[i], doc.paragraphs[i].text.length)?.filter((r) => r.length > 0));
    }
    return located.get(i);
  };
  const sectionCount = sectPrs(main.body).length;
  const byPara = new Map<number, Map<string, Taken[]>>();
  const page = new Map<string, string>();
  const done: Array<{ index: number; fix: Fix }> = [];
  let log: Array<() => void> = [];
  let pending: { index: number; fix: Fix } | undefined;

  const claim = (paragraph: number, key: string, start: number, end: number, value: unknown): boolean => {
    let keys = byPara.get(paragraph);
    if (!keys) {
      keys = new Map();
      byPara.set(paragraph, keys);
    }
    let list = keys.get(key);
    if (!list) {
      list = [];
      keys.set(key, list);
    }
    const v = JSON.stringify(value);
    // Setting the same value twice is no contradiction; a different one on shared characters is.
    if (list.some((t) => t.start < end && start < t.end && t.value !== v)) return false;
    const mine = list;
    mine.push({ start, end, value: v });
    log.push(() => void mine.pop());
    return true;
  };

  const takeEdit = (e: FormatEdit): FormatRefusal | undefined => {
    const p = doc.paragraphs[e.paragraph];
    const el = main.paras[e.paragraph];
    if (!p || !el || el.selfClosing) return { reason: "unmapped" };
    const len = p.text.length;
    const ranged = isRangedEdit(e);
    if (ranged && !(Number.isInteger(e.start) && Number.isInteger(e.end) && e.start >= 0 && e.start <= e.end && e.end <= len)) return { reason: "unmapped" };
    const runKeys = RUN_KEYS.filter((k) => e.set[k] !== undefined);
    if (runKeys.length && len > 0 && !(ranged && e.start === e.end)) {
      const runs = locatedRuns(e.paragraph);
      if (!runs) return { reason: "unmapped" };
      if (ranged) {
        // A run is cut at a bound inside it only when it holds nothing but its text.
        for (const at of [e.start, e.end]) {
          const r = runAround(runs, at);
          if (r && !r.soleText) return { reason: "unmapped" };
        }
      }
    }
    const [start, end] = ranged ? [e.start, e.end] : [0, len + 1];
    for (const k of runKeys) if (start < end && !claim(e.paragraph, k, start, end, e.set[k])) return { reason: "overlap" };
    if (!ranged) {
      for (const k of PARA_KEYS) if (e.set[k] !== undefined && !claim(e.paragraph, k, 0, 1, e.set[k])) return { reason: "overlap" };
      const indent = indentClaim(e.set);
      if (indent !== undefined && !claim(e.paragraph, "indent", 0, 1, indent)) return { reason: "overlap" };
    }
    return undefined;
  };

  const takePage = (patch: PagePatch): FormatRefusal | undefined => {
    const keys = PAGE_KEYS.filter((k) => patch[k] !== undefined);
    if (keys.length === 0) return undefined;
    if (sectionCount === 0 || sectionCount !== doc.sections.length) return { reason: "unmapped" };
    for (const k of keys) {
      const v = String(patch[k]);
      const had = page.get(k);
      if (had !== undefined && had !== v) return { reason: "overlap" };
      if (had === undefined) {
        page.set(k, v);
        log.push(() => void page.delete(k));
      }
    }
    return undefined;
  };

  return {
    take(fix, index) {
      const kinds = unwrittenKinds(fix);
      if (kinds.length) return { reason: "format", kinds };
      for (const e of fix.format ?? []) {
        const no = takeEdit(e);
        if (no) return no;
      }
      if (fix.page) {
        const no = takePage(fix.page);
        if (no) return no;
      }
      pending = { index, fix };
      return undefined;
    },
    commit() {
      if (pending) done.push(pending);
      pending = undefined;
      log = [];
    },
    rollback() {
      for (let k = log.length - 1; k >= 0; k--) log[k]();
      log = [];
      pending = undefined;
    },
    any: () => done.length > 0,
    taken: () => done,
  };
}

/**
 * The splices that write the taken fixes' formatting into document.xml, and the fixes (indices)
 * whose formatting came out inexact (a run the model wants in two formats that cannot be cut):
 * those must be left out and everything planned again.
 */
export function formatSplices(main: MainPart, doc: DocModel, planner: FormatPlanner): { splices: Splice[]; inexact: Set<number> } {
  const edits = new Map<number, Array<{ index: number; e: FormatEdit }>>();
  const pages: PagePatch[] = [];
  for (const { index, fix } of planner.taken()) {
    for (const e of fix.format ?? []) {
      const list = edits.get(e.paragraph) ?? [];
      if (list.length === 0) edits.set(e.paragraph, list);
      list.push({ index, e });
    }
    if (fix.page) pages.push(fix.page);
  }
  const splices: Splice[] = [];
  const inexact = new Set<number>();
  const runsOf = edits.size ? allRuns(main) : [];
  for (const [i, list] of edits) {
    const was = doc.paragraphs[i];
    let now: Paragraph = was;
    for (const { e } of list) now = isRangedEdit(e) ? patchParagraph(now, e.set, e) : patchParagraph(now, e.set);
    const mine = keptParagraphSplices(main.xml, main.paras[i], runsOf[i], was, now, []);
    if (!mine.exact) for (const { index } of list) inexact.add(index);
    else splices.push(...mine.splices);
  }
  if (pages.length) {
    let sections: Section[] = doc.sections;
    for (const p of pages) sections = applyPagePatch(sections, p);
    sectPrs(main.body).forEach((s, k) => {
      if (!samePage(doc.sections[k], sections[k])) splices.push(...sectionPageSplices(main.xml, s, sections[k], undefined, 0, doc.sections[k]));
    });
  }
  return { splices, inexact };
}

// ---------------------------------------------------------------------------
// What a fix's formatting changes, in words (the CLI lists it like the text changes)

const ALIGN_ZH: Record<NonNullable<FormatPatch["alignment"]>, string> = {
  left: "左对齐",
  center: "居中",
  right: "右对齐",
  justify: "两端对齐",
  distribute: "分散对齐",
};

const num = (n: number) => String(Math.round(n * 100) / 100);

function spacingZh(ls: LineSpacing): string {
  if (ls.rule === "exact") return `固定值${num(ls.value)}磅`;
  if (ls.rule === "atLeast") return `最小值${num(ls.value)}磅`;
  return Math.abs(ls.value - 1) < 1e-6 ? "单倍行距" : `${num(ls.value)}倍行距`;
}

const COLOR_ZH: Record<string, string> = { FF0000: "红色", "000000": "黑色" };

function colorZh(rrggbb: string): string {
  return COLOR_ZH[rrggbb.toUpperCase()] ?? `#${rrggbb}`;
}

function borderZh(b: ParagraphBorder): string {
  return `${num(b.widthPt)}磅，${colorZh(b.color)}`;
}

function patchZh(set: FormatPatch, ranged: boolean): string[] {
  const out: string[] = [];
  if (set.fontEastAsia !== undefined) out.push(`中文字体设为${fontLabel(set.fontEastAsia)}`);
  if (set.fontLatin !== undefined) out.push(`西文字体设为${set.fontLatin}`);
  if (set.sizePt !== undefined) out.push(`字号设为${sizeLabel(set.sizePt)}`);
  if (set.bold !== undefined) out.push(set.bold ? "加粗" : "取消加粗");
  if (set.color !== undefined) out.push(`字体颜色设为${colorZh(set.color)}`);
  if (ranged) return out;
  if (set.alignment !== undefined) out.push(`设为${ALIGN_ZH[set.alignment]}`);
  // With a left indent the first line is said by the hanging indent (patchParagraph ignores this one).
  if (set.firstLineIndentChars !== undefined && set.leftIndentChars === undefined) out.push(Math.abs(set.firstLineIndentChars) < 1e-6 ? "取消首行缩进" : `首行缩进设为${num(set.firstLineIndentChars)}字符`);
  if (set.leftIndentChars !== undefined) {
    out.push(Math.abs(set.leftIndentChars) < 1e-6 ? "取消左缩进" : `左缩进设为${num(set.leftIndentChars)}字符`);
    const hang = set.hangingChars ?? 0;
    out.push(Math.abs(hang) < 1e-6 ? "不悬挂缩进" : `悬挂缩进设为${num(hang)}字符`);
  }
  if (set.rightIndentChars !== undefined) out.push(Math.abs(set.rightIndentChars) < 1e-6 ? "取消右缩进" : `右缩进设为${num(set.rightIndentChars)}字符`);
  if (set.borderTop !== undefined) out.push(`加上分隔线（${borderZh(set.borderTop)}）`);
  if (set.borderBottom !== undefined) out.push(`加下分隔线（${borderZh(set.borderBottom)}）`);
  if (set.lineSpacing !== undefined) out.push(`行距设为${spacingZh(set.lineSpacing)}`);
  if (set.outlineLevel !== undefined) out.push(set.outlineLevel >= 0 && set.outlineLevel < 9 ? `大纲级别设为${set.outlineLevel + 1}级` : "大纲级别设为正文文本");
  return out;
}

/** A short quote of a paragraph's characters [start, end). */
function quote(text: string, start: number, end: number): string {
  const s = text.slice(start, end);
  return `「${s.length > 12 ? `${s.slice(0, 10)}…` : s}」`;
}

/** One change a fix's formatting makes: on a paragraph, or (no paragraph) on the page setup. */
export interface FormatChange {
  paragraph?: number;
  text: string;
}

/** What the formatting of `fix` changes, one entry per paragraph (and one for the page setup). */
export function formatChanges(doc: DocModel, fix: Fix): FormatChange[] {
  const byPara = new Map<number, string[]>();
  for (const e of fix.format ?? []) {
    const ranged = isRangedEdit(e);
    const what = patchZh(e.set, ranged);
    if (what.length === 0) continue;
    const text = doc.paragraphs[e.paragraph]?.text ?? "";
    const list = byPara.get(e.paragraph) ?? [];
    if (list.length === 0) byPara.set(e.paragraph, list);
    list.push((ranged ? quote(text, e.start, e.end) : "") + what.join("，"));
  }
  const out: FormatChange[] = [...byPara].map(([paragraph, parts]) => ({ paragraph, text: parts.join("；") }));
  const page = fix.page;
  if (page) {
    const parts: string[] = [];
    if (page.pageWidthMm !== undefined || page.pageHeightMm !== undefined) {
      parts.push(`纸张设为${num(page.pageWidthMm ?? doc.sections[0]?.pageWidthMm ?? 0)} mm×${num(page.pageHeightMm ?? doc.sections[0]?.pageHeightMm ?? 0)} mm`);
    }
    const margins: Array<[keyof PagePatch, string]> = [
      ["marginTopMm", "上边距"],
      ["marginBottomMm", "下边距"],
      ["marginLeftMm", "左边距"],
      ["marginRightMm", "右边距"],
    ];
    for (const [k, name] of margins) if (page[k] !== undefined) parts.push(`${name}设为${num(page[k] as number)} mm`);
    if (parts.length) out.unshift({ text: parts.join("，") });
  }
  return out;
}
