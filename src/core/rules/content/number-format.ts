/**
 * number-format: how numbers are written (GB/T 15835-2011).
 *  - full-width digits １２３ (5.1.7.1) — but not a heading marker at paragraph start, which the
 *    numbering-marker rule reports; a full-width point in a decimal 6．5, or a 句号 6。5% (5.1.7.1);
 *  - a number split by spaces: 2 0 2 4年, 6 ．5 ％ (5.1.7.2); 12 345 (千分空) as info;
 *  - abbreviated years 09年3月 / 98年底 / 08年 / 九〇年 (5.1.4) — durations such as 5年, 10年来,
 *    30年 and decades (90年代) are left alone;
 *  - ○ / O / 0 / 零 as the zero of a Chinese year: 二○一二年 → 二〇一二年 (5.2.5);
 *  - ﹪ (small form) → %; % and ％ mixed in one document (4.3 note, info);
 *  - 百分之15 (Arabic after 百分之) → 15%;
 *  - Arabic digits with 千 / 百: 4千 → 4000 (5.3);
 *  - a range that drops the unit: 15～30% → 15%～30% (5.1.3).
 *
 * Every scan is a single pass over char codes or a regex without nested quantifiers whose start
 * positions are cut by a lookbehind, so the time grows with the length of the text.
 */
import { isAsciiDigit, isAsciiLetter, isCJK, isHan } from "../../text/chars";
import { parseMarker } from "../../numbering/markers";
import { ASCII_DIGIT, FULLWIDTH_DIGIT, PERCENT, summaryOf, type DocSummary } from "../../text/summary";
import type { Rule, RuleContext, Severity } from "../types";
import { cnSmallNumber } from "./shared";

const MESSAGES = {
  "fullwidth-digit": "全角数字",
  "fullwidth-point": "小数点使用全角“．”或句号",
  "spaced-digits": "数字被空格隔开",
  "thousands-space": "多位数中间加空格分节",
  "short-year": "年份省略",
  "year-zero": "年份中的零写作“○”“O”或“0”",
  "year-ling": "年份中的零写作“零”",
  "percent-small": "小型百分号“﹪”",
  "percent-mixed": "百分号“%”与“％”混用",
  "baifenzhi-arabic": "“百分之”后接阿拉伯数字",
  "qian-bai": "阿拉伯数字与“千”“百”混用",
  "range-unit": "数值范围省略单位",
} as const;
type MessageId = keyof typeof MESSAGES;

/** Characters after a number that make it a quantity or a date (a unit or a measure word). */
const UNIT_AFTER = new Set(Array.from("年月日号元万亿%％个人名项倍岁天次"));
/** The characters of a year written in Chinese numerals (and the look-alike zeros). */
const CN_YEAR_CHAR = new Uint8Array(0x10000);
for (const ch of "〇○零O0０一二三四五六七八九") CN_YEAR_CHAR[ch.charCodeAt(0)] = 1;
/** Any Chinese numeral (a 九〇年 after one of these is part of a longer number). */
const CN_NUMERAL_CHAR = new Uint8Array(0x10000);
for (const ch of "〇○零一二三四五六七八九十百千万亿两") CN_NUMERAL_CHAR[ch.charCodeAt(0)] = 1;
const CN_DIGIT_1_9 = new Uint8Array(0x10000);
for (const ch of "一二三四五六七八九") CN_DIGIT_1_9[ch.charCodeAt(0)] = 1;
const CN_MONTH_CHAR = new Uint8Array(0x10000);
for (const ch of "一二三四五六七八九十") CN_MONTH_CHAR[ch.charCodeAt(0)] = 1;

/**
 * After NN年底 / 年初 / 年末 these characters make a word of their own (20年底线, 30年初心,
 * 10年初见成效): the 年 then ends a duration, not a year.
 */
