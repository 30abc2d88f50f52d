/**
 * How the 检查 tab lays out findings: identical findings of one paragraph folded into one card (as
 * the CLI folds repeats), cards grouped by category then rule, each group with its count and the
 * fixes a group 全部修复 applies. Pure: no React, no host.
 */
import type { Category, Finding } from "../../core/findings";
import { CATEGORIES, SEVERITY_RANK } from "../../core/findings";

/** Chinese names of the categories, as group headings. */
export const CATEGORY_LABEL: Record<Category, string> = {
  "numbering.sequence": "序号顺序",
  "numbering.hierarchy": "序号层级",
  "numbering.marker": "序号写法",
  "structure.count": "结构数量",
  "structure.speech": "讲话稿结构",
  "heading.punctuation": "标题标点",
  "punctuation.width": "全角半角",
  "punctuation.pair": "标点配对",
  "punctuation.repeat": "标点重复",
  placeholder: "未填内容",
  typo: "错别字",
  "number.format": "数字写法",
  "date.format": "日期写法",
  "docno.format": "发文字号",
  "format.font": "字体字号",
  "format.paragraph": "段落格式",
  "format.page": "页面设置",
  garbled: "乱码",
  whitespace: "多余空格",
  "punctuation.form": "标点形式",
};

/** One card: a finding and the identical ones in the same paragraph folded into it. */
export interface FindingCard {
  /** Stable within one result: rule, paragraph, first offset. */
  key: string;
  first: Finding;
  all: Finding[];
}

export interface RuleGroup {
  category: Category;
  rule: string;
  cards: FindingCard[];
  /** Findings in the group (folded ones counted each). */
  count: number;
  /** The group's findings that carry a fix (what its 全部修复 applies). */
  fixable: Finding[];
}

export interface CategoryGroup {
  category: Category;
  count: number;
  rules: RuleGroup[];
}

/** Identical = same paragraph, rule, check and message (the CLI's key, plus the check). */
const foldKey = (f: Finding) => `${f.paragraph}|${f.rule}|${f.messageId ?? ""}|${f.severity}|${f.message}`;

/**
 * Groups `findings` (any order) by category (catalogue order), then rule (`ruleOrder`, unknown
 * rules last by id), then folds repeats; cards are in document order. Linear in the findings
 * apart from the sorts.
 */
export function groupFindings(findings: readonly Finding[], ruleOrder: ReadonlyMap<string, number>): CategoryGroup[] {
  const catRank = new Map<string, number>(CATEGORIES.map((c, i) => [c, i]));
  const sorted = [...findings].sort(
    (a, b) =>
      (catRank.get(a.category) ?? 1e9) - (catRank.get(b.category) ?? 1e9) ||
      (ruleOrder.get(a.rule) ?? 1e9) - (ruleOrder.get(b.rule) ?? 1e9) ||
      (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0) ||
      a.paragraph - b.paragraph ||
      a.start - b.start ||
      SEVERITY_RANK[a.severity] - SEVERITY_RANK[b.severity],
  );
  const out: CategoryGroup[] = [];
  let cards = new Map<string, FindingCard>();
  const keyUses = new Map<string, number>();
  for (const f of sorted) {
    let cat = out[out.length - 1];
    if (!cat || cat.category !== f.category) {
      cat = { category: f.category, count: 0, rules: [] };
      out.push(cat);
    }
    let group = cat.rules[cat.rules.length - 1];
    if (!group || group.rule !== f.rule) {
      group = { category: f.category, rule: f.rule, cards: [], count: 0, fixable: [] };
      cat.rules.push(group);
      cards = new Map();
    }
    cat.count++;
    group.count++;
    if (f.fix) group.fixable.push(f);
    const k = foldKey(f);
    const card = cards.get(k);
    if (card) card.all.push(f);
    else {
      // Different messages at one place are different cards: number them so keys stay unique.
      const base = `${f.rule}|${f.paragraph}|${f.start}|${f.end}|${f.messageId ?? ""}`;
      const n = keyUses.get(base) ?? 0;
      keyUses.set(base, n + 1);
      const c: FindingCard = { key: n === 0 ? base : `${base}#${n}`, first: f, all: [f] };
      cards.set(k, c);
      group.cards.push(c);
    }
  }
  return out;
}

/** The cards in the order 上一处/下一处 walk them: the document order, whatever the grouping. */
export function stepOrder(groups: readonly CategoryGroup[]): FindingCard[] {
  const all = groups.flatMap((c) => c.rules.flatMap((r) => r.cards));
  return all.sort((a, b) => a.first.paragraph - b.first.paragraph || a.first.start - b.first.start || a.first.end - b.first.end);
}
