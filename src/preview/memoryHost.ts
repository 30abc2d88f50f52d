/**
 * An in-memory DocumentHost over a DocModel: the preview page runs the real taskpane against
 * it in a plain browser, and the taskpane tests use it in jsdom. It behaves like the Word
 * gateway where it matters: fixes only where the paragraph still reads as checked, insertion
 * after the cursor paragraph, selection-change events, state kept with the document.
 */
import { applyEditsToText, applyFixes as applyTextFixes } from "../core/fixes";
import type {
  ApplyResult,
  CursorContext,
  DocumentHost,
  DocumentState,
  HostCapabilities,
  InsertParagraph,
} from "../core/host";
import { displayText, type DocModel, type Paragraph, type Run } from "../core/model";
import type { Fix, Finding, FormatPatch } from "../core/rules/types";
import { headingLevelOf } from "../taskpane/headings";
import { placePhrase, type PhrasePlacement } from "../core/phrases/placement";

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

/** A document as the preview holds it: the model plus what Word would keep inside the file. */
export interface MemoryDocument {
  model: DocModel;
  /** Saved taskpane state (Word: document settings); survives reopening the document. */
  state?: DocumentState;
  comments: MemoryComment[];
}

export function memoryDocument(model: DocModel): MemoryDocument {
  return { model, comments: [] };
}

export interface MemoryHostOptions {
  /** Delay every call by this many milliseconds (the preview uses it to show progress). */
  latencyMs?: number;
  capabilities?: Partial<HostCapabilities>;
}

