/**
 * Small real rules for the taskpane tests, so the UI tests do not depend on which core rules
 * exist: a typo with a fix, a half-width comma with a fix, a placeholder without one.
 */
import type { Rule } from "../../src/core/rules/types";

function scan(re: RegExp, text: string, each: (start: number, end: number) => void): void {
  const g = new RegExp(re.source, "g");
  for (const m of text.matchAll(g)) each(m.index, m.index + m[0].length);
}

export const typoRule: Rule = {
  id: "test-typo",
  category: "typo",
  severity: "error",
  title: "错别字",
  description: "常见错别字。",
  source: "测试",
  fixable: true,
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      scan(/处臵/, p.text, (start, end) =>
        ctx.report({
          paragraph: p.index,
          start,
          end,
          message: "“处臵”应为“处置”",
          fix: { description: "改为“处置”", text: [{ paragraph: p.index, start, end, text: "处置" }] },
        }),
      );
    }
  },
};

export const commaRule: Rule = {
  id: "test-comma",
  category: "punctuation.width",
  severity: "warning",
  title: "中文中的半角标点",
  description: "中文之间的半角逗号。",
  source: "测试",
  fixable: true,
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      scan(/(?<=[\u4e00-\u9fff]),(?=[\u4e00-\u9fff])/, p.text, (start, end) =>
        ctx.report({
          paragraph: p.index,
          start,
          end,
          message: "中文中使用了半角逗号“,”，应为全角“，”",
          fix: { description: "改为全角逗号“，”", text: [{ paragraph: p.index, start, end, text: "，" }] },
        }),
      );
    }
  },
};

export const placeholderRule: Rule = {
  id: "test-placeholder",
  category: "placeholder",
  severity: "error",
  title: "未替换的占位符",
  description: "XX、20xx 等占位符。",
  source: "测试",
  messages: { name: "名称占位符", year: "年份占位符" },
  check(ctx) {
    for (const p of ctx.doc.paragraphs) {
      scan(/XX|20xx/, p.text, (start, end) =>
        ctx.report({
          paragraph: p.index,
          start,
          end,
          message: `“${p.text.slice(start, end)}”是未替换的占位符`,
          messageId: p.text.startsWith("XX", start) ? "name" : "year",
        }),
      );
    }
  },
};

export const TEST_RULES: Rule[] = [typoRule, commaRule, placeholderRule];
