/**
 * False positives are as bad as misses: the traps of rules-catalog.md §7 and the issue, checked
 * through the whole default check (every rule, both profiles). None of these may give an error.
 */
import { check } from "../../src/core/engine";
import { docFromText } from "../../src/core/model";
import { resolveProfile } from "../../src/core/profiles";

const speech = resolveProfile("speech");
const gongwen = resolveProfile("gongwen");

function errorsOf(text: string, profile = speech) {
  return check(docFromText(text), { profile })
    .filter((f) => f.severity === "error")
    .map((f) => `${f.rule}: ${f.excerpt} — ${f.message}`);
}

const TRAPS: Array<[string, string]> = [
  ["a ratio", "同志们：\n按照1:5的比例配备工作人员。"],
  ["a percentage with a decimal", "同志们：\n全年增长3.5%，高于预期。"],
  ["a time of day", "同志们：\n会议于17:00结束，请按时参加。"],
  ["a URL and an e-mail address", "同志们：\n详见https://www.gov.cn/zhengce/index.htm，或发邮件至office@example.gov.cn。"],
  ["an anonymised name", "同志们：\n王某某同志因工作调动，不再担任办公室主任。"],
  ["a template name shown in instructions", "同志们：\n应聘书的题目为《×××应聘×××××的应聘书》，例：《张三应聘办公室文秘的应聘书》。"],
  [
    "continuous （一）…（十二） numbering through the sections",
    [
      "关于做好年度重点工作的通知",
      "一、总体要求",
      "（一）指导思想",
      "（二）工作目标",
      "二、主要任务",
      "（三）加强学习",
      "（四）改进作风",
      "（五）狠抓落实",
      "三、保障措施",
      "（六）加强领导",
      "（七）强化督查",
    ].join("\n"),
  ],
  [
    "full-sentence headings ending in 。",
    ["同志们：", "下面，我讲两点意见。", "一、要充分认识做好办公室工作的重要意义。", "办公室是党委政府的参谋部。", "二、要切实加强办公室队伍建设。", "队伍建设是根本。"].join("\n"),
  ],
  ["Arabic digits in a promised count", "同志们：\n下面，我讲3点意见。\n一、统一思想\n二、明确任务\n三、狠抓落实"],
  ["a decimal list marker and money", "同志们：\n1.经费预算为12.5万元。\n2.完成时限为6月底。"],
  ["a Latin product name with brackets", "同志们：\n请在Word (docx)格式下提交材料。"],
  ["an ordinary 一、二年级 enumeration", "同志们：\n全区一、二年级学生参加了活动。"],
  ["a legitimate reduplication", "同志们：\n我们要常常想一想，天天抓落实，人人有责任。"],
  ["a document number in the right form", "同志们：\n根据《关于加强机关作风建设的意见》（市办发〔2024〕5号）精神，制定本方案。"],
  ["a multi-paragraph quotation", "同志们：\n他说：“第一段引文。\n“第二段引文。”"],
];

describe("no false alarms on the known traps", () => {
  it.each(TRAPS)("%s", (_name, text) => {
    expect(errorsOf(text)).toEqual([]);
    expect(errorsOf(text, gongwen)).toEqual([]);
  });
});
