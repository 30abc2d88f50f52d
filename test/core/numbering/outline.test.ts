import { readFileSync } from "fs";
import { join } from "path";
import { docFromText } from "../../../src/core/model";
import { buildOutline, isSalutationLine, parseSalutation, type Outline } from "../../../src/core/numbering";
import { makeDoc } from "../../helpers/docBuilder";

const seed = (name: string) => readFileSync(join(__dirname, "../../fixtures/seeds", name), "utf8");

/** The outline as indented lines: "  （一）title S" (S = standalone, R = run-in). */
function shape(o: Outline): string[] {
  return o.headings.map((h) => `${"  ".repeat(h.depth - 1)}${h.marker.raw}${h.title.slice(0, 6)} ${h.standalone ? "S" : "R"}`);
}

describe("buildOutline on seed excerpts", () => {
  it("seed 004: 一、…四、 with （一）… run-in headings, title-less speech opening with 同志们：", () => {
    const o = buildOutline(docFromText(seed("004_ced000fd8766b184.txt")));
    expect(shape(o)).toEqual([
      "一、提高思想认识 S",
      "二、旗帜鲜明讲政 S",
      "三、聚焦关键重点 S",
      "  （一）要提高“办文 R",
      "  （二）要提高“办会 R",
      "  （三）要提高“办事 R",
      "四、强化担当作为 S",
      "  （一）要有团结协作 R",
      "  （二）要有吃苦耐劳 R",
      "  （三）要有甘于奉献 R",
      "  （四）要有追求卓越 R",
    ]);
    expect(o.salutation).toBe(0);
    expect(o.title).toBeUndefined();
    expect(o.roots).toHaveLength(4);
    expect(o.roots[2].children.map((c) => c.marker.value)).toEqual([1, 2, 3]);
    expect(o.byParagraph.get(13)?.marker.level).toBe(2);
    expect(o.byParagraph.get(13)?.parent?.paragraph).toBe(11);
    expect(o.runIns.get(6)?.map((r) => r.raw)).toEqual(["一是", "二是", "三是", "四是"]);
  });

  it("seed 003: half-width (一) headings, title and salutation", () => {
    const o = buildOutline(docFromText(seed("003_7fe5f07da2bd3925.txt")));
    expect(o.title).toBe(0);
    expect(o.salutation).toBe(1);
    const first = o.byParagraph.get(7)!;
    expect(first.marker.raw).toBe("(一)");
    expect(first.marker.faults).toEqual(["halfwidth-paren"]);
    expect(first.title).toBe("办公室位置举足轻重");
    expect(first.standalone).toBe(false);
    expect(o.roots.map((r) => r.children.length)).toEqual([3, 3, 4]);
  });

  it("seed 002: the title after a scraped summary line", () => {
    const o = buildOutline(docFromText(seed("002_15469d67b932f230.txt")));
    expect(o.title).toBe(1);
    expect(o.salutation).toBe(2);
    expect(o.roots.map((r) => r.marker.value)).toEqual([1, 2]);
  });

  it("seed 000: a compilation of five speeches is split into segments", () => {
    const o = buildOutline(docFromText(seed("000_7f360e9ebf313c84.txt")));
    expect(o.segments).toHaveLength(5);
    expect(o.title).toBe(2);
    expect(o.salutation).toBe(10);
    const perSegment = o.segments!.map((_, k) => o.roots.filter((r) => r.segment === k).map((r) => r.marker.value));
    expect(perSegment).toEqual([[1, 2, 3, 4], [1, 2, 3], [1, 2, 3], [1, 2, 3], [1, 2, 3]]);
  });
});

