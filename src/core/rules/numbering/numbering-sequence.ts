import { formatNumeral } from "../../numbering/markers";
import type { OutlineNode, RunIn } from "../../numbering/types";
import type { Fix, Rule, RuleContext, TextEdit } from "../types";
import { byLevel, runInWord, sameKind, shapesOf, shown, siblingGroups } from "./shared";

type Problem = "start" | "gap" | "dup" | "order" | "restart";

const PROBLEM_ID: Record<Problem, string> = { start: "wrong-start", gap: "gap", dup: "duplicate", order: "out-of-order", restart: "restart" };

interface Anomaly {
  index: number;
  problem: Problem;
  expected: number;
}

/** Walks values that should run 1, 2, 3 …; returns where they do not. */
function analyze(values: number[]): Anomaly[] {
  const out: Anomaly[] = [];
  let expected = 1;
  for (let k = 0; k < values.length; k++) {
    const v = values[k];
    if (v === expected) {
      expected = v + 1;
      continue;
    }
    if (k === 0) {
      out.push({ index: k, problem: "start", expected: 1 });
      expected = v + 1;
    } else if (v === values[k - 1]) {
      out.push({ index: k, problem: "dup", expected });
    } else if (v === 1) {
      // 一、二、三、 … 一、二、: one fault where the numbering starts over, not one per item after it.
      out.push({ index: k, problem: "restart", expected });
      expected = 2;
    } else if (v > expected) {
      out.push({ index: k, problem: "gap", expected });
      expected = v + 1;
    } else {
      out.push({ index: k, problem: "order", expected });
    }
  }
  return out;
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

function message(nodes: OutlineNode[], a: Anomaly): string {
  const m = nodes[a.index].marker;
  const prev = a.index > 0 ? nodes[a.index - 1].marker : undefined;
  switch (a.problem) {
    case "start":
      return `同级序号应从“${sameKind(m, 1)}”开始，这里是“${shown(m)}”`;
    case "gap":
      return `序号跳号：“${shown(prev!)}”之后应为“${sameKind(m, a.expected)}”，这里是“${shown(m)}”`;
    case "dup":
      return `序号重复：“${shown(m)}”与上一个同级序号相同，应为“${sameKind(m, a.expected)}”`;
    case "order":
      return `序号顺序颠倒：“${shown(m)}”出现在“${shown(prev!)}”之后`;
    case "restart":
      return `同级序号在“${shown(prev!)}”之后又从“${shown(m)}”重新编起：如是上一项之下的内容，应改用低一级序号；否则应接着编为“${sameKind(m, a.expected)}”`;
  }
}

function reportGroup(ctx: RuleContext, nodes: OutlineNode[], anomalies: Anomaly[], continuous: boolean): void {
  // After a restart it is unclear whether the run is a lower level or a slip: no renumbering.
  const fix = anomalies.some((a) => a.problem === "restart") ? undefined : renumber(nodes);
  anomalies.forEach((a, k) => {
    const n = nodes[a.index];
    const m = n.marker;
    let msg = message(nodes, a);
    if (continuous) msg += "（本文该级序号为全文连续编号）";
    if (m.fromLabel) msg += "；该序号为 Word 自动编号，请在“编号”中调整";
    ctx.report({
      paragraph: n.paragraph,
      start: m.fromLabel ? 0 : m.start,
      end: m.fromLabel ? 0 : m.end,
      messageId: PROBLEM_ID[a.problem],
      message: msg,
      ...(k === 0 && fix ? { fix } : {}),
    });
  });
}

function checkHeadings(ctx: RuleContext): void {
  const shapes = shapesOf(ctx.outline);
  // Nodes the hierarchy rule explains (一、 runs nested in 一、 sections, 3. meant as （3）) are left
  // out of their group; a nested run is numbered on its own.
  const headings = ctx.outline.headings.filter((h) => !shapes.explained.has(h));
  for (const run of [...shapes.nested.map((r) => r.run), ...shapes.inverted.map((r) => r.run)]) {
    const a = analyze(run.map((n) => n.marker.value));
    if (a.length) reportGroup(ctx, run, a, false);
  }
  const groups = siblingGroups(headings).map((g) => g.filter((n) => !shapes.explained.has(n))).filter((g) => g.length);
  const groupsOfLevel = new Map<string, OutlineNode[][]>();
  for (const g of groups) {
    const h = g[0];
    const key = `${h.segment ?? 0}|${h.marker.level}`;
    const list = groupsOfLevel.get(key);
    if (list) list.push(g);
    else groupsOfLevel.set(key, [g]);
  }
  for (const [key, levelNodes] of byLevel(headings)) {
    const gs = groupsOfLevel.get(key) ?? [];
    const perGroup = gs.map((g) => analyze(g.map((n) => n.marker.value)));
    const restartCount = perGroup.reduce((s, a) => s + a.length, 0);
    if (restartCount === 0) continue;
    if (gs.length > 1) {
      // Trap 1: （一）…（十二） numbered straight through 一、二、三 is accepted when consistent.
      const cont = analyze(levelNodes.map((n) => n.marker.value));
      if (cont.length < restartCount) {
        if (cont.length) reportGroup(ctx, levelNodes, cont, true);
        continue;
      }
    }
    gs.forEach((g, k) => {
      if (perGroup[k].length) reportGroup(ctx, g, perGroup[k], false);
    });
  }
}

/** 一是 … 三是 with 二是 missing, 二是 twice, … (warnings; not fixed automatically). */
function checkRunIns(ctx: RuleContext): void {
  const { outline, doc } = ctx;
  const explained = shapesOf(outline).explainedRunIns;
  // Open sequences, outermost first: a new item of an outer kind closes the inner ones.
  let open: Array<{ kind: RunIn["kind"]; last: RunIn }> = [];
  for (const p of doc.paragraphs) {
    if (outline.byParagraph.has(p.index)) open = [];
    const list = outline.runIns.get(p.index);
    if (!list) continue;
    for (const r of list) {
      if (r.kind === "shouxian") continue;
      const at = open.findIndex((o) => o.kind === r.kind);
      if (at < 0) {
        open.push({ kind: r.kind, last: r });
        continue;
      }
      const prev = open[at].last;
      open = open.slice(0, at + 1);
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
      ctx.report({ paragraph: p.index, start: r.start, end: r.end, messageId, message: msg, severity: "warning" });
    }
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
