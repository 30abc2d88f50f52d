/**
 * Our own curated lists for the typo rule: wrong words, variant forms, doubled characters, and
 * the word lists of its pattern checks.
 *
 * Written for this project from the standards — 《现代汉语词典》 word forms, 《第一批异形词整理表》
 * (教育部、国家语委 2001) — and from the kinds of confusion the published lists of common errors in
 * official documents describe (rules-catalog.md §6): similar-looking or same-sounding characters
 * inside fixed words and idioms. Every entry is a whole wrong word that is not a correct word in its
 * own right; where a wrong word could be the tail of one word and the head of the next
 * (「分布」+「署名」), a context guard says which neighbours cancel it. The lists live in typos/.
 */
import { IDIOM_ENTRIES } from "./typos/idioms";
import type { TypoEntry } from "./typos/types";
import { VARIANT_ENTRIES } from "./typos/variants";
import { NORM_ENTRIES, WORD_ENTRIES, ZHANG_ENTRIES } from "./typos/words";

export type { TypoEntry, TypoKind } from "./typos/types";
export { IDIOM_ENTRIES } from "./typos/idioms";
export { VARIANT_ENTRIES } from "./typos/variants";
export { NORM_ENTRIES, WORD_ENTRIES, ZHANG_ENTRIES } from "./typos/words";
export * from "./typos/grammar";

export const TYPO_ENTRIES: TypoEntry[] = [...WORD_ENTRIES, ...ZHANG_ENTRIES, ...NORM_ENTRIES, ...IDIOM_ENTRIES, ...VARIANT_ENTRIES];

/**
 * Characters that, written twice in a row, are almost always a slip (的的, 了了 …). Legitimate
 * reduplications (常常, 人人, 看看, 天天 …) are not in this set, so they are never flagged.
 * For each character: neighbours that make the doubling legitimate.
 */
export interface DoubledGuard {
  /** The doubling is fine when the character before it is one of these (目的 + 的, 为了 + 了解). */
  after?: string;
  /** The doubling is fine when the character after it is one of these (的的确确, 了了之). */
  before?: string;
}

export const DOUBLED_FUNCTION_CHARS: Record<string, DoubledGuard> = {
  的: { after: "目标之端", before: "确" },
  了: { after: "为除不明完罢算终未末没受", before: "解结却如之然断得事" },
  在: { after: "现存实自所潜健内外好" },
  是: {
    after: "求但可就还总凡于正只要倒硬算老便即乃若真或不别其像都实自也确更却则而又就",
    before: "非不否",
  },
  和: { after: "平温柔缓总调饱随暖附祥谦共讲中人亲融协违议求", before: "气美睦谐" },
  与: { after: "参给赠授免" },
  及: { after: "以涉危普顾波来不企论", before: "时格早" },
  把: { after: "一" },
  被: { after: "棉" },
  从: { after: "服自随听遵盲", before: "容" },
  并: { after: "合兼吞" },
  而: { after: "然因进从继反故" },
  也: {},
  都: { after: "首国古" },
  就: { after: "成造迁将" },
  将: { after: "即必大" },
  向: { after: "一方导动走意倾志面转取去流指偏风朝纵横双单" },
};

/**
 * Legitimate reduplications that must never be reported. None of their characters is in
 * DOUBLED_FUNCTION_CHARS; the rule also checks this set so that a unit's extra doubled
 * characters (ruleOptions.typo.doubledChars) cannot flag them.
 */
export const LEGIT_REDUPLICATIONS: ReadonlySet<string> = new Set([
  "常常", "人人", "看看", "天天", "渐渐", "往往", "刚刚", "纷纷", "仅仅", "久久", "处处", "事事", "时时", "个个",
  "家家", "户户", "年年", "岁岁", "默默", "慢慢", "轻轻", "悄悄", "稍稍", "深深", "紧紧", "牢牢", "多多", "步步",
  "层层", "声声", "句句", "字字", "条条", "项项", "件件", "样样", "点点", "滴滴", "谢谢", "星星", "妈妈", "爸爸",
]);
