import {
  findMergedHeadings,
  findRunIns,
  formatMarker,
  markerFromLabel,
  parseCnNumeral,
  parseMarker,
  toCnNumeral,
} from "../../../src/core/numbering";
import type { MarkerFault, MarkerKind } from "../../../src/core/numbering";

type Row = [text: string, kind: MarkerKind, level: number, value: number, raw: string, faults: MarkerFault[], canonical: string];

const MARKERS: Row[] = [
  ["一、指导思想", "cn-dun", 1, 1, "一、", [], "一、"],
  ["十二、附则", "cn-dun", 1, 12, "十二、", [], "十二、"],
  ["二十、其他", "cn-dun", 1, 20, "二十、", [], "二十、"],
  ["九十九、末项", "cn-dun", 1, 99, "九十九、", [], "九十九、"],
  ["　　三、加强领导", "cn-dun", 1, 3, "三、", [], "三、"],
  ["（一）工作目标", "cn-paren", 2, 1, "（一）", [], "（一）"],
  ["（十一）其他事项", "cn-paren", 2, 11, "（十一）", [], "（十一）"],
  ["1.总体要求", "arabic-dot", 3, 1, "1.", [], "1."],
  ["1．总体要求", "arabic-dot", 3, 1, "1．", [], "1．"],
  ["12.第十二条", "arabic-dot", 3, 12, "12.", [], "12."],
  ["（1）具体措施", "arabic-paren", 4, 1, "（1）", [], "（1）"],
  ["③第三项", "circled", 5, 3, "③", [], "③"],
  // Faulty forms.
  ["(一)要紧贴领导意图", "cn-paren", 2, 1, "(一)", ["halfwidth-paren"], "（一）"],
  ["（一)加强学习", "cn-paren", 2, 1, "（一)", ["mismatched-paren"], "（一）"],
  ["(二）加强学习", "cn-paren", 2, 2, "(二）", ["mismatched-paren"], "（二）"],
  ["一.指导思想", "cn-dun", 1, 1, "一.", ["cn-wrong-punct"], "一、"],
  ["一．指导思想", "cn-dun", 1, 1, "一．", ["cn-wrong-punct"], "一、"],
  ["二，工作要求", "cn-dun", 1, 2, "二，", ["cn-wrong-punct"], "二、"],
  ["三：保障措施", "cn-dun", 1, 3, "三：", ["cn-wrong-punct"], "三、"],
  ["1、总体要求", "arabic-dot", 3, 1, "1、", ["arabic-wrong-punct"], "1."],
  ["2，具体做法", "arabic-dot", 3, 2, "2，", ["arabic-wrong-punct"], "2."],
  ["（一）、工作目标", "cn-paren", 2, 1, "（一）、", ["paren-extra-punct"], "（一）"],
  ["（1）.具体措施", "arabic-paren", 4, 1, "（1）.", ["paren-extra-punct"], "（1）"],
  ["二、 工作要求", "cn-dun", 1, 2, "二、 ", ["space-after"], "二、"],
  ["（三）　加强领导", "cn-paren", 2, 3, "（三）　", ["space-after"], "（三）"],
  ["１．总体要求", "arabic-dot", 3, 1, "１．", ["fullwidth-digit"], "1．"],
  ["（２）细则", "arabic-paren", 4, 2, "（２）", ["fullwidth-digit"], "（2）"],
  ["(1)具体措施", "arabic-paren", 4, 1, "(1)", ["halfwidth-paren"], "（1）"],
  // Spaces inside a marker and the section sign.
  ["（ 2 ）加强领导", "arabic-paren", 4, 2, "（ 2 ）", ["space-inside"], "（2）"],
  ["（ 三）加强领导", "cn-paren", 2, 3, "（ 三）", ["space-inside"], "（三）"],
  ["1 .加强学习", "arabic-dot", 3, 1, "1 .", ["space-inside"], "1."],
  ["2 、加强学习", "arabic-dot", 3, 2, "2 、", ["arabic-wrong-punct", "space-inside"], "2."],
  ["一 、 加强学习", "cn-dun", 1, 1, "一 、 ", ["space-inside", "space-after"], "一、"],
  ["§2.工作目标", "arabic-dot", 3, 2, "§2.", ["section-sign"], "2."],
  ["§ 3. 工作目标", "arabic-dot", 3, 3, "§ 3. ", ["section-sign", "space-after"], "3."],
];

