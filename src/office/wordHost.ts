/**
 * The DocumentHost for live Word: the only code (with the rest of src/office) that calls Word.
 * Every operation takes a constant number of round trips (context.sync) whatever the document
 * size: reads are queued and synced once, writes are queued and synced once.
 */
import { NOTHING_TO_UNDO, type ApplyOptions, type ApplyResult, type CursorContext, type DocumentHost, type DocumentState, type HostCapabilities, type InsertParagraph, type UndoResult } from "../core/host";
import { placePhrase, type PhrasePlacement } from "../core/phrases/placement";
import { documentPart, type PartParagraph } from "../core/phrases/position";
import type { Alignment, DocModel, Paragraph } from "../core/model";
import type { FormatSpec } from "../core/profiles";
import { markerFromLabel, parseMarker } from "../core/numbering/markers";
import { readFlatOpc } from "../core/reader/index";
import { isRangedEdit, runPatchOf, type Fix, type FormatPatch, type TextEdit } from "../core/edits";
import type { Finding } from "../core/findings";
import { errorCode, isOoxmlFallbackError, runWord } from "./errors";

export { WordError, runWord } from "./errors";
export { movedStart } from "./text";
import { detectFeatures, type WordFeatures } from "./host";
import { buildParagraphsPackage } from "./ooxml";
import { isFormatAction, queuePageNumbers } from "./pageNumbers";
import { roleFormats, styleDefinitions, styleForPatch, STYLE_NAMES, WORD_ALIGNMENT, wordOutlineLevel, type RoleFormat, type StyleName } from "./roles";
import { queuePlan, type QueuedPlan } from "./search";
import { undoEntry, undoResult, UndoHistory, UndoRecorder, type WordUndoEntry } from "./undo";
import { alignParagraphs, movedStart, nearestOccurrence, normalizeWordText, occurrenceIndex, planInsertion, planSearch, type SearchPlan } from "./text";

/** Key of our state in the document's settings. */
export const STATE_KEY = "biganzi.state";

export interface WordHostOptions {
  /** House format for inserted paragraphs (defaults: the speech profile). */
  profile?: { format: FormatSpec };
  /** Parses getOoxml()'s package (defaults to the core reader). */
  parse?: (xml: string) => DocModel;
  /** Selection-change debounce in ms. */
  debounceMs?: number;
  /** Requirement sets, detected from Office when absent. */
  features?: WordFeatures;
}

/** Properties loaded when getOoxml() is not available (web payload limits, GeneralException). */
const FALLBACK_LOAD =
  "items/text,items/tableNestingLevel,items/style,items/alignment,items/firstLineIndent,items/outlineLevel," +
  "items/font/name,items/font/size,items/font/bold";
/** listItemOrNullObject can throw GeneralException on the web with tracked changes (office-js #5901). */
const FALLBACK_LIST = ",items/listItemOrNullObject/listString";

const ALIGN_FROM_WORD: Record<string, Alignment | undefined> = {
  Left: "left",
  Centered: "center",
  Right: "right",
  Justified: "justify",
};
const ALIGN_TO_WORD: Record<Alignment, "Left" | "Centered" | "Right" | "Justified"> = {
  left: "Left",
  center: "Centered",
  right: "Right",
  justify: "Justified",
  // Word's API has no distributed alignment; justified is the nearest.
  distribute: "Justified",
};

/** Default font size (三号) for converting character indents to points. */
const DEFAULT_SIZE_PT = 16;

function nn<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/** A model paragraph from Word's paragraph properties (no East Asian font: the API lacks it before WordApiDesktop 1.3). */
function paragraphFromWord(p: Word.Paragraph, index: number, withList: boolean): Paragraph {
  const text = normalizeWordText(p.text);
  const font = p.font;
  const level = p.outlineLevel;
  const li = withList ? p.listItemOrNullObject : undefined;
  const label = li && !li.isNullObject ? li.listString : undefined;
  return {
    index,
    part: "body",
    text,
    ...(label ? { listLabel: label } : {}),
    ...(p.style ? { styleName: p.style } : {}),
    ...(typeof level === "number" && level >= 1 && level <= 9 ? { outlineLevel: level - 1 } : {}),
    ...(ALIGN_FROM_WORD[String(p.alignment)] ? { alignment: ALIGN_FROM_WORD[String(p.alignment)] } : {}),
    ...(typeof p.firstLineIndent === "number" ? { firstLineIndentPt: p.firstLineIndent } : {}),
    // Line spacing is left out: the API gives points without the rule (exact / at least / multiple).
    runs: text
      ? [{ text, start: 0, end: text.length, fontLatin: nn(font.name) || undefined, sizePt: nn(font.size), bold: nn(font.bold) }]
      : [],
    ...(p.tableNestingLevel > 0 ? { inTable: true } : {}),
  };
}

