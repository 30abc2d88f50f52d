import { readFileSync } from "fs";
import { join } from "path";
import { applyFixes } from "../../../src/core/fixes";
import { docFromText, type DocModel } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import {
  countChars,
  formatPlan,
  headingAt,
  nextHeading,
  renumberPlan,
  sectionStats,
  speakingSeconds,
} from "../../../src/core/outline/actions";
import { resolveProfile, speechProfile, targetLineSpacingPt } from "../../../src/core/profiles";
import { makeDoc } from "../../helpers/docBuilder";

const text = (lines: string[]) => docFromText(lines.join("\n"));
const seed = (name: string) => readFileSync(join(__dirname, "../../fixtures/seeds", name), "utf8");

/** The document after applying a renumber plan, as lines. */
function renumbered(doc: DocModel, paragraph: number): string[] {
  const plan = renumberPlan(doc, buildOutline(doc), paragraph);
  return applyFixes(doc, [{ description: "重新编号", text: plan }]).paragraphs.map((p) => p.text);
}

describe("countChars / speakingSeconds", () => {
  it.each([
    ["同志们：", 4],
    ["一、 加强 学习", 6],
    ["　　全角空格不算", 6],
    ["a b\tc", 3],
    ["𠀀字", 2], // a surrogate pair is one character
    ["", 0],
  ])("%s → %d", (s, n) => expect(countChars(s)).toBe(n));

  it.each([
    [220, 220, 60],
    [110, 220, 30],
    [300, 200, 90],
    [1, 220, 0],
    [100, 0, 27], // a broken pace falls back to 220
  ])("%d chars at %d/min → %d s", (chars, pace, s) => expect(speakingSeconds(chars, pace)).toBe(s));
});

describe("sectionStats", () => {
  const doc = text([
    "在会议上的讲话", // 0: 7
    "同志们：", // 1: 4
    "一、加强学习", // 2: 6
    "（一）提高认识", // 3: 7
    "正文一二三四五", // 4: 7
    "（二）改进作风", // 5: 7
    "正文", // 6: 2
    "二、抓好落实", // 7: 6
    "正文 正文", // 8: 4
  ]);
  const o = buildOutline(doc);

  it.each([
    [2, 6 + 7 + 7 + 7 + 2],
    [3, 7 + 7],
    [5, 7 + 2],
    [7, 6 + 4],
  ])("section at paragraph %d has %d characters", (p, chars) => {
    const s = sectionStats(doc, o).byParagraph.get(p);
    expect(s?.chars).toBe(chars);
    expect(s?.paragraph).toBe(p);
  });

  it("totals every paragraph and turns characters into seconds at the pace", () => {
    const s = sectionStats(doc, o);
    expect(s.total.chars).toBe(7 + 4 + 6 + 7 + 7 + 7 + 2 + 6 + 4);
    expect(s.total.seconds).toBe(Math.round((50 * 60) / 220));
    expect(sectionStats(doc, o, 100).total.seconds).toBe(30);
    expect(sectionStats(doc, o, 100).byParagraph.get(2)?.seconds).toBe(Math.round((29 * 60) / 100));
    expect([...s.byParagraph.keys()]).toEqual([2, 3, 5, 7]);
  });

  it("a list label is not counted (the text excludes it)", () => {
    const d = makeDoc([{ text: "加强学习", listLabel: "一、" }, "正文", { text: "抓好落实", listLabel: "二、" }]);
    const s = sectionStats(d, buildOutline(d));
    expect(s.byParagraph.get(0)?.chars).toBe(6);
    expect(s.byParagraph.get(2)?.chars).toBe(4);
  });

  it("a document without headings has only the total", () => {
    const d = text(["同志们：", "今天开会。"]);
    const s = sectionStats(d, buildOutline(d));
    expect(s.byParagraph.size).toBe(0);
    expect(s.total.chars).toBe(9);
  });

  it("sections of a compilation end where the next speech starts", () => {
    const d = text(["同志们：", "一、第一篇", "正文甲", "二、第二点", "正文乙", "同志们：", "一、第二篇", "正文丙"]);
    const o2 = buildOutline(d);
    expect(o2.segments).toEqual([0, 5]);
    const s = sectionStats(d, o2);
    expect(s.byParagraph.get(3)?.chars).toBe(5 + 3);
    expect(s.byParagraph.get(6)?.chars).toBe(5 + 3);
  });

  it("copes with a long draft (2,000 sections)", () => {
    const lines: string[] = ["同志们："];
    for (let i = 1; i <= 2000; i++) lines.push(`${i % 9 === 0 ? "一" : "二"}、标题${i}`, "（一）小标题", "正文".repeat(200));
    const d = text(lines);
    const o2 = buildOutline(d);
    // Its speed is the benchmarks' business (no wall-clock limits in unit tests); here, that it copes.
    const s = sectionStats(d, o2);
    expect(s.byParagraph.size).toBeGreaterThan(2000);
  });
});

