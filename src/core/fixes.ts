/**
 * Applying fixes to the document model (the CLI, the preview document and tests use this;
 * the Word gateway applies the same edits to the live document).
 */
import type { DocModel, Paragraph } from "./model";
import type { Fix, TextEdit } from "./rules/types";

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
