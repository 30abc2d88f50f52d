/**
 * 撤销 in Word: what a fix batch or 一键排版 changed, kept so that it can be put back, and the put-back
 * itself. Recording costs no extra round trip: the formatting a batch is about to set is loaded in
 * the same batch just before it is set (Word runs a batch's operations in order), and the text the
 * batch left is loaded just after. Undo reads once, searches once, writes once.
 *
 * Kept per change: for each paragraph it touched, its Word index, its text before and after, the
 * text edits that turn the after text back into the before text, and — where the change set
 * formatting — the paragraph's style, fonts, size, bold/italic, colour, alignment, left / first-line
 * / right indents, line spacing and outline level as Word reported them (and the font of any part
 * of it the change formatted on its own). A colour Word reports as mixed over the paragraph cannot
 * be put back run by run (the model read from the document has no colours) and stays as set.
 * 一键排版 also writes the page numbers (pageNumbers.ts): its entry keeps the footers' (and the even
 * header's) OOXML from before and the odd/even setting, put back in the same syncs — unless Word
 * refused that OOXML, when the numbers stay. Word's 一键排版 sets no other page setup (margins
 * need WordApiDesktop), so there is none other to keep.
 */
import { applyEditsToText } from "../core/edits";
import type { Run } from "../core/model";
import { undoMessage, undoRefusal, UNDO_DEPTH, type UndoResult } from "../core/host";
import { queueRestore, type PageNumberUndo } from "./pageNumbers";
import { queuePlan } from "./search";
import { normalizeWordText, planInsertion, planSearch, type SearchPlan } from "./text";

/** Font properties as Word reported them; null where the paragraph or range mixes values. */
export interface FontSnapshot {
  name: string | null;
  size: number | null;
  bold: boolean | null;
  italic: boolean | null;
  /** Only with WordApiDesktop 1.3. */
  nameFarEast?: string | null;
  /** "#RRGGBB" as Word reports it (一键排版 sets the 发文机关标志's red); absent in older entries. */
  color?: string | null;
}

/** A paragraph's formatting before a change set it (what queueFormat/queueRoleFormat set). */
export interface FormatSnapshot {
  style: string;
  alignment: string;
  firstLineIndent: number;
  /** Absent in entries recorded before 一键排版 set left indents. */
  leftIndent?: number;
  rightIndent: number;
  lineSpacing: number;
  outlineLevel: number;
  font: FontSnapshot;
}

/** An edit in the after text: replace [start, end) with `text` (inverse of what the batch did). */
export interface UndoEdit {
  start: number;
  end: number;
  text: string;
}

export interface ParagraphUndo {
  /** Index in Word's body paragraph collection (the batch does not add or remove paragraphs). */
  word: number;
  before: string;
  after: string;
  /** Edits on `after` that give `before` (empty for a formatting-only change). */
  edits: UndoEdit[];
  format?: FormatSnapshot;
  /**
   * Stretches whose font is put back after the paragraph's own: where Word reported a property as
   * mixed, the runs as the document was last read; then the parts the change formatted on their
   * own (a run-in heading's heading sentence). Offsets in `before`.
   */
  ranges: Array<{ start: number; end: number; font: FontSnapshot }>;
}

export interface WordUndoEntry {
  label: string;
  /** Word's paragraph count when the change was made: a different count means the indices moved. */
  paragraphCount: number;
  paragraphs: ParagraphUndo[];
  /**
   * The page numbers 一键排版 wrote, and what was there before. Absent when it wrote none, or when
   * Word refused to give the footers' OOXML (then 撤销排版 leaves the numbers in place).
   */
  pageNumbers?: PageNumberUndo;
}

const FONT_PROPS = ["name", "size", "bold", "italic", "color"] as const;
const PARA_PROPS = ["style", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "outlineLevel"] as const;

function fontLoad(farEast: boolean, prefix = ""): string {
  return [...FONT_PROPS, ...(farEast ? ["nameFarEast"] : [])].map((p) => `${prefix}${p}`).join(",");
}

function readFont(font: Word.Font, farEast: boolean): FontSnapshot {
  const v = <T>(x: T | null | undefined): T | null => (x === undefined ? null : x);
  return {
    name: v(font.name),
    size: v(font.size),
    bold: v(font.bold),
    italic: v(font.italic),
    color: v(font.color),
    ...(farEast ? { nameFarEast: v(font.nameFarEast) } : {}),
  };
}