/**
 * Sets the run properties of a patch through a Word.Font (a paragraph's or a range's), queued.
 * With nameFarEast (WordApiDesktop 1.3) the East Asian and Latin fonts are set apart. Without it
 * the one font name is all the API offers: it gets the East Asian font (Word applies a CJK name to
 * CJK text), unless the East Asian font already came with a named style (`eastAsiaCarried`), when
 * it gets the Latin one.
 */
function queueFont(font: Word.Font, set: FormatPatch, farEast: boolean, eastAsiaCarried: boolean): void {
  if (farEast) {
    if (set.fontEastAsia !== undefined) font.nameFarEast = set.fontEastAsia;
    if (set.fontLatin !== undefined) font.name = set.fontLatin;
  } else if (set.fontEastAsia !== undefined && !eastAsiaCarried) font.name = set.fontEastAsia;
  else if (set.fontLatin !== undefined) font.name = set.fontLatin;
  if (set.sizePt !== undefined) font.size = set.sizePt;
  if (set.bold !== undefined) font.bold = set.bold;
}

/** Applies a format patch to a Word paragraph (queued). `sizePt` converts character indents. */
function queueFormat(p: Word.Paragraph, set: FormatPatch, sizePt: number, farEast: boolean, styled: boolean): void {
  queueFont(p.font, set, farEast, styled);
  if (set.alignment !== undefined) p.alignment = ALIGN_TO_WORD[set.alignment];
  if (set.firstLineIndentChars !== undefined) p.firstLineIndent = set.firstLineIndentChars * (set.sizePt ?? sizePt);
  if (set.lineSpacing !== undefined) {
    // Points only; the rule cannot be set through the API. A multiple is taken as multiples of 12 pt.
    p.lineSpacing = set.lineSpacing.rule === "auto" ? set.lineSpacing.value * 12 : set.lineSpacing.value;
  }
  if (set.outlineLevel !== undefined) p.outlineLevel = set.outlineLevel + 1;
}

/**
 * A role's whole format on a paragraph (queued). `eastAsiaCarried`: the East Asian font is
 * already on the text (an OOXML package's runs, or a named style that defines it).
 */
function queueRoleFormat(p: Word.Paragraph, f: RoleFormat, features: WordFeatures, eastAsiaCarried = false): void {
  queueFont(p.font, { fontEastAsia: f.fontEastAsia, fontLatin: f.fontLatin, sizePt: f.sizePt, bold: f.bold ?? false }, features.farEastFont, eastAsiaCarried);
  p.alignment = WORD_ALIGNMENT[f.alignment];
  p.firstLineIndent = f.firstLineIndentPt;
  p.rightIndent = f.rightIndentPt;
  // Points only: the API cannot say "exactly"; the named style and the OOXML path carry the rule.
  p.lineSpacing = f.lineSpacingPt;
  p.outlineLevel = wordOutlineLevel(f.outlineLevel);
}

/** Word's outline level name for a style's paragraph format. */
function outlineLevelName(level: number): Word.OutlineLevel {
  return (level >= 1 && level <= 9 ? `OutlineLevel${level}` : "OutlineLevelBodyText") as Word.OutlineLevel;
}

export class WordDocumentHost implements DocumentHost {
  readonly kind = "word" as const;
  readonly capabilities: HostCapabilities;
  private readonly features: WordFeatures;
  private readonly parse: (xml: string) => DocModel;
  private readonly debounceMs: number;
  private readonly profile?: { format: FormatSpec };
  /** Model paragraph index → Word paragraph index, from the last readDocument(). */
  private modelToWord: number[] | undefined;
  /** Word paragraph index → model paragraph index. */
  private wordToModel: Map<number, number> | undefined;
  /** Sorted Word indices that have a model paragraph. */
  private mappedWord: number[] = [];
  private model: DocModel | undefined;
  /** What `select` last selected (paragraph text and selected text): a phrase never replaces it. */
  private paneSelection: { paragraphText: string; selected: string } | undefined;
  /** The last fix batches and 一键排版 runs, for 撤销 (undo.ts). */
  private readonly history = new UndoHistory<WordUndoEntry>();

