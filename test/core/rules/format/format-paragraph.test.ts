import type { LineSpacing } from "../../../../src/core/model";
import { formatParagraph } from "../../../../src/core/rules/format/format-paragraph";
import { A4_GBT9704, makeDoc, type ParaSpec } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";
import { makeOutline, runWithOutline } from "../../format/testOutline";

const FS = { fontEastAsia: "仿宋_GB2312", sizePt: 16 };
const EXACT: LineSpacing = { rule: "exact", value: 28.95 };
const ONE_HALF: LineSpacing = { rule: "auto", value: 1.5 };
const SINGLE: LineSpacing = { rule: "auto", value: 1 };

/** A correctly set body paragraph, with changes. */
const body = (text: string, more: Partial<ParaSpec> = {}): ParaSpec => ({
  text,
  font: FS,
  firstLineIndentChars: 2,
  lineSpacing: EXACT,
  ...more,
});

runRuleTests(formatParagraph, {
  valid: [
    { name: "indent 2 chars, fixed 28.95 pt", doc: makeDoc([body("这次会议的主要任务是总结工作。"), body("希望大家认真领会。")]) },
    {
      name: "indent in points (32 pt at 三号) and the ends of the range",
      doc: makeDoc([
        body("第一段。", { firstLineIndentChars: undefined, firstLineIndentPt: 32, lineSpacing: { rule: "exact", value: 28 } }),
        body("第二段。", { firstLineIndentChars: undefined, firstLineIndentPt: 32, lineSpacing: { rule: "exact", value: 29.5 } }),
      ]),
    },
    {
      name: "indent within ±0.25 char; 24 pt indent at 小四 is 2 chars",
      doc: makeDoc([
        body("第一段。", { firstLineIndentChars: 2.2 }),
        body("第二段。", { firstLineIndentChars: undefined, firstLineIndentPt: 24, font: { ...FS, sizePt: 12 } }),
      ]),
    },
    {
      name: "single spacing on a 22-line document grid",
      doc: makeDoc([body("第一段。", { lineSpacing: SINGLE })], [{ ...A4_GBT9704, gridType: "lines", gridLinePitchPt: 28.95 }]),
    },
    { name: "indent and spacing not stated are not checked", doc: makeDoc([{ text: "正文。", font: FS }]) },
    {
      name: "empty lines, centred lines, table cells and 落款 dates are skipped",
      doc: makeDoc([
        body("正文。"),
        { text: "", lineSpacing: SINGLE, firstLineIndentChars: 0 },
        { text: "张三", alignment: "center", lineSpacing: SINGLE, firstLineIndentChars: 0 },
        { text: "序号", inTable: true, lineSpacing: SINGLE, firstLineIndentChars: 0 },
        { text: "2023年5月10日", firstLineIndentChars: 0, lineSpacing: EXACT },
      ]),
    },
    {
      name: "headings indented like body, spacing within 1 pt (needs the numbering parser)",
      doc: makeDoc([
        body("今天，我讲三点意见。"),
        body("一、充分认识重要性", { lineSpacing: { rule: "exact", value: 30 } }),
        body("（一）加强学习", { lineSpacing: { rule: "exact", value: 27.5 } }),
        body("要加强学习。"),
      ]),
    },
    {
      name: "an auto-numbered paragraph's hanging indent is its list's business",
      doc: makeDoc([body("正文。"), body("总体要求", { listLabel: "一、", firstLineIndentChars: -2 })]),
    },
  ],
  invalid: [
    {
      name: "no first-line indent",
      doc: makeDoc([body("这次会议的主要任务是总结工作。", { firstLineIndentChars: 0 })]),
      findings: [{ message: "正文应首行缩进2字符，现为无首行缩进", severity: "warning" }],
      output: "这次会议的主要任务是总结工作。",
    },
    {
      name: "full-width spaces instead of an indent",
      doc: makeDoc([body("　　这次会议的主要任务是总结工作。", { firstLineIndentChars: 0 })]),
      findings: [{ message: "段首用空格代替首行缩进", severity: "info", excerpt: "　　", start: 0, end: 2 }],
      output: "这次会议的主要任务是总结工作。",
    },
    {
      name: "spaces on top of an indent",
      doc: makeDoc([body("　　这次会议的主要任务是总结工作。")]),
      findings: [{ message: "首行缩进2字符，段首另有2个空格，实际缩进约4字符", severity: "warning" }],
      output: "这次会议的主要任务是总结工作。",
    },
    {
      name: "1.5 line spacing",
      doc: makeDoc([body("正文。", { lineSpacing: ONE_HALF })]),
      findings: [{ message: "正文行距应为固定值28～29.5磅，现为1.5倍行距" }],
      output: "正文。",
    },
    {
      name: "fixed 20 pt",
      doc: makeDoc([body("正文。", { lineSpacing: { rule: "exact", value: 20 } })]),
      findings: [{ message: "现为固定值20磅" }],
    },
    {
      name: "single spacing without a document grid",
      doc: makeDoc([body("正文。", { lineSpacing: SINGLE })]),
      findings: [{ message: "现为单倍行距" }],
    },
    {
      name: "at least 28 pt: advice",
      doc: makeDoc([body("正文。", { lineSpacing: { rule: "atLeast", value: 28 } })]),
      findings: [{ message: "建议改为固定值", severity: "info" }],
    },
    {
      name: "hanging indent and indent and spacing wrong at once: one finding per aspect",
      doc: makeDoc([body("正文。", { firstLineIndentChars: -2, lineSpacing: ONE_HALF })]),
      findings: [{ message: "现为悬挂缩进2字符" }, { message: "1.5倍行距" }],
    },
    {
      name: "title not centred, salutation indented",
      doc: makeDoc([
        { text: "在全市办公室工作会议上的讲话", alignment: "justify", firstLineIndentChars: 0 },
        body("同志们："),
        body("今天开会。"),
      ]),
      findings: [
        { paragraph: 0, message: "标题应居中，现为两端对齐" },
        { paragraph: 1, message: "称谓应顶格，现为首行缩进2字符" },
      ],
    },
    {
      name: "flush-left 一、 heading: info (needs the numbering parser)",
      doc: makeDoc([body("今天，我讲三点意见。"), body("一、充分认识重要性", { firstLineIndentChars: 0 }), body("要加强学习。")]),
      findings: [{ paragraph: 1, severity: "info", message: "一级标题顶格排列" }],
    },
    {
      name: "most paragraphs share the fault: every one reported, short after the first",
      doc: makeDoc([
        body("第一段。", { lineSpacing: ONE_HALF }),
        body("第二段。", { lineSpacing: ONE_HALF }),
        body("第三段。", { lineSpacing: ONE_HALF }),
        body("第四段。"),
      ]),
      findings: [
        { paragraph: 0, message: "正文行距应为固定值28～29.5磅，现为1.5倍行距（全文共3段如此）" },
        { paragraph: 1, message: "行距应为固定值28～29.5磅" },
        { paragraph: 2, message: "行距应为固定值28～29.5磅" },
      ],
    },
  ],
});

