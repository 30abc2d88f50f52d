import { punctuationHalfwidth } from "../../../../src/core/rules/text/punctuation-halfwidth";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(punctuationHalfwidth, {
  valid: [
    "今天，我们召开全县办公室工作会议。",
    "增长3.5%，比例为1:5，下午17:00开会，17：00散会。",
    "共投入资金1,000万元。",
    "请登录 https://www.example.gov.cn/a?b=1,2;c 查询，或发邮件至 office@example.gov.cn。",
    "文件请用Word (docx)格式报送。",
    "(一)要紧贴领导意图，积极主动服务。",
    "（三）改进作风，切实发挥表率作用。",
    "He said \"hello\" and left.",
    "执行 `a(b); c: d` 命令。",
    "他说“要讲政治”，我们要照办。",
    // a forum watermark is the garbled rule's business, not punctuation
    "1 D& E# O6 C: P9 c& k M$ d- E; o",
    // a full stop: decimals, list markers, URLs, abbreviations and English sentences keep their "."
    "1.经费预算为12.5万元。访问www.gov.cn.cn查询，会议在a.m.举行。",
    "The U.S. economy grew. 美国经济增长。",
    "详见第3.2节。",
  ],
  invalid: [
    {
      name: "seed 001: half-width commas",
      text: "今天,我是带着感谢和感情来参加今天这个会。",
      findings: [{ excerpt: ",", messageId: "comma" }],
      output: "今天，我是带着感谢和感情来参加今天这个会。",
    },
    {
      name: "seed 003: half-width semicolon",
      text: "始终与党委保持一致;要讲大局，围绕大局搞好服务;要讲规矩",
      findings: [{ start: 9, messageId: "semicolon" }, { start: 23, messageId: "semicolon" }],
      output: "始终与党委保持一致；要讲大局，围绕大局搞好服务；要讲规矩",
    },
    {
      name: "seed 001: ! before a watermark",
      text: "致以亲切的问候! 8 V9 e' m5 e( y. o1 _- o",
      findings: [{ excerpt: "!", messageId: "exclamation" }],
      output: "致以亲切的问候！ 8 V9 e' m5 e( y. o1 _- o",
    },
    {
      name: "seed 000: brackets around Chinese",
      text: "室及市(县)直有关部门进行配合",
      findings: [{ excerpt: "(", messageId: "bracket" }, { excerpt: ")", messageId: "bracket" }],
      output: "室及市（县）直有关部门进行配合",
    },
    {
      name: "abbreviation in brackets after Chinese",
      text: "国内生产总值 (GDP)增长6%。",
      findings: 2,
      output: "国内生产总值（GDP）增长6%。",
    },
    {
      name: "straight quotes get a direction from pairing",
      text: "他强调\"三个服务\"，要做到\"细节决定成败\"。",
      findings: 4,
      output: "他强调“三个服务”，要做到“细节决定成败”。",
    },
    {
      name: "spaces around the mark go with it; question and colon",
      text: "怎么办 ? 我看 : 要抓落实",
      findings: [{ messageId: "question" }, { messageId: "colon" }],
      output: "怎么办？我看：要抓落实",
    },
    {
      name: "a closing straight quote after a full-width opening quote",
      text: "要坚持“以人民为中心\"的发展思想",
      findings: 1,
      output: "要坚持“以人民为中心”的发展思想",
    },
    {
      name: "single quotes inside Chinese",
      text: "是'总开关'。",
      findings: [{ messageId: "quote" }, { messageId: "quote" }],
      output: "是‘总开关’。",
    },
    {
      name: "a half-width . ending a Chinese sentence",
      text: "我们要做好工作.下一步要抓落实.\n他说“好”. 会议结束．",
      findings: [
        { paragraph: 0, start: 7, messageId: "period" },
        { paragraph: 0, messageId: "period" },
        { paragraph: 1, messageId: "period" },
        { paragraph: 1, messageId: "period" },
      ],
      output: "我们要做好工作。下一步要抓落实。\n他说“好”。会议结束。",
    },
    {
      name: "a half-width ( closed by a full-width ） and the reverse",
      text: "会议室(三楼东侧）和（二楼)",
      findings: [
        { excerpt: "(", messageId: "bracket" },
        { excerpt: ")", messageId: "bracket" },
      ],
      output: "会议室（三楼东侧）和（二楼）",
    },
    {
      name: "a bracketed marker in mid-paragraph is reported",
      text: "工作要落实。(二)要加强学习",
      findings: 2,
      output: "工作要落实。（二）要加强学习",
    },
  ],
});
