import { numberingMarker } from "../../../../src/core/rules/numbering/numbering-marker";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(numberingMarker, {
  valid: [
    "一、总体要求\n（一）指导思想\n1.坚持党的领导\n（1）加强组织\n①建立制度",
    "第一，要向书本学习。第二，要向实践学习。",
    "一是加强学习，二是注重实践。",
    { name: "1． is the house form by config (trap 7)", text: "1．坚持党的领导\n2．加强组织", config: { format: { arabicMarker: "．" } } },
    "投资1.5亿元，增长3.5%。",
    "一、二年级学生参加。",
    "第一次会议。第一书记。第一时间。",
  ],
  invalid: [
    {
      name: "half-width (一) (seed 000)",
      text: "(一)要紧贴领导意图，积极主动服务。",
      findings: [{ excerpt: "(一)", message: "半角括号", severity: "error" }],
      output: "（一）要紧贴领导意图，积极主动服务。",
    },
    { text: "一.指导思想", findings: [{ message: "顿号" }], output: "一、指导思想" },
    { text: "1、总体要求\n2、工作目标", findings: 2, output: "1.总体要求\n2.工作目标" },
    { name: "1、 fixed to the house form 1．", text: "1、总体要求", config: { format: { arabicMarker: "．" } }, findings: 1, output: "1．总体要求" },
    { text: "（一）、工作目标", findings: [{ message: "不应再加标点" }], output: "（一）工作目标" },
    { text: "（一)加强学习", findings: [{ message: "混用" }], output: "（一）加强学习" },
    { name: "space after the marker is a warning", text: "二、 工作要求", findings: [{ severity: "warning", message: "空格" }], output: "二、工作要求" },
    { name: "full-width digits, fixed to the house form", text: "１．总体要求", findings: [{ message: "全角数字" }], output: "1.总体要求" },
    { name: "1． against the house form 1. is info", text: "1．总体要求", findings: [{ severity: "info" }], output: "1.总体要求" },
    { name: "1. against the house form 1．", text: "1.总体要求", config: { format: { arabicMarker: "．" } }, findings: [{ severity: "info" }], output: "1．总体要求" },
    { text: "第一、要向书本学习。", findings: [{ excerpt: "第一、", message: "逗号" }], output: "第一，要向书本学习。" },
    { text: "一是：加强学习。二是、注重实践。", findings: [{ severity: "info" }, { severity: "info" }], output: "一是加强学习。二是注重实践。" },
    {
      name: "faulty list label: reported without a fix",
      doc: makeDoc([{ text: "加强学习", listLabel: "(一)" }]),
      findings: [{ start: 0, end: 0, message: "编号" }],
    },
  ],
});
