/**
 * Word lists for the typo rule's pattern checks: 的/地/得, doubled words, acronyms. Written for
 * this project; each list is short on purpose, because each word in it is trusted to make the
 * pattern unambiguous.
 */

/**
 * Adverb-like adjectives that, before a verb, take 地 (认真地学习, 积极地参与到). Each is one that
 * official prose uses adverbially all the time; nouns that double as adjectives (科学, 系统, 高度,
 * 热情) are left out, since 「科学的研究了」 is rare and 「系统的学习」 usually means the system's.
 */
export const DI_ADVERBS: readonly string[] = [
  "认真", "积极", "主动", "切实", "扎实", "深入", "全面", "充分", "广泛", "不断", "逐步", "坚决", "大力", "严格", "自觉",
  "努力", "迅速", "及时", "稳步", "有序", "有效", "合理", "彻底", "牢牢", "紧紧", "深深", "默默", "悄悄", "慢慢", "耐心",
  "细致", "精心", "妥善", "稳妥", "持续", "全力", "尽快", "密切", "深刻", "清醒", "准确", "正确", "客观", "逐渐", "渐渐",
  "大胆", "虚心", "诚恳", "认认真真", "扎扎实实", "实实在在", "踏踏实实", "积极主动", "坚定不移", "毫不动摇", "创造性",
  "创新性", "系统性", "历史性", "整体性", "全方位", "高标准", "严要求", "实事求是", "一丝不苟", "坚定", "坚持不懈", "统筹",
];

/**
 * Verbs that never read as a noun when a resultative or directional part follows: after
 * adverb + 的 they always mean the 地 form (认真的做好 → 认真地做好).
 */
export const DI_VERBS_ALWAYS: readonly string[] = [
  "做好", "抓好", "办好", "搞好", "干好", "落实好", "贯彻好", "完成好", "执行好", "维护好", "发挥好", "解决好", "处理好",
  "参与到", "融入到", "投入到", "落实到", "贯彻到", "体现到", "运用到", "应用到", "推广到", "延伸到", "参与进来", "行动起来",
  "组织起来", "结合起来", "统一起来", "坚持下去", "推进下去",
];

/**
 * Verbs that take an object; after adverb + 的 they mean the 地 form only when an aspect mark,
 * 到, a demonstrative, a quantifier or a quotation follows (认真的学习了 / 学习这些 / 学习《…》);
 * otherwise 的 + verb may be a noun phrase (认真的学习态度, 得到有效的解决), and the rule stays quiet.
 */
export const DI_VERBS_OBJECT: readonly string[] = [
  "学习", "贯彻", "落实", "推进", "推动", "开展", "解决", "完成", "执行", "维护", "发挥", "研究", "参与", "参加", "投入",
  "融入", "加强", "促进", "实施", "处理", "对待", "思考", "回答", "宣传", "组织", "看待", "分析", "总结", "领会", "把握",
  "理解", "掌握", "运用", "应对", "化解", "整改", "查处", "打击", "保护", "配合", "关心", "引导", "推广", "传达", "部署",
  "谋划", "筹备", "改进", "改善", "提高", "提升", "增强", "履行", "遵守", "接受", "听取", "吸收", "借鉴", "承担", "适应", "面对",
  "抓住", "利用", "争取", "工作", "做", "抓",
  "干", "办", "搞", "写", "讲", "说", "读",
];

/**
 * After the verb: marks that only a verb takes, and the characters that cancel them (了解, 过程,
 * 着力, 到位: 「诉求合理的解决到位」 is a clause, not 「合理地解决」).
 */
export const DI_ASPECT: Record<string, string> = {
  了: "解结如然却断不得",
  着: "力手眼重想实落",
  过: "程渡去来度硬关失错",
  到: "位期底达手家来处岗点",
};

/** After the verb: the start of an object that a noun phrase cannot have there (这些、各项、《…》). */
export const DI_OBJECT_START: readonly string[] = [
  "这", "那", "该", "各", "每", "其", "此", "本次", "全部", "所有", "一切", "一系列", "党的", "党中央", "习近平", "《", "“",
];

/**
 * Verbs after which 的 + a degree adverb + an adjective at the end of a clause is the complement
 * marker 得 (说的很透彻 → 说得很透彻, 做的很好 → 做得很好).
 */
