/**
 * An in-memory DocumentHost over a DocModel: the preview page runs the real taskpane against
 * it in a plain browser, and the taskpane tests use it in jsdom. It behaves like the Word
 * gateway where it matters: fixes only where the paragraph still reads as checked, insertion
 * after the cursor paragraph, selection-change events, state kept with the document.
 */
import { applyEditsToText, applyFixes as applyTextFixes, applyFormatEdits, applyPagePatch, pageNumbersOf, type Fix, type TextEdit } from "../core/edits";
import { roleFormat, type RoleFormat } from "../core/format/roles";
import { speechProfile, type FormatSpec, type PageNumberMode } from "../core/profiles";
import {
  isFormatAction,
  NOTHING_TO_UNDO,
  undoMessage,
  undoRefusal,
  UNDO_DEPTH,
  type ApplyOptions,
  type ApplyResult,
  type CursorContext,
  type DocumentHost,
  type DocumentState,
  type HostCapabilities,
  type InsertParagraph,
  type UndoResult,
} from "../core/host";
import { displayText, type DocModel, type Paragraph, type Run } from "../core/model";
import type { Finding } from "../core/findings";
import { headingLevelOf } from "../taskpane/headings";
import { placePhrase, type PhrasePlacement } from "../core/phrases/placement";
import { documentPart } from "../core/phrases/position";
import type { Section } from "../core/model";

/** The cursor or selection: [start, end) of a body paragraph; start = end is a caret. */
export interface MemorySelection {
  paragraph: number;
  start: number;
  end: number;
  /** The last paragraph when the selection spans several (start/end are then offsets in `paragraph`, the first). */
  endParagraph?: number;
}

export interface MemoryComment {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

/**
 * One change 撤销 can take back: the paragraphs it changed as they were before and as it left
 * them (and the page setup, when it changed that). Undo restores `before` only where the document
 * still holds exactly what the change left, like a fix applies only where the text is as checked.
 */
interface UndoEntry {
  /** What 撤销 takes back, e.g. 「修复 3 处」. */
  label: string;
  paragraphCount: number;
  before: Map<number, Paragraph>;
  after: Map<number, Paragraph>;
  sections?: { before: Section[]; after: Section[] };
  /** The page numbers 一键排版 added (before: none, or what there was). */
  pageNumbers?: { before: PreviewPageNumbers | undefined; after: PreviewPageNumbers | undefined };
}

/** How the page numbers 一键排版 added are placed (core/format/pageNumbers.ts `footerAligns`). */
export type PreviewPageNumbers = Exclude<PageNumberMode, "none">;

/** A document as the preview holds it: the model plus what Word would keep inside the file. */
export interface MemoryDocument {
  model: DocModel;
  /** Saved taskpane state (Word: document settings); survives reopening the document. */
  state?: DocumentState;
  comments: MemoryComment[];
  /**
   * Page numbers in the footer that 一键排版 added, as Word gets them (a PAGE field 「— 1 —」),
   * by how they are placed; absent: none added (a footer of the document's own is in
   * model.otherParagraphs and is left alone).
   */
  pageNumbers?: PreviewPageNumbers;
}

export function memoryDocument(model: DocModel): MemoryDocument {
  return { model, comments: [] };
}

export interface MemoryHostOptions {
  /** Delay every call by this many milliseconds (the preview uses it to show progress). */
  latencyMs?: number;
  capabilities?: Partial<HostCapabilities>;
  /** House format for inserted paragraphs (defaults: the speech profile), as the Word gateway takes it. */
  profile?: { format: FormatSpec };
}

const cloneState = (s: DocumentState): DocumentState => ({
  ignoredFindings: [...s.ignoredFindings],
  ignoredRules: [...s.ignoredRules],
});

export class MemoryHost implements DocumentHost {
  readonly kind = "preview" as const;
  readonly capabilities: HostCapabilities;
  readonly document: MemoryDocument;
  private selection: MemorySelection | undefined;
  /** The selection `select` made (the pane's own, not the clerk's): a phrase never replaces it. */
  private paneSelection: MemorySelection | undefined;
  private readonly selectionHandlers = new Set<() => void>();
  private readonly listeners = new Set<() => void>();
  private readonly latencyMs: number;
  /** The house style inserted paragraphs are written in (core/format/roles.ts). */
  private readonly spec: FormatSpec;
  private readonly revealHandlers = new Set<(at: MemorySelection) => void>();
  private readonly undoStack: UndoEntry[] = [];
  /** The document as the pane last read it: findings are placed by its offsets. */
  private lastRead: DocModel | undefined;

