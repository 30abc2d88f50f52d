/**
 * The theme lexicon: for each of the 18 themes, the cue words that point to it in a heading.
 *
 * Cues are matched as substrings of the heading (not as segmenter words), so the result does not
 * depend on how a given ICU build splits the words (Safari's segments differ from Node's). Strong
 * cues name the theme itself; weak cues merely lean towards it and count less.
 */
import { THEMES, type Theme } from "./types";

export interface ThemeCues {
  strong: readonly string[];
  weak: readonly string[];
}

export const THEME_CUES: Readonly<Record<Theme, ThemeCues>> = {
  开场: {
    strong: ["同志们", "今天", "这次会议", "本次会议", "召开", "开班", "开幕", "借此机会", "讲几点意见", "主要任务是", "会议的主要"],
    weak: ["会议", "座谈会", "培训班", "举办", "出席", "参加", "欢迎", "问候", "致以", "讲话", "表示感谢", "开个会", "动员", "目的"],
  },
  过渡: {
    strong: ["下面", "接下来", "再讲", "谈几点", "着重讲", "重点讲", "再强调", "第二个问题", "几个问题", "谈谈"],
    weak: ["刚才", "前面", "另一方面", "一方面", "此外", "几点看法", "几点体会", "几点想法", "为此", "基于此", "在此基础上", "说到这里", "围绕这个"],
  },
  成绩: {
    strong: ["成绩", "成效", "成果", "回顾", "总结", "取得", "业绩", "亮点", "来之不易", "有目共睹"],
    weak: ["过去一年", "一年来", "年来", "显著", "进展", "肯定", "表彰", "先进", "贡献", "辛勤", "付出", "稳中有进", "可圈可点", "感谢", "好评"],
  },
  问题: {
    strong: ["问题", "不足", "差距", "短板", "薄弱", "隐患", "弱项", "整改", "症结", "瓶颈"],
    weak: ["清醒认识", "查找", "矛盾", "困难", "风险", "不到位", "不够", "偏差", "滞后", "漏洞", "病根", "剖析", "反思", "缺位", "乏力", "失误", "检视", "警醒"],
  },
  形势: {
    strong: ["形势", "大局", "新时代", "新时期", "新阶段", "新常态", "新征程", "机遇", "大变局", "时代要求"],
    weak: ["新要求", "新任务", "新情况", "新挑战", "挑战", "时代", "环境", "变化", "趋势", "站位", "全局", "国内外", "当前", "面临", "认清", "把握", "研判", "前景"],
  },
  重要性: {
    strong: ["重要性", "重要地位", "重要作用", "重大意义", "必要性", "紧迫性", "责任感", "使命感", "紧迫感", "很重要"],
    weak: ["地位", "作用", "意义", "认识", "思想认识", "高度重视", "关键", "不可或缺", "中枢", "枢纽", "窗口", "门面", "前哨", "关系着", "充分认识", "深刻认识", "提高认识", "重要"],
  },
  政治: {
    strong: ["政治", "讲政治", "党性", "对党忠诚", "两个维护", "两个确立", "四个意识", "四个自信", "旗帜鲜明", "党的领导", "理想信念", "看齐"],
    weak: ["忠诚", "党中央", "核心", "初心", "信念", "立场", "大是大非", "政治机关", "党建", "党委", "方向", "站稳", "红色", "党员"],
  },
  学习: {
    strong: ["学习", "读书", "理论武装", "学思践悟", "钻研", "学以致用", "本领恐慌", "学习型", "终身学习", "勤学"],
    weak: ["理论", "思想武装", "研读", "培训", "充电", "知识", "求知", "自学", "思考", "研究", "调研", "向实践", "向群众", "常学常新", "知识更新", "学"],
  },
  素质能力: {
    strong: ["素质", "能力", "本领", "修养", "素养", "综合素质", "业务水平", "能力建设", "笔杆子", "多面手"],
    weak: ["水平", "业务", "专业", "文字", "文稿", "写作", "办文", "办会", "办事", "谋划", "执行力", "技能", "精湛", "过硬", "胜任", "一专多能", "提升", "提高"],
  },
  作风: {
    strong: ["作风", "务实", "求真", "形式主义", "官僚主义", "雷厉风行", "真抓实干", "实干", "转变作风", "马上就办", "严谨细致"],
    weak: ["扎实", "踏实", "严谨", "细致", "认真", "一丝不苟", "精益求精", "高效", "效能", "吃苦耐劳", "奉献", "甘于", "担当", "拖拉", "推诿", "慵懒", "文山会海", "埋头苦干", "零差错", "效率", "严格要求"],
  },
  服务: {
    strong: ["服务", "服务大局", "参谋助手", "当好参谋", "三服务", "为民", "办实事", "排忧解难", "急难愁盼", "围绕中心"],
    weak: ["保障", "后勤", "接待", "群众", "基层", "优质", "周到", "贴心", "便民", "满意", "参谋", "助手", "领导决策", "决策"],
  },
  创新: {
    strong: ["创新", "开拓", "改革", "与时俱进", "新思路", "新举措", "新方法", "新路子", "推陈出新", "创新型"],
    weak: ["突破", "思路", "探索", "信息化", "数字化", "智能化", "电子政务", "自动化", "现代化", "创造性", "进取", "破解", "转型", "变革", "新机制", "大胆", "互联网", "新台阶"],
  },
  落实: {
    strong: ["落实", "落地", "督查", "督办", "抓落实", "见效", "实效", "狠抓", "问效", "钉钉子", "一抓到底", "到位"],
    weak: ["执行", "推进", "推动", "跟踪", "考核", "责任制", "目标任务", "任务分解", "时间节点", "贯彻", "部署", "抓好", "完成", "兑现", "闭环", "清单", "措施", "各项工作"],
  },
  协调: {
    strong: ["协调", "统筹", "沟通", "配合", "协作", "合力", "联动", "一盘棋", "协同", "团结协作", "综合协调"],
    weak: ["团结", "衔接", "上下", "左右", "内外", "关系", "桥梁", "纽带", "齐心协力", "互相支持", "补位", "和谐", "融洽", "凝聚", "步调一致", "同频共振", "理顺", "环境"],
  },
  廉洁: {
    strong: ["廉洁", "廉政", "清廉", "自律", "腐败", "拒腐防变", "八项规定", "两袖清风", "以权谋私", "廉"],
    weak: ["纪律", "纪法", "干净", "底线", "红线", "诱惑", "公正", "慎独", "慎微", "节俭", "勤俭", "铺张", "私利", "警示", "守纪", "规矩", "正派", "公私分明", "亲清"],
  },
  保密: {
    strong: ["保密", "涉密", "泄密", "失密", "密件", "机要", "机密", "国家秘密", "网络安全", "信息安全", "窃密", "密级", "定密"],
    weak: ["秘密", "密码", "安全", "守口如瓶", "数据安全", "防范", "文件管理", "移动存储", "电子文件", "载体", "网络", "机关安全"],
  },
  队伍建设: {
    strong: ["队伍", "队伍建设", "干部队伍", "人才", "建设一支", "带队伍", "年轻干部", "梯队", "传帮带", "用人", "加强领导"],
    weak: ["干部", "培养", "选拔", "锻炼", "关心", "爱护", "激励", "交流", "后备", "班子", "管理", "成长", "人员", "工作人员", "关怀", "待遇", "提拔", "轮岗", "凝聚力", "建设"],
  },
  结尾: {
    strong: ["最后", "总之", "让我们", "新局面", "新篇章", "再创佳绩", "新的更大", "谢谢大家", "圆满成功", "共同努力"],
    weak: ["希望", "相信", "奋力", "开创", "谱写", "贡献力量", "祝愿", "携手", "展望", "以更加", "不懈奋斗", "蓬勃", "奋进"],
  },
};

