import { structureThemes } from "../../../src/core/phrases/structure";
import { topThemes } from "../../../src/core/phrases/themes";
import { THEMES, type Theme } from "../../../src/core/phrases/types";

const top = (text: string) => topThemes(structureThemes(text), 0.99);
const weight = (text: string, theme: Theme) => structureThemes(text)[THEMES.indexOf(theme)];

describe("heading shapes → themes (issue #11)", () => {
  it.each<[string, Theme]>([
    // A year's overall frame: 形势 first.
    ["2021年工作的总体要求", "形势"],
    ["2024年全县安全生产工作的总体要求", "形势"],
    ["今年工作的指导思想和目标任务", "形势"],
    ["做好明年经济工作的政策取向", "形势"],
    // A mindset.
    ["要有钉钉子精神", "作风"],
    ["要有一抓到底的韧劲", "作风"],
    ["要保持只争朝夕的干劲", "作风"],
    // 意识: by the word before it.
    ["进一步增强纪律意识", "廉洁"],
    ["牢固树立规矩意识", "廉洁"],
    ["增强大局意识", "政治"],
    ["强化看齐意识", "政治"],
    ["牢固树立保密意识", "保密"],
    ["增强服务意识", "服务"],
    ["强化创新意识", "创新"],
    ["增强团结协作意识", "协调"],
    // A task.
    ["实施农村供水保障工程", "落实"],
    ["开展安全生产大排查大整治行动", "落实"],
    ["打好污染防治攻坚战", "落实"],
    ["2025年重点工作", "落实"],
    // A result.
    ["全市经济总量迈上新台阶", "成绩"],
    ["主要指标走在全省前列", "成绩"],
    ["营业收入首次突破千亿元大关", "成绩"],
    ["城乡居民收入稳步增长", "成绩"],
    ["过去一年工作回顾", "成绩"],
    // Why it matters; problems; politics; the team; joining forces.
    ["坚持把安全生产放在首位", "重要性"],
    ["充分认识做好新时代教育工作的重大意义", "重要性"],
    ["清醒看到存在的短板弱项", "问题"],
    ["有效防范化解重大风险", "问题"],
    ["坚持党对教育工作的全面领导", "政治"],
    ["加强干部队伍建设", "队伍建设"],
    ["处理好发展与安全的关系", "协调"],
    ["既要抓发展，又要保稳定", "协调"],
    // Closing and opening calls.
    ["为全面建设社会主义现代化国家而团结奋斗", "结尾"],
    ["同志们，今天我们召开这次会议", "开场"],
    ["下面，我讲几点意见", "过渡"],
  ])("「%s」→ %s", (heading, theme) => {
    expect(top(heading)).toContain(theme);
  });

  it("a result after 力争 / 推动 is a goal: a task first, a result second", () => {
    expect(weight("全市经济总量迈上新台阶", "成绩")).toBe(1);
    expect(weight("推动文稿服务质量迈上新台阶", "成绩")).toBeLessThan(weight("推动文稿服务质量迈上新台阶", "落实"));
    expect(weight("力争主要指标走在全省前列", "落实")).toBeGreaterThan(0);
  });

  it("意识形态 is not a mindset, and 新境界 is not 作风", () => {
    expect(weight("加强网络意识形态阵地建设", "作风")).toBe(0);
    expect(weight("加强网络意识形态阵地建设", "政治")).toBe(1);
    expect(weight("开辟马克思主义中国化时代化新境界", "作风")).toBe(0);
  });

  it("finds nothing in a plain task heading without a frame", () => {
    expect(top("稳定粮食生产")).toEqual([]);
  });

  it.each(["", "，。！？", "hello", "\ud800\u0000意识", "意识".repeat(5000), "要有".repeat(3000) + "精神", "总体要求".repeat(2000)])(
    "never throws on odd input (%#)",
    (text) => {
      const w = structureThemes(text);
      expect(w).toHaveLength(THEMES.length);
      for (const x of w) expect(Number.isFinite(x) && x >= 0 && x <= 1).toBe(true);
    },
  );
});
