import { dateFormat } from "../../../../src/core/rules/content/date-format";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

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
    { name: "a serial code that looks like a date", text: "合同编号2024-1-12已归档，项目编号：2023-5-6。" },
    { name: "a range of years and a code", text: "2021-2025年规划，批量2024-3-5-A。" },
  ],
  invalid: [
    {
      name: "leading zeros",
      text: "2024年03月05日\n（2019年06月10日）",
      findings: [
        { paragraph: 0, excerpt: "2024年03月05日", messageId: "leading-zero", message: "应为“2024年3月5日”" },
        { paragraph: 1, excerpt: "2019年06月10日", messageId: "leading-zero" },
      ],
      output: "2024年3月5日\n（2019年6月10日）",
    },
    {
      name: "dotted and slashed dates",
      text: "会议于2024.3.5召开，2024/03/15前报送。",
      findings: [
        { excerpt: "2024.3.5", messageId: "dotted-date", message: "2024年3月5日" },
        { excerpt: "2024/03/15", messageId: "dotted-date" },
      ],
      output: "会议于2024年3月5日召开，2024年3月15日前报送。",
    },
    {
      name: "a hyphenated date without padding",
      text: "会议于2024-3-5召开，2024-12-1前报送。",
      findings: [
        { excerpt: "2024-3-5", messageId: "hyphen-date", message: "2024-03-05" },
        { excerpt: "2024-12-1", messageId: "hyphen-date" },
      ],
      output: "会议于2024年3月5日召开，2024年12月1日前报送。",
    },
    {
      name: "dates that do not exist",
      text: "2023年2月29日\n2月30日开会\n2024年13月\n2023.2.29截止",
      findings: [
        { paragraph: 0, severity: "error", messageId: "impossible-date", message: "只有28天" },
        { paragraph: 1, severity: "error", messageId: "impossible-date" },
        { paragraph: 2, severity: "error", messageId: "impossible-date", message: "月份“13”不存在" },
        { paragraph: 3, severity: "error", messageId: "impossible-date" },
      ],
    },
    {
      name: "wrong weekday",
      text: "会议定于2024年3月5日（星期三）召开。\n2024-03-05（周四）截止。",
      findings: [
        { paragraph: 0, excerpt: "（星期三）", messageId: "weekday-mismatch", message: "星期二" },
        { paragraph: 1, excerpt: "（周四）", messageId: "weekday-mismatch" },
      ],
    },
    {
      name: "spaces inside a date",
      text: "2024 年 3 月 5 日",
      findings: [{ messageId: "spaced-date", message: "不应有空格" }],
      output: "2024年3月5日",
    },
    {
      name: "公文 落款 in Chinese numerals (info)",
      profile: "gongwen",
      text: "特此通知。\n某某市人民政府\n二〇二四年三月五日",
      findings: [{ paragraph: 2, severity: "info", messageId: "cn-numeral-date", message: "应为“2024年3月5日”" }],
      output: "特此通知。\n某某市人民政府\n2024年3月5日",
    },
  ],
});

describe("date-format on odd strings", () => {
  it("never throws", () => {
    for (const t of ["", "\ud800", "月", "0月0日", "2024-", "2024-1-", "年月日", "（星期）", "2024.13.1日"]) {
      expect(() => runRule(dateFormat, { text: t })).not.toThrow();
      expect(() => runRule(dateFormat, { text: t, profile: "gongwen" })).not.toThrow();
    }
  });
});
