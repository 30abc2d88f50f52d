import { docnoFormat } from "../../../../src/core/rules/content/docno-format";
import { check } from "../../../../src/core/engine";
import { docFromText } from "../../../../src/core/model";
import { resolveProfile } from "../../../../src/core/profiles";
import { runRuleTests } from "../../../helpers/ruleTester";

const G = "gongwen";

runRuleTests(docnoFormat, {
  valid: [
    { profile: G, text: "根据《国务院办公厅关于印发…的通知》（国办发〔2024〕5号）要求，结合实际制定本方案。" },
    { profile: G, name: "several numbers", text: "京政发〔2023〕12号、人社部发〔2020〕108号" },
    { profile: G, name: "a year in brackets that is not a document number", text: "年度工作报告（2024）已印发，第（2024）期简报。" },
    { profile: G, name: "a list item", text: "全年共召开会议（12）次。" },
    { profile: G, name: "a 4-digit number that is not a year", text: "编号为粤字〔1234〕。" },
    { name: "the speech profile turns it off", config: { rules: { "docno-format": "off" } }, text: "国办发[2024]5号" },
  ],
  invalid: [
    {
      profile: G,
      name: "square brackets",
      text: "根据国办发[2024]5号文件精神",
      findings: [{ excerpt: "[2024]5号", severity: "error", message: "六角括号" }],
      output: "根据国办发〔2024〕5号文件精神",
    },
    {
      profile: G,
      name: "【】 and 第01号 (catalog example)",
      text: "××字【2020】第01号",
      findings: [{ message: "应为“〔2020〕1号”" }],
      output: "××字〔2020〕1号",
    },
    {
      profile: G,
      name: "round brackets, full and half width, and ［］",
      text: "市政办发（2024）3号\n县委发(2023)15号\n教基［2020］1号\n国办函﹝2021﹞45号",
      findings: [{ paragraph: 0 }, { paragraph: 1 }, { paragraph: 2 }, { paragraph: 3 }],
      output: "市政办发〔2024〕3号\n县委发〔2023〕15号\n教基〔2020〕1号\n国办函〔2021〕45号",
    },
    {
      profile: G,
      name: "abbreviated year",
      text: "国发〔24〕5号",
      findings: [{ message: "年份应写全，“24”应为“2024”" }],
      output: "国发〔2024〕5号",
    },
    {
      profile: G,
      name: "第 and a space before 号",
      text: "省政办发〔2024〕第5 号",
      findings: [{ message: "序号前不加“第”" }],
      output: "省政办发〔2024〕5号",
    },
    {
      profile: G,
      name: "zero padding",
      text: "中办发〔2012〕014号",
      findings: [{ message: "虚位" }],
      output: "中办发〔2012〕14号",
    },
    {
      profile: G,
      name: "after 文号：",
      text: "文号：[2024]7号",
      findings: [{ excerpt: "[2024]7号" }],
      output: "文号：〔2024〕7号",
    },
    {
      profile: G,
      name: "a 代字 without a serial number",
      text: "按照国办发[2024]有关要求",
      findings: [{ excerpt: "[2024]" }],
      output: "按照国办发〔2024〕有关要求",
    },
  ],
});

describe("docno-format in the speech profile", () => {
  it("is off by default, on in the 公文 profile", () => {
    const doc = docFromText("国办发[2024]5号");
    expect(check(doc, { rules: [docnoFormat] })).toEqual([]);
    expect(check(doc, { rules: [docnoFormat], profile: resolveProfile("gongwen") })).toHaveLength(1);
  });
});
