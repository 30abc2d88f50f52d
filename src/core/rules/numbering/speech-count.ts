import type { Outline, OutlineNode, RunIn } from "../../numbering/types";
import type { Paragraph } from "../../model";
import { ADJ_COUNT, paragraphFlags } from "../../text/summary";
import type { Rule, RuleContext, Severity } from "../types";

/**
 * A promised count: 「讲三点意见」「谈两个问题」「从三个方面讲」「提四点要求」「抓好三项工作」
 * 「讲三方面内容」「主要有三项任务」「强调以下几点」. Verb, optional filler, a count (汉字 二…二十,
 * 两, Arabic digits, or 几), an optional measure word, a noun (or the punctuation after 点/项/条).
 * 几 is matched so that 「谈几点体会」 can be held to at least two items.
 *
 * 有 alone says nothing about structure (「全市有三个方面的问题」), so it counts only as 主要有 /
 * 重点有 or before 以下 / 如下. The filler and count are bounded, so the pattern cannot backtrack.
 */
const MAYBE_PROMISE = /[两几二三四五六七八九十0-9０-９][点个项句条方]/;
const PROMISE =
  /(讲讲|谈谈|说说|强调|提出|讲|谈|提|说|抓好|抓住|做好|突出|从|主要有|重点有|有(?=以下|如下))(?:一下|以下|如下|这么|这样|下面)?(两|几|[二三四五六七八九]|十[一二三四五六七八九]?|二十|[1-9][0-9]?|[１-９])(点|个|项|句|条)?(意见|问题|看法|要求|希望|体会|感受|认识|想法|建议|方面(?:的?(?:工作|内容|意见|问题|任务|要求))?|工作|任务|重点|措施|举措|内容|话|[：:，,。；])/g;

/**
 * 做到“三个坚持”: a count inside quotes after a verb of doing. Most quoted counts are names
 * (“四个意识”“两个确立”), so this is only checked when the items are spelt out right after it
 * (「：一是…」) or under it (a heading with sub-headings).
 */
const QUOTED = /(做到|坚持|落实|把握|抓好|抓住|突出)“(两|[二三四五六七八九]|十)(个|项|条|大|点)?([^”“]{1,8})”/g;

/**
 * After 从X个方面, a verb of speaking or of laying out must follow soon for it to promise the
 * text's structure (「从三个方面来看」「从三个方面入手」); 「从三个方面做好工作」 promises nothing.
 */
const SPEAK_AFTER = /^[^，。；：！？]{0,8}?(讲|谈|说|强调|汇报|交流|阐述|介绍|说明|来看|看|入手|着手|分析|把握|理解|认识)/;
const SPEAKING = /^(讲|谈|说|强调|汇报|交流|阐述|介绍|说明)$/;
/** 「从三个方面讲了」「从三个方面作了讲话」: reported, not promised. */
const SPOKEN_AFTER = /^[^，。；：！？]{0,8}?(讲了|谈了|说了|讲过|讲话|谈过|强调了|汇报了|交流了|阐述了|作了|做了)/;

/**
 * Someone else's speech, not this one: 「刚才，张书记从三个方面…」「省委提出三点要求」. Either 刚才 /
 * 已经 in the clause before the count, or another speaker as the subject right before the verb
 * (「办公室的同志非常辛苦，概括起来有以下四个方面」 names no speaker: the 同志 is in another clause).
 * A 我 in the clause makes it the speaker's own promise again.
 */
const REPORTED_CLAUSE = /刚才|已经|曾经/;
const REPORTED_SUBJECT = /(同志(?!们)|书记|省长|市长|县长|区长|主任|部长|总理|主席|中央|省委|市委|县委|区委|国务院|会议|文件|讲话|他们|他|她)[^，,、；：]{0,4}$/;
const FIRST_PERSON = /我/;
/** How far back (characters) the clause before a promise is read. */
const CLAUSE_BACK = 40;
const CLAUSE_END = "。！？；!?;";

