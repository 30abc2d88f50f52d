import { formatMarker, skipSpaces } from "../../numbering/markers";
import type { Marker, OutlineNode, RunIn } from "../../numbering/types";
import { OutlineWalk } from "../../numbering/walk";
import type { Rule, RuleContext } from "../types";
import { outlineIndex } from "../../numbering/groups";
import { runInWord, shapesOf, shown } from "./shared";

const LEVEL_NAME = ["", "一级", "二级", "三级", "四级", "五级"];
const NO_RUNINS: RunIn[] = [];
const RUNIN_KIND_CODE: Record<RunIn["kind"], number> = { yishi: 1, yiyao: 2, diyi: 3, shouxian: 4, qiyi: 5 };
/** A run-in's kind and value as one number (a value is at most 99: see numbering/markers.ts). */
function runInKey(kind: RunIn["kind"], value: number): number {
  return RUNIN_KIND_CODE[kind] * 0x100000 + value;
}
const LEVEL_FORM = ["", "一、", "（一）", "1.", "（1）", "①"];

const NUMERAL_RUN = /[0-9０-９一二三四五六七八九十\u2460-\u2473\u3251-\u325f]+/g;

function span(n: OutlineNode): { start: number; end: number } {
  return n.marker.fromLabel ? { start: 0, end: 0 } : { start: n.marker.start, end: n.marker.end };
}

/** The written style of a marker, for 同级序号形式不统一: 「1.」 vs 「1、」, 「（一）」 vs 「(一)」. */
function styleOf(m: Marker): string {
  const numStart = m.fromLabel ? -1 : (m.numStart ?? -1);
  const raw = m.raw.trim();
  if (numStart < 0) {
    // A label: replace the numeral by # to compare forms.
    return raw.replace(NUMERAL_RUN, "#");
  }
  const before = raw.slice(0, numStart - m.start);
  const after = raw.slice((m.numEnd ?? numStart) - m.start);
  return before + "#" + after;
}

function styleExample(m: Marker): string {
  return shown(m);
}

/**
 * The tree is built by nominal level, so a marker style can only sit at two depths when a level
 * is skipped somewhere: the skip check below covers "one style at two depths".
 */
function checkSkipsAndInversions(ctx: RuleContext): void {
  const { headings } = ctx.outline;
  // Levels used in each segment.
  const used = new Map<number, Set<number>>();
  for (const h of headings) {
    const seg = h.segment ?? 0;
    let s = used.get(seg);
    if (!s) used.set(seg, (s = new Set()));
    s.add(h.marker.level);
  }
  for (const parent of headings) {
    const levels = used.get(parent.segment ?? 0)!;
    let prev: OutlineNode | undefined;
    let deepest: OutlineNode | undefined;
    for (const h of parent.children) {
      if (h.merged) continue;
      // HIER.SKIP: 1. directly under 一、 while （一） is used elsewhere in the document.
      const missing: number[] = [];
      for (let l = parent.marker.level + 1; l < h.marker.level; l++) if (levels.has(l)) missing.push(l);
      if (missing.length && !(prev && prev.marker.level === h.marker.level)) {
        ctx.report({
          paragraph: h.paragraph,
          ...span(h),
          messageId: "level-skip",
          message: `层级跳跃：“${shown(h.marker)}”直接用在“${shown(parent.marker)}”之下，缺少${missing.map((l) => LEVEL_NAME[l] + "序号“" + LEVEL_FORM[l] + "”").join("、")}（本文其他地方使用了该级序号）`,
        });
      }
      // HIER.ORDER: a higher level after a lower one under the same parent (1. … then （一）).
      if (deepest && deepest.marker.level > h.marker.level && prev && prev.marker.level !== h.marker.level) {
        ctx.report({
          paragraph: h.paragraph,
          ...span(h),
          messageId: "level-inverted",
          message: `层级顺序倒置：“${shown(h.marker)}”是${LEVEL_NAME[h.marker.level]}序号，却出现在同一部分的${LEVEL_NAME[deepest.marker.level]}序号“${shown(deepest.marker)}”之后，应按“一、（一）1.（1）”逐级使用`,
        });
      }
      if (!deepest || h.marker.level > deepest.marker.level) deepest = h;
      prev = h;
    }
  }
}

/** HIER.SAME: 1. and 1、 (or （一） and (一)) as siblings. */
function checkMixedStyles(ctx: RuleContext): void {
  for (const group of outlineIndex(ctx.outline).siblings) {
    if (group.length < 2) continue;
    const count = new Map<string, number>();
    for (const n of group) count.set(styleOf(n.marker), (count.get(styleOf(n.marker)) ?? 0) + 1);
    if (count.size < 2) continue;
    let main = "";
    let best = -1;
    for (const [s, c] of count) if (c > best) [main, best] = [s, c];
    const mainNode = group.find((n) => styleOf(n.marker) === main)!;
    const odd = group.find((n) => styleOf(n.marker) !== main)!;
    ctx.report({
      paragraph: odd.paragraph,
      ...span(odd),
      messageId: "mixed-form",
      severity: "warning",
      message: `同级序号形式不统一：既有“${styleExample(mainNode.marker)}”，又有“${styleExample(odd.marker)}”，应统一为“${formatMarker(odd.marker.kind, odd.marker.value, mainNode.marker.dot ?? ".")}”这种形式`,
    });
  }
}

