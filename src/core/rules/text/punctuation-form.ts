/**
 * punctuation-form: the wrong shape of a mark that is otherwise in the right place — 破折号,
 * 连接号 in ranges, 浪纹线 and 省略号 (GB/T 15834-2011 4.10, 4.11, 4.13).
 *
 * Ranges follow GB/T 15834-2011 4.13.3: the 短横线 "-" joins codes, phone numbers, model numbers
 * and all-digit dates (4.13.3.1), so it is left alone there; the start and end of a period of time
 * or a span of places take the 一字线 "—" (4.13.3.2 a, examples 1031—1095, 2011年2月3日—10日), a
 * range of values takes the 浪纹线 "～" (4.13.3.2 b, examples 25～30g, 第五～八课). The clause says
 * "一般用一字线，有时也可用浪纹线" for both, so "—" in a range of values and "～" in a span of years
 * are not faults: the first is only a hint (info), the second is not reported.
 */
import { isAsciiAlnum, isAsciiDigit, isAsciiLetter, isCJK, isHan, isInlineSpace, nextMarked, nextNonSpace, prevNonSpace } from "../../text/chars";
import { ADJ_STOPS, ELLIPSIS as HAS_ELLIPSIS, EM_DASH, FORM_MARK, summaryOf } from "../../text/summary";
import type { Fix, Rule, Severity } from "../types";

const PERIOD = 0x3002; // 。
const ELLIPSIS = 0x2026; // …
const EMDASH = 0x2014; // —
const BAR = 0x2015; // ― (GBK's 破折号 in some code pages)
const BOX = 0x2500; // ─ box drawing
const HYPHEN = 0x2d; // -
const FW_HYPHEN = 0xff0d; // －
const ENDASH = 0x2013; // –
const TILDE = 0x7e; // ~
const FW_TILDE = 0xff5e; // ～ the 浪纹线
const TILDE_OP = 0x223c; // ∼
const WAVE_DASH = 0x301c; // 〜
const DOT = 0x2e;
const MIDDOT = 0xb7; // ·
const KATAKANA_DOT = 0x30fb; // ・
const BULLET = 0x2022; // •
const MIDLINE_ELLIPSIS = 0x22ef; // ⋯
const PERCENT = 0x25;
const FW_PERCENT = 0xff05;

const MARKS = new Uint8Array(0x10000);
for (const c of [PERIOD, ELLIPSIS, EMDASH, BAR, BOX, HYPHEN, FW_HYPHEN, ENDASH, TILDE, FW_TILDE, TILDE_OP, WAVE_DASH, DOT, MIDDOT, KATAKANA_DOT, BULLET, MIDLINE_ELLIPSIS]) MARKS[c] = 1;

/** Units after the second number that make "a-b" a span of time points: 5-8月, 8-10日. */
const TIME_UNITS = "年月日号时点";
function isTimeUnit(ch: string | undefined): boolean {
  return ch !== undefined && ch.length === 1 && TIME_UNITS.includes(ch);
}
/** Characters that end a sentence or a clause right after a 浪纹线 used as a sentence end (大家好~). */
const AFTER_SENTENCE = "，。！？；、”’）」』";

const MESSAGES = {
  "dash-form": "破折号写法错误",
  "dash-single": "单个一字线疑作破折号",
  "hyphen-between-han": "汉字间的连字符",
  "phone-dash": "电话号码中的长横",
  "range-time": "时间起止的连接号",
  "range-number": "数值范围的连接号",
  "tilde-form": "浪纹线写法错误",
  "tilde-sentence-end": "浪纹线用作句末",
  "ellipsis-form": "省略号写法错误",
  "dots-residue": "中文中的两个半角点",
} as const;
type MessageId = keyof typeof MESSAGES;

function cjkAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isCJK(text.charCodeAt(i));
}

/** A Chinese character or mark right before s or right after e (spaces skipped). */
function inChinese(text: string, s: number, e: number): boolean {
  return cjkAt(text, prevNonSpace(text, s)) || cjkAt(text, nextNonSpace(text, e - 1));
}

interface Edit {
  description: string;
  text: string;
  start?: number;
  end?: number;
}
type Reporter = (start: number, end: number, messageId: MessageId, message: string, fix?: Edit, severity?: Severity) => void;

