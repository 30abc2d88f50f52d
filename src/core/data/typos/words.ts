/**
 * Wrong words (not idioms) frequent in drafts of official documents, written for this project
 * from the 《现代汉语词典》 word forms and the kinds of confusion that published lists of common
 * errors describe (a character of the same sound or a similar shape inside a fixed word).
 *
 * Every wrong form here is not a word of its own. Where the wrong form could also be the tail of
 * one word and the head of the next (「分布」+「署名」, 「攻坚」+「难点」), a guard names the
 * neighbours that cancel it. Forms that are right in some contexts (启用/起用, 截止/截至,
 * 必需/必须, 度过/渡过, 权利/权力, 窜改/篡改 …) are left out on purpose, and so are forms that are
 * common in people's names (安祥, 侯选 alone, 余辉): the user dictionary is for names, but a check
 * that flags a colleague's name on every page gets switched off.
 */
import { pairs, type TypoEntry } from "./types";

/**
 * 账 for money and accounts, 帐 for curtains and tents (现代汉语词典): 帐篷、蚊帐、帐幕 stay. A form
 * ending in 帐 is cancelled when a tent follows (入帐篷, 进入帐内).
 */
const ZHANG_TENT_AFTER = { notBefore: ["篷", "幕", "子", "房", "内", "中", "外", "里", "下"] };
const ZHANG_NOTE = { severity: "info" as const, note: "与钱财、账目有关的用“账”，“帐”用于帐篷、蚊帐" };

