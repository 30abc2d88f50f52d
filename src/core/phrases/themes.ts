/**
 * What a heading is about, as weights over the 18 themes. Three sources, combined in headingThemes:
 *  - the hand-written cues below: for each theme the words (and their synonyms and near-synonyms:
 *    劲头/干劲/拼劲/韧劲 for 作风) that point to it; strong cues name the theme itself, weak cues
 *    merely lean towards it;
 *  - the learned lexicon (lexicon.ts), grown from some 800 real report headings labelled by hand
 *    (scripts/build-phrase-lexicon.js), which knows the words of offices' headings that no cue list
 *    names;
 *  - the heading's shape (structure.ts): 「……的总体要求」, 「要有……精神」, 「增强……意识」, 「实施……工程」.
 *
 * Cues are matched as substrings of the heading (not as segmenter words), so the result does not
 * depend on how a given ICU build splits the words (Safari's segments differ from Node's).
 */
import { LEARNED_LEXICON } from "./lexicon";
import { structureThemes } from "./structure";
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
    strong: ["成绩", "成效", "成果", "回顾", "总结", "取得", "业绩", "亮点", "来之不易", "有目共睹", "新台阶", "前列", "新高"],
    weak: ["过去一年", "一年来", "年来", "显著", "进展", "肯定", "表彰", "先进", "贡献", "辛勤", "付出", "稳中有进", "可圈可点", "感谢", "好评", "突破", "增长", "改善"],
  },
  问题: {
    strong: ["问题", "不足", "差距", "短板", "薄弱", "隐患", "弱项", "整改", "症结", "瓶颈", "风险"],
    weak: ["清醒认识", "查找", "矛盾", "困难", "不到位", "不够", "偏差", "滞后", "漏洞", "病根", "剖析", "反思", "缺位", "乏力", "失误", "检视", "警醒", "整治", "破除", "防范"],
  },
  形势: {
    strong: ["形势", "新时代", "新时期", "新阶段", "新常态", "新征程", "机遇", "大变局", "时代要求", "总体要求", "指导思想"],
    weak: ["新要求", "新任务", "新情况", "新挑战", "挑战", "时代", "变化", "趋势", "国内外", "当前", "面临", "认清", "把握", "研判", "前景", "目标", "方针", "思路"],
  },
  重要性: {
    strong: ["重要性", "重要地位", "重要作用", "重大意义", "必要性", "紧迫性", "责任感", "使命感", "紧迫感", "很重要", "放在首位", "重中之重"],
    weak: ["地位", "作用", "意义", "认识", "思想认识", "高度重视", "关键", "不可或缺", "中枢", "枢纽", "窗口", "门面", "前哨", "关系着", "充分认识", "深刻认识", "提高认识", "重要", "生命线", "基础"],
  },
  政治: {
    strong: ["政治", "讲政治", "党性", "对党忠诚", "两个维护", "两个确立", "四个意识", "四个自信", "旗帜鲜明", "党的领导", "理想信念", "看齐", "大局意识", "意识形态", "核心价值"],
    weak: ["忠诚", "党中央", "核心", "初心", "信念", "立场", "大是大非", "政治机关", "党建", "党委", "方向", "站稳", "红色", "党员", "思想道德", "精神文明", "民主", "国家安全", "法治"],
  },
  学习: {
    strong: ["学习", "读书", "理论武装", "学思践悟", "钻研", "学以致用", "本领恐慌", "学习型", "终身学习", "勤学", "凝心铸魂"],
    weak: ["理论", "思想武装", "研读", "培训", "充电", "知识", "求知", "自学", "思考", "调研", "向实践", "向群众", "常学常新", "知识更新", "武装"],
  },
  素质能力: {
    strong: ["素质", "能力", "本领", "修养", "素养", "综合素质", "业务水平", "能力建设", "笔杆子", "多面手"],
    weak: ["水平", "业务", "专业", "文字", "文稿", "写作", "办文", "办会", "办事", "谋划", "执行力", "技能", "精湛", "过硬", "胜任", "一专多能", "专业化", "质量"],
  },
  作风: {
    strong: ["作风", "务实", "求真", "形式主义", "官僚主义", "雷厉风行", "真抓实干", "实干", "转变作风", "马上就办", "严谨细致", "钉钉子", "不正之风", "劲头", "干劲", "拼劲", "韧劲"],
    weak: ["扎实", "踏实", "严谨", "细致", "认真", "一丝不苟", "精益求精", "高效", "效能", "吃苦耐劳", "奉献", "甘于", "担当", "拖拉", "推诿", "慵懒", "文山会海", "埋头苦干", "零差错", "效率", "严格要求", "精神", "闯劲"],
  },
  服务: {
    strong: ["服务", "服务大局", "参谋助手", "当好参谋", "三服务", "为民", "办实事", "排忧解难", "急难愁盼", "围绕中心", "民生", "就业"],
    weak: ["后勤", "接待", "群众", "优质", "周到", "贴心", "便民", "满意", "参谋", "助手", "领导决策", "决策", "收入", "社会保障", "获得感", "惠民", "营商", "纾困", "帮扶"],
  },
  创新: {
    strong: ["创新", "开拓", "改革", "与时俱进", "新思路", "新举措", "新方法", "新路子", "推陈出新", "创新型", "新动能"],
    weak: ["思路", "探索", "信息化", "数字化", "智能化", "电子政务", "自动化", "创造性", "进取", "破解", "转型", "变革", "新机制", "大胆", "互联网", "体制", "机制", "科技", "升级"],
  },
  落实: {
    strong: ["落实", "落地", "督查", "督办", "抓落实", "见效", "实效", "狠抓", "问效", "一抓到底", "到位", "工程", "行动"],
    weak: ["执行", "推进", "推动", "跟踪", "考核", "责任制", "目标任务", "任务分解", "时间节点", "贯彻", "部署", "抓好", "完成", "兑现", "闭环", "清单", "措施", "各项工作", "实施", "攻坚", "做好"],
  },
  协调: {
    strong: ["协调", "统筹", "沟通", "配合", "协作", "合力", "联动", "一盘棋", "协同", "团结协作", "综合协调"],
    weak: ["团结", "衔接", "关系", "桥梁", "纽带", "齐心协力", "互相支持", "补位", "和谐", "融洽", "凝聚", "步调一致", "同频共振", "理顺", "融合", "兼顾", "平衡", "共建共治"],
  },
  廉洁: {
    strong: ["廉洁", "廉政", "清廉", "自律", "腐败", "拒腐防变", "八项规定", "两袖清风", "以权谋私", "廉", "从严治党", "正风肃纪"],
    weak: ["纪律", "纪法", "干净", "诱惑", "公正", "慎独", "慎微", "节俭", "勤俭", "铺张", "私利", "警示", "守纪", "规矩", "正派", "公私分明", "亲清", "监督", "党风"],
  },
  保密: {
    strong: ["保密", "涉密", "泄密", "失密", "密件", "机要", "机密", "国家秘密", "网络安全", "信息安全", "窃密", "密级", "定密", "商业秘密"],
    weak: ["秘密", "密码", "守口如瓶", "数据安全", "文件管理", "移动存储", "电子文件", "载体", "机关安全", "隐私", "个人信息"],
  },
  队伍建设: {
    strong: ["队伍", "队伍建设", "干部队伍", "人才", "建设一支", "带队伍", "年轻干部", "梯队", "传帮带", "用人", "加强领导", "领导班子", "基层组织"],
    weak: ["干部", "培养", "选拔", "锻炼", "关心", "爱护", "激励", "后备", "班子", "成长", "工作人员", "关怀", "待遇", "提拔", "轮岗", "凝聚力", "党组织", "骨干"],
  },
  结尾: {
    strong: ["最后", "总之", "让我们", "新局面", "新篇章", "再创佳绩", "新的更大", "谢谢大家", "圆满成功", "共同努力", "而奋斗"],
    weak: ["希望", "相信", "奋力", "开创", "谱写", "贡献力量", "祝愿", "携手", "展望", "以更加", "不懈奋斗", "蓬勃", "奋进", "辉煌", "未来"],
  },
};

