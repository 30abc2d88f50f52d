import { numberFormat } from "../../../../src/core/rules/content/number-format";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(numberFormat, {
  valid: [
    "全年完成投资120.5亿元，同比增长3.5%，比例为1:5，会议于17:00开始。",
    { name: "durations are not abbreviated years", text: "我在办公室工作了20年，近5年来，10年3个月的时间里，每年增长15%～30%。" },
    { name: "2009年 and 50年代", text: "2009年3月，回顾20世纪50年代的历史。" },
    { name: "二〇一二年 with the right zero", text: "二〇一二年，全县三千零五十二名干部参加培训。" },
    { name: "千米 / 千瓦 / 百分点 are units", text: "新建道路5千米，装机容量20千瓦，提高3个百分点。" },
    { name: "万 and 亿 combine with Arabic digits", text: "全市常住人口达124.2万人，财政收入9亿～16亿元。" },
    { name: "a full-width heading numeral is the numbering rule's", text: "１．加强组织领导" },
    { name: "a table row of years", text: "2023 2024" },
    { name: "scraping watermark", text: "会议表彰了先进个人。 8 V9 e' m5 e( y. o1 _- o % 0 A/ e8" },
    { name: "version numbers and codes", text: "使用Windows 10 21H2系统，型号A-15-30%不变。" },
  ],
  invalid: [
    {
      name: "full-width digits",
      text: "全县共有１２３个村，占比４５．６%。",
      findings: [{ excerpt: "１２３", message: "半角" }, { excerpt: "４５．６" }],
      output: "全县共有123个村，占比45.6%。",
    },
    {
      name: "digits split by spaces",
      text: "2 0 2 4 年，全市新增就业12 345人。",
      findings: [
        { excerpt: "2 0 2 4", severity: "warning" },
        { excerpt: "12 345", severity: "info" },
      ],
      output: "2024 年，全市新增就业12345人。",
    },
    {
      name: "abbreviated years",
      text: "09年3月，我调入办公室；98年底，全县遭受洪灾；24年5月召开大会。",
      findings: [{ excerpt: "09", message: "2009年" }, { excerpt: "98", message: "1998年" }, { excerpt: "24" }],
      output: "2009年3月，我调入办公室；1998年底，全县遭受洪灾；2024年5月召开大会。",
    },
    {
      name: "○ / O / 零 in a Chinese year",
      text: "二○一二年三月\n二O二O年\n二零二四年",
      findings: [
        { paragraph: 0, excerpt: "二○一二", severity: "warning" },
        { paragraph: 1, excerpt: "二O二O" },
        { paragraph: 2, excerpt: "二零二四", severity: "info" },
      ],
      output: "二〇一二年三月\n二〇二〇年\n二〇二四年",
    },
    {
      name: "百分之 + Arabic, 4千 / 1百",
      text: "增长百分之15，新增4千多人，引进1.5千万元，进入世界5百强。",
      findings: [{ excerpt: "百分之15" }, { excerpt: "4千" }, { excerpt: "1.5千", message: "1500" }, { excerpt: "5百" }],
      output: "增长15%，新增4000多人，引进1500万元，进入世界500强。",
    },
    {
      name: "4千5百 has no automatic fix",
      text: "共有4千5百人参加。",
      findings: [{ excerpt: "4千", message: "应全部使用阿拉伯数字" }, { excerpt: "5百" }],
    },
    {
      name: "ranges that drop the unit",
      text: "利润增长15～30%，投资9～16亿元，补贴13至17万元。",
      findings: [{ excerpt: "15～30%", message: "15%～30%" }, { excerpt: "9～16亿元" }, { excerpt: "13至17万元" }],
      output: "利润增长15%～30%，投资9亿元～16亿元，补贴13万元至17万元。",
    },
    {
      name: "% and ％ mixed in one document",
      text: "增长5%。\n下降3％，持平0%。",
      findings: [{ paragraph: 1, excerpt: "％", severity: "info", message: "统一为“%”" }],
      output: "增长5%。\n下降3%，持平0%。",
    },
  ],
});
