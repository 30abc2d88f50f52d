import { docnoFormat, docnoSpans } from "../../../../src/core/rules/content/docno-format";
import { check } from "../../../../src/core/engine";
import { applyFixes } from "../../../../src/core/fixes";
import { docFromText } from "../../../../src/core/model";
import { resolveProfile } from "../../../../src/core/profiles";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

const G = "gongwen";

runRuleTests(docnoFormat, {
  valid: [
    { profile: G, text: "根据《国务院办公厅关于印发…的通知》（国办发〔2024〕5号）要求，结合实际制定本方案。" },
    { profile: G, name: "several numbers", text: "京政发〔2023〕12号、人社部发〔2020〕108号" },
    { profile: G, name: "a year in brackets that is not a document number", text: "年度工作报告（2024）已印发，第（2024）期简报。" },
    { profile: G, name: "a list item", text: "全年共召开会议（12）次。" },
    { profile: G, name: "a 4-digit number that is not a year", text: "编号为粤字〔1234〕。" },
    { name: "the rule can be turned off", config: { rules: { "docno-format": "off" } }, text: "国办发[2024]5号" },
    { name: "a year after a name", text: "《政府工作报告》（2016年）提出，“十三五”规划（2016—2020年）。" },
    { name: "a reference list", text: "参见王某.公文写作研究[2016].北京：人民出版社。" },
    { name: "laws and orders have 第X号 and no bracketed year", text: "中华人民共和国主席令第12号公布，国务院令第588号修订，国家税务总局2024年第3号公告。" },
    { name: "a code-less bracketed year in a speech is not a document number", text: "按照国办发[2024]有关要求，文号：[2024]7号。" },
    { name: "a court case number", text: "民事判决书（2016）京0105民初12号。" },
    { name: "a date in brackets before a number", text: "今年（2024）5号台风登陆。" },
    { name: "a two-digit year in round brackets after an ordinary word", text: "京（24）3号线路。" },
    { name: "round brackets after a word that is no 代字", text: "卷宗（2023）第15号，第十四届全国人大（2023）1号议案，收到来信（2024）3号。" },
  ],
  invalid: [
    {
      name: "square brackets in a speech",
      text: "根据国发[2016]12号文件精神",
      findings: [{ excerpt: "[2016]12号", messageId: "year-bracket", severity: "error" }],
      output: "根据国发〔2016〕12号文件精神",
    },
    {
      name: "【】 and （） and () in a notice",
      text: "国办发【2016】8号、省政发（2016）3号、县委发(2023)15号、教基［2020］1号、国办函﹝2021﹞45号",
      findings: [
        { excerpt: "【2016】8号", messageId: "year-bracket" },
        { excerpt: "（2016）3号", messageId: "year-bracket" },
        { excerpt: "(2023)15号", messageId: "year-bracket" },
        { excerpt: "［2020］1号", messageId: "year-bracket" },
        { excerpt: "﹝2021﹞45号", messageId: "year-bracket" },
      ],
      output: "国办发〔2016〕8号、省政发〔2016〕3号、县委发〔2023〕15号、教基〔2020〕1号、国办函〔2021〕45号",
    },
    {
      name: "square brackets after any 代字, round ones after a typical 代字 ending",
      text: "财税[2019]13号、省办发（2022）5号、国办明电(2020)12号",
      findings: [{ excerpt: "[2019]13号" }, { excerpt: "（2022）5号" }, { excerpt: "(2020)12号" }],
      output: "财税〔2019〕13号、省办发〔2022〕5号、国办明电〔2020〕12号",
    },
    {
      name: "【】 and 第01号 (catalog example): one finding per fault",
      profile: G,
      text: "××字【2020】第01号",
      findings: [
        { messageId: "year-bracket", message: "应为“〔2020〕1号”" },
        { messageId: "serial-di" },
        { messageId: "serial-zero" },
      ],
      output: "××字〔2020〕1号",
    },
    {
      name: "abbreviated year",
      text: "国发〔24〕5号",
      findings: [{ messageId: "year-abbreviated", message: "“24”应为“2024”" }],
      output: "国发〔2024〕5号",
    },
    {
      name: "第 after the bracketed year and a space before 号",
      text: "省政办发〔2024〕第5 号",
      findings: [{ messageId: "serial-di" }, { messageId: "space" }],
      output: "省政办发〔2024〕5号",
    },
    {
      name: "spaces inside",
      text: "国发〔2020〕41 号，国办发〔2021〕 6号，国发〔 2022 〕3号",
      findings: [
        { excerpt: "〔2020〕41 号", messageId: "space" },
        { excerpt: "〔2021〕 6号", messageId: "space" },
        { excerpt: "〔 2022 〕3号", messageId: "space" },
      ],
      output: "国发〔2020〕41号，国办发〔2021〕6号，国发〔2022〕3号",
    },
    {
      name: "zero padding",
      text: "中办发〔2012〕014号、市政发〔2023〕007号",
      findings: [{ messageId: "serial-zero", message: "“014”应为“14”" }, { messageId: "serial-zero" }],
      output: "中办发〔2012〕14号、市政发〔2023〕7号",
    },
    {
      name: "the serial in brackets",
      text: "国办发〔2016〕（8号）、国发〔2017〕（9）号",
      findings: [
        { excerpt: "〔2016〕（8号）", messageId: "serial-bracket" },
        { excerpt: "〔2017〕（9）号", messageId: "serial-bracket" },
      ],
      output: "国办发〔2016〕8号、国发〔2017〕9号",
    },
    {
      profile: G,
      name: "after 文号： (公文 only)",
      text: "文号：[2024]7号",
      findings: [{ excerpt: "[2024]7号", messageId: "year-bracket" }],
      output: "文号：〔2024〕7号",
    },
    {
      profile: G,
      name: "a 代字 without a serial number (公文 only)",
      text: "按照国办发[2024]有关要求",
      findings: [{ excerpt: "[2024]", messageId: "year-bracket" }],
      output: "按照国办发〔2024〕有关要求",
    },
    {
      name: "full-width digits are read (their width is number-format's)",
      text: "国发[２０１６]１２号",
      findings: [{ messageId: "year-bracket" }],
      output: "国发〔２０１６〕１２号",
    },
  ],
});