/** Sets the known (non-null) font properties, queued. */
function queueFontSnapshot(font: Word.Font, f: FontSnapshot): void {
  if (f.name !== null) font.name = f.name;
  if (f.nameFarEast !== undefined && f.nameFarEast !== null) font.nameFarEast = f.nameFarEast;
  if (f.size !== null) font.size = f.size;
  if (f.bold !== null) font.bold = f.bold;
  if (f.italic !== null) font.italic = f.italic;
  if (f.color !== undefined && f.color !== null) font.color = f.color;
}

/**
 * The edits that take `after` back to `before`, from the edits (in `before`'s offsets) that made
 * `after`: each replaced stretch gets its old text, so the text between keeps its formatting. When
 * Word did not leave exactly what the edits say (autocorrect, a field), one edit over the changed
 * middle instead.
 */
export function inverseEdits(before: string, after: string, applied: readonly UndoEdit[]): UndoEdit[] {
  const sorted = [...applied].sort((a, b) => a.start - b.start || a.end - b.end);
  const out: UndoEdit[] = [];
  let delta = 0;
  for (const e of sorted) {
    const start = e.start + delta;
    out.push({ start, end: start + e.text.length, text: before.slice(e.start, e.end) });
    delta += e.text.length - (e.end - e.start);
  }
  if (applyEditsToText(after, out) === before) return out.filter((e) => e.end > e.start || e.text.length > 0);
  return diffEdit(before, after);
}

/** One edit over the middle where the two texts differ (nothing when they are equal). Linear. */
export function diffEdit(before: string, after: string): UndoEdit[] {
  if (before === after) return [];
  const max = Math.min(before.length, after.length);
  let a = 0;
  while (a < max && before.charCodeAt(a) === after.charCodeAt(a)) a++;
  let b = 0;
  while (b < max - a && before.charCodeAt(before.length - 1 - b) === after.charCodeAt(after.length - 1 - b)) b++;
  return [{ start: a, end: after.length - b, text: before.slice(a, before.length - b) }];
}

interface Recording {
  word: number;
  p: Word.Paragraph;
  before: string;
  edits: UndoEdit[];
  withFormat: boolean;
  /** The paragraph's runs as last read (the model), when its text was the same. */
  runs?: readonly Run[];
  ranges: Array<{ start: number; end: number; r: Word.Range }>;
}

/**
 * Collects what one applyFixes batch changes, queued into the batch's write sync: `paragraph`
 * before the paragraph's writes are queued, `range` before a part's font is set, `queueAfter` once
 * all writes are queued; `entry` after that sync.
 */
export class UndoRecorder {
  private readonly rec = new Map<number, Recording>();

  constructor(
    private readonly paragraphCount: number,
    private readonly farEast: boolean,
  ) {}

  /**
   * Remembers a paragraph the batch changes; with `format`, queues the load of its formatting as it
   * is now. `runs`: the paragraph's runs as last read, for properties Word will report as mixed.
   */
  paragraph(word: number, p: Word.Paragraph, before: string, format: boolean, runs?: readonly Run[]): void {
    let r = this.rec.get(word);
    if (!r) {
      r = { word, p, before, edits: [], withFormat: false, ranges: [] };
      this.rec.set(word, r);
    }
    if (format && !r.withFormat) {
      r.withFormat = true;
      r.runs = runs;
      p.load([...PARA_PROPS, fontLoad(this.farEast, "font/")].join(","));
    }
  }

  /** A text edit the batch makes (offsets in the text before). */
  edit(word: number, e: UndoEdit): void {
    this.rec.get(word)?.edits.push(e);
  }

  /** A part of the paragraph whose font the batch sets; queues the load of its font as it is now. */
  range(word: number, start: number, end: number, r: Word.Range): void {
    const rec = this.rec.get(word);
    if (!rec) return;
    r.font.load(fontLoad(this.farEast));
    rec.ranges.push({ start, end, r });
  }

  /** Queues the load of each changed paragraph's text as the batch leaves it (after its writes). */
  queueAfter(): void {
    for (const r of this.rec.values()) r.p.load("text");
  }

