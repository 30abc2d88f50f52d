/**
 * whitespace: stray spaces inside Chinese text — beside full-width punctuation and Chinese quotes,
 * between a number and the Chinese that follows it, between two Han characters inside a sentence,
 * and inside a bracketed marker （ 2 ）.
 *
 * Left alone, because they are legitimate or belong to another rule: spacing among Latin words
 * and digits (ISO 9001, Windows 10, digit groups 1 000 000), URLs, e-mail addresses and code,
 * leading indentation (format-paragraph), trailing spaces, the gaps of title, signature, date and
 * table-like lines (国务院总理　李克强, 姓名  职务  电话), 第一条　 article headings, 抄　送： labels,
 * name lists after a colon, letter-spaced runs (garbled owns them), spaces inside heading markers
 * (numbering-marker), dates (date-format) and document numbers (docno-format) when those rules run.
 */
import { isAsciiDigit, isAsciiLetter, isFullwidthDigit, isHan, isInlineSpace, spanMask, type Span } from "../../text/chars";
import { ASCII_DIGIT, FULLWIDTH_DIGIT, INLINE_SPACE, summaryOf } from "../../text/summary";
import { OutlineWalk } from "../../numbering/walk";
import type { Rule, RuleContext } from "../types";

const MESSAGES = {
  "around-punctuation": "全角标点前后的空格",
  "number-unit": "数字与单位之间的空格",
  "before-number": "汉字与数字之间的空格",
  "between-han": "句中汉字之间的空格",
  "inside-marker": "括号序号内的空格",
};

/** Full-width marks that carry their own spacing: a space beside them is always stray. */
const PUNCT = new Uint8Array(0x10000);
for (const ch of "，。、；：！？（）《》〈〉【】〔〕“”‘’「」『』．") PUNCT[ch.charCodeAt(0)] = 1;
/** Chinese quotes also appear in English text, where spaces around them are normal. */
const QUOTE = new Uint8Array(0x10000);
for (const ch of "“”‘’") QUOTE[ch.charCodeAt(0)] = 1;
/** Clause delimiters: a clause is the stretch between two of these. */
const DELIM = new Uint8Array(0x10000);
for (const ch of "，。、；：！？:;") DELIM[ch.charCodeAt(0)] = 1;
/** Numerals that may stand inside a bracketed marker. */
const MARKER_NUM = new Uint8Array(0x10000);
for (const ch of "0123456789０１２３４５６７８９一二三四五六七八九十") MARKER_NUM[ch.charCodeAt(0)] = 1;

/** Any inline space, as a regex run (a single character class: linear). */
const SPACE_RUN = /[ \t\u00a0\u2000-\u200a\u3000]+/g;
/** 第一条 / 第三章 / 第2节 at the start of a paragraph: the gap after it is the legal layout. */
const ARTICLE = /^第[一二三四五六七八九十百零〇0-9]{1,6}[条章节款编部分]{1,2}$/;
/** A file extension right after a name: the name is a file name and keeps its spaces. */
const FILE_NAME = /^[^\s，。；：！？、“”《》（）]{0,60}?\.(?:docx?|wps|pdf|xlsx?|et|pptx?|txt|zip|rar|jpe?g|png|ofd)(?![A-Za-z0-9])/i;
/** Mirrors date-format's pattern (with bounded gaps): the dates whose spaces date-format reports itself. */
const CN_DATE = /(?<![0-9０-９.])(?:([0-9]{4})\s{0,8}年\s{0,8})?([0-9]{1,2})\s{0,8}月(?:\s{0,8}([0-9]{1,2})\s{0,8}日)?/g;
/** Mirrors docno-format's pattern (with bounded gaps): 〔2024〕5号 and its spaced variants. */
const DOCNO = /(?<=[\u4e00-\u9fff]|[：:][ \u3000]?)[[【(（［〔﹝〖{｛][ \u3000]{0,8}[0-9０-９]{2,4}[ \u3000]{0,8}[\]】)）］〕﹞〗}｝](?:[ \u3000]{0,8}第?[ \u3000]{0,8}[0-9０-９]{1,8}[ \u3000]{0,8}号)?/g;

function isSentencePunct(text: string): boolean {
  return text.indexOf("，") >= 0 || text.indexOf("。") >= 0 || text.indexOf("；") >= 0 || text.indexOf("！") >= 0 || text.indexOf("？") >= 0;
}

/** A Han character with no Han neighbour on either side: one letter of a letter-spaced run. */
function isolatedHan(text: string, i: number): boolean {
  return isHan(text.charCodeAt(i)) && !(i > 0 && isHan(text.charCodeAt(i - 1))) && !(i + 1 < text.length && isHan(text.charCodeAt(i + 1)));
}

