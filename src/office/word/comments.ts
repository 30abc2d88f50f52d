/**
 * 写入批注: each finding as a Word comment on its stretch (3 syncs), only where its paragraph
 * still reads as checked; a stretch no longer found gets the comment on the whole paragraph.
 */
import type { Finding } from "../../core/findings";
import { queuePlan, type QueuedPlan } from "../search";
import { normalizeWordText, planSearch } from "../text";
import type { ParagraphMap } from "./paragraphMap";

export async function addComments(context: Word.RequestContext, map: ParagraphMap, findings: Finding[]): Promise<number> {
  const known = map.model;
  let added = 0;
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  await context.sync(); // 1
  const queued: Array<{ q: QueuedPlan | undefined; p: Word.Paragraph; f: Finding }> = [];
  const caches = new Map<number, Map<string, Word.RangeCollection>>();
  for (const f of findings) {
    const w = map.wordIndex(f.paragraph);
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
  return added;
}
