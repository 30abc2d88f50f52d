import { formatNumeral } from "../../numbering/markers";
import type { OutlineNode, RunIn } from "../../numbering/types";
import { OutlineWalk } from "../../numbering/walk";
import { outlineIndex } from "../../numbering/groups";
import type { Fix, Report, Rule, RuleContext, TextEdit } from "../types";
import { byLevel, levelKey, runInWord, sameKind, shapesOf, shown, siblingGroups } from "./shared";

type Problem = "start" | "gap" | "dup" | "order" | "restart";

const PROBLEM_ID: Record<Problem, string> = { start: "wrong-start", gap: "gap", dup: "duplicate", order: "out-of-order", restart: "restart" };


/** Bits of analyze's answer besides the count. */
const HAS_RESTART = 1 << 30;
const COUNT = HAS_RESTART - 1;

/**
 * Walks the values of `nodes`, which should run 1, 2, 3 …, and hands each place where they do not
 * to `visit` (when given). Returns how many there are, with HAS_RESTART set when one is a
 * restart. Nothing is kept: a group of 100,000 headings makes no list of its anomalies (the
 * caller counts first and walks again to report).
 */
function analyze(nodes: OutlineNode[], visit?: (index: number, problem: Problem, expected: number) => void): number {
  let count = 0;
  let restart = 0;
  let expected = 1;
  let prev = 0;
  const note = (index: number, problem: Problem, exp: number): void => {
    count++;
    if (visit) visit(index, problem, exp);
  };
  for (let k = 0; k < nodes.length; k++) {
    const v = nodes[k].marker.value;
    const before = prev;
    prev = v;
    if (v === expected) {
      expected = v + 1;
      continue;
    }
    if (k === 0) {
      note(k, "start", 1);
      expected = v + 1;
    } else if (v === before) {
      note(k, "dup", expected);
    } else if (v === 1) {
      // 一、二、三、 … 一、二、: one fault where the numbering starts over, not one per item after it.
      note(k, "restart", expected);
      restart = HAS_RESTART;
      expected = 2;
    } else if (v > expected) {
      note(k, "gap", expected);
      expected = v + 1;
    } else {
      note(k, "order", expected);
    }
  }
  return count | restart;
}

/**
 * Past this many siblings a group is no heading sequence a clerk wrote (a pasted list, a table
 * flattened into paragraphs, ① repeated down a page): renumbering it in one click would be a blind
 * edit of every line, and the fix alone would hold one edit per line.
 */
const RENUMBER_MAX = 200;

/** Text edits renumbering a group 1 … n; undefined when a marker is a Word list label. */
function renumber(nodes: OutlineNode[]): Fix | undefined {
  if (nodes.length > RENUMBER_MAX) return undefined;
  if (nodes.some((n) => n.marker.fromLabel || n.marker.numStart === undefined || n.marker.numEnd === undefined)) return undefined;
  const text: TextEdit[] = [];
  nodes.forEach((n, k) => {
    if (n.marker.value === k + 1) return;
    text.push({ paragraph: n.paragraph, start: n.marker.numStart!, end: n.marker.numEnd!, text: formatNumeral(n.marker.kind, k + 1) });
  });
  if (!text.length) return undefined;
  const first = nodes[0].marker;
  const seq = [1, 2, 3].map((v) => sameKind(first, v)).join("");
  return { description: `将本组序号依次改为${seq}…`, text };
}

function message(nodes: OutlineNode[], index: number, problem: Problem, expected: number): string {
  const m = nodes[index].marker;
  const prev = index > 0 ? nodes[index - 1].marker : undefined;
  switch (problem) {
    case "start":
      return `同级序号应从“${sameKind(m, 1)}”开始，这里是“${shown(m)}”`;
    case "gap":
      return `序号跳号：“${shown(prev!)}”之后应为“${sameKind(m, expected)}”，这里是“${shown(m)}”`;
    case "dup":
      return `序号重复：“${shown(m)}”与上一个同级序号相同，应为“${sameKind(m, expected)}”`;
    case "order":
      return `序号顺序颠倒：“${shown(m)}”出现在“${shown(prev!)}”之后`;
    case "restart":
      return `同级序号在“${shown(prev!)}”之后又从“${shown(m)}”重新编起：如是上一项之下的内容，应改用低一级序号；否则应接着编为“${sameKind(m, expected)}”`;
  }
}

/** Reports the anomalies of a group; `found` is analyze(nodes) (non-zero). */
function reportGroup(ctx: RuleContext, nodes: OutlineNode[], found: number, continuous: boolean): void {
  // After a restart it is unclear whether the run is a lower level or a slip: no renumbering.
  const fix = found & HAS_RESTART ? undefined : renumber(nodes);
  let k = 0;
  analyze(nodes, (index, problem, expected) => {
    const n = nodes[index];
    const m = n.marker;
    let msg = message(nodes, index, problem, expected);
    if (continuous) msg += "（本文该级序号为全文连续编号）";
    if (m.fromLabel) msg += "；该序号为 Word 自动编号，请在“编号”中调整";
    const r: Report = { paragraph: n.paragraph, start: m.fromLabel ? 0 : m.start, end: m.fromLabel ? 0 : m.end, messageId: PROBLEM_ID[problem], message: msg };
    if (k === 0 && fix) r.fix = fix;
    ctx.report(r);
    k++;
  });
}

