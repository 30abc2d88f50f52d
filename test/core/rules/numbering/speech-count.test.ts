import { speechCount } from "../../../../src/core/rules/numbering/speech-count";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(speechCount, {
  valid: [
    "同志们：\n下面，我讲三点意见。\n一、认清形势\n二、注重修养\n三、加强领导",
    { name: "几 promises no count", text: "下面，我就办公室工作谈几点感受和体会。\n一、甲" },
    { name: "nothing follows to compare with", text: "我讲三点意见。\n要认真学习。" },
    { name: "从三个方面 without a speaking verb", text: "要从三个方面做好工作。\n一、甲\n二、乙" },
    { name: "promise in a heading, counted against its children (seed 003)", text: "三、干好办公室工作要抓好四项工作\n(一)学习\n(二)决策\n(三)文字\n(四)协调" },
    "下面我讲两点意见：一是加强学习。二是注重实践。",
    { name: "reported speech (讲了) is not a promise", text: "会上他讲了三点意见。\n一、甲" },
    { name: "each speech of a compilation counts its own sections", text: "同志们：\n讲两点意见。\n一、甲\n二、乙\n同志们：\n讲三点意见。\n一、丙\n二、丁\n三、戊" },
  ],
  invalid: [
    {
      text: "下面，我讲四点意见。\n一、认清形势\n二、注重修养\n三、加强领导",
      findings: [{ paragraph: 0, excerpt: "讲四点意见", message: "3个一级标题", severity: "error" }],
    },
    {
      name: "Arabic count is info (trap 5)",
      text: "下面，我讲4点意见。\n一、甲\n二、乙",
      findings: [{ severity: "info", message: "汉字" }],
    },
    {
      name: "promise inside a section against run-ins",
      text: "一、甲\n（一）要抓好三项工作。一是学习。二是实践。\n（二）乙",
      findings: [{ paragraph: 1, excerpt: "抓好三项工作", message: "2项" }],
    },
    { text: "我从三个方面谈谈意见。\n一、甲\n二、乙", findings: [{ message: "2个一级标题" }] },
    { name: "first level is （一）", text: "讲两个问题。\n（一）甲\n（二）乙\n（三）丙", findings: 1 },
    { text: "我提三点要求：\n1.甲\n2.乙", findings: 1 },
    { name: "promise in a heading", text: "一、重点抓好四项工作\n（一）甲\n（二）乙\n（三）丙\n二、乙", findings: [{ paragraph: 0, message: "3个下一级标题" }] },
  ],
});