  /** The entry, once the batch's write sync is done; undefined when nothing changed. */
  entry(label: string): WordUndoEntry | undefined {
    const paragraphs: ParagraphUndo[] = [];
    for (const r of this.rec.values()) {
      const after = normalizeWordText(r.p.text);
      const p: ParagraphUndo = {
        word: r.word,
        before: r.before,
        after,
        edits: inverseEdits(r.before, after, r.edits),
        ranges: r.ranges.map(({ start, end, r: range }) => ({ start, end, font: readFont(range.font, this.farEast) })),
      };
      if (r.withFormat) {
        const w = r.p;
        const font = readFont(w.font, this.farEast);
        if (r.runs && r.before === after) p.ranges.unshift(...mixedRuns(font, r.runs, this.farEast));
        p.format = {
          style: w.style,
          alignment: String(w.alignment),
          firstLineIndent: w.firstLineIndent,
          leftIndent: w.leftIndent,
          rightIndent: w.rightIndent,
          lineSpacing: w.lineSpacing,
          outlineLevel: w.outlineLevel,
          font,
        };
      }
      paragraphs.push(p);
    }
    if (paragraphs.length === 0) return undefined;
    paragraphs.sort((a, b) => a.word - b.word);
    return { label, paragraphCount: this.paragraphCount, paragraphs };
  }
}

/**
 * For each property Word reports as mixed over the paragraph (null), its value per run as the
 * document was last read; the other properties are left to the paragraph's own restore. Without
 * nameFarEast the one font name carries the East Asian font, as the fixes set it.
 */
export function mixedRuns(para: FontSnapshot, runs: readonly Run[], farEast: boolean): Array<{ start: number; end: number; font: FontSnapshot }> {
  const mixedName = para.name === null;
  const mixedEa = farEast && para.nameFarEast === null;
  if (!mixedName && !mixedEa && para.size !== null && para.bold !== null) return [];
  const out: Array<{ start: number; end: number; font: FontSnapshot }> = [];
  for (const run of runs) {
    if (run.end <= run.start) continue;
    const name = mixedName ? ((farEast ? run.fontLatin : (run.fontEastAsia ?? run.fontLatin)) ?? null) : null;
    const font: FontSnapshot = {
      name,
      size: para.size === null ? (run.sizePt ?? null) : null,
      // Mixed bold: a run the reader found no bold on is not bold.
      bold: para.bold === null ? (run.bold ?? false) : null,
      italic: null,
      ...(farEast ? { nameFarEast: mixedEa ? (run.fontEastAsia ?? null) : null } : {}),
    };
    if (font.name === null && font.size === null && font.bold === null && (font.nameFarEast ?? null) === null) continue;
    out.push({ start: run.start, end: run.end, font });
  }
  return out;
}

/** The last UNDO_DEPTH changes, newest last. */
export class UndoHistory<T extends { label: string }> {
  private readonly stack: T[] = [];
  constructor(private readonly depth = UNDO_DEPTH) {}
  push(entry: T): void {
    this.stack.push(entry);
    if (this.stack.length > this.depth) this.stack.shift();
  }
  get top(): T | undefined {
    return this.stack[this.stack.length - 1];
  }
  get size(): number {
    return this.stack.length;
  }
  pop(): T | undefined {
    return this.stack.pop();
  }
  clear(): void {
    this.stack.length = 0;
  }
}

/**
 * What undoing an entry in Word did; `refused` when the paragraph indices no longer hold.
 * `pages`: the page numbers were taken back (they count as skipped when the footers were changed since).
 */
export type WordUndoOutcome = { refused: true } | { refused: false; restored: number; skipped: number; pages?: boolean };

/**
 * Puts an entry back (at most 3 syncs): 1 reads every paragraph's text (and style, where formatting
 * is restored; and the footers 一键排版 wrote), 2 finds the stretches to put back, 3 writes them,
 * the formatting and the footers. A paragraph that no longer reads as the change left it, or whose
 * stretches cannot be found, is skipped; so are the page numbers when a footer was changed since.
 */
