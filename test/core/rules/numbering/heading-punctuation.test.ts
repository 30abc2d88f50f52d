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
  ],
  invalid: [
    { text: "一、指导思想：\n要坚持。", findings: [{ excerpt: "：", severity: "warning" }], output: "一、指导思想\n要坚持。" },
    { name: "short heading with 。 is info", text: "（一）工作目标。", findings: [{ severity: "info" }], output: "（一）工作目标" },
    { text: "1.主要任务；", findings: 1, output: "1.主要任务" },
    { text: "二、加强领导，", findings: 1, output: "二、加强领导" },
    { text: "三、保障措施、", findings: 1, output: "三、保障措施" },
    { name: "title with end punctuation", text: "关于开展安全检查的通知。\n各单位：\n一、检查范围", findings: [{ paragraph: 0, message: "标题" }], output: "关于开展安全检查的通知\n各单位：\n一、检查范围" },
  ],
});