describe("parseMarker", () => {
  it.each(MARKERS)("%s", (text, kind, level, value, raw, faults, canonical) => {
    const m = parseMarker(text);
    expect(m).not.toBeNull();
    expect(m!.kind).toBe(kind);
    expect(m!.level).toBe(level);
    expect(m!.value).toBe(value);
    expect(m!.raw).toBe(raw);
    expect(m!.faults).toEqual(faults);
    expect(m!.canonical).toBe(canonical);
    expect(text.slice(m!.start, m!.end)).toBe(raw);
    expect(m!.fromLabel).toBe(false);
  });

  it("records which dot an Arabic marker used", () => {
    expect(parseMarker("1.要求")!.dot).toBe(".");
    expect(parseMarker("1．要求")!.dot).toBe("．");
    expect(parseMarker("1、要求")!.dot).toBeUndefined();
  });

  it("gives the offsets of the numeral", () => {
    const m = parseMarker("　（十二）其他")!;
    expect(m.start).toBe(1);
    expect("　（十二）其他".slice(m.numStart, m.numEnd)).toBe("十二");
  });

  it.each([
    "1.5亿元投资",
    "3.5%的增长",
    "2024.1.5召开",
    "1.",
    "二、",
    "一、二年级学生",
    "三、四月份完成",
    "一是加强学习",
    "十分重要",
    "一切为了群众",
    "一样重要",
    "一二三、",
    "二〇二四、",
    "零、",
    "〇、",
    "1、2号楼",
    "（2024）年度",
    "100.全部",
    "第一，要学习",
    "正文（一）不是开头",
    "",
    "1 , 000元",
    "一 是加强学习",
    "§一、",
    "§①注释",
    "（ 2024）年度",
  ])("not a marker: %s", (text) => {
    expect(parseMarker(text)).toBeNull();
  });

  it("keeps 三、三项制度 as a heading (same numeral twice is not a 顿号 list)", () => {
    expect(parseMarker("三、三项制度改革")?.value).toBe(3);
  });
});

describe("markerFromLabel", () => {
  it.each([
    ["一、", "cn-dun", 1],
    ["（一）", "cn-paren", 1],
    ["1.", "arabic-dot", 1],
    [" （1） ", "arabic-paren", 1],
    ["②", "circled", 2],
  ] as Array<[string, MarkerKind, number]>)("%s", (label, kind, value) => {
    const m = markerFromLabel(label)!;
    expect(m.kind).toBe(kind);
    expect(m.fromLabel).toBe(true);
    expect(m.start).toBe(0);
    expect(m.end).toBe(0);
    expect(m.value).toBe(value);
    expect(m.faults).toEqual([]);
  });

  it("keeps faults of a label and rejects bullets", () => {
    expect(markerFromLabel("(一)")!.faults).toEqual(["halfwidth-paren"]);
    expect(markerFromLabel("●")).toBeNull();
    expect(markerFromLabel("第一章")).toBeNull();
  });
});

describe("numerals", () => {
  it.each([
    ["一", 1],
    ["十", 10],
    ["十五", 15],
    ["二十", 20],
    ["三十七", 37],
    ["九十九", 99],
  ] as Array<[string, number]>)("%s = %d and back", (s, n) => {
    expect(parseCnNumeral(s, 0)).toEqual({ value: n, end: s.length });
    expect(toCnNumeral(n)).toBe(s);
  });

  it("formats markers", () => {
    expect(formatMarker("cn-paren", 12)).toBe("（十二）");
    expect(formatMarker("arabic-dot", 3, "．")).toBe("3．");
    expect(formatMarker("circled", 20)).toBe("⑳");
  });
});

