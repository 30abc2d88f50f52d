import { speechSalutation } from "../../../../src/core/rules/numbering/speech-salutation";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(speechSalutation, {
  valid: [
    "同志们：\n今天我们召开会议。",
    "在全县办公室工作会议上的讲话\n各位领导、同志们：\n今天召开会议。\n一、认清形势\n同志们，让我们共同努力！",
    { name: "not a speech", text: "关于做好安全工作的通知\n各单位：\n现将有关事项通知如下。" },
    "尊敬的各位领导，各位来宾：\n大家好！",
    { name: "a later 同志们， opens a paragraph", text: "在全区工作会议上的讲话\n今天召开会议，主要任务是部署工作。\n同志们，任务艰巨。" },
    "同志们！\n今天召开会议。",
  ],
  invalid: [
    { name: "half-width colon", text: "同志们:\n今天召开会议。", findings: [{ excerpt: ":", message: "全角冒号" }], output: "同志们：\n今天召开会议。" },
    { name: "comma on the salutation line", text: "同志们，\n今天召开会议。", findings: 1, output: "同志们：\n今天召开会议。" },
    { name: "merged with the first sentence", text: "同志们：今天我们召开会议，部署工作。", findings: [{ message: "单独成行" }] },
    { name: "同志们， opening the speech", text: "在全县工作会议上的讲话\n同志们，今天我们召开会议。", findings: [{ paragraph: 1, message: "全角冒号" }] },
    { name: "no colon", text: "各位代表\n今天召开会议。", findings: [{ message: "缺少" }], output: "各位代表：\n今天召开会议。" },
    { text: "尊敬的各位领导，各位来宾:\n大家好！", findings: 1, output: "尊敬的各位领导，各位来宾：\n大家好！" },
  ],
});
