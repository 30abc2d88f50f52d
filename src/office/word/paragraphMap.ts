/**
 * Model paragraphs ↔ Word's body paragraph collection, as of the last readDocument(). The model
 * (the OOXML reader's) and Word's collection need not list the same paragraphs (text boxes,
 * fields), so every operation that takes a model index goes through this map. Before any read,
 * and after paragraphs were inserted (indices moved), the two are taken as equal.
 */
import type { DocModel } from "../../core/model";

export class ParagraphMap {
  /** Model paragraph index → Word paragraph index (-1: none). */
  private modelToWord: number[] | undefined;
  /** Word paragraph index → model paragraph index. */
  private wordToModel: Map<number, number> | undefined;
  /** Sorted Word indices that have a model paragraph. */
  private mappedWord: number[] = [];
  /** The model as last read. */
  private doc: DocModel | undefined;

  /** The model as last read (undefined before a read, or once paragraphs moved). */
  get model(): DocModel | undefined {
    return this.doc;
  }

  /** Model index → Word index, from the last read (for tests and diagnostics). */
  get modelToWordMap(): readonly number[] | undefined {
    return this.modelToWord;
  }

  wordIndex(paragraph: number): number {
    if (!this.modelToWord) return paragraph;
    return paragraph >= 0 && paragraph < this.modelToWord.length ? this.modelToWord[paragraph] : -1;
  }

  /** Whether Word paragraph `word` has a model paragraph of its own. */
  hasModel(word: number): boolean {
    return this.wordToModel?.has(word) ?? false;
  }

  /** Model index for a Word paragraph; paragraphs added since the read count on from the nearest mapped one. */
  modelIndex(word: number): number {
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

  remember(doc: DocModel, modelToWord: number[]): void {
    this.doc = doc;
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

  /** Paragraphs were added or removed: the indices no longer hold. */
  forget(): void {
    this.modelToWord = undefined;
    this.wordToModel = undefined;
    this.mappedWord = [];
    this.doc = undefined;
  }
}
