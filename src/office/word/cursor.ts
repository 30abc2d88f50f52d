/**
 * The cursor: selecting a finding's stretch (2 syncs), reading where the cursor is with the
 * heading above it and the part of the speech (1 sync), and selection-change events.
 */
import type { CursorContext } from "../../core/host";
import { markerFromLabel, parseMarker } from "../../core/numbering/markers";
import { documentPart, type PartParagraph } from "../../core/phrases/position";
import { errorCode } from "../errors";
import { queuePlan } from "../search";
import { movedStart, nearestOccurrence, normalizeWordText, occurrenceIndex, planSearch, type SearchPlan } from "../text";
import type { PaneSelection } from "./insert";
import type { ParagraphMap } from "./paragraphMap";

/**
 * Selects [start, end) of model paragraph `paragraph` (the whole paragraph when start = end, or
 * when the stretch is no longer found); says what it selected (undefined: nothing selected).
 */
export async function select(context: Word.RequestContext, map: ParagraphMap, paragraph: number, start: number, end: number): Promise<PaneSelection | undefined> {
  const w = map.wordIndex(paragraph);
  if (w < 0) return undefined;
  const known = map.model?.paragraphs[paragraph]?.text;
  const paras = context.document.body.paragraphs;
  paras.load("items/text");
  await context.sync();
  const p = paras.items[w];
  if (!p) return undefined;
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
    return { paragraphText: text, selected: text };
  }
  const queued = queuePlan(p, plan);
  await context.sync();
  const range = queued.resolve();
  if (range) range.select();
  else p.select();
  await context.sync();
  return { paragraphText: text, selected: range ? excerpt : text };
}

/** True for the errors Word gives when the cursor is outside the body (header, footer, comment pane). */
export function outsideBody(e: unknown): boolean {
  const code = errorCode(e);
  return code === "itemnotfound" || code === "invalidargument" || code === "notallowed";
}

/** Where the cursor is (1 sync). */
export async function readCursor(context: Word.RequestContext, map: ParagraphMap): Promise<CursorContext | undefined> {
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
  const paragraph = map.modelIndex(w);
  const last = w + Math.max(1, selected.items.length) - 1;
  const ctx: CursorContext = { paragraph, text: normalizeWordText(items[w].text), selectionEnd: map.modelIndex(last) };
  const texts = items.map((p) => normalizeWordText(p.text));
  const markerAt = (i: number) => {
    const label = map.hasModel(i) ? map.model?.paragraphs[map.modelIndex(i)]?.listLabel : undefined;
    return { label, marker: (label ? markerFromLabel(label) : null) ?? parseMarker(texts[i]) };
  };
  const parts: PartParagraph[] = texts.map((text, i) => {
    const level = markerAt(i).marker?.level;
    return { text, level: level !== undefined && level <= 4 ? level : undefined };
  });
  for (let i = w; i >= 0; i--) {
    const { label, marker } = markerAt(i);
    if (marker) {
      ctx.heading = { paragraph: map.modelIndex(i), text: label ? label + texts[i] : texts[i], level: marker.level };
      break;
    }
  }
  const part = documentPart(parts, w);
  if (part) ctx.part = part;
  return ctx;
}

/** Calls `handler` (debounced) when the selection moves; returns an unsubscribe function. */
export function onSelectionChanged(handler: () => void, debounceMs: number): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let active = true;
  const onEvent = () => {
    if (timer !== undefined) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      if (active) handler();
    }, debounceMs);
  };
  Office.context.document.addHandlerAsync(Office.EventType.DocumentSelectionChanged, onEvent);
  return () => {
    active = false;
    if (timer !== undefined) clearTimeout(timer);
    Office.context.document.removeHandlerAsync(Office.EventType.DocumentSelectionChanged, { handler: onEvent });
  };
}