const AFTER_DI = new Set(Array.from("层线气数子色蕴部下盘薪价稿账片牌座板"));
const AFTER_CHU = new Set(Array.from("心步衷级中创始期见具露显"));
const AFTER_MO = new Set(Array.from("端梢位尾"));
const SEASONS = new Set(["春季", "夏季", "秋季", "冬季", "春节", "春天", "夏天", "秋天", "冬天"]);
/** After 从 / 自 + NN年: the words that make NN年 a starting point in time. */
const FROM_TAIL = ["起", "开始", "以来", "以后", "至今"];
/** After NN年 (80 ≤ NN ≤ 99): a point in time; as durations these are too long for prose. */
const LATE_TAIL = ["以后", "以前", "之后", "之前", "前后"];

const BAIFENZHI = /百分之([0-9]+(?:\.[0-9]+)?)/g;
const QIAN_BAI = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)([千百])(?![分米克瓦焦帕伏赫兆])/g;
const RANGE = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)([～~〜—–\-至到])([0-9]+(?:\.[0-9]+)?)(%|％|万元|亿元|万|亿)/g;
/** Cheap necessary conditions, tested before the patterns they guard. */
const MAYBE_QIAN_BAI = /[0-9][千百]/;
const MAYBE_RANGE = /[0-9][～~〜—–\-至到][0-9]/;
const COMPOUND_NEXT = /[0-9零]/;
const LEADING_ZEROS = /^0+(?=\d)/;
/** Longer chains are not numbers a writer typed (tables, codes): left alone, and kept out of messages. */
const MAX_CHAIN = 40;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function report(
  ctx: RuleContext,
  messageId: MessageId,
  paragraph: number,
  start: number,
  end: number,
  message: string,
  edits: Edit[] | null,
  severity?: Severity,
): void {
  ctx.report({
    paragraph,
    start,
    end,
    message,
    messageId,
    ...(severity ? { severity } : {}),
    ...(edits && edits.length
      ? { fix: { description: edits.length === 1 ? `改为“${edits[0].text}”` : "按规范改写", text: edits.map((e) => ({ paragraph, ...e })) } }
      : {}),
  });
}

/** 4 × 1000 = 4000, 1.5 × 1000 = 1500; null when the result is not a whole number. */
function times(num: string, mult: number): string | null {
  const dot = num.indexOf(".");
  const decimals = dot < 0 ? 0 : num.length - dot - 1;
  const places = mult === 1000 ? 3 : 2;
  if (decimals > places) return null;
  const digits = num.replace(".", "") + "0".repeat(places - decimals);
  return digits.replace(LEADING_ZEROS, "");
}

function isSep(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}
function isDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
function isFwDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}
function isPoint(c: number): boolean {
  return c === 0x2e || c === 0xff0e;
}
function isPercent(c: number): boolean {
  return c === 0x25 || c === 0xff05;
}
/** The half-width form of a digit or a decimal point; other characters unchanged. */
function half(c: number): string {
  if (isFwDigit(c)) return String.fromCharCode(c - 0xff10 + 0x30);
  if (c === 0xff0e || c === 0x3002) return ".";
  return String.fromCharCode(c);
}
function halfOf(text: string, s: number, e: number): string {
  let out = "";
  for (let k = s; k < e; k++) out += half(text.charCodeAt(k));
  return out;
}

interface Chain {
  start: number;
  end: number;
  /**
   * Digit groups between spaces, flat: start, end, start, end … ([start, end) of each, a point
   * inside a group included). Flat because a 1 MB line of spaced digits is 500,000 groups, and as
   * many small arrays kept until the line is done would make the garbage collector's work grow
   * faster than the line.
   */
  groups: number[];
  /** A decimal point with a space before or after it (6 ．5). */
  brokenPoint: boolean;
  hasPoint: boolean;
  spaced: boolean;
}

/**
 * The chain of digit groups starting at i: digits, a decimal point joined with at most one space
 * on each side, or single spaces between digit runs. Reads each character once.
 */
