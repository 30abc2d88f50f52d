/** Helpers shared by the numbering rules (not a rule). */
import { formatMarker } from "../../numbering/markers";
import type { Marker, OutlineNode, RunIn } from "../../numbering/types";

/** How a marker reads in a message: the canonical form of a correct one, else as written. */
export function shown(m: Marker): string {
  return m.faults.length ? m.raw.trim() : m.canonical;
}

/** The marker of the same kind standing for another value (for messages). */
export function sameKind(m: Marker, value: number): string {
  return formatMarker(m.kind, value, m.dot ?? ".");
}

const RUNIN_WORD: Record<RunIn["kind"], (v: number) => string> = {
  yishi: (v) => cn(v) + "是",
  yiyao: (v) => cn(v) + "要",
  diyi: (v) => "第" + cn(v),
  qiyi: (v) => "其" + cn(v),
  shouxian: (v) => ["", "首先", "其次", "再次"][v] ?? "最后",
};

const CN = "一二三四五六七八九";
function cn(n: number): string {
  if (n < 1 || n > 99) return String(n);
  const t = Math.floor(n / 10);
  const o = n % 10;
  return (t === 0 ? "" : t === 1 ? "十" : CN[t - 1] + "十") + (o ? CN[o - 1] : "");
}

/** 一是 / 第二 / 其三 for a run-in kind and value. */
export function runInWord(kind: RunIn["kind"], value: number): string {
  return RUNIN_WORD[kind](value);
}

/** Headings grouped by segment and nominal level, in document order. */
export function byLevel(headings: OutlineNode[]): Map<string, OutlineNode[]> {
  const out = new Map<string, OutlineNode[]>();
  for (const h of headings) {
    const key = `${h.segment ?? 0}|${h.marker.level}`;
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
