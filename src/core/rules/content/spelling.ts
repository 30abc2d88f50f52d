/**
 * spelling: the statistical spelling check (疑似错别字, issue #10). Needs the spelling model
 * (ctx.spellModel, loaded by the host only when a check runs); without it the rule does nothing and
 * the curated `typo` list still works. The engine and its decisions live in core/spell/check.ts.
 *
 * The model guesses, so its findings are never errors: a confident guess is a warning, the rest a
 * hint. Words of the user dictionary (ctx.userWords) are never touched.
 */
import { spellCheck, type SpellHit } from "../../spell/check";
import type { Rule, RuleContext } from "../types";

const WHY: Record<SpellHit["kind"], string> = {
  "same-sound": "同音",
  "near-sound": "音近",
  "similar-shape": "形近",
  "word-substitution": "同音",
};

/** Marks every position inside an occurrence of a user word (indexOf per word: linear in the text per word). */
function blockedBy(words: ReadonlySet<string>, text: string): Uint8Array | undefined {
  if (words.size === 0) return undefined;
  let out: Uint8Array | undefined;
  for (const w of words) {
    if (!w) continue;
    let from = 0;
    for (;;) {
      const k = text.indexOf(w, from);
      if (k < 0) break;
      if (!out) out = new Uint8Array(text.length);
      out.fill(1, k, k + w.length);
      from = k + 1;
    }
  }
  return out;
}

function messageOf(h: SpellHit): string {
  const wrongPart = h.wrongWord.slice(h.start - h.wordStart, h.end - h.wordStart);
  if (h.kind === "word-substitution") {
    return `“${wrongPart}”疑为“${h.right}”之误：两词读音相同，可能是输入法选错了词，按上下文应为“${h.right}”。`;
  }
  return `“${h.wrongWord}”疑为“${h.word}”之误：“${wrongPart}”与“${h.right}”${WHY[h.kind]}，应为“${h.word}”。`;
}

function check(ctx: RuleContext): void {
  const model = ctx.spellModel;
  if (!model) return;
  const paragraphs = ctx.doc.paragraphs;
  for (let p = 0; p < paragraphs.length; p++) {
    const text = paragraphs[p].text;
    if (!text || text.length < 2) continue;
    const hits = spellCheck(model, text, blockedBy(ctx.userWords, text));
    for (const h of hits) {
      ctx.report({
        paragraph: p,
        start: h.start,
        end: h.end,
        severity: h.confident ? "warning" : "info",
        message: messageOf(h),
        messageId: h.kind,
        fix: { description: `改为“${h.right}”`, text: [{ paragraph: p, start: h.start, end: h.end, text: h.right }] },
      });
    }
  }
}

export const spelling: Rule = {
  id: "spelling",
  category: "typo",
  severity: "warning",
  title: "疑似错别字",
  description: "用词典和公文语言模型查找同音、音近、形近的错别字（如“大数局”应为“大数据”），给出最可能的正确写法。",
  source: "统计检查：结巴分词词典（MIT）、pinyin-pro 读音（MIT）、Gavin Grover 的 CJK 字形分解数据 cjk-decomp（多许可，按 MIT 使用）、2010 年前政府工作报告的字 n 元语言模型",
  fixable: true,
  messages: { "same-sound": "同音错字", "near-sound": "音近错字", "similar-shape": "形近错字", "word-substitution": "同音错词（输入法选错词）" },
  check(ctx) {
    check(ctx);
  },
};
