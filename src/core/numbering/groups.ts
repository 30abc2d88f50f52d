/**
 * Groupings of an outline's headings that several rules read: sibling groups and headings by
 * level, and the run-in paragraphs in order. Worked out once when the outline is built (so their
 * cost is the outline's) and shared, instead of each rule grouping a hundred thousand headings
 * again. The lists are shared: do not change them.
 */
import type { Outline, OutlineNode, RunIn } from "./types";

/** The segment and nominal level of a heading as one number (the key of byLevel; levels are 1 … 5). */
export function levelKey(h: OutlineNode): number {
  return (h.segment ?? 0) * 8 + h.marker.level;
}

/** Headings grouped by segment and nominal level (levelKey), in document order. */
export function byLevel(headings: OutlineNode[]): Map<number, OutlineNode[]> {
  const out = new Map<number, OutlineNode[]>();
  for (const h of headings) {
    const key = levelKey(h);
    const list = out.get(key);
    if (list) list.push(h);
    else out.set(key, [h]);
  }
  return out;
}

/** Sibling groups: children of one parent (or roots of one segment) with the same nominal level. */
export function siblingGroups(headings: OutlineNode[]): OutlineNode[][] {
  const out: OutlineNode[][] = [];
  const add = (nodes: OutlineNode[]): void => {
    const byLvl: OutlineNode[][] = [];
    for (const n of nodes) (byLvl[n.marker.level] ??= []).push(n);
    for (const g of byLvl) if (g) out.push(g);
  };
  const rootsBySegment = new Map<number, OutlineNode[]>();
  for (const h of headings) {
    if (h.children.length) add(h.children);
    if (!h.parent) {
      const s = h.segment ?? 0;
      const list = rootsBySegment.get(s);
      if (list) list.push(h);
      else rootsBySegment.set(s, [h]);
    }
  }
  for (const roots of rootsBySegment.values()) add(roots);
  return out;
}

export interface OutlineIndex {
  /** siblingGroups(outline.headings) */
  readonly siblings: OutlineNode[][];
  /** byLevel(outline.headings) */
  readonly levels: Map<number, OutlineNode[]>;
  /**
   * True when the headings are in document order with at most one typed heading per paragraph and
   * the run-ins and merged headings are in paragraph order (as buildOutline makes them).
   */
  readonly ordered: boolean;
  /** The keys and lists of outline.runIns in order (when ordered). */
  readonly runKeys: number[];
  readonly runLists: RunIn[][];
  /**
   * True when buildOutline made the outline from a document whose paragraphs' indexes are their
   * positions (as every reader makes them): a walk over the run-in paragraphs and the headings in
   * index order then meets them in document order.
   */
  readonly sequential: boolean;
}

const INDEX = new WeakMap<Outline, OutlineIndex>();

function makeIndex(outline: Outline, sequential: boolean): OutlineIndex {
  const hs = outline.headings;
  let ordered = true;
  let prev = -1;
  let typed = 0;
  for (let k = 0; k < hs.length && ordered; k++) {
    const p = hs[k].paragraph;
    if (p < prev) ordered = false;
    if (!hs[k].merged) {
      if (p === prev && typed > 0 && !hs[k - 1].merged) ordered = false;
      typed++;
    }
    prev = p;
  }
  if (typed !== outline.byParagraph.size) ordered = false;
  const runKeys: number[] = [];
  const runLists: RunIn[][] = [];
  let last = -1;
  for (const [k, list] of outline.runIns) {
    if (k <= last) ordered = false;
    runKeys.push(k);
    runLists.push(list);
    last = k;
  }
  prev = -1;
  for (const mh of outline.merged) {
    if (mh.paragraph < prev) ordered = false;
    prev = mh.paragraph;
  }
  return { siblings: siblingGroups(hs), levels: byLevel(hs), ordered, runKeys, runLists, sequential: ordered && sequential };
}

/**
 * The index of an outline: made with it by buildOutline (`sequential` says whether the document's
 * paragraph indexes were their positions), or now for an outline made otherwise.
 */
export function outlineIndex(outline: Outline, sequential = false): OutlineIndex {
  let x = INDEX.get(outline);
  if (x === undefined) INDEX.set(outline, (x = makeIndex(outline, sequential)));
  return x;
}
