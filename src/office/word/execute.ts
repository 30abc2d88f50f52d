/**
 * Executing a fix plan (fixPlan.ts) in Word, in three syncs whatever the document's size: 1 reads
 * the paragraphs (and, for 一键排版, the footers), 2 runs every search the plan needs, 3 writes
 * every fix whose stretches were all found, with what 撤销 needs loaded around the writes
 * (undo.ts) and, for 一键排版, the page numbers (pageNumbers.ts) in the mode its fix carries. When
 * Word refuses the footers' OOXML, sync 1 is made once more without it (the only extra round trip).
 */
import { pageNumbersOf, type Fix } from "../../core/edits";
import { isFormatAction } from "../../core/host";
import type { DocModel } from "../../core/model";
import type { FormatSpec } from "../../core/profiles";
import type { WordFeatures } from "../host";
import { queuePageNumbers } from "../pageNumbers";
import type { StyleName } from "../roles";
import { queuePlan } from "../search";
import { normalizeWordText } from "../text";
import { UndoRecorder, type WordUndoEntry } from "../undo";
import { planFixes, stylesForEdits, needsFontSize, usableFixes, type PlannedFix } from "./fixPlan";
import { DEFAULT_SIZE_PT, nn, queueFont, queueFormat } from "./formatting";

export interface ExecuteContext {
  features: WordFeatures;
  /** The host's house format (page numbers, which named style a patch restates). */
  spec?: FormatSpec;
  /** The model as last read (runs for 撤销, styles in use). */
  model?: DocModel;
  wordIndex: (paragraph: number) => number;
}

export interface Executed {
  applied: number;
  stale: number;
  /** The batch's 撤销 entry (undefined when nothing was applied). */
  entry(label: string): WordUndoEntry | undefined;
}