describe("docno-format in both profiles", () => {
  it("runs in the speech profile and in the 公文 profile", () => {
    const doc = docFromText("根据国办发[2024]5号文件");
    expect(check(doc, { rules: [docnoFormat] })).toHaveLength(1);
    expect(check(doc, { rules: [docnoFormat], profile: resolveProfile("gongwen") })).toHaveLength(1);
  });

  it("gives the spans it reads to other rules, right or wrong", () => {
    const text = "据国发〔2020〕41 号和国办发〔2021〕6号，今年（2024）5号台风。";
    expect(docnoSpans(text, false).map(([s, e]) => text.slice(s, e))).toEqual(["〔2020〕41 号", "〔2021〕6号"]);
    expect(docnoSpans("国办发[2024]有关要求", false)).toEqual([]);
    expect(docnoSpans("国办发[2024]有关要求", true)).toEqual([[3, 9]]);
  });

  it("leaves no fault after its own fixes", () => {
    const text = "国办发【2016】（008号）、××字【2020】第01号、国发〔24〕 5 号、国办发〔2021〕 6号";
    const found = runRule(docnoFormat, { text });
    expect(found.length).toBeGreaterThan(5);
    const fixed = applyFixes(docFromText(text), found.flatMap((f) => (f.fix ? [f.fix] : [])));
    expect(fixed.paragraphs[0].text).toBe("国办发〔2016〕8号、××字〔2020〕1号、国发〔2024〕5号、国办发〔2021〕6号");
    expect(runRule(docnoFormat, { doc: fixed })).toEqual([]);
  });

  it("never throws on odd strings", () => {
    for (const t of ["", "[", "〔", "〔2024", "〔2024〕", "〔2024〕第", "〔2024〕（", "〔2024〕（5", "国发〔2024〕（5）", "国发〔2024〕 ", "\ud800〔20〕1号", "国[  2024  ]号"]) {
      expect(() => runRule(docnoFormat, { text: t })).not.toThrow();
      expect(() => runRule(docnoFormat, { text: t, profile: G })).not.toThrow();
    }
  });
});
