import { garbled } from "../../../../src/core/rules/text/garbled";
import { makeDoc } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";

const utf8AsGbk = new TextDecoder("gbk").decode(new TextEncoder().encode("办公室工作的重要性"));
/** With the whitespace rule off, no-break spaces inside a line are garbled's to report. */
const NO_WHITESPACE = { rules: { whitespace: "off" as const } };

runRuleTests(garbled, {
  valid: [
    "这次会议的主要任务是贯彻全省质检系统办公室工作会议精神。",
    "党的重要文件、各级领导的每一次讲话，都是我们学习的范文。",
    "增强“以人为本、执政为民”的政治意识，1 + 2 = 3。",
    "café 与 naïve 是外文词；“××”是示例名称。",
    "请勾选：□同意 □不同意",
    "张三 李四 王五",
    "第一行\u000b第二行（手动换行）",
    "Tom & Jerry，A&B公司",
    { name: "letter-spaced table header", doc: makeDoc([{ text: "负 责 人", inTable: true }]) },
    "涓涓细流，汇成江海。",
    // letter-spacing as a layout convention
    { name: "author line of a report", text: "习　近　平" },
    { name: "letter-spaced 落款 on its own line", text: "　　某 某 市 人 民 政 府　" },
    { name: "letter-spaced short title", text: "会 议 纪 要" },
    { name: "label spaced to align", text: "签 发 人：张三" },
    // a no-break space inside a line is the whitespace rule's
    { name: "interior no-break space with the whitespace rule on", text: "不断增强\u00a0“以人为本、执政为民”" },
    // footnotes
    { name: "a reference whose note is in the document", text: "推进数字化转型[2]。\n[2] 参见《数字中国建设整体布局规划》。" },
    { name: "a reference list entry", text: "[1] 张三：《基层治理研究》，2020年。" },
    { name: "document number in square brackets", text: "根据国发[12]3号文件，做好工作。" },
    { name: "array index in code", text: "a[1]=0，b[2]=1" },
    { name: "circled numbers are item markers", text: "主要有三项：①加强领导；②完善制度；③强化考核。" },
    // question marks
    { name: "a question answered", text: "是谁？是我。" },
    { name: "a question then a sentence", text: "怎么办？我们要坚持改革开放。" },
    { name: "yes-no question", text: "对不对？对。行不行？行。" },
    { name: "rhetorical echo", text: "真的？真的。" },
    // paragraphs
    { name: "title, salutation and body", text: "在全市经济工作会议上的讲话\n同志们：\n今天我们召开会议，主要任务是部署工作。" },
    { name: "heading then body", text: "一、总体要求\n做好今年工作，要坚持稳中求进工作总基调，推动高质量发展。\n全面贯彻党的二十大精神。" },
    { name: "unmarked heading with a comma", text: "政府工作报告\n坚持稳中求进，推动高质量发展\n做好今年工作，要坚持稳中求进工作总基调。" },
    { name: "lead-in ending with a colon", text: "今年要重点做好以下几个方面的工作，主要包括：\n加强组织领导，压实工作责任。" },
    {
      name: "bold unmarked heading",
      doc: makeDoc(["政府工作报告", { text: "坚持以人民为中心的发展思想，不断增进民生福祉和社会公平正义", font: { bold: true } }, "做好今年工作，要坚持稳中求进工作总基调。"]),
    },
    {
      name: "unpunctuated list items",
      text: "工作要求\n加强组织领导，明确责任分工，确保各项工作落到实处\n强化督促检查，及时发现问题，推动整改落实到位\n严肃追责问责，对工作不力的单位和个人严肃处理",
    },
    { name: "short line without a sentence", text: "某某市人民政府办公室\n关于做好安全生产工作的通知" },
    { name: "quoted boilerplate is talked about", text: "有的图纸注明“仅供参考”，都不能作为施工的依据。" },
    "",
  ],
  invalid: [
    {
      name: "seed 001: forum watermark line",
      text: "1 D& E# O6 C: P9 c& k M$ d- E; o",
      findings: [{ messageId: "watermark" }],
      output: "",
    },
    {
      name: "seed 001: watermark glued to the next sentence",
      text: "~! T' B8 `! w. B6 j\" b0 A) Y# g刚才，玉祥同志作了总结。",
      findings: [{ messageId: "watermark" }],
      output: "刚才，玉祥同志作了总结。",
    },
    {
      name: "seed 000: site boilerplate",
      text: "下面是本站小编给大家整理的市办公室会议讲话稿，仅供参考。",
      findings: [{ messageId: "boilerplate", message: "本站小编" }],
    },
    {
      name: "seed 000: aggregator title and section heading",
      text: "办公室会议讲话说(汇总5篇)\n办公室会议讲话说篇一\n文档为doc格式",
      findings: [
        { paragraph: 0, messageId: "boilerplate" },
        { paragraph: 1, excerpt: "篇一", messageId: "boilerplate" },
        { paragraph: 2, messageId: "boilerplate" },
      ],
    },
    {
      name: "seed 000: □ for a missing character, [] residue, stray English word",
      text: "从大学毕业，一直到来工作□20年时间里\n随着我国加入wto[]改革开放\n随着质检事业的发展 and 客观形势的变化",
      findings: [
        { excerpt: "□", severity: "warning", messageId: "missing-glyph" },
        { excerpt: "[]", messageId: "empty-brackets" },
        { excerpt: "and", messageId: "stray-english" },
      ],
    },
    {
      name: "seed 004: no-break space (whitespace rule off)",
      text: "不断增强\u00a0“以人为本、执政为民”",
      config: NO_WHITESPACE,
      findings: [{ severity: "warning", messageId: "nbsp" }],
      output: "不断增强“以人为本、执政为民”",
    },
    {
      // Found by test/fuzz: one NBSP at a time left the next one against the Chinese after fixing.
      name: "a run of no-break spaces is one finding and one deletion",
      text: "我们\u00a0\u00a0\n\u00a0\u00a0\u00a0工作",
      findings: [
        { paragraph: 0, excerpt: "\u00a0\u00a0", messageId: "nbsp" },
        { paragraph: 1, excerpt: "\u00a0\u00a0\u00a0", messageId: "nbsp" },
      ],
      output: "我们\n工作",
    },
    {
      name: "replacement character and private-use character",
      text: "办公室工作的重要\ufffd\ufffd，要\ue001抓好",
      findings: [
        { excerpt: "\ufffd\ufffd", messageId: "replacement-char" },
        { messageId: "private-use" },
      ],
    },
    {
      name: "zero-width and control characters are removed",
      text: "办公\u200b室\u0000工作\ufeff",
      findings: [
        { messageId: "invisible-char", severity: "warning" },
        { messageId: "control-char", severity: "error" },
        { messageId: "invisible-char" },
      ],
      output: "办公室工作",
    },
    {
      name: "HTML entities and tags",
      text: "<p>办公室&nbsp;工作&#12290;A&amp;B</p>",
      findings: [
        { messageId: "html-tag" },
        { messageId: "html-entity" },
        { messageId: "html-entity" },
        { messageId: "html-entity" },
        { messageId: "html-tag" },
      ],
      output: "办公室工作。A&B",
    },
    {
      name: "UTF-8 read as Latin-1",
      text: "Ã©tÃ© åŠžå…¬å®¤",
      findings: [{ messageId: "mojibake-latin", message: "été 办公室" }],
    },
    {
      name: "UTF-8 read as GBK",
      text: `会议通知：${utf8AsGbk}`,
      findings: [{ messageId: "mojibake-gbk", message: "办公室工作的重要" }],
    },
    {
      name: "run of rare extension characters",
      text: "会议㐀㐁㐂㐃决定",
      findings: [{ messageId: "rare-han-run" }],
    },
    {
      name: "letter-spaced Chinese in body text",
      text: "现 在 我 代 表 国 务 院 向 大 会 报 告 工 作 。",
      findings: [{ messageId: "letter-spaced" }],
      output: "现在我代表国务院向大会报告工作 。",
    },
    {
      name: "letter-spaced with no-break and thin spaces: one finding",
      text: "请 浙\u00a0江\u2009省 教 育 厅，并转各地。",
      findings: [{ messageId: "letter-spaced" }],
      output: "请浙江省教育厅，并转各地。",
    },
    {
      name: "letter-spaced with no-break spaces, whitespace rule off: still one finding",
      text: "请 浙\u00a0江\u00a0省 教 育 厅，并转各地。",
      config: NO_WHITESPACE,
      findings: [{ messageId: "letter-spaced" }],
      output: "请浙江省教育厅，并转各地。",
    },
    {
      name: "mojibake classics",
      text: "锟斤拷锟斤拷烫烫烫",
      findings: [{ messageId: "boilerplate" }],
    },
    {
      name: "dangling footnote references",
      text: "推进数字化转型[2]，提升治理能力[1][3]。加强基层治理［3］。",
      findings: [
        { messageId: "footnote-marker", excerpt: "[2]" },
        { messageId: "footnote-marker", excerpt: "[1][3]" },
        { messageId: "footnote-marker", excerpt: "［3］" },
      ],
      output: "推进数字化转型，提升治理能力。加强基层治理。",
    },
    {
      name: "a reference after a closing quote, another note present",
      text: "坚持“两个毫不动摇”[4]。\n[1] 参见有关文件。",
      findings: [{ paragraph: 0, messageId: "footnote-marker" }],
      output: "坚持“两个毫不动摇”。\n[1] 参见有关文件。",
    },
    {
      name: "lost separator between names",
      text: "出席：张三？李四、王五\n卡尔?马克思\n马克思\ufffd恩格斯",
      findings: [
        { paragraph: 0, messageId: "lost-separator", severity: "warning", excerpt: "？" },
        { paragraph: 1, messageId: "lost-separator", severity: "warning" },
        { paragraph: 2, messageId: "lost-separator", severity: "error", excerpt: "\ufffd" },
      ],
    },
    {
      name: "paragraph broken in mid-sentence",
      text: "政府工作报告\n民生是最大的政治。我们要坚持以人民为中心的发展思想，不断增进民生福祉，推动共同\n富裕取得更为明显的实质性进展。",
      findings: [{ paragraph: 1, messageId: "broken-paragraph", severity: "warning", excerpt: "同" }],
    },
    {
      name: "paragraph broken after a comma",
      text: "各位代表：\n全年国内生产总值增长百分之五左右，城镇新增就业一千二百万人以上，\n居民消费价格涨幅百分之三左右。",
      findings: [{ paragraph: 1, messageId: "broken-paragraph", excerpt: "，" }],
    },
  ],
});