const CN_VAL: Record<string, number> = { 两: 2, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

/** The promised number; `value` 0 for 几 (「几点」: at least two). */
function countValue(s: string): { value: number; arabic: boolean } | null {
  if (s === "几") return { value: 0, arabic: false };
  if (/^[0-9]+$/.test(s)) return { value: Number(s), arabic: true };
  if (/^[１-９]$/.test(s)) return { value: s.charCodeAt(0) - 0xff10, arabic: true };
  if (s === "二十") return { value: 20, arabic: false };
  if (s.length === 2 && s[0] === "十") return { value: 10 + CN_VAL[s[1]], arabic: false };
  const v = CN_VAL[s];
  return v ? { value: v, arabic: false } : null;
}

/** How many paragraphs after a promise its run-in items are looked for. */
const RUNIN_WINDOW = 200;

/** Index of the first run-in in `list` (sorted by start) at or after offset: binary search. */
function runInIndex(list: RunIn[], offset: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid].start < offset) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Items of the run-in list starting at (paragraph i, offset), up to the next heading. Memoised by
 * where the list starts, so many promises before one long list do not each walk it again.
 */
function runInsFrom(ctx: RuleContext, memo: Map<string, number>, i: number, offset: number): number {
  const { outline, doc } = ctx;
  const first = outline.runIns.get(i) ?? [];
  const k0 = runInIndex(first, offset);
  const key = `${i}:${k0}`;
  const known = memo.get(key);
  if (known !== undefined) return known;
  let kind: RunIn["kind"] | undefined;
  let count = 0;
  const stop = Math.min(doc.paragraphs.length, i + RUNIN_WINDOW);
  scan: for (let p = i; p < stop; p++) {
    if (p > i && outline.byParagraph.has(p)) break;
    const list = p === i ? first : outline.runIns.get(p);
    if (!list) continue;
    for (let k = p === i ? k0 : 0; k < list.length; k++) {
      const r = list[k];
      if (kind === undefined) {
        if (r.value !== 1) break scan;
        kind = r.kind;
      }
      if (r.kind !== kind) continue;
      if (r.value === 1 && count > 0) break scan; // a new list starts
      count++;
    }
  }
  memo.set(key, count);
  return count;
}

/** The first run-in of paragraph p at or after offset, if any. */
function firstRunIn(outline: Outline, p: number, offset: number): RunIn | undefined {
  const list = outline.runIns.get(p);
  return list ? list[runInIndex(list, offset)] : undefined;
}

/** True when s holds anything but white space (stops at the first such character). */
function hasText(s: string): boolean {
  for (let k = 0; k < s.length; k++) if (!/\s/.test(s[k])) return true;
  return false;
}

/** The next paragraph after i that holds any text. */
function nextNonEmpty(paragraphs: Paragraph[], i: number): number {
  for (let p = i + 1; p < paragraphs.length && p < i + RUNIN_WINDOW; p++) if (hasText(paragraphs[p].text)) return p;
  return -1;
}

/** Quote / book-title depth scanner: advanced monotonically through one paragraph. */
class Nesting {
  private pos = 0;
  private quote = 0;
  private book = 0;
  constructor(private readonly text: string) {}
  /** True when offset lies inside “…”, 「…」 or 《…》. */
  insideAt(offset: number): boolean {
    for (; this.pos < offset && this.pos < this.text.length; this.pos++) {
      const c = this.text[this.pos];
      if (c === "“" || c === "「") this.quote++;
      else if (c === "”" || c === "」") this.quote = Math.max(0, this.quote - 1);
      else if (c === "《") this.book++;
      else if (c === "》") this.book = Math.max(0, this.book - 1);
    }
    return this.quote > 0 || this.book > 0;
  }
}

/** The clause before `start`, back to the last sentence end (at most CLAUSE_BACK characters). */
function clauseBefore(text: string, start: number): string {
  let k = start;
  const stop = Math.max(0, start - CLAUSE_BACK);
  while (k > stop && !CLAUSE_END.includes(text[k - 1])) k--;
  return text.slice(k, start);
}

const RUNIN_WHAT = "项（按“一是、二是”等计）";
/** How far (characters) after a promise a run-in list in the same paragraph still belongs to it. */
const SAME_PARAGRAPH_REACH = 60;
/** Characters that make the verb part of another word: 宣讲, 演讲, 座谈, 商谈, 听说, 据说. */
const COMPOUND_BEFORE = "宣演听主座会商面洽访交据小虽";

