import { punctuationRepeat } from "../../../../src/core/rules/text/punctuation-repeat";
import { runRuleTests } from "../../../helpers/ruleTester";

runRuleTests(punctuationRepeat, {
  valid: [
    "难道不应该吗？！我们必须干！！",
    "学习、工作、生活……都要抓好。",
    "他说：“我……我……”话没说完就走了。",
    "这能行吗……？一定能行……！",
    "省略较长的内容…………用两个省略号。",
    // shapes of marks are punctuation-form's business: nothing here for this rule
    "等等。。。还有...以及--和2023-2025年",
    "学习等工作，生活等。",
  ],
  invalid: [
    {
      name: "stacked full stops",
      text: "认真落实。。",
      findings: [{ excerpt: "。。", messageId: "stacked-stops" }],
      output: "认真落实。",
    },
    {
      name: "comma + full stop",
      text: "推动工作再上新台阶，。",
      findings: [{ excerpt: "，。", messageId: "stacked-stops" }],
      output: "推动工作再上新台阶。",
    },
    {
      name: "、， has no obvious fix",
      text: "学习、，工作",
      findings: [{ excerpt: "、，", messageId: "stacked-stops" }],
    },
    {
      name: "a question mark wins over a full stop",
      text: "这是为什么？。",
      findings: [{ messageId: "stacked-stops" }],
      output: "这是为什么？",
    },
    {
      name: "……等 and 等…… are warnings",
      text: "学习、工作……等\n学习、工作等等……",
      findings: [
        { paragraph: 0, excerpt: "……等", messageId: "ellipsis-with-deng", severity: "warning" },
        { paragraph: 1, excerpt: "等等……", messageId: "ellipsis-with-deng" },
      ],
      output: "学习、工作等\n学习、工作等等",
    },
    {
      name: "a full stop after …… is dropped",
      text: "学习、工作、生活……。",
      findings: [{ excerpt: "。", messageId: "stop-after-ellipsis", severity: "error" }],
      output: "学习、工作、生活……",
    },
    {
      name: "a comma or 顿号 after …… is dropped (warning)",
      text: "学习、工作……，还有生活……、娱乐",
      findings: [
        { excerpt: "，", messageId: "stop-after-ellipsis", severity: "warning" },
        { excerpt: "、", messageId: "stop-after-ellipsis" },
      ],
      output: "学习、工作……还有生活……娱乐",
    },
    {
      name: "…… followed by stacked stops: one finding",
      text: "学习、工作……，。",
      findings: [{ excerpt: "，。", messageId: "stop-after-ellipsis" }],
      output: "学习、工作……",
    },
  ],
});
