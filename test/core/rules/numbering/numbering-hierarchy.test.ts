import { numberingHierarchy } from "../../../../src/core/rules/numbering/numbering-hierarchy";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(numberingHierarchy, {
  valid: [
    "一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）加强组织\n①建立制度",
    { name: "only 一、 and 1., consistently", text: "一、总体要求\n1.指导思想\n2.工作目标\n二、主要任务\n1.加强学习" },
    { name: "a document may start at （一）", text: "（一）加强学习\n1.读书\n（二）狠抓落实" },
    "（一）加强学习\n一是读书。\n二是实践。\n（二）狠抓落实",
    { name: "第一，第二， paragraphs under 一、 (seed 000)", text: "一、提高认识\n第一，要向书本学习。\n第二，要向实践学习。\n二、加强领导" },
    "一、甲\n1.a\n2.b\n3.c",
    { name: "labels of one form", doc: makeDoc([{ text: "甲", listLabel: "一、" }, { text: "乙", listLabel: "（一）" }, { text: "丙", listLabel: "（二）" }]) },
    "一、甲\n要统一思想。\n二、乙",
    { name: "1. 2. （1）（2） 3.: the 3. continues its own numbering", text: "（一）甲\n1.a\n2.b\n（1）c\n（2）d\n3.e" },
    { name: "1. （1）（2） 3. with nothing after: a gap, left to the sequence rule", text: "1.a\n（1）b\n（2）c\n3.d" },
    { name: "a plain duplicate 一、 一、 二、 is not read as nesting", text: "一、指导思想\n一、培养目标\n二、保障措施\n三、其他" },
    { name: "a restarted 一是 chain after a comma list is not nesting", text: "一是加强学习，二是注重实践。\n一是读书，二是看报，三是写作。" },
    { name: "one 1. with 一、 sections is not enough to call it inverted", text: "1.总体安排\n一、甲\n二、乙" },
  ],
  invalid: [
    {
      name: "一、二、三 under （一）, which then goes on at （二）",
      text: "一、形势\n二、任务\n三、措施\n（一）基本建设\n一、提高设计\n二、加强施工\n三、保证质量\n（二）工业生产\n四、结语",
      findings: [{ paragraph: 4, excerpt: "一、", messageId: "level-inverted", severity: "error" }],
    },
    {
      name: "same form nested directly in a section",
      text: "一、甲\n二、乙\n一、乙的第一点\n二、乙的第二点\n三、乙的第三点\n三、丙",
      findings: [{ paragraph: 2, messageId: "same-form-nested" }],
    },
    {
      name: "1. items that each hold 一、 sections (inverted)",
      text: "1.总体安排\n一、甲\n二、乙\n2.具体要求\n一、丙\n二、丁",
      findings: [
        { paragraph: 1, excerpt: "一、", messageId: "level-inverted" },
        { paragraph: 4, excerpt: "一、", messageId: "level-inverted" },
      ],
    },
    {
      name: "3. after （1）（2） meant as （3）, the 1. numbering resumes at 2.",
      text: "1.甲\n（1）a\n（2）b\n3.c\n2.乙",
      findings: [{ paragraph: 3, excerpt: "3.", messageId: "wrong-level-form" }],
      output: "1.甲\n（1）a\n（2）b\n（3）c\n2.乙",
    },
    {
      name: "3. 4. after （1）（2） meant as （3）（4）, then （5）",
      text: "一、甲\n1.子\n（1）a\n（2）b\n3.c\n4.d\n（5）e",
      findings: [
        { paragraph: 4, messageId: "wrong-level-form" },
        { paragraph: 5, messageId: "wrong-level-form" },
      ],
      output: "一、甲\n1.子\n（1）a\n（2）b\n（3）c\n（4）d\n（5）e",
    },
    {
      name: "an 一是 chain inside the item 一是",
      text: "一是加强学习。一是读书，二是看报，三是写作。二是注重实践。三是狠抓落实。",
      findings: [{ paragraph: 0, messageId: "runin-nested", severity: "warning" }],
    },
    {
      name: "an 一是 chain inside 一是, across paragraphs",
      text: "（一）加强学习\n一是读书。\n一是读原著，二是读报告。\n二是写作。",
      findings: [{ paragraph: 2, excerpt: "一是", messageId: "runin-nested" }],
    },
    {
      name: "skipped level: 1. under 一、 while （一） is used elsewhere",
      text: "一、总体要求\n（一）指导思想\n二、主要任务\n1.加强学习\n2.狠抓落实",
      findings: [{ paragraph: 3, excerpt: "1.", messageId: "level-skip", severity: "error" }],
    },
    {
      name: "inverted: （一） after 1. in the same section",
      text: "一、总体要求\n（一）指导思想\n二、主要任务\n1.加强学习\n（一）狠抓落实",
      findings: [
        { paragraph: 3, messageId: "level-skip" },
        { paragraph: 4, excerpt: "（一）", messageId: "level-inverted" },
      ],
    },
    {
      name: "mixed 1. and 1、 siblings",
      text: "一、甲\n1.a\n2、b\n3.c",
      findings: [{ paragraph: 2, excerpt: "2、", messageId: "mixed-form", severity: "warning" }],
    },
    {
      name: "（一） then 二是 as its sibling (HIER.MIX)",
      text: "一、甲\n（一）加强学习。要读书。\n二是狠抓落实。要抓具体。",
      findings: [{ paragraph: 2, excerpt: "二是", messageId: "runin-as-heading", severity: "warning" }],
    },
    {
      name: "paragraphs merged by copy-paste (trap 3)",
      text: "一、甲\n要提高认识。二、加强领导。要落实责任。",
      findings: [{ paragraph: 1, excerpt: "二、", messageId: "merged-paragraphs", severity: "warning" }],
    },
    {
      name: "half-width and full-width brackets mixed at one level",
      text: "一、甲\n（一）a\n（二）b\n(三)c",
      findings: [{ paragraph: 3, messageId: "mixed-form" }],
    },
    {
      name: "（1） directly under 一、 while （一） and 1. are used",
      text: "一、甲\n（一）a\n1.b\n二、乙\n（1）c",
      findings: [{ paragraph: 4, messageId: "level-skip", message: "缺少二级序号“（一）”、三级序号“1.”" }],
    },
  ],
});

describe("numbering-hierarchy on auto-numbered circled labels", () => {
  it("does not call ① and ② two different forms", () => {
    const doc = makeDoc(["一、总体要求", { text: "带圈编号甲", listLabel: "①" }, { text: "带圈编号乙", listLabel: "②" }]);
    expect(runRule(numberingHierarchy, { doc })).toEqual([]);
  });
});