export const WORD_ENTRIES: TypoEntry[] = [
  // —— guarded or context-dependent ——
  { wrong: "布署", right: "部署", kind: "sound", notAfter: "分公宣发颁遍散密摆瀑" },
  { wrong: "步署", right: "部署", kind: "sound", notAfter: "一" },
  { wrong: "急待", right: "亟待", kind: "sound", severity: "warning", notAfter: "紧焦着危火", notBefore: ["命", "遇", "人", "客", "在"], note: "“亟待”意为急需" },
  { wrong: "既使", right: "即使", kind: "sound", severity: "warning", unlessLater: ["又", "也使", "还使", "更使", "也让", "同时"] },
  { wrong: "既便", right: "即便", kind: "sound", severity: "warning", notBefore: ["利", "于", "民", "捷", "宜"] },
  { wrong: "坚苦", right: "艰苦", kind: "sound", notAfter: "中攻" },
  { wrong: "坚难", right: "艰难", kind: "sound", notAfter: "攻中" },
  ...pairs("sound", ["坚巨>艰巨", "坚辛>艰辛"], { notAfter: "攻中" }),
  { wrong: "关健", right: "关键", kind: "shape", notBefore: ["康", "身", "全"] },
  { wrong: "竟争", right: "竞争", kind: "shape", notAfter: "究毕", notBefore: ["取", "夺", "先", "着", "辩"] },
  { wrong: "竟相", right: "竞相", kind: "shape", notAfter: "究毕" },
  // 竟 after 毕/究 is the end of 毕竟/究竟 (毕竟技术…, 究竟标准…)
  ...pairs("shape", ["竟赛>竞赛", "竟技>竞技", "竟标>竞标", "竟聘>竞聘"], { notAfter: "究毕" }),
  { wrong: "究竞", right: "究竟", kind: "shape", notAfter: "研讲终追深探考" },
  { wrong: "惯彻", right: "贯彻", kind: "sound", notAfter: "习" },
  { wrong: "必竟", right: "毕竟", kind: "sound", notAfter: "不未务势何" },
  { wrong: "即然", right: "既然", kind: "sound", notAfter: "立随旋" },
  { wrong: "免强", right: "勉强", kind: "sound", notAfter: "任避" },
  { wrong: "像征", right: "象征", kind: "sound", notAfter: "好画图肖偶录影佛想" },
  { wrong: "查觉", right: "察觉", kind: "sound", notAfter: "调检审核排督巡抽复" },
  { wrong: "觉查", right: "觉察", kind: "sound", notAfter: "自感睡知警视听直错幻" },
  { wrong: "固疾", right: "痼疾", kind: "sound", notAfter: "巩牢坚稳加凝顽永" },
  { wrong: "频危", right: "濒危", kind: "sound", notAfter: "视音频" },
  { wrong: "感概", right: "感慨", kind: "sound", notAfter: "敏孝好情美" },
  { wrong: "峻工", right: "竣工", kind: "sound", notAfter: "严险" },
  { wrong: "真缔", right: "真谛", kind: "sound", notAfter: "认当天" },
  { wrong: "恰谈", right: "洽谈", kind: "sound", notAfter: "恰" },
  { wrong: "调济", right: "调剂", kind: "sound", notBefore: ["南", "宁"] },
  { wrong: "担误", right: "耽误", kind: "sound", notAfter: "承负分" },
  { wrong: "海拨", right: "海拔", kind: "sound", notAfter: "上沿南北东渤黄近公" },
  { wrong: "按装", right: "安装", kind: "sound", notBefore: ["备", "修", "载", "订", "卸", "配", "饰", "机", "置"] },
  { wrong: "克苦", right: "刻苦", kind: "sound", notBefore: ["难", "痛", "战"] },
  { wrong: "发韧", right: "发轫", kind: "shape", notBefore: ["性", "劲"] },
  { wrong: "频临", right: "濒临", kind: "sound", notAfter: "频视音" },
  { wrong: "侯选人", right: "候选人", kind: "shape" },
  { wrong: "座落", right: "坐落", kind: "sound", severity: "warning", notBefore: ["成", "后", "实", "地", "户", "下"] },
  { wrong: "家俱", right: "家具", kind: "sound", notBefore: ["乐"] },
  { wrong: "形像", right: "形象", kind: "sound", notAfter: "情地方圆矩菱图外体变字隐雏队圈畸身弧", notBefore: ["素"] },
  { wrong: "掘起", right: "崛起", kind: "shape", notAfter: "挖发采开" },
  { wrong: "导至", right: "导致", kind: "sound", notAfter: "传引疏诱倡领指督主教辅向" },
  { wrong: "贯切", right: "贯彻", kind: "sound", notAfter: "一横纵连", notBefore: ["实", "合"] },
  { wrong: "自已", right: "自己", kind: "shape", notAfter: "来各出源独亲擅暗径私", notBefore: ["经", "有", "完", "达", "被", "在", "于", "建", "成", "开", "实", "获", "取", "形", "发", "确", "知", "明", "公", "颁", "出", "制", "批", "进", "签", "退", "投"] },
  { wrong: "己经", right: "已经", kind: "shape", notAfter: "自知异利克舍" },
  { wrong: "早己", right: "早已", kind: "shape" },
  { wrong: "不得己", right: "不得已", kind: "shape" },
  { wrong: "招开", right: "召开", kind: "sound", notAfter: "一高绝怪新妙损奇花", notBefore: ["发"] },
  { wrong: "慎密", right: "缜密", kind: "sound", severity: "warning", notAfter: "谨审" },
  { wrong: "决择", right: "抉择", kind: "sound", notAfter: "解判裁否表对坚自" },

  // —— same or close sound ——
  ...pairs("sound", [
    "贯撤>贯彻", "防碍>妨碍", "渲泄>宣泄", "宣染>渲染", "毕竞>毕竟", "坐阵>坐镇", "冒然>贸然",
    "坐谈会>座谈会", "坐右铭>座右铭", "付作用>副作用", "陷井>陷阱", "通霄>通宵", "元霄>元宵", "云宵>云霄", "九宵>九霄",
    "弦律>旋律", "寒喧>寒暄", "严竣>严峻", "险竣>险峻", "渡假>度假", "装祯>装帧",
    "入场卷>入场券", "证卷>证券", "债卷>债券", "国库卷>国库券", "优惠卷>优惠券", "奖卷>奖券",
    "消毁>销毁", "攻尖>攻坚", "针炙>针灸", "膨涨>膨胀", "挖墙角>挖墙脚",
    "蕴酿>酝酿", "蜂涌>蜂拥", "精萃>精粹", "汇萃>荟萃", "荟粹>荟萃", "缀学>辍学", "缀述>赘述", "制肘>掣肘", "姿意>恣意",
    "决窍>诀窍", "泛烂>泛滥", "灿滥>灿烂", "冷默>冷漠", "默视>漠视", "比谕>比喻", "犹预>犹豫", "尤如>犹如",
    "犹其>尤其", "优患>忧患", "揉合>糅合", "杂揉>杂糅", "涣发>焕发", "焕散>涣散", "换散>涣散", "真蒂>真谛", "编缉>编辑", "通辑>通缉", "逻缉>逻辑", "庚续>赓续", "戒勉>诫勉", "融恰>融洽", "洽当>恰当",
    "浩翰>浩瀚", "眩耀>炫耀", "倾刻>顷刻", "顷听>倾听", "端祥>端详", "祥细>详细", "祥尽>详尽", "慈详>慈祥",
    "观磨>观摩", "锻练>锻炼", "提练>提炼", "反溃>反馈", "溃乏>匮乏", "振灾>赈灾",
    "遗误>贻误", "婉惜>惋惜", "苍桑>沧桑", "鼓厉>鼓励", "激厉>激励", "勉厉>勉励", "奖厉>奖励",
    "严励>严厉", "砥励>砥砺", "磨励>磨砺", "致关重要>至关重要", "甚致>甚至", "至力于>致力于", "凶涌>汹涌", "涌跃>踊跃",
    "踊现>涌现", "拥肿>臃肿", "帅先>率先", "阻饶>阻挠", "富挠>富饶", "清析>清晰", "分晰>分析", "剖晰>剖析", "精僻>精辟",
    "开僻>开辟", "蔽端>弊端", "敝端>弊端", "抵毁>诋毁", "掺扶>搀扶", "修膳>修缮", "纵恿>怂恿", "荒缪>荒谬", "缪论>谬论",
    "缪误>谬误", "污陷>诬陷", "贯输>灌输", "问侯>问候", "气侯>气候", "时侯>时候", "火侯>火候", "等侯>等候",
    "辨证唯物>辩证唯物", "唯物辨证>唯物辩证", "辨证法>辩证法", "辨论>辩论", "答辨>答辩", "辨护>辩护", "争辨>争辩",
    "辨驳>辩驳", "辨解>辩解", "辩别>辨别", "辩认>辨认", "辩析>辨析", "辩识>辨识", "搏览会>博览会", "缈小>渺小",
    "讫今>迄今", "迄立>屹立", "募然>蓦然", "张驰>张弛", "弛名>驰名", "奔弛>奔驰", "堪察>勘察",
    "堪探>勘探", "堪误>勘误", "勘称>堪称", "精堪>精湛", "拔款>拨款", "拔付>拨付", "调拔>调拨", "选拨>选拔",
    "提拨>提拔", "挺拨>挺拔", "拔冗>拨冗", "点拔>点拨", "屡职>履职", "履次>屡次", "陶治>陶冶", "消弱>削弱",
    "遣责>谴责", "湎怀>缅怀", "沉缅>沉湎", "萎糜>萎靡", "风糜>风靡", "愤概>愤慨", "慷概>慷慨",
    "气慨>气概", "急燥>急躁", "烦燥>烦躁", "枯躁>枯燥", "暴燥>暴躁", "浮燥>浮躁", "干躁>干燥", "竞然>竟然",   ]),

  // —— similar shape ——
  ...pairs("shape", [
    "分岐>分歧", "编篡>编纂", "追朔>追溯", "国藉>国籍", "书藉>书籍", "户藉>户籍", "学藉>学籍", "党藉>党籍", "典藉>典籍",
    "古藉>古籍", "藉贯>籍贯", "慰籍>慰藉", "震憾>震撼", "憾动>撼动", "遗撼>遗憾", "蜇伏>蛰伏", "膺品>赝品", "暇疵>瑕疵",
    "暇想>遐想", "迁徒>迁徙", "搏弈>博弈", "博奕>博弈", "博击>搏击", "博斗>搏斗", "拼博>拼搏", "脉博>脉搏", "幅射>辐射",
    "辐员>幅员", "杀戳>杀戮", "磅薄>磅礴", "簿弱>薄弱", "账薄>账簿", "登记薄>登记簿", "松驰>松弛", "崛强>倔强",
    "挖崛>挖掘", "遂道>隧道", "驰聘>驰骋", "招骋>招聘", "猖蹶>猖獗", "猖厥>猖獗", "深遂>深邃", "瞻养>赡养", "凋弊>凋敝", "末稍>末梢", "树稍>树梢", "清淅>清晰", "演译>演绎",
  ]),
];