  constructor(options: WordHostOptions = {}) {
    this.features = options.features ?? detectFeatures();
    this.capabilities = { comments: this.features.comments, stylesApi: this.features.stylesApi, selectionEvents: this.features.selectionEvents };
    this.parse = options.parse ?? readFlatOpc;
    this.debounceMs = options.debounceMs ?? 250;
    this.profile = options.profile;
  }

  /** The mapping from model paragraphs to Word's paragraph collection (for tests and diagnostics). */
  get paragraphMap(): readonly number[] | undefined {
    return this.modelToWord;
  }

  private wordIndex(paragraph: number): number {
    if (!this.modelToWord) return paragraph;
    return paragraph >= 0 && paragraph < this.modelToWord.length ? this.modelToWord[paragraph] : -1;
  }

  /** Model index for a Word paragraph; paragraphs added since the read count on from the nearest mapped one. */
  private modelIndex(word: number): number {
    if (!this.wordToModel) return word;
    const m = this.wordToModel.get(word);
    if (m !== undefined) return m;
    const ws = this.mappedWord;
    let lo = 0;
    let hi = ws.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (ws[mid] <= word) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (found < 0) return word;
    return (this.wordToModel.get(ws[found]) ?? 0) + (word - ws[found]);
  }

  private remember(doc: DocModel, modelToWord: number[]): void {
    this.model = doc;
    this.modelToWord = modelToWord;
    this.wordToModel = new Map();
    this.mappedWord = [];
    for (let i = 0; i < modelToWord.length; i++) {
      const w = modelToWord[i];
      if (w >= 0) {
        this.wordToModel.set(w, i);
        this.mappedWord.push(w);
      }
    }
  }

  async readDocument(): Promise<DocModel> {
    return runWord(async (context) => {
      const body = context.document.body;
      const ooxml = body.getOoxml();
      const paras = body.paragraphs;
      paras.load("items/text,items/tableNestingLevel");
      let synced = true;
      try {
        await context.sync();
      } catch (e) {
        // Payload limits on the web, GeneralException: read paragraph by paragraph instead.
        if (!isOoxmlFallbackError(e)) throw e;
        synced = false;
      }
      let doc: DocModel | undefined;
      if (synced) {
        try {
          doc = { ...this.parse(ooxml.value), source: "word" };
        } catch {
          doc = undefined; // A package the reader cannot read: same fallback.
        }
      }
      if (doc) {
        const wordTexts = paras.items.map((p) => normalizeWordText(p.text));
        const map = alignParagraphs(
          doc.paragraphs.map((p) => p.text),
          wordTexts,
        );
        this.remember(doc, map);
        return doc;
      }
      return this.readFromParagraphs(context);
    });
  }

  /** Fallback: the model from the paragraph collection's properties (1–2 more syncs). */
  private async readFromParagraphs(context: Word.RequestContext): Promise<DocModel> {
    let withList = true;
    let ps = context.document.body.paragraphs;
    ps.load(FALLBACK_LOAD + FALLBACK_LIST);
    try {
      await context.sync();
    } catch (e) {
      if (!isOoxmlFallbackError(e)) throw e;
      // Retry without list labels (the known web failure with tracked changes).
      withList = false;
      ps = context.document.body.paragraphs;
      ps.load(FALLBACK_LOAD);
      await context.sync();
    }
    const paragraphs = ps.items.map((p, i) => paragraphFromWord(p, i, withList));
    const doc: DocModel = { source: "word", paragraphs, otherParagraphs: [], sections: [], hasFormatting: true };
    this.remember(
      doc,
      paragraphs.map((_, i) => i),
    );
    return doc;
  }

