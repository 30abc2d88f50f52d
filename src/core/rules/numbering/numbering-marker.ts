import { formatMarker } from "../../numbering/markers";
import type { Marker, MarkerFault } from "../../numbering/types";
import type { Rule, RuleContext } from "../types";
import { runInWord } from "./shared";

const FAULT_TEXT: Record<MarkerFault, string> = {
  "halfwidth-paren": "使用了半角括号",
  "mismatched-paren": "括号全角半角混用",
  "cn-wrong-punct": "汉字序号后应用顿号“、”",
  "arabic-wrong-punct": "阿拉伯数字序号后应用下脚点“.”",
  "paren-extra-punct": "括号序号后不应再加标点",
  "space-after": "序号后不应有空格",
  "fullwidth-digit": "使用了全角数字",
};

/** The correct form of `m` with the unit's house dot for 1. / 1．. */
function target(m: Marker, house: "." | "．"): string {
  return m.kind === "arabic-dot" ? formatMarker(m.kind, m.value, house) : m.canonical;
}

function checkMarker(ctx: RuleContext, paragraph: number, m: Marker, house: "." | "．"): void {
  const want = target(m, house);
  if (m.faults.length) {
    const what = m.faults.map((f) => FAULT_TEXT[f]).join("，");
    const raw = m.raw.trim() || m.raw;
    const onlySpace = m.faults.every((f) => f === "space-after");
    if (m.fromLabel) {
      ctx.report({
        paragraph,
        start: 0,
        end: 0,
        ...(onlySpace ? { severity: "warning" as const } : {}),
        message: `自动编号“${m.raw}”${what}，应为“${want}”（请在 Word 的“编号”格式中修改）`,
      });
      return;
    }
    ctx.report({
      paragraph,
      start: m.start,
      end: m.end,
      ...(onlySpace ? { severity: "warning" as const } : {}),
      message: `序号“${raw}”${what}，应为“${want}”`,
      fix: { description: `改为“${want}”`, text: [{ paragraph, start: m.start, end: m.end, text: want }] },
    });
    return;
  }
  // 1. vs 1．: both are correct; the unit's house form decides (trap 7).
  if (m.kind === "arabic-dot" && m.dot && m.dot !== house) {
    if (m.fromLabel) {
      ctx.report({ paragraph, start: 0, end: 0, severity: "info", message: `自动编号“${m.raw}”与本单位序号格式“${want}”不一致` });
      return;
    }
    ctx.report({
      paragraph,
      start: m.start,
      end: m.end,
      severity: "info",
      message: `序号“${m.raw}”与本单位序号格式“${want}”不一致`,
      fix: { description: `改为“${want}”`, text: [{ paragraph, start: m.start, end: m.end, text: want }] },
    });
  }
}

export const numberingMarker: Rule = {
  id: "numbering-marker",
  category: "numbering.marker",
  severity: "error",
  title: "序号书写形式错误",
  description: "检查“(一)”“一.”“1、”“（一）、”“第一、”等序次语的括号和标点，改为规范形式",
  source: "GB/T 15834-2011 附录B.3；GB/T 9704-2012 7.3.3",
  fixable: true,
  check(ctx) {
    const house = ctx.profile.format.arabicMarker;
    const { outline, doc } = ctx;
    for (const h of outline.headings) checkMarker(ctx, h.paragraph, h.marker, house);
    for (const p of doc.paragraphs) {
      const list = outline.runIns.get(p.index);
      if (!list) continue;
      for (const r of list) {
        if (r.kind === "diyi" && r.punct === "、") {
          const want = runInWord(r.kind, r.value) + "，";
          ctx.report({
            paragraph: p.index,
            start: r.start,
            end: r.end,
            message: `“${r.raw}”后应用逗号：“${want}”`,
            fix: { description: `改为“${want}”`, text: [{ paragraph: p.index, start: r.end - 1, end: r.end, text: "，" }] },
          });
        } else if ((r.kind === "yishi" || r.kind === "yiyao") && (r.punct === "：" || r.punct === ":" || r.punct === "、")) {
          const word = r.raw.slice(0, r.raw.length - 1);
          ctx.report({
            paragraph: p.index,
            start: r.start,
            end: r.end,
            severity: "info",
            message: `“${word}”后一般不加标点，“${r.raw}”可改为“${word}”`,
            fix: { description: `删去“${r.punct}”`, text: [{ paragraph: p.index, start: r.end - 1, end: r.end, text: "" }] },
          });
        }
      }
    }
  },
};
