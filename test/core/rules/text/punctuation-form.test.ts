import { punctuationForm } from "../../../../src/core/rules/text/punctuation-form";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(punctuationForm, {
  valid: [
    "他说——这是我们的责任。",
    "——访办公室主任",
    "实行“立项—检查—反馈—再检查”的工作程序。",
    "学习、工作、生活……都要抓好。",
    "省略较长的内容…………用两个省略号。",
    // 4.13.3.2: 一字线 for a span of time, 浪纹线 for a range of values (and for time, "有时也可用")
    "沈括（1031—1095）是北宋人，会期为3～5天，2020—2025年，2011年2月3日—10日，2020～2025年。",
    "第五～八课，25～30g，特别旅客快车。",
    // 4.13.3.1: the 短横线 in codes, phone numbers, model numbers and all-digit dates
    "发文日期2024-03-05，电话010-66668888，依据GB/T 9704-2012和GB/T9704-2012执行。",
    "学习《必修3-2》，执行ISO 9001，抗击COVID-19疫情，门牌3-2-11室，型号WZ-10直升机。",
    "100－1=0，讲的就是这个道理。",
    "Version 1.2.3 ... is fine in Latin text",
    "The range 3-5 is Latin, so is ~/bin and a--b.",
    "会议于8:00-12:00举行。",
    "详见https://www.gov.cn/a--b/c...d~e，谢谢。",
    "中国—东盟—日本自贸区",
    "一个·间隔号，如“3·15”，两个··也不算。",
    "----------",
    "运行 --help 查看用法。",
    "统计区间：2020年～",
  ],
  invalid: [
    {
      name: "-- and －－ as 破折号",
      text: "工作--服务，又如工作－－服务",
      findings: [
        { excerpt: "--", messageId: "dash-form" },
        { excerpt: "－－", messageId: "dash-form" },
      ],
      output: "工作——服务，又如工作——服务",
    },
    {
      name: "box drawing ── and three em dashes",
      text: "他说──这是责任\n———抗击非典取得重大胜利。",
      findings: [
        { excerpt: "──", messageId: "dash-form", severity: "error" },
        { paragraph: 1, excerpt: "———", messageId: "dash-form" },
      ],
      output: "他说——这是责任\n——抗击非典取得重大胜利。",
    },
    {
      name: "―― (U+2015) is the wrong character",
      text: "――必须坚持以人为本。",
      findings: [{ messageId: "dash-form", severity: "warning" }],
      output: "——必须坚持以人为本。",
    },
    {
      name: "a subtitle introduced with a single dash",
      text: "-访办公室主任\n—访办公室主任\n－访办公室主任",
      findings: [
        { paragraph: 0, messageId: "dash-form" },
        { paragraph: 1, messageId: "dash-form" },
        { paragraph: 2, messageId: "dash-form" },
      ],
      output: "——访办公室主任\n——访办公室主任\n——访办公室主任",
    },
    {
      // 中国—东盟 is a connection, 责任—必须 a dash: the text alone cannot tell, so only a hint
      name: "a single — between Chinese: a hint",
      text: "这是我们的责任—必须担当起来\n中国—东盟自贸区",
      findings: [
        { paragraph: 0, messageId: "dash-single", severity: "info" },
        { paragraph: 1, messageId: "dash-single", severity: "info" },
      ],
    },
    {
      name: "a hyphen between Chinese: a hint without a fix",
      text: "北京-上海特别旅客快车",
      findings: [{ excerpt: "-", messageId: "hyphen-between-han", severity: "info" }],
    },
    {
      name: "an em dash or full-width hyphen inside a phone number",
      text: "联系电话：010—66668888，或0571－88886666，或0571–8888666。",
      findings: [
        { excerpt: "—", messageId: "phone-dash" },
        { excerpt: "－", messageId: "phone-dash" },
        { excerpt: "–", messageId: "phone-dash" },
      ],
      output: "联系电话：010-66668888，或0571-88886666，或0571-8888666。",
    },
    {
      name: "ranges of values take the 浪纹线",
      text: "增长10-15%，排名第5-8名，每次3-5天，3-5年，1.5-2.5倍，10%-15%，6.5%－7%，3–5人。",
      findings: [
        { excerpt: "-", start: 4, messageId: "range-number", severity: "warning" },
        { messageId: "range-number" },
        { messageId: "range-number" },
        { messageId: "range-number" },
        { messageId: "range-number" },
        { messageId: "range-number" },
        { excerpt: "－", messageId: "range-number" },
        { excerpt: "–", messageId: "range-number" },
      ],
      output: "增长10～15%，排名第5～8名，每次3～5天，3～5年，1.5～2.5倍，10%～15%，6.5%～7%，3～5人。",
    },
    {
      name: "spans of time take the 一字线",
      text: "2023-2025年，（2021-2025），4月8日-12日，2023年-2025年，5-8月，8时-10时，2020–2025年，2006－2020年",
      findings: [
        { excerpt: "-", messageId: "range-time", severity: "warning" },
        { messageId: "range-time" },
        { messageId: "range-time" },
        { messageId: "range-time" },
        { messageId: "range-time" },
        { messageId: "range-time" },
        { excerpt: "–", messageId: "range-time" },
        { excerpt: "－", messageId: "range-time" },
      ],
      output: "2023—2025年，（2021—2025），4月8日—12日，2023年—2025年，5—8月，8时—10时，2020—2025年，2006—2020年",
    },
    {
      name: "an em dash in a range of values: only a hint (4.13.3.2 allows it)",
      text: "只占支出的5—6%，见第679—680页。",
      findings: [
        { messageId: "range-number", severity: "info" },
        { messageId: "range-number", severity: "info" },
      ],
      output: "只占支出的5～6%，见第679～680页。",
    },
    {
      name: "wrong tildes",
      text: "会期3~5天，5〜8人，8∼10个，北京~上海",
      findings: [
        { excerpt: "~", messageId: "tilde-form", severity: "error" },
        { excerpt: "〜", messageId: "tilde-form", severity: "warning" },
        { excerpt: "∼", messageId: "tilde-form", severity: "warning" },
        { excerpt: "~", messageId: "tilde-form", severity: "error" },
      ],
      output: "会期3～5天，5～8人，8～10个，北京～上海",
    },
    {
      name: "a tilde ending a sentence",
      text: "大家好~\n欢迎大家～！\n谢谢~~",
      findings: [
        { paragraph: 0, messageId: "tilde-sentence-end", severity: "warning" },
        { paragraph: 1, messageId: "tilde-sentence-end" },
        { paragraph: 2, excerpt: "~~", messageId: "tilde-sentence-end" },
      ],
    },
    {
      name: "省略号 written as 。。。, ..., ·····, ・・・, ⋯⋯ or a single …",
      text: "前面·····还有・・・以及。。。还有...和.....以及⋯⋯还有…",
      findings: [
        { excerpt: "·····", messageId: "ellipsis-form" },
        { excerpt: "・・・", messageId: "ellipsis-form" },
        { excerpt: "。。。", messageId: "ellipsis-form" },
        { excerpt: "...", messageId: "ellipsis-form" },
        { excerpt: ".....", messageId: "ellipsis-form" },
        { excerpt: "⋯⋯", messageId: "ellipsis-form", severity: "warning" },
        { excerpt: "…", messageId: "ellipsis-form" },
      ],
      output: "前面……还有……以及……还有……和……以及……还有……",
    },
    {
      name: "three or five …",
      text: "还有………以及…………………",
      findings: [{ excerpt: "………" }, { excerpt: "…………………" }],
      output: "还有……以及…………",
    },
    {
      name: "seed 000: .. residue",
      text: "为加快建设富强..、文化..作出新的更大贡献",
      findings: [
        { excerpt: "..", messageId: "dots-residue", severity: "warning" },
        { excerpt: "..", messageId: "dots-residue" },
      ],
    },
  ],
});
