import { punctuationRepeat } from "../../../../src/core/rules/text/punctuation-repeat";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(punctuationRepeat, {
  valid: [
    "难道不应该吗？！我们必须干！！",
    "学习、工作、生活……都要抓好。",
    "实行“立项—检查—反馈—再检查”的工作程序。",
    "沈括（1031—1095）是北宋人，会期为3～5天。",
    "发文日期2024-01-05，电话0571-88888888，依据GB/T 9704-2012执行。",
    "他说——这是我们的责任。",
    "100－1=0，讲的就是这个道理。",
    "Version 1.2.3 ... is fine in Latin text",
    "省略较长的内容…………用两个省略号。",
    "The range 3-5 is Latin.",
  ],
  invalid: [
    {
      name: "stacked full stops",
      text: "认真落实。。",
      findings: [{ excerpt: "。。", message: "叠用" }],
      output: "认真落实。",
    },
    {
      name: "comma + full stop",
      text: "推动工作再上新台阶，。",
      findings: 1,
      output: "推动工作再上新台阶。",
    },
    {
      name: "、， has no obvious fix",
      text: "学习、，工作",
      findings: [{ excerpt: "、，" }],
    },
    {
      name: "seed 002: ... as 省略号",
      text: "前面，XX负责人分别从执行、协调、服务等方面做了很...发言",
      findings: [{ excerpt: "..." }],
      output: "前面，XX负责人分别从执行、协调、服务等方面做了很……发言",
    },
    {
      name: "seed 000: .. residue",
      text: "为加快建设富强..、文化..作出新的更大贡献",
      findings: [{ excerpt: "..", severity: "warning" }, { excerpt: ".." }],
    },
    {
      name: "。。。 and a single …",
      text: "等等。。。还有…",
      findings: 2,
      output: "等等……还有……",
    },
    {
      name: "……等 is a warning",
      text: "学习、工作……等",
      findings: [{ excerpt: "……等", severity: "warning" }],
      output: "学习、工作等",
    },
    {
      name: "-- and －－ as 破折号",
      text: "工作--服务，又如工作－－服务",
      findings: 2,
      output: "工作——服务，又如工作——服务",
    },
    {
      name: "subtitle introduced with a single dash",
      text: "-访办公室主任\n—访办公室主任",
      findings: [{ paragraph: 0 }, { paragraph: 1 }],
      output: "——访办公室主任\n——访办公室主任",
    },
    {
      name: "ranges with an ASCII hyphen",
      text: "2023-2025年，每次3-5天，5-8月",
      findings: [
        { excerpt: "2023-2025", message: "一字线", severity: "warning" },
        { excerpt: "3-5", message: "浪纹线" },
        { excerpt: "5-8", message: "一字线" },
      ],
      output: "2023—2025年，每次3～5天，5—8月",
    },
    {
      name: "single — used as a dash between Chinese",
      text: "这是我们的责任—必须担当起来",
      findings: [{ severity: "warning" }],
      output: "这是我们的责任——必须担当起来",
    },
    {
      name: "ASCII hyphen between Chinese",
      text: "北京-上海特别旅客快车",
      findings: [{ excerpt: "-", severity: "warning" }],
    },
  ],
});