/** Spans that contain a cue by accident (工作风险 holds 作风) and must not count as it. */
const FALSE_COMPOUNDS = ["工作风险", "工作风格", "工作风貌", "合作风", "廉价", "安全感", "学校", "科学", "留学", "作用户", "创新高", "基础设施"];

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

// ---- the learned lexicon (grown from labelled real headings, see scripts/build-phrase-lexicon.js) ----

/** A trie over the learned runs: walking it from each position reads no substring. */
interface RunNode {
  next?: Map<number, RunNode>;
  /** [theme index, weight 0 … 1] pairs of the run ending here. */
  cells?: Array<[number, number]>;
}

let learned: RunNode | undefined;

function learnedLexicon(): RunNode {
  if (learned) return learned;
  const root: RunNode = {};
  for (const row of LEARNED_LEXICON.split("\n")) {
    const sp = row.indexOf(" ");
    if (sp <= 0) continue;
    const cells: Array<[number, number]> = [];
    for (const cell of row.slice(sp + 1).split(",")) {
      const [t, w] = cell.split(":");
      const ti = Number(t);
      if (Number.isInteger(ti) && ti >= 0 && ti < THEMES.length) cells.push([ti, Number(w) / 100]);
    }
    if (!cells.length) continue;
    let node = root;
    for (let i = 0; i < sp; i++) {
      const c = row.charCodeAt(i);
      node.next ??= new Map();
      let child = node.next.get(c);
      if (!child) node.next.set(c, (child = {}));
      node = child;
    }
    node.cells = cells;
  }
  return (learned = root);
}

