/**
 * Our own curated list of wrong words seen in drafts, for the typo rule.
 *
 * Written for this project from the spirit of the standards (现代汉语规范词形) and the kinds of
 * confusion the practitioner error lists describe (rules-catalog.md §6): similar-looking or
 * same-sounding characters inside fixed words and idioms. Every entry is a whole wrong word that
 * is not a correct word in its own right; where a wrong word could be the tail of one word and
 * the head of the next (「分布」+「署名」), a context guard says which neighbours cancel it.
 */

export interface TypoEntry {
  wrong: string;
  right: string;
  /** "error" (never correct) unless stated; context-dependent pairs are warnings. */
  severity?: "error" | "warning" | "info";
  /** The match is cancelled when the character just before it is one of these. */
  notAfter?: string;
  /** The match is cancelled when the text right after it starts with one of these. */
  notBefore?: string[];
  /** The match is cancelled when one of these follows later in the same clause (up to 30 chars). */
  unlessLater?: string[];
  /** Extra words for the message, e.g. what the right word means. */
  note?: string;
}

export const TYPO_ENTRIES: TypoEntry[] = [
  // —— 公文高频 ——
  { wrong: "布署", right: "部署", notAfter: "分公宣发颁遍散密摆瀑" },
  { wrong: "步署", right: "部署", notAfter: "一" },
  { wrong: "按步就班", right: "按部就班" },
  { wrong: "再接再励", right: "再接再厉" },
  { wrong: "再接再砺", right: "再接再厉" },
  { wrong: "急待", right: "亟待", severity: "warning", notAfter: "紧焦着危火", notBefore: ["命", "遇", "人", "客", "在"], note: "“亟待”意为急需" },
  { wrong: "分岐", right: "分歧" },
  { wrong: "消毁", right: "销毁" },
  { wrong: "坚苦", right: "艰苦", notAfter: "中" },
  { wrong: "融汇贯通", right: "融会贯通" },
  { wrong: "一如继往", right: "一如既往" },
  { wrong: "一如即往", right: "一如既往" },
  { wrong: "迫不急待", right: "迫不及待" },
  { wrong: "重迭", right: "重叠", notBefore: ["代"] },
  { wrong: "既使", right: "即使", severity: "warning", unlessLater: ["又", "也使", "还使", "更使", "也让", "同时"] },
  { wrong: "贯撤", right: "贯彻" },
  { wrong: "窜改", right: "篡改" },
  { wrong: "松驰", right: "松弛" },
  { wrong: "一张一驰", right: "一张一弛" },
  { wrong: "防碍", right: "妨碍" },
  { wrong: "渲泄", right: "宣泄" },
  { wrong: "宣染", right: "渲染" },
  { wrong: "关健", right: "关键", notBefore: ["康", "身", "全"] },
  { wrong: "必竟", right: "毕竟" },
  { wrong: "即然", right: "既然" },
  { wrong: "既便", right: "即便", severity: "warning", notBefore: ["利", "于", "民", "捷", "宜"] },
  { wrong: "竟争", right: "竞争", notBefore: ["取", "夺", "先", "着", "辩"] },
  { wrong: "竟赛", right: "竞赛" },
  { wrong: "竞竞业业", right: "兢兢业业" },
  { wrong: "战战竞竞", right: "战战兢兢" },
  { wrong: "撤消", right: "撤销", severity: "warning" },
  { wrong: "签定", right: "签订", severity: "warning" },
  { wrong: "部份", right: "部分", severity: "warning", notBefore: ["额"] },
  { wrong: "成份", right: "成分", severity: "warning", notBefore: ["额"] },
  { wrong: "做为", right: "作为", severity: "warning", notBefore: ["民", "人民", "群众"] },
  { wrong: "坐阵", right: "坐镇" },
  { wrong: "冒然", right: "贸然" },
  { wrong: "按装", right: "安装", notBefore: ["备", "修", "载", "订", "卸", "配", "饰", "机", "置"] },
  { wrong: "坐谈会", right: "座谈会" },
  { wrong: "付作用", right: "副作用" },
  { wrong: "幅射", right: "辐射" },
  { wrong: "陷井", right: "陷阱" },
  { wrong: "暇疵", right: "瑕疵" },
  { wrong: "编篡", right: "编纂" },
  { wrong: "追朔", right: "追溯" },
  { wrong: "安祥", right: "安详", severity: "warning" },
  { wrong: "国藉", right: "国籍" },
  { wrong: "书藉", right: "书籍" },
  { wrong: "震憾", right: "震撼" },
  { wrong: "通霄", right: "通宵" },
  { wrong: "急燥", right: "急躁" },
  { wrong: "烦燥", right: "烦躁" },
  { wrong: "枯躁", right: "枯燥" },
  { wrong: "弦律", right: "旋律" },
  { wrong: "凋弊", right: "凋敝" },
  { wrong: "发韧", right: "发轫", notBefore: ["性", "劲"] },
  { wrong: "寒喧", right: "寒暄" },
  { wrong: "峻工", right: "竣工" },
  { wrong: "蜇伏", right: "蛰伏" },
  { wrong: "膺品", right: "赝品" },
  { wrong: "气慨", right: "气概" },
  { wrong: "沉缅", right: "沉湎" },
  { wrong: "萎糜", right: "萎靡" },
  { wrong: "频临", right: "濒临" },
  { wrong: "堪察", right: "勘察" },
  { wrong: "渡假", right: "度假" },
  { wrong: "装祯", right: "装帧" },
  { wrong: "入场卷", right: "入场券" },
  { wrong: "辨证唯物", right: "辩证唯物" },
  { wrong: "克苦", right: "刻苦", notBefore: ["难", "痛", "战"] },
  { wrong: "侯选", right: "候选", severity: "warning" },
  { wrong: "其它", right: "其他", severity: "info", note: "现代汉语规范用法中“其他”可兼指人和事物，公文中宜统一用“其他”" },
  // —— 成语、固定说法 ——
  { wrong: "不径而走", right: "不胫而走" },
  { wrong: "走头无路", right: "走投无路" },
  { wrong: "默守成规", right: "墨守成规" },
  { wrong: "谈笑风声", right: "谈笑风生" },
  { wrong: "声名雀起", right: "声名鹊起" },
  { wrong: "一愁莫展", right: "一筹莫展" },
  { wrong: "心心相映", right: "心心相印" },
  { wrong: "明火执杖", right: "明火执仗" },
  { wrong: "美仑美奂", right: "美轮美奂" },
  { wrong: "出奇不意", right: "出其不意" },
  { wrong: "迫在眉急", right: "迫在眉睫" },
  { wrong: "变本加利", right: "变本加厉" },
  { wrong: "精兵减政", right: "精兵简政" },
  { wrong: "义不容词", right: "义不容辞" },
  { wrong: "直接了当", right: "直截了当" },
  { wrong: "既往不究", right: "既往不咎" },
  { wrong: "穿流不息", right: "川流不息" },
  { wrong: "旁证博引", right: "旁征博引" },
  { wrong: "原形毕现", right: "原形毕露" },
  { wrong: "脍灸人口", right: "脍炙人口" },
  { wrong: "察颜观色", right: "察言观色" },
  { wrong: "滥芋充数", right: "滥竽充数" },
  { wrong: "悬梁刺骨", right: "悬梁刺股" },
  { wrong: "金榜提名", right: "金榜题名" },
  { wrong: "仗义直言", right: "仗义执言" },
  { wrong: "委屈求全", right: "委曲求全" },
  { wrong: "锋芒必露", right: "锋芒毕露" },
  { wrong: "莫衷一致", right: "莫衷一是" },
  { wrong: "情有独衷", right: "情有独钟" },
  { wrong: "大相径廷", right: "大相径庭" },
  { wrong: "事得其反", right: "适得其反" },
  { wrong: "针贬时弊", right: "针砭时弊" },
  { wrong: "英雄倍出", right: "英雄辈出" },
  { wrong: "人才倍出", right: "人才辈出" },
  { wrong: "蛛丝蚂迹", right: "蛛丝马迹" },
  { wrong: "自抱自弃", right: "自暴自弃" },
  { wrong: "名符其实", right: "名副其实" },
  { wrong: "相辅相承", right: "相辅相成" },
  { wrong: "一股作气", right: "一鼓作气" },
  { wrong: "黄梁美梦", right: "黄粱美梦" },
  { wrong: "提纲携领", right: "提纲挈领" },
  { wrong: "推心致腹", right: "推心置腹" },
  { wrong: "迫不得以", right: "迫不得已" },
  { wrong: "不可思异", right: "不可思议" },
  { wrong: "振耳欲聋", right: "震耳欲聋" },
  { wrong: "走马关花", right: "走马观花" },
  { wrong: "竭泽而鱼", right: "竭泽而渔" },
  { wrong: "怄心沥血", right: "呕心沥血" },
  { wrong: "挺而走险", right: "铤而走险" },
  { wrong: "言简意骇", right: "言简意赅" },
  { wrong: "源源不段", right: "源源不断" },
  { wrong: "不落巢臼", right: "不落窠臼" },
  { wrong: "因地治宜", right: "因地制宜" },
  { wrong: "循序渐近", right: "循序渐进" },
  { wrong: "持之以衡", right: "持之以恒" },
  { wrong: "事必恭亲", right: "事必躬亲" },
  { wrong: "鞠躬尽粹", right: "鞠躬尽瘁" },
  { wrong: "集思广义", right: "集思广益" },
  { wrong: "出谋化策", right: "出谋划策" },
  { wrong: "励精图志", right: "励精图治" },
  { wrong: "各行其事", right: "各行其是" },
  { wrong: "以身做则", right: "以身作则" },
  { wrong: "贪脏枉法", right: "贪赃枉法" },
  { wrong: "气喘嘘嘘", right: "气喘吁吁" },
  { wrong: "天翻地复", right: "天翻地覆" },
  { wrong: "鼎立相助", right: "鼎力相助" },
  { wrong: "人情事故", right: "人情世故" },
  { wrong: "怨天忧人", right: "怨天尤人" },
  { wrong: "失志不渝", right: "矢志不渝" },
  { wrong: "重峦叠障", right: "重峦叠嶂" },
  { wrong: "兴高彩烈", right: "兴高采烈" },
  { wrong: "无精打彩", right: "无精打采" },
  { wrong: "惮精竭虑", right: "殚精竭虑" },
  { wrong: "披星带月", right: "披星戴月" },
  { wrong: "再所不辞", right: "在所不辞" },
  { wrong: "不加思索", right: "不假思索" },
  { wrong: "世外桃园", right: "世外桃源" },
  { wrong: "甘败下风", right: "甘拜下风" },
  { wrong: "额首称庆", right: "额手称庆" },
  { wrong: "名列前矛", right: "名列前茅" },
  { wrong: "一诺千斤", right: "一诺千金" },
  { wrong: "山青水秀", right: "山清水秀" },
  { wrong: "汗流夹背", right: "汗流浃背" },
  { wrong: "食不裹腹", right: "食不果腹" },
  { wrong: "貌和神离", right: "貌合神离" },
  { wrong: "自立更生", right: "自力更生" },
  { wrong: "励行节约", right: "厉行节约" },
  { wrong: "脱贫至富", right: "脱贫致富" },
  { wrong: "淳淳教导", right: "谆谆教导" },
  { wrong: "有的放失", right: "有的放矢" },
  { wrong: "磨拳擦掌", right: "摩拳擦掌" },
  { wrong: "耳熟能祥", right: "耳熟能详" },
  { wrong: "众志成诚", right: "众志成城" },
  { wrong: "真知卓见", right: "真知灼见" },
  { wrong: "标新立意", right: "标新立异" },
  { wrong: "按图索冀", right: "按图索骥" },
  { wrong: "不记其数", right: "不计其数" },
  { wrong: "一并而论", right: "一概而论" },
  { wrong: "责无旁代", right: "责无旁贷" },
  { wrong: "众口烁金", right: "众口铄金" },
  { wrong: "始作甬者", right: "始作俑者" },
];

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
    after: "但可就还总凡于正只要倒硬算老便即乃若真或不别其像都实自也确更却则而又就",
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
