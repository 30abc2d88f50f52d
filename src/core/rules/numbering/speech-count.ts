import type { Outline, OutlineNode, RunIn } from "../../numbering/types";
import type { Rule, RuleContext } from "../types";

/**
 * A promised count: 「讲三点意见」「谈两个问题」「从三个方面讲」「提四点要求」「抓好三项工作」.
 * Verb, optional filler, a count (汉字 二…二十, 两, or Arabic digits, or 几), a measure word, a noun.
 * 几 is matched so that 「谈几点体会」 is recognised and skipped.
 */
const MAYBE_PROMISE = /[两几二三四五六七八九十0-9１-９][点个项句]/;
const PROMISE =
  /(讲讲|谈谈|说说|强调|提出|讲|谈|提|说|抓好|抓住|做好|突出|从)(?:一下|以下|这么|如下)?(两|几|[二三四五六七八九]|十[一二三四五六七八九]?|二十|[1-9][0-9]?|[１-９])(点|个|项|句)(意见|问题|看法|要求|希望|体会|感受|认识|想法|建议|方面|工作|任务|重点|话|[：:，,。])/g;

/** After 从X个方面, a speaking verb must follow soon for it to promise the speech's structure. */
const SPEAK_AFTER = /^.{0,8}?(讲|谈|说|强调|汇报|交流|阐述)/;

const CN_VAL: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function countValue(s: string): { value: number; arabic: boolean } | null {
  if (s === "几") return null;
  if (/^[0-9]+$/.test(s)) return { value: Number(s), arabic: true };
  if (/^[１-９]$/.test(s)) return { value: s.charCodeAt(0) - 0xff10, arabic: true };
  if (s === "二十") return { value: 20, arabic: false };
  if (s.length === 2 && s[0] === "十") return { value: 10 + CN_VAL[s[1]], arabic: false };
  const v = CN_VAL[s];
  return v ? { value: v, arabic: false } : null;
}

/** How many paragraphs after a promise its run-in items are looked for. */
const RUNIN_WINDOW = 200;

/** Items of the first run-in kind after (paragraph i, offset), up to the next heading. */
function runInsAfter(ctx: RuleContext, i: number, offset: number): number {
  const { outline, doc } = ctx;
  let kind: RunIn["kind"] | undefined;
  let count = 0;
  const stop = Math.min(doc.paragraphs.length, i + RUNIN_WINDOW);
  for (let p = i; p < stop; p++) {
    if (p > i && outline.byParagraph.has(p)) break;
    for (const r of outline.runIns.get(p) ?? []) {
      if (p === i && r.start < offset) continue;
      if (kind === undefined) {
        if (r.value !== 1) return 0;
        kind = r.kind;
      }
      if (r.kind !== kind) continue;
      if (r.value === 1 && count > 0) return count; // a new list starts
      count++;
    }
  }
  return count;
}

export const speechCount: Rule = {
  id: "speech-count",
  category: "structure.count",
  severity: "error",
  title: "所讲点数与结构不符",
  description: "“讲三点意见”“从三个方面”等所说的数目，应与其后的一级标题（或下一级条目）数目一致",
  source: "《党政机关公文处理工作条例》第二十条；GB/T 15835-2011 4.3",
  check(ctx) {
    const { outline, doc } = ctx;
    const headings = outline.headings;
    const segs = outline.segments ?? [0];
    const top = topLevelCounter(outline);
    let hp = -1; // index of the last heading at or before the current position
    let seg = 0;
    for (const p of doc.paragraphs) {
      const text = p.text;
      while (seg + 1 < segs.length && segs[seg + 1] <= p.index) seg++;
      // Cheap test first: a count word (two and up) right before a measure word.
      if (!MAYBE_PROMISE.test(text)) continue;
      PROMISE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PROMISE.exec(text))) {
        const [whole, verb, countStr, measure, noun] = m;
        const offset = m.index + whole.length;
        if (verb === "从" && (noun !== "方面" || !SPEAK_AFTER.test(text.slice(offset, offset + 12)))) continue;
        if (measure === "个" && PUNCT_NOUN.test(noun)) continue;
        if ((measure === "句") !== (noun === "话")) continue;
        const cv = countValue(countStr);
        if (!cv || cv.value < 2) continue;
        // The innermost section holding this position (its own heading counts).
        while (hp + 1 < headings.length && before(headings[hp + 1], p.index, offset)) hp++;
        const section = hp >= 0 && (headings[hp].segment ?? 0) === seg ? headings[hp] : undefined;
        let found: number;
        let what: string;
        if (!section) {
          // In the opening: count the top-level sections that follow in this speech.
          found = top(seg, p.index, offset);
          what = "个一级标题";
        } else {
          found = countAfter(section.children, p.index, offset);
          what = "个下一级标题";
        }
        if (found === 0) {
          found = runInsAfter(ctx, p.index, offset);
          what = "项（按“一是、二是”等计）";
        }
        if (found === 0 || found === cv.value) continue;
        ctx.report({
          paragraph: p.index,
          start: m.index,
          end: offset,
          ...(cv.arabic ? { severity: "info" as const } : {}),
          message: `前文说“${whole.replace(TRAIL_PUNCT, "")}”，但其后实际有${found}${what}，数目不一致${cv.arabic ? "（讲话稿中数目一般用汉字书写）" : ""}`,
        });
      }
    }
  },
};

const PUNCT_NOUN = /^[：:，,。]$/;
const TRAIL_PUNCT = /[：:，,。]$/;

/** True when heading h is at or before (paragraph i, offset). */
function before(h: OutlineNode, i: number, offset: number): boolean {
  return h.paragraph < i || (h.paragraph === i && (!h.merged || h.marker.start < offset));
}

/** Nodes (document order) after (paragraph i, offset), by binary search. */
function countAfter(nodes: OutlineNode[], i: number, offset: number): number {
  let lo = 0;
  let hi = nodes.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (before(nodes[mid], i, offset)) lo = mid + 1;
    else hi = mid;
  }
  return nodes.length - lo;
}

/**
 * For each speech: how many top-level sections follow a position. "Top level" is the highest
 * level among the root headings that follow (a speech may use （一） as its first level).
 */
function topLevelCounter(outline: Outline): (seg: number, i: number, offset: number) => number {
  const roots = new Map<number, OutlineNode[]>();
  for (const r of outline.roots) {
    const s = r.segment ?? 0;
    const list = roots.get(s);
    if (list) list.push(r);
    else roots.set(s, [r]);
  }
  const suffix = new Map<number, { min: number[]; cnt: number[] }>();
  for (const [s, list] of roots) {
    const min = new Array<number>(list.length + 1).fill(99);
    const cnt = new Array<number>(list.length + 1).fill(0);
    for (let k = list.length - 1; k >= 0; k--) {
      const l = list[k].marker.level;
      min[k] = Math.min(l, min[k + 1]);
      cnt[k] = l < min[k + 1] ? 1 : l === min[k + 1] ? cnt[k + 1] + 1 : cnt[k + 1];
    }
    suffix.set(s, { min, cnt });
  }
  return (seg, i, offset) => {
    const list = roots.get(seg);
    if (!list) return 0;
    const k = list.length - countAfter(list, i, offset);
    return suffix.get(seg)!.cnt[k];
  };
}
