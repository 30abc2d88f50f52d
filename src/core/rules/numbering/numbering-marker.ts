import { formatMarker, skipSpaces } from "../../numbering/markers";
import type { Marker, MarkerFault } from "../../numbering/types";
import { OutlineWalk } from "../../numbering/walk";
import type { Rule, RuleContext, Severity } from "../types";
import { runInWord } from "./shared";

const FAULT_TEXT: Record<MarkerFault, string> = {
  "halfwidth-paren": "使用了半角括号",
  "mismatched-paren": "括号全角半角混用",
  "cn-wrong-punct": "汉字序号后应用顿号“、”",
  "arabic-wrong-punct": "阿拉伯数字序号后应用下脚点“.”，不用顿号或逗号",
  "paren-extra-punct": "括号序号后不应再加标点",
  "space-after": "序号后不应有空格",
  "space-inside": "序号中间不应有空格",
  "section-sign": "“§”不是序次语，不应加在序号前",
  "fullwidth-digit": "使用了全角数字",
};

/** The check (messageId) a fault belongs to. */
const FAULT_ID: Record<MarkerFault, string> = {
  "halfwidth-paren": "halfwidth-bracket",
  "mismatched-paren": "mixed-bracket",
  "cn-wrong-punct": "cn-numeral-punct",
  "arabic-wrong-punct": "arabic-numeral-punct",
  "paren-extra-punct": "bracket-extra-punct",
  "space-after": "space-after",
  "space-inside": "space-inside",
  "section-sign": "section-sign",
  "fullwidth-digit": "fullwidth-digit",
};

/** When a marker has several faults, the finding is filed under the first of these it has. */
const FAULT_ORDER: MarkerFault[] = [
  "arabic-wrong-punct",
  "cn-wrong-punct",
  "section-sign",
  "halfwidth-paren",
  "mismatched-paren",
  "paren-extra-punct",
  "fullwidth-digit",
  "space-inside",
  "space-after",
];

/** The correct form of `m` with the unit's house dot for 1. / 1．. */
function target(m: Marker, house: "." | "．"): string {
  return m.kind === "arabic-dot" ? formatMarker(m.kind, m.value, house) : m.canonical;
}

function checkMarker(ctx: RuleContext, paragraph: number, m: Marker, house: "." | "．"): void {
  const want = target(m, house);
  if (m.faults.length) {
    const what = m.faults.map((f) => FAULT_TEXT[f]).join("，");
    const raw = m.raw.trim() || m.raw;
    const main = FAULT_ORDER.find((f) => m.faults.includes(f))!;
    // ① 列宁：… — a space after a circled note number is common in notes; a matter of taste there.
    const severity: Severity | undefined = m.faults.length === 1 && main === "space-after" && m.kind === "circled" ? "warning" : undefined;
    if (m.fromLabel) {
      ctx.report({
        paragraph,
        start: 0,
        end: 0,
        messageId: "label-form",
        message: `自动编号“${m.raw}”${what}，应为“${want}”（请在 Word 的“编号”格式中修改）`,
      });
      return;
    }
    ctx.report({
      paragraph,
      start: m.start,
      end: m.end,
      messageId: FAULT_ID[main],
      ...(severity ? { severity } : {}),
      message: `序号“${raw}”${what}，应为“${want}”`,
      fix: { description: `改为“${want}”`, text: [{ paragraph, start: m.start, end: m.end, text: want }] },
    });
    return;
  }
  // 1. vs 1．: both are correct; the unit's house form decides (trap 7).
  if (m.kind === "arabic-dot" && m.dot && m.dot !== house) {
    if (m.fromLabel) {
      ctx.report({ paragraph, start: 0, end: 0, messageId: "house-dot", severity: "info", message: `自动编号“${m.raw}”与本单位序号格式“${want}”不一致` });
      return;
    }
    ctx.report({
      paragraph,
      start: m.start,
      end: m.end,
      messageId: "house-dot",
      severity: "info",
      message: `序号“${m.raw}”与本单位序号格式“${want}”不一致`,
      fix: { description: `改为“${want}”`, text: [{ paragraph, start: m.start, end: m.end, text: want }] },
    });
  }
}

/** Marks that may pile up after 一是： and go with it. */
const YISHI_TRAILING = "、，,.．:：;；";

function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

/**
 * 2.1、 / 2.3 、 at the start of a paragraph: a multi-level number (2.1, 2.1.3) takes no 顿号 or
 * comma after it; the number and the heading are parted by a space (GB/T 1.1 numbering).
 * Returns [start, numEnd, end) or null. Bounded look-ahead: at most a few numbers of two digits.
 */
