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
  ],
  invalid: [
    {
      name: "skipped level: 1. under 一、 while （一） is used elsewhere",
      text: "一、总体要求\n（一）指导思想\n二、主要任务\n1.加强学习\n2.狠抓落实",
      findings: [{ paragraph: 3, excerpt: "1.", message: "缺少二级序号“（一）”", severity: "error" }],
    },
    {
      name: "inverted: （一） after 1. in the same section",
      text: "一、总体要求\n（一）指导思想\n二、主要任务\n1.加强学习\n（一）狠抓落实",
      findings: [
        { paragraph: 3, message: "层级跳跃" },
        { paragraph: 4, excerpt: "（一）", message: "层级顺序倒置" },
      ],
    },
    {
      name: "mixed 1. and 1、 siblings",
      text: "一、甲\n1.a\n2、b\n3.c",
      findings: [{ paragraph: 2, excerpt: "2、", message: "同级序号形式不统一", severity: "warning" }],
    },
    {
      name: "（一） then 二是 as its sibling (HIER.MIX)",
      text: "一、甲\n（一）加强学习。要读书。\n二是狠抓落实。要抓具体。",
      findings: [{ paragraph: 2, excerpt: "二是", message: "混作同级序号", severity: "warning" }],
    },
    {
      name: "paragraphs merged by copy-paste (trap 3)",
      text: "一、甲\n要提高认识。二、加强领导。要落实责任。",
      findings: [{ paragraph: 1, excerpt: "二、", message: "另起一段", severity: "warning" }],
    },
    {
      name: "half-width and full-width brackets mixed at one level",
      text: "一、甲\n（一）a\n（二）b\n(三)c",
      findings: [{ paragraph: 3, message: "同级序号形式不统一" }],
    },
    {
      name: "（1） directly under 一、 while （一） and 1. are used",
      text: "一、甲\n（一）a\n1.b\n二、乙\n（1）c",
      findings: [{ paragraph: 4, message: "缺少二级序号“（一）”、三级序号“1.”" }],
    },
  ],
});

describe("numbering-hierarchy on auto-numbered circled labels", () => {
  it("does not call ① and ② two different forms", () => {
    const doc = makeDoc(["一、总体要求", { text: "带圈编号甲", listLabel: "①" }, { text: "带圈编号乙", listLabel: "②" }]);
    expect(runRule(numberingHierarchy, { doc })).toEqual([]);
  });
});
