import { fontFamily, fontLabel, fontMatches, hasHan, normalizeFontName, sizeLabel } from "../../../src/core/format/fonts";
import { speechProfile } from "../../../src/core/profiles";

describe("normalizeFontName", () => {
  it.each([
    ["仿宋_GB2312", "仿宋gb2312"],
    ["仿宋 GB2312", "仿宋gb2312"],
    [" FangSong_GB2312 ", "fangsonggb2312"],
    ["Ｆａｎｇｓｏｎｇ", "fangsong"],
    ["@仿宋", "仿宋"],
    ["Times New Roman", "timesnewroman"],
  ])("%s → %s", (name, want) => {
    expect(normalizeFontName(name)).toBe(want);
  });
});

describe("fontFamily", () => {
  it.each([
    ["仿宋_GB2312", "fangsong"],
    ["FangSong", "fangsong"],
    ["方正仿宋_GBK", "fangsong"],
    ["华文仿宋", "fangsong"],
    ["STFangsong", "fangsong"],
    ["楷体_GB2312", "kaiti"],
    ["KaiTi", "kaiti"],
    ["方正楷体简体", "kaiti"],
    ["STKaiti", "kaiti"],
    ["黑体", "heiti"],
    ["SimHei", "heiti"],
    ["方正黑体_GBK", "heiti"],
    ["华文黑体", "heiti"],
    ["宋体", "songti"],
    ["SimSun", "songti"],
    ["NSimSun", "songti"],
    ["新宋体", "songti"],
    ["方正书宋_GBK", "songti"],
    ["华文中宋", "songti"],
    ["方正小标宋简体", "xiaobiaosong"],
    ["方正小标宋_GBK", "xiaobiaosong"],
    ["小标宋", "xiaobiaosong"],
    ["微软雅黑", "other"],
    ["微軟正黑體", "other"],
    ["Microsoft YaHei", "other"],
    ["等线", "other"],
    ["Times New Roman", "other"],
    ["", "other"],
  ])("%s → %s", (name, fam) => {
    expect(fontFamily(name)).toBe(fam);
  });

  it("treats undefined as other", () => {
    expect(fontFamily(undefined)).toBe("other");
  });
});

describe("fontLabel", () => {
  it("names known fonts by family", () => {
    expect(fontLabel("SimSun")).toBe("宋体");
    expect(fontLabel("方正书宋_GBK")).toBe("宋体");
    expect(fontLabel("仿宋_GB2312")).toBe("仿宋");
    expect(fontLabel("方正小标宋简体")).toBe("小标宋体");
  });
  it("keeps unknown names as written", () => {
    expect(fontLabel(" 微软雅黑 ")).toBe("微软雅黑");
  });
});

describe("fontMatches", () => {
  const spec = speechProfile().format;
  it("accepts the profile's aliases, normalised", () => {
    expect(fontMatches("仿宋_GB2312", spec.body.fonts)).toBe(true);
    expect(fontMatches("fangsong_gb2312", spec.body.fonts)).toBe(true);
    expect(fontMatches("仿宋 GB2312", spec.body.fonts)).toBe(true);
    expect(fontMatches("SimHei", spec.level1.fonts)).toBe(true);
  });
  it("accepts another font of the same family", () => {
    expect(fontMatches("方正仿宋_GB18030", spec.body.fonts)).toBe(true);
  });
  it("rejects other families and unknown fonts", () => {
    expect(fontMatches("宋体", spec.body.fonts)).toBe(false);
    expect(fontMatches("黑体", spec.level2.fonts)).toBe(false);
    expect(fontMatches("微软雅黑", spec.level1.fonts)).toBe(false);
    expect(fontMatches("Times New Roman", spec.body.fonts)).toBe(false);
  });
  it("matches unknown names only exactly (normalised)", () => {
    expect(fontMatches("Source Han Serif SC", ["SourceHanSerifSC"])).toBe(true);
    expect(fontMatches("Source Han Sans SC", ["SourceHanSerifSC"])).toBe(false);
  });
});

describe("sizeLabel / hasHan", () => {
  it("names sizes by 号", () => {
    expect(sizeLabel(16)).toBe("三号");
    expect(sizeLabel(22)).toBe("二号");
    expect(sizeLabel(12)).toBe("小四");
    expect(sizeLabel(10.5)).toBe("五号");
    expect(sizeLabel(13)).toBe("13磅");
  });
  it("finds Han characters", () => {
    expect(hasHan("2023")).toBe(false);
    expect(hasHan("，。")).toBe(false);
    expect(hasHan("GDP增长")).toBe(true);
    expect(hasHan("二〇二三")).toBe(true);
  });
});