/** Spans that contain a cue by accident (工作风险 holds 作风) and must not count as it. */
const FALSE_COMPOUNDS = ["工作风险", "工作风格", "工作风貌", "合作风", "廉价", "安全感", "学校", "科学", "留学", "作用户"];

const STRONG = 1;
const WEAK = 0.4;

interface Cue {
  text: string;
  theme: number;
  weight: number;
}

/** Cues by their first character, longest first, so a scan tries the longest cue at each position. */
const CUES_BY_FIRST = new Map<number, Cue[]>();
for (let t = 0; t < THEMES.length; t++) {
  const { strong, weak } = THEME_CUES[THEMES[t]];
  for (const [list, weight] of [
    [strong, STRONG],
    [weak, WEAK],
  ] as const) {
    for (const text of list) {
      const k = text.charCodeAt(0);
      let arr = CUES_BY_FIRST.get(k);
      if (!arr) CUES_BY_FIRST.set(k, (arr = []));
      arr.push({ text, theme: t, weight });
    }
  }
}
for (const arr of CUES_BY_FIRST.values()) arr.sort((a, b) => b.text.length - a.text.length);

/** Blanks out the false compounds so their inner cue is not seen. */
function maskFalseCompounds(text: string): string {
  let out = text;
  for (const f of FALSE_COMPOUNDS) {
    if (out.includes(f)) out = out.split(f).join("\u0000".repeat(f.length));
  }
  return out;
}

/**
 * Theme weights (indexed like THEMES) inferred from a text by the cue lexicon. Each theme counts
 * its strongest cue fully and further cues at a third, so a heading that names 作风 twice does not
 * drown out a second theme. Linear in the text length.
 */
export function inferThemes(text: string, scale = 1): Float32Array {
  const w = new Float32Array(THEMES.length);
  if (!text) return w;
  const best = new Float32Array(THEMES.length);
  const extra = new Float32Array(THEMES.length);
  const s = maskFalseCompounds(text.length > 400 ? text.slice(0, 400) : text);
  // Per theme, the end of the last cue counted: a shorter cue inside it (队伍 in 队伍建设) is skipped.
  const coveredUntil = new Int32Array(THEMES.length);
  for (let i = 0; i < s.length; i++) {
    const arr = CUES_BY_FIRST.get(s.charCodeAt(i));
    if (!arr) continue;
    for (const cue of arr) {
      if (coveredUntil[cue.theme] > i || !s.startsWith(cue.text, i)) continue;
      coveredUntil[cue.theme] = i + cue.text.length;
      if (cue.weight > best[cue.theme]) {
        extra[cue.theme] += best[cue.theme] / 3;
        best[cue.theme] = cue.weight;
      } else {
        extra[cue.theme] += cue.weight / 3;
      }
    }
  }
  for (let t = 0; t < THEMES.length; t++) w[t] = (best[t] + Math.min(extra[t], 0.6)) * scale;
  return w;
}

/** The themes whose weight reaches `ratio` of the strongest, strongest first. */
export function topThemes(weights: ArrayLike<number>, ratio = 0.5): Theme[] {
  let max = 0;
  for (let t = 0; t < weights.length; t++) if (weights[t] > max) max = weights[t];
  if (max <= 0) return [];
  const out: Array<[number, number]> = [];
  for (let t = 0; t < weights.length; t++) if (weights[t] >= max * ratio) out.push([t, weights[t]]);
  out.sort((a, b) => b[1] - a[1] || a[0] - b[0]);
  return out.map(([t]) => THEMES[t]);
}
