/** Helpers shared by the numbering rules (not a rule). */
import { formatMarker } from "../../numbering/markers";
import { outlineIndex } from "../../numbering/groups";
import type { Marker, Outline, OutlineNode, RunIn } from "../../numbering/types";

/** How a marker reads in a message: the canonical form of a correct one, else as written. */
export function shown(m: Marker): string {
  return m.faults.length ? m.raw.trim() : m.canonical;
}

/** formatMarker's strings, kept: messages name the same few markers again and again. */
const FORMATTED = new Map<number, string>();
const KIND_CODE: Record<Marker["kind"], number> = { "cn-dun": 0, "cn-paren": 1, "arabic-dot": 2, "arabic-paren": 3, circled: 4 };

/** The marker of the same kind standing for another value (for messages). */
export function sameKind(m: Marker, value: number): string {
  const dot = m.dot ?? ".";
  if (!Number.isInteger(value) || value < 0 || value > 200) return formatMarker(m.kind, value, dot);
  const key = (value * 8 + KIND_CODE[m.kind]) * 2 + (dot === "." ? 0 : 1);
  let s = FORMATTED.get(key);
  if (s === undefined) FORMATTED.set(key, (s = formatMarker(m.kind, value, dot)));
  return s;
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

export { byLevel, levelKey, siblingGroups } from "../../numbering/groups";

/** A run 1, 2, … of a marker form used one level down inside an item of the same form. */
export interface NestedRun {
  /** The outer item the run sits in (the 三、 whose part holds 一、二、三). */
  host: OutlineNode;
  run: OutlineNode[];
}

/** A heading written in the form of its parent's level: 3. after （1）（2）, meant as （3）. */
export interface Misleveled {
  node: OutlineNode;
  /** The heading just before it, whose numbering it continues. */
  after: OutlineNode;
  /** The marker it was meant to be. */
  meant: string;
  /** The value its own sibling numbering expected there. */
  expected: number;
}

/** Runs of a higher-level form under each item of a lower one: 1. … 一、二、 … 2. … 一、二、. */
export interface Inverted {
  /** The lower-level item (1.) the run sits under. */
  under: OutlineNode;
  run: OutlineNode[];
}

/** 一是 … 一是、二是、三是 … 二是: a run-in chain inside an item of the same kind. */
export interface NestedRunIn {
  paragraph: number;
  host: RunIn;
  first: RunIn;
}

/** Numbering shapes the hierarchy rule reports and the sequence rule must not count again. */
export interface Shapes {
  nested: NestedRun[];
  misleveled: Misleveled[];
  inverted: Inverted[];
  nestedRunIns: NestedRunIn[];
  /** Headings whose odd numbering one of the shapes above explains. */
  explained: Set<OutlineNode>;
  /** Run-ins whose odd numbering a nested run-in chain explains. */
  explainedRunIns: Set<RunIn>;
}

/**
 * Same-form nesting inside one sibling group: 一、二、三、 then 一、二、三、四 inside 三、 and then
 * 四、. A run restarting at 1 opens a level: one deeper when it follows the item it sits in
 * directly, else a sibling run of the current inner level (another （一） of the section holds it).
 * The reading is taken only when an outer numbering goes on exactly after the inner runs (a value
 * the inner run cannot continue), so 一、 一、 二、 stays a plain duplicate. `order` gives each
 * heading's place in the document.
 */
function nestedRuns(group: OutlineNode[], order: Map<OutlineNode, number>, out: NestedRun[]): void {
  interface Level {
    host?: OutlineNode;
    runs: OutlineNode[][];
  }
  let stack: Level[] = [];
  const current = (l: Level): OutlineNode[] => l.runs[l.runs.length - 1];
  for (const n of group) {
    const v = n.marker.value;
    if (!stack.length) {
      stack = [{ runs: [[n]] }];
      continue;
    }
    const top = stack[stack.length - 1];
    const cur = current(top);
    const last = cur[cur.length - 1];
    if (v === last.marker.value + 1) {
      cur.push(n);
      continue;
    }
    if (v === 1) {
      if (stack.length > 1 && order.get(n) !== (order.get(last) ?? -2) + 1) top.runs.push([n]);
      else stack.push({ host: last, runs: [[n]] });
      continue;
    }
    let j = stack.length - 2;
    while (j >= 0) {
      const r = current(stack[j]);
      if (r[r.length - 1].marker.value + 1 === v) break;
      j--;
    }
    if (j < 0) {
      // Neither reading fits: numbering the sequence rule reports; start afresh from here.
      stack = [{ runs: [[n]] }];
      continue;
    }
    for (let k = j + 1; k < stack.length; k++) {
      const l = stack[k];
      if (l.host && l.runs.every((r) => r.length >= 2)) for (const run of l.runs) out.push({ host: l.host, run });
    }
    stack.length = j + 1;
    current(stack[j]).push(n);
  }
}

const SHAPES = new WeakMap<Outline, Shapes>();

/** The shapes of an outline, worked out once and shared by the rules that read them. */
export function shapesOf(outline: Outline): Shapes {
  let s = SHAPES.get(outline);
  if (s) return s;
  s = { nested: [], misleveled: [], inverted: [], nestedRunIns: [], explained: new Set(), explainedRunIns: new Set() };
  const explained = s.explained;
  const order = new Map<OutlineNode, number>();
  outline.headings.forEach((h, k) => order.set(h, k));
  for (const g of outlineIndex(outline).siblings) if (g.length >= 4) nestedRuns(g, order, s.nested);
  for (const r of s.nested) for (const n of r.run) explained.add(n);
  findInverted(outline, s);
  findMisleveled(outline, s);
  findNestedRunIns(outline, s);
  SHAPES.set(outline, s);
  return s;
}

/** Typed headings of one segment in document order (merged ones left out). */
function bySegment(headings: OutlineNode[]): OutlineNode[][] {
  const out: OutlineNode[][] = [];
  for (const h of headings) {
    if (h.merged) continue;
    (out[h.segment ?? 0] ??= []).push(h);
  }
  return out.filter(Boolean);
}

/**
 * 1.甲 一、a 二、b 2.乙 一、c 二、d: 一、 runs opened right under a lower-level item. Taken when the
 * lower numbering goes on right after the run (1. 一、二、 2.; （一） 一、二、三 （二）), or when two
 * consecutive lower items (1. then 2.) each open such a run.
 */
function findInverted(outline: Outline, s: Shapes): void {
  for (const hs of bySegment(outline.headings)) {
    const cands: Array<{ under: OutlineNode; run: OutlineNode[]; next?: OutlineNode }> = [];
    for (let i = 0; i + 1 < hs.length; i++) {
      const a = hs[i];
      const b = hs[i + 1];
      if (b.marker.level >= a.marker.level || b.marker.value !== 1 || s.explained.has(b)) continue;
      const run = [b];
      let next: OutlineNode | undefined;
      // Bounded look-ahead: a run this long is no longer a list under one item.
      for (let k = i + 2; k < hs.length && k < i + 200; k++) {
        const c = hs[k];
        if (c.marker.kind === b.marker.kind && c.marker.value === run[run.length - 1].marker.value + 1) run.push(c);
        else if (c.marker.level <= b.marker.level || c.marker.kind === a.marker.kind) {
          next = c;
          break;
        }
      }
      cands.push({ under: a, run, ...(next ? { next } : {}) });
    }
    const take = new Set<number>();
    cands.forEach((c, k) => {
      if (c.run.length >= 2 && c.next && c.next.marker.kind === c.under.marker.kind && c.next.marker.value === c.under.marker.value + 1) take.add(k);
    });
    for (let k = 0; k + 1 < cands.length; k++) {
      const x = cands[k];
      const y = cands[k + 1];
      if (x.under.marker.kind === y.under.marker.kind && x.run[0].marker.kind === y.run[0].marker.kind && y.under.marker.value === x.under.marker.value + 1) {
        take.add(k);
        take.add(k + 1);
      }
    }
    for (const k of [...take].sort((p, q) => p - q)) {
      const c = cands[k];
      s.inverted.push({ under: c.under, run: c.run });
      for (const n of c.run) s.explained.add(n);
    }
  }
}

/**
 * 1. （1） （2） 3. 2.: where 3. breaks its own numbering (2. expected) but continues the （1）（2）
 * just before it exactly, and what follows confirms it (the 1. numbering resumes at 2., or a （4）
 * goes on from it), it was meant as （3）. A gap alone (1. （1）（2） 3. then nothing telling) stays
 * a gap for the sequence rule; when both readings agree (1. 2. （1）（2） 3.) nothing is said.
 */
function findMisleveled(outline: Outline, s: Shapes): void {
  const prevSibling = new Map<OutlineNode, OutlineNode | undefined>();
  for (const g of outlineIndex(outline).siblings) {
    let prev: OutlineNode | undefined;
    for (const n of g) {
      if (n.merged) continue;
      prevSibling.set(n, prev);
      prev = n;
    }
  }
  for (const hs of bySegment(outline.headings)) {
    for (let i = 1; i < hs.length; i++) {
      const n = hs[i];
      const p = hs[i - 1];
      if (s.explained.has(n) || p.marker.kind === n.marker.kind || p.marker.level <= n.marker.level) continue;
      if (n.marker.value !== p.marker.value + 1) continue;
      // The value its own sibling sequence expects, skipping siblings already read otherwise.
      let sib = prevSibling.get(n);
      // Bounded: a long chain of siblings read otherwise is not a numbering to judge against.
      for (let steps = 0; sib && s.explained.has(sib) && steps < 50; steps++) sib = prevSibling.get(sib);
      if (sib && s.explained.has(sib)) continue;
      const expected = sib ? sib.marker.value + 1 : 1;
      if (expected === n.marker.value) continue;
      // 3. 4. written on in the wrong form: the chain, then what follows it.
      let k = i + 1;
      while (k < hs.length && hs[k].marker.kind === n.marker.kind && hs[k].marker.value === hs[k - 1].marker.value + 1) k++;
      const q = hs[k];
      const last = hs[k - 1].marker.value;
      const confirmed = q !== undefined && ((q.marker.kind === p.marker.kind && q.marker.value === last + 1) || (q.marker.kind === n.marker.kind && q.marker.value === expected));
      if (!confirmed) continue;
      for (let j = i; j < k; j++) {
        s.misleveled.push({ node: hs[j], after: hs[j - 1], meant: formatMarker(p.marker.kind, hs[j].marker.value), expected });
        s.explained.add(hs[j]);
      }
      i = k - 1;
    }
  }
}

/**
 * 一是加强学习：一是读书，二是看报，三是写作。二是注重实践 — an 一是 chain inside the item 一是.
 * Taken only when the outer chain goes on with a value the inner chain has already used (二是 after
 * 三是), so a plain restart stays a restart. Scopes as the sequence rule: a heading closes all.
 */
function findNestedRunIns(outline: Outline, s: Shapes): void {
  interface State {
    kind: RunIn["kind"];
    outer: RunIn;
    inner: RunIn[] | null;
    innerParagraph: number;
  }
  let open: State[] = [];
  // buildOutline adds the run-ins in paragraph order: sort only an outline made otherwise
  let sorted = true;
  let prev = -Infinity;
  for (const k of outline.runIns.keys()) {
    if (k < prev) sorted = false;
    prev = k;
  }
  const entries: Iterable<[number, RunIn[]]> = sorted ? outline.runIns : [...outline.runIns].sort((a, b) => a[0] - b[0]);
  const hs = outline.headings;
  let h = 0;
  for (const [pi, list] of entries) {
    // A heading between the last run-in and this one (or opening this paragraph) closes every chain.
    let closed = false;
    while (h < hs.length && hs[h].paragraph <= pi) {
      if (!hs[h].merged) closed = true;
      h++;
    }
    if (closed) open = [];
    for (const r of list) {
      if (r.kind === "shouxian") continue;
      const at = open.findIndex((o) => o.kind === r.kind);
      if (at < 0) {
        open.push({ kind: r.kind, outer: r, inner: null, innerParagraph: pi });
        continue;
      }
      open = open.slice(0, at + 1);
      const st = open[at];
      if (st.inner) {
        const last = st.inner[st.inner.length - 1];
        if (r.value === last.value + 1) {
          st.inner.push(r);
        } else if (r.value === st.outer.value + 1 && st.inner.length >= 2 && r.value <= last.value) {
          s.nestedRunIns.push({ paragraph: st.innerParagraph, host: st.outer, first: st.inner[0] });
          s.explainedRunIns.add(r);
          st.outer = r;
          st.inner = null;
        } else if (r.value === 1) {
          st.inner = [r];
          st.innerParagraph = pi;
        } else {
          st.outer = r;
          st.inner = null;
        }
      } else if (r.value === 1) {
        st.inner = [r];
        st.innerParagraph = pi;
      } else {
        st.outer = r;
      }
    }
  }
}