export async function executeFixes(context: Word.RequestContext, fixes: Fix[], expected: Record<number, string>, ctx: ExecuteContext): Promise<Executed> {
  const usable = usableFixes(fixes);
  if (usable.length === 0) return { applied: 0, stale: 0, entry: () => undefined };
  const farEast = ctx.features.farEastFont;
  const needSize = needsFontSize(usable);
  // Without nameFarEast, a paragraph gets its East Asian font through our named style where that is safe.
  const styled = farEast ? new Map<number, StyleName>() : stylesForEdits(usable, ctx.model, ctx.spec);
  const needDirect = styled.size > 0;
  const load = ["items/text", ...(needSize ? ["items/font/size"] : []), ...(needDirect ? ["items/font/bold", "items/font/italic"] : [])];

  // 一键排版 also writes the 页码 footers, in the mode its fix asks for (the pane's 文稿类型; else the
  // host's profile): read with sync 1, written with sync 3 (pageNumbers.ts).
  const formatFix = ctx.features.api13 ? usable.find(isFormatAction) : undefined;
  const queueReads = (readOoxml: boolean) => {
    const list = context.document.body.paragraphs;
    list.load(load.join(","));
    const pages = formatFix ? queuePageNumbers(context, ctx.spec, farEast, { mode: pageNumbersOf(formatFix), readOoxml }) : undefined;
    return { list, pages };
  };
  let reads = queueReads(true);
  try {
    await context.sync(); // 1: the paragraphs as they read now
  } catch (e) {
    // Word (on the web) can refuse a footer's OOXML: read again without it — 一键排版 still formats
    // and numbers the pages, and 撤销排版 then leaves the footers. One more round trip, on failure only.
    if (!reads.pages) throw e;
    reads = queueReads(false);
    await context.sync(); // 1 again, without the footers' OOXML
  }
  const paras = reads.list;
  const pageNumbers = reads.pages;

  const items = paras.items;
  const plan = planFixes({ fixes: usable, expected, wordTexts: items.map((p) => normalizeWordText(p.text)), wordIndex: ctx.wordIndex });
  const recorder = new UndoRecorder(items.length, farEast);
  let stale = plan.stale;

  /** A queued write, available once the search hits are synced (undefined: the range was not found). */
  type Resolver = () => (() => void) | undefined;
  interface Pending {
    writes: Resolver[];
    format: Array<() => void>;
    /** For 撤销: what the fix changes, recorded (and its formatting loaded) before it is written. */
    record: Array<() => void>;
  }
  const searchCache = new Map<number, Map<string, Word.RangeCollection>>();
  const cacheOf = (word: number) => {
    let cache = searchCache.get(word);
    if (!cache) searchCache.set(word, (cache = new Map()));
    return cache;
  };
  const pending = plan.fixes.map((f) => queueFix(f));

  function queueFix(planned: PlannedFix): Pending {
    const job: Pending = { writes: [], format: [], record: [] };
    for (const t of planned.text) {
      const p = items[t.word];
      const e = t.edit;
      job.record.push(() => {
        recorder.paragraph(t.word, p, t.text, false);
        recorder.edit(t.word, e);
      });
      if (t.kind === "start") {
        job.writes.push(() => () => void p.insertText(e.text, "Start"));
      } else if (t.kind === "replace") {
        const q = queuePlan(p, t.plan, cacheOf(t.word));
        job.writes.push(() => {
          const r = q.resolve();
          if (!r) return undefined;
          return () => {
            if (e.text) r.insertText(e.text, "Replace");
            else r.delete();
          };
        });
      } else {
        const q = queuePlan(p, { one: t.step }, cacheOf(t.word));
        const where = t.where;
        job.writes.push(() => {
          const r = q.resolve();
          if (!r) return undefined;
          return () => void r.insertText(e.text, where);
        });
      }
    }
    for (const f of planned.format) {
      const p = items[f.word];
      if (f.kind === "range") {
        // Part of a paragraph (a run-in heading's heading sentence): found by a search queued
        // with the others, its font set once the hits are in. Not found: left as it is.
        const q = queuePlan(p, f.plan, cacheOf(f.word));
        let r: Word.Range | undefined;
        job.record.push(() => {
          r = q.resolve();
          recorder.paragraph(f.word, p, f.text, false);
          if (r) recorder.range(f.word, f.start, f.end, r);
        });
        job.format.push(() => {
          if (r) queueFont(r.font, f.set, farEast, false);
        });
        continue;
      }
      const style = styled.get(f.paragraph);
      job.record.push(() => {
        const read = ctx.model?.paragraphs[f.paragraph];
        recorder.paragraph(f.word, p, f.text, true, read?.text === f.text ? read.runs : undefined);
      });
      job.format.push(() => {
        const size = needSize ? (nn(p.font.size) ?? DEFAULT_SIZE_PT) : DEFAULT_SIZE_PT;
        if (style) {
          // The style first (it carries the East Asian font), then direct formatting over it;
          // whole-paragraph bold/italic the style may reset are put back unless the patch sets them.
          const bold = nn(p.font.bold);
          const italic = nn(p.font.italic);
          p.style = style;
          if (f.set.bold === undefined && typeof bold === "boolean") p.font.bold = bold;
          if (typeof italic === "boolean") p.font.italic = italic;
        }
        queueFormat(p, f.set, size, farEast, style !== undefined);
      });
    }
    return job;
  }

  if (plan.searches > 0) await context.sync(); // 2: all search hits

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
  let applied = 0;
  for (const { job, writes } of ready) {
    for (const write of writes) write();
    for (const f of job.format) f();
    applied++;
  }
  recorder.queueAfter();
  if (applied > 0) pageNumbers?.write();
  // Change tracking is left as the user set it (WordApi 1.4 changeTrackingMode is not touched).
  await context.sync(); // 3: all writes (and what 撤销 needs)
  return {
    applied,
    stale,
    entry: (label) => {
      if (applied === 0) return undefined;
      const entry = recorder.entry(label);
      const pages = pageNumbers?.undo();
      return entry && pages ? { ...entry, pageNumbers: pages } : entry;
    },
  };
}