describe("nextHeading", () => {
  const doc = text([
    "同志们：", // 0
    "下面，我讲三点意见。", // 1
    "一、加强学习", // 2
    "（一）提高认识", // 3
    "正文", // 4
    "（二）改进作风", // 5
    "正文", // 6
    "二、抓好落实", // 7
    "正文", // 8
  ]);
  const o = buildOutline(doc);

  it.each<[number, "sibling" | "child", string | undefined, string | undefined]>([
    [6, "sibling", "（三）〔标题〕", "level2"],
    [5, "sibling", "（三）〔标题〕", "level2"],
    [4, "sibling", "（二）〔标题〕", "level2"],
    [8, "sibling", "三、〔标题〕", "level1"],
    [2, "sibling", "二、〔标题〕", "level1"],
    [8, "child", "（一）〔标题〕", "level2"],
    [4, "child", "1.〔标题〕", "level3"],
    [1, "sibling", "一、〔标题〕", "level1"],
    [1, "child", undefined, undefined],
  ])("cursor in paragraph %d, %s → %s", (cursor, mode, want, role) => {
    const h = nextHeading(doc, o, cursor, mode);
    expect(h?.text).toBe(want);
    expect(h?.role).toBe(role);
  });

  it("the child of 一、 is 1. when the draft puts 1. directly under 一、 throughout", () => {
    const d = text(["一、总体要求", "1．指导思想", "2．工作目标", "二、主要任务", "正文"]);
    expect(nextHeading(d, buildOutline(d), 4, "child")).toEqual({ text: "1．〔标题〕", role: "level3" });
    // Mixed drafts fall back to the standard （一）.
    const mixed = text(["一、总体要求", "1.指导思想", "二、主要任务", "（一）任务", "三、保障", "正文"]);
    expect(nextHeading(mixed, buildOutline(mixed), 5, "child")?.text).toBe("（一）〔标题〕");
  });

  it("keeps the house dot of Arabic markers and continues their numbering", () => {
    const d = text(["一、任务", "（一）重点", "1．第一项", "2．第二项", "正文", "（二）其他", "正文"]);
    const o2 = buildOutline(d);
    expect(nextHeading(d, o2, 4, "sibling")?.text).toBe("3．〔标题〕");
    expect(nextHeading(d, o2, 6, "child")?.text).toBe("1．〔标题〕");
    expect(nextHeading(d, o2, 4, "child")).toEqual({ text: "（1）〔标题〕", role: "level4" });
  });

  it("below （1） there is no further heading level", () => {
    const d = text(["一、任务", "（一）重点", "1.第一项", "（1）细项", "正文"]);
    expect(nextHeading(d, buildOutline(d), 4, "child")).toBeUndefined();
    expect(nextHeading(d, buildOutline(d), 4, "sibling")?.text).toBe("（2）〔标题〕");
  });

  it("continues a faulty marker in its correct form", () => {
    const d = text(["一、任务", "(一)重点", "正文"]);
    expect(nextHeading(d, buildOutline(d), 2, "sibling")?.text).toBe("（二）〔标题〕");
  });

  it("headingAt does not reach back into the previous speech of a compilation", () => {
    const d = text(["同志们：", "一、第一篇", "二、要点", "正文", "同志们：", "正文"]);
    const o2 = buildOutline(d);
    expect(headingAt(o2, 3)?.paragraph).toBe(2);
    expect(headingAt(o2, 5)).toBeUndefined();
    expect(nextHeading(d, o2, 5, "sibling")?.text).toBe("一、〔标题〕");
  });
});

