import { placeholder } from "../../../../src/core/rules/content/placeholder";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(placeholder, {
  valid: [
    "国办发〔2024〕5号文件对此作了部署。",
    { name: "dynasty in 六角括号 (GB/T 15834 4.9)", text: "〔清〕顾炎武说：“天下兴亡，匹夫有责。”" },
    { name: "anonymised names", text: "王某某、张某某等人违反中央八项规定精神，张某受到党内警告处分。" },
    { name: "某 alone is not a placeholder", text: "某单位负责人反映，某些地方存在形式主义问题。" },
    { name: "Latin words", text: "会议采购了XXL号工作服和Xbox设备，x86服务器另行招标。" },
    { name: "instruction with a template name after 例：", text: "应聘书标题要醒目，例：《×××应聘×××××的应聘书》。" },
    { name: "instruction with 题目为", text: "请以“在××会议上的讲话”为题目，题目为“关于××的报告”。" },
    { name: "note paragraph", text: "注：××处填写单位名称，＿＿处填写日期。" },
    { name: "multiplication", text: "展板尺寸为3×2米，共印制2×4幅。" },
    { name: "URL", text: "详见网站www.example.gov.cn/xx__list/xx.html。" },
    { name: "scraping watermark", text: "会议表彰了先进个人。 8 V9 e' m5 e( y. o1 _- o ** k9" },
    { name: "a filled 公文 with a year", text: "2024年3月5日，市政府召开常务会议。" },
    { name: "a 回执 form keeps its blanks", text: "回执：单位＿＿＿＿＿＿，参会人员（　　），联系电话______" },
    { name: "a table cell", doc: makeDoc([{ text: "姓名（　）", inTable: true }, { text: "____", inTable: true }]) },
    { name: "code", text: "调用main()函数。" },
  ],
  invalid: [
    {
      name: "a template blank is an error, XX a warning",
      text: "今天，我们召开〔会议名称〕，XX同志作了讲话。",
      findings: [
        { excerpt: "〔会议名称〕", severity: "error" },
        { excerpt: "XX", severity: "warning" },
      ],
    },
    {
      name: "seed 002: XX负责人 / XX副主任",
      text: "前面，XX负责人分别从执行、协调、服务等方面做了很好的交流发言，区政府办公室XX副主任对办公室整体工作情况进行了总结。",
      findings: [
        { excerpt: "XX", message: "具体姓名" },
        { excerpt: "XX", message: "具体姓名" },
      ],
    },
    {
      name: "seed 000: 20xx年 / xx大 / ××××年",
      text: "我是一个“老办公室”，搞了20xx年的办公室。\n要反复学习、深刻领会党的xx大报告精神。\n在刚刚过去的××××年里，我们妥善应对各种突发事件。",
      findings: [
        { paragraph: 0, excerpt: "20xx", message: "具体年份" },
        { paragraph: 1, excerpt: "xx", message: "具体内容" },
        { paragraph: 2, excerpt: "××××", message: "具体年份" },
      ],
    },
    {
      name: "seeds 000/004: ** for a name",
      text: "为此，**局长在全省系统办公室工作会议上提出要求。\n为谱写新时代**作出新的更大的贡献！",
      findings: [
        { paragraph: 0, excerpt: "**", message: "具体姓名" },
        { paragraph: 1, excerpt: "**" },
      ],
    },
    {
      name: "X月X日 and full-width ＸＸ",
      text: "会议定于X月X日在ＸＸ宾馆召开。",
      findings: [{ excerpt: "X月X日", message: "日期" }, { excerpt: "ＸＸ" }],
    },
    {
      name: "underscores and 【待定】",
      text: "参会人员：＿＿＿＿，地点【待定】，联系人____。",
      findings: [{ excerpt: "＿＿＿＿" }, { excerpt: "【待定】", message: "待填" }, { excerpt: "____" }],
    },
    {
      name: "outline template blanks 〔…〕 and empty brackets",
      text: "在〔会议名称〕上的讲话（）\n〔〕年度工作总结",
      findings: [
        { paragraph: 0, excerpt: "〔会议名称〕", message: "请填入具体的会议名称" },
        { paragraph: 0, excerpt: "（）", message: "括号内为空" },
        { paragraph: 1, excerpt: "〔〕" },
      ],
    },
    {
      name: "某某 alone and 此处填写",
      text: "由某某同志负责，具体要求此处填写。",
      findings: [{ excerpt: "某某", message: "具体姓名" }, { excerpt: "此处填写" }],
    },
    {
      name: "a template name in 《》 without any instruction is unfilled",
      text: "要认真学习《关于×××的通知》精神。",
      findings: [{ excerpt: "×××" }],
    },
    {
      name: "Markdown bold markers are removed",
      text: "**一、总体要求**\n要把**学习贯彻**作为首要任务。",
      findings: [{ paragraph: 0, message: "Markdown" }, { paragraph: 1, excerpt: "**学习贯彻**" }],
      output: "一、总体要求\n要把学习贯彻作为首要任务。",
    },
  ],
});
