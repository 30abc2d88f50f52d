import { garbled } from "../../../src/core/rules/text/garbled";
import { whitespace } from "../../../src/core/rules/text/whitespace";
import { findFootnoteRefs, findLostSeparators, footnoteLabel } from "../../../src/core/text/garbage";
import { runRule } from "../../helpers/ruleTester";

const refs = (t: string): string[] => findFootnoteRefs(t).map(({ span: [s, e] }) => t.slice(s, e));
const seps = (t: string): string[] => findLostSeparators(t).map((k) => t.slice(k - 1, k + 2));

describe("footnote references", () => {
  it.each<[string, string[]]>([
    ["推进数字化转型[2]，提升能力。", ["[2]"]],
    ["加强基层治理［3］。", ["［3］"]],
    ["坚持“两个毫不动摇”[4][5]。", ["[4][5]"]],
    ["见有关论述[1-3]，另见[6,7]。", ["[1-3]", "[6,7]"]],
    ["[1] 张三：《基层治理研究》。", []],
    ["　　［2］参见有关文件。", []],
    ["根据国发[12]3号文件。", []],
    ["执行第[1]号令。", []],
    ["a[1]=0", []],
    ["序号 [2] 前有空格", []],
    ["数组[1000]超出三位", []],
    ["", []],
  ])("%s", (text, want) => {
    expect(refs(text)).toEqual(want);
  });

  it("reads the note number a paragraph opens with", () => {
    expect(footnoteLabel("[2] 参见有关文件。")).toBe(2);
    expect(footnoteLabel("　［12］参见。")).toBe(12);
    expect(footnoteLabel("推进转型[2]。")).toBe(-1);
    expect(footnoteLabel("")).toBe(-1);
  });
});

describe("lost separators between names", () => {
  it.each<[string, string[]]>([
    ["张三？李四", ["三？李"]],
    ["出席：张三?李四、王五", ["三?李"]],
    ["卡尔\ufffd马克思", ["尔\ufffd马"]],
    ["是谁？是我。", []],
    ["怎么办？我们要坚持改革。", []],
    ["对不对？对。", []],
    ["真的？真的。", []],
    ["为什么？因为要发展。", []],
    ["你好？", []],
    ["一个很长的问题吗？张三", []],
    ["？", []],
    ["", []],
  ])("%s", (text, want) => {
    expect(seps(text)).toEqual(want);
  });
});

describe("whitespace and garbled never throw", () => {
  const hostile = [
    "",
    " ",
    "\u3000\u3000\u3000",
    "\ud800",
    "\udc00张 三\ud800",
    "\u200b \u200b",
    "，。 ；：！？ “”（）",
    "（ ",
    " ）",
    "[",
    "［1］",
    "1 ",
    " 1",
    "? ",
    "张?",
    "\ufffd",
    "第 条",
    "主题词",
    "a".repeat(3) + " " + "字",
  ];
  it.each(hostile)("%j", (text) => {
    expect(() => runRule(whitespace, { text })).not.toThrow();
    expect(() => runRule(garbled, { text })).not.toThrow();
    expect(() => runRule(whitespace, { text: `${text}\n${text}` })).not.toThrow();
    expect(() => runRule(garbled, { text: `${text}\n${text}` })).not.toThrow();
  });
});