type Found = { count: number; what: string } | null;

export const speechCount: Rule = {
  id: "speech-count",
  category: "structure.count",
  severity: "error",
  title: "所讲点数与结构不符",
  description: "“讲三点意见”“从三个方面”“抓好四项工作”等所说的数目，应与其后的标题或“一是、二是”等条目数一致；“几点”其后至少应有两项",
  source: "《党政机关公文处理工作条例》第二十条；GB/T 15835-2011 4.3",
  messages: {
    "count-mismatch": "所说点数与其后条目数不一致",
    "count-few-items": "说“几点”，其后却只有一项",
  },
  check(ctx) {
    const { outline, doc } = ctx;
    const headings = outline.headings;
    const segs = outline.segments ?? [0];
    const top = topLevelCounter(outline);
    const memo = new Map<string, number>();
    let seg = 0;

    /** What the promise ending at (i, offset) counts, by what comes right after it. */
    const itemsAfter = (i: number, offset: number, text: string, quoted: boolean): Found => {
      const k = lastBefore(headings, i, offset);
      const section = k >= 0 && (headings[k].segment ?? 0) === seg ? headings[k] : undefined;
      const inOwnHeading = section !== undefined && section.paragraph === i && !section.merged;
      const rest = text.slice(offset, offset + 4);
      // Items spelt out in the same paragraph: 「讲两点：一是…二是…」.
      const same = firstRunIn(outline, i, offset);
      // A single run-in is no list (「首先，我代表市委表示感谢」): the headings, if any, decide then.
      let single: Found = null;
      if (same && same.start - offset <= (quoted ? 4 : SAME_PARAGRAPH_REACH)) {
        if (same.value !== 1) return null;
        const c = runInsFrom(ctx, memo, i, same.start);
        if (c >= 2) return { count: c, what: RUNIN_WHAT };
        single = { count: c, what: RUNIN_WHAT };
      }
      // 「抓好三项工作：教育、医疗、住房」: the items are listed inline, nothing to count.
      if (!single && (/^[：:]\s*\S/.test(rest) || /^，?即/.test(rest))) return null;
      const endsParagraph = /^[。：:；]?\s*$/.test(text.slice(offset, offset + 8)) && text.length - offset <= 8;
      // A quoted count (做到“三个坚持”) promises only in its own heading or at the end of its paragraph.
      if (quoted && !endsParagraph && !single) return null;
      // The next paragraph opens a run-in list (「第一，…」) before any heading.
      const n = single ? -1 : nextNonEmpty(doc.paragraphs, i);
      if (n >= 0 && !outline.byParagraph.has(n)) {
        const r = firstRunIn(outline, n, 0);
        if (r && r.start <= 2) {
          if (r.value !== 1) return null;
          const c = runInsFrom(ctx, memo, n, 0);
          if (c >= 2) return { count: c, what: RUNIN_WHAT };
          single = { count: c, what: RUNIN_WHAT };
        }
      }
      if (quoted && !inOwnHeading) return single;
      const c = section ? countAfter(section.children, i, offset) : top(seg, i, offset);
      if (c) return { count: c, what: section ? "个下一级标题" : "个一级标题" };
      return single;
    };

    const judge = (p: Paragraph, start: number, end: number, shown: string, countStr: string, severity: Severity | undefined, quoted: boolean): void => {
      const cv = countValue(countStr);
      if (!cv || cv.value === 1) return;
      const found = itemsAfter(p.index, end, p.text, quoted);
      if (!found || found.count === 0) return;
      if (cv.value === 0) {
        if (found.count >= 2) return;
        ctx.report({
          paragraph: p.index,
          start,
          end,
          messageId: "count-few-items",
          severity: "warning",
          message: `前文说“${shown}”，但其后只有1${found.what}，“几点”至少应有两项`,
        });
        return;
      }
      if (found.count === cv.value) return;
      ctx.report({
        paragraph: p.index,
        start,
        end,
        messageId: "count-mismatch",
        ...(cv.arabic ? { severity: "info" as const } : severity ? { severity } : {}),
        message: `前文说“${shown}”（${cv.value}项），但其后实际有${found.count}${found.what}，前后数目应一致${cv.arabic ? "（讲话稿中数目一般用汉字书写）" : ""}`,
      });
    };

    // Which paragraphs hold a count word right before a measure word (text/summary.ts): most hold none.
    const flags = paragraphFlags(doc, outline);
    for (let pi = 0; pi < doc.paragraphs.length; pi++) {
      // The flag first: on 100,000 short paragraphs reading each paragraph object only to skip it
      // costs a cache miss apiece, ten times the rest of the loop.
      if ((flags[pi] & ADJ_COUNT) === 0) continue;
      const p = doc.paragraphs[pi];
      const text = p.text;
      while (seg + 1 < segs.length && segs[seg + 1] <= p.index) seg++;
      if (p.inTable || !MAYBE_PROMISE.test(text)) continue;
      const nest = new Nesting(text);
      PROMISE.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = PROMISE.exec(text))) {
        const [whole, verb, countStr, measure, noun] = m;
        const punctNoun = PUNCT_NOUN.test(noun);
        const end = m.index + whole.length - (punctNoun ? 1 : 0);
        let laidOut = false; // 从三个方面来看 / 入手: a structure, less surely the speech's own
        if (verb === "从") {
          const after = text.slice(end, end + 12);
          const sm = SPEAK_AFTER.exec(after);
          if (!noun.startsWith("方面") || !sm || SPOKEN_AFTER.test(after)) continue;
          laidOut = !SPEAKING.test(sm[1]);
        }
        // 「三个，」 is no promise; 点/项/条 may stand alone before punctuation (「强调以下几点：」).
        if (punctNoun && (measure === undefined || measure === "个" || measure === "句")) continue;
        if (measure === undefined && !noun.startsWith("方面")) continue;
        if ((measure === "句") !== (noun === "话")) continue;
        if (m.index > 0 && COMPOUND_BEFORE.includes(text[m.index - 1]) && verb.length === 1) continue;
        if (nest.insideAt(m.index)) continue;
        const clause = clauseBefore(text, m.index);
        if ((REPORTED_CLAUSE.test(clause) || REPORTED_SUBJECT.test(clause)) && !FIRST_PERSON.test(clause)) continue;
        // Doing-verbs (抓好/做好/主要有) promise tasks, less surely the speech's own structure.
        const task = laidOut || !/^(讲|谈|说|提|强调|从)/.test(verb);
        judge(p, m.index, end, whole.replace(TRAIL_PUNCT, ""), countStr, task ? "warning" : undefined, false);
      }
      if (!text.includes("“")) continue;
      QUOTED.lastIndex = 0;
      while ((m = QUOTED.exec(text))) {
        const [whole, , countStr, , name] = m;
        // “两学一做”“三严三实”: more numerals inside make a name, not a list.
        if (/[一二三四五六七八九十两]/.test(name)) continue;
        const end = m.index + whole.length;
        judge(p, m.index, end, whole, countStr, "info", true);
      }
    }
  },
};

const PUNCT_NOUN = /^[：:，,。；]$/;
const TRAIL_PUNCT = /[：:，,。；]$/;

/** True when h is at or before (paragraph i, offset). */
function before(h: OutlineNode, i: number, offset: number): boolean {
  return h.paragraph < i || (h.paragraph === i && (!h.merged || h.marker.start < offset));
}

/** Index of the last of `nodes` (document order) at or before (paragraph i, offset), or -1. */
function lastBefore(nodes: OutlineNode[], i: number, offset: number): number {
  return nodes.length - countAfter(nodes, i, offset) - 1;
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
  // Built when a promise first asks (most drafts make none): it copies every top-level heading.
  let built: ((seg: number, i: number, offset: number) => number) | undefined;
  return (seg, i, offset) => (built ??= buildTopLevelCounter(outline))(seg, i, offset);
}

function buildTopLevelCounter(outline: Outline): (seg: number, i: number, offset: number) => number {
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
