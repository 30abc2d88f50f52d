import { numberingSequence } from "../../../../src/core/rules/numbering/numbering-sequence";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(numberingSequence, {
  valid: [
    "一、认清形势\n二、注重修养\n三、开拓创新\n四、加强领导",
    "一、甲\n（一）子一\n（二）子二\n二、乙\n（一）子三\n（二）子四\n1.孙一\n2.孙二",
    { name: "continuous （一）…（五） straight through 一、二、三 (trap 1)", text: "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（四）d\n三、丙\n（五）e" },
    "我们要做到：一是加强学习。二是注重实践。三是狠抓落实。",
    { name: "nested run-ins restart under each 一要", text: "一要讲党性。一是坚定立场，二是服从大局。\n二要讲悟性。一是察言观色，二是随机应变。\n三要讲耐性。" },
    { name: "a compilation restarts after a new 称谓 line", text: "同志们：\n一、甲\n二、乙\n同志们：\n一、丙\n二、丁" },
    "一、二年级学生参加活动。\n三、四月份完成。",
    "投资1.5亿元。\n增长3.5%。\n2024.1.5召开会议。",
    { name: "Word list labels in order", doc: makeDoc([{ text: "甲", listLabel: "一、" }, { text: "乙", listLabel: "二、" }]) },
    "一是一、二是二，不能含糊。三是三。",
  ],
  invalid: [
    {
      name: "gap 一、三、",
      text: "一、甲\n三、乙\n四、丙",
      findings: [{ paragraph: 1, excerpt: "三、", messageId: "gap", severity: "error" }],
      output: "一、甲\n二、乙\n三、丙",
    },
    {
      name: "duplicate 一、 一、",
      text: "一、指导思想\n一、培养目标\n二、保障措施",
      findings: [{ paragraph: 1, messageId: "duplicate" }],
      output: "一、指导思想\n二、培养目标\n三、保障措施",
    },
    {
      name: "wrong start （二）",
      text: "（二）甲\n（三）乙",
      findings: [{ paragraph: 0, excerpt: "（二）", messageId: "wrong-start" }],
      output: "（一）甲\n（二）乙",
    },
    {
      name: "disorder 1. 3. 2.",
      text: "1.甲\n3.乙\n2.丙",
      findings: [{ paragraph: 1, messageId: "gap" }, { paragraph: 2, messageId: "out-of-order" }],
      output: "1.甲\n2.乙\n3.丙",
    },
    {
      name: "renumbering keeps the faulty brackets for the marker rule",
      text: "一、甲\n(一)a\n(三)b",
      findings: [{ paragraph: 2, excerpt: "(三)" }],
      output: "一、甲\n(一)a\n(二)b",
    },
    {
      name: "continuous numbering with a gap is reported as continuous",
      text: "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（五）d",
      findings: [{ paragraph: 5, excerpt: "（五）", messageId: "gap", message: "全文连续编号" }],
      output: "一、甲\n（一）a\n（二）b\n二、乙\n（三）c\n（四）d",
    },
    {
      name: "list labels: reported without a text fix",
      doc: makeDoc([{ text: "甲", listLabel: "一、" }, { text: "乙", listLabel: "三、" }]),
      findings: [{ paragraph: 1, message: "自动编号", start: 0, end: 0 }],
    },
    {
      name: "numbering starts over: one finding, no renumbering fix",
      text: "一、甲\n二、乙\n三、丙\n一、子一\n二、子二",
      findings: [{ paragraph: 3, excerpt: "一、", messageId: "restart", severity: "error" }],
    },
    {
      name: "run-in gap 一是 … 三是 (warning)",
      text: "一是加强学习。三是狠抓落实。",
      findings: [{ paragraph: 0, excerpt: "三是", messageId: "runin-gap", message: "应为“二是”", severity: "warning" }],
    },
    {
      name: "run-in duplicate across paragraphs",
      text: "第一，要向书本学习。\n第二，要向实践学习。\n第二，要向群众学习。",
      findings: [{ paragraph: 2, messageId: "runin-duplicate", severity: "warning" }],
    },
    {
      name: "merged heading counts in the sequence",
      text: "一、甲\n要学习。三、乙。",
      findings: [{ paragraph: 1, excerpt: "三、" }],
      output: "一、甲\n要学习。二、乙。",
    },
  ],
});

describe("numbering-sequence leaves the shapes the hierarchy rule reports", () => {
  const cases: Array<[string, string]> = [
    ["一、 runs nested in a section, then 四、", "一、形势\n二、任务\n三、措施\n（一）建设\n一、设计\n二、施工\n三、验收\n四、检查\n（二）生产\n一、计划\n二、调度\n四、结语"],
    ["1. items holding 一、 sections", "1.总体安排\n一、甲\n二、乙\n2.具体要求\n一、丙\n二、丁"],
    ["3. after （1）（2） meant as （3）", "1.甲\n（1）a\n（2）b\n3.c\n2.乙"],
    ["an 一是 chain inside 一是", "一是加强学习。一是读书，二是看报，三是写作。二是注重实践。"],
  ];
  it.each(cases)("%s", (_name, text) => {
    expect(runRule(numberingSequence, { text }).map((f) => `${f.paragraph}:${f.excerpt} ${f.messageId}`)).toEqual([]);
  });
  it("still finds a duplicate in the outer numbering around a nested run", () => {
    const text = "一、形势\n二、任务\n一、设计\n二、施工\n三、验收\n三、措施\n三、结语";
    expect(runRule(numberingSequence, { text }).map((f) => `${f.paragraph}:${f.messageId}`)).toEqual(["6:duplicate"]);
  });
});