export async function undoEntry(context: Word.RequestContext, entry: WordUndoEntry): Promise<WordUndoOutcome> {
  const paras = context.document.body.paragraphs;
  const withStyle = entry.paragraphs.some((p) => p.format);
  paras.load(withStyle ? "items/text,items/style" : "items/text");
  const pages = entry.pageNumbers ? queueRestore(context, entry.pageNumbers) : undefined;
  await context.sync(); // 1: the paragraphs (and footers) as they read now
  const items = paras.items;
  if (items.length !== entry.paragraphCount) return { refused: true };

  type Write = () => (() => void) | undefined;
  const jobs: Array<{ u: ParagraphUndo; p: Word.Paragraph; writes: Write[] }> = [];
  let skipped = 0;
  let searches = 0;
  for (const u of entry.paragraphs) {
    const p = items[u.word];
    if (!p || normalizeWordText(p.text) !== u.after) {
      skipped++;
      continue;
    }
    const cache = new Map<string, Word.RangeCollection>();
    const writes: Write[] = [];
    let ok = true;
    for (const e of u.edits) {
      if (e.end > e.start) {
        const plan = planSearch(u.after, e.start, e.end);
        if (!plan) {
          ok = false;
          break;
        }
        searches++;
        const q = queuePlan(p, plan, cache);
        writes.push(() => {
          const r = q.resolve();
          if (!r) return undefined;
          return () => {
            if (e.text) r.insertText(e.text, "Replace");
            else r.delete();
          };
        });
      } else if (u.after.length === 0) {
        writes.push(() => () => void p.insertText(e.text, "Start"));
      } else {
        const ins = planInsertion(u.after, e.start);
        if (!ins) {
          ok = false;
          break;
        }
        searches++;
        const q = queuePlan(p, { one: ins.step }, cache);
        writes.push(() => {
          const r = q.resolve();
          if (!r) return undefined;
          return () => void r.insertText(e.text, ins.where);
        });
      }
    }
    // Parts formatted on their own are found again only where the text is as it was (formatting-only changes).
    if (ok && u.before === u.after) {
      for (const part of u.ranges) {
        const plan: SearchPlan | undefined = planSearch(u.after, part.start, part.end);
        if (!plan) continue;
        searches++;
        const q = queuePlan(p, plan, cache);
        writes.push(() => {
          const r = q.resolve();
          // A part not found is left as it is: the paragraph's own formatting is still restored.
          return () => {
            if (r) queueFontSnapshot(r.font, part.font);
          };
        });
      }
    }
    if (!ok) {
      skipped++;
      continue;
    }
    jobs.push({ u, p, writes });
  }
  if (searches > 0) await context.sync(); // 2: all search hits

  let restored = 0;
  for (const { u, p, writes } of jobs) {
    const ready: Array<() => void> = [];
    for (const w of writes) {
      const run = w();
      if (!run) break;
      ready.push(run);
    }
    if (ready.length !== writes.length) {
      skipped++;
      continue;
    }
    const f = u.format;
    const textWrites = ready.slice(0, u.edits.length);
    const partWrites = ready.slice(u.edits.length);
    for (const run of textWrites) run();
    if (f) {
      // The style first (it resets what it defines), then every direct property as it was.
      if (f.style && p.style !== f.style) p.style = f.style;
      p.alignment = f.alignment as Word.Alignment;
      if (f.leftIndent !== undefined) p.leftIndent = f.leftIndent;
      p.firstLineIndent = f.firstLineIndent;
      p.rightIndent = f.rightIndent;
      p.lineSpacing = f.lineSpacing;
      p.outlineLevel = f.outlineLevel;
      queueFontSnapshot(p.font, f.font);
    }
    for (const run of partWrites) run();
    restored++;
  }
  const pagesRestored = pages?.restore();
  if (pagesRestored === false) skipped++;
  if (restored > 0 || pagesRestored) await context.sync(); // 3: all writes
  return { refused: false, restored, skipped, ...(pagesRestored ? { pages: true } : {}) };
}

/** The result of an outcome, or the Chinese sentence to throw. */
export function undoResult(label: string, outcome: WordUndoOutcome): UndoResult | string {
  if (outcome.refused || (outcome.restored === 0 && !outcome.pages)) return undoRefusal(label);
  return { label, restored: outcome.restored, skipped: outcome.skipped, message: undoMessage(label, outcome.skipped) };
}
