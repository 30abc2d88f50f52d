import {
  IDIOM_ENTRIES,
  LEGIT_REDUPLICATIONS,
  TYPO_ENTRIES,
  VARIANT_ENTRIES,
  WORD_ENTRIES,
  ZHANG_ENTRIES,
  NORM_ENTRIES,
} from "../../../../src/core/data/typos";
import { applyFixes } from "../../../../src/core/fixes";
import { docFromText } from "../../../../src/core/model";
import { typo } from "../../../../src/core/rules/content/typo";
import { runRule, runRuleTests, type InvalidCase, type ValidCase } from "../../../helpers/ruleTester";

// ---- 臵 ----
const ZHI_VALID: ValidCase[] = ["处于核心和关键的位置。", "妥善处置突发事件。", "布置会议。", "设置岗位。", "优化资源配置。"];
const ZHI_INVALID: InvalidCase[] = [
  {
    name: "seed 003: 臵 for 置",
    text: "处于核心和关键的位臵。办公室都要统筹考虑、妥善处臵。小到下发文件、布臵会议。",
    findings: [
      { excerpt: "臵", messageId: "zhi-glyph", message: "“位臵”", severity: "error" },
      { excerpt: "臵", messageId: "zhi-glyph", message: "“处臵”" },
      { excerpt: "臵", messageId: "zhi-glyph", message: "“布臵”" },
    ],
    output: "处于核心和关键的位置。办公室都要统筹考虑、妥善处置。小到下发文件、布置会议。",
  },
  { name: "设臵", text: "科学设臵岗位。", findings: [{ excerpt: "臵", messageId: "zhi-glyph" }], output: "科学设置岗位。" },
  { name: "配臵", text: "优化资源配臵。", findings: [{ excerpt: "臵", messageId: "zhi-glyph" }], output: "优化资源配置。" },
  { name: "安臵", text: "做好移民安臵。", findings: [{ excerpt: "臵", messageId: "zhi-glyph" }], output: "做好移民安置。" },
  { name: "a lone 臵", text: "臵", findings: [{ excerpt: "臵", messageId: "zhi-glyph" }], output: "置" },
];

// ---- curated wrong words ----
const WORD_VALID: ValidCase[] = [
  "会议对下一步工作作了全面部署，要求各单位按部就班、再接再厉。",
  { name: "guarded pairs: 紧急待命 / 分布署名 / 既使…又…", text: "消防队员紧急待命，文章分布署名，这项政策既使企业受益，又使群众满意。" },
  { name: "事关健康 and 全部份额", text: "事关健康的问题，全部份额均已认购。" },
  { name: "中坚苦干 / 攻坚难点", text: "他是队伍中坚，中坚苦干的精神值得学习，要啃下攻坚难点。" },
  { name: "解决择校 is two words", text: "推动解决择校、入园等热点难点问题。" },
  { name: "挖掘起来 / 传导至 / 专家俱乐部", text: "把潜力挖掘起来，压力传导至基层，成立专家俱乐部。" },
  { name: "一贯切实 / 来自已建成", text: "我们一贯切实履行职责，数据来自已建成的平台。" },
  { name: "平安祥和 / 这座落成", text: "促进社会平安祥和，这座落成于1950年的大楼。" },
  { name: "right forms of idioms", text: "一筹莫展、迫不及待、甘拜下风、不胫而走、墨守成规、川流不息、谈笑风生、各行其是、走投无路、心急火燎。" },
];
const WORD_INVALID: InvalidCase[] = [
  {
    name: "known wrong words",
    text: "要认真贯撤会议精神，抓好布署落实，再接再励，一如继往地融汇贯通。",
    findings: [
      { excerpt: "贯撤", severity: "error", messageId: "wrong-word", message: "应为“贯彻”" },
      { excerpt: "布署", messageId: "wrong-word", message: "音同或音近" },
      { excerpt: "再接再励", messageId: "wrong-word", message: "成语和固定说法有定形" },
      { excerpt: "一如继往" },
      { excerpt: "融汇贯通" },
    ],
    output: "要认真贯彻会议精神，抓好部署落实，再接再厉，一如既往地融会贯通。",
  },
  {
    name: "idioms from the brief",
    text: "大家一愁莫展，迫不急待，甘败下风，消息不径而走，不能默守成规。",
    findings: [{ excerpt: "一愁莫展" }, { excerpt: "迫不急待" }, { excerpt: "甘败下风" }, { excerpt: "不径而走" }, { excerpt: "默守成规" }],
    output: "大家一筹莫展，迫不及待，甘拜下风，消息不胫而走，不能墨守成规。",
  },
  {
    name: "more idioms",
    text: "车辆穿流不息，他谈笑风声，各部门各行其事，走头无路，心急火潦，按步就班。",
    findings: 6,
    output: "车辆川流不息，他谈笑风生，各部门各行其是，走投无路，心急火燎，按部就班。",
  },
  {
    name: "shape: the message says why",
    text: "人口迁徒，我们自已的事情，已经决择。",
    findings: [
      { excerpt: "迁徒", message: "字形相近" },
      { excerpt: "自已", message: "“己”误作“已”" },
      { excerpt: "决择", message: "应为“抉择”" },
    ],
    output: "人口迁徙，我们自己的事情，已经抉择。",
  },
  {
    name: "context pairs are warnings: 急待 / 既使",
    text: "这些问题急待解决。既使困难再大，我们也不能退缩。",
    findings: [
      { excerpt: "急待", severity: "warning", message: "亟待" },
      { excerpt: "既使", severity: "warning" },
    ],
  },
  {
    name: "a unit's extra pairs",
    text: "请各乡镇报送材料。",
    options: { extraPairs: [["乡镇", "镇（街道）"]] },
    findings: [{ excerpt: "乡镇", severity: "error", messageId: "wrong-word" }],
    output: "请各镇（街道）报送材料。",
  },
  {
    name: "a unit's one-character pair",
    text: "请于本周内报送。",
    options: { extraPairs: [["于", "在"]] },
    findings: [{ excerpt: "于", messageId: "wrong-word" }],
    output: "请在本周内报送。",
  },
];