/** 帐 for 账 (money, accounts): 现代汉语规范 uses 账; older texts wrote 帐, so these are hints. */
export const ZHANG_ENTRIES: TypoEntry[] = [
  ...pairs("norm", ["帐号>账号", "帐户>账户", "帐目>账目", "帐单>账单", "帐务>账务", "帐簿>账簿", "帐款>账款", "帐面>账面", "帐册>账册"], ZHANG_NOTE),
  ...pairs(
    "norm",
    [
      "记帐>记账", "查帐>查账", "对帐>对账", "结帐>结账", "算帐>算账", "转帐>转账", "报帐>报账", "赊帐>赊账", "欠帐>欠账",
      "赖帐>赖账", "假帐>假账", "入帐>入账", "销帐>销账", "挂帐>挂账", "做帐>做账", "呆帐>呆账", "坏帐>坏账", "流水帐>流水账",
      "糊涂帐>糊涂账", "明细帐>明细账", "台帐>台账",
    ],
    { ...ZHANG_NOTE, ...ZHANG_TENT_AFTER },
  ),
];

/** Forms the current norms have replaced; older texts used them correctly, so they are hints or warnings. */
export const NORM_ENTRIES: TypoEntry[] = [
  { wrong: "其它", right: "其他", kind: "norm", severity: "info", notAfter: "尤", note: "现代汉语规范用法中“其他”可兼指人和事物，公文中宜统一用“其他”" },
  { wrong: "撤消", right: "撤销", kind: "norm", severity: "warning" },
  { wrong: "签定", right: "签订", kind: "norm", severity: "warning", note: "订立条约、合同、协议用“签订”" },
  { wrong: "部份", right: "部分", kind: "norm", severity: "info", notBefore: ["额"] },
  { wrong: "做为", right: "作为", kind: "norm", severity: "warning", notBefore: ["民", "人民", "群众"] },
  { wrong: "重迭", right: "重叠", kind: "norm", severity: "info", notBefore: ["代"] },
  { wrong: "想像", right: "想象", kind: "norm", severity: "info", notAfter: "理思梦幻不心设" },
  { wrong: "执著", right: "执着", kind: "norm", severity: "info" },
  { wrong: "固步自封", right: "故步自封", kind: "norm", severity: "info" },
];
