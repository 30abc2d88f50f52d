/**
 * date-format: dates in a Chinese text (GB/T 9704-2012 7.3.5.4, GB/T 15835-2011 5.1.4).
 *  - leading zeros: 2024年03月05日 → 2024年3月5日;
 *  - 2024.3.5 / 2024/3/5 next to Chinese text → 2024年3月5日; 2024-3-5 too (the all-numeric form of
 *    GB/T 15835 5.1.4 pads month and day: 2024-03-05, which is left alone);
 *  - dates that do not exist: 2月30日, 13月;
 *  - a written weekday that does not match: 2024年3月5日（星期三） (a Tuesday);
 *  - 公文 profile only: a 成文日期 in Chinese numerals (二〇二四年三月五日) on a line of its own → info.
 */
import { isCJK } from "../../text/chars";
import { ASCII_DIGIT, paragraphFlags } from "../../text/summary";
import type { Rule, RuleContext } from "../types";
import { cnDigit, cnSmallNumber, daysInMonth, weekday } from "./shared";

/** 2024年3月5日 / 2024年03月 / 3月5日. Groups: year, month, day. */
const CN_DATE = /(?<![0-9０-９.])(?:([0-9]{4})\s*年\s*)?([0-9]{1,2})\s*月(?:\s*([0-9]{1,2})\s*日)?/g;
/** 2024.3.5 / 2024/03/05 / 2024-3-5. Bounded repeats and a lookbehind at the start: linear. */
const DOTTED = /(?<![0-9.\/\-A-Za-z])((?:19|20)[0-9]{2})([./-])([0-9]{1,2})\2([0-9]{1,2})(?![0-9A-Za-z]|[.\-\/][0-9A-Za-z])/g;
/** A weekday written after a date: （星期二） (周二) 星期二. */
const WEEKDAY_AFTER = /^\s*[（(]?\s*(?:星期|礼拜|周)([一二三四五六日天])\s*[）)]?/;
/** A line that is only a Chinese-numeral date: 二〇二四年三月五日. */
const CN_DATE_LINE = /^[\s\u3000]*([〇○零一二三四五六七八九]{4})年([一二三四五六七八九十]{1,3})月([一二三四五六七八九十]{1,3})日[\s\u3000]*$/;

const SPACE = /\s/;
const CODE_BEFORE = /编号|号码|代码|批次|型号|文号|序号|证号/;
const WEEKDAY_NAMES = ["日", "一", "二", "三", "四", "五", "六"];
const WEEKDAY_VALUE: Record<string, number> = { 日: 0, 天: 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6 };

const MESSAGES = {
  "impossible-date": "不存在的日期",
  "leading-zero": "月、日前补“0”",
  "spaced-date": "日期中有空格",
  "dotted-date": "用“.”或“/”分隔的日期",
  "hyphen-date": "用“-”分隔而月、日不补齐的日期",
  "weekday-mismatch": "星期与日期不符",
  "cn-numeral-date": "成文日期使用汉字",
} as const;

function edit(paragraph: number, start: number, end: number, text: string) {
  return { paragraph, start, end, text };
}

function checkWeekday(ctx: RuleContext, paragraph: number, text: string, dateEnd: number, y: number, mo: number, d: number, shown: string): void {
  const m = WEEKDAY_AFTER.exec(text.slice(dateEnd, dateEnd + 12));
  if (!m) return;
  const written = WEEKDAY_VALUE[m[1]];
  const actual = weekday(y, mo, d);
  if (written === actual) return;
  const s = dateEnd + m.index;
  ctx.report({
    paragraph,
    start: s,
    end: s + m[0].length,
    messageId: "weekday-mismatch",
    message: `${shown}是星期${WEEKDAY_NAMES[actual]}，不是星期${m[1] === "天" ? "日" : m[1]}，请核对日期或星期`,
  });
}

function checkParagraph(ctx: RuleContext, paragraph: number, text: string, flags: number, gongwen: boolean): void {
  // CN_DATE and DOTTED both need ASCII digits
  if (flags & ASCII_DIGIT) checkDigitDates(ctx, paragraph, text);
  if (gongwen) checkCnDateLine(ctx, paragraph, text);
}

