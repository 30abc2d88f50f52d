/**
 * Which office a heading is written for (issue #11): 教育 words point to the 教育 domain, and so on.
 * The ranking lifts entries of the inferred domain a little (a theme match still comes first) and
 * the 提示语 tab can filter by domain outright.
 *
 * Cues are matched as substrings, longest first at each position (linear in the text). A cue
 * written "~…" is a general word that several offices use (改革, 创新, 市场) and counts half.
 * 通用/办公室 has cues too (办公室, 办文办会, 参谋助手): a heading about the office's own work
 * should prefer the office's phrases over a line ministry's.
 */
import { DOMAINS, type Domain } from "./types";

export const DOMAIN_CUES: Readonly<Record<Domain, readonly string[]>> = {
  "通用/办公室": ["办公室", "办文", "办会", "~办事", "文稿", "参谋助手", "督查督办", "~机关", "政务信息", "公文", "会务", "~值班", "~档案", "机要", "政府自身建设", "~后勤"],
  教育: ["教育", "学校", "校园", "教师", "师德", "学生", "课堂", "教学", "办学", "立德树人", "双减", "学前", "义务教育", "~高中", "职业教育", "高校", "~招生", "控辍保学", "育人", "思政课", "家校", "校长", "~课程"],
  经济发展: ["经济", "~增长", "~投资", "~消费", "内需", "~项目", "产业", "工业", "制造业", "外贸", "外资", "招商", "~财政", "~金融", "税收", "GDP", "~县域", "园区", "实体经济", "稳增长", "市场主体", "现代化产业体系", "民营经济"],
  党建与党风廉政: ["党建", "党风", "廉政", "廉洁", "反腐", "腐败", "~纪律", "纪检", "监察", "巡察", "八项规定", "从严治党", "党组织", "~党员", "~主题教育", "政治建设", "正风肃纪", "四风", "警示教育", "党支部", "组织生活"],
  乡村振兴与农业农村: ["乡村", "农村", "农业", "农民", "三农", "粮食", "耕地", "种业", "脱贫", "驻村", "村集体", "宅基地", "人居环境", "和美乡村", "高标准农田", "农产品", "防返贫", "~帮扶", "涉农", "~丰收"],
  生态环保: ["生态", "环保", "~环境", "污染", "大气", "水质", "碳达峰", "碳中和", "降碳", "减排", "~绿色", "河长", "林长", "督察", "固废", "蓝天", "碧水", "净土", "~美丽", "~节能"],
  安全生产与应急: ["安全生产", "应急", "~事故", "~隐患", "消防", "防汛", "抗旱", "危化", "矿山", "燃气", "自然灾害", "~救援", "安全红线", "安全监管", "安全发展", "防灾减灾", "森林防火", "道路交通", "治本攻坚", "三管三必须"],
  营商环境与改革: ["营商环境", "营商", "放管服", "审批", "政务服务", "一网通办", "市场准入", "公平竞争", "涉企", "惠企", "亲清", "~改革", "~市场化", "~法治化", "~便利化", "减税降费", "市场监管", "~信用", "壁垒", "一件事"],
  民生与社会保障: ["民生", "~就业", "社保", "社会保障", "养老", "医保", "救助", "低保", "托育", "残疾", "~住房", "~收入", "兜底", "民政", "优抚", "退役军人", "困难群众", "为民办实事", "慈善", "社会福利", "一老一小"],
  科技创新: ["科技", "~创新", "研发", "科研", "~技术", "高新", "专精特新", "成果转化", "实验室", "创新平台", "新质生产力", "~数字", "人工智能", "知识产权", "~攻关", "孵化", "科创", "科技型企业"],
  宣传文化: ["宣传", "~文化", "意识形态", "舆论", "新闻", "网信", "~文明", "文艺", "文旅", "旅游", "文物", "非遗", "~媒体", "融媒体", "~阵地", "核心价值观", "精神文明", "志愿服务", "讲好故事", "理论宣讲"],
  卫生健康: ["卫生", "~健康", "医疗", "医院", "医保", "医生", "医务", "疾控", "疫情", "公共卫生", "中医药", "基层医疗", "分级诊疗", "爱国卫生", "传染病", "~护理", "~药品", "健康中国", "妇幼", "家庭医生"],
  政法与平安建设: ["政法", "平安", "~法治", "执法", "司法", "公安", "检察", "法院", "治安", "扫黑除恶", "矛盾纠纷", "信访", "维稳", "社会稳定", "电信诈骗", "禁毒", "政法干警", "枫桥经验", "~公正", "~依法"],
  基层治理: ["基层治理", "社区", "网格", "村居", "村委", "居委", "~街道", "~乡镇", "村民自治", "共建共治共享", "物业", "小区", "~减负", "网格员", "社会治理", "接诉即办", "村规民约", "~基层"],
  企业经营管理: ["企业", "公司", "集团", "~经营", "营业收入", "利润", "~成本", "~市场", "~客户", "~产品", "~质量", "~安全生产", "合规", "国企", "降本增效", "班组", "~职工", "员工", "管理提升", "商业秘密", "董事会", "主业"],
  干部人才队伍: ["干部", "人才", "~队伍", "选人用人", "年轻干部", "领导班子", "~考核", "~培训", "引才", "育才", "留才", "能上能下", "组织部", "容错", "~激励", "~担当作为", "~后备", "~梯队", "~专业化", "公务员"],
};

