import { applyFixes } from "../../../../src/core/fixes";
import { docFromText } from "../../../../src/core/model";
import { numberFormat } from "../../../../src/core/rules/content/number-format";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(numberFormat, {
  valid: [
    "全年完成投资120.5亿元，同比增长3.5%，比例为1:5，会议于17:00开始。",
    { name: "durations are not abbreviated years", text: "我在办公室工作了20年，近5年来，10年3个月的时间里，每年增长15%～30%。" },
    { name: "durations with 来 / 以来 / 以下 / 延长", text: "新中国成立70年来，改革开放40年以来，土地承包到期后再延长30年，经过25年坚持不懈的努力，保护期为95年以下。" },
    { name: "decades", text: "20世纪90年代，80年代末，20年代的上海，九〇年代的变化。" },
    { name: "年底 / 年初 / 年末 that start another word", text: "坚守20年底线不动摇，30年初心不改，经过10年初见成效，工作15年末位淘汰。" },
    { name: "seasons after a short span", text: "历经30年春秋，20年春节坚守岗位。" },
    { name: "两年 / 三五年 / 10年以后 (a span of ten years)", text: "两年内完成，三五年见成效，10年以后再看。" },
    { name: "2009年 and 50年代", text: "2009年3月，回顾20世纪50年代的历史。" },
    { name: "二〇一二年 with the right zero, 一九九〇年 in full", text: "二〇一二年，全县三千零五十二名干部参加培训，一九九〇年建成。" },
    { name: "千米 / 千瓦 / 百分点 are units", text: "新建道路5千米，装机容量20千瓦，提高3个百分点。" },
    { name: "万 and 亿 combine with Arabic digits", text: "全市常住人口达124.2万人，财政收入9亿～16亿元。" },
    { name: "a full-width heading numeral is the numbering rule's", text: "１．加强组织领导" },
    { name: "1． as a heading marker is not a decimal", text: "1．民主主义运动；2．基尔特社会主义" },
    { name: "a sentence ending in a number before one starting with a year", text: "城镇化率提高到25。2013年，经济平稳增长。" },
    { name: "a table row of years", text: "2023 2024" },
    { name: "ISO 9001 and a standard with its year", text: "通过ISO 9001 2015认证，执行GB/T 15835-2011。" },
    { name: "a letter-spaced code", text: "编号为 A 1 2 3 的设备。" },
    { name: "a list marker followed by a year", text: "1. 2024年工作回顾" },
    { name: "scraping watermark", text: "会议表彰了先进个人。 8 V9 e' m5 e( y. o1 _- o % 0 A/ e8" },
    { name: "version numbers and codes", text: "使用Windows 10 21H2系统，型号A-15-30%不变。" },
    { name: "only one percent glyph", text: "增长5％。\n下降3％。" },
    { name: "第20年 is a count", text: "这是我工作的第20年底，也是第08年。" },
  ],
  invalid: [
    {
      name: "full-width digits",
      text: "全县共有１２３个村，占比４５．６%。",
      findings: [
        { excerpt: "１２３", messageId: "fullwidth-digit" },
        { excerpt: "４５．６", messageId: "fullwidth-digit" },
      ],
      output: "全县共有123个村，占比45.6%。",
    },
    {
      name: "full-width point and 句号 as the decimal point",
      text: "增长77．7%，下降6。5%，一节是1．2．3。",
      findings: [
        { excerpt: "77．7", messageId: "fullwidth-point" },
        { excerpt: "6。5", messageId: "fullwidth-point" },
        { excerpt: "1．2．3", messageId: "fullwidth-point" },
      ],
      output: "增长77.7%，下降6.5%，一节是1.2.3。",
    },
    {
      name: "digits split by spaces",
      text: "2 0 2 4 年，全市新增就业12 345人，1 9 8 6年建成。",
      findings: [
        { excerpt: "2 0 2 4", messageId: "spaced-digits", severity: "warning" },
        { excerpt: "12 345", messageId: "thousands-space", severity: "info" },
        { excerpt: "1 9 8 6", messageId: "spaced-digits" },
      ],
      output: "2024 年，全市新增就业12345人，1986年建成。",
    },
    {
      name: "a decimal split by spaces, full width",
      text: "增长6 ．5 ％，比上年提高１ ９ ８ ６ 年的水平，20 24年启动。",
      findings: [
        { excerpt: "6 ．5", messageId: "spaced-digits" },
        { excerpt: "１ ９ ８ ６", messageId: "spaced-digits" },
        { excerpt: "20 24", messageId: "spaced-digits" },
      ],
      output: "增长6.5 ％，比上年提高1986 年的水平，2024年启动。",
    },
    {
      name: "abbreviated years with a month, 底, 上半年",
      text: "09年3月，我调入办公室；98年底，全县遭受洪灾；24年5月召开大会；25年上半年完成；09年三月到任。",
      findings: [
        { excerpt: "09年", messageId: "short-year", message: "2009年" },
        { excerpt: "98年", message: "1998年" },
        { excerpt: "24年" },
        { excerpt: "25年" },
        { excerpt: "09年" },
      ],
      output: "2009年3月，我调入办公室；1998年底，全县遭受洪灾；2024年5月召开大会；2025年上半年完成；2009年三月到任。",
    },
    {
      name: "abbreviated years: a leading zero, 以后, 从…起",
      text: "08年，我们遭受了地震；95年以后，经济加快发展；从21年起实施；自10年以来持续推进。",
      findings: [
        { excerpt: "08年", messageId: "short-year" },
        { excerpt: "95年", messageId: "short-year" },
        { excerpt: "21年" },
        { excerpt: "10年" },
      ],
      output: "2008年，我们遭受了地震；1995年以后，经济加快发展；从2021年起实施；自2010年以来持续推进。",
    },
    {
      name: "a year that could be either century has no automatic fix",
      text: "49年10月，新中国成立。九〇年，我参加工作。",
      findings: [
        { excerpt: "49年", messageId: "short-year" },
        { excerpt: "九〇年", messageId: "short-year" },
      ],
    },
    {
      name: "○ / O / 零 in a Chinese year",
      text: "二○一二年三月\n二O二O年\n二零二四年\n二００一年",
      findings: [
        { paragraph: 0, excerpt: "二○一二", messageId: "year-zero", severity: "warning" },
        { paragraph: 1, excerpt: "二O二O", messageId: "year-zero" },
        { paragraph: 2, excerpt: "二零二四", messageId: "year-ling", severity: "info" },
        { paragraph: 3, excerpt: "二００一", messageId: "year-zero" },
      ],
      output: "二〇一二年三月\n二〇二〇年\n二〇二四年\n二〇〇一年",
    },
    {
      name: "百分之 + Arabic, 4千 / 1百",
      text: "增长百分之15，新增4千多人，引进1.5千万元，进入世界5百强。",
      findings: [
        { excerpt: "百分之15", messageId: "baifenzhi-arabic" },
        { excerpt: "4千", messageId: "qian-bai" },
        { excerpt: "1.5千", message: "1500" },
        { excerpt: "5百" },
      ],
      output: "增长15%，新增4000多人，引进1500万元，进入世界500强。",
    },
    {
      name: "4千5百 has no automatic fix",
      text: "共有4千5百人参加。",
      findings: [
        { excerpt: "4千", messageId: "qian-bai", message: "应全部使用阿拉伯数字" },
        { excerpt: "5百", messageId: "qian-bai" },
      ],
    },
    {
      name: "ranges that drop the unit",
      text: "利润增长15～30%，投资9～16亿元，补贴13至17万元。",
      findings: [
        { excerpt: "15～30%", messageId: "range-unit", message: "15%～30%" },
        { excerpt: "9～16亿元", messageId: "range-unit" },
        { excerpt: "13至17万元", messageId: "range-unit" },
      ],
      output: "利润增长15%～30%，投资9亿元～16亿元，补贴13万元至17万元。",
    },
    {
      name: "% and ％ mixed in one document",
      text: "增长5%。\n下降3％，持平0%。",
      findings: [{ paragraph: 1, excerpt: "％", messageId: "percent-mixed", severity: "info" }],
      output: "增长5%。\n下降3%，持平0%。",
    },
    {
      name: "the small form ﹪, fixed to the glyph the document uses",
      text: "增长5％，下降3﹪。",
      findings: [{ excerpt: "﹪", messageId: "percent-small", severity: "warning" }],
      output: "增长5％，下降3％。",
    },
  ],
});

describe("number-format: fixing twice finds nothing new", () => {
  it("leaves no fault after its own fixes", () => {
    const once = "增长6 ．5%，１２３个，09年3月，4千人，15～30%，下降3﹪，77．7%，6。5%，1 9 8 6年。";
    const found = runRule(numberFormat, { text: once });
    expect(found.length).toBeGreaterThan(0);
    const fixed = applyFixes(docFromText(once), found.flatMap((f) => (f.fix ? [f.fix] : [])));
    const again = runRule(numberFormat, { doc: fixed });
    expect(again.map((f) => `${f.messageId} ${f.excerpt}`)).toEqual([]);
  });

  it("never throws on odd strings", () => {
    for (const t of ["", "\ud800", "年", "0年", "１", "．", "1 ", " 1", "1 .", "1。", "1。2", "﹪", "\u200b1\u200b2", "九〇", "〇年", "从1年起"]) {
      expect(() => runRule(numberFormat, { text: t })).not.toThrow();
    }
  });
});
