/**
 * number-format: how numbers are written (GB/T 15835-2011).
 *  - full-width digits １２３ (5.1.7.1) — but not a heading marker at paragraph start, which the
 *    numbering-marker rule reports;
 *  - a number split by spaces: 2 0 2 4年 (5.1.7.2); 12 345 (千分空) as info;
 *  - abbreviated years 09年3月 / 98年底 (5.1.4) — durations such as 5年, 10年 are left alone;
 *  - ○ / O / 0 / 零 as the zero of a Chinese year: 二○一二年 → 二〇一二年 (5.2.5);
 *  - % and ％ mixed in one document (4.3 note, info);
 *  - 百分之15 (Arabic after 百分之) → 15%;
 *  - Arabic digits with 千 / 百: 4千 → 4000 (5.3);
 *  - a range that drops the unit: 15～30% → 15%～30% (5.1.3).
 */
import { isAsciiAlnum, isAsciiLetter, isCJK, isHan } from "../../text/chars";
import { parseMarker } from "../../numbering/markers";
import { punctuationSkipMask } from "../../text/skip";
import type { Rule, RuleContext } from "../types";
import { toHalfwidthDigits } from "./shared";

const FULLWIDTH_RUN = /[０-９]+(?:[．.][０-９]+)?/g;
const UNIT_AFTER = /^[年月日号元万亿%％个人名项]/;
const SHORT_YEAR = /(?<![0-9０-９.\-/A-Za-z第])([0-9]{2})年(?=([0-9]{1,2})月|底|初|末|春|夏|秋|冬|上半年|下半年)/g;
/** The characters of a year written in Chinese numerals (and the look-alike zeros). */
const CN_YEAR_CHAR = new Uint8Array(0x10000);
for (const ch of "〇○零O0０一二三四五六七八九") CN_YEAR_CHAR[ch.charCodeAt(0)] = 1;
/** Cheap necessary conditions, tested before the patterns they guard. */
const ANY_ASCII_DIGIT = /[0-9]/;
const ANY_FULLWIDTH_DIGIT = /[０-９]/;
const MAYBE_SHORT_YEAR = /[0-9]{2}年/;
const MAYBE_QIAN_BAI = /[0-9][千百]/;
const MAYBE_RANGE = /[0-9][～~〜—–\-至到][0-9]/;
const BAIFENZHI = /百分之([0-9]+(?:\.[0-9]+)?)/g;
const QIAN_BAI = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)([千百])(?![分米克瓦焦帕伏赫兆])/g;
const RANGE = /(?<![0-9.])([0-9]+(?:\.[0-9]+)?)([～~〜—–\-至到])([0-9]+(?:\.[0-9]+)?)(%|％|万元|亿元|万|亿)/g;
const PERCENT = /[%％]/g;
const CN_NONZERO = /[一二三四五六七八九]/;
const CN_NUMERAL = /[一二三四五六七八九十〇零]/;
const COMPOUND_NEXT = /[0-9零]/;
const LEADING_ZEROS = /^0+(?=\d)/;

interface Edit {
  start: number;
  end: number;
  text: string;
}

