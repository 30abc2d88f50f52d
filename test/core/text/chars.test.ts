import { findUrlSpans, isCJK, isFullwidthPunct, isHan, isRareHan, nextNonSpace, prevNonSpace, spanMask } from "../../../src/core/text/chars";
import { findWatermarkSpans, recoverGbkMojibake } from "../../../src/core/text/garbage";
import { punctuationSkipMask } from "../../../src/core/text/skip";

const code = (s: string): number => s.charCodeAt(0);
const spans = (t: string): string[] => findUrlSpans(t).map(([s, e]) => t.slice(s, e));

describe("character classes", () => {
  it.each([
    ["中", true, true, false],
    ["〇", true, true, false],
    ["㐀", true, true, false],
    ["，", false, true, true],
    ["“", false, true, true],
    ["《", false, true, true],
    ["…", false, true, true],
    ["a", false, false, false],
    [",", false, false, false],
    ["é", false, false, false],
  ])("%s: han %s, cjk %s, fullwidth punct %s", (ch, han, cjk, fw) => {
    expect(isHan(code(ch))).toBe(han);
    expect(isCJK(code(ch))).toBe(cjk);
    expect(isFullwidthPunct(code(ch))).toBe(fw);
  });

  it("knows rare extension characters", () => {
    expect(isRareHan(code("㐀"))).toBe(true);
    expect(isRareHan("𠮷".charCodeAt(0))).toBe(true);
    expect(isRareHan(code("中"))).toBe(false);
  });

  it("skips spaces to the neighbours", () => {
    expect(prevNonSpace("中  ,", 3)).toBe(0);
    expect(nextNonSpace(",\u3000 中", 0)).toBe(3);
    expect(prevNonSpace("  ,", 2)).toBe(-1);
    expect(nextNonSpace(",  ", 0)).toBe(3);
  });
});

describe("findUrlSpans", () => {
  it("finds URLs, e-mail addresses, bare domains and inline code", () => {
    expect(spans("见https://www.gov.cn/zhengce/a.htm?x=1,2。")).toEqual(["https://www.gov.cn/zhengce/a.htm?x=1,2"]);
    expect(spans("发至 office@jyt.zj.gov.cn，或访问www.zj.gov.cn.")).toEqual(["office@jyt.zj.gov.cn", "www.zj.gov.cn"]);
    expect(spans("登录 jyt.zj.gov.cn/xxgk 查询")).toEqual(["jyt.zj.gov.cn/xxgk"]);
    expect(spans("运行 `f(x);` 即可")).toEqual(["`f(x);`"]);
  });

  it("ignores ordinary text, numbers and Latin words", () => {
    expect(spans("今天,我们1,000元，3.5%，17:00，Word (docx)。")).toEqual([]);
    expect(spans("e.g. Mr. Smith, version 1.2.3")).toEqual([]);
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const t = "a".repeat(200_000) + "@" + "b.".repeat(100_000);
    findUrlSpans(t);
  });

  it("builds a mask", () => {
    expect(spanMask(5, [])).toBeNull();
    expect(Array.from(spanMask(5, [[1, 3]]) as Uint8Array)).toEqual([0, 1, 1, 0, 0]);
  });
});

describe("garbage detectors", () => {
  it("finds forum watermarks but not ordinary ASCII", () => {
    const line = "下面,我就强调三点意见。 / Z& h\" Y7 \\6 f1 X* d) w";
    const w = findWatermarkSpans(line);
    expect(w.map(([s, e]) => line.slice(s, e))).toEqual(["/ Z& h\" Y7 \\6 f1 X* d) w"]);
    expect(findWatermarkSpans("a + b = c, x = 1")).toEqual([]);
    expect(findWatermarkSpans("GB/T 9704-2012 and ISO 9001")).toEqual([]);
    // the ! belongs to the sentence before the watermark
    const t = "问候! 8 V9 e' m5 e( y. o1 _- o";
    expect(findWatermarkSpans(t).map(([s, e]) => t.slice(s, e))).toEqual(["8 V9 e' m5 e( y. o1 _- o"]);
  });

  it("recovers UTF-8 text decoded as GBK, and nothing from real Chinese", () => {
    const bad = new TextDecoder("gbk").decode(new TextEncoder().encode("贯彻落实会议精神"));
    expect(recoverGbkMojibake(bad)).toContain("贯彻落实会议精");
    expect(recoverGbkMojibake("贯彻落实会议精神")).toBeNull();
  });

  it("masks URLs and watermarks for the punctuation rules", () => {
    expect(punctuationSkipMask("今天,我们开会。")).toBeNull();
    const m = punctuationSkipMask("见 a.gov.cn/x,y 页") as Uint8Array;
    expect(m[2]).toBe(1);
    expect(m[0]).toBe(0);
  });
});