/** One side of a range: a number (digits, maybe one decimal part) [s, e) and where its digits end. */
interface Num {
  s: number;
  e: number;
  digits: string;
}

/** The number ending right before position `end` (a trailing % is taken into it), or null. */
function numberBefore(text: string, end: number): Num | null {
  let e = end;
  const pc = text.charCodeAt(e - 1);
  if (pc === PERCENT || pc === FW_PERCENT) e--;
  let s = e;
  while (s > 0 && isAsciiDigit(text.charCodeAt(s - 1))) s--;
  if (s === e) return null;
  // one decimal part: 1.5-2.5倍
  if (s >= 2 && text.charCodeAt(s - 1) === DOT && isAsciiDigit(text.charCodeAt(s - 2))) {
    let t = s - 1;
    while (t > 0 && isAsciiDigit(text.charCodeAt(t - 1))) t--;
    return { s: t, e: end, digits: text.slice(t, s - 1) };
  }
  return { s, e: end, digits: text.slice(s, e) };
}

/** The number starting at `start` (one decimal part allowed), or null. */
function numberAfter(text: string, start: number): Num | null {
  const n = text.length;
  let e = start;
  while (e < n && isAsciiDigit(text.charCodeAt(e))) e++;
  if (e === start) return null;
  const digits = text.slice(start, e);
  if (e + 1 < n && text.charCodeAt(e) === DOT && isAsciiDigit(text.charCodeAt(e + 1))) {
    e++;
    while (e < n && isAsciiDigit(text.charCodeAt(e))) e++;
  }
  return { s: start, e, digits };
}

/** A plausible calendar year (a span of years 2021—2025 is a span of time). */
function isYear(d: string): boolean {
  if (d.length !== 4) return false;
  const y = Number(d);
  return y >= 1000 && y <= 2199;
}

/**
 * What kind of range the connector [i, j) stands in, or null when it is not a range in Chinese
 * text (a code, a model or standard number, a phone number, an all-digit date, Latin text).
 */
function rangeKind(text: string, i: number, j: number): { kind: "time" | "number"; s: number; e: number } | null {
  const n = text.length;
  const right = numberAfter(text, j);
  if (!right) return null;
  let nc = right.e < n ? text.charCodeAt(right.e) : -1;
  // the right side carries its own percent sign: 10%-15%
  let re = right.e;
  if (nc === PERCENT || nc === FW_PERCENT) {
    re++;
    nc = re < n ? text.charCodeAt(re) : -1;
  }
  // 2024-03-05, 3-2-11室, 1.2-3.4.5, 9704-2012/…: dates, house numbers, versions, codes
  if (nc === HYPHEN || nc === DOT || nc === 0x2f || nc === 0x5f || (nc >= 0 && isAsciiLetter(nc))) return null;

  // 4月8日-12日, 3月-5月, 8时-10时: a span of time points written with units
  if (i >= 2 && isTimeUnit(text[i - 1]) && isAsciiDigit(text.charCodeAt(i - 2))) {
    if (!isTimeUnit(text[re])) return null;
    let s = i - 1;
    while (s > 0 && isAsciiDigit(text.charCodeAt(s - 1))) s--;
    // 3年-5年 is a range of durations, 2023年-2025年 a span of years
    if (text[i - 1] === "年" && !isYear(text.slice(s, i - 1))) return { kind: "number", s, e: re };
    return { kind: "time", s, e: re };
  }

  const left = numberBefore(text, i);
  if (!left) return null;
  const pb = left.s - 1;
  const pc = pb >= 0 ? text.charCodeAt(pb) : -1;
  // codes and standard numbers: GB/T9704-2012, A3-5, 1.2.3-4, 12-34-56, No.5-8
  if (pc === HYPHEN || pc === DOT || pc === 0x2f || pc === 0x5f || pc === 0x3a || pc === 0x23 || (pc >= 0 && isAsciiAlnum(pc))) return null;
  if (pb >= 0 && isInlineSpace(pc)) {
    // GB/T 9704-2012, ISO 9001-2015: a Latin word before a space
    const q = prevNonSpace(text, pb);
    if (q >= 0 && !isCJK(text.charCodeAt(q))) return null;
  }
  const ld = left.digits;
  const rd = right.digits;
  if (ld.length > 4 || rd.length > 4) return null;
  // phone numbers and codes with leading zeros: 010-6666, 0571-8888, 3-05
  if ((ld.length >= 2 && ld[0] === "0") || (rd.length >= 2 && rd[0] === "0")) return null;
  if (isYear(ld) && isYear(rd) && Number(rd) > Number(ld)) {
    // 2021-2025年, （2021-2025）, 2021-2025年规划
    if (nc >= 0 && !isCJK(nc) && !isInlineSpace(nc)) return null;
    return { kind: "time", s: left.s, e: re };
  }
  // the unit after a range of values is Chinese or a percent sign (10-15%, 3-5天, 第5-8名)
  if (!(nc >= 0 && isHan(nc)) && !(re > right.e)) return null;
  // 必修3-2, 2-1: a smaller second number is a code (part 3, item 2), not a range
  if (!(Number(text.slice(right.s, right.e)) > Number(text.slice(left.s, i).replace(/[%％]$/, "")))) return null;
  const unit = text[re];
  if (isTimeUnit(unit) && unit !== "年") return { kind: "time", s: left.s, e: re };
  return { kind: "number", s: left.s, e: re };
}

