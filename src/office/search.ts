/**
 * Finding a stretch of a paragraph in Word: the searches a plan (text.ts) needs, queued on a
 * paragraph so that all of a batch's searches go in one sync, and picking the right hit after it.
 * Shared by fixes, comments, selection and 撤销.
 */
import { escapeSearch, normalizeWordText, type SearchPlan, type SearchStep } from "./text";

const SEARCH_OPTIONS = { matchCase: true, matchWildcards: false };

function queueSearch(p: Word.Paragraph, needle: string): Word.RangeCollection {
  const hits = p.search(escapeSearch(needle), SEARCH_OPTIONS);
  hits.load("items/text");
  return hits;
}

/**
 * The k-th hit whose text is exactly the needle. Word's search may match more loosely than we
 * asked (full/half-width forms), so hits are filtered by their text before counting.
 */
function pickHit(hits: Word.RangeCollection, step: SearchStep): Word.Range | undefined {
  let k = step.k;
  for (const h of hits.items) {
    if (normalizeWordText(h.text) !== step.needle) continue;
    if (k-- === 0) return h;
  }
  return undefined;
}

/** The searches a plan needs, queued on a paragraph, and how to get the range once synced. */
export interface QueuedPlan {
  resolve(): Word.Range | undefined;
}

/** Queues a plan's searches; `cache` (per paragraph) shares one search among plans for the same needle. */
export function queuePlan(p: Word.Paragraph, plan: SearchPlan, cache?: Map<string, Word.RangeCollection>): QueuedPlan {
  const get = (needle: string) => {
    let hits = cache?.get(needle);
    if (!hits) {
      hits = queueSearch(p, needle);
      cache?.set(needle, hits);
    }
    return hits;
  };
  if ("one" in plan) {
    const hits = get(plan.one.needle);
    return { resolve: () => pickHit(hits, plan.one) };
  }
  const head = get(plan.head.needle);
  const tail = get(plan.tail.needle);
  return {
    resolve: () => {
      const a = pickHit(head, plan.head);
      const b = pickHit(tail, plan.tail);
      return a && b ? a.expandTo(b) : undefined;
    },
  };
}