/** HIER.MIX: （一）… then a paragraph opening with 二是 / 第二， as if it were （二）. */
function checkRunInSiblings(ctx: RuleContext): void {
  const { outline, doc } = ctx;
  let last: OutlineNode | undefined;
  // run-ins seen since the last heading, as kind and value in one number (values stay below 100)
  let seen = new Set<number>();
  const walk = new OutlineWalk(outline);
  for (const p of doc.paragraphs) {
    const node = walk.heading(p.index);
    if (node) {
      last = node;
      if (seen.size) seen = new Set();
    }
    const list: RunIn[] = walk.runIns(p.index) ?? NO_RUNINS;
    const first = list[0];
    if (!node && first && last && first.start === skipSpaces(p.text, 0) && first.kind !== "shouxian" && first.value >= 2) {
      const m = last.marker;
      if (first.value === m.value + 1 && !seen.has(runInKey(first.kind, first.value - 1))) {
        ctx.report({
          paragraph: p.index,
          start: first.start,
          end: first.end,
          messageId: "runin-as-heading",
          severity: "warning",
          message: `“${runInWord(first.kind, first.value)}”与上文标题序号“${shown(m)}”混作同级序号：应改为“${formatMarker(m.kind, first.value, m.dot ?? ".")}”，或统一用段内“${runInWord(first.kind, 1)}、${runInWord(first.kind, 2)}”`,
        });
      }
    }
    for (const r of list) seen.add(runInKey(r.kind, r.value));
  }
}

/** Trap 3: 「…。二、…」 — a heading marker inside a paragraph. */
function checkMerged(ctx: RuleContext): void {
  for (const { paragraph, marker } of ctx.outline.merged) {
    ctx.report({
      paragraph,
      start: marker.start,
      end: marker.end,
      messageId: "merged-paragraphs",
      severity: "warning",
      message: `段落中间出现标题序号“${shown(marker)}”，疑似两段误合并，建议从此处另起一段`,
    });
  }
}

/**
 * The shapes worked out in shared.ts (also read by numbering-sequence, which then leaves them out):
 * one marker form at two levels, higher-level runs under lower items, 3. meant as （3）, 一是 in 一是.
 */
function checkShapes(ctx: RuleContext): void {
  const shapes = shapesOf(ctx.outline);
  for (const { host, run } of shapes.nested) {
    const first = run[0];
    const lastOf = run[run.length - 1];
    ctx.report({
      paragraph: first.paragraph,
      ...span(first),
      messageId: "same-form-nested",
      message: `“${shown(host.marker)}”这一部分内又用“${shown(first.marker)}…${shown(lastOf.marker)}”列出下一层内容，同一种序号用在了两个层级；下一层应改用“${LEVEL_FORM[Math.min(host.marker.level + 1, 5)]}”等低一级序号`,
    });
  }
  for (const { under, run } of shapes.inverted) {
    const first = run[0];
    ctx.report({
      paragraph: first.paragraph,
      ...span(first),
      messageId: "level-inverted",
      message: `层级倒置：${LEVEL_NAME[under.marker.level]}序号“${shown(under.marker)}”之下用了${LEVEL_NAME[first.marker.level]}序号“${shown(first.marker)}”，上级应用高一级序号，应按“一、（一）1.（1）”由高到低使用`,
    });
  }
  for (const { node, after, meant, expected } of shapes.misleveled) {
    const m = node.marker;
    const fixable = !m.fromLabel && m.faults.length === 0;
    ctx.report({
      paragraph: node.paragraph,
      ...span(node),
      messageId: "wrong-level-form",
      message: `“${shown(m)}”接续的是上一项“${shown(after.marker)}”的编号（本级此处应为“${formatMarker(m.kind, expected, m.dot ?? ".")}”），是下一层的内容，应为“${meant}”`,
      ...(fixable ? { fix: { description: `改为“${meant}”`, text: [{ paragraph: node.paragraph, start: m.start, end: m.end, text: meant }] } } : {}),
    });
  }
  for (const { paragraph, host, first } of shapes.nestedRunIns) {
    const word = runInWord(first.kind, 1);
    ctx.report({
      paragraph,
      start: first.start,
      end: first.end,
      messageId: "runin-nested",
      severity: "warning",
      message: `“${runInWord(host.kind, host.value)}”一项之内又用“${word}、${runInWord(first.kind, 2)}”列举，同一种序号用在了两个层级，内层应改用“第一，”“（1）”等另一种形式`,
    });
  }
}

export const numberingHierarchy: Rule = {
  id: "numbering-hierarchy",
  category: "numbering.hierarchy",
  severity: "error",
  title: "层次序号不规范",
  description: "结构层次序数应依次使用“一、”“（一）”“1.”“（1）”，不越级、不倒置，同级形式统一，不与“一是”“第一”混用",
  source: "GB/T 9704-2012 7.3.3（结构层次序数依次用“一、”“（一）”“1.”“（1）”）；GB/T 15834-2011 附录B.3",
  fixable: true,
  messages: {
    "level-skip": "层级跳跃",
    "level-inverted": "层级倒置",
    "mixed-form": "同级序号形式不统一",
    "runin-as-heading": "段内序数语与标题序号混作同级",
    "merged-paragraphs": "段落中间出现标题序号",
    "same-form-nested": "同一种序号用在两个层级",
    "wrong-level-form": "序号接续上一层编号却用了本层形式",
    "runin-nested": "“一是”之内又用“一是、二是”",
  },
  check(ctx) {
    checkSkipsAndInversions(ctx);
    checkShapes(ctx);
    checkMixedStyles(ctx);
    checkRunInSiblings(ctx);
    checkMerged(ctx);
  },
};