/** Formatting given to inserted paragraphs by role (GB/T 9704-2012 house style). */
const ROLE_FORMAT: Record<InsertParagraph["role"], { font: string; sizePt: number; bold?: boolean; align?: Paragraph["alignment"]; indent?: number; outline?: number }> = {
  title: { font: "方正小标宋简体", sizePt: 22, align: "center" },
  subtitle: { font: "楷体_GB2312", sizePt: 16, align: "center" },
  salutation: { font: "仿宋_GB2312", sizePt: 16 },
  level1: { font: "黑体", sizePt: 16, indent: 2, outline: 0 },
  level2: { font: "楷体_GB2312", sizePt: 16, indent: 2, outline: 1 },
  level3: { font: "仿宋_GB2312", sizePt: 16, bold: true, indent: 2, outline: 2 },
  level4: { font: "仿宋_GB2312", sizePt: 16, indent: 2, outline: 3 },
  body: { font: "仿宋_GB2312", sizePt: 16, indent: 2 },
  closing: { font: "仿宋_GB2312", sizePt: 16, indent: 2 },
  signature: { font: "仿宋_GB2312", sizePt: 16, align: "right" },
};

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

  constructor(doc: MemoryDocument | DocModel, options: MemoryHostOptions = {}) {
    this.document = "model" in doc ? doc : memoryDocument(doc);
    this.latencyMs = options.latencyMs ?? 0;
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
    this.selection = undefined;
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
    return this.model;
  }

  async select(paragraph: number, start: number, end: number): Promise<void> {
    await this.delay();
    const p = this.model.paragraphs[paragraph];
    if (!p) throw new Error(`第 ${paragraph + 1} 段不存在，可能已被删除。请重新检查。`);
    if (start === end) this.placeCursor(paragraph, 0, p.text.length);
    else this.placeCursor(paragraph, start, end);
    this.paneSelection = this.selection && { ...this.selection };
  }

  async applyFixes(fixes: Fix[], expected: Record<number, string>): Promise<ApplyResult> {
    await this.delay();
    const paras = this.model.paragraphs;
    const ok: Fix[] = [];
    let stale = 0;
    for (const fix of fixes) {
      const touched = [...(fix.text ?? []).map((e) => e.paragraph), ...(fix.format ?? []).map((e) => e.paragraph)];
      const fresh = touched.every((i) => paras[i] !== undefined && expected[i] !== undefined && paras[i].text === expected[i]);
      if (fresh) ok.push(fix);
      else stale++;
    }
    if (ok.length === 0) return { applied: 0, stale };
    let model = applyTextFixes(this.model, ok);
    // applyTextFixes re-cuts runs to one run; keep the selection inside the changed text.
    model = this.applyFormat(model, ok);
    this.document.model = model;
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
    this.selection = { paragraph, start: start + text.length, end: start + text.length };
    this.changed(true);
  }

  async insertPhrase(text: string): Promise<PhrasePlacement> {
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
      const made = this.makeParagraph({ role: "body", text });
      this.document.model = { ...doc, paragraphs: reindex([...doc.paragraphs.slice(0, at), made, ...doc.paragraphs.slice(at)]) };
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
    for (let i = sel.paragraph; i >= 0; i--) {
      if (headingLevelOf(paras[i]) !== undefined) {
        ctx.heading = { paragraph: i, text: displayText(paras[i]) };
        break;
      }
    }
    return ctx;
  }

  onSelectionChanged(handler: () => void): () => void {
    this.selectionHandlers.add(handler);
    return () => this.selectionHandlers.delete(handler);
  }

  async addComments(findings: Finding[]): Promise<number> {
    await this.delay();
    for (const f of findings) {
      this.document.comments.push({ paragraph: f.paragraph, start: f.start, end: f.end, text: f.message });
    }
    this.changed(false);
    return findings.length;
  }

  async loadState(): Promise<DocumentState> {
    await this.delay();
    return this.document.state ? cloneState(this.document.state) : { ignoredFindings: [], ignoredRules: [] };
  }

  async saveState(state: DocumentState): Promise<void> {
    await this.delay();
    this.document.state = cloneState(state);
  }

  private makeParagraph(ip: InsertParagraph, formatted = this.model.hasFormatting): Paragraph {
    const f = ROLE_FORMAT[ip.role];
    const base: Paragraph = { index: 0, part: "body", text: ip.text, runs: [] };
    if (!formatted) return base;
    return {
      ...base,
      ...(f.align ? { alignment: f.align } : {}),
      ...(f.indent !== undefined ? { firstLineIndentChars: f.indent, firstLineIndentPt: f.indent * f.sizePt } : {}),
      ...(f.outline !== undefined ? { outlineLevel: f.outline } : {}),
      lineSpacing: { rule: "exact", value: 28.95 },
      runs: ip.text
        ? [{ text: ip.text, start: 0, end: ip.text.length, fontEastAsia: f.font, fontLatin: "Times New Roman", sizePt: f.sizePt, ...(f.bold ? { bold: true } : {}) }]
        : [],
    };
  }

  private applyFormat(model: DocModel, fixes: Fix[]): DocModel {
    const formatEdits = fixes.flatMap((f) => f.format ?? []);
    const pages = fixes.map((f) => f.page).filter((p) => p !== undefined);
    if (formatEdits.length === 0 && pages.length === 0) return model;
    const paragraphs = [...model.paragraphs];
    for (const e of formatEdits) {
      const p = paragraphs[e.paragraph];
      if (p) paragraphs[e.paragraph] = patchParagraph(p, e.set);
    }
    let sections = model.sections;
    for (const page of pages) {
      sections = sections.map((s) => ({
        ...s,
        ...(page.pageWidthMm !== undefined ? { pageWidthMm: page.pageWidthMm } : {}),
        ...(page.pageHeightMm !== undefined ? { pageHeightMm: page.pageHeightMm } : {}),
        ...(page.marginTopMm !== undefined ? { marginTopMm: page.marginTopMm } : {}),
        ...(page.marginBottomMm !== undefined ? { marginBottomMm: page.marginBottomMm } : {}),
        ...(page.marginLeftMm !== undefined ? { marginLeftMm: page.marginLeftMm } : {}),
        ...(page.marginRightMm !== undefined ? { marginRightMm: page.marginRightMm } : {}),
      }));
    }
    return { ...model, paragraphs, sections };
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

function reindex(paragraphs: Paragraph[]): Paragraph[] {
  return paragraphs.map((p, index) => (p.index === index ? p : { ...p, index }));
}

/** Sets formatting on a paragraph and all its runs; the text is never touched. */
export function patchParagraph(p: Paragraph, set: FormatPatch): Paragraph {
  const runPatch: Partial<Run> = {
    ...(set.fontEastAsia !== undefined ? { fontEastAsia: set.fontEastAsia } : {}),
    ...(set.fontLatin !== undefined ? { fontLatin: set.fontLatin } : {}),
    ...(set.sizePt !== undefined ? { sizePt: set.sizePt } : {}),
    ...(set.bold !== undefined ? { bold: set.bold } : {}),
  };
  const size = set.sizePt ?? p.runs[0]?.sizePt ?? 16;
  return {
    ...p,
    ...(set.alignment !== undefined ? { alignment: set.alignment } : {}),
    ...(set.firstLineIndentChars !== undefined
      ? { firstLineIndentChars: set.firstLineIndentChars, firstLineIndentPt: set.firstLineIndentChars * size }
      : {}),
    ...(set.lineSpacing !== undefined ? { lineSpacing: set.lineSpacing } : {}),
    ...(set.outlineLevel !== undefined ? { outlineLevel: set.outlineLevel } : {}),
    runs: p.runs.map((r) => ({ ...r, ...runPatch })),
  };
}

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
