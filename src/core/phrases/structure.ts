/**
 * What a heading's shape says about its theme, whatever the words it is about.
 *
 * A clerk's heading is often a frame around a topic: 「2021年工作的总体要求」 is about the year's
 * situation and tasks whatever the year, 「要有钉钉子精神」 is about a mindset, 「实施……工程」 is a
 * task, 「……迈上新台阶」 a result. The frames are few and stable across offices, so they carry over to
 * headings the lexicon never saw. Each pattern gives theme weights (0 … 1); the strongest per theme
 * counts.
 *
 * Every pattern is a plain regular expression with bounded gaps (.{0,n}) and no nested quantifiers,
 * run over at most 300 characters: linear in the heading.
 */
import { THEMES, type Theme } from "./types";

type Weights = Partial<Record<Theme, number>>;

interface Frame {
  re: RegExp;
  themes: Weights;
}

/**
 * The noun before 意识 decides which mindset it is (增强纪律意识 is discipline, 大局意识 is politics).
 * Checked in order; the first family whose word stands right before 意识 wins.
 */
const AWARENESS: Array<[RegExp, Weights]> = [
  [/(?:纪律|规矩|廉洁|廉政|法纪|守纪|自律)(?:和|与|、)?.{0,6}$/, { 廉洁: 1, 作风: 0.8 }],
  [/(?:保密|泄密|国家安全|信息安全|网络安全)(?:和|与|、)?.{0,4}$/, { 保密: 1 }],
  [/(?:政治|大局|核心|看齐|全局|阵地|意识形态|党员|党性)(?:和|与|、)?.{0,4}$/, { 政治: 1 }],
  [/(?:安全|红线|底线|风险|忧患|危机|防范)(?:和|与|、)?.{0,4}$/, { 重要性: 0.8, 落实: 0.7, 问题: 0.6 }],
  [/(?:服务|宗旨|群众|为民|客户|用户)(?:和|与|、)?.{0,4}$/, { 服务: 1 }],
  [/(?:创新|改革|开拓|进取|机遇)(?:和|与|、)?.{0,4}$/, { 创新: 1 }],
  [/(?:责任|担当|使命|主人翁|奉献|实干|效率|时间|节约|勤俭)(?:和|与|、)?.{0,4}$/, { 作风: 1, 重要性: 0.6 }],
  [/(?:法治|法律|规则|程序|规范|证据|质量|精品|品牌|市场|成本|效益|竞争|经营)(?:和|与|、)?.{0,4}$/, { 素质能力: 0.9, 作风: 0.6 }],
  [/(?:协作|团结|合作|协同|全局一盘棋|配合)(?:和|与|、)?.{0,4}$/, { 协调: 1 }],
  [/(?:学习|读书|终身学习)(?:和|与|、)?.{0,4}$/, { 学习: 1 }],
];