// ---- variant forms (info) ----
const VARIANT_VALID: ValidCase[] = [
  { name: "个人材料", text: "请提交个人材料和证人材料。" },
  { name: "月份内 / 省份外", text: "三个月份内完成，省份外的企业也可申报。" },
  { name: "股份量化", text: "推进农村集体资产股份量化改革。" },
  { name: "帐篷 / 蚊帐 / 账户", text: "调运帐篷和蚊帐，发放到个人账户，搬入帐篷居住。" },
  { name: "设计画稿 / 超过份额", text: "完成设计画稿，采购不得超过份额。" },
  { name: "recommended forms", text: "彻底、分量、人才、纪念、丰富多彩、摩擦、账目、其他。" },
];
const VARIANT_INVALID: InvalidCase[] = [
  {
    name: "seed 000 / 004: 其它 is info",
    text: "还要搞好其它工作，加强与其它部门单位的协作沟通。",
    findings: [
      { excerpt: "其它", severity: "info", messageId: "variant-form", message: "其他" },
      { excerpt: "其它", severity: "info" },
    ],
    output: "还要搞好其他工作，加强与其他部门单位的协作沟通。",
  },
  {
    name: "整理表 variants",
    text: "澈底解决，日益丰富多采，培养建设人材，防止磨擦。",
    findings: [
      { excerpt: "澈底", severity: "info", messageId: "variant-form", message: "《第一批异形词整理表》" },
      { excerpt: "丰富多采", severity: "info" },
      { excerpt: "人材", severity: "info" },
      { excerpt: "磨擦", severity: "info" },
    ],
    output: "彻底解决，日益丰富多彩，培养建设人才，防止摩擦。",
  },
  {
    name: "帐 for money",
    text: "个人帐户中的资金，严禁做假帐，定期公布帐目。",
    findings: [
      { excerpt: "帐户", severity: "info", messageId: "variant-form" },
      { excerpt: "假帐", severity: "info" },
      { excerpt: "帐目", severity: "info" },
    ],
    output: "个人账户中的资金，严禁做假账，定期公布账目。",
  },
  {
    name: "idiom variants",
    text: "大家磨拳擦掌，披星带月，挺而走险。",
    findings: [{ excerpt: "磨拳擦掌", severity: "info" }, { excerpt: "披星带月" }, { excerpt: "挺而走险" }],
    output: "大家摩拳擦掌，披星戴月，铤而走险。",
  },
  {
    name: "old forms: 签定 and 撤消 are warnings",
    text: "双方签定了协议，撤消了处分。",
    findings: [
      { excerpt: "签定", severity: "warning", messageId: "variant-form" },
      { excerpt: "撤消", severity: "warning" },
    ],
    output: "双方签订了协议，撤销了处分。",
  },
];

