import { dateFormat } from "../../../../src/core/rules/content/date-format";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(dateFormat, {
  valid: [
    "2024年3月5日，市委召开常委会议。",
    { name: "a right weekday", text: "会议定于2024年3月5日（星期二）上午9时召开。" },
    { name: "leap day", text: "2024年2月29日完成验收，3月1日正式运行。" },
    { name: "durations and 月份", text: "用3个月时间，12月份完成，历时10年3个月。" },
    { name: "version numbers", text: "系统升级到V2024.3.5版本，IP为192.168.1.1。" },
    { name: "a Chinese-numeral date under a speech title", text: "在全市工作会议上的讲话\n（二〇二四年三月五日）" },
    { name: "a Chinese-numeral 落款 date before 2012 in the 公文 profile", profile: "gongwen", text: "特此通知。\n二〇一〇年一月五日" },
    { name: "ISO date in prose is allowed", text: "数据更新至2024-03-05。" },
  ],
  invalid: [
    {
      name: "leading zeros",
      text: "2024年03月05日\n（2019年06月10日）",
      findings: [
        { paragraph: 0, excerpt: "2024年03月05日", message: "应为“2024年3月5日”" },
        { paragraph: 1, excerpt: "2019年06月10日" },
      ],
      output: "2024年3月5日\n（2019年6月10日）",
    },
    {
      name: "dotted and slashed dates",
      text: "会议于2024.3.5召开，2024/03/15前报送。",
      findings: [{ excerpt: "2024.3.5", message: "2024年3月5日" }, { excerpt: "2024/03/15" }],
      output: "会议于2024年3月5日召开，2024年3月15日前报送。",
    },
    {
      name: "dates that do not exist",
      text: "2023年2月29日\n2月30日开会\n2024年13月",
      findings: [
        { paragraph: 0, severity: "error", message: "只有28天" },
        { paragraph: 1, severity: "error" },
        { paragraph: 2, severity: "error", message: "月份“13”不存在" },
      ],
    },
    {
      name: "wrong weekday",
      text: "会议定于2024年3月5日（星期三）召开。",
      findings: [{ excerpt: "（星期三）", message: "星期二" }],
    },
    {
      name: "spaces inside a date",
      text: "2024 年 3 月 5 日",
      findings: [{ message: "不应有空格" }],
      output: "2024年3月5日",
    },
    {
      name: "公文 落款 in Chinese numerals (info)",
      profile: "gongwen",
      text: "特此通知。\n某某市人民政府\n二〇二四年三月五日",
      findings: [{ paragraph: 2, severity: "info", message: "应为“2024年3月5日”" }],
      output: "特此通知。\n某某市人民政府\n2024年3月5日",
    },
  ],
});