describe("renumberPlan", () => {
  it.each<[string, string[], number, string[]]>([
    ["a gap", ["一、甲", "正文", "三、乙", "四、丙"], 2, ["一、甲", "正文", "二、乙", "三、丙"]],
    ["a duplicate", ["（一）甲", "（二）乙", "（二）丙"], 0, ["（一）甲", "（二）乙", "（三）丙"]],
    ["a wrong start, from a body paragraph under it", ["1.甲", "正文", "3.乙"], 1, ["1.甲", "正文", "2.乙"]],
    ["a faulty marker keeps its brackets", ["(一)甲", "(三)乙"], 1, ["(一)甲", "(二)乙"]],
    ["only the group at the cursor", ["一、甲", "（一）子", "（三）子", "二、乙", "（一）子", "（三）子"], 1, ["一、甲", "（一）子", "（二）子", "二、乙", "（一）子", "（三）子"]],
    ["ten and beyond", ["一、甲", "二、乙", "三、丙", "四、丁", "五、戊", "六、己", "七、庚", "八、辛", "九、壬", "十一、癸"], 9, ["一、甲", "二、乙", "三、丙", "四、丁", "五、戊", "六、己", "七、庚", "八、辛", "九、壬", "十、癸"]],
  ])("fixes %s", (_name, lines, at, want) => {
    expect(renumbered(text(lines), at)).toEqual(want);
  });

  it("a level numbered straight through its parents is renumbered straight through", () => {
    const lines = ["一、甲", "（一）子", "（二）子", "二、乙", "（三）子", "（五）子"];
    expect(renumbered(text(lines), 5)).toEqual(["一、甲", "（一）子", "（二）子", "二、乙", "（三）子", "（四）子"]);
  });

  it.each<[string, DocModel, number]>([
    ["an ordered group", text(["一、甲", "二、乙", "三、丙"]), 1],
    ["a paragraph above every heading", text(["同志们：", "一、甲", "三、乙"]), 0],
    ["a missing paragraph", text(["一、甲", "三、乙"]), 9],
    ["Word list labels", makeDoc([{ text: "甲", listLabel: "一、" }, { text: "乙", listLabel: "三、" }]), 1],
    ["consistent continuous numbering", text(["一、甲", "（一）子", "（二）子", "二、乙", "（三）子", "（四）子"]), 4],
  ])("is empty for %s", (_name, doc, at) => {
    expect(renumberPlan(doc, buildOutline(doc), at)).toEqual([]);
  });

  it("gives only numeral edits on a real draft (seed 003)", () => {
    const doc = docFromText(seed("003_7fe5f07da2bd3925.txt"));
    const o = buildOutline(doc);
    for (const h of o.headings) {
      for (const e of renumberPlan(doc, o, h.paragraph)) {
        expect(e.text).toMatch(/^[一二三四五六七八九十0-9]+$/);
        expect(e.start).toBeGreaterThanOrEqual(0);
      }
    }
  });
});