function readChain(text: string, i: number): Chain {
  const n = text.length;
  const groups: number[] = [];
  let gs = i;
  let j = i;
  let brokenPoint = false;
  let hasPoint = false;
  let spaced = false;
  for (;;) {
    let e = j;
    while (e < n && isDigitCode(text.charCodeAt(e))) e++;
    let k = e;
    let s1 = 0;
    if (k < n && isSep(text.charCodeAt(k))) {
      s1 = 1;
      k++;
    }
    if (k < n && isPoint(text.charCodeAt(k))) {
      let k2 = k + 1;
      let s2 = 0;
      if (k2 < n && isSep(text.charCodeAt(k2))) {
        s2 = 1;
        k2++;
      }
      // "1. 2024年" is a list marker and a year; a point joins a space after it only with one before it
      if (k2 < n && isDigitCode(text.charCodeAt(k2)) && (s2 === 0 || s1 === 1)) {
        hasPoint = true;
        if (s1 || s2) brokenPoint = spaced = true;
        j = k2;
        continue;
      }
      groups.push(gs, e);
      return { start: i, end: e, groups, brokenPoint, hasPoint, spaced };
    }
    if (s1 === 1 && k < n && isDigitCode(text.charCodeAt(k))) {
      groups.push(gs, e);
      gs = j = k;
      spaced = true;
      continue;
    }
    groups.push(gs, e);
    return { start: i, end: e, groups, brokenPoint, hasPoint, spaced };
  }
}

/** Digits (no points) in [s, e). */
function digitCount(text: string, s: number, e: number): number {
  let d = 0;
  for (let k = s; k < e; k++) if (isDigitCode(text.charCodeAt(k))) d++;
  return d;
}

function checkParagraph(ctx: RuleContext, summary: DocSummary, paragraph: number, text: string, percents: number[]): void {
  const flags = summary.flags[paragraph];
  if (flags & (ASCII_DIGIT | FULLWIDTH_DIGIT | PERCENT)) scanNumbers(ctx, summary, paragraph, text, percents);
  if (text.indexOf("年") >= 0) checkYears(ctx, paragraph, text);
  // every pattern of checkMixed starts from or holds an ASCII digit
  if (flags & ASCII_DIGIT) checkMixed(ctx, paragraph, text);
}

/** Full-width and spaced numbers, and the per-cent signs for checkPercents. */
function scanNumbers(ctx: RuleContext, summary: DocSummary, paragraph: number, text: string, percents: number[]): void {
  // The skip mask (URLs, watermarks) is built only where a number or a % asks for it.
  let skip: Uint8Array | null | undefined;
  const skipped = (i: number): boolean => {
    if (skip === undefined) skip = summary.skipMask(paragraph);
    return skip !== null && skip[i] === 1;
  };
  const n = text.length;
  let markerEnd = -2;
  const markerLimit = (): number => {
    if (markerEnd === -2) {
      const mk = parseMarker(text);
      markerEnd = mk ? (mk.numEnd ?? mk.end) : -1;
    }
    return markerEnd;
  };

  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x25 || c === 0xff05 || c === 0xfe6a) {
      // flat triples (paragraph, offset, char): no small array per sign, so memory stays linear
      if (!skipped(i)) percents.push(paragraph, i, c);
      continue;
    }
    if (!isDigitCode(c)) continue;
    const chain = readChain(text, i);
    let end = chain.end;
    if (!chain.spaced || !checkSpaced(ctx, paragraph, text, chain, skipped)) {
      // not reported as a spaced number: each group on its own
      const g = chain.groups;
      for (let k = 0; k < g.length; k += 2) end = Math.max(end, checkWidth(ctx, paragraph, text, g[k], g[k + 1], markerLimit));
    }
    i = end - 1;
  }
}

/**
 * A number without spaces: full-width digits, a full-width point, or a 句号 as the point (6。5%).
 * Returns where the number ends (past 6。5 when the 句号 was taken as its point).
 */
