/**
 * The stock-phrase library (套话、排比、过渡): entries we write and curate ourselves.
 * Data lives in src/core/phrases/data/*.json (one array of PhraseEntry per file) and is loaded on
 * demand by the taskpane, so it does not weigh on the initial bundle.
 */

/** Where a phrase fits in a speech. */
export const PHRASE_KINDS = ["开头", "过渡", "标题", "正文", "排比", "结尾"] as const;
export type PhraseKind = (typeof PHRASE_KINDS)[number];

/** The fixed theme list; every entry has one to three of them. */
export const THEMES = [
  "开场",
  "过渡",
  "成绩",
  "问题",
  "形势",
  "重要性",
  "政治",
  "学习",
  "素质能力",
  "作风",
  "服务",
  "创新",
  "落实",
  "协调",
  "廉洁",
  "保密",
  "队伍建设",
  "结尾",
] as const;
export type Theme = (typeof THEMES)[number];

/** The offices a clerk writes for (issue #11); every entry names one to three of them. */
export const DOMAINS = [
  "通用/办公室",
  "教育",
  "经济发展",
  "党建与党风廉政",
  "乡村振兴与农业农村",
  "生态环保",
  "安全生产与应急",
  "营商环境与改革",
  "民生与社会保障",
  "科技创新",
  "宣传文化",
  "卫生健康",
  "政法与平安建设",
  "基层治理",
  "企业经营管理",
  "干部人才队伍",
] as const;
export type Domain = (typeof DOMAINS)[number];

export interface PhraseEntry {
  /** Stable id, unique across the library: "<file prefix>-<number>", e.g. "zf-012". */
  id: string;
  /** The phrase exactly as inserted (plain text, no heading marker). */
  text: string;
  kind: PhraseKind;
  /** One to three themes from THEMES. */
  themes: Theme[];
  /**
   * One to three domains from DOMAINS: the offices whose speeches the phrase suits. Every built-in
   * entry has them (the schema test holds it); a clerk's own phrases may leave them out (= any domain).
   */
  domains?: Domain[];
  /** For kind "标题": the heading level it suits (1 一、, 2 （一）, 3 1.). */
  level?: 1 | 2 | 3;
  /**
   * Parallel group: entries that belong together share a group id, e.g. the 排比
   * 「讲党性、讲悟性、讲耐性」 and its expansions 「一要讲党性……」「二要讲悟性……」.
   */
  group?: string;
}