function isNumberChar(c: number): boolean {
  return isAsciiDigit(c) || isFullwidthDigit(c) || c === 0x2e || c === 0x2c;
}

function isNumberEnd(c: number): boolean {
  return isAsciiDigit(c) || isFullwidthDigit(c) || c === 0x25 || c === 0xff05 || c === 0x2030;
}

/**
 * The number ending at `end` (exclusive) is part of a code, a Latin phrase or a long identifier
 * (ISO 9001, Windows 10, GB/T 9704-2012, 9:30, a phone number), whose spacing follows its own rules.
 */
function numberIsCode(text: string, end: number): boolean {
  let t = end;
  while (t > 0 && (text.charCodeAt(t - 1) === 0x25 || text.charCodeAt(t - 1) === 0xff05 || text.charCodeAt(t - 1) === 0x2030)) t--;
  let digits = 0;
  let dot = false;
  const limit = Math.max(0, t - 40);
  while (t > limit && isNumberChar(text.charCodeAt(t - 1))) {
    const c = text.charCodeAt(t - 1);
    if (c === 0x2e) dot = true;
    else if (c !== 0x2c) digits++;
    t--;
  }
  if (digits >= 6 && !dot) return true;
  const p = t > 0 ? text.charCodeAt(t - 1) : -1;
  if (isAsciiLetter(p) || p === 0x2d || p === 0x2f || p === 0x3a || p === 0x5f || p === 0x23 || p === 0x2e) return true;
  if ((p === 0x20 || p === 0xa0) && t > 1 && isAsciiLetter(text.charCodeAt(t - 2))) return true;
  return false;
}

/** The number starting at `start` is a time, a code or a Latin token (9:30, 5G, 13800138000, 3.5-4). */
function numberAheadIsCode(text: string, start: number): boolean {
  let i = start;
  let digits = 0;
  let dot = false;
  const limit = Math.min(text.length, start + 40);
  while (i < limit && isNumberChar(text.charCodeAt(i))) {
    const c = text.charCodeAt(i);
    if (c === 0x2e) dot = true;
    else if (c !== 0x2c) digits++;
    i++;
  }
  if (digits >= 6 && !dot) return true;
  const c = i < text.length ? text.charCodeAt(i) : -1;
  return isAsciiLetter(c) || c === 0x3a || c === 0xff1a || c === 0x2d || c === 0x2f || c === 0x5f;
}

/** （ 2 ）: the run at [s, e) lies inside a bracketed marker of at most three numerals. */
function insideMarker(text: string, s: number, e: number): boolean {
  const n = text.length;
  const a = text.charCodeAt(s - 1);
  if (a === 0xff08 || a === 0x28) {
    let i = e;
    while (i < n && i - e < 3 && MARKER_NUM[text.charCodeAt(i)]) i++;
    if (i === e) return false;
    while (i < n && isInlineSpace(text.charCodeAt(i))) i++;
    const c = text.charCodeAt(i);
    return c === 0xff09 || c === 0x29;
  }
  const b = text.charCodeAt(e);
  if (b === 0xff09 || b === 0x29) {
    let i = s;
    while (i > 0 && s - i < 3 && MARKER_NUM[text.charCodeAt(i - 1)]) i--;
    if (i === s) return false;
    while (i > 0 && isInlineSpace(text.charCodeAt(i - 1))) i--;
    const c = i > 0 ? text.charCodeAt(i - 1) : -1;
    return c === 0xff08 || c === 0x28;
  }
  return false;
}

/** Spans other rules report spaces in: heading markers, and dates / document numbers when their rules run. */
function deferredSpans(ctx: RuleContext, walk: OutlineWalk, index: number, text: string, digits: boolean): Span[] {
  const out: Span[] = [];
  const node = walk.heading(index);
  if (node && !node.marker.fromLabel) out.push([node.marker.start, node.marker.end]);
  for (const m of walk.merged(index)) if (!m.marker.fromLabel) out.push([m.marker.start, m.marker.end]);
  // a date and a document number both hold a digit: without one, their patterns need not run
  if (!digits) return out;
  if (ctx.profile.rules["date-format"] !== "off" && text.indexOf("月") >= 0) {
    CN_DATE.lastIndex = 0;
    for (let m = CN_DATE.exec(text); m; m = CN_DATE.exec(text)) if (m[1] !== undefined || m[3] !== undefined) out.push([m.index, m.index + m[0].length]);
  }
  if (ctx.profile.rules["docno-format"] !== "off") {
    DOCNO.lastIndex = 0;
    for (let m = DOCNO.exec(text); m; m = DOCNO.exec(text)) out.push([m.index, m.index + m[0].length]);
  }
  return out;
}

