/**
 * The rules skip ordinary text with cheap pre-tests (a native regex, a char-code table) before the
 * detailed matching. These cases sit right at the edges of those pre-tests: each must still be found.
 */
import { garbled } from "../../../src/core/rules/text/garbled";
import { punctuationPair } from "../../../src/core/rules/text/punctuation-pair";
import { punctuationRepeat } from "../../../src/core/rules/text/punctuation-repeat";
import { numberFormat } from "../../../src/core/rules/content/number-format";
import { placeholder } from "../../../src/core/rules/content/placeholder";
import { typo } from "../../../src/core/rules/content/typo";
import { findUrlSpans } from "../../../src/core/text/chars";
import { findWatermarkSpans } from "../../../src/core/text/garbage";
import { runRule } from "../../helpers/ruleTester";

const spans = (t: string): string[] => findUrlSpans(t).map(([s, e]) => t.slice(s, e));
const excerpts = (f: Array<{ start: number; end: number }>, t: string): string[] => f.map((x) => t.slice(x.start, x.end));

describe("URL and watermark pre-tests", () => {
  it("let every kind of address through", () => {
    expect(spans("见ftp://a1文件")).toEqual(["ftp://a1"]);
    expect(spans("邮箱1@2.3，")).toEqual(["1@2.3"]);
    expect(spans("打开WWW.x1y")).toEqual(["WWW.x1y"]);
    expect(spans("访问ab.CN了解")).toEqual(["ab.CN"]);
    expect(spans("输入`ab`")).toEqual(["`ab`"]);
    expect(spans("比例为1:5，增长3.5%，时间17:00。")).toEqual([]);
  });

  it("find the shortest watermark (five tokens)", () => {
    const t = "正文 a& b# c* d5 e";
    expect(findWatermarkSpans(t).map(([s, e]) => t.slice(s, e))).toEqual(["a& b# c* d5 e"]);
    expect(findWatermarkSpans("正文 a& b# c* d5")).toEqual([]);
  });
});

describe("rule fast paths", () => {
  it("typo: a one-character extra word, doubled characters and 截止 at the paragraph end", () => {
    const text = "乡里开会，要抓好的的";
    const f = runRule(typo, { text, options: { extraPairs: [["乡", "镇"]] } });
    expect(excerpts(f, text)).toEqual(["乡", "的的"]);
    const t2 = "报名截止";
    expect(runRule(typo, { text: t2 })).toEqual([]);
    const t3 = "截止二〇二四年底";
    expect(excerpts(runRule(typo, { text: t3 }), t3)).toEqual(["截止"]);
  });

  it("placeholder: a blank with a wide space inside, and candidates next to non-candidates", () => {
    const text = "请于（\u2003待定）前报送，x年度计划由某某负责，在此填写名称，1920xx年";
    const f = runRule(placeholder, { text });
    // 1920xx: "20xx" glued to a digit is not a year blank
    expect(excerpts(f, text)).toEqual(["（\u2003待定）", "x", "某某", "在此填写"]);
  });

  it("number-format: a Chinese year at the very start and right after the fourth character", () => {
    const text = "二○一二年和二零二四年";
    expect(excerpts(runRule(numberFormat, { text }), text)).toEqual(["二○一二", "二零二四"]);
    const t2 = "共2 0 2 4年，12 345元";
    expect(excerpts(runRule(numberFormat, { text: t2 }), t2)).toEqual(["2 0 2 4", "12 345"]);
  });

  it("garbled: a phrase and letter-spaced Chinese after a stretch of ordinary text", () => {
    const text = "以上内容以下是小编整理的，浙 江 省 教 育 厅";
    const f = runRule(garbled, { text });
    expect(excerpts(f, text)).toEqual(["以下是小编整理", "浙 江 省 教 育 厅"]);
  });

  it("punctuation-pair and punctuation-repeat: marks late in a long paragraph", () => {
    const text = "一".repeat(500) + "《通知》》。。";
    expect(excerpts(runRule(punctuationPair, { text }), text)).toEqual(["》"]);
    expect(excerpts(runRule(punctuationRepeat, { text }), text)).toEqual(["。。"]);
  });
});