export const DE_VERBS: readonly string[] = [
  "说", "讲", "做", "干", "写", "办", "抓", "搞", "学", "变", "跑", "看", "听", "落实", "完成", "开展", "推进", "贯彻",
  "执行", "组织", "安排", "准备", "解决", "处理", "发展", "建设", "管理", "分析", "阐述", "总结", "表现", "发挥", "学习",
  "宣传", "研究", "理解", "掌握", "领会", "举办", "召开", "成长", "增长", "生长", "转变", "改变", "讲解", "介绍", "报告",
  "回答", "演讲", "论述", "布置", "部署", "谋划", "设计", "规划", "整改", "协调", "服务", "配合", "保障", "坚持", "推动",
];

/** The character before a one-character verb that turns it into part of a noun (小说, 学说, 骨干, 大学). */
export const DE_VERB_NOT_AFTER: Record<string, string> = {
  说: "小学传演解邪据游", 讲: "宣开主", 干: "骨能主树才", 学: "大中小科数化文哲医法同教", 看: "好难耐中",
  写: "大小编速", 变: "政兵演嬗病", 跑: "长慢领赛", 听: "视好难打", 做: "叫", 办: "筹承主协督创", 抓: "", 搞: "",
};

/** Degree adverbs that open a complement of degree. */
export const DE_DEGREE: readonly string[] = [
  "很", "非常", "十分", "更加", "特别", "极其", "相当", "比较", "越来越", "太", "更", "尤其", "格外", "如此", "那么", "这么",
];

/** Adjectives that, after a degree adverb and at the end of a clause, complete a verb's complement. */
export const DE_ADJECTIVES: readonly string[] = [
  "好", "透彻", "扎实", "到位", "出色", "细致", "深入", "及时", "周到", "认真", "精彩", "圆满", "顺利", "明白", "清楚",
  "具体", "生动", "全面", "充分", "快", "慢", "稳", "实", "细", "深", "准", "快速", "迅速", "有效", "有力", "精准",
  "成功", "红火", "突出", "精辟", "深刻", "透", "活", "严", "紧", "早", "完美", "完善", "出彩", "漂亮", "踏实", "积极",
];

/**
 * Words whose immediate repetition is always a slip (我们我们, 进一步进一步): pronouns, function
 * words and fixed terms of official prose. Verbs and adjectives that reduplicate legitimately
 * (研究研究, 讨论讨论, 高兴高兴, 一个一个, 这样这样, 如何如何) are not here.
 */
export const DOUBLED_WORDS: readonly string[] = [
  "我们", "你们", "他们", "她们", "它们", "咱们", "大家", "自己", "我国", "我省", "我市", "我县", "我区", "我局", "各位",
  "同志们", "因此", "但是", "所以", "而且", "并且", "同时", "以及", "如果", "虽然", "因为", "通过", "按照", "根据", "关于",
  "对于", "为了", "已经", "正在", "必须", "应当", "其中", "目前", "当前", "今年", "进一步", "加强", "推进", "全面", "深入",
  "切实", "认真", "积极", "不断", "持续", "扎实", "着力", "大力", "高质量", "新时代", "习近平", "总书记", "中国特色社会主义",
  "以来", "全市", "全省", "全县", "全区", "全国",
];

/**
 * Acronyms in Chinese official prose that contain the letters O or I, so a digit 0 or 1 or a
 * lower-case l typed in their place is a slip (WT0 → WTO, lT → IT). AI is left out: A1 is a
 * paper size and a road number.
 */
export const ACRONYMS: readonly string[] = [
  "WTO", "WHO", "ISO", "IPO", "CPI", "PPI", "PMI", "FDI", "ODI", "IT", "ICT", "OECD", "OPEC", "CEO", "CIO", "CFO", "NGO",
  "NATO", "UNESCO", "IMF", "GIS", "CIF", "FOB", "BIM", "IP", "ID", "IC", "ICU", "ISP", "POS", "SOS", "QFII", "RQFII",
  "QDII", "SCO", "BRICS", "AIIB", "IMO", "ILO", "UNICEF", "MOOC", "SIM", "OCR", "ROI", "KPI", "OKR", "MOU", "VIP", "COVID",
  "OTC", "IPTV", "ICP", "OEM", "ODM", "IDC", "OLED", "IOT", "MIT",
];