  async select(paragraph: number, start: number, end: number): Promise<void> {
    const w = this.wordIndex(paragraph);
    if (w < 0) return;
    const known = this.model?.paragraphs[paragraph]?.text;
    await runWord(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load("items/text");
      await context.sync();
      const p = paras.items[w];
      if (!p) return;
      const text = normalizeWordText(p.text);
      // The excerpt as it was checked; located in the paragraph as it reads now.
      const source = known ?? text;
      const excerpt = source.slice(Math.max(0, start), Math.max(start, end));
      let plan: SearchPlan | undefined;
      if (excerpt && text === source) plan = planSearch(text, start, end);
      else if (excerpt) {
        // Edited since the check: follow the excerpt if the edit was wholly before or after it.
        const moved = movedStart(source, text, start, start + excerpt.length);
        let k = moved === undefined ? -1 : occurrenceIndex(text, excerpt, moved);
        if (k < 0) k = nearestOccurrence(text, excerpt, start);
        if (k >= 0 && excerpt.length <= 120) plan = { one: { needle: excerpt, k } };
      }
      if (!plan) {
        p.select();
        await context.sync();
        this.paneSelection = { paragraphText: text, selected: text };
        return;
      }
      const queued = queuePlan(p, plan);
      await context.sync();
      const range = queued.resolve();
      if (range) range.select();
      else p.select();
      await context.sync();
      this.paneSelection = { paragraphText: text, selected: range ? excerpt : text };
    });
  }

  async applyFixes(fixes: Fix[], expected: Record<number, string>, options: ApplyOptions = {}): Promise<ApplyResult> {
    let applied = 0;
    let stale = 0;
    const usable = fixes.filter((f) => (f.text?.length ?? 0) > 0 || (f.format?.length ?? 0) > 0);
    if (usable.length === 0) return { applied, stale };
    const needSize = usable.some((f) => f.format?.some((e) => !isRangedEdit(e) && e.set.firstLineIndentChars !== undefined && e.set.sizePt === undefined));
    const farEast = this.features.farEastFont;
    // Without nameFarEast, a paragraph gets its East Asian font through our named style where that is safe.
    const styled = farEast ? new Map<number, StyleName>() : this.stylesForEdits(usable);
    const needDirect = styled.size > 0;
    const load = ["items/text", ...(needSize ? ["items/font/size"] : []), ...(needDirect ? ["items/font/bold", "items/font/italic"] : [])];

    let recorder: UndoRecorder | undefined;
    await runWord(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load(load.join(","));
      // 一键排版 also writes the 页码 footers: read with sync 1, written with sync 3 (pageNumbers.ts).
      const pageNumbers = this.features.api13 && usable.some(isFormatAction) ? queuePageNumbers(context, this.profile?.format, this.features.farEastFont) : undefined;
      await context.sync(); // 1: the paragraphs as they read now

      const items = paras.items;
      recorder = new UndoRecorder(items.length, farEast);
      const currentText = new Map<number, string>();
      const wordPara = (paragraph: number): Word.Paragraph | undefined => {
        const w = this.wordIndex(paragraph);
        const p = w >= 0 ? items[w] : undefined;
        if (!p) return undefined;
        let t = currentText.get(paragraph);
        if (t === undefined) {
          t = normalizeWordText(p.text);
          currentText.set(paragraph, t);
        }
        return t === expected[paragraph] ? p : undefined;
      };

      /** Edited spans per paragraph, to keep overlapping edits from two fixes apart. */
      const taken = new Map<number, Array<[number, number]>>();
      const overlaps = (e: TextEdit) => (taken.get(e.paragraph) ?? []).some(([a, b]) => (e.start < b && a < e.end) || (e.start === e.end && e.start === a && a === b));

      /** A queued write, available once the search hits are synced (undefined: the range was not found). */
      type Resolver = () => (() => void) | undefined;
      interface Pending {
        writes: Resolver[];
        format: Array<() => void>;
        /** For 撤销: what the fix changes, recorded (and its formatting loaded) before it is written. */
        record: Array<() => void>;
      }
      const pending: Pending[] = [];
      const searchCache = new Map<number, Map<string, Word.RangeCollection>>();
      let searches = 0;

      for (const fix of usable) {
        const touched = new Set<number>([...(fix.text ?? []).map((e) => e.paragraph), ...(fix.format ?? []).map((e) => e.paragraph)]);
        let ok = true;
        for (const i of touched) if (!wordPara(i)) ok = false;
        if (ok && (fix.text ?? []).some(overlaps)) ok = false;
        if (!ok) {
          stale++;
          continue;
        }
        const job: Pending = { writes: [], format: [], record: [] };
        for (const e of fix.text ?? []) {
          const p = wordPara(e.paragraph)!;
          const text = currentText.get(e.paragraph)!;
          const w = this.wordIndex(e.paragraph);
          job.record.push(() => {
            recorder?.paragraph(w, p, text, false);
            recorder?.edit(w, e);
          });
          let cache = searchCache.get(e.paragraph);
          if (!cache) searchCache.set(e.paragraph, (cache = new Map()));
          if (e.end > e.start) {
            const plan = planSearch(text, e.start, e.end);
            if (!plan) {
              ok = false;
              break;
            }
            searches++;
            const q = queuePlan(p, plan, cache);
            job.writes.push(() => {
              const r = q.resolve();
              if (!r) return undefined;
              return () => {
                if (e.text) r.insertText(e.text, "Replace");
                else r.delete();
              };
            });
          } else if (text.length === 0) {
            job.writes.push(() => () => {
              p.insertText(e.text, "Start");
            });
          } else {
            const ins = planInsertion(text, e.start);
            if (!ins) {
              ok = false;
              break;
            }
            searches++;
            const q = queuePlan(p, { one: ins.step }, cache);
            job.writes.push(() => {
              const r = q.resolve();
              if (!r) return undefined;
              return () => {
                r.insertText(e.text, ins.where);
              };
            });
          }
        }
        if (!ok) {
          stale++;
          continue;
        }
        for (const e of fix.text ?? []) {
          const spans = taken.get(e.paragraph) ?? [];
          spans.push([e.start, e.end]);
          taken.set(e.paragraph, spans);
        }
        for (const fe of fix.format ?? []) {
          const p = wordPara(fe.paragraph)!;
          if (isRangedEdit(fe)) {
            // Part of a paragraph (a run-in heading's heading sentence): found by a search queued
            // with the others, its font set once the hits are in. Not found: left as it is.
            const plan = planSearch(currentText.get(fe.paragraph)!, fe.start, fe.end);
            if (!plan) continue;
            let cache = searchCache.get(fe.paragraph);
            if (!cache) searchCache.set(fe.paragraph, (cache = new Map()));
            searches++;
            const q = queuePlan(p, plan, cache);
            const run = runPatchOf(fe.set);
            const w = this.wordIndex(fe.paragraph);
            let r: Word.Range | undefined;
            job.record.push(() => {
              r = q.resolve();
              recorder?.paragraph(w, p, currentText.get(fe.paragraph)!, false);
              if (r) recorder?.range(w, fe.start, fe.end, r);
            });
            job.format.push(() => {
              if (r) queueFont(r.font, run, farEast, false);
            });
            continue;
          }
          const style = styled.get(fe.paragraph);
          const w = this.wordIndex(fe.paragraph);
          job.record.push(() => {
            const text = currentText.get(fe.paragraph)!;
            const read = this.model?.paragraphs[fe.paragraph];
            recorder?.paragraph(w, p, text, true, read?.text === text ? read.runs : undefined);
          });
          job.format.push(() => {
            const size = needSize ? (nn(p.font.size) ?? DEFAULT_SIZE_PT) : DEFAULT_SIZE_PT;
            if (style) {
              // The style first (it carries the East Asian font), then direct formatting over it;
              // whole-paragraph bold/italic the style may reset are put back unless the patch sets them.
              const bold = nn(p.font.bold);
              const italic = nn(p.font.italic);
              p.style = style;
              if (fe.set.bold === undefined && typeof bold === "boolean") p.font.bold = bold;
              if (typeof italic === "boolean") p.font.italic = italic;
            }
            queueFormat(p, fe.set, size, farEast, style !== undefined);
          });
        }
        pending.push(job);
      }

      if (searches > 0) await context.sync(); // 2: all search hits

      // Resolve every range of a fix first; queue its writes only when all were found. What each
      // applied fix changes is recorded for 撤销 (its formatting loaded) before any write is queued.
      const ready: Array<{ job: Pending; writes: Array<() => void> }> = [];
      for (const job of pending) {
        const writes: Array<() => void> = [];
        for (const resolve of job.writes) {
          const write = resolve();
          if (!write) break;
          writes.push(write);
        }
        if (writes.length !== job.writes.length) {
          stale++;
          continue;
        }
        for (const r of job.record) r();
        ready.push({ job, writes });
      }
      for (const { job, writes } of ready) {
        for (const write of writes) write();
        for (const f of job.format) f();
        applied++;
      }
      recorder.queueAfter();
      if (applied > 0) pageNumbers?.write();
      // Change tracking is left as the user set it (WordApi 1.4 changeTrackingMode is not touched).
      await context.sync(); // 3: all writes (and what 撤销 needs)
    });
    const entry = applied > 0 ? recorder?.entry(options.undoLabel ?? `修复 ${applied} 处`) : undefined;
    if (entry) this.history.push(entry);
    return { applied, stale };
  }

  get undoLabel(): string | undefined {
    return this.history.top?.label;
  }

  async undo(): Promise<UndoResult> {
    const entry = this.history.top;
    if (!entry) throw new Error(NOTHING_TO_UNDO);
    const outcome = await runWord((context) => undoEntry(context, entry));
    const result = undoResult(entry.label, outcome);
    if (typeof result === "string") {
      // Nothing could be put back: older changes lie under this one and cannot be either.
      this.history.clear();
      throw new Error(result);
    }
    this.history.pop();
    return result;
  }

  /**
   * Paragraphs whose format patch restates one of our named styles, and where applying that style
   * is safe: the style is in use in the document as last read (so it exists and setting it cannot
   * fail), no paragraph in it has an automatic list label (a numbered style would add text), and the
   * paragraph itself is no list item (a style change could drop its number).
   */
  private stylesForEdits(fixes: Fix[]): Map<number, StyleName> {
    const out = new Map<number, StyleName>();
    const doc = this.model;
    if (!doc) return out;
    let usable: Map<string, boolean> | undefined;
    for (const fix of fixes) {
      for (const fe of fix.format ?? []) {
        if (isRangedEdit(fe)) continue;
        const name = styleForPatch(fe.set, this.profile?.format);
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

  async insertParagraphs(paras: InsertParagraph[]): Promise<void> {
    if (paras.length === 0) return;
    const spec = this.profile?.format;
    const formats = roleFormats(spec);
    const useStyles = this.features.stylesApi;
    const farEast = this.features.farEastFont;
    await runWord(async (context) => {
      const doc = context.document;
      const anchor = doc.getSelection().paragraphs.getLast();
      anchor.load("text");
      const existing = new Map<string, Word.Style>();
      if (useStyles) {
        const styles = doc.getStyles();
        for (const name of STYLE_NAMES) {
          const s = styles.getByNameOrNullObject(name);
          s.load("nameLocal");
          existing.set(name, s);
        }
      }
      await context.sync(); // 1: the cursor paragraph, which styles exist

      if (useStyles) {
        const defs = styleDefinitions(spec);
        for (const name of STYLE_NAMES) {
          if (!existing.get(name)!.isNullObject) continue;
          const f = defs[name];
          const s = doc.addStyle(name, "Paragraph");
          // Without nameFarEast the style's one font name must carry the East Asian font.
          s.font.name = farEast ? f.fontLatin : f.fontEastAsia;
          if (farEast) s.font.nameFarEast = f.fontEastAsia;
          s.font.size = f.sizePt;
          s.font.bold = f.bold ?? false;
          s.paragraphFormat.alignment = WORD_ALIGNMENT[f.alignment];
          s.paragraphFormat.firstLineIndent = f.firstLineIndentPt;
          s.paragraphFormat.rightIndent = f.rightIndentPt;
          s.paragraphFormat.lineSpacing = f.lineSpacingPt;
          s.paragraphFormat.outlineLevel = outlineLevelName(wordOutlineLevel(f.outlineLevel));
        }
      }
      // An empty cursor paragraph takes the inserted paragraphs instead of staying blank.
      const emptyAnchor = normalizeWordText(anchor.text).trim() === "";
      if (!farEast) {
        // No API for the East Asian font: one OOXML package with the styles and direct w:rFonts eastAsia.
        const target = emptyAnchor ? anchor : anchor.insertParagraph("", "After");
        const range = target.insertOoxml(buildParagraphsPackage(paras, spec), "Replace");
        // The package's last paragraph merges into the target and keeps the target's paragraph
        // properties (office-js #2914): restate its role's formatting directly (its runs keep the
        // package's East Asian font).
        this.styleParagraph(range.paragraphs.getLast(), formats[paras[paras.length - 1].role], useStyles, true);
      } else {
        let prev: Word.Paragraph = anchor;
        let rest = paras;
        if (emptyAnchor) {
          anchor.insertText(paras[0].text, "Replace");
          this.styleParagraph(anchor, formats[paras[0].role], useStyles);
          rest = paras.slice(1);
        }
        for (const para of rest) {
          const np = prev.insertParagraph(para.text, "After");
          this.styleParagraph(np, formats[para.role], useStyles);
          prev = np;
        }
      }
      await context.sync(); // 2: styles, paragraphs, formatting
    });
    // Paragraph indices after the cursor have moved.
    this.forgetMapping();
  }

  private styleParagraph(p: Word.Paragraph, f: RoleFormat, useStyles: boolean, eastAsiaCarried = false): void {
    if (useStyles) p.style = f.styleName;
    queueRoleFormat(p, f, this.features, eastAsiaCarried);
  }

  /** Paragraphs were added or removed: the Word indices 撤销 kept no longer hold. */
  private forgetMapping(): void {
    this.history.clear();
    this.modelToWord = undefined;
    this.wordToModel = undefined;
    this.mappedWord = [];
    this.model = undefined;
  }

  async insertText(text: string): Promise<void> {
    await runWord(async (context) => {
      context.document.getSelection().insertText(text, "Replace");
      await context.sync();
    });
    if (/[\n\r]/.test(text)) this.forgetMapping();
  }

  async insertPhrase(text: string): Promise<PhrasePlacement> {
    const pane = this.paneSelection;
    this.paneSelection = undefined;
    const body = roleFormats(this.profile?.format).body;
    const placement = await runWord(async (context) => {
      const sel = context.document.getSelection();
      const selected = sel.paragraphs;
      selected.load("items/text,items/outlineLevel,items/isListItem");
      const first = selected.getFirst();
      // The text from the start of the selection's first paragraph to the selection: the caret's offset.
      const before = first.getRange("Start").expandTo(sel.getRange("Start"));
      before.load("text");
      sel.load("text");
      await context.sync(); // 1: where the selection is and what it holds
      const items = selected.items;
      const ptext = items.length > 0 ? normalizeWordText(items[0].text) : "";
      const start = normalizeWordText(before.text).length;
      const selectedText = normalizeWordText(sel.text);
      const multi = items.length > 1;
      const placed = placePhrase({
        text: ptext,
        // Word's text leaves out an auto-numbered label: a numbered paragraph counts as a heading.
        ...(items[0]?.isListItem ? { listLabel: "一、" } : {}),
        headingStyle: items.length > 0 && items[0].outlineLevel >= 1 && items[0].outlineLevel <= 9 && ptext.length <= 60,
        start,
        end: multi ? start : start + selectedText.length,
        multiParagraph: multi,
        paneSelection: pane !== undefined && pane.paragraphText === ptext && pane.selected === selectedText,
      });
      if (placed === "new-paragraph" && items.length > 0) {
        const last = items[items.length - 1];
        const np = last.insertParagraph(text, "After");
        // A paragraph inserted after a heading takes its style and list numbering: make it body text.
        if (last.isListItem) np.detachFromList();
        np.styleBuiltIn = "Normal";
        queueRoleFormat(np, body, this.features);
      } else if (placed === "after-selection") {
        sel.insertText(text, "After");
      } else {
        sel.insertText(text, "Replace");
      }
      await context.sync(); // 2: the insertion
      return placed;
    });
    if (placement === "new-paragraph" || /[\n\r]/.test(text)) this.forgetMapping();
    return placement;
  }

  async readCursor(): Promise<CursorContext | undefined> {
    try {
      return await this.readCursorOnce();
    } catch (e) {
      // The cursor outside the body (header, footer, comment pane): no union with the body range.
      const code = errorCode(e);
      if (code === "itemnotfound" || code === "invalidargument" || code === "notallowed") return undefined;
      throw e;
    }
  }

  private readCursorOnce(): Promise<CursorContext | undefined> {
    return runWord(async (context) => {
      const selected = context.document.getSelection().paragraphs;
      const cur = selected.getFirst();
      // Everything from the start of the body to the end of the cursor's paragraph: its paragraph
      // count gives the cursor's index (WordApi 1.3). All the body's texts give the heading above
      // and the part of the speech (opening, section, closing). One sync.
      const upto = context.document.body.getRange("Start").expandTo(cur.getRange("End"));
      const ps = upto.paragraphs;
      ps.load("items/tableNestingLevel");
      const all = context.document.body.paragraphs;
      all.load("items/text");
      // The selection's own paragraphs: their count gives the last one's index (a small property each).
      selected.load("items/tableNestingLevel");
      await context.sync();
      const items = all.items;
      const w = Math.min(ps.items.length, items.length) - 1;
      if (w < 0) return undefined;
      const paragraph = this.modelIndex(w);
      const last = w + Math.max(1, selected.items.length) - 1;
      const ctx: CursorContext = { paragraph, text: normalizeWordText(items[w].text), selectionEnd: this.modelIndex(last) };
      const texts = items.map((p) => normalizeWordText(p.text));
      const markerAt = (i: number) => {
        const label = this.wordToModel?.has(i) ? this.model?.paragraphs[this.modelIndex(i)]?.listLabel : undefined;
        return { label, marker: (label ? markerFromLabel(label) : null) ?? parseMarker(texts[i]) };
      };
      const parts: PartParagraph[] = texts.map((text, i) => {
        const level = markerAt(i).marker?.level;
        return { text, level: level !== undefined && level <= 4 ? level : undefined };
      });
      for (let i = w; i >= 0; i--) {
        const { label, marker } = markerAt(i);
        if (marker) {
          ctx.heading = { paragraph: this.modelIndex(i), text: label ? label + texts[i] : texts[i], level: marker.level };
          break;
        }
      }
      const part = documentPart(parts, w);
      if (part) ctx.part = part;
      return ctx;
    });
  }

  onSelectionChanged(handler: () => void): () => void {
    if (!this.capabilities.selectionEvents) return () => {};
    let timer: ReturnType<typeof setTimeout> | undefined;
    let active = true;
    const onEvent = () => {
      if (timer !== undefined) clearTimeout(timer);
      timer = setTimeout(() => {
        timer = undefined;
        if (active) handler();
      }, this.debounceMs);
    };
    Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, onEvent);
    return () => {
      active = false;
      if (timer !== undefined) clearTimeout(timer);
      Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler: onEvent });
    };
  }

  async addComments(findings: Finding[]): Promise<number> {
    if (!this.capabilities.comments || findings.length === 0) return 0;
    const known = this.model;
    let added = 0;
    await runWord(async (context) => {
      const paras = context.document.body.paragraphs;
      paras.load("items/text");
      await context.sync(); // 1
      const queued: Array<{ q: QueuedPlan | undefined; p: Word.Paragraph; f: Finding }> = [];
      const caches = new Map<number, Map<string, Word.RangeCollection>>();
      for (const f of findings) {
        const w = this.wordIndex(f.paragraph);
        const p = w >= 0 ? paras.items[w] : undefined;
        if (!p) continue;
        const text = normalizeWordText(p.text);
        // Only where the paragraph still reads as checked (when we know how it read).
        const was = known?.paragraphs[f.paragraph]?.text;
        if (was !== undefined && was !== text) continue;
        let cache = caches.get(w);
        if (!cache) caches.set(w, (cache = new Map()));
        const plan = planSearch(text, f.start, f.end);
        queued.push({ q: plan ? queuePlan(p, plan, cache) : undefined, p, f });
      }
      await context.sync(); // 2
      for (const { q, p, f } of queued) {
        const range = q?.resolve() ?? p.getRange("Whole");
        range.insertComment(`【笔杆子】${f.message}`);
        added++;
      }
      await context.sync(); // 3
    });
    return added;
  }

  async loadState(): Promise<DocumentState> {
    const empty: DocumentState = { ignoredFindings: [], ignoredRules: [] };
    const raw = Office.context.document.settings.get(STATE_KEY) as unknown;
    if (typeof raw !== "string") return empty;
    try {
      const v = JSON.parse(raw) as Partial<DocumentState>;
      return {
        ignoredFindings: Array.isArray(v.ignoredFindings) ? v.ignoredFindings.filter((x) => typeof x === "string") : [],
        ignoredRules: Array.isArray(v.ignoredRules) ? v.ignoredRules.filter((x) => typeof x === "string") : [],
      };
    } catch {
      return empty;
    }
  }

  async saveState(state: DocumentState): Promise<void> {
    const settings = Office.context.document.settings;
    settings.set(STATE_KEY, JSON.stringify(state));
    await new Promise<void>((resolve, reject) => {
      settings.saveAsync((r) => (r.status === Office.AsyncResultStatus.Failed ? reject(r.error) : resolve()));
    });
  }
}