describe("format-paragraph with a given outline", () => {
  it("title: centred, no indent, no leading spaces", () => {
    const doc = makeDoc([
      { text: "　　关于加强管理的讲话", alignment: "left", firstLineIndentChars: 2, lineSpacing: SINGLE },
      body("正文。"),
    ]);
    const r = runWithOutline(formatParagraph, doc, makeOutline(doc, { title: 0 }));
    expect(r).toHaveLength(1);
    expect(r[0].message).toBe("标题应居中，现为左对齐；居中的标题不应有首行缩进2字符；标题前有2个空格，应删除空格并用居中对齐");
    expect(r[0].fix?.format?.[0].set).toEqual({ alignment: "center", firstLineIndentChars: 0 });
    expect(r[0].fix?.text).toEqual([{ paragraph: 0, start: 0, end: 2, text: "" }]);
  });

  it("a centred title with its own line spacing is fine", () => {
    const doc = makeDoc([{ text: "关于加强管理的讲话", alignment: "center", firstLineIndentChars: 0, lineSpacing: SINGLE }, body("正文。")]);
    expect(runWithOutline(formatParagraph, doc, makeOutline(doc, { title: 0 }))).toEqual([]);
  });

  it("salutation flush left", () => {
    const doc = makeDoc([body("同志们："), body("正文。")]);
    const r = runWithOutline(formatParagraph, doc, makeOutline(doc, { salutation: 0 }));
    expect(r.map((f) => f.message)).toEqual(["称谓应顶格，现为首行缩进2字符"]);
    expect(r[0].fix?.format?.[0].set).toEqual({ firstLineIndentChars: 0 });
    const ok = makeDoc([body("同志们：", { firstLineIndentChars: 0 }), body("正文。")]);
    expect(runWithOutline(formatParagraph, ok, makeOutline(ok, { salutation: 0 }))).toEqual([]);
  });

  it("headings are indented like body; flush-left headings get info only", () => {
    const doc = makeDoc([
      body("一、总体要求", { firstLineIndentChars: 0 }),
      body("（一）指导思想", { firstLineIndentChars: 4 }),
      body("1.工作目标"),
    ]);
    const o = makeOutline(doc, {
      headings: [
        { paragraph: 0, level: 1, raw: "一、" },
        { paragraph: 1, level: 2, raw: "（一）" },
        { paragraph: 2, level: 3, raw: "1." },
      ],
    });
    const r = runWithOutline(formatParagraph, doc, o);
    expect(r.map((f) => [f.paragraph, f.severity, f.message])).toEqual([
      [0, "info", "一级标题顶格排列；按 GB/T 9704，标题与正文一样首行缩进2字符"],
      [1, "warning", "二级标题应首行缩进2字符，现为首行缩进4字符"],
    ]);
  });

  it("headings may differ from the spacing range by less than 1 pt, body may not", () => {
    const doc = makeDoc([
      body("一、总体要求", { lineSpacing: { rule: "exact", value: 30 } }),
      body("（一）指导思想", { lineSpacing: { rule: "exact", value: 31 } }),
      body("正文。", { lineSpacing: { rule: "exact", value: 30 } }),
    ]);
    const o = makeOutline(doc, {
      headings: [
        { paragraph: 0, level: 1, raw: "一、" },
        { paragraph: 1, level: 2, raw: "（一）" },
      ],
    });
    const r = runWithOutline(formatParagraph, doc, o);
    expect(r.map((f) => f.paragraph)).toEqual([1, 2]);
    expect(r[0].fix?.format?.[0].set).toEqual({ lineSpacing: { rule: "exact", value: 28.95 } });
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const paras: ParaSpec[] = [];
    for (let k = 0; k < 20000; k++) paras.push(body("这是一段用来测试速度的正文，内容没有实际意义。", k % 2 ? {} : { lineSpacing: ONE_HALF }));
    const d = makeDoc(paras);
    const r = runWithOutline(formatParagraph, d, makeOutline(d));
    expect(r).toHaveLength(10000);
  });
});