function checkWidth(ctx: RuleContext, paragraph: number, text: string, s: number, e: number, markerLimit: () => number): number {
  let fw = false;
  let fwPoint = false;
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (isFwDigit(c)) fw = true;
    else if (c === 0xff0e) fwPoint = true;
  }
  // 6。5% : a 句号 typed for the point; only before a % (a sentence may end in a number and the
  // next begin with one: 提高到25。2013年…)
  let end = e;
  let juhao = false;
  if (text.charCodeAt(e) === 0x3002 && e - s <= 3 && !fwPoint) {
    let k = e + 1;
    while (k < text.length && k - e <= 3 && isDigitCode(text.charCodeAt(k))) k++;
    if (k > e + 1 && k - e <= 3 && isPercent(text.charCodeAt(k))) {
      juhao = true;
      end = k;
    }
  }
  if (!fw && !fwPoint && !juhao) return e;
  // 二００一年: full-width zeros inside a Chinese-numeral year are the year check's (→ 〇, not 0)
  if (fw && (CN_NUMERAL_CHAR[text.charCodeAt(s - 1)] === 1 || CN_NUMERAL_CHAR[text.charCodeAt(e)] === 1)) {
    let zeros = true;
    for (let k = s; k < e; k++) if (text.charCodeAt(k) !== 0xff10) zeros = false;
    if (zeros) return e;
  }
  if (s < markerLimit()) return e; // the numeral of a heading marker: the numbering rule's
  if (end - s > MAX_CHAIN) return e;
  const raw = text.slice(s, end);
  const fixed = halfOf(text, s, end);
  if (fw) {
    report(ctx, "fullwidth-digit", paragraph, s, end, `“${raw}”使用了全角数字，阿拉伯数字应使用半角形式“${fixed}”`, [{ start: s, end, text: fixed }]);
  } else if (juhao) {
    report(ctx, "fullwidth-point", paragraph, s, end, `“${raw}”中的小数点误用了句号“。”，应为“${fixed}”`, [{ start: e, end: e + 1, text: "." }]);
  } else {
    const edits: Edit[] = [];
    for (let k = s; k < e; k++) if (text.charCodeAt(k) === 0xff0e) edits.push({ start: k, end: k + 1, text: "." });
    report(ctx, "fullwidth-point", paragraph, s, e, `“${raw}”中的小数点使用了全角“．”，应使用半角“.”，即“${fixed}”`, edits);
  }
  return end;
}

/** Reports a number split by spaces; false when the chain is not one (a table row, a code). */
function checkSpaced(ctx: RuleContext, paragraph: number, text: string, chain: Chain, skipped: (i: number) => boolean): boolean {
  const { start: s } = chain;
  const e = chain.end;
  const n = text.length;
  if (e - s > MAX_CHAIN) return false;
  const groups: Array<[number, number]> = [];
  for (let k = 0; k < chain.groups.length; k += 2) groups.push([chain.groups[k], chain.groups[k + 1]]);
  const before = s > 0 ? text.charCodeAt(s - 1) : 0;
  const next = e < n ? text.charCodeAt(e) : 0;
  // part of a code or a version (V 1 2 3, 1 2 3.txt)
  if (isAsciiLetter(before) || isAsciiDigit(before) || before === 0x2e || isAsciiLetter(next) || isPoint(next)) return false;
  // letter-spaced codes: A 1 2 3
  if (isSep(before) && s >= 2 && isAsciiLetter(text.charCodeAt(s - 2))) return false;
  if (skipped(s)) return false;
  // a unit after one space still makes the number a quantity (1 9 8 6 年)
  let afterIdx = e;
  if (isSep(next) && e + 1 < n) afterIdx = e + 1;
  const after = afterIdx < n ? text.charCodeAt(afterIdx) : 0;
  const unitAfter = UNIT_AFTER.has(text[afterIdx] ?? "");
  const chinese = isCJK(before) || isCJK(after);
  if (!chinese) return false;

  const lens = groups.map(([gs, ge]) => digitCount(text, gs, ge));
  if (lens.some((l) => l > 4) && !chain.brokenPoint) return false;
  const singles = !chain.hasPoint && lens.every((l) => l === 1);
  const intLen = (g: [number, number]): number => {
    let k = g[0];
    while (k < g[1] && !isPoint(text.charCodeAt(k))) k++;
    return digitCount(text, g[0], k);
  };
  const thousands =
    !chain.brokenPoint &&
    intLen(groups[0]) <= 3 &&
    groups.slice(1).every((g, k) => intLen(g) === 3 && (k === groups.length - 2 || digitCount(text, g[0], g[1]) === 3));
  const total = lens.reduce((a, b) => a + b, 0);

  let id: MessageId | null = null;
  if (chain.brokenPoint || (singles && groups.length >= 3)) id = "spaced-digits";
  else if (thousands && groups.length >= 2 && (unitAfter || isHan(before))) id = "thousands-space";
  else if (unitAfter && !thousands && !chain.hasPoint && total <= 4) id = "spaced-digits";
  if (!id) return false;

  // the joined number, half-width (a space before its unit is the whitespace rule's)
  let joined = "";
  for (let k = s; k < e; k++) {
    const c = text.charCodeAt(k);
    if (!isSep(c)) joined += half(c);
  }
  const raw = text.slice(s, e);
  const edits: Edit[] = [{ start: s, end: e, text: joined }];
  if (id === "thousands-space") {
    report(
      ctx,
      id,
      paragraph,
      s,
      e,
      `数字“${raw}”中间有空格；公文中多位数一般连写为“${joined}”（如需分节，应使用四分之一字宽的千分空）`,
      edits,
      "info",
    );
  } else {
    report(ctx, id, paragraph, s, e, `数字“${raw}”被空格隔开，应连写为“${joined}”`, edits);
  }
  return true;
}