function decimalMarker(text: string): { start: number; numEnd: number; end: number; punct: string } | null {
  const start = skipSpaces(text, 0);
  let i = start;
  let parts = 0;
  for (;;) {
    const d = i;
    while (i < text.length && i - d < 3 && isDigit(text.charCodeAt(i))) i++;
    if (i === d || i - d > 2) return null;
    parts++;
    const c = text[i];
    if ((c === "." || c === "．") && i + 1 < text.length && isDigit(text.charCodeAt(i + 1)) && parts < 5) {
      i++;
      continue;
    }
    break;
  }
  if (parts < 2) return null;
  const numEnd = i;
  const at = skipSpaces(text, numEnd);
  const p = text[at];
  if (p !== "、" && p !== "，" && p !== ",") return null;
  const end = skipSpaces(text, at + 1);
  // 2.1、2.2 节: a list of numbers, not a heading.
  if (end >= text.length || isDigit(text.charCodeAt(end))) return null;
  return { start, numEnd, end, punct: p };
}

export const numberingMarker: Rule = {
  id: "numbering-marker",
  category: "numbering.marker",
  severity: "error",
  title: "序号书写形式错误",
  description: "检查“(一)”“一.”“1、”“（一）、”“第一、”“（ 2 ）”“一、 加强”等序次语的括号、标点和空格，改为规范形式",
  source: "GB/T 15834-2011 附录B.3（汉字序号用顿号，阿拉伯数字序号用下脚点，括号序号后不加点号）；GB/T 9704-2012 7.3.3",
  fixable: true,
  messages: {
    "arabic-numeral-punct": "阿拉伯数字序号后用了顿号或逗号",
    "cn-numeral-punct": "汉字序号后未用顿号",
    "section-sign": "序号前加了“§”",
    "halfwidth-bracket": "序号用了半角括号",
    "mixed-bracket": "序号括号全角半角混用",
    "bracket-extra-punct": "括号序号后又加标点",
    "fullwidth-digit": "序号用了全角数字",
    "space-inside": "序号中间有空格",
    "space-after": "序号后有空格",
    "label-form": "自动编号的序号形式错误",
    "house-dot": "下脚点与本单位格式不一致",
    "decimal-number-punct": "多级数字编号后用了顿号或逗号",
    "diyi-punct": "“第一”后未用逗号",
    "yishi-punct": "“一是”后加了标点",
  },
  check(ctx) {
    const house = ctx.profile.format.arabicMarker;
    const { outline, doc } = ctx;
    for (const h of outline.headings) checkMarker(ctx, h.paragraph, h.marker, house);
    const walk = new OutlineWalk(outline);
    for (const p of doc.paragraphs) {
      if (!p.listLabel && !p.inTable && walk.heading(p.index) === undefined) {
        const d = decimalMarker(p.text);
        if (d) {
          const num = p.text.slice(d.start, d.numEnd);
          ctx.report({
            paragraph: p.index,
            start: d.start,
            end: d.end,
            messageId: "decimal-number-punct",
            message: `多级编号“${num}”后不用“${d.punct}”，编号与标题之间空一格即可：“${num} ”`,
            fix: { description: `删去“${d.punct}”，空一格`, text: [{ paragraph: p.index, start: d.numEnd, end: d.end, text: " " }] },
          });
        }
      }
      const list = walk.runIns(p.index);
      if (!list) continue;
      for (const r of list) {
        if (r.kind === "diyi" && r.punct === "、") {
          const want = runInWord(r.kind, r.value) + "，";
          ctx.report({
            paragraph: p.index,
            start: r.start,
            end: r.end,
            messageId: "diyi-punct",
            message: `“${r.raw}”后应用逗号：“${want}”`,
            fix: { description: `改为“${want}”`, text: [{ paragraph: p.index, start: r.end - 1, end: r.end, text: "，" }] },
          });
        } else if ((r.kind === "yishi" || r.kind === "yiyao") && (r.punct === "：" || r.punct === ":" || r.punct === "、")) {
          const word = r.raw.slice(0, r.raw.length - 1);
          // 「三是、、」: the fix takes every mark that follows, or the next one would make 「三是、」 again.
          const text = p.text;
          let cut = r.end;
          while (cut < text.length && YISHI_TRAILING.includes(text[cut])) cut++;
          ctx.report({
            paragraph: p.index,
            start: r.start,
            end: r.end,
            messageId: "yishi-punct",
            severity: "info",
            message: `“${word}”后一般不加标点，“${r.raw}”可改为“${word}”`,
            fix: { description: `删去“${text.slice(r.end - 1, cut)}”`, text: [{ paragraph: p.index, start: r.end - 1, end: cut, text: "" }] },
          });
        }
      }
    }
  },
};
