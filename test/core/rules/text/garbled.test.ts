import { garbled } from "../../../../src/core/rules/text/garbled";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";

const utf8AsGbk = new TextDecoder("gbk").decode(new TextEncoder().encode("办公室工作的重要性"));

runRuleTests(garbled, {
  valid: [
    "这次会议的主要任务是贯彻全省质检系统办公室工作会议精神。",
    "党的重要文件、各级领导的每一次讲话，都是我们学习的范文。",
    "增强“以人为本、执政为民”的政治意识，1 + 2 = 3。",
    "café 与 naïve 是外文词；“××”是示例名称。",
    "请勾选：□同意 □不同意",
    "张三 李四 王五",
    "第一行\u000b第二行（手动换行）",
    "Tom & Jerry，A&B公司",
    { name: "letter-spaced table header", doc: makeDoc([{ text: "负 责 人", inTable: true }]) },
    "涓涓细流，汇成江海。",
  ],
  invalid: [
    {
      name: "seed 001: forum watermark line",
      text: "1 D& E# O6 C: P9 c& k M$ d- E; o",
      findings: [{ message: "水印" }],
      output: "",
    },
    {
      name: "seed 001: watermark glued to the next sentence",
      text: "~! T' B8 `! w. B6 j\" b0 A) Y# g刚才，玉祥同志作了总结。",
      findings: 1,
      output: "刚才，玉祥同志作了总结。",
    },
    {
      name: "seed 000: site boilerplate",
      text: "下面是本站小编给大家整理的市办公室会议讲话稿，仅供参考。",
      findings: [{ message: "本站小编" }],
    },
    {
      name: "seed 000: aggregator title and section heading",
      text: "办公室会议讲话说(汇总5篇)\n办公室会议讲话说篇一\n文档为doc格式",
      findings: [{ paragraph: 0 }, { paragraph: 1, excerpt: "篇一" }, { paragraph: 2 }],
    },
    {
      name: "seed 000: □ for a missing character, [] residue, stray English word",
      text: "从大学毕业，一直到来工作□20年时间里\n随着我国加入wto[]改革开放\n随着质检事业的发展 and 客观形势的变化",
      findings: [{ excerpt: "□", severity: "warning" }, { excerpt: "[]" }, { excerpt: "and" }],
    },
    {
      name: "seed 004: no-break space",
      text: "不断增强\u00a0“以人为本、执政为民”",
      findings: [{ severity: "warning" }],
      output: "不断增强“以人为本、执政为民”",
    },
    {
      name: "replacement character and private-use character",
      text: "办公室工作的重要\ufffd\ufffd，要\ue001抓好",
      findings: [{ excerpt: "\ufffd\ufffd" }, { message: "私用区" }],
    },
    {
      name: "zero-width and control characters are removed",
      text: "办公\u200b室\u0000工作\ufeff",
      findings: 3,
      output: "办公室工作",
    },
    {
      name: "HTML entities and tags",
      text: "<p>办公室&nbsp;工作&#12290;A&amp;B</p>",
      findings: 5,
      output: "办公室工作。A&B",
    },
    {
      name: "UTF-8 read as Latin-1",
      text: "Ã©tÃ© åŠžå…¬å®¤",
      findings: [{ message: "été 办公室" }],
    },
    {
      name: "UTF-8 read as GBK",
      text: `会议通知：${utf8AsGbk}`,
      findings: [{ message: "办公室工作的重要" }],
    },
    {
      name: "letter-spaced Chinese in body text",
      text: "浙 江 省 教 育 厅",
      findings: [{ message: "字间" }],
      output: "浙江省教育厅",
    },
    {
      name: "mojibake classics",
      text: "锟斤拷锟斤拷烫烫烫",
      findings: 1,
    },
  ],
});