/** True when `text` continues at `at` with one of `words`. */
function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (const w of words) if (text.startsWith(w, at)) return true;
  return false;
}

/** A month right after 年: 3月 / 12月 / 三月 / 十二月 (not 3个月). */
function monthAt(text: string, at: number): boolean {
  let k = at;
  while (k < text.length && k - at < 2 && isAsciiDigit(text.charCodeAt(k))) k++;
  if (k > at) {
    const m = Number(text.slice(at, k));
    return text[k] === "月" && m >= 1 && m <= 12;
  }
  while (k < text.length && k - at < 3 && CN_MONTH_CHAR[text.charCodeAt(k)] === 1) k++;
  if (k === at || text[k] !== "月") return false;
  const m = cnSmallNumber(text.slice(at, k));
  return m >= 1 && m <= 12;
}

/** Does NN年 (yy = NN, the 年 at p) read as a year rather than a span of NN years? */
function readsAsYear(text: string, p: number, yy: string): boolean {
  const q = p + 1;
  if (text[q] === "代") return false; // 90年代: a decade
  if (yy[0] === "0") return true; // 08年: no span of years is written with a leading zero
  const v = Number(yy);
  if (monthAt(text, q)) return true;
  if (text.startsWith("上半年", q) || text.startsWith("下半年", q)) return true;
  const c1 = text[q];
  const c2 = text[q + 1] ?? "";
  if (c1 === "底" && !AFTER_DI.has(c2)) return true;
  if (c1 === "初" && !AFTER_CHU.has(c2)) return true;
  if (c1 === "末" && !AFTER_MO.has(c2)) return true;
  if (v >= 50 && SEASONS.has(text.slice(q, q + 2))) return true;
  const before = text[p - 3];
  if ((before === "从" || before === "自") && startsWithAny(text, q, FROM_TAIL)) return true;
  if (v >= 80 && startsWithAny(text, q, LATE_TAIL)) return true;
  return false;
}