// ---- 截止 / 截至 ----
const JIEZHI_VALID: ValidCase[] = [
  { name: "截止 as a deadline", text: "报名截止日期为3月5日，申报工作截止于2024年6月底，逾期不再受理。" },
  { name: "截至 + date", text: "截至2024年底，全市共完成投资120亿元。" },
  { name: "截止到 + time (现代汉语词典)", text: "截止到目前，已完成80%。截止到昨天，已有三千人报名。" },
  { name: "截止时间 / 已经截止", text: "截止时间为下午五点，报名已经截止。" },
  { name: "截至日前", text: "截至日前，已有三千人报名。" },
];
const JIEZHI_INVALID: InvalidCase[] = [
  {
    name: "截止 directly before a date",
    text: "截止2024年12月底，全县共建成示范点30个。",
    findings: [{ excerpt: "截止", severity: "warning", messageId: "jiezhi", message: "截至" }],
    output: "截至2024年12月底，全县共建成示范点30个。",
  },
  { name: "截止目前", text: "截止目前，已完成80%。", findings: [{ excerpt: "截止", messageId: "jiezhi" }], output: "截至目前，已完成80%。" },
  { name: "截止二〇二四年", text: "截止二〇二四年底。", findings: [{ excerpt: "截止", messageId: "jiezhi" }], output: "截至二〇二四年底。" },
  { name: "截止至", text: "截止至6月底，已完成全年任务。", findings: [{ excerpt: "截止至", severity: "warning", messageId: "jiezhi" }], output: "截至6月底，已完成全年任务。" },
  {
    name: "截至日期 / 截至时间 mean the deadline",
    text: "申报截至日期为3月5日，截至时间为17时。",
    findings: [
      { excerpt: "截至", severity: "warning", messageId: "jiezhi", message: "截止日期" },
      { excerpt: "截至", severity: "warning" },
    ],
    output: "申报截止日期为3月5日，截止时间为17时。",
  },
  { name: "a bare 截至", text: "报名于3月5日截至。", findings: [{ excerpt: "截至", severity: "warning", messageId: "jiezhi" }], output: "报名于3月5日截止。" },
];

// ---- doubled characters ----
const DOUBLED_VALID: ValidCase[] = [
  { name: "legitimate reduplication", text: "我们常常讲，人人都要看看，天天坚持，渐渐养成习惯，往往事半功倍。" },
  { name: "AABB words", text: "实实在在地干，和和美美过日子，分清是是非非，的的确确取得了成效。" },
  { name: "word boundaries: 目的的 / 为了了解 / 现在在 / 但是是否", text: "实现目的的手段很多，为了了解情况，我们现在在基层调研，但是是否可行还要论证。" },
  { name: "实事求是是", text: "实事求是是党的思想路线。" },
  { name: "不了了之 / 参与与", text: "不能不了了之，要鼓励群众参与与监督。" },
];
const DOUBLED_INVALID: InvalidCase[] = [
  {
    name: "doubled function characters",
    text: "这是我们的的重要任务，大家在在座谈中谈了了很多。",
    findings: [
      { excerpt: "的的", severity: "warning", messageId: "doubled" },
      { excerpt: "在在", messageId: "doubled" },
      { excerpt: "了了", messageId: "doubled" },
    ],
    output: "这是我们的重要任务，大家在座谈中谈了很多。",
  },
  { name: "seed: 建设的的第一件", text: "作为加强自身建设的的第一件大事来抓。", findings: [{ excerpt: "的的", messageId: "doubled" }], output: "作为加强自身建设的第一件大事来抓。" },
  { name: "和和", text: "给他以生活的机会和和效力的机会。", findings: [{ excerpt: "和和", messageId: "doubled" }], output: "给他以生活的机会和效力的机会。" },
  { name: "是是", text: "这是是我们的责任。", findings: [{ excerpt: "是是", messageId: "doubled" }], output: "这是我们的责任。" },
  { name: "three in a row", text: "我们的的的目标。", findings: [{ excerpt: "的的的", messageId: "doubled" }], output: "我们的目标。" },
];