describe("buildOutline", () => {
  it("builds the tree by nominal level with a stack", () => {
    const o = buildOutline(docFromText("一、甲\n（一）乙\n1.丙\n（1）丁\n①戊\n2.己\n（二）庚\n二、辛"));
    expect(shape(o)).toEqual(["一、甲 S", "  （一）乙 S", "    1.丙 S", "      （1）丁 S", "        ①戊 S", "    2.己 S", "  （二）庚 S", "二、辛 S"]);
    expect(o.roots).toHaveLength(2);
  });

  it("depth follows the tree, not the nominal level (一、 then 1.)", () => {
    const o = buildOutline(docFromText("一、总体要求\n1.指导思想\n2.工作目标"));
    expect(o.headings.map((h) => h.depth)).toEqual([1, 2, 2]);
    expect(o.headings.map((h) => h.marker.level)).toEqual([1, 3, 3]);
  });

  it("tells standalone headings from run-in headings", () => {
    const o = buildOutline(
      docFromText("（一）加强学习\n（二）加强学习。要认真读书。\n（三）坚持以人民为中心的发展思想，不断增强人民群众获得感。\n（四）狠抓落实：要抓好三件事"),
    );
    expect(o.headings.map((h) => h.standalone)).toEqual([true, false, true, true]);
    expect(o.headings[1].title).toBe("加强学习");
  });

  it("uses Word's list label and ignores table cells", () => {
    const doc = makeDoc([
      { text: "工作要求", listLabel: "一、" },
      { text: "加强领导", listLabel: "（一）" },
      { text: "1.表格里的项目", inTable: true },
    ]);
    const o = buildOutline(doc);
    expect(o.headings.map((h) => [h.marker.kind, h.marker.fromLabel, h.title])).toEqual([
      ["cn-dun", true, "工作要求"],
      ["cn-paren", true, "加强领导"],
    ]);
    expect(o.headings[1].parent).toBe(o.headings[0]);
  });

  it("puts merged headings in the tree but not in byParagraph", () => {
    const o = buildOutline(docFromText("一、提高认识\n要统一思想。二、加强领导。要落实责任。\n三、狠抓落实"));
    expect(o.merged).toHaveLength(1);
    expect(o.merged[0].paragraph).toBe(1);
    expect(o.roots.map((r) => r.marker.value)).toEqual([1, 2, 3]);
    expect(o.byParagraph.has(1)).toBe(false);
    expect(o.roots[1].merged).toBe(true);
  });

  it("recognises a centred title even when long", () => {
    const long = "关于进一步加强和改进新形势下全市机关办公室系统综合服务保障能力建设、全面提升工作质量水平的实施意见（征求意见稿）";
    const doc = makeDoc([{ text: long, alignment: "center" }, "各单位：", "一、总体要求"]);
    expect(buildOutline(doc).title).toBe(0);
    expect(buildOutline(docFromText(long + "\n各单位：\n一、总体要求")).title).toBeUndefined();
  });

  it("does not take a body sentence as the title", () => {
    expect(buildOutline(docFromText("今天我们召开会议，研究部署工作。\n会议很重要")).title).toBeUndefined();
  });

  it("finds the salutation line and keeps a later 同志们， out of it", () => {
    const o = buildOutline(docFromText("在全县工作会议上的讲话\n各位领导、同志们：\n今天召开会议。\n一、认清形势\n同志们，让我们共同努力。"));
    expect(o.title).toBe(0);
    expect(o.salutation).toBe(1);
    expect(o.segments).toEqual([0]);
  });
});

describe("salutation parsing", () => {
  it.each([
    ["同志们：", "：", true],
    ["各位领导、同志们：", "：", true],
    ["尊敬的各位领导，各位来宾：", "：", true],
    ["同志们:", ":", true],
    ["同志们，", "，", true],
    ["同志们，今天我们召开会议。", "，", false],
    ["同志们：今天我们召开会议。", "：", false],
  ] as Array<[string, string, boolean]>)("%s", (text, punct, alone) => {
    const s = parseSalutation(text)!;
    expect(s.punct).toBe(punct);
    expect(s.alone).toBe(alone);
  });

  it.each(["各市、县教育局：", "同志们要高度重视。", "全体同志：", "今天，同志们："])("not a salutation line: %s", (text) => {
    expect(isSalutationLine(text)).toBe(false);
  });
});

describe("cost", () => {
  it("builds the outline of a 1M-character draft well under a second", () => {
    const names = ["000_7f360e9ebf313c84.txt", "001_b09b0e90f7544f21.txt", "002_15469d67b932f230.txt", "003_7fe5f07da2bd3925.txt", "004_ced000fd8766b184.txt"];
    const all = names.map(seed).join("\n");
    let big = "";
    while (big.length < 1_000_000) big += all + "\n";
    const doc = docFromText(big);
    buildOutline(doc); // warm up
    const o = buildOutline(doc);
    expect(o.headings.length).toBeGreaterThan(100);
  });
});