describe("formatPlan", () => {
  const spec = speechProfile().format;
  const doc = makeDoc([
    { text: "在全市工作会议上的讲话", alignment: "center" }, // 0 title
    "同志们：", // 1 salutation
    "今天召开会议。", // 2 body
    "一、加强学习", // 3 level1
    "（一）提高认识", // 4 level2
    "1.第一项", // 5 level3
    "（1）细项", // 6 level4
    "", // 7 empty
    { text: "表格里的字", inTable: true }, // 8 other
    "（二）改进作风。要把作风建设抓实抓好。", // 9 run-in level2
    "谢谢大家。", // 10 body
  ]);
  const o = buildOutline(doc);
  const plan = formatPlan(doc, o, spec);
  const at = (i: number) => plan.find((e) => e.paragraph === i && e.start === undefined)?.set;

  it.each<[number, Record<string, unknown>]>([
    [0, { fontEastAsia: "方正小标宋简体", sizePt: 22, alignment: "center", firstLineIndentChars: 0 }],
    [1, { fontEastAsia: "仿宋_GB2312", sizePt: 16, alignment: "left", firstLineIndentChars: 0 }],
    [2, { fontEastAsia: "仿宋_GB2312", sizePt: 16, firstLineIndentChars: 2 }],
    [3, { fontEastAsia: "黑体", sizePt: 16, firstLineIndentChars: 2, outlineLevel: 0 }],
    [4, { fontEastAsia: "楷体_GB2312", outlineLevel: 1 }],
    [5, { fontEastAsia: "仿宋_GB2312", outlineLevel: 2 }],
    [6, { fontEastAsia: "仿宋_GB2312", outlineLevel: 3 }],
    [10, { fontEastAsia: "仿宋_GB2312", alignment: "justify" }],
  ])("paragraph %d gets its level's format", (i, want) => {
    expect(at(i)).toMatchObject({ ...want, lineSpacing: { rule: "exact", value: 28.95 } });
  });

  it("title and body carry no outline level", () => {
    expect(at(0)?.outlineLevel).toBeUndefined();
    expect(at(2)?.outlineLevel).toBeUndefined();
  });

  it("empty lines and table cells are left alone", () => {
    expect(at(7)).toBeUndefined();
    expect(at(8)).toBeUndefined();
    // Nine paragraphs, the run-in heading with a second (ranged) edit for its heading sentence.
    expect(new Set(plan.map((e) => e.paragraph)).size).toBe(9);
    expect(plan).toHaveLength(10);
  });

  it("a run-in heading: the paragraph in the body font, its heading sentence (a ranged edit) in the heading font", () => {
    const set = at(9)!;
    expect(set.fontEastAsia).toBe("仿宋_GB2312");
    expect(set.outlineLevel).toBeUndefined();
    expect(set).toMatchObject({ sizePt: 16, firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28.95 } });
    const ranged = plan.filter((e) => e.paragraph === 9 && e.start !== undefined);
    expect(ranged).toEqual([{ paragraph: 9, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312", fontLatin: "Times New Roman", sizePt: 16 } }]);
    expect(doc.paragraphs[9].text.slice(0, 8)).toBe("（二）改进作风。");
  });

  it("limits itself to the range, in either order, clamped to the document", () => {
    expect(formatPlan(doc, o, spec, { from: 2, to: 4 }).map((e) => e.paragraph)).toEqual([2, 3, 4]);
    expect(formatPlan(doc, o, spec, { from: 4, to: 2 }).map((e) => e.paragraph)).toEqual([2, 3, 4]);
    expect(formatPlan(doc, o, spec, { from: 9, to: 99 }).map((e) => e.paragraph)).toEqual([9, 9, 10]);
    expect(formatPlan(doc, o, spec, { from: 7, to: 7 })).toEqual([]);
  });

  it("uses the unit's fonts, indent and line spacing; bold only where the profile says", () => {
    const unit = resolveProfile("speech", {
      format: { level1: { fonts: ["方正黑体_GBK"], bold: true }, firstLineIndentChars: 2, lineSpacingPt: [28, 30] },
    }).format;
    const p = formatPlan(doc, o, unit);
    expect(p.find((e) => e.paragraph === 3)?.set).toMatchObject({ fontEastAsia: "方正黑体_GBK", bold: true, lineSpacing: { value: 28.95 } });
    expect(p.find((e) => e.paragraph === 2)?.set.bold).toBeUndefined();
    expect(targetLineSpacingPt(unit)).toBe(28.95);
    expect(targetLineSpacingPt(resolveProfile("speech", { format: { lineSpacingPt: [30, 32] } }).format)).toBe(31);
  });

  it("is only formatting: never text", () => {
    for (const e of plan) expect(Object.keys(e).filter((k) => k !== "start" && k !== "end")).toEqual(["paragraph", "set"]);
  });

  it("formats a plain-text draft by what its lines are", () => {
    const d = text(["在全市工作会议上的讲话", "同志们：", "一、检查范围", "全市机关。"]);
    const p = formatPlan(d, buildOutline(d), spec);
    expect(p.map((e) => [e.paragraph, e.set.fontEastAsia])).toEqual([
      [0, "方正小标宋简体"],
      [1, "仿宋_GB2312"],
      [2, "黑体"],
      [3, "仿宋_GB2312"],
    ]);
  });
});