// ---- doubled words ----
const DWORD_VALID: ValidCase[] = [
  { name: "ABAB verbs", text: "这件事要研究研究，大家讨论讨论，再落实落实。" },
  { name: "一个一个 / 一步一步", text: "问题要一个一个解决，一步一步推进。" },
  { name: "words separated by punctuation", text: "同志们，同志们！加强，加强，再加强。" },
  { name: "这样这样 / 如何如何", text: "他说要这样这样做，又说如何如何好。" },
  { name: "a word repeated with something between", text: "我们的家园，我们共同建设；加强党建，加强管理。" },
];
const DWORD_INVALID: InvalidCase[] = [
  { name: "我们我们", text: "我们我们要坚定信心。", findings: [{ excerpt: "我们我们", severity: "error", messageId: "doubled-word" }], output: "我们要坚定信心。" },
  { name: "进一步进一步", text: "要进一步进一步加强管理。", findings: [{ excerpt: "进一步进一步", messageId: "doubled-word" }], output: "要进一步加强管理。" },
  { name: "同志们同志们", text: "同志们同志们：今天召开会议。", findings: [{ excerpt: "同志们同志们", messageId: "doubled-word" }], output: "同志们：今天召开会议。" },
  { name: "加强加强", text: "要加强加强党的建设。", findings: [{ excerpt: "加强加强", messageId: "doubled-word" }], output: "要加强党的建设。" },
  { name: "推进推进", text: "持续推进推进改革。", findings: [{ excerpt: "推进推进", messageId: "doubled-word" }], output: "持续推进改革。" },
  { name: "three times", text: "大家大家大家好。", findings: [{ excerpt: "大家大家大家", messageId: "doubled-word" }], output: "大家好。" },
];

// ---- 的 for 地 ----
const DI_VALID: ValidCase[] = [
  { name: "nominal 的: 认真的态度 / 认真的学习态度", text: "要有认真的态度，养成认真的学习态度。" },
  { name: "得到有效的解决 / 进行认真的研究", text: "问题得到了有效的解决，对此要进行认真的研究。" },
  { name: "目的地 / 的确 / 地方", text: "到达目的地，的确不容易，地方政府要负责。" },
  { name: "诉求合理的解决到位", text: "做到诉求合理的解决到位。" },
  { name: "认真的学习和思考", text: "通过认真的学习和思考，提高了认识。" },
  { name: "积极的干部 / 正确的做法", text: "积极的干部有正确的做法。" },
];
const DI_INVALID: InvalidCase[] = [
  { name: "认真的学习了", text: "大家认真的学习了文件。", findings: [{ excerpt: "的", severity: "warning", messageId: "de-di", message: "认真地学习" }], output: "大家认真地学习了文件。" },
  { name: "积极的参与到", text: "要积极的参与到工作中。", findings: [{ excerpt: "的", messageId: "de-di" }], output: "要积极地参与到工作中。" },
  { name: "认真的做好", text: "认真的做好各项工作。", findings: [{ excerpt: "的", messageId: "de-di" }], output: "认真地做好各项工作。" },
  { name: "有效的解决这些问题", text: "有效的解决这些问题。", findings: [{ excerpt: "的", messageId: "de-di" }], output: "有效地解决这些问题。" },
  { name: "深入的学习《…》", text: "深入的学习《条例》。", findings: [{ excerpt: "的", messageId: "de-di" }], output: "深入地学习《条例》。" },
  { name: "充分的发挥其作用", text: "充分的发挥其作用。", findings: [{ excerpt: "的", messageId: "de-di" }], output: "充分地发挥其作用。" },
];

// ---- 的 for 得 ----
const DE_VALID: ValidCase[] = [
  { name: "我们做的很多工作", text: "这是我们做的很多工作之一。" },
  { name: "做的很好的事情", text: "他做的很好的事情不少。" },
  { name: "说得很透彻 (right already)", text: "他说得很透彻，做得很好。" },
  { name: "目的很明确 / 好看的很", text: "目的很明确，这花好看的很。" },
  { name: "nouns ending in a verb character: 小说 / 骨干", text: "这本小说的很好看。骨干的很好。" },
];
const DE_INVALID: InvalidCase[] = [
  { name: "说的很透彻", text: "他说的很透彻。", findings: [{ excerpt: "的", severity: "warning", messageId: "de-de", message: "说得很透彻" }], output: "他说得很透彻。" },
  { name: "做的很好", text: "这项工作我们做的很好。", findings: [{ excerpt: "的", messageId: "de-de" }], output: "这项工作我们做得很好。" },
  { name: "讲的非常精彩", text: "张书记讲的非常精彩，", findings: [{ excerpt: "的", messageId: "de-de" }], output: "张书记讲得非常精彩，" },
  { name: "落实的十分到位", text: "各项措施落实的十分到位。", findings: [{ excerpt: "的", messageId: "de-de" }], output: "各项措施落实得十分到位。" },
  { name: "发展的很快了", text: "经济发展的很快了。", findings: [{ excerpt: "的", messageId: "de-de" }], output: "经济发展得很快了。" },
];