function show(text: string, i: number): string {
  return i >= 0 && i < text.length ? text[i] : "";
}

export const whitespace: Rule = {
  id: "whitespace",
  category: "whitespace",
  severity: "error",
  title: "中文中的多余空格",
  description: "全角标点和引号前后、数字与其后的单位或汉字之间、句中两个汉字之间、括号序号内不应有空格；西文词语之间、网址、落款和表格式排列的空格不查。",
  source: "GB/T 15834-2011 4（全角标点占一个字位，前后不另加空格）；GB/T 15835-2011 5.1.7.2；rules-catalog E.SPACES",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const paras = ctx.doc.paragraphs;
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    const walk = new OutlineWalk(ctx.outline);
    for (let pi = 0; pi < paras.length; pi++) {
      // the spaces of SPACE_RUN
      if ((flags[pi] & INLINE_SPACE) === 0) continue;
      const p = paras[pi];
      const text = p.text;
      const n = text.length;
      let lead = 0;
      while (lead < n && isInlineSpace(text.charCodeAt(lead))) lead++;
      let trail = n;
      while (trail > lead && isInlineSpace(text.charCodeAt(trail - 1))) trail--;
      if (trail <= lead) continue;
      // a title or a heading line may use a space for a line break or between parallel phrases
      // (提高政治站位 强化责任担当), even when a comma stands elsewhere in it
      const heading = walk.heading(p.index);
      const prose = isSentencePunct(text) && ctx.outline.title !== p.index && !(heading && heading.standalone);
      // URLs, e-mail addresses, code and watermarks
      const skipMask = summary.skipMask(pi);
      const deferMask = spanMask(n, deferredSpans(ctx, walk, p.index, text, (flags[pi] & (ASCII_DIGIT | FULLWIDTH_DIGIT)) !== 0));
      const keywordLine = text.startsWith("主题词", lead) || text.startsWith("关键词", lead);

      // Runs with the clause they sit in (flat: start, end, clause start, gaps in that clause): a
      // clause holding several gaps is a list or a table row.
      const runs: number[] = [];
      let clauseStart = lead;
      let scan = lead;
      SPACE_RUN.lastIndex = lead;
      for (let m = SPACE_RUN.exec(text); m && m.index < trail; m = SPACE_RUN.exec(text)) {
        const s = m.index;
        for (; scan < s; scan++) {
          if (DELIM[text.charCodeAt(scan)]) clauseStart = scan + 1;
        }
        runs.push(s, s + m[0].length, clauseStart, 0);
      }
      // runs of one clause are contiguous: count each group once
      for (let g = 0; g < runs.length; ) {
        let h = g;
        while (h < runs.length && runs[h + 2] === runs[g + 2]) h += 4;
        for (let k = g; k < h; k += 4) runs[k + 3] = (h - g) / 4;
        g = h;
      }

      for (let r = 0; r < runs.length; r += 4) {
        const s = runs[r];
        const e = runs[r + 1];
        const cs = runs[r + 2];
        const gaps = runs[r + 3];
        if (skipMask && (skipMask[s - 1] || skipMask[e])) continue;
        if (deferMask && (deferMask[s] || deferMask[e - 1])) continue;
        const a = text.charCodeAt(s - 1);
        const b = text.charCodeAt(e);
        const run = text.slice(s, e);
        // a wide gap or a tab outside prose lays out a title, signature, date or table-like line
        if (!prose && (e - s >= 2 || run.indexOf("\t") >= 0)) continue;

        let id: keyof typeof MESSAGES | null = null;
        let message = "";
        let severity: "warning" | undefined;
        if (insideMarker(text, s, e)) {
          id = "inside-marker";
          message = "括号序号内不应有空格，应删除空格";
        } else if (PUNCT[a] || PUNCT[b]) {
          // “quotes” in English text: spaces around them belong to the English
          if (QUOTE[a] && !PUNCT[b] && b > 0x20 && b < 0x7f) continue;
          if (QUOTE[b] && !PUNCT[a] && a > 0x20 && a < 0x7f) continue;
          id = "around-punctuation";
          const mark = PUNCT[b] ? show(text, e) : show(text, s - 1);
          const side = PUNCT[b] ? "前" : "后";
          message = `全角标点“${mark}”${side}有多余的空格：全角标点本身占一个字位，前后不另加空格，应删除`;
        } else if (isNumberEnd(a) && (b === 0x25 || b === 0xff05 || b === 0x2030) && prose) {
          // 104.6 % — the per-cent sign belongs to its number (GB/T 15835 writes 59%)
          if (numberIsCode(text, s)) continue;
          id = "number-unit";
          message = `数字与其后的“${show(text, e)}”之间有多余的空格，应连写`;
        } else if (isNumberEnd(a) && isHan(b)) {
          if (numberIsCode(text, s) || isCaption(text, lead, s)) continue;
          id = "number-unit";
          message = `数字与其后的“${show(text, e)}”之间有多余的空格，应连写`;
        } else if (isHan(a) && (isAsciiDigit(b) || isFullwidthDigit(b))) {
          // the signature-and-date line and other short lines keep their single gaps
          if (!prose || p.inTable || e - s >= 4 || numberAheadIsCode(text, e)) continue;
          id = "before-number";
          severity = "warning";
          message = `“${show(text, s - 1)}”与其后的数字之间有空格，中文行文中数字与汉字连写，应删除`;
        } else if (isHan(a) && isHan(b)) {
          // four or more spaces leave a blank to fill in (请于    日前报送): a placeholder, not a slip
          if (!prose || p.inTable || keywordLine || e - s >= 4) continue;
          if (gaps > 1) continue; // a list or table row: 张三 李四 王五
          if (isolatedHan(text, s - 1) && isolatedHan(text, e)) continue; // letter-spacing: garbled
          if (s - lead <= 10 && ARTICLE.test(text.slice(lead, s))) continue; // 第一条　为了……
          // 抄　送：… — a short label spaced out to align with the one below
          if (cs === lead && labelColon(text, lead, e)) continue;
          // 出席：张三 李四 — short names after a colon
          if (cs > lead && text.charCodeAt(cs - 1) === 0xff1a && s - cs <= 4 && hanRun(text, e) <= 4) continue;
          if (FILE_NAME.test(text.slice(e, e + 80))) continue;
          if (jointIssuers(text, s, e)) continue; // 《中共中央 国务院关于……》
          id = "between-han";
          message = `句中“${show(text, s - 1)}”与“${show(text, e)}”之间有多余的空格，应删除`;
        }
        if (!id) continue;
        ctx.report({
          paragraph: p.index,
          start: s,
          end: e,
          messageId: id,
          message,
          ...(severity ? { severity } : {}),
          fix: { description: "删除空格", text: [{ paragraph: p.index, start: s, end: e, text: "" }] },
        });
      }
    }
  },
};

