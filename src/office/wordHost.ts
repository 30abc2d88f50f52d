/**
 * The DocumentHost for live Word: the only code (with the rest of src/office) that calls Word.
 * Every operation takes a constant number of round trips (context.sync) whatever the document
 * size: reads are queued and synced once, writes are queued and synced once.
 *
 * A thin façade: each operation lives in its own module under ./word/ — the paragraph map
 * (paragraphMap.ts), reading (read.ts), fix planning (fixPlan.ts, pure) and execution
 * (execute.ts), insertion (insert.ts), the cursor (cursor.ts), comments (comments.ts) and stored
 * state (settings.ts); errors in ./errors.ts, 撤销 in ./undo.ts. This class holds what lives
 * between calls: the paragraph map, the pane's selection and the undo history.
 */
import { NOTHING_TO_UNDO, type ApplyOptions, type ApplyResult, type CursorContext, type DocumentHost, type DocumentState, type HostCapabilities, type InsertParagraph, type UndoResult } from "../core/host";
import type { PhrasePlacement } from "../core/phrases/placement";
import type { DocModel } from "../core/model";
import type { FormatSpec } from "../core/profiles";
import { readFlatOpc } from "../core/reader/index";
import type { Fix } from "../core/edits";
import type { Finding } from "../core/findings";
import { runWord } from "./errors";
import { detectFeatures, type WordFeatures } from "./host";
import { roleFormats, type RoleFormat } from "./roles";
import { undoEntry, undoResult, UndoHistory, type WordUndoEntry } from "./undo";
import { addComments } from "./word/comments";
import { onSelectionChanged, outsideBody, readCursor, select } from "./word/cursor";
import { executeFixes } from "./word/execute";
import { insertParagraphs, insertPhrase, insertText, type PaneSelection } from "./word/insert";
import { ParagraphMap } from "./word/paragraphMap";
import { readDocument } from "./word/read";
import { loadState, saveState } from "./word/settings";

export { WordError, runWord } from "./errors";
export { movedStart } from "./text";
export { STATE_KEY } from "./word/settings";

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

export class WordDocumentHost implements DocumentHost {
  readonly kind = "word" as const;
  readonly capabilities: HostCapabilities;
  private readonly features: WordFeatures;
  private readonly parse: (xml: string) => DocModel;
  private readonly debounceMs: number;
  private readonly profile?: { format: FormatSpec };
  /** Model paragraphs ↔ Word's paragraph collection, from the last readDocument(). */
  private readonly map = new ParagraphMap();
  /** What `select` last selected: a phrase never replaces it. */
  private paneSelection: PaneSelection | undefined;
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
    return this.map.modelToWordMap;
  }

  readDocument(): Promise<DocModel> {
    return runWord((context) => readDocument(context, this.parse, this.map));
  }

  async select(paragraph: number, start: number, end: number): Promise<void> {
    const selected = await runWord((context) => select(context, this.map, paragraph, start, end));
    if (selected) this.paneSelection = selected;
  }

  async applyFixes(fixes: Fix[], expected: Record<number, string>, options: ApplyOptions = {}): Promise<ApplyResult> {
    const done = await runWord((context) =>
      executeFixes(context, fixes, expected, {
        features: this.features,
        spec: this.profile?.format,
        model: this.map.model,
        wordIndex: (p) => this.map.wordIndex(p),
      }),
    );
    const entry = done.entry(options.undoLabel ?? `修复 ${done.applied} 处`);
    if (entry) this.history.push(entry);
    return { applied: done.applied, stale: done.stale };
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

  async insertParagraphs(paras: InsertParagraph[]): Promise<void> {
    if (paras.length === 0) return;
    await runWord((context) => insertParagraphs(context, paras, this.profile?.format, this.features));
    // Paragraph indices after the cursor have moved.
    this.forgetMapping();
  }

  /** Paragraphs were added or removed: the Word indices 撤销 kept no longer hold. */
  private forgetMapping(): void {
    this.history.clear();
    this.map.forget();
  }

  async insertText(text: string): Promise<void> {
    await runWord((context) => insertText(context, text));
    if (/[\n\r]/.test(text)) this.forgetMapping();
  }

  async insertPhrase(text: string, format?: RoleFormat): Promise<PhrasePlacement> {
    const pane = this.paneSelection;
    this.paneSelection = undefined;
    const body = format ?? roleFormats(this.profile?.format).body;
    const placement = await runWord((context) => insertPhrase(context, text, pane, body, this.features));
    if (placement === "new-paragraph" || /[\n\r]/.test(text)) this.forgetMapping();
    return placement;
  }

  async readCursor(): Promise<CursorContext | undefined> {
    try {
      return await runWord((context) => readCursor(context, this.map));
    } catch (e) {
      // The cursor outside the body (header, footer, comment pane): no union with the body range.
      if (outsideBody(e)) return undefined;
      throw e;
    }
  }

  onSelectionChanged(handler: () => void): () => void {
    if (!this.capabilities.selectionEvents) return () => {};
    return onSelectionChanged(handler, this.debounceMs);
  }

  async addComments(findings: Finding[]): Promise<number> {
    if (!this.capabilities.comments || findings.length === 0) return 0;
    return runWord((context) => addComments(context, this.map, findings));
  }

  loadState(): Promise<DocumentState> {
    return loadState();
  }

  saveState(state: DocumentState): Promise<void> {
    return saveState(state);
  }
}
