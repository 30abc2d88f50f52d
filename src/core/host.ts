/**
 * What the taskpane needs from a document, whoever holds it: Word (src/office) or the in-memory
 * preview document (src/preview). The taskpane receives one of these through React context and
 * never touches Word itself.
 */
import type { DocModel } from "./model";
import type { PhrasePlacement } from "./phrases/placement";
import type { DocumentPart } from "./phrases/position";
import type { Fix } from "./edits";
import type { Role, RoleFormat } from "./format/roles";
import type { Finding } from "./findings";

/** One paragraph to insert (a skeleton, a heading). */
export interface InsertParagraph {
  text: string;
  /** Role decides the named style and the formatting (core/format/roles.ts): 公文标题, 一级标题 … 正文. */
  role: Role;
  /**
   * How the paragraph looks, as the pane's 文稿类型 and unit style say: `roleFormat(spec, role)`
   * computed in core. Absent: the host's own house style for the role (its profile's, else the
   * speech profile's).
   */
  format?: RoleFormat;
}

/** The paragraph under the cursor, with the heading that governs it. */
export interface CursorContext {
  /** Index of the paragraph holding the cursor, in DocModel.paragraphs order. */
  paragraph: number;
  text: string;
  /** The heading paragraph at or above the cursor (text including its marker), if any, and its level (1 一、, 2 （一）, …). */
  heading?: { paragraph: number; text: string; level?: number };
  /** Index of the last paragraph of the selection when it spans several paragraphs (else absent: = paragraph). */
  selectionEnd?: number;
  /**
   * The part of the speech the cursor is in (core/phrases/position.ts): the opening remarks, a
   * section, or the closing remarks; absent when the document has no headings to tell.
   */
  part?: DocumentPart;
}

export interface ApplyResult {
  /** Fixes applied. */
  applied: number;
  /** Fixes skipped because their paragraph no longer reads as it did when checked. */
  stale: number;
}

/** Options of one applyFixes batch. */
export interface ApplyOptions {
  /** What 撤销 calls this batch (「一键排版」, 「重新编号」); default 「修复 N 处」 with N the fixes applied. */
  undoLabel?: string;
}

/** The description of 一键排版's fix (the 大纲 tab): the batch that also writes the page numbers. */
export const FORMAT_DESCRIPTION = "一键排版";

/** True for 一键排版's batch of format edits (the hosts add page numbers with it, and 撤销 takes them back). */
export function isFormatAction(fix: Fix): boolean {
  return fix.description === FORMAT_DESCRIPTION && (fix.format?.length ?? 0) > 0;
}

/**
 * How many changes each host keeps for 撤销: the last ten fix batches, 一键排版 runs or edits. Each
 * keeps only the paragraphs it touched (their text, and their formatting where it set formatting).
 */
export const UNDO_DEPTH = 10;

/** What 撤销 did. */
export interface UndoResult {
  /** What was taken back: 「修复 3 处」, 「一键排版」. */
  label: string;
  /** Paragraphs put back as they were before the change. */
  restored: number;
  /** Paragraphs changed again after the change (by the clerk): left as they are now. */
  skipped: number;
  /** One Chinese sentence for the pane saying what happened. */
  message: string;
}

/** The sentence an UndoResult carries. */
export function undoMessage(label: string, skipped: number): string {
  return skipped > 0 ? `已撤销「${label}」，但有 ${skipped} 段在此之后又被改动过，这些段保持现状，没有恢复。` : `已撤销「${label}」。`;
}

/** Why 撤销 could put nothing back (thrown as an Error with this message). */
export function undoRefusal(label: string): string {
  return `「${label}」之后文档又有改动，无法撤销。`;
}

/** Said when there is nothing to take back. */
export const NOTHING_TO_UNDO = "没有可以撤销的修改。";