describe("findRunIns", () => {
  const brief = (text: string) => findRunIns(text).map((r) => `${r.kind}:${r.value}:${r.raw}`);

  it("finds 一是/二是 on a seed sentence", () => {
    const text =
      "在看到成绩的同时，我们也要清醒认识到自身的不足：一是工作效率方面，如：未按时提交材料。二是工作作风方面，如：责任心不够强。三是工作质量方面。";
    expect(brief(text)).toEqual(["yishi:1:一是", "yishi:2:二是", "yishi:3:三是"]);
    const r = findRunIns(text)[1];
    expect(text.slice(r.start, r.end)).toBe("二是");
  });

  it("finds 第一，… at paragraph start and after a colon (seed 000)", () => {
    expect(brief("第二，要向实践学习。我们要发扬理论联系实际的作风。")).toEqual(["diyi:2:第二，"]);
    expect(brief("里提出“三个学习”：第一，要向书本学习。")).toEqual(["diyi:1:第一，"]);
  });

  it("finds 一要/二要, 首先/其次/最后, 其一", () => {
    expect(brief("一要讲党性。二要讲悟性。三要讲耐性。")).toEqual(["yiyao:1:一要", "yiyao:2:二要", "yiyao:3:三要"]);
    expect(brief("首先要提高认识。其次，要加强学习。最后，要狠抓落实。")).toEqual([
      "shouxian:1:首先",
      "shouxian:2:其次，",
      "shouxian:3:最后，",
    ]);
    expect(brief("其一，思想上重视；其二，行动上落实。")).toEqual(["qiyi:1:其一，", "qiyi:2:其二，"]);
  });

  it("finds run-ins after a heading marker and after a comma", () => {
    expect(brief("（一）一是加强学习")).toEqual(["yishi:1:一是"]);
    expect(brief("简单来说，一是察言观色，二是随机应变。")).toEqual(["yishi:1:一是", "yishi:2:二是"]);
  });

  it("records faulty punctuation after a run-in", () => {
    expect(findRunIns("一是：加强学习。第二、要实践。")).toMatchObject([
      { kind: "yishi", punct: "：", raw: "一是：" },
      { kind: "diyi", punct: "、", raw: "第二、" },
    ]);
  });

  it.each([
    "一是一、二是二，不能含糊。",
    "这是第一次会议。",
    "他是第一书记。",
    "第一时间赶到现场。",
    "深入第一线调研。",
    "打通最后一公里。",
    "最后的胜利属于人民。",
    "再次感谢大家！",
    "统一是前提。",
    "第一、二季度完成任务。",
    "其一生都在奉献。",
    "首先的问题是认识。",
  ])("no run-in: %s", (text) => {
    expect(findRunIns(text)).toEqual([]);
  });
});

describe("findMergedHeadings", () => {
  it("finds markers right after 。！？", () => {
    const text = "要提高认识。二、加强领导。（三）狠抓落实！3.做好保障？（1）细化分工";
    expect(findMergedHeadings(text).map((m) => m.raw)).toEqual(["二、", "（三）", "3.", "（1）"]);
  });

  it.each(["全年投资。1.5亿元用于基建。", "工作会议。一、二年级参加。", "通知如下：二、三月份。", "增长。3，5号楼。", "很好。①是第一点。"])(
    "no merged heading: %s",
    (text) => {
      expect(findMergedHeadings(text)).toEqual([]);
    },
  );
});

describe("run-ins after scraping garbage", () => {
  it("finds 第二， after a space even when the 。 before it was lost (seed 001)", () => {
    const runIns = findRunIns("* w2 H7 C$ p, l' T1 E# }9 m: u 第二,要不断提高办公室干部的素质。");
    expect(runIns.map((r) => [r.kind, r.value])).toEqual([["diyi", 2]]);
  });
  it("does not take 第二 in a phrase after a space for a run-in", () => {
    expect(findRunIns("在 第二季度 要完成任务。")).toEqual([]);
  });
});

describe("第一、第二 lists of ordinals (issue #8)", () => {
  it("takes no run-in from 第一、第二、第三产业", () => {
    expect(findRunIns("调整第一、第二、第三产业的结构。")).toEqual([]);
  });
  it("still takes 第一、 followed by text as a faulty run-in", () => {
    expect(findRunIns("第一、要学习。").map((r) => r.raw)).toEqual(["第一、"]);
  });
  it("does not take a spaced or §-marked heading mid-paragraph as merged paragraphs", () => {
    expect(findMergedHeadings("要学习。§2.见下文。要落实。1 .见上文。")).toEqual([]);
  });
});

describe("an enumeration inside a paragraph is not merged paragraphs", () => {
  it("takes （二）（三） after 「如下：（一）」 as the same inline list", () => {
    expect(findMergedHeadings("各类收入的情况如下：（一）税收共收到十亿元。（二）企业收入五亿元。（三）其他收入一亿元。")).toEqual([]);
  });
  it("still finds a heading after 。 that does not number on from the inline list", () => {
    expect(findMergedHeadings("原则是：（1）坚持公平。（2）坚持效率。二、加强领导。").map((m) => m.raw)).toEqual(["二、"]);
  });
  it("still finds merged paragraphs when the list opened at the paragraph start", () => {
    expect(findMergedHeadings("（一）加强学习。要读书。（二）狠抓落实。").map((m) => m.raw)).toEqual(["（二）"]);
  });
});
