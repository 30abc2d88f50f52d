import { LEGIT_REDUPLICATIONS, TYPO_ENTRIES } from "../../../../src/core/data/typos";
import { docFromText } from "../../../../src/core/model";
import { typo } from "../../../../src/core/rules/content/typo";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(typo, {
  valid: [
    "会议对下一步工作作了全面部署，要求各单位按部就班、再接再厉。",
    { name: "legitimate reduplication", text: "我们常常讲，人人都要看看，天天坚持，渐渐养成习惯，往往事半功倍。" },
    { name: "AABB words", text: "实实在在地干，和和美美过日子，分清是是非非，的的确确取得了成效。" },
    { name: "word boundaries: 目的的 / 为了了解 / 现在在 / 但是是否", text: "实现目的的手段很多，为了了解情况，我们现在在基层调研，但是是否可行还要论证。" },
    { name: "截止 as a deadline", text: "报名截止日期为3月5日，申报工作截止于2024年6月底，逾期不再受理。" },
    { name: "截至 + date", text: "截至2024年底，全市共完成投资120亿元。" },
    { name: "guarded pairs: 紧急待命 / 分布署名 / 既使…又…", text: "消防队员紧急待命，文章分布署名，这项政策既使企业受益，又使群众满意。" },
    { name: "事关健康 and 全部份额", text: "事关健康的问题，全部份额均已认购。" },
    { name: "surname guard for 安祥 is a warning-level word only, 中坚苦干", text: "他是队伍中坚，中坚苦干的精神值得学习。" },
  ],
  invalid: [
    {
      name: "seed 003: 臵 for 置",
      text: "处于核心和关键的位臵。办公室都要统筹考虑、妥善处臵。小到下发文件、布臵会议。",
      findings: [
        { excerpt: "臵", message: "“位臵”", severity: "error" },
        { excerpt: "臵", message: "“处臵”" },
        { excerpt: "臵", message: "“布臵”" },
      ],
      output: "处于核心和关键的位置。办公室都要统筹考虑、妥善处置。小到下发文件、布置会议。",
    },
    {
      name: "known wrong words",
      text: "要认真贯撤会议精神，抓好布署落实，再接再励，一如继往地融汇贯通。",
      findings: [
        { excerpt: "贯撤", severity: "error", message: "应为“贯彻”" },
        { excerpt: "布署", message: "应为“部署”" },
        { excerpt: "再接再励" },
        { excerpt: "一如继往" },
        { excerpt: "融汇贯通" },
      ],
      output: "要认真贯彻会议精神，抓好部署落实，再接再厉，一如既往地融会贯通。",
    },
    {
      name: "doubled function characters",
      text: "这是我们的的重要任务，大家在在座谈中谈了了很多。",
      findings: [
        { excerpt: "的的", severity: "warning" },
        { excerpt: "在在" },
        { excerpt: "了了" },
      ],
      output: "这是我们的重要任务，大家在座谈中谈了很多。",
    },
    {
      name: "截止 directly before a date or 目前",
      text: "截止2024年12月底，全县共建成示范点30个。截止到目前，已完成80%。",
      findings: [
        { excerpt: "截止", severity: "warning", message: "截至" },
        { excerpt: "截止到" },
      ],
      output: "截至2024年12月底，全县共建成示范点30个。截至目前，已完成80%。",
    },
    {
      name: "seed 000 / 004: 其它 is info",
      text: "还要搞好其它工作，加强与其它部门单位的协作沟通。",
      findings: [
        { excerpt: "其它", severity: "info", message: "其他" },
        { excerpt: "其它", severity: "info" },
      ],
      output: "还要搞好其他工作，加强与其他部门单位的协作沟通。",
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
      name: "idioms",
      text: "大家迫不急待，变本加利，走马关花，不能因地治宜。",
      findings: [{ excerpt: "迫不急待" }, { excerpt: "变本加利" }, { excerpt: "走马关花" }, { excerpt: "因地治宜" }],
      output: "大家迫不及待，变本加厉，走马观花，不能因地制宜。",
    },
    {
      name: "a unit's extra pairs",
      text: "请各乡镇报送材料。",
      options: { extraPairs: [["乡镇", "镇（街道）"]] },
      findings: [{ excerpt: "乡镇", severity: "error" }],
      output: "请各镇（街道）报送材料。",
    },
  ],
});

describe("typo word list", () => {
  it("has at least 60 entries, each a real change", () => {
    expect(TYPO_ENTRIES.length).toBeGreaterThanOrEqual(60);
    for (const e of TYPO_ENTRIES) expect(e.wrong).not.toBe(e.right);
    expect(new Set(TYPO_ENTRIES.map((e) => e.wrong)).size).toBe(TYPO_ENTRIES.length);
  });

  it("no right word is itself reported", () => {
    const text = TYPO_ENTRIES.map((e) => e.right).join("。");
    const found = runRule(typo, { doc: docFromText(text) }).filter((f) => !f.excerpt.includes("截"));
    expect(found.map((f) => f.excerpt)).toEqual([]);
  });

  it("never reports the legitimate reduplications", () => {
    const text = [...LEGIT_REDUPLICATIONS].map((w) => `我们${w}这样做`).join("，");
    expect(runRule(typo, { text })).toEqual([]);
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const unit = "截至目前，全市已部署重点项目120个，的确实实在在地推进了工作，常常深入基层。";
    const text = unit.repeat(Math.ceil(1_000_000 / unit.length));
    runRule(typo, { text });
  });
});
