import { parseSalutation } from "../../numbering/outline";
import type { Rule } from "../types";

/** 称谓 problems are looked for among this many non-empty paragraphs from the top. */
const TOP = 8;
/** 在××会议上的讲话 / ……讲话（摘要） / 致辞 */
const SPEECH_TITLE = /(讲话|致辞|发言|动员报告)(（[^）]{0,10}）)?$/;

export const speechSalutation: Rule = {
  id: "speech-salutation",
  category: "structure.speech",
  severity: "warning",
  title: "讲话稿称谓不规范",
  description: "讲话稿开头的称谓（“同志们：”“各位领导、同志们：”）应单独成行，后用全角冒号",
  source: "GB/T 15834-2011 4.7",
  fixable: true,
  check(ctx) {
    const { doc, outline } = ctx;
    const firstHeading = outline.headings.length ? outline.headings[0].paragraph : Infinity;
    const top = [];
    for (const p of doc.paragraphs) {
      if (p.index >= firstHeading || top.length >= TOP) break;
      if (p.text.trim() && !p.inTable) top.push(p);
    }
    const titled = outline.title !== undefined && SPEECH_TITLE.test(doc.paragraphs[outline.title].text.trim());
    const salutes = top.map((p) => ({ p, s: parseSalutation(p.text) }));
    if (!titled && !salutes.some((x) => x.s)) return; // not a speech
    // Only the first 称谓 near the top is the salutation line; later 「同志们，」 openings are fine.
    const first = salutes.find((x) => x.s);
    if (!first || !first.s) return;
    const { p, s } = first;
    const colonAt = s.end;
    if (s.alone) {
      if (s.punct === ":" || s.punct === "，" || s.punct === ",") {
        ctx.report({
          paragraph: p.index,
          start: colonAt,
          end: colonAt + 1,
          message: `称谓“${p.text.slice(s.start, s.end)}”后应用全角冒号“：”，这里是“${s.punct}”`,
          fix: { description: "改为全角冒号“：”", text: [{ paragraph: p.index, start: colonAt, end: colonAt + 1, text: "：" }] },
        });
      } else if (s.punct === "") {
        ctx.report({
          paragraph: p.index,
          start: s.start,
          end: s.end,
          message: `称谓“${p.text.slice(s.start, s.end)}”后缺少全角冒号“：”`,
          fix: { description: "补上全角冒号“：”", text: [{ paragraph: p.index, start: s.end, end: s.end, text: "：" }] },
        });
      }
      return;
    }
    // The 称谓 runs straight into the first sentence: 「同志们：今天…」 「同志们，今天…」.
    if (s.punct === "！" || s.punct === "!") return;
    // Only when it opens the speech: the first paragraph of running text.
    const opening = top.find((x) => x.index !== outline.title && (x.text.includes("。") || x.text.length > 50));
    if (opening !== p) return;
    const name = p.text.slice(s.start, s.end);
    const wrongColon = s.punct !== "：";
    ctx.report({
      paragraph: p.index,
      start: s.start,
      end: colonAt + s.punct.length,
      message: `开头称谓“${name}”应单独成行${wrongColon ? "并改用全角冒号“：”" : ""}，正文另起一段`,
    });
  },
};
