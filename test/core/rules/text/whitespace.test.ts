import { whitespace } from "../../../../src/core/rules/text/whitespace";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";

/** date-format and docno-format off: their spaces then fall to this rule. */
const ALONE = { rules: { "date-format": "off" as const, "docno-format": "off" as const } };

runRuleTests(whitespace, {
  valid: [
    // joint issuers: the space between organ names is the standard form
    "按照《中共中央 国务院关于加强基层治理体系和治理能力现代化建设的意见》要求。",
    "近日，中共中央办公厅 国务院办公厅印发了《关于进一步减轻基层负担的若干措施》。",
    "根据《省委办公厅 省政府办公厅关于进一步规范公务接待管理的通知》，抓好落实。",
    "坚持“两个毫不动摇”，取得实效。同时要抓好落实。",
    { name: "Latin words and digits keep their spaces", text: "通过ISO 9001认证，执行GB/T 9704-2012标准，升级到Windows 10 系统。" },
    { name: "digit groups (GB/T 15835 千分空)", text: "全年收入1 000 000元以上，比上年增长。" },
    { name: "URL and e-mail", text: "详见http://www.gov.cn/zhengce 与 abc@gov.cn 的说明。" },
    { name: "leading indentation is format-paragraph's", text: "　　现在，我代表国务院，向大会报告政府工作。" },
    { name: "trailing space after the last mark", text: "请各位委员提出意见。 " },
    { name: "title broken by a space", text: "高举中国特色社会主义伟大旗帜 为全面建设社会主义现代化国家而团结奋斗" },
    { name: "signature line", text: "国务院总理　李克强" },
    { name: "two-character name padded to three", text: "国务院总理　李　强" },
    { name: "signature and date on one line", text: "某某市人民政府 2024年3月15日" },
    { name: "table-like line with wide gaps", text: "姓名  职务  电话" },
    { name: "contact line with a wide gap", text: "联系人：张三　　联系电话：010-12345678" },
    { name: "article heading of a regulation", text: "第一条　为了规范公文处理工作，制定本条例。" },
    { name: "chapter heading", text: "第三章　公文格式" },
    { name: "label spaced to align", text: "抄　送：市委办公室，市人大常委会办公室。" },
    { name: "names after a colon", text: "出席：张三 李四 王五。" },
    { name: "short name pair after a colon", text: "主持：张三 李四。" },
    { name: "letter-spaced run belongs to garbled", text: "根据 浙 江 省 教 育 厅 要求，做好工作。" },
    { name: "subject words", text: "主题词：经济管理　计划　通知。" },
    { name: "file name with a space", text: "请填写附件工作 总结表.docx，按时报送。" },
    { name: "quotes in English text", text: "The motto “Serve the People” is known. 口号如上。" },
    { name: "time after a date", text: "请于3月15日 17:00前报送，逾期不候。" },
    { name: "phone number after a Han character", text: "如有疑问，请拨打 13800138000 咨询。" },
    { name: "Han-space-Latin", text: "推进 5G 网络建设，发展 AI 产业。" },
    { name: "heading marker space is numbering-marker's", text: "一、 总体要求" },
    { name: "spaced date is date-format's", text: "会议定于2024 年3 月15 日召开。" },
    { name: "table cell", doc: makeDoc([{ text: "负责 同志，签字", inTable: true }]) },
    { name: "watermark tokens", text: "1 D& E# O6 C: P9 c& k M$ d- E; o" },
    { name: "parallel phrases in a heading", text: "同志们：\n一、提高政治站位，把握总体要求 强化责任担当\n我们要坚持稳中求进。" },
    { name: "table and attachment captions", text: "表1　2024年主要经济指标\n附件2 某某市安全生产管理办法\n图3 工作流程，见下。" },
    { name: "a blank left to fill in", text: "请于        日前报送材料，逾期不候。" },
    "",
    "\u3000\u3000",
  ],
  invalid: [
    {
      name: "a space before the per-cent sign",
      text: "完成投资12.3亿元，占年度计划的104.6 %。",
      findings: [{ messageId: "number-unit", excerpt: " " }],
      output: "完成投资12.3亿元，占年度计划的104.6%。",
    },
    {
      name: "a space between Han characters that are not two issuers",
      text: "这是一个重 大课题，要抓好落实。",
      findings: [{ messageId: "between-han" }],
      output: "这是一个重大课题，要抓好落实。",
    },
    {
      name: "space before a Chinese quote",
      text: "坚持 “两个毫不动摇”，毫不动摇。",
      findings: [{ messageId: "around-punctuation", start: 2, end: 3, severity: "error" }],
      output: "坚持“两个毫不动摇”，毫不动摇。",
    },
    {
      name: "space after 。 inside a paragraph",
      text: "取得实效。 同时要抓好落实。",
      findings: [{ messageId: "around-punctuation", excerpt: " " }],
      output: "取得实效。同时要抓好落实。",
    },
    {
      name: "space before a colon, even on a short line",
      text: "联系人 ：张三",
      findings: [{ messageId: "around-punctuation" }],
      output: "联系人：张三",
    },
    {
      name: "ideographic and no-break spaces after a comma",
      text: "必须坚持的原则是，\u3000以按劳分配为主体，\u00a0其他分配方式为补充。",
      findings: [{ messageId: "around-punctuation" }, { messageId: "around-punctuation" }],
      output: "必须坚持的原则是，以按劳分配为主体，其他分配方式为补充。",
    },
    {
      name: "thin space and tab",
      text: "增长\u2009“十四五”\t规划目标。",
      findings: 2,
      output: "增长“十四五”规划目标。",
    },
    {
      name: "number and unit",
      text: "国内生产总值达到56.8 亿元，用时15 天，37 号文件，提高到70% 以上。",
      findings: [
        { messageId: "number-unit", excerpt: " " },
        { messageId: "number-unit" },
        { messageId: "number-unit" },
        { messageId: "number-unit" },
      ],
      output: "国内生产总值达到56.8亿元，用时15天，37号文件，提高到70%以上。",
    },
    {
      name: "spaced date when date-format is off",
      text: "会议于3 月15 日召开。",
      config: ALONE,
      findings: [{ messageId: "number-unit" }, { messageId: "number-unit" }],
      output: "会议于3月15日召开。",
    },
    {
      name: "Han before a number: warning",
      text: "比上年增加 1304.8亿元，下降 19.1%。",
      findings: [
        { messageId: "before-number", severity: "warning" },
        { messageId: "before-number", severity: "warning" },
      ],
      output: "比上年增加1304.8亿元，下降19.1%。",
    },
    {
      name: "between two Han characters in a sentence",
      text: "我们曾经急于求成，盲 目求纯，这是一个重  大课题。",
      findings: [
        { messageId: "between-han", start: 10, end: 11 },
        { messageId: "between-han", excerpt: "  " },
      ],
      output: "我们曾经急于求成，盲目求纯，这是一个重大课题。",
    },
    {
      name: "inside a bracketed marker in a sentence",
      text: "一是加强领导；（ 2 ）完善制度。",
      findings: [{ messageId: "inside-marker" }, { messageId: "inside-marker" }],
      output: "一是加强领导；（2）完善制度。",
    },
    {
      name: "document number spaces when docno-format is off",
      text: "根据国办发〔 2024 〕5号文件精神，做好工作。",
      config: ALONE,
      findings: [{ messageId: "around-punctuation" }, { messageId: "around-punctuation" }],
      output: "根据国办发〔2024〕5号文件精神，做好工作。",
    },
    {
      name: "a run-in followed by a space",
      text: "二是 加强队伍建设，提高能力。",
      findings: [{ messageId: "between-han" }],
      output: "二是加强队伍建设，提高能力。",
    },
    {
      name: "several paragraphs",
      text: "标题\n我们要坚持 “三个代表”。\n增长 6.5%。",
      findings: [{ paragraph: 1 }, { paragraph: 2, messageId: "before-number" }],
      output: "标题\n我们要坚持“三个代表”。\n增长6.5%。",
    },
  ],
});