/** A long-distance phone number: 0 + 2–3 digits, a connector, 7–8 digits (010—66668888). */
function isPhone(text: string, i: number, j: number): boolean {
  let s = i;
  while (s > 0 && isAsciiDigit(text.charCodeAt(s - 1))) s--;
  const ll = i - s;
  if (ll < 3 || ll > 4 || text.charCodeAt(s) !== 0x30) return false;
  if (s > 0 && isAsciiAlnum(text.charCodeAt(s - 1))) return false;
  let e = j;
  while (e < text.length && isAsciiDigit(text.charCodeAt(e))) e++;
  const rl = e - j;
  if (rl < 7 || rl > 8) return false;
  return !(e < text.length && isAsciiAlnum(text.charCodeAt(e)));
}

/** A—B—C: a chain of single 一字线 between short items (立项—检查—反馈) is a connection, not a dash. */
function isChain(text: string, s: number, e: number): boolean {
  const look = (from: number, step: number): boolean => {
    for (let k = 1, j = from; k <= 6 && j >= 0 && j < text.length; k++, j += step) {
      const c = text.charCodeAt(j);
      if (c === EMDASH) return j + step < 0 || text.charCodeAt(j + step) !== EMDASH;
      if (!isHan(c)) return false;
    }
    return false;
  };
  return look(s - 1, -1) || look(e, 1);
}

function connectorName(c: number): string {
  if (c === HYPHEN) return "连字符“-”";
  if (c === FW_HYPHEN) return "全角连字符“－”";
  if (c === ENDASH) return "短横“–”";
  if (c === TILDE) return "半角波浪号“~”";
  if (c === TILDE_OP) return "数学符号“∼”";
  if (c === WAVE_DASH) return "日文波浪号“〜”";
  return `“${String.fromCharCode(c)}”`;
}

/** A range written with c at [i, i+1): report the connector the standard gives for it. */
function checkRange(text: string, i: number, c: number, report: Reporter): boolean {
  const r = rangeKind(text, i, i + 1);
  if (!r) return false;
  const shown = text.slice(r.s, r.e);
  if (r.kind === "time") {
    if (c === EMDASH) return true;
    if (c === TILDE || c === TILDE_OP || c === WAVE_DASH) {
      // 浪纹线 is allowed for a span of time (4.13.3.2 "有时也可用浪纹线"): only its shape is wrong
      report(i, i + 1, "tilde-form", `浪纹线应为全角“～”，“${shown}”中用了${connectorName(c)}`, { description: "改为浪纹线“～”", text: "～" }, c === TILDE ? undefined : "warning");
      return true;
    }
    report(i, i + 1, "range-time", `时间的起止应使用一字线“—”，“${shown}”中不能用${connectorName(c)}`, { description: "改为一字线“—”", text: "—" }, "warning");
    return true;
  }
  if (c === TILDE || c === TILDE_OP || c === WAVE_DASH) {
    report(i, i + 1, "tilde-form", `浪纹线应为全角“～”，“${shown}”中用了${connectorName(c)}`, { description: "改为浪纹线“～”", text: "～" }, c === TILDE ? undefined : "warning");
    return true;
  }
  if (c === EMDASH) {
    report(i, i + 1, "range-number", `数值范围宜用浪纹线“～”：“${shown}”可写作“${shown.replace("—", "～")}”`, { description: "改为浪纹线“～”", text: "～" }, "info");
    return true;
  }
  report(i, i + 1, "range-number", `数值范围的起止应使用浪纹线“～”（或一字线“—”），“${shown}”中不能用${connectorName(c)}`, { description: "改为浪纹线“～”", text: "～" }, "warning");
  return true;
}

