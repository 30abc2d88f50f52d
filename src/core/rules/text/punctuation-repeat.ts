/**
 * punctuation-repeat: stacked 点号, wrong 省略号 and 破折号 forms, 省略号 with 等, and ASCII
 * hyphens used for ranges (GB/T 15834-2011 4.1–4.7, 4.10, 4.11, 4.13; GB/T 15835-2011 5.1.3).
 */
import { isAsciiAlnum, isAsciiDigit, isCJK, isChineseStop, isHan, isInlineSpace, nextMarked, nextNonSpace, prevNonSpace } from "../../text/chars";
import { punctuationSkipMask } from "../../text/skip";
import type { Fix, Rule, Severity } from "../types";

const QUESTION = 0xff1f;
const EXCLAIM = 0xff01;
const PERIOD = 0x3002;
const ELLIPSIS = 0x2026;
const EMDASH = 0x2014;
const FW_HYPHEN = 0xff0d;
const DENG = 0x7b49; // 等

/** Marks this rule looks at: 2 for the 点号 (a run needs two), 1 for the others. */
const STOP = 2;
const MARKS = new Uint8Array(0x10000);
for (const ch of "，。、；：？！") MARKS[ch.charCodeAt(0)] = STOP;
for (const ch of "….-－—·・•⋯") MARKS[ch.charCodeAt(0)] = 1;

/** Characters after the end of a number that make "a-b" a span of time points: 5-8月, 8-10日. */
const TIME_UNITS = "月日号时点";

function cjkAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isCJK(text.charCodeAt(i));
}

function inChinese(text: string, s: number, e: number): boolean {
  return cjkAt(text, prevNonSpace(text, s)) || cjkAt(text, nextNonSpace(text, e - 1));
}