/** A longer run says more than a shorter one inside it (by run length; runs are 2–4 characters). */
const RUN_WEIGHT = [0, 0, 1, 1.3, 1.6];

/**
 * Theme weights from the learned lexicon: the sum over the heading's character runs (2–4 Han
 * characters) that the lexicon knows. Linear in the text (at most 300 characters are read, and the
 * trie is at most four deep).
 */
export function learnedThemes(text: string): Float32Array {
  const w = new Float32Array(THEMES.length);
  if (typeof text !== "string" || !text) return w;
  const root = learnedLexicon();
  const end = Math.min(text.length, 300);
  for (let i = 0; i < end; i++) {
    let node = root.next?.get(text.charCodeAt(i));
    for (let j = i + 1; node && j < end && j - i < RUN_WEIGHT.length - 1; j++) {
      node = node.next?.get(text.charCodeAt(j));
      if (node?.cells) {
        const rw = RUN_WEIGHT[j - i + 1];
        for (const [t, v] of node.cells) w[t] += v * rw;
      }
    }
  }
  return w;
}

/** How much each source counts in headingThemes (each source is first scaled to a maximum of 1). */
export const SOURCE_WEIGHTS = { learned: 1, cues: 0.8, structure: 1.5, saturation: 4 } as const;

function scaledToMax(w: Float32Array): Float32Array {
  let max = 0;
  for (let t = 0; t < w.length; t++) if (w[t] > max) max = w[t];
  if (max > 1) for (let t = 0; t < w.length; t++) w[t] /= max;
  return w;
}

/**
 * The themes a heading points to (indexed like THEMES, largest 1, or all 0 when nothing is known):
 * the learned lexicon, the hand-written cues (synonyms and near-synonyms of each theme) and the
 * heading's shape (structure.ts), each scaled to at most 1 and added with SOURCE_WEIGHTS.
 */
export function headingThemes(text: string): Float32Array {
  const out = new Float32Array(THEMES.length);
  if (typeof text !== "string" || !text) return out;
  const l = learnedThemes(text);
  // Saturating: much evidence approaches 1, a single weak run stays weak.
  const sat = SOURCE_WEIGHTS.saturation;
  for (let t = 0; t < l.length; t++) l[t] = l[t] / (l[t] + sat);
  const c = scaledToMax(inferThemes(text));
  const s = structureThemes(text);
  for (let t = 0; t < out.length; t++) out[t] = SOURCE_WEIGHTS.learned * l[t] + SOURCE_WEIGHTS.cues * c[t] + SOURCE_WEIGHTS.structure * s[t];
  let max = 0;
  for (let t = 0; t < out.length; t++) if (out[t] > max) max = out[t];
  if (max > 0) for (let t = 0; t < out.length; t++) out[t] /= max;
  return out;
}