function checkHeadings(ctx: RuleContext): void {
  const shapes = shapesOf(ctx.outline);
  // Nodes the hierarchy rule explains (一、 runs nested in 一、 sections, 3. meant as （3）) are left
  // out of their group; a nested run is numbered on its own.
  const explained = shapes.explained;
  // (the filters only when some heading is explained: they copy lists as long as the document)
  const headings = explained.size ? ctx.outline.headings.filter((h) => !explained.has(h)) : ctx.outline.headings;
  for (const { run } of shapes.nested) {
    const a = analyze(run);
    if (a) reportGroup(ctx, run, a, false);
  }
  for (const { run } of shapes.inverted) {
    const a = analyze(run);
    if (a) reportGroup(ctx, run, a, false);
  }
  const index = outlineIndex(ctx.outline);
  let groups = explained.size ? siblingGroups(headings) : index.siblings;
  if (explained.size) groups = groups.map((g) => g.filter((n) => !explained.has(n))).filter((g) => g.length);
  const groupsOfLevel = new Map<number, OutlineNode[][]>();
  for (const g of groups) {
    const h = g[0];
    const key = levelKey(h);
    const list = groupsOfLevel.get(key);
    if (list) list.push(g);
    else groupsOfLevel.set(key, [g]);
  }
  for (const [key, levelNodes] of explained.size ? byLevel(headings) : index.levels) {
    const gs = groupsOfLevel.get(key) ?? [];
    const perGroup = gs.map((g) => analyze(g));
    let restartCount = 0;
    for (const a of perGroup) restartCount += a & COUNT;
    if (restartCount === 0) continue;
    if (gs.length > 1) {
      // Trap 1: （一）…（十二） numbered straight through 一、二、三 is accepted when consistent.
      const cont = analyze(levelNodes);
      if ((cont & COUNT) < restartCount) {
        if (cont & COUNT) reportGroup(ctx, levelNodes, cont, true);
        continue;
      }
    }
    gs.forEach((g, k) => {
      if (perGroup[k] & COUNT) reportGroup(ctx, g, perGroup[k], false);
    });
  }
}

/** 一是 … 三是 with 二是 missing, 二是 twice, … (warnings; not fixed automatically). */
function checkRunIns(ctx: RuleContext): void {
  const { outline, doc } = ctx;
  if (outline.runIns.size === 0) return;
  const explained = shapesOf(outline).explainedRunIns;
  // Open sequences, outermost first: a new item of an outer kind closes the inner ones.
  const open: Array<{ kind: RunIn["kind"]; last: RunIn }> = [];
  const index = outlineIndex(outline);
  if (index.sequential) {
    // Only the run-in paragraphs, and whether a heading stands between two of them (or opens one).
    const hs = outline.headings;
    let h = 0;
    for (let k = 0; k < index.runKeys.length; k++) {
      const pi = index.runKeys[k];
      let heading = false;
      while (h < hs.length && hs[h].paragraph <= pi) {
        if (!hs[h].merged) heading = true;
        h++;
      }
      if (heading) open.length = 0;
      runInsOf(ctx, pi, index.runLists[k], open, explained);
    }
    return;
  }
  const walk = new OutlineWalk(outline);
  for (const p of doc.paragraphs) {
    if (walk.heading(p.index) !== undefined) open.length = 0;
    const list = walk.runIns(p.index);
    if (list) runInsOf(ctx, p.index, list, open, explained);
  }
}

/** checkRunIns for the run-ins of one paragraph; `open` is carried from paragraph to paragraph. */
function runInsOf(ctx: RuleContext, paragraph: number, list: RunIn[], open: Array<{ kind: RunIn["kind"]; last: RunIn }>, explained: Set<RunIn>): void {
  for (const r of list) {
    if (r.kind === "shouxian") continue;
    let at = -1;
    for (let q = 0; q < open.length; q++) {
      if (open[q].kind === r.kind) {
        at = q;
        break;
      }
    }
    if (at < 0) {
      open.push({ kind: r.kind, last: r });
      continue;
    }
    const prev = open[at].last;
    open.length = at + 1;
    open[at].last = r;
    if (r.value === 1 || r.value === prev.value + 1 || explained.has(r)) continue;
    let msg: string;
    let messageId: string;
    if (r.value === prev.value) messageId = "runin-duplicate";
    else if (r.value > prev.value) messageId = "runin-gap";
    else messageId = "runin-out-of-order";
    if (r.value === prev.value) msg = `段内序号重复：“${r.raw}”与前一个“${prev.raw}”相同，应为“${runInWord(r.kind, prev.value + 1)}”`;
    else if (r.value > prev.value) msg = `段内序号跳号：“${runInWord(prev.kind, prev.value)}”之后应为“${runInWord(r.kind, prev.value + 1)}”，这里是“${runInWord(r.kind, r.value)}”`;
    else msg = `段内序号顺序颠倒：“${runInWord(r.kind, r.value)}”出现在“${runInWord(prev.kind, prev.value)}”之后`;
    ctx.report({ paragraph, start: r.start, end: r.end, messageId, message: msg, severity: "warning" });
  }
}

export const numberingSequence: Rule = {
  id: "numbering-sequence",
  category: "numbering.sequence",
  severity: "error",
  title: "序号不连续",
  description: "同级标题序号应从一开始依次编号，不跳号、不重复、不颠倒；段内“一是、二是”同样检查",
  source: "《党政机关公文处理工作条例》第二十条；GB/T 9704-2012 7.3.3",
  fixable: true,
  messages: {
    "wrong-start": "同级序号不从一开始",
    gap: "序号跳号",
    duplicate: "序号重复",
    "out-of-order": "序号顺序颠倒",
    restart: "同级序号中途重新编号",
    "runin-gap": "段内序号跳号",
    "runin-duplicate": "段内序号重复",
    "runin-out-of-order": "段内序号顺序颠倒",
  },
  check(ctx) {
    checkHeadings(ctx);
    checkRunIns(ctx);
  },
};