const FRAMES: Frame[] = [
  // A year's or a period's frame: situation, requirements, goals.
  {
    re: /(?:总体要求|总体部署|总体思路|总体安排|总体目标|指导思想|指导方针|指导原则|基本思路|基本方针|政策取向|工作思路|奋斗目标|主要目标|预期目标|目标任务|总基调|基本要求|战略部署)/,
    themes: { 形势: 1, 落实: 0.8 },
  },
  { re: /(?:面临的|当前的|新的)?(?:形势|挑战|机遇)(?:和|与)?(?:任务|要求)/, themes: { 形势: 1, 落实: 0.5 } },
  // The year's tasks.
  { re: /(?:重点工作|主要任务|工作任务|重点任务|工作安排|工作建议|政府工作的建议|工作部署)(?:任务)?$/, themes: { 落实: 1, 形势: 0.4 } },
  { re: /^(?:19|20)\d\d年.{0,10}(?:工作|任务)$/, themes: { 落实: 1 } },
  // A review of what was done.
  { re: /(?:工作回顾|回顾|工作总结|主要成绩|主要成效|基本经验|执行情况|历史性成就|伟大成就|伟大变革|历史性变革|来之不易)/, themes: { 成绩: 1 } },
  // A result already reached (reports write results as a clause after the task); see RESULT below.
  // Shortcomings and risks.
  {
    re: /(?:清醒(?:看到|认识)|存在的(?:问题|不足|差距)|还有不少|仍然存在|依然存在|不容忽视|差距和不足|问题和不足|短板|弱项|突出问题|隐患|防范化解|化解.{0,8}风险|防范.{0,8}风险|风险防控|整改|专项整治|破除|壁垒|顽瘴痼疾|歪风)/,
    themes: { 问题: 1 },
  },
  // Why it matters.
  {
    re: /(?:充分认识|深刻认识|提高.{0,4}认识|重要性|重要意义|重大意义|必要性|紧迫性|放在首位|摆在首位|放在突出位置|摆在突出位置|放在第一位|重中之重|头等大事|最大的民生|国之大计|党之大计|生命线|重于泰山|责任重大|关系重大|很重要|至关重要|战略地位|基础地位|重要地位)/,
    themes: { 重要性: 1 },
  },
  { re: /(?:是|作为).{1,12}的(?:根本|基础|关键|前提|保障|基石|命脉|根基|第一要务|重要支撑|重要抓手)$/, themes: { 重要性: 0.8 } },
  // A task to carry out: 实施……工程, 开展……行动, 攻坚战.
  { re: /(?:实施|推进|启动|抓好|打造).{1,24}工程/, themes: { 落实: 1 } },
  { re: /工程[”"」]?$/, themes: { 落实: 0.8 } },
  { re: /(?:开展|实施|深化|推进|启动|组织).{1,24}(?:行动|活动|攻坚|专项|竞赛)/, themes: { 落实: 1 } },
  { re: /(?:行动|攻坚战|攻坚|三年行动|专项行动)[”"」]?$/, themes: { 落实: 0.8 } },
  { re: /(?:打赢|打好|坚决打赢).{1,12}(?:战|攻坚战|持久战)/, themes: { 落实: 1 } },
  { re: /(?:责任制|责任清单|责任体系|目标责任|考核评价|督查督办|督促检查|跟踪问效|抓落实|落到实处|落实到位|落地见效|落地生根)/, themes: { 落实: 1 } },
  // A mindset: 要有……精神/劲头, ……的作风.
  {
    re: /^要(?:有|保持|发扬|弘扬).{0,24}(?:精神|劲头|干劲|拼劲|韧劲|闯劲|冲劲|锐气|勇气|魄力|作风|品格|品质|境界|情怀|胸怀|定力|态度)$/,
    themes: { 作风: 1 },
  },
  { re: /(?:钉钉子|精气神|劲头|干劲|拼劲|韧劲|闯劲|冲劲|锐气|马上就办|真抓实干|埋头苦干|实干|担当作为|敢于担当|勇于担当|不正之风|四风|作风|政风|行风|学风|文风|会风)/, themes: { 作风: 0.9 } },
  { re: /(?:精神|情怀|胸怀|品格|品质)$|的境界$/, themes: { 作风: 0.6 } },
  // 「关于……工作」: a section about a line of work.
  { re: /^关于.{1,16}(?:工作|建设)$/, themes: { 落实: 0.6 } },
  // Political direction; the 四个意识 and 四个自信 are politics, not 形势.
  {
    re: /(?:党的领导|党对.{0,12}领导|讲政治|政治建设|政治方向|政治立场|政治站位|理想信念|意识形态|核心价值观|两个维护|两个确立|四个意识|四个自信|总体国家安全观|思想道德|精神文明|民主集中制|党性|初心使命|对党忠诚)/,
    themes: { 政治: 1 },
  },
  // Study.
  { re: /(?:理论学习|学习教育|主题教育|武装头脑|凝心铸魂|理论武装|学习型|读书|学思践悟|以学促|学懂弄通)/, themes: { 学习: 1 } },
  // The team and its leadership.
  {
    re: /(?:加强|切实加强|改善|坚持)(?:党)?对.{1,20}(?:工作)?的领导|(?:干部|人才|教师|医务|社工|专业化|执法|政法|纪检监察|应急|党员|管理|技能人才|科技人才|网格员)队伍|领导班子|班子建设|基层组织建设|基层党组织|关心.{0,6}(?:干部|成长)|传帮带|年轻干部|后备干部|选人用人|人才支撑|人才强|能上能下|能进能出/,
    themes: { 队伍建设: 1 },
  },
  // Skills.
  { re: /(?:能力|本领|素质|素养|水平|业务|专业化|办文|办会|办事)(?:建设|提升|培训)?$/, themes: { 素质能力: 0.6 } },
  { re: /(?:本领|能力建设|能力素质|综合素质|业务能力|专业能力|履职能力|执行力|驾驭.{0,4}能力|精兵)/, themes: { 素质能力: 1 } },
  // Joining forces and balancing.
  {
    re: /(?:处理好.{1,24}关系|既要.{1,20}又要|统筹.{1,16}(?:和|与).{1,12}|协同|联动|合力|一盘棋|齐抓共管|多元化解|综合治理|沟通衔接|团结协作|区域协调|融合发展|共建共治共享|上下联动)/,
    themes: { 协调: 0.9 },
  },
  // Clean government.
  { re: /(?:党风廉政|反腐|腐败|廉洁|廉政|清廉|八项规定|正风肃纪|纪律建设|监督执纪|亲清|政商关系|监督体系|权力运行|以案促改|警示教育|全面从严治党|从严治党)/, themes: { 廉洁: 1 } },
  // Secrecy.
  { re: /(?:保密|涉密|泄密|失密|商业秘密|国家秘密|数据安全|网络安全|信息安全|个人信息|隐私)/, themes: { 保密: 1 } },
  // Service.
  {
    re: /(?:民生|为民|惠民|便民|利民|办实事|急难愁盼|群众满意|人民满意|获得感|幸福感|政务服务|营商服务|优化服务|服务企业|服务群众|服务型|放管服|一网通办|就业|社保|社会保障|养老|托育|救助|兜底|收入|帮扶|纾困|惠企|暖心|解难)/,
    themes: { 服务: 0.9 },
  },
  // Reform and innovation.
  { re: /(?:改革|创新|体制机制|转型升级|新动能|新质生产力|数字化|智能化|数智|科技攻关|攻关|解放思想|破冰|试点|首创|新模式|新业态)/, themes: { 创新: 0.9 } },
  // The closing call.
  {
    re: /(?:而(?:团结)?奋斗|而努力奋斗|而不懈奋斗|而努力|让我们|奋力谱写|再创.{0,4}辉煌|(?:创造|铸就|赢得|开创|成就|书写)(?:美好)?(?:未来|辉煌|伟业|新篇)|新的更大胜利|万岁|谢谢大家|今天就讲这些|我就讲这些|就讲到这里)/,
    themes: { 结尾: 1 },
  },
  // The opening.
  { re: /(?:今天我们|这次会议|本次会议|今天召开|召开.{0,12}会议|作报告|向大会|请予审议|向大家致以|主要任务是)/, themes: { 开场: 1 } },
  // A turn in the speech.
  { re: /(?:下面.{0,6}讲|讲几点|谈几点|几点意见|几点体会|几点看法|几个问题|再强调|刚才.{0,12}(?:讲|发言|通报))/, themes: { 过渡: 1 } },
];

/**
 * A result already reached: 「……迈上新台阶」「……实现全覆盖」「……明显增强」. The same words after 力争 /
 * 推动 / 确保 are a goal, which is a task first (落实) and a result only second.
 */
const RESULT =
  /(?:迈上.{0,3}台阶|上.{0,2}新台阶|走在.{0,8}前列|位居.{0,8}前列|名列前茅|创.{0,4}新高|创历史|首次突破|突破.{0,10}大关|实现全覆盖|全面覆盖|连丰|稳步增长|稳步提高|稳步提升|明显增强|显著增强|明显提高|显著提高|显著提升|大幅提升|大幅提高|持续改善|明显改善|持续向好|取得.{0,8}(?:成效|进展|成绩|突破|胜利|成就)|成效明显|成效显著|有了.{0,4}(?:发展|提高|增长)|加快成长|不断增强|不断壮大|持续增强|快速成长|如期完成|圆满完成|全面完成|超额完成|获得感.{0,4}增强|(?:提高|增强|改善|稳住|完成|实现|取得|扭转|缓解)了)/;
const GOAL = /(?:力争|争取|确保|努力|推动|推进|促进|加快|着力|奋力|力求|必须|^要|[，、]要)/;

const AWARE = /(.{0,12})意识(?!形态)/g;

const THEME_INDEX = new Map<string, number>(THEMES.map((t, i) => [t, i]));

function put(out: Float32Array, w: Weights, scale = 1): void {
  for (const [t, v] of Object.entries(w)) {
    const i = THEME_INDEX.get(t);
    if (i !== undefined && v !== undefined && v * scale > out[i]) out[i] = v * scale;
  }
}

/**
 * Theme weights (indexed like THEMES, each 0 … 1) from the heading's shape. Linear in the text
 * (at most 300 characters are read).
 */
export function structureThemes(text: string): Float32Array {
  const out = new Float32Array(THEMES.length);
  if (typeof text !== "string" || !text) return out;
  const s = text.length > 300 ? text.slice(0, 300) : text;
  for (const f of FRAMES) if (f.re.test(s)) put(out, f.themes);
  const result = RESULT.exec(s);
  if (result) put(out, GOAL.test(s.slice(0, result.index)) ? { 成绩: 0.5, 落实: 0.6 } : { 成绩: 1 });
  // …意识: by the word before it; an unknown one leans to 作风 (a mindset).
  AWARE.lastIndex = 0;
  for (let m = AWARE.exec(s); m; m = AWARE.exec(s)) {
    const before = m[1];
    const fam = AWARENESS.find(([re]) => re.test(before.slice(Math.max(0, before.lastIndexOf("的") + 1))) || re.test(before));
    put(out, fam ? fam[1] : { 作风: 0.6, 重要性: 0.5 });
    if (m[0].length === 0) AWARE.lastIndex++;
  }
  return out;
}