function checkDigitDates(ctx: RuleContext, paragraph: number, text: string): void {
  CN_DATE.lastIndex = 0;
  for (let m; (m = CN_DATE.exec(text)) !== null; ) {
    const start = m.index;
    const end = start + m[0].length;
    const [, ys, ms, ds] = m;
    // 3个月, 12月份 are not dates in need of checking — but 12月份 still has a month; keep it
    const y = ys ? Number(ys) : undefined;
    const mo = Number(ms);
    const d = ds ? Number(ds) : undefined;
    // a bare "N月" without year or day is too vague (e.g. 13月 in a product code); check only with a year or day
    if (y === undefined && d === undefined) continue;
    const shown = m[0];
    if (mo < 1 || mo > 12 || (d !== undefined && (d < 1 || d > (y !== undefined ? daysInMonth(y, mo) : mo === 2 ? 29 : daysInMonth(2001, mo))))) {
      ctx.report({
        paragraph,
        start,
        end,
        severity: "error",
        messageId: "impossible-date",
        message: mo < 1 || mo > 12 ? `日期“${shown}”中的月份“${mo}”不存在，请核对` : `日期“${shown}”不存在（${y !== undefined ? `${y}年` : ""}${mo}月只有${y !== undefined ? daysInMonth(y, mo) : mo === 2 ? 29 : daysInMonth(2001, mo)}天），请核对`,
      });
      continue;
    }
    const zeroMonth = ms.length === 2 && ms[0] === "0";
    const zeroDay = ds !== undefined && ds.length === 2 && ds[0] === "0";
    const spaced = SPACE.test(shown);
    if (zeroMonth || zeroDay || spaced) {
      const fixed = `${y !== undefined ? `${y}年` : ""}${mo}月${d !== undefined ? `${d}日` : ""}`;
      const why = zeroMonth || zeroDay ? "月、日前不应补“0”" : "日期中不应有空格";
      ctx.report({
        paragraph,
        start,
        end,
        messageId: zeroMonth || zeroDay ? "leading-zero" : "spaced-date",
        message: `日期“${shown}”${why}，应为“${fixed}”`,
        fix: { description: `改为“${fixed}”`, text: [edit(paragraph, start, end, fixed)] },
      });
    }
    if (y !== undefined && d !== undefined) checkWeekday(ctx, paragraph, text, end, y, mo, d, `${y}年${mo}月${d}日`);
  }

  DOTTED.lastIndex = 0;
  for (let m; (m = DOTTED.exec(text)) !== null; ) {
    const start = m.index;
    const end = start + m[0].length;
    const y = Number(m[1]);
    const mo = Number(m[3]);
    const d = Number(m[4]);
    if (mo < 1 || mo > 12 || d < 1 || d > 31) continue; // a version number or a code, not a date
    // only in Chinese context
    const before = start > 0 ? text.charCodeAt(start - 1) : 0;
    const after = end < text.length ? text.charCodeAt(end) : 0;
    if (!isCJK(before) && !isCJK(after)) continue;
    const hyphen = m[2] === "-";
    // 2024-03-05: the all-numeric form of GB/T 15835 5.1.4
    if (hyphen && m[3].length === 2 && m[4].length === 2) {
      if (d <= daysInMonth(y, mo)) checkWeekday(ctx, paragraph, text, end, y, mo, d, `${y}年${mo}月${d}日`);
      continue;
    }
    // 编号2024-1-12: a serial code that only looks like a date
    if (hyphen && CODE_BEFORE.test(text.slice(Math.max(0, start - 6), start))) continue;
    if (d > daysInMonth(y, mo)) {
      ctx.report({ paragraph, start, end, severity: "error", messageId: "impossible-date", message: `日期“${m[0]}”不存在（${y}年${mo}月只有${daysInMonth(y, mo)}天），请核对` });
      continue;
    }
    const fixed = `${y}年${mo}月${d}日`;
    ctx.report({
      paragraph,
      start,
      end,
      messageId: hyphen ? "hyphen-date" : "dotted-date",
      message: hyphen
        ? `日期“${m[0]}”在中文行文中应写作“${fixed}”（全数字式应补齐为“${m[1]}-${m[3].padStart(2, "0")}-${m[4].padStart(2, "0")}”）`
        : `日期“${m[0]}”在中文行文中应写作“${fixed}”`,
      fix: { description: `改为“${fixed}”`, text: [edit(paragraph, start, end, fixed)] },
    });
    checkWeekday(ctx, paragraph, text, end, y, mo, d, fixed);
  }
}

function checkCnDateLine(ctx: RuleContext, paragraph: number, text: string): void {
  const m = CN_DATE_LINE.exec(text);
  if (!m) return;
  let year = 0;
  for (const ch of m[1]) year = year * 10 + Math.max(0, cnDigit(ch));
  const mo = cnSmallNumber(m[2]);
  const d = cnSmallNumber(m[3]);
  // GB/T 9704-2012 took effect on 2012-07-01; older documents used 汉字 dates (办法2000).
  if (year >= 2012 && mo >= 1 && mo <= 12 && d >= 1 && d <= daysInMonth(year, mo)) {
    const start = text.indexOf(m[1]);
    const end = text.lastIndexOf("日") + 1;
    const fixed = `${year}年${mo}月${d}日`;
    ctx.report({
      paragraph,
      start,
      end,
      severity: "info",
      messageId: "cn-numeral-date",
      message: `成文日期应使用阿拉伯数字标全年、月、日，“${text.slice(start, end)}”应为“${fixed}”（GB/T 9704-2012 7.3.5.4）`,
      fix: { description: `改为“${fixed}”`, text: [edit(paragraph, start, end, fixed)] },
    });
  }
}

export const dateFormat: Rule = {
  id: "date-format",
  category: "date.format",
  severity: "warning",
  title: "日期格式",
  description: "检查日期中补“0”、用“.”“/”或“-”分隔、不存在的日期、星期与日期不符，以及公文成文日期的写法。",
  source: "GB/T 9704-2012 7.3.5.4；GB/T 15835-2011 5.1.4",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const gongwen = ctx.profile.id === "gongwen";
    const flags = paragraphFlags(ctx.doc, ctx.outline);
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text) checkParagraph(ctx, i, p.text, flags[i], gongwen);
    });
  },
};