/** Abbreviated years (09年, 98年底, 九〇年) and the zero of Chinese-numeral years, from each 年. */
function checkYears(ctx: RuleContext, paragraph: number, text: string): void {
  for (let p = text.indexOf("年"); p >= 0; p = text.indexOf("年", p + 1)) {
    // NN年
    if (p >= 2 && isAsciiDigit(text.charCodeAt(p - 1)) && isAsciiDigit(text.charCodeAt(p - 2))) {
      const b = p >= 3 ? text.charCodeAt(p - 3) : 0;
      const codeLike = isDigitCode(b) || isAsciiLetter(b) || b === 0x2e || b === 0x2d || b === 0x2f || b === 0x5f || b === 0x7b2c; /* 第 */
      if (!codeLike) {
        const yy = text.slice(p - 2, p);
        if (readsAsYear(text, p, yy)) {
          const v = Number(yy);
          const s = p - 2;
          // 40–59: as likely 1949 as 2049; the writer knows which
          const full = v < 40 ? `20${yy}` : v >= 60 ? `19${yy}` : null;
          report(
            ctx,
            "short-year",
            paragraph,
            s,
            p + 1,
            full ? `年份“${yy}年”不应省略，应写全，如“${full}年”` : `年份“${yy}年”不应省略，应写全四位年份`,
            full ? [{ start: s, end: p, text: full }] : null,
          );
        }
      }
    }
    // 九〇年 (an abbreviated year in Chinese numerals); 九〇年代 is a decade, 一九九〇年 a full year
    if (p >= 2) {
      const z = text[p - 1];
      if ((z === "〇" || z === "○" || z === "零") && CN_DIGIT_1_9[text.charCodeAt(p - 2)] === 1 && !(p >= 3 && CN_NUMERAL_CHAR[text.charCodeAt(p - 3)] === 1) && text[p + 1] !== "代") {
        const raw = text.slice(p - 2, p + 1);
        report(ctx, "short-year", paragraph, p - 2, p + 1, `年份“${raw}”不应省略，应写全，如“一九${raw}”或阿拉伯数字的四位年份`, null);
      }
    }
    if (p >= 4) checkCnYear(ctx, paragraph, text, p);
  }
}

/** Four characters of 〇○零O0０一二三四五六七八九 right before the 年 at `at`. */
function checkCnYear(ctx: RuleContext, paragraph: number, text: string, at: number): void {
  const s0 = at - 4;
  if (
    CN_YEAR_CHAR[text.charCodeAt(s0)] !== 1 ||
    CN_YEAR_CHAR[text.charCodeAt(s0 + 1)] !== 1 ||
    CN_YEAR_CHAR[text.charCodeAt(s0 + 2)] !== 1 ||
    CN_YEAR_CHAR[text.charCodeAt(s0 + 3)] !== 1
  )
    return;
  const y = text.slice(s0, at);
  if (!(y[0] === "一" || y[0] === "二")) return;
  let nonzero = false;
  for (const ch of y) if (CN_DIGIT_1_9[ch.charCodeAt(0)] === 1) nonzero = true;
  if (!nonzero) return;
  if (s0 > 0 && CN_NUMERAL_CHAR[text.charCodeAt(s0 - 1)] === 1) return;
  let fixed = "";
  let bad = false;
  let onlyLing = true;
  for (const ch of y) {
    if (ch === "○" || ch === "O" || ch === "0" || ch === "０") {
      bad = true;
      onlyLing = false;
      fixed += "〇";
    } else if (ch === "零") {
      bad = true;
      fixed += "〇";
    } else fixed += ch;
  }
  if (!bad) return;
  report(
    ctx,
    onlyLing ? "year-ling" : "year-zero",
    paragraph,
    s0,
    at,
    onlyLing
      ? `年份“${y}年”中的“零”宜写作“〇”（“零”用于数量），即“${fixed}年”`
      : `年份“${y}年”中的零应写作汉字“〇”，不应使用圆圈“○”、字母“O”或数字“0”，即“${fixed}年”`,
    [{ start: s0, end: at, text: fixed }],
    onlyLing ? "info" : undefined,
  );
}

