/**
 * The outline's facts about each paragraph (outline.byParagraph, outline.runIns, outline.merged)
 * for a walk over the paragraphs in document order, without a Map lookup per paragraph: with
 * 100,000 paragraphs the maps are megabytes and every lookup is a cache miss, while the outline's
 * own lists are in document order already and are read straight through.
 *
 * Ask for paragraph indexes in increasing order. The walk checks that the outline's lists are in
 * document order (buildOutline makes them so) and otherwise, or when asked out of order, answers
 * from the maps.
 */
import { outlineIndex } from "./groups";
import type { MergedHeading, Outline, OutlineNode, RunIn } from "./types";

const NO_MERGED: MergedHeading[] = [];

export class OutlineWalk {
  private readonly outline: Outline;
  /** False: answer from the maps. */
  private ordered: boolean;
  private last = -1;
  private h = 0;
  private readonly runKeys: number[];
  private readonly runLists: RunIn[][];
  private r = 0;
  private m = 0;

  constructor(outline: Outline) {
    this.outline = outline;
    const x = outlineIndex(outline);
    this.ordered = x.ordered;
    this.runKeys = x.runKeys;
    this.runLists = x.runLists;
  }
  private step(index: number): boolean {
    if (!this.ordered) return false;
    if (index < this.last) {
      this.ordered = false;
      return false;
    }
    this.last = index;
    return true;
  }

  /** outline.byParagraph.get(index): the paragraph's own heading (merged ones excluded). */
  heading(index: number): OutlineNode | undefined {
    if (!this.step(index)) return this.outline.byParagraph.get(index);
    const hs = this.outline.headings;
    while (this.h < hs.length && (hs[this.h].paragraph < index || (hs[this.h].merged && hs[this.h].paragraph === index))) this.h++;
    const n = hs[this.h];
    return n !== undefined && n.paragraph === index && !n.merged ? n : undefined;
  }

  /** outline.runIns.get(index). */
  runIns(index: number): RunIn[] | undefined {
    if (!this.step(index)) return this.outline.runIns.get(index);
    const keys = this.runKeys;
    while (this.r < keys.length && keys[this.r] < index) this.r++;
    return this.r < keys.length && keys[this.r] === index ? this.runLists[this.r] : undefined;
  }

  /** The merged headings found in the paragraph, in order (outline.merged filtered by paragraph). */
  merged(index: number): MergedHeading[] {
    const all = this.outline.merged;
    if (!this.step(index)) {
      const out = all.filter((m) => m.paragraph === index);
      return out.length ? out : NO_MERGED;
    }
    while (this.m < all.length && all[this.m].paragraph < index) this.m++;
    let e = this.m;
    while (e < all.length && all[e].paragraph === index) e++;
    return e > this.m ? all.slice(this.m, e) : NO_MERGED;
  }
}