interface Cue {
  text: string;
  domain: number;
  weight: number;
}

const BY_FIRST = new Map<number, Cue[]>();
for (let d = 0; d < DOMAINS.length; d++) {
  for (const cue of DOMAIN_CUES[DOMAINS[d]]) {
    const weak = cue.startsWith("~");
    const text = weak ? cue.slice(1) : cue;
    const k = text.charCodeAt(0);
    let arr = BY_FIRST.get(k);
    if (!arr) BY_FIRST.set(k, (arr = []));
    arr.push({ text, domain: d, weight: weak ? 0.5 : 1 });
  }
}
for (const arr of BY_FIRST.values()) arr.sort((a, b) => b.text.length - a.text.length);

/**
 * Domain weights (indexed like DOMAINS, largest 1, all 0 when nothing points anywhere) from the cue
 * words. Each domain counts its strongest cue fully and every further one at half. Linear in the text.
 */
export function inferDomains(text: string): Float32Array {
  const w = new Float32Array(DOMAINS.length);
  if (typeof text !== "string" || !text) return w;
  const s = text.length > 300 ? text.slice(0, 300) : text;
  const best = new Float32Array(DOMAINS.length);
  for (let i = 0; i < s.length; i++) {
    const arr = BY_FIRST.get(s.charCodeAt(i));
    if (!arr) continue;
    for (const cue of arr) {
      if (!s.startsWith(cue.text, i)) continue;
      const d = cue.domain;
      if (cue.weight > best[d]) {
        w[d] += best[d] / 2;
        best[d] = cue.weight;
      } else w[d] += cue.weight / 2;
    }
  }
  for (let d = 0; d < w.length; d++) w[d] += best[d];
  let max = 0;
  for (let d = 0; d < w.length; d++) if (w[d] > max) max = w[d];
  if (max > 0) for (let d = 0; d < w.length; d++) w[d] /= max;
  return w;
}

export const DOMAIN_INDEX: ReadonlyMap<string, number> = new Map(DOMAINS.map((d, i) => [d, i]));

/** An entry's domains as a bit mask (bit i = DOMAINS[i]); 0 when it names none (= any domain). */
export function domainMask(domains: unknown): number {
  if (!Array.isArray(domains)) return 0;
  let m = 0;
  for (const d of domains) {
    const i = typeof d === "string" ? DOMAIN_INDEX.get(d) : undefined;
    if (i !== undefined) m |= 1 << i;
  }
  return m;
}
