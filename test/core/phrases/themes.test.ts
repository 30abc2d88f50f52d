import { inferThemes, topThemes, THEME_CUES } from "../../../src/core/phrases/themes";
import { THEMES } from "../../../src/core/phrases/types";

const top = (text: string) => topThemes(inferThemes(text));

describe("theme lexicon", () => {
  it("has 15–40 distinct cue words for each of the 18 themes", () => {
    expect(Object.keys(THEME_CUES).sort()).toEqual([...THEMES].sort());
    for (const t of THEMES) {
      const cues = [...THEME_CUES[t].strong, ...THEME_CUES[t].weak];
      expect({ t, n: cues.length >= 15 && cues.length <= 40 }).toEqual({ t, n: true });
      expect(new Set(cues).size).toBe(cues.length);
      expect(THEME_CUES[t].strong.length).toBeGreaterThan(0);
    }
  });
});

describe("inferThemes", () => {
  it.each([
    ["进一步转变作风提升效能", "作风"],
    ["严守保密纪律，筑牢机关安全防线", "保密"],
    ["切实做好涉密文件管理", "保密"],
    ["坚持廉洁自律，守住干净底线", "廉洁"],
    ["旗帜鲜明讲政治", "政治"],
    ["要向实践学习", "学习"],
    ["开拓创新，努力提高办公室工作的质量", "创新"],
    ["狠抓督查督办，确保落地见效", "落实"],
    ["加强统筹协调，形成工作合力", "协调"],
    ["强化服务意识，当好参谋助手", "服务"],
    ["建设一支高素质的干部队伍", "队伍建设"],
    ["认清形势，把握大局", "形势"],
    ["充分认识办公室工作的重要性", "重要性"],
    ["一年来取得的主要成绩", "成绩"],
    ["清醒认识存在的问题和不足", "问题"],
    ["同志们，今天我们召开这次会议", "开场"],
    ["下面，我再讲几点意见", "过渡"],
    ["最后，让我们共同努力", "结尾"],
    ["注重修养，提升素质", "素质能力"],
  ])("「%s」→ %s", (text, theme) => {
    expect(top(text)[0]).toBe(theme);
  });

  it("finds two themes when a heading names two", () => {
    const t = top("加强理论学习，坚定政治立场");
    expect(t).toEqual(expect.arrayContaining(["学习", "政治"]));
  });

  it("does not see 作风 in 工作风险 or 学 in 科学", () => {
    const w = inferThemes("防范工作风险，科学决策");
    expect(w[THEMES.indexOf("作风")]).toBe(0);
    expect(w[THEMES.indexOf("学习")]).toBe(0);
  });

  it("counts a cue inside a longer cue of the same theme once", () => {
    const a = inferThemes("队伍建设")[THEMES.indexOf("队伍建设")];
    const b = inferThemes("队伍")[THEMES.indexOf("队伍建设")];
    expect(a).toBe(b);
  });

  it.each([
    // Near-synonyms share their theme.
    ["要有一股拼劲", "作风"],
    ["保持干劲和韧劲", "作风"],
    ["坚持清廉自守", "廉洁"],
    ["着力解决群众急难愁盼", "服务"],
    ["坚持以保障和改善民生为重点", "服务"],
    ["凝心铸魂强根基", "学习"],
    ["营业收入创历史新高", "成绩"],
  ])("synonyms: 「%s」→ %s", (text, theme) => {
    expect(top(text)[0]).toBe(theme);
  });

  it("does not see 创新 in 创新高, nor 重要性 in 基础设施", () => {
    expect(inferThemes("利润创新高")[THEMES.indexOf("创新")]).toBe(0);
    expect(inferThemes("完善基础设施")[THEMES.indexOf("重要性")]).toBe(0);
  });

  it("returns zeros for empty, Latin or punctuation-only text", () => {
    for (const s of ["", "hello world", "，。！？"]) expect(topThemes(inferThemes(s))).toEqual([]);
  });
});
