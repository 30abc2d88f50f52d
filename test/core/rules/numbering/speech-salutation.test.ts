import { speechSalutation } from "../../../../src/core/rules/numbering/speech-salutation";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(speechSalutation, {
  valid: [
    "同志们：\n今天我们召开会议。",
    "在全县办公室工作会议上的讲话\n各位领导、同志们：\n今天召开会议。\n一、认清形势\n同志们，让我们共同努力！",
    { name: "not a speech", text: "关于做好安全工作的通知\n各单位：\n现将有关事项通知如下。" },
    { name: "a notice about a speech is not a speech", text: "关于认真学习贯彻书记重要讲话精神的通知\n各单位：\n现将有关事项通知如下。" },
    { name: "a report with no speech markers", text: "2024年工作总结\n今年以来，我局认真落实各项工作。\n一、主要成绩\n二、存在问题" },
    "尊敬的各位领导，各位来宾：\n大家好！",
    { name: "stacked 称谓 lines, the last with the colon", text: "尊敬的张书记，\n尊敬的各位领导，\n女士们、先生们：\n大家好！" },
    { name: "a later 同志们， after the 称谓 line", text: "在全区工作会议上的讲话\n各位领导：\n今天召开会议，主要任务是部署工作。\n同志们，任务艰巨。" },
    { name: "a published excerpt may leave the 称谓 out", text: "在全市工作会议上的讲话（摘要）\n今天召开会议，部署工作。" },
    { name: "subtitle lines and the speaker before the 称谓", text: "决胜全面建成小康社会\n——在第十九次全国代表大会上的报告\n（2017年10月18日）\n习　近　平\n同志们：\n现在，我代表中央委员会向大会作报告。" },
    { name: "a space before the colon is another rule's", text: "同志们 ：\n今天召开会议。" },
  ],
  invalid: [
    {
      name: "a semicolon after the salutation line",
      text: "在五四青年节座谈会上的讲话\n青年朋友们;\n今天是五四青年节，很高兴和大家一起座谈交流。",
      findings: [{ excerpt: ";", messageId: "salutation-wrong-punct" }],
      output: "在五四青年节座谈会上的讲话\n青年朋友们：\n今天是五四青年节，很高兴和大家一起座谈交流。",
    },
    {
      name: "a 顿号 after the last salutation word",
      text: "在运动会开幕式上的致辞\n各位来宾，各位运动员、同志们、\n金秋十月，丹桂飘香。",
      findings: [{ excerpt: "、", messageId: "salutation-wrong-punct" }],
      output: "在运动会开幕式上的致辞\n各位来宾，各位运动员、同志们：\n金秋十月，丹桂飘香。",
    },
    {
      name: "half-width colon",
      text: "同志们:\n今天召开会议。",
      findings: [{ excerpt: ":", messageId: "salutation-halfwidth-colon", severity: "warning" }],
      output: "同志们：\n今天召开会议。",
    },
    { name: "comma on the salutation line", text: "同志们，\n今天召开会议。", findings: [{ messageId: "salutation-comma" }], output: "同志们：\n今天召开会议。" },
    {
      name: "同志们！ on its own line: older usage, info",
      text: "同志们！\n今天召开会议。",
      findings: [{ messageId: "salutation-exclamation", severity: "info" }],
      output: "同志们：\n今天召开会议。",
    },
    { name: "merged with the first sentence", text: "同志们：今天我们召开会议，部署工作。", findings: [{ messageId: "salutation-run-in", excerpt: "同志们：" }] },
    {
      name: "同志们， opening the speech",
      text: "在全县工作会议上的讲话\n同志们，今天我们召开会议。",
      findings: [{ paragraph: 1, messageId: "salutation-run-in", message: "全角冒号" }],
    },
    { name: "greeting run into the 称谓", text: "各位来宾大家好！\n今天我们欢聚一堂。", findings: [{ messageId: "salutation-run-in", message: "各位来宾" }] },
    { name: "greeting after a comma", text: "在开幕式上的致辞\n各位来宾，大家好！\n今天我们欢聚一堂。", findings: [{ paragraph: 1, messageId: "salutation-run-in" }] },
    { name: "no colon", text: "各位代表\n今天召开会议。", findings: [{ messageId: "salutation-no-colon" }], output: "各位代表：\n今天召开会议。" },
    { text: "尊敬的各位领导，各位来宾:\n大家好！", findings: [{ messageId: "salutation-halfwidth-colon" }], output: "尊敬的各位领导，各位来宾：\n大家好！" },
    {
      name: "stacked lines, the last without a colon",
      text: "尊敬的张书记，\n各位来宾，\n今天我们欢聚一堂。",
      findings: [{ paragraph: 1, messageId: "salutation-comma" }],
      output: "尊敬的张书记，\n各位来宾：\n今天我们欢聚一堂。",
    },
    {
      name: "a speech title but no 称谓",
      text: "在全县办公室工作会议上的讲话\n今天召开会议，主要任务是部署工作。\n一、认清形势",
      findings: [{ paragraph: 1, start: 0, end: 0, messageId: "missing-salutation", severity: "warning" }],
    },
    {
      name: "下面我讲… marks a speech",
      text: "今天召开会议，主要任务是部署工作。下面，我讲三点意见。\n一、认清形势\n二、明确任务\n三、狠抓落实",
      findings: [{ paragraph: 0, messageId: "missing-salutation" }],
    },
    {
      name: "谢谢大家 at the end is a hint",
      text: "今天召开会议，部署工作。\n希望大家再接再厉。\n谢谢大家！",
      findings: [{ messageId: "missing-salutation", severity: "info" }],
    },
    {
      name: "only a later 同志们， in the opening",
      text: "在全区工作会议上的讲话\n今天召开会议，主要任务是部署工作。\n同志们，任务艰巨。",
      findings: [{ paragraph: 1, messageId: "missing-salutation" }],
    },
    { name: "a 交流发言 title is a hint", text: "在全市座谈会上的交流发言\n按照会议安排，我就有关工作作交流发言。", findings: [{ messageId: "missing-salutation", severity: "info" }] },
  ],
});
