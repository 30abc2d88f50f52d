import { headingPunctuation } from "../../../../src/core/rules/numbering/heading-punctuation";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(headingPunctuation, {
  valid: [
    "一、指导思想\n（一）工作目标",
    { name: "run-in heading ends its heading with 。", text: "（一）加强学习。要认真读书。" },
    { name: "full-sentence heading ending in 。 (trap 2)", text: "（一）坚持以人民为中心的发展思想，不断增强人民群众的获得感和幸福感。" },
    { name: "list item in sentence form", text: "1.坚持党的领导，加强组织建设；\n2.坚持依法行政，提高工作效率。" },
    "在全县工作会议上的讲话\n同志们：",
    "（一）为什么要加强学习？",
    {
      name: "government work report: every sibling heading ends in 。",
      text: "（一）推动重要领域改革取得新突破。\n改革是最大的红利。\n（二）开创高水平对外开放新局面。\n开放也是改革。\n（三）增强内需拉动经济的主引擎作用。\n扩大内需。",
    },
    {
      name: "most siblings end in 。, one does not: quiet",
      text: "一、甲\n（一）推动改革取得新突破。\n（二）扩大对外开放。\n（三）增强内需",
    },
    { name: "two siblings, both ending in 。", text: "一、要充分认识做好办公室工作的重要意义。\n要学习。\n二、要切实加强办公室队伍建设。\n要落实。" },
  ],
  invalid: [
    { text: "一、指导思想：\n要坚持。", findings: [{ excerpt: "：", messageId: "heading-end-punct", severity: "warning" }], output: "一、指导思想\n要坚持。" },
    { name: "short lone heading with 。 is info", text: "（一）工作目标。", findings: [{ messageId: "heading-full-stop", severity: "info" }], output: "（一）工作目标" },
    { text: "1.主要任务；", findings: [{ messageId: "heading-end-punct" }], output: "1.主要任务" },
    { text: "二、加强领导，", findings: [{ messageId: "heading-end-punct" }], output: "二、加强领导" },
    { text: "三、保障措施、", findings: [{ messageId: "heading-end-punct" }], output: "三、保障措施" },
    {
      name: "one heading ends in 。 while its siblings do not",
      text: "一、总体要求\n（一）指导思想\n（二）工作目标。\n（三）基本原则",
      findings: [{ paragraph: 2, excerpt: "。", messageId: "heading-full-stop", severity: "warning" }],
      output: "一、总体要求\n（一）指导思想\n（二）工作目标\n（三）基本原则",
    },
    {
      name: "a long sentence heading among short plain siblings",
      text: "一、加强学习\n二、坚持以人民为中心的发展思想，不断增强人民群众的获得感。\n三、狠抓落实",
      findings: [{ paragraph: 1, messageId: "heading-full-stop" }],
      output: "一、加强学习\n二、坚持以人民为中心的发展思想，不断增强人民群众的获得感\n三、狠抓落实",
    },
    {
      name: "a lone （一） compared with the other headings of its level",
      text: "一、甲\n（一）工作目标。\n二、乙\n（一）基本原则\n（二）主要任务",
      findings: [{ paragraph: 1, messageId: "heading-full-stop", severity: "warning" }],
      output: "一、甲\n（一）工作目标\n二、乙\n（一）基本原则\n（二）主要任务",
    },
    { name: "title with end punctuation", text: "关于开展安全检查的通知。\n各单位：\n一、检查范围", findings: [{ paragraph: 0, messageId: "title-end-punct" }], output: "关于开展安全检查的通知\n各单位：\n一、检查范围" },
  ],
});