  constructor(doc: MemoryDocument | DocModel, options: MemoryHostOptions = {}) {
    this.document = "model" in doc ? doc : memoryDocument(doc);
    this.latencyMs = options.latencyMs ?? 0;
    this.spec = options.profile?.format ?? speechProfile().format;
    this.capabilities = { comments: true, stylesApi: true, selectionEvents: true, ...options.capabilities };
  }

  /** The current model (immutable: every change makes a new one). */
  get model(): DocModel {
    return this.document.model;
  }

  get currentSelection(): MemorySelection | undefined {
    return this.selection;
  }

  get comments(): readonly MemoryComment[] {
    return this.document.comments;
  }

  /** Calls back on any change (text, formatting, selection, comments); returns an unsubscribe function. */
  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Replaces the whole document (the preview's 打开文档). The selection is cleared. */
  open(doc: MemoryDocument | DocModel): void {
    const next = "model" in doc ? doc : memoryDocument(doc);
    this.document.model = next.model;
    this.document.state = next.state;
    this.document.comments = next.comments;
    this.document.pageNumbers = next.pageNumbers;
    this.selection = undefined;
    this.undoStack.length = 0;
    this.changed(true);
  }

  /** Puts a caret (or a selection) where the user clicked; offsets are clamped to the paragraph. */
  placeCursor(paragraph: number, start: number, end = start): void {
    const p = this.model.paragraphs[paragraph];
    if (!p) return;
    const s = Math.max(0, Math.min(start, p.text.length));
    const e = Math.max(s, Math.min(end, p.text.length));
    this.selection = { paragraph, start: s, end: e };
    this.changed(true);
  }

  /** Selects whole paragraphs from…to (both included), as a clerk drags over several paragraphs. */
  selectParagraphs(from: number, to: number): void {
    const n = this.model.paragraphs.length;
    if (n === 0) return;
    const a = Math.max(0, Math.min(from, to, n - 1));
    const b = Math.min(n - 1, Math.max(from, to));
    if (a === b) {
      this.placeCursor(a, 0, this.model.paragraphs[a].text.length);
      return;
    }
    this.selection = { paragraph: a, start: 0, end: this.model.paragraphs[a].text.length, endParagraph: b };
    this.changed(true);
  }

  async readDocument(): Promise<DocModel> {
    await this.delay();
    this.lastRead = this.model;
    return this.model;
  }

  async select(paragraph: number, start: number, end: number): Promise<void> {
    await this.delay();
    const p = this.model.paragraphs[paragraph];
    if (!p) throw new Error(`第 ${paragraph + 1} 段不存在，可能已被删除。请重新检查。`);
    if (start === end) this.placeCursor(paragraph, 0, p.text.length);
    else this.placeCursor(paragraph, start, end);
    this.paneSelection = this.selection && { ...this.selection };
    // The pane asked to show this place (a finding, a heading): the document view scrolls to it.
    if (this.selection) for (const h of [...this.revealHandlers]) h({ ...this.selection });
  }

  async applyFixes(fixes: Fix[], expected: Record<number, string>, options: ApplyOptions = {}): Promise<ApplyResult> {
    await this.delay();
    const beforeFix = this.model;
    const paras = this.model.paragraphs;
    const ok: Fix[] = [];
    let stale = 0;
    /** Edited spans per paragraph: a fix over a stretch an earlier fix of the batch edits is refused, as in Word. */
    const taken = new Map<number, Array<[number, number]>>();
    const overlaps = (e: TextEdit) => (taken.get(e.paragraph) ?? []).some(([a, b]) => (e.start < b && a < e.end) || (e.start === e.end && e.start === a && a === b));
    for (const fix of fixes) {
      const touched = [...(fix.text ?? []).map((e) => e.paragraph), ...(fix.format ?? []).map((e) => e.paragraph)];
      const fresh = touched.every((i) => paras[i] !== undefined && expected[i] !== undefined && paras[i].text === expected[i]);
      if (!fresh || (fix.text ?? []).some(overlaps)) {
        stale++;
        continue;
      }
      for (const e of fix.text ?? []) taken.set(e.paragraph, [...(taken.get(e.paragraph) ?? []), [e.start, e.end]]);
      ok.push(fix);
    }
    if (ok.length === 0) return { applied: 0, stale };
    let model = applyTextFixes(this.model, ok);
    // applyTextFixes re-cuts runs to one run; keep the selection inside the changed text.
    model = this.applyFormat(model, ok);
    this.document.model = model;
    const pagesBefore = this.document.pageNumbers;
    const formatFix = ok.find(isFormatAction);
    if (formatFix) this.addPageNumbers(pageNumbersOf(formatFix));
    this.recordUndo(options.undoLabel ?? `修复 ${ok.length} 处`, beforeFix, pagesBefore);
    this.clampSelection();
    this.changed(false);
    return { applied: ok.length, stale };
  }

  async insertParagraphs(paras: InsertParagraph[]): Promise<void> {
    await this.delay();
    if (paras.length === 0) return;
    const doc = this.model;
    const at = this.selection ? this.selection.paragraph + 1 : doc.paragraphs.length;
    const made = paras.map((ip) => this.makeParagraph(ip));
    const all = [...doc.paragraphs.slice(0, at), ...made, ...doc.paragraphs.slice(at)];
    this.document.model = { ...doc, paragraphs: reindex(all) };
    this.shiftComments(at, made.length);
    const last = at + made.length - 1;
    this.selection = { paragraph: last, start: made[made.length - 1].text.length, end: made[made.length - 1].text.length };
    this.changed(true);
  }

  async insertText(text: string): Promise<void> {
    await this.delay();
    const doc = this.model;
    // No cursor yet: a new paragraph at the end, as Word does when the document is empty.
    if (!this.selection || !doc.paragraphs[this.selection.paragraph]) {
      const p = this.makeParagraph({ role: "body", text }, doc.hasFormatting);
      this.document.model = { ...doc, paragraphs: reindex([...doc.paragraphs, p]) };
      this.selection = { paragraph: doc.paragraphs.length, start: text.length, end: text.length };
      this.changed(true);
      return;
    }
    const { paragraph, start, end } = this.selection;
    const p = doc.paragraphs[paragraph];
    const newText = applyEditsToText(p.text, [{ start, end, text }]);
    const paragraphs = [...doc.paragraphs];
    paragraphs[paragraph] = { ...p, text: newText, runs: recutRuns(p.runs, start, end, text) };
    this.document.model = { ...doc, paragraphs };
    this.moveCommentsInParagraph(paragraph, start, end, text.length);
    this.selection = { paragraph, start: start + text.length, end: start + text.length };
    this.changed(true);
  }

  async insertPhrase(text: string, format?: RoleFormat): Promise<PhrasePlacement> {
    await this.delay();
    const sel = this.selection;
    const doc = this.model;
    const p = sel ? doc.paragraphs[sel.paragraph] : undefined;
    if (!sel || !p) {
      await this.insertText(text);
      return "new-paragraph";
    }
    const pane = this.paneSelection;
    const paneSelection =
      pane !== undefined && pane.paragraph === sel.paragraph && pane.start === sel.start && pane.end === sel.end && pane.endParagraph === sel.endParagraph;
    const placement = placePhrase({
      text: p.text,
      ...(p.listLabel !== undefined ? { listLabel: p.listLabel } : {}),
      headingStyle: p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9 && p.text.length <= 60,
      start: sel.start,
      end: sel.end,
      multiParagraph: sel.endParagraph !== undefined && sel.endParagraph > sel.paragraph,
      paneSelection,
    });
    this.paneSelection = undefined;
    if (placement === "new-paragraph") {
      const at = (sel.endParagraph ?? sel.paragraph) + 1;
      const made = this.makeParagraph({ role: "body", text, ...(format ? { format } : {}) });
      this.document.model = { ...doc, paragraphs: reindex([...doc.paragraphs.slice(0, at), made, ...doc.paragraphs.slice(at)]) };
      this.shiftComments(at, 1);
      this.selection = { paragraph: at, start: text.length, end: text.length };
      this.changed(true);
      return placement;
    }
    if (placement === "after-selection") this.selection = { paragraph: sel.paragraph, start: sel.end, end: sel.end };
    await this.insertText(text);
    return placement;
  }

  async readCursor(): Promise<CursorContext | undefined> {
    await this.delay();
    const sel = this.selection;
    const paras = this.model.paragraphs;
    if (!sel || !paras[sel.paragraph]) return undefined;
    const p = paras[sel.paragraph];
    const ctx: CursorContext = { paragraph: sel.paragraph, text: p.text };
    if (sel.endParagraph !== undefined && sel.endParagraph > sel.paragraph) ctx.selectionEnd = sel.endParagraph;
    const levels = paras.map((q) => headingLevelOf(q));
    for (let i = sel.paragraph; i >= 0; i--) {
      if (levels[i] !== undefined) {
        ctx.heading = { paragraph: i, text: displayText(paras[i]), level: levels[i] };
        break;
      }
    }
    const part = documentPart(paras.map((q, i) => ({ text: q.text, level: levels[i] })), sel.paragraph);
    if (part) ctx.part = part;
    return ctx;
  }

  onSelectionChanged(handler: () => void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  async addComments(findings: Finding[]): Promise<number> {
    await this.delay();
    // As in Word without WordApi 1.4: a host that says it has no comments adds none.
    if (!this.capabilities.comments) return 0;
    let added = 0;
    for (const f of findings) {
      const p = this.model.paragraphs[f.paragraph];
      if (!p) continue;
      // Only where the paragraph still reads as checked (when we know how it read), as in Word.
      const was = this.lastRead?.paragraphs[f.paragraph]?.text;
      if (was !== undefined && was !== p.text) continue;
      // 写入批注 twice must not stack the same note twice on one place.
      const same = this.document.comments.some((c) => c.paragraph === f.paragraph && c.start === f.start && c.end === f.end && c.text === f.message);
      if (same) continue;
      this.document.comments.push({ paragraph: f.paragraph, start: f.start, end: f.end, text: f.message });
      added++;
    }
    this.changed(false);
    return added;
  }

  /** Calls back when the pane asks to show a place (select, undo); returns an unsubscribe function. */
  onReveal(handler: (at: MemorySelection) => void): () => void {
    this.revealHandlers.add(handler);
    return () => this.revealHandlers.delete(handler);
  }

  /** What 撤销 would take back (「修复 3 处」), or undefined when there is nothing to undo. */
  get undoLabel(): string | undefined {
    const top = this.undoStack[this.undoStack.length - 1];
    // Paragraphs inserted since (大纲, 提示语): the change can no longer be put back in place.
    return top && top.paragraphCount === this.model.paragraphs.length ? top.label : undefined;
  }

  /**
   * Takes back the last fix batch, 一键排版 or paragraph edit, as the Word host does: each paragraph
   * it changed gets its previous content where it still holds what the change left; a paragraph
   * changed again since is left as it is and counted as skipped (the page setup likewise). Refused
   * (a Chinese error, and the history is dropped) when nothing can be put back, or when paragraphs
   * were added or removed since.
   */
  async undo(): Promise<UndoResult> {
    await this.delay();
    const entry = this.undoStack[this.undoStack.length - 1];
    if (!entry) throw new Error(NOTHING_TO_UNDO);
    const doc = this.model;
    const paragraphs = [...doc.paragraphs];
    let restored = 0;
    let skipped = 0;
    let first = -1;
    if (doc.paragraphs.length === entry.paragraphCount) {
      for (const [i, p] of entry.after) {
        if (!sameValue(doc.paragraphs[i], p)) {
          skipped++;
          continue;
        }
        paragraphs[i] = entry.before.get(i)!;
        restored++;
        if (first < 0 || i < first) first = i;
      }
    }
    let sections = doc.sections;
    let pageRestored = false;
    if (entry.sections && doc.paragraphs.length === entry.paragraphCount) {
      pageRestored = sameValue(doc.sections, entry.sections.after);
      if (pageRestored) sections = entry.sections.before;
      else skipped++;
    }
    let pageNumbers = this.document.pageNumbers;
    let numbersRestored = false;
    if (entry.pageNumbers && doc.paragraphs.length === entry.paragraphCount) {
      // Only the numbers this change added, as it left them (the preview cannot edit a footer, but a later 一键排版 may have).
      numbersRestored = pageNumbers === entry.pageNumbers.after;
      if (numbersRestored) pageNumbers = entry.pageNumbers.before;
      else skipped++;
    }
    if (restored === 0 && !pageRestored && !numbersRestored) {
      this.undoStack.length = 0;
      this.changed(false);
      throw new Error(undoRefusal(entry.label));
    }
    this.undoStack.pop();
    this.document.model = { ...doc, paragraphs, sections };
    if (pageNumbers === undefined) delete this.document.pageNumbers;
    else this.document.pageNumbers = pageNumbers;
    this.clampSelection();
    this.changed(false);
    if (first >= 0) for (const h of [...this.revealHandlers]) h({ paragraph: first, start: 0, end: 0 });
    return { label: entry.label, restored, skipped, message: undoMessage(entry.label, skipped) };
  }

  /**
   * The clerk typed in a paragraph of the preview (filling in 【】 or XX): only the changed middle
   * is replaced, so the runs around it keep their fonts; comments after it move with the text.
   * Undoable. False when nothing changed.
   */
  editParagraph(paragraph: number, text: string): boolean {
    const doc = this.model;
    const p = doc.paragraphs[paragraph];
    if (!p || p.text === text) return false;
    const old = p.text;
    const max = Math.min(old.length, text.length);
    let a = 0;
    while (a < max && old.charCodeAt(a) === text.charCodeAt(a)) a++;
    let b = 0;
    while (b < max - a && old.charCodeAt(old.length - 1 - b) === text.charCodeAt(text.length - 1 - b)) b++;
    const start = a;
    const end = old.length - b;
    const inserted = text.slice(a, text.length - b);
    const paragraphs = [...doc.paragraphs];
    paragraphs[paragraph] = { ...p, text, runs: recutRuns(p.runs, start, end, inserted) };
    this.document.model = { ...doc, paragraphs };
    this.recordUndo(`编辑第 ${paragraph + 1} 段`, doc, this.document.pageNumbers);
    this.moveCommentsInParagraph(paragraph, start, end, inserted.length);
    const caret = start + inserted.length;
    this.selection = { paragraph, start: caret, end: caret };
    this.changed(true);
    return true;
  }

  /** Paragraphs inserted at `at`: the comments on paragraphs from there on stay on their text. */
  private shiftComments(at: number, count: number): void {
    if (count <= 0 || this.document.comments.every((c) => c.paragraph < at)) return;
    this.document.comments = this.document.comments.map((c) => (c.paragraph >= at ? { ...c, paragraph: c.paragraph + count } : c));
  }

  /** [start, end) of a paragraph replaced by `length` characters: its comments after that move with the text. */
  private moveCommentsInParagraph(paragraph: number, start: number, end: number, length: number): void {
    const moved = (x: number) => (x <= start ? x : x >= end ? x + length - (end - start) : start + length);
    this.document.comments = this.document.comments.map((c) =>
      c.paragraph === paragraph ? { ...c, start: moved(c.start), end: Math.max(moved(c.start), moved(c.end)) } : c,
    );
  }

  /**
   * 一键排版's page numbers, as Word's gateway adds them: in the placement the fix asks for (the
   * pane's 文稿类型), else the host profile's, unless that is none, or the document's footer already
   * shows something (its own numbers, text, or ours from an earlier run).
   */
  private addPageNumbers(asked: PageNumberMode | undefined): void {
    const mode = asked ?? this.spec.pageNumbers;
    if (mode === "none" || this.document.pageNumbers !== undefined) return;
    if (this.model.otherParagraphs.some((p) => p.part === "footer" && p.text.trim().length > 0)) return;
    this.document.pageNumbers = mode;
  }

  /**
   * Remembers what a change did for 撤销: the paragraphs it replaced (the model is immutable, so by
   * identity), the page setup, and the page numbers (`pagesBefore`: as they were before the change).
   */
  private recordUndo(label: string, before: DocModel, pagesBefore: PreviewPageNumbers | undefined): void {
    const after = this.model;
    if (after.paragraphs.length !== before.paragraphs.length) {
      // Paragraphs moved: older entries could no longer be placed.
      this.undoStack.length = 0;
      return;
    }
    const entry: UndoEntry = { label, paragraphCount: after.paragraphs.length, before: new Map(), after: new Map() };
    for (let i = 0; i < after.paragraphs.length; i++) {
      if (after.paragraphs[i] === before.paragraphs[i]) continue;
      entry.before.set(i, before.paragraphs[i]);
      entry.after.set(i, after.paragraphs[i]);
    }
    if (after.sections !== before.sections) entry.sections = { before: before.sections, after: after.sections };
    if (this.document.pageNumbers !== pagesBefore) entry.pageNumbers = { before: pagesBefore, after: this.document.pageNumbers };
    if (entry.before.size === 0 && !entry.sections && !entry.pageNumbers) return;
    this.undoStack.push(entry);
    if (this.undoStack.length > UNDO_DEPTH) this.undoStack.shift();
  }

  async loadState(): Promise<DocumentState> {
    await this.delay();
    return this.document.state ? cloneState(this.document.state) : { ignoredFindings: [], ignoredRules: [] };
  }

  async saveState(state: DocumentState): Promise<void> {
    await this.delay();
    this.document.state = cloneState(state);
  }

  /** A new paragraph in its `format` (the pane's 文稿类型 and unit style), else its role's in the host's profile; plain in a plain-text document. */
  private makeParagraph(ip: InsertParagraph, formatted = this.model.hasFormatting): Paragraph {
    const base: Paragraph = { index: 0, part: "body", text: ip.text, runs: [] };
    if (!formatted) return base;
    const f = ip.format ?? roleFormat(this.spec, ip.role);
    return {
      ...base,
      alignment: f.alignment,
      firstLineIndentChars: f.firstLineIndentChars,
      firstLineIndentPt: f.firstLineIndentPt,
      ...(f.outlineLevel !== undefined ? { outlineLevel: f.outlineLevel } : {}),
      lineSpacing: { rule: "exact", value: f.lineSpacingPt },
      runs: ip.text
        ? [{ text: ip.text, start: 0, end: ip.text.length, fontEastAsia: f.fontEastAsia, fontLatin: f.fontLatin, sizePt: f.sizePt, bold: f.bold ?? false }]
        : [],
    };
  }

  /** The fixes' formatting and page setup, through the core appliers (ranged edits set part of a paragraph). */
  private applyFormat(model: DocModel, fixes: Fix[]): DocModel {
    const out = applyFormatEdits(model, fixes.flatMap((f) => f.format ?? []));
    const pages = fixes.flatMap((f) => (f.page ? [f.page] : []));
    if (pages.length === 0) return out;
    let sections = out.sections;
    for (const page of pages) sections = applyPagePatch(sections, page);
    return { ...out, sections };
  }

  private clampSelection(): void {
    const sel = this.selection;
    if (!sel) return;
    const p = this.model.paragraphs[sel.paragraph];
    if (!p) {
      this.selection = undefined;
      return;
    }
    const s = Math.min(sel.start, p.text.length);
    this.selection = { paragraph: sel.paragraph, start: s, end: Math.max(s, Math.min(sel.end, p.text.length)) };
    const last = Math.min(sel.endParagraph ?? sel.paragraph, this.model.paragraphs.length - 1);
    if (last > sel.paragraph) this.selection.endParagraph = last;
  }

  private changed(selectionMoved: boolean): void {
    if (selectionMoved) for (const h of [...this.selectionHandlers]) h();
    for (const l of [...this.listeners]) l();
  }

  private delay(): Promise<void> {
    return this.latencyMs > 0 ? new Promise((r) => setTimeout(r, this.latencyMs)) : Promise.resolve();
  }
}

/** Equal as data (a paragraph rebuilt with the same content counts as unchanged). */
function sameValue(a: unknown, b: unknown): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

function reindex(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.map((p, index) => (p.index === index ? p : { ...p, index }));
}

/** Sets formatting on a paragraph and its runs (moved to core/edits.ts with the other appliers). */
export { patchParagraph } from "../core/edits";

/** Runs after replacing [start, end) with `text`: the inserted text takes the formatting of the run it lands in. */
function recutRuns(runs: Run[], start: number, end: number, text: string): Run[] {
  if (runs.length === 0) return runs;
  const delta = text.length - (end - start);
  const out: Run[] = [];
  let inserted = false;
  for (const r of runs) {
    const keepBefore = r.start < start ? r.text.slice(0, Math.min(r.end, start) - r.start) : "";
    const keepAfter = r.end > end ? r.text.slice(Math.max(r.start, end) - r.start) : "";
    const hostsInsert = !inserted && start >= r.start && start <= r.end;
    const mid = hostsInsert ? text : "";
    if (hostsInsert) inserted = true;
    const t = keepBefore + mid + keepAfter;
    if (!t) continue;
    const newStart = r.start < start ? r.start : hostsInsert ? start - keepBefore.length : r.start + delta;
    out.push({ ...r, text: t, start: newStart, end: newStart + t.length });
  }
  // Re-lay offsets so runs tile the text exactly.
  let pos = 0;
  return out.map((r) => {
    const run = { ...r, start: pos, end: pos + r.text.length };
    pos = run.end;
    return run;
  });
}