function report(ctx: RuleContext, paragraph: number, start: number, end: number, message: string, edits: Edit[] | null, severity?: "warning" | "info"): void {
  ctx.report({
    paragraph,
    start,
    end,
    message,
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

/** A chain of ASCII digit groups joined by single spaces; found natively, checked below. */
const SPACED = /[0-9]+(?:[ \u00a0\u3000][0-9]+)+/g;

/**
 * Runs of ASCII digit groups separated by single spaces ("2 0 2 4", "12 345"), as [start, end, groups]. Linear.
 * A chain starts at the first digit of a digit run, so a match of SPACED is a whole chain.
 */
function spacedNumbers(text: string): Array<[number, number, string[]]> {
  const out: Array<[number, number, string[]]> = [];
  const n = text.length;
  SPACED.lastIndex = 0;
  for (let m; (m = SPACED.exec(text)) !== null; ) {
    const start = m.index;
    const e = start + m[0].length;
    const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
    const next = e < n ? text.charCodeAt(e) : 0;
    if (isAsciiAlnum(prev) || prev === 0x2e || isAsciiAlnum(next) || next === 0x2e) continue;
    const groups: string[] = [];
    let gs = start;
    let long = false;
    for (let k = start; k <= e; k++) {
      if (k === e || isSep(text.charCodeAt(k))) {
        if (k - gs > 4) long = true;
        groups.push(text.slice(gs, k));
        gs = k + 1;
      }
    }
    if (long) continue;
    out.push([start, e, groups]);
  }
  return out;
}

function checkParagraph(ctx: RuleContext, paragraph: number, text: string, percents: Array<[number, number, string]>): void {
  // The skip mask (URLs, watermarks) is needed only where a % or a spaced number was found.
  let skip: Uint8Array | null | undefined;
  const skipped = (i: number): boolean => {
    if (skip === undefined) skip = punctuationSkipMask(text);
    return skip !== null && skip[i] === 1;
  };
  const hasDigit = ANY_ASCII_DIGIT.test(text);

  if (text.indexOf("%") >= 0 || text.indexOf("％") >= 0) {
    PERCENT.lastIndex = 0;
    for (let m; (m = PERCENT.exec(text)) !== null; ) if (!skipped(m.index)) percents.push([paragraph, m.index, m[0]]);
  }

  // full-width digits (not the numeral of a heading marker at the start)
  if (ANY_FULLWIDTH_DIGIT.test(text)) checkFullwidth(ctx, paragraph, text);

  if (hasDigit) checkSpaced(ctx, paragraph, text, skipped);

  // abbreviated years
  if (hasDigit && MAYBE_SHORT_YEAR.test(text)) checkShortYears(ctx, paragraph, text);

  // ○ / O / 0 / 零 as the zero of a Chinese year
  if (text.indexOf("年", 4) >= 0) checkCnYears(ctx, paragraph, text);

  if (hasDigit) checkMixed(ctx, paragraph, text);
}

function checkFullwidth(ctx: RuleContext, paragraph: number, text: string): void {
  let markerEnd = -1;
  const mk = parseMarker(text);
  if (mk && mk.faults.includes("fullwidth-digit")) markerEnd = mk.numEnd ?? mk.end;
  FULLWIDTH_RUN.lastIndex = 0;
  for (let m; (m = FULLWIDTH_RUN.exec(text)) !== null; ) {
    if (m.index < markerEnd) continue;
    const fixed = toHalfwidthDigits(m[0]).replace("．", ".");
    report(ctx, paragraph, m.index, m.index + m[0].length, `“${m[0]}”使用了全角数字，阿拉伯数字应使用半角形式“${fixed}”`, [
      { start: m.index, end: m.index + m[0].length, text: fixed },
    ]);
  }
}

function checkSpaced(ctx: RuleContext, paragraph: number, text: string, skipped: (i: number) => boolean): void {
  // numbers split by spaces
  for (const [s, e, groups] of spacedNumbers(text)) {
    if (skipped(s)) continue;
    const raw = text.slice(s, e);
    const before = s > 0 ? text.charCodeAt(s - 1) : 0;
    const afterIdx = e < text.length && text[e] === " " ? e + 1 : e;
    const after = afterIdx < text.length ? text.charCodeAt(afterIdx) : 0;
    const chinese = isCJK(before) || isCJK(after);
    if (!chinese) continue;
    const singles = groups.every((g) => g.length === 1);
    const thousands = groups[0].length <= 3 && groups.slice(1).every((g) => g.length === 3);
    const unitAfter = UNIT_AFTER.test(text.slice(afterIdx, afterIdx + 1));
    const joined = groups.join("");
    if (singles && groups.length >= 3) {
      report(ctx, paragraph, s, e, `数字“${raw}”被空格隔开，应连写为“${joined}”`, [{ start: s, end: e, text: joined }]);
    } else if (thousands && groups.length >= 2 && (unitAfter || isHan(before))) {
      report(
        ctx,
        paragraph,
        s,
        e,
        `数字“${raw}”中间有空格；公文中多位数一般连写为“${joined}”（如需分节，应使用四分之一字宽的千分空）`,
        [{ start: s, end: e, text: joined }],
        "info",
      );
    } else if (unitAfter && !thousands && joined.length <= 4) {
      report(ctx, paragraph, s, e, `数字“${raw}”被空格隔开，应连写为“${joined}”`, [{ start: s, end: e, text: joined }]);
    }
  }
}

function checkShortYears(ctx: RuleContext, paragraph: number, text: string): void {
  SHORT_YEAR.lastIndex = 0;
  for (let m; (m = SHORT_YEAR.exec(text)) !== null; ) {
    const yy = Number(m[1]);
    const hasMonth = m[2] !== undefined;
    if (hasMonth && (Number(m[2]) < 1 || Number(m[2]) > 12)) continue;
    // 10年底 could be a duration's end only with a month; without one, require a leading 0 or ≥ 50
    if (!hasMonth && !(m[1][0] === "0" || yy >= 50)) continue;
    const full = (yy >= 50 ? "19" : "20") + m[1];
    const s = m.index;
    report(ctx, paragraph, s, s + 2, `年份“${m[1]}年”不应省略，应写全，如“${full}年”`, [{ start: s, end: s + 2, text: full }]);
  }
}

/**
 * Four characters of 〇○零O0０一二三四五六七八九 right before 年. Found from each 年 (the same
 * matches, in the same order, as /[〇○零O0０一…九]{4}(?=年)/g, which would try every numeral).
 */
function checkCnYears(ctx: RuleContext, paragraph: number, text: string): void {
  for (let at = text.indexOf("年", 4); at >= 0; at = text.indexOf("年", at + 1)) {
    const s0 = at - 4;
    if (
      CN_YEAR_CHAR[text.charCodeAt(s0)] !== 1 ||
      CN_YEAR_CHAR[text.charCodeAt(s0 + 1)] !== 1 ||
      CN_YEAR_CHAR[text.charCodeAt(s0 + 2)] !== 1 ||
      CN_YEAR_CHAR[text.charCodeAt(s0 + 3)] !== 1
    )
      continue;
    const y = text.slice(s0, at);
    if (!CN_NONZERO.test(y) || !(y[0] === "一" || y[0] === "二")) continue;
    if (s0 > 0 && CN_NUMERAL.test(text[s0 - 1])) continue;
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
    if (!bad) continue;
    const s = s0;
    report(
      ctx,
      paragraph,
      s,
      s + 4,
      onlyLing
        ? `年份“${y}年”中的“零”宜写作“〇”（“零”用于数量），即“${fixed}年”`
        : `年份“${y}年”中的零应写作汉字“〇”，不应使用圆圈“○”、字母“O”或数字“0”，即“${fixed}年”`,
      [{ start: s, end: s + 4, text: fixed }],
      onlyLing ? "info" : undefined,
    );
  }
}

/** 百分之15, 4千, 15～30%: Arabic digits mixed with Chinese numerals or units. */
function checkMixed(ctx: RuleContext, paragraph: number, text: string): void {
  // 百分之15
  BAIFENZHI.lastIndex = 0;
  if (text.indexOf("百分之") >= 0) {
    for (let m; (m = BAIFENZHI.exec(text)) !== null; ) {
      const s = m.index;
      const e = s + m[0].length;
      report(ctx, paragraph, s, e, `“${m[0]}”汉字与阿拉伯数字混用，应写作“${m[1]}%”`, [{ start: s, end: e, text: `${m[1]}%` }]);
    }
  }

  // 4千 / 1百
  QIAN_BAI.lastIndex = 0;
  if (MAYBE_QIAN_BAI.test(text)) {
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
  RANGE.lastIndex = 0;
  if (MAYBE_RANGE.test(text)) {
    for (let m; (m = RANGE.exec(text)) !== null; ) {
      const s = m.index;
      const e = s + m[0].length;
      // a code such as A-15-30% or 3-15-30%
      const pc = s > 0 ? text.charCodeAt(s - 1) : 0;
      if (isAsciiLetter(pc) || pc === 0x2d || pc === 0x2f || pc === 0x5f) continue;
      const unit = m[4];
      const firstEnd = s + m[1].length;
      const fixed = `${m[1]}${unit}${m[2]}${m[3]}${unit}`;
      report(ctx, paragraph, s, e, `范围“${m[0]}”的前一个数省略了“${unit}”，易生歧义，应写作“${fixed}”`, [{ start: firstEnd, end: firstEnd, text: unit }]);
    }
  }
}

export const numberFormat: Rule = {
  id: "number-format",
  category: "number.format",
  severity: "warning",
  title: "数字用法",
  description: "检查全角数字、被空格拆开的数字、省略的年份、年份中的“○”、百分号混用、“4千”类混写和省略单位的数值范围。",
  source: "GB/T 15835-2011 5.1.3、5.1.4、5.1.7、5.2.5、5.3",
  fixable: true,
  check(ctx) {
    const percents: Array<[number, number, string]> = [];
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text) checkParagraph(ctx, i, p.text, percents);
    });
    let half = 0;
    for (const x of percents) if (x[2] === "%") half++;
    const full = percents.length - half;
    if (half && full) {
      const keep = full > half ? "％" : "%";
      const other = keep === "%" ? "％" : "%";
      for (const [pi, pos, ch] of percents) {
        if (ch !== other) continue;
        ctx.report({
          paragraph: pi,
          start: pos,
          end: pos + 1,
          severity: "info",
          message: `全文百分号“%”与“％”混用，建议统一为“${keep}”`,
          fix: { description: `改为“${keep}”`, text: [{ paragraph: pi, start: pos, end: pos + 1, text: keep }] },
        });
      }
    }
  },
};
