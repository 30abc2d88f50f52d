import { punctuationPair } from "../../../../src/core/rules/text/punctuation-pair";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(punctuationPair, {
  valid: [
    "学习《党政机关公文处理工作条例》，落实“三个服务”要求（见附件）。",
    "顾书记指出“办公室是‘总开关’，要发挥‘参谋、助手’作用”。",
    "印发《关于〈公文处理办法〉的补充通知》。",
    "×政发〔2024〕3号",
    // a quotation over several paragraphs: each opens with “, only the last one closes
    "他说：“第一段内容。\n“第二段内容。\n“第三段内容。”",
    "1）加强组织领导；2）明确工作责任。",
    "a) 第一项 b) 第二项",
    "要做到(一)和（二）两点",
    "访问 http://example.gov.cn/a_(b) 查看。",
    // brackets of different forms, and bracketed 序次语 inside a bracket, are not same-form nesting
    "根据《通知》（市办发〔2024〕5号）精神，分两步（（1）摸底；（2）整改）推进。",
    "会议在会议室（三楼东侧）举行（另行通知）。",
    // a half-width bracket inside is punctuation-halfwidth's fix first
    "国内生产总值（GDP(按可比价格计算)）增长。",
  ],
  invalid: [
    {
      name: "closing mark with two unclosed marks above its opener, opener at the bottom (once crashed)",
      text: "（“《内容）",
      findings: [{ excerpt: "“", messageId: "unclosed" }, { excerpt: "《", messageId: "unclosed" }],
    },
    {
      name: "closing mark with two unclosed marks above its opener, opener not at the bottom",
      text: "【甲（“《内容）乙】",
      findings: [{ excerpt: "“", messageId: "unclosed" }, { excerpt: "《", messageId: "unclosed" }],
    },
    {
      name: "closing quote with unclosed marks above its opener keeps the outer pair",
      text: "“甲（〔乙”丙",
      findings: [{ excerpt: "（", messageId: "unclosed" }, { excerpt: "〔", messageId: "unclosed" }],
    },
    {
      name: "catalog: “ nested in “ with no closer",
      text: "“坚持“四个意识”",
      findings: [{ start: 0, messageId: "unclosed" }],
    },
    {
      name: "unclosed 《",
      text: "认真学习《关于加强办公室建设的通知，抓好落实。",
      findings: [{ excerpt: "《", messageId: "unclosed" }],
    },
    {
      name: "seed 000: a paragraph split inside a quotation",
      text: "顾书记指出“办公室处在上呈下达、协调各方的位置，是‘总开关’；承担着\n\n重要职能，要充分发挥好‘参谋、助手、耳目’作用”。强调",
      findings: [
        { paragraph: 0, messageId: "unclosed" },
        { paragraph: 2, messageId: "unmatched-close" },
      ],
    },
    {
      name: "quote direction error is swapped",
      text: "要落实”三个服务“要求",
      findings: [{ start: 3, messageId: "quote-direction" }],
      output: "要落实“三个服务”要求",
    },
    {
      name: "double quotes nested directly become single quotes",
      text: "他说：“要当好“参谋助手”。”",
      findings: [{ start: 7, messageId: "nested-quote" }],
      output: "他说：“要当好‘参谋助手’。”",
    },
    {
      name: "《 inside 《 becomes 〈〉",
      text: "印发《关于《公文处理办法》的补充通知》",
      findings: [{ start: 5, messageId: "nested-book" }],
      output: "印发《关于〈公文处理办法〉的补充通知》",
    },
    {
      name: "stray closing bracket",
      text: "各级党委、政府）要高度重视",
      findings: [{ excerpt: "）", messageId: "unmatched-close" }],
    },
    {
      name: "crossed marks are reported once",
      text: "（见“附件）”说明",
      findings: [{ excerpt: "）", messageId: "crossing" }],
    },
    {
      name: "two closing quotes",
      text: "所谓”细节决定成败”，就是",
      findings: [{ start: 2, messageId: "quote-direction" }],
      output: "所谓“细节决定成败”，就是",
    },
    {
      name: "round brackets inside round brackets: the inner pair becomes ［］",
      text: "会议在（会议室（三楼东侧））举行。",
      findings: [{ excerpt: "（", start: 7, messageId: "nested-bracket", severity: "warning" }],
      output: "会议在（会议室［三楼东侧］）举行。",
    },
    {
      name: "two inner pairs are fixed together, reported once",
      text: "（一是学习（政治理论），二是实践（基层锻炼））",
      findings: [{ start: 5, messageId: "nested-bracket" }],
      output: "（一是学习［政治理论］，二是实践［基层锻炼］）",
    },
    {
      name: "unclosed 【 and 〔",
      text: "【重要提示 文号为〔2024号",
      findings: [{ excerpt: "【", messageId: "unclosed" }, { excerpt: "〔", messageId: "unclosed" }],
    },
  ],
});