/** Last characters of an issuing organ's name: 中共中央, 国务院, 办公厅, 省委, 财政部, 人民政府, 常委会… */
const ORGAN_END = "央院厅委部局府办会署行联协";
/** What follows the last issuer of a joint document: 关于……, 印发, 联合发布, 的…, 》. */
const AFTER_ISSUERS = /^(?:关于|印发|联合|发布|转发|的|》)/;

/**
 * A space between joint issuing organs is the standard form of a joint document's title or
 * citation (《中共中央 国务院关于……的意见》, 省委办公厅 省政府办公厅印发): the space stands between
 * two organ names, the second followed by 关于 / 印发 / 的 / 》.
 */
function jointIssuers(text: string, s: number, e: number): boolean {
  if (!ORGAN_END.includes(text[s - 1])) return false;
  for (let j = e, k = 0; j < text.length && k < 24 && isHan(text.charCodeAt(j)); j++, k++) {
    if (ORGAN_END.includes(text[j]) && AFTER_ISSUERS.test(text.slice(j + 1, j + 3))) return true;
  }
  return false;
}

/** Caption numbers keep the gap before their title: 表1　主要指标, 图2 流程, 附件1 办法. */
const CAPTIONS = ["表", "图", "附件", "附表", "附图"];
function isCaption(text: string, lead: number, s: number): boolean {
  let t = s;
  while (t > lead && s - t < 8 && (isAsciiDigit(text.charCodeAt(t - 1)) || isFullwidthDigit(text.charCodeAt(t - 1)) || text.charCodeAt(t - 1) === 0x2d || text.charCodeAt(t - 1) === 0x2e)) t--;
  const head = t - lead;
  return head > 0 && head <= 2 && CAPTIONS.includes(text.slice(lead, t));
}

/** 抄　送：: a colon within six characters of the paragraph start, with only Han and spaces before it. */
function labelColon(text: string, lead: number, from: number): boolean {
  for (let i = from; i < text.length && i - lead <= 6; i++) {
    const c = text.charCodeAt(i);
    if (c === 0xff1a || c === 0x3a) return true;
    if (!isHan(c) && !isInlineSpace(c)) return false;
  }
  return false;
}

/** Length of the run of Han characters starting at i (counted up to 5). */
function hanRun(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i < 5 && isHan(text.charCodeAt(k))) k++;
  return k - i;
}