export const punctuationForm: Rule = {
  id: "punctuation-form",
  category: "punctuation.form",
  severity: "error",
  title: "破折号、连接号、省略号写法",
  description: "破折号应为“——”，省略号应为“……”；时间起止用一字线“—”，数值范围用浪纹线“～”，电话号码用短横线“-”；不用“--”“...”“···”“~”等代替。",
  source: "GB/T 15834-2011 4.10、4.11、4.13",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const paras = ctx.doc.paragraphs;
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    for (let pi = 0; pi < paras.length; pi++) {
      // Only 。 among the marks, and never two 点号 in a row (so no 。。。): all right forms.
      if ((flags[pi] & (FORM_MARK | HAS_ELLIPSIS | EM_DASH | ADJ_STOPS)) === 0) continue;
      const p = paras[pi];
      const text = p.text;
      const n = text.length;
      let i = nextMarked(text, 0, MARKS);
      if (i >= n) continue;
      // URLs and watermarks, found only when an ASCII mark needs checking
      let skip: Uint8Array | null | undefined;
      const skipped = (k: number): boolean => {
        if (skip === undefined) skip = summary.skipMask(pi);
        return skip !== null && skip[k] === 1;
      };
      const report: Reporter = (start, end, messageId, message, fix, severity) => {
        const f: Fix | undefined = fix && {
          description: fix.description,
          text: [{ paragraph: p.index, start: fix.start ?? start, end: fix.end ?? end, text: fix.text }],
        };
        ctx.report({ paragraph: p.index, start, end, messageId, message, ...(f ? { fix: f } : {}), ...(severity ? { severity } : {}) });
      };

      for (; i < n; i = nextMarked(text, i, MARKS)) {
        const c = text.charCodeAt(i);
        let e = i + 1;
        while (e < n && text.charCodeAt(e) === c) e++;
        const len = e - i;
        // the common right forms, passed over at once: 。 …… ——
        if ((c === PERIOD && len < 3) || (c === ELLIPSIS && len % 2 === 0) || (c === EMDASH && len === 2) || (c === DOT && len === 1) || (c === MIDDOT && len < 3)) {
          i = e;
          continue;
        }
        if (c < 0x80 && skipped(i)) {
          i = e;
          continue;
        }
        const before = prevNonSpace(text, i);
        const after = nextNonSpace(text, e - 1);
        const bc = before >= 0 ? text.charCodeAt(before) : -1;
        const ac = after < n ? text.charCodeAt(after) : -1;
        const atStart = before < 0;

        switch (c) {
          case PERIOD:
            if (len >= 3) report(i, e, "ellipsis-form", `省略号应为“……”，不能用“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" });
            break;
          case ELLIPSIS:
            if (len % 2 === 1 && inChinese(text, i, e)) {
              report(i, e, "ellipsis-form", `省略号应为两个“…”连用的“……”，这里是${len}个`, { description: "改为省略号“……”", text: len > 4 ? "…………" : "……" });
            }
            break;
          case DOT:
            if (len >= 2 && inChinese(text, i, e)) {
              if (len >= 3) report(i, e, "ellipsis-form", `省略号应为“……”，不能用“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" });
              else report(i, e, "dots-residue", "中文中出现“..”：省略号应为“……”，或为残留字符", undefined, "warning");
            }
            break;
          case MIDDOT:
          case KATAKANA_DOT:
          case BULLET:
            if (len >= 3 && inChinese(text, i, e)) report(i, e, "ellipsis-form", `省略号应为“……”，不能用“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" });
            break;
          case MIDLINE_ELLIPSIS:
            if (inChinese(text, i, e)) report(i, e, "ellipsis-form", `省略号应为“……”（两个“…”），不能用数学符号“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" }, "warning");
            break;
          case EMDASH:
            if (len === 1) {
              if (isPhone(text, i, e)) {
                report(i, e, "phone-dash", "电话号码中的连接号应为短横线“-”，不能用“—”", { description: "改为短横线“-”", text: "-" });
              } else if (isAsciiDigit(bc) && before === i - 1 && isAsciiDigit(ac) && after === e) {
                checkRange(text, i, c, report);
              } else if (atStart && after === e && isHan(ac)) {
                report(i, e, "dash-form", "破折号应为“——”，不能只用一个“—”", { description: "改为破折号“——”", text: "——" });
              } else if (isHan(bc) && isHan(ac) && before === i - 1 && after === e && !isChain(text, i, e)) {
                // 中国—东盟 is a connection (4.13.3.2), 责任—必须 a dash: only the writer knows, so a hint without a fix
                report(i, e, "dash-single", "单个“—”是连接号（一字线）；如作破折号，应为“——”", undefined, "info");
              }
            } else if (len === 3) {
              report(i, e, "dash-form", "破折号应为“——”，这里用了三个“—”", { description: "改为破折号“——”", text: "——" });
            }
            break;
          case BAR:
            // ―― is the 破折号 of some GBK code pages; it looks right but is another character
            if (len === 2 && inChinese(text, i, e)) {
              report(i, e, "dash-form", "破折号应为两个“—”（U+2014），这里是两个水平线“―”（U+2015）", { description: "改为破折号“——”", text: "——" }, "warning");
            }
            break;
          case BOX:
            if (inChinese(text, i, e)) {
              if (len >= 2 || (atStart && isHan(ac))) report(i, e, "dash-form", `破折号应为“——”，不能用制表符“${text.slice(i, e)}”`, { description: "改为破折号“——”", text: "——" });
              else report(i, e, "dash-form", "“─”是制表符：作连接号应为一字线“—”，作破折号应为“——”", undefined, "warning");
            }
            break;
          case HYPHEN:
          case FW_HYPHEN:
          case ENDASH:
            if (len >= 2) {
              // 运行 --help: a command-line option, not a dash
              const option = c === HYPHEN && after === e && isAsciiLetter(ac) && (i === 0 || isInlineSpace(text.charCodeAt(i - 1)));
              if (!option && inChinese(text, i, e)) report(i, e, "dash-form", `破折号应为“——”，不能用“${text.slice(i, e)}”`, { description: "改为破折号“——”", text: "——" });
            } else if (c !== HYPHEN && isAsciiDigit(bc) && before === i - 1 && isPhone(text, i, e)) {
              report(i, e, "phone-dash", `电话号码中的连接号应为短横线“-”，不能用${connectorName(c)}`, { description: "改为短横线“-”", text: "-" });
            } else if (after === e && isAsciiDigit(ac) && before === i - 1 && checkRange(text, i, c, report)) {
              // reported as a range
            } else if (atStart && after === e && isHan(ac)) {
              report(i, e, "dash-form", `破折号应为“——”，不能用${connectorName(c)}`, { description: "改为破折号“——”", text: "——" });
            } else if (isHan(bc) && isHan(ac)) {
              // 吐鲁番-哈密盆地: a hyphen may join a compound name (4.13.3.1 c), so only a hint
              report(i, e, "hyphen-between-han", `汉字间的${connectorName(c)}：如作破折号应为“——”，如表示起止应为一字线“—”`, undefined, "info");
            }
            break;
          case TILDE:
          case TILDE_OP:
          case WAVE_DASH:
          case FW_TILDE:
            if (isHan(bc) && before === i - 1 && (after >= n || AFTER_SENTENCE.includes(text[after]))) {
              // 2020年～ in a table is an open range, not a sentence end
              if (!(isTimeUnit(text[before]) && before > 0 && isAsciiDigit(text.charCodeAt(before - 1)))) {
                report(i, e, "tilde-sentence-end", `“${text.slice(i, e)}”不是句末标点，句末应按语气用句号、叹号或问号`, undefined, "warning");
              }
            } else if (len !== 1 || c === FW_TILDE) {
              // the right form
            } else if (after === e && isAsciiDigit(ac) && before === i - 1 && checkRange(text, i, c, report)) {
              // reported as a range
            } else if (inChinese(text, i, e)) {
              report(i, e, "tilde-form", `浪纹线应为全角“～”，不能用${connectorName(c)}`, { description: "改为浪纹线“～”", text: "～" }, c === TILDE ? undefined : "warning");
            }
            break;
        }
        i = e;
      }
    }
  },
};