export interface HostCapabilities {
  /** Word comments (WordApi 1.4). */
  comments: boolean;
  /** Named styles through the styles API (WordApi 1.5); otherwise OOXML. */
  stylesApi: boolean;
  /** Selection-change events (Common API DocumentEvents). */
  selectionEvents: boolean;
}

/** Per-document state remembered in the document itself (Word: document settings). */
export interface DocumentState {
  /** Ignored findings: "rule|paragraph text hash|start|excerpt" keys. */
  ignoredFindings: string[];
  /** Rules ignored for this document. */
  ignoredRules: string[];
}

export interface DocumentHost {
  readonly kind: "word" | "preview";
  readonly capabilities: HostCapabilities;
  /** Reads the whole document into the model (constant round trips). */
  readDocument(): Promise<DocModel>;
  /** Selects [start, end) of a body paragraph (the whole paragraph when start = end). */
  select(paragraph: number, start: number, end: number): Promise<void>;
  /**
   * Applies fixes in one batch, each only where its paragraph still reads `expected[paragraph]`
   * (the text when it was checked).
   */
  applyFixes(fixes: Fix[], expected: Record<number, string>, options?: ApplyOptions): Promise<ApplyResult>;
  /**
   * What 撤销 would take back (「修复 3 处」, 「一键排版」), or undefined when there is nothing. A
   * synchronous look at the host's own history: whether the document still allows it is decided by `undo`.
   */
  readonly undoLabel: string | undefined;
  /**
   * Takes back the last applyFixes batch (fixes, 一键排版, 重新编号; the preview also its own edits):
   * each paragraph it changed gets its previous text and the formatting the batch set, only where
   * the paragraph still reads as the batch left it; the others are left alone and counted as
   * skipped. A 一键排版 batch (isFormatAction) also gets back the footers and page setup it changed
   * (the page numbers it added), unless they were changed since (then one more skipped).
   * Constant round trips whatever the document's size (Word: 3 syncs at most). Rejects with
   * a Chinese message (undoRefusal / NOTHING_TO_UNDO) when nothing could be put back; the history is
   * then dropped.
   */
  undo(): Promise<UndoResult>;
  /** Inserts paragraphs after the cursor's paragraph, each in its `format`, else styled by its role (constant round trips). */
  insertParagraphs(paras: InsertParagraph[]): Promise<void>;
  /** Inserts plain text at the cursor (replacing the selection). */
  insertText(text: string): Promise<void>;
  /**
   * Inserts a phrase without damaging the text around it (2 round trips): never into or over a
   * heading, never over a selection the pane made with `select`; see core/phrases/placement.ts.
   * Says where it went. `format`: how the phrase looks when it goes into a new body paragraph
   * (as InsertParagraph.format: the pane's profile's body format); absent: the host's own.
   */
  insertPhrase(text: string, format?: RoleFormat): Promise<PhrasePlacement>;
  /** Where the cursor is. */
  readCursor(): Promise<CursorContext | undefined>;
  /** Calls back when the selection moves; returns an unsubscribe function. */
  onSelectionChanged(handler: () => void): () => void;
  /** Adds each finding as a comment (only when capabilities.comments). */
  addComments(findings: Finding[]): Promise<number>;
  loadState(): Promise<DocumentState>;
  saveState(state: DocumentState): Promise<void>;
}

/**
 * A small string key-value store for what the clerk makes in the taskpane (favourites, 我的提示语),
 * kept across sessions. In Word and the preview: office-js-helpers' Storage over localStorage
 * (src/office/host.ts `createStore`).
 */
export interface KeyValueStore {
  get(key: string): string | undefined;
  set(key: string, value: string): void;
  remove(key: string): void;
}

/** A store that lives as long as the page (tests; the fallback when no storage is available). */
export function memoryStore(seed: Record<string, string> = {}): KeyValueStore & { readonly data: Map<string, string> } {
  const data = new Map(Object.entries(seed));
  return {
    data,
    get: (key) => data.get(key),
    set: (key, value) => void data.set(key, value),
    remove: (key) => void data.delete(key),
  };
}