// ---- a letter in a number ----
const LETTER_VALID: ValidCase[] = [
  { name: "5G / 3D / 4K", text: "推进5G网络建设，发展3D打印和4K超高清。" },
  { name: "O2O / B2B", text: "发展O2O和B2B模式。" },
  { name: "units: 5kg / 10l", text: "每袋5kg，每桶10l。" },
  { name: "a file name and a URL", text: "见附件2O.docx和http://a.gov.cn/2O/。" },
  { name: "real numbers", text: "全年完成20个项目，投资30万元，2024年实现。" },
];
const LETTER_INVALID: InvalidCase[] = [
  { name: "2O个", text: "全年完成2O个项目。", findings: [{ excerpt: "2O", severity: "error", messageId: "letter-in-number", message: "“20”" }], output: "全年完成20个项目。" },
  { name: "3O万元", text: "投资3O万元。", findings: [{ excerpt: "3O", messageId: "letter-in-number" }], output: "投资30万元。" },
  { name: "2O24年", text: "2O24年工作要点", findings: [{ excerpt: "2O24", messageId: "letter-in-number" }], output: "2024年工作要点" },
  { name: "lower-case o", text: "9o后青年", findings: [{ excerpt: "9o", messageId: "letter-in-number" }], output: "90后青年" },
  { name: "an l between digits", text: "共1l0人参加。", findings: [{ excerpt: "1l0", messageId: "letter-in-number" }], output: "共110人参加。" },
];

// ---- a digit in an acronym ----
const ACRONYM_VALID: ValidCase[] = [
  { name: "the right acronyms", text: "加入WTO以来，IT产业和ISO认证发展迅速，CPI温和上涨。" },
  { name: "COVID-19 / Windows10", text: "抗击COVID-19疫情，升级到Windows10。" },
  { name: "1T / F1 / A1 / G20", text: "1T硬盘，F1赛车，A1纸，G20峰会。" },
  { name: "PM10 / H1N1 / ISO9001", text: "PM10浓度下降，防控H1N1流感，通过ISO9001认证。" },
  { name: "mixed-case words", text: "iPhone和IoT设备。" },
];
const ACRONYM_INVALID: InvalidCase[] = [
  { name: "WT0", text: "加入WT0以来。", findings: [{ excerpt: "WT0", severity: "error", messageId: "digit-in-acronym", message: "“WTO”" }], output: "加入WTO以来。" },
  { name: "lT", text: "发展lT产业。", findings: [{ excerpt: "lT", messageId: "digit-in-acronym" }], output: "发展IT产业。" },
  { name: "C0VID", text: "抗击C0VID-19疫情。", findings: [{ excerpt: "C0VID", messageId: "digit-in-acronym" }], output: "抗击COVID-19疫情。" },
  { name: "1SO", text: "通过1SO认证。", findings: [{ excerpt: "1SO", messageId: "digit-in-acronym" }], output: "通过ISO认证。" },
  { name: "CP1", text: "CP1上涨2%。", findings: [{ excerpt: "CP1", messageId: "digit-in-acronym" }], output: "CPI上涨2%。" },
];

// ---- the user dictionary ----
const USER_VALID: ValidCase[] = [
  { name: "a user word holding a wrong form", text: "贯撤村召开会议。", config: { words: ["贯撤村"] } },
  { name: "a name holding a doubled word", text: "大家大家乐超市开业。", config: { words: ["大家大家乐"] } },
  { name: "a product code", text: "采购WT0型设备。", config: { words: ["WT0"] } },
  { name: "a place name with 截止", text: "截止2024年的数据。", config: { words: ["截止2024"] } },
  { name: "a local term with 的", text: "认真的学习了。", config: { words: ["认真的学习"] } },
];
const USER_INVALID: InvalidCase[] = [
  { name: "the word elsewhere is still checked", text: "贯撤村要贯撤精神。", config: { words: ["贯撤村"] }, findings: [{ excerpt: "贯撤", start: 4 }], output: "贯撤村要贯彻精神。" },
  { name: "a user word that does not cover the finding", text: "布署工作。", config: { words: ["署工"] }, findings: [{ excerpt: "布署" }] },
  { name: "a longer unrelated user word", text: "再接再励。", config: { words: ["乌兰察布"] }, findings: [{ excerpt: "再接再励" }] },
  { name: "a user word before the finding", text: "河长制一愁莫展。", config: { words: ["河长制"] }, findings: [{ excerpt: "一愁莫展" }] },
  { name: "a user word after the finding", text: "2O个河长制", config: { words: ["河长制"] }, findings: [{ excerpt: "2O" }] },
];

