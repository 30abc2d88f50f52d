import { formatNumber } from "../../../src/core/reader/numformat";

const seq = (fmt: string, ns: number[]) => ns.map((n) => formatNumber(n, fmt));

describe("list number formats", () => {
  test("chineseCounting", () => {
    expect(seq("chineseCounting", [1, 2, 9, 10, 11, 19, 20, 21, 99])).toEqual(["一", "二", "九", "十", "十一", "十九", "二十", "二十一", "九十九"]);
  });

  test("chineseCountingThousand", () => {
    expect(seq("chineseCountingThousand", [1, 10, 11, 20, 21, 100, 101, 110, 111, 1000, 1001, 1010, 10000, 10010])).toEqual([
      "一", "十", "十一", "二十", "二十一", "一百", "一百零一", "一百一十", "一百一十一", "一千", "一千零一", "一千零一十", "一万", "一万零一十",
    ]);
  });

  test("chineseLegalSimplified", () => {
    expect(seq("chineseLegalSimplified", [1, 10, 12, 105])).toEqual(["壹", "拾", "拾贰", "壹佰零伍"]);
  });

  test("ideographTraditional and ideographZodiac", () => {
    expect(seq("ideographTraditional", [1, 2, 10])).toEqual(["甲", "乙", "癸"]);
    expect(seq("ideographZodiac", [1, 2, 12])).toEqual(["子", "丑", "亥"]);
  });

  test("decimalEnclosedCircle: ① to ⑳, then decimal", () => {
    expect(seq("decimalEnclosedCircle", [1, 2, 10, 20, 21])).toEqual(["①", "②", "⑩", "⑳", "21"]);
    expect(seq("decimalEnclosedCircleChinese", [1, 20])).toEqual(["①", "⑳"]);
  });

  test("decimal, decimalZero and decimalFullWidth", () => {
    expect(seq("decimal", [1, 12])).toEqual(["1", "12"]);
    expect(seq("decimalZero", [1, 9, 10])).toEqual(["01", "09", "10"]);
    expect(seq("decimalFullWidth", [1, 12])).toEqual(["１", "１２"]);
  });

  test("letters and roman numerals", () => {
    expect(seq("upperLetter", [1, 26, 27, 28])).toEqual(["A", "Z", "AA", "BB"]);
    expect(seq("lowerLetter", [3])).toEqual(["c"]);
    expect(seq("upperRoman", [1, 4, 9, 14, 40, 1994])).toEqual(["I", "IV", "IX", "XIV", "XL", "MCMXCIV"]);
    expect(seq("lowerRoman", [3, 12])).toEqual(["iii", "xii"]);
  });

  test("bullet and none give no number; unknown formats fall back to decimal", () => {
    expect(formatNumber(3, "bullet")).toBe("");
    expect(formatNumber(3, "none")).toBe("");
    expect(formatNumber(3, "somethingNew")).toBe("3");
  });
});