export const punctuationRepeat: Rule = {
  id: "punctuation-repeat",
  category: "punctuation.repeat",
  severity: "error",
  title: "标点重复或形式错误",
  description: "点号不能叠用；省略号应为“……”且不与“等”连用；破折号应为“——”；数值、时间范围不用半角连字符。",
  source: "GB/T 15834-2011 4.1–4.7、4.10、4.11、4.13",
  fixable: true,
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      const text = p.text;
      const n = text.length;
      const skip = text.indexOf(".") >= 0 || text.indexOf("-") >= 0 ? punctuationSkipMask(text) : null;
      const report = (start: number, end: number, message: string, fix?: { description: string; text: string; start?: number; end?: number }, severity?: Severity): void => {
        const f: Fix | undefined = fix && {
          description: fix.description,
          text: [{ paragraph: p.index, start: fix.start ?? start, end: fix.end ?? end, text: fix.text }],
        };
        ctx.report({ paragraph: p.index, start, end, message, ...(f ? { fix: f } : {}), ...(severity ? { severity } : {}) });
      };

      let i = 0;
      while (i < n) {
        // Characters no step below acts on, and single 点号, are passed over at once.
        i = nextMarked(text, i, MARKS);
        if (i >= n) break;
        const c = text.charCodeAt(i);
        if (MARKS[c] === STOP && !isChineseStop(text.charCodeAt(i + 1))) {
          i++;
          continue;
        }
        if (skip && skip[i]) {
          i++;
          continue;
        }

        // 点号: runs of two or more
        if (isChineseStop(c)) {
          let e = i + 1;
          while (e < n && isChineseStop(text.charCodeAt(e))) e++;
          if (e - i >= 2) {
            const run = text.slice(i, e);
            let allPeriod = true;
            let allStrong = true;
            for (let k = i; k < e; k++) {
              const d = text.charCodeAt(k);
              if (d !== PERIOD) allPeriod = false;
              if (d !== QUESTION && d !== EXCLAIM) allStrong = false;
            }
            if (allPeriod && e - i >= 3) {
              report(i, e, `省略号应为“……”，不能用“${run}”`, { description: "改为省略号“……”", text: "……" });
            } else if (!allStrong) {
              let keep: string | undefined;
              if (run.split("").every((ch) => ch === run[0])) keep = run[0];
              else if (run.includes("？")) keep = "？";
              else if (run.includes("！")) keep = "！";
              else if (run.includes("。")) keep = "。";
              report(i, e, `标点重复：“${run}”叠用了点号`, keep ? { description: `只保留“${keep}”`, text: keep } : undefined);
            }
          }
          i = e;
          continue;
        }

        // 省略号 "…" runs
        if (c === ELLIPSIS) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === ELLIPSIS) e++;
          const len = e - i;
          if (len % 2 === 1) {
            report(i, e, `省略号应为两个“…”连用的“……”，这里是${len}个`, { description: "改为省略号“……”", text: len > 4 ? "…………" : "……" });
          } else {
            // ……等 / ……等等 / 等……
            if (e < n && text.charCodeAt(e) === DENG) {
              report(i, e + (text.charCodeAt(e + 1) === DENG ? 2 : 1), "省略号不能与“等”“等等”同时使用", { description: "删去省略号", text: "", start: i, end: e }, "warning");
            } else if (i > 0 && text.charCodeAt(i - 1) === DENG) {
              const s = i > 1 && text.charCodeAt(i - 2) === DENG ? i - 2 : i - 1;
              report(s, e, "省略号不能与“等”“等等”同时使用", { description: "删去省略号", text: "", start: i, end: e }, "warning");
            }
          }
          i = e;
          continue;
        }

        // ASCII dots: ... as 省略号, .. as residue
        if (c === 0x2e) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === 0x2e) e++;
          const len = e - i;
          if (len >= 2 && inChinese(text, i, e)) {
            if (len >= 3) report(i, e, `省略号应为“……”，不能用“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" });
            else report(i, e, "中文中出现“..”：省略号应为“……”，或为残留字符", undefined, "warning");
          }
          i = e;
          continue;
        }

        // ··· ・・・ ••• ⋯ as 省略号
        if (c === 0xb7 || c === 0x30fb || c === 0x2022 || c === 0x22ef) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === c) e++;
          const len = e - i;
          if ((c === 0x22ef ? len >= 1 : len >= 3) && inChinese(text, i, e)) {
            report(i, e, `省略号应为“……”，不能用“${text.slice(i, e)}”`, { description: "改为省略号“……”", text: "……" }, c === 0x22ef ? "warning" : undefined);
          }
          i = e;
          continue;
        }

        // dashes
        if (c === EMDASH || c === FW_HYPHEN || c === 0x2d) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === c) e++;
          const len = e - i;
          const before = prevNonSpace(text, i);
          const after = nextNonSpace(text, e - 1);
          const bc = before >= 0 ? text.charCodeAt(before) : -1;
          const ac = after < n ? text.charCodeAt(after) : -1;
          const atStart = before < 0;
          if (c === EMDASH) {
            if (len === 1) {
              if (atStart && after === e && isHan(ac)) {
                report(i, e, "破折号应为“——”，不能只用一个“—”", { description: "改为破折号“——”", text: "——" });
              } else if (isHan(bc) && isHan(ac) && before === i - 1 && after === e && !isChain(text, i, e)) {
                report(i, e, "单个“—”是连接号（一字线）；如作破折号，应为“——”", { description: "改为破折号“——”", text: "——" }, "warning");
              }
            } else if (len === 3) {
              report(i, e, "破折号应为“——”，这里用了三个“—”", { description: "改为破折号“——”", text: "——" });
            }
            i = e;
            continue;
          }
          if (len >= 2) {
            if (atStart || inChinese(text, i, e)) {
              report(i, e, `破折号应为“——”，不能用“${text.slice(i, e)}”`, { description: "改为破折号“——”", text: "——" });
            }
            i = e;
            continue;
          }
          // a single - or －
          if (c === 0x2d && isAsciiDigit(bc) && before === i - 1 && isAsciiDigit(ac) && after === i + 1) {
            checkRange(text, i, report);
          } else if (atStart && after === e && isHan(ac)) {
            report(i, e, `破折号应为“——”，不能用“${text[i]}”`, { description: "改为破折号“——”", text: "——" });
          } else if (isHan(bc) && isHan(ac)) {
            report(i, e, `中文中不宜用连字符“${text[i]}”：作破折号应为“——”，作连接号应为“—”`, undefined, "warning");
          }
          i = e;
          continue;
        }
        i++;
      }
    }
  },
};

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

type Reporter = (start: number, end: number, message: string, fix?: { description: string; text: string }, severity?: Severity) => void;

/** "2023-2025年" / "3-5天": an ASCII hyphen between two numbers in Chinese text. */
function checkRange(text: string, i: number, report: Reporter): void {
  const n = text.length;
  let ls = i - 1;
  while (ls > 0 && isAsciiDigit(text.charCodeAt(ls - 1))) ls--;
  let re = i + 1;
  while (re < n && isAsciiDigit(text.charCodeAt(re))) re++;
  const left = text.slice(ls, i);
  const right = text.slice(i + 1, re);
  // what stands before the first number and after the second
  const pb = ls - 1;
  const pc = pb >= 0 ? text.charCodeAt(pb) : -1;
  const nc = re < n ? text.charCodeAt(re) : -1;
  // dates (2024-01-05), codes (GB/T 9704-2012, A-3), phone numbers (0571-88888888), decimals
  if (pc === 0x2d || pc === 0x2e || pc === 0x2f || nc === 0x2d || nc === 0x2e || (pc >= 0 && isAsciiAlnum(pc))) return;
  if (pb >= 0 && isInlineSpace(pc)) {
    const q = prevNonSpace(text, pb);
    if (q >= 0 && !isCJK(text.charCodeAt(q))) return;
  }
  if (left.length > 4 || right.length > 4) return;
  if ((left.length >= 3 && left[0] === "0") || (right.length >= 2 && right[0] === "0")) return;
  // the unit after the range must be Chinese (年, 天, 个, 万元 …) or a Chinese mark
  if (!(nc >= 0 && isCJK(nc))) return;
  const unit = text[re];
  const years = left.length === 4 && right.length === 4 && unit === "年";
  const time = years || TIME_UNITS.includes(unit);
  if (time) {
    report(ls, re, `时间的起止应使用一字线“—”：“${left}-${right}”应为“${left}—${right}”`, { description: "改为一字线“—”", text: `${left}—${right}` }, "warning");
  } else {
    report(ls, re, `数值范围应使用浪纹线“～”：“${left}-${right}”应为“${left}～${right}”`, { description: "改为浪纹线“～”", text: `${left}～${right}` }, "warning");
  }
}