runRuleTests(typo, {
  valid: [
    ...ZHI_VALID,
    ...WORD_VALID,
    ...VARIANT_VALID,
    ...JIEZHI_VALID,
    ...DOUBLED_VALID,
    ...DWORD_VALID,
    ...DI_VALID,
    ...DE_VALID,
    ...LETTER_VALID,
    ...ACRONYM_VALID,
    ...USER_VALID,
  ],
  invalid: [
    ...ZHI_INVALID,
    ...WORD_INVALID,
    ...VARIANT_INVALID,
    ...JIEZHI_INVALID,
    ...DOUBLED_INVALID,
    ...DWORD_INVALID,
    ...DI_INVALID,
    ...DE_INVALID,
    ...LETTER_INVALID,
    ...ACRONYM_INVALID,
    ...USER_INVALID,
  ],
});

describe("typo word lists", () => {
  it("hold at least 400 curated entries, each a real change with a reason", () => {
    expect(TYPO_ENTRIES.length).toBeGreaterThanOrEqual(400);
    for (const e of TYPO_ENTRIES) {
      expect(e.wrong).not.toBe(e.right);
      expect(e.wrong.length).toBeGreaterThanOrEqual(2);
      expect(["sound", "shape", "fixed", "variant", "norm"]).toContain(e.kind);
    }
    expect(new Set(TYPO_ENTRIES.map((e) => e.wrong)).size).toBe(TYPO_ENTRIES.length);
  });

  it("variant forms are hints, never errors", () => {
    for (const e of [...VARIANT_ENTRIES, ...ZHANG_ENTRIES, ...NORM_ENTRIES]) expect(e.severity === "info" || e.severity === "warning").toBe(true);
  });

  it("no right word is itself reported", () => {
    const text = TYPO_ENTRIES.map((e) => e.right).join("。");
    const found = runRule(typo, { doc: docFromText(text) });
    expect(found.map((f) => f.excerpt)).toEqual([]);
  });

  it("reports every wrong word on its own, with its fix", () => {
    for (const e of [...WORD_ENTRIES, ...IDIOM_ENTRIES, ...VARIANT_ENTRIES, ...ZHANG_ENTRIES, ...NORM_ENTRIES]) {
      if (e.unlessLater) continue;
      const found = runRule(typo, { text: `。${e.wrong}。` });
      expect({ wrong: e.wrong, found: found.map((f) => f.excerpt) }).toEqual({ wrong: e.wrong, found: [e.wrong] });
      expect(found[0].fix?.text?.[0].text).toBe(e.right);
    }
  });

  it("a fixed text gives no finding of the same check at the same place", () => {
    const cases = [...ZHI_INVALID, ...WORD_INVALID, ...VARIANT_INVALID, ...JIEZHI_INVALID, ...DOUBLED_INVALID, ...DWORD_INVALID, ...DI_INVALID, ...DE_INVALID, ...LETTER_INVALID, ...ACRONYM_INVALID];
    for (const c of cases) {
      if (c.options || c.config || c.text === undefined) continue;
      const doc = docFromText(c.text);
      const found = runRule(typo, { doc });
      const fixed = applyFixes(doc, found.flatMap((f) => (f.fix ? [f.fix] : [])));
      const again = runRule(typo, { doc: fixed });
      for (const f of found) {
        expect({ text: c.text, again: again.filter((g) => g.messageId === f.messageId && g.start === f.start).map((g) => g.excerpt) }).toEqual({ text: c.text, again: [] });
      }
    }
  });

  it("never reports the legitimate reduplications", () => {
    const text = [...LEGIT_REDUPLICATIONS].map((w) => `我们${w}这样做`).join("，");
    expect(runRule(typo, { text })).toEqual([]);
  });

  it("never crashes on odd strings", () => {
    for (const text of ["", "的", "的的", "截", "截止", "截至", "\ud800的\udc00", "\u200b认真的\u200b", "，。；", "O", "1", "l", "WT", "认真的", "说的很"]) {
      expect(() => runRule(typo, { text })).not.toThrow();
    }
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const unit = "截至目前，全市已部署重点项目120个，的确实实在在地推进了工作，常常深入基层，认真的态度，做得很好，WTO规则。";
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    runRule(typo, { text });
  });
});
