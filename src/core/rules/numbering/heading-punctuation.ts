import type { Fix, Rule } from "../types";

/** Marks that never end a heading line. */
const BAD_END = "：:，,；;、";
/** Marks a title must not end with (GB/T 15834 B.4); ？ and ！ may end a rhetorical title. */
const TITLE_BAD_END = "。：:，,；;、";
/** A heading longer than this, or holding a comma, reads as a sentence (trap 2: 政府工作报告 style). */
const SHORT_HEADING = 20;
const LIST_ITEM_LIMIT = 30;
const INNER = "，,；;。";

function lastNonSpace(text: string): number {
  let i = text.length - 1;
  while (i >= 0 && (text[i] === " " || text[i] === "\u3000" || text[i] === "\t")) i--;
  return i;
}

function hasInner(text: string, from: number, to: number): boolean {
  for (let k = from; k < to; k++) if (INNER.includes(text[k])) return true;
  return false;
}

function removeFix(paragraph: number, at: number, mark: string): Fix {
  return { description: `删去句末的“${mark}”`, text: [{ paragraph, start: at, end: at + 1, text: "" }] };
}

export const headingPunctuation: Rule = {
  id: "heading-punctuation",
  category: "heading.punctuation",
  severity: "warning",
  title: "标题末尾标点",
  description: "单独成行的标题末尾不用“：”“，”“；”“、”等标点；文件标题末尾不加标点",
  source: "GB/T 15834-2011 附录B.4",
  fixable: true,
  check(ctx) {
    const { outline, doc } = ctx;
    for (const h of outline.headings) {
      if (h.merged || !h.standalone) continue;
      const text = doc.paragraphs[h.paragraph].text;
      const from = h.marker.fromLabel ? 0 : h.marker.end;
      const at = lastNonSpace(text);
      if (at < from) continue;
      const mark = text[at];
      const body = at - from; // heading length without the end mark
      if (BAD_END.includes(mark)) {
        // 「（一）坚持党的领导，加强组织建设；」 is a list item in sentence form, not a heading.
        if (body > LIST_ITEM_LIMIT || hasInner(text, from, at)) continue;
        ctx.report({
          paragraph: h.paragraph,
          start: at,
          end: at + 1,
          message: `单独成行的标题末尾不应加“${mark}”`,
          fix: removeFix(h.paragraph, at, mark),
        });
      } else if (mark === "。") {
        // Full-sentence headings ending in 。 are a recognised style; only short ones are noted.
        if (body > SHORT_HEADING || hasInner(text, from, at)) continue;
        ctx.report({
          paragraph: h.paragraph,
          start: at,
          end: at + 1,
          severity: "info",
          message: "单独成行的短标题末尾一般不加句号“。”",
          fix: removeFix(h.paragraph, at, mark),
        });
      }
    }
    if (outline.title !== undefined) {
      const p = doc.paragraphs[outline.title];
      const at = lastNonSpace(p.text);
      if (at >= 0 && TITLE_BAD_END.includes(p.text[at])) {
        ctx.report({
          paragraph: p.index,
          start: at,
          end: at + 1,
          message: `标题末尾不应加“${p.text[at]}”`,
          fix: removeFix(p.index, at, p.text[at]),
        });
      }
    }
  },
};