/** 百分之15, 4千, 15～30%: Arabic digits mixed with Chinese numerals or units. */
function checkMixed(ctx: RuleContext, paragraph: number, text: string): void {
  if (text.indexOf("百分之") >= 0) {
    BAIFENZHI.lastIndex = 0;
    for (let m; (m = BAIFENZHI.exec(text)) !== null; ) {
      const s = m.index;
      const e = s + m[0].length;
      report(ctx, "baifenzhi-arabic", paragraph, s, e, `“${m[0]}”汉字与阿拉伯数字混用，应写作“${m[1]}%”`, [{ start: s, end: e, text: `${m[1]}%` }]);
    }
  }

  // 4千 / 1百
  if (MAYBE_QIAN_BAI.test(text)) {
    QIAN_BAI.lastIndex = 0;
    for (let m; (m = QIAN_BAI.exec(text)) !== null; ) {
      const s = m.index;
      const e = s + m[0].length;
      if (isAsciiLetter(s > 0 ? text.charCodeAt(s - 1) : 0)) continue;
      const next = text[e];
      // 4千5百 / 1百零8: say so, but leave the rewrite to the writer
      const compound = next !== undefined && COMPOUND_NEXT.test(next);
      const value = compound ? null : times(m[1], m[2] === "千" ? 1000 : 100);
      report(
        ctx,
        "qian-bai",
        paragraph,
        s,
        e,
        value
          ? `“${m[0]}”阿拉伯数字与“${m[2]}”混用，应写作“${value}”（只有“万”“亿”可与阿拉伯数字连用）`
          : `“${m[0]}”阿拉伯数字与“${m[2]}”混用，应全部使用阿拉伯数字（只有“万”“亿”可与阿拉伯数字连用）`,
        value ? [{ start: s, end: e, text: value }] : null,
      );
    }
  }

  // 15～30% → 15%～30%
  if (MAYBE_RANGE.test(text)) {
    RANGE.lastIndex = 0;
    for (let m; (m = RANGE.exec(text)) !== null; ) {
      const s = m.index;
      const e = s + m[0].length;
      // a code such as A-15-30% or 3-15-30%
      const pc = s > 0 ? text.charCodeAt(s - 1) : 0;
      if (isAsciiLetter(pc) || pc === 0x2d || pc === 0x2f || pc === 0x5f) continue;
      const unit = m[4];
      const firstEnd = s + m[1].length;
      const fixed = `${m[1]}${unit}${m[2]}${m[3]}${unit}`;
      report(ctx, "range-unit", paragraph, s, e, `范围“${m[0]}”的前一个数省略了“${unit}”，易生歧义，应写作“${fixed}”`, [{ start: firstEnd, end: firstEnd, text: unit }]);
    }
  }
}

/** ﹪ always; % and ％ when both occur in the document (the rarer one, as info). */
function checkPercents(ctx: RuleContext, percents: number[]): void {
  let halfCount = 0;
  let fullCount = 0;
  for (let k = 2; k < percents.length; k += 3) {
    if (percents[k] === 0x25) halfCount++;
    else if (percents[k] === 0xff05) fullCount++;
  }
  const keep = fullCount > halfCount ? "％" : "%";
  const mixed = halfCount > 0 && fullCount > 0;
  const other = keep === "%" ? 0xff05 : 0x25;
  for (let k = 0; k < percents.length; k += 3) {
    const pi = percents[k];
    const pos = percents[k + 1];
    const c = percents[k + 2];
    if (c === 0xfe6a) {
      report(ctx, "percent-small", pi, pos, pos + 1, `百分号误用了小型符号“﹪”，应为“${keep}”`, [{ start: pos, end: pos + 1, text: keep }]);
    } else if (mixed && c === other) {
      report(ctx, "percent-mixed", pi, pos, pos + 1, `全文百分号“%”与“％”混用，建议统一为“${keep}”`, [{ start: pos, end: pos + 1, text: keep }], "info");
    }
  }
}

export const numberFormat: Rule = {
  id: "number-format",
  category: "number.format",
  severity: "warning",
  title: "数字用法",
  description: "检查全角数字和小数点、被空格拆开的数字、省略的年份、年份中的“○”、百分号的写法与混用、“4千”类混写和省略单位的数值范围。",
  source: "GB/T 15835-2011 4.3、5.1.3、5.1.4、5.1.7、5.2.5、5.3",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const percents: number[] = [];
    const summary = summaryOf(ctx.doc, ctx.outline);
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text) checkParagraph(ctx, summary, i, p.text, percents);
    });
    checkPercents(ctx, percents);
  },
};
