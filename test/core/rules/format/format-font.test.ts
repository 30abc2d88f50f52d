import { resolveProfile, speechProfile } from "../../../../src/core/profiles";
import { formatFont } from "../../../../src/core/rules/format/format-font";
import { makeDoc, type ParaSpec } from "../../../helpers/docBuilder";
import { runRuleTests } from "../../../helpers/ruleTester";
import { makeOutline, runWithOutline } from "../../format/testOutline";

/** The stock format; UnitConfig wants whole LevelFormat objects. */
const BASE = speechProfile().format;
const FS = { fontEastAsia: "仿宋_GB2312", fontLatin: "Times New Roman", sizePt: 16 };
const HEI = { fontEastAsia: "黑体", fontLatin: "Times New Roman", sizePt: 16 };
const KAI = { fontEastAsia: "楷体_GB2312", fontLatin: "Times New Roman", sizePt: 16 };
const SONG = { fontEastAsia: "宋体", fontLatin: "Times New Roman", sizePt: 16 };

const body = (text: string, font: ParaSpec["font"] = FS): ParaSpec => ({ text, font });

runRuleTests(formatFont, {
  valid: [
    { name: "body in 仿宋_GB2312 三号", doc: makeDoc([body("这次会议的主要任务是总结工作。")]) },
    {
      name: "aliases and a digits-only run in another East Asian font",
      doc: makeDoc([
        body("全市质检系统共有办公室人员。", { fontEastAsia: "FangSong", sizePt: 16 }),
        {
          text: "2023年全市完成任务。",
          runs: [
            { text: "2023", fontEastAsia: "宋体", fontLatin: "Times New Roman", sizePt: 16 },
            { text: "年全市完成任务。", fontEastAsia: "仿宋 GB2312", sizePt: 16 },
          ],
        },
      ]),
    },
    {
      name: "empty paragraphs and table cells are skipped",
      doc: makeDoc([body("正文第一段。"), { text: "", font: SONG }, { text: "序号　名称", inTable: true, font: { fontEastAsia: "宋体", sizePt: 12 } }]),
    },
    { name: "unknown font and size are skipped", doc: makeDoc([{ text: "字体未知的段落。" }]) },
    {
      name: "punctuation-only run in a Latin font",
      doc: makeDoc([
        {
          text: "学习“两学一做”活动。",
          runs: [
            { text: "学习", ...FS },
            { text: "“", fontEastAsia: "Times New Roman", sizePt: 16 },
            { text: "两学一做", ...FS },
            { text: "”", fontEastAsia: "Times New Roman", sizePt: 16 },
            { text: "活动。", ...FS },
          ],
        },
      ]),
    },
    {
      name: "centred speaker line in 楷体 is not body",
      doc: makeDoc([
        { text: "在全市办公室工作会议上的讲话", alignment: "center", font: { fontEastAsia: "方正小标宋简体", sizePt: 22 } },
        { text: "张　三", alignment: "center", font: KAI },
        body("同志们，今天开会。"),
      ]),
    },
    {
      name: "another font of the 仿宋 family",
      doc: makeDoc([body("正文。", { fontEastAsia: "方正仿宋_GB18030", sizePt: 16 })]),
    },
    {
      name: "bold body is fine when the profile does not say",
      doc: makeDoc([body("正文加粗。", { ...FS, bold: true })]),
    },
    {
      name: "headings in their fonts (needs the numbering parser)",
      doc: makeDoc([
        body("今天，我讲三点意见。"),
        { text: "一、充分认识办公室工作的重要性", font: HEI },
        {
          text: "（一）加强学习。要把学习作为第一需要。",
          runs: [
            { text: "（一）加强学习。", ...KAI },
            { text: "要把学习作为第一需要。", ...FS },
          ],
        },
        { text: "1.提高站位", font: { ...FS, bold: true } },
        body("要提高政治站位。"),
      ]),
    },
  ],
  invalid: [
    {
      name: "body in 宋体",
      doc: makeDoc([body("这次会议的主要任务是总结工作。", SONG)]),
      findings: [{ paragraph: 0, message: "正文应为仿宋三号，现为宋体三号", start: 0, end: 15 }],
      output: "这次会议的主要任务是总结工作。",
    },
    {
      name: "body in 小四",
      doc: makeDoc([body("这次会议的主要任务是总结工作。", { ...FS, sizePt: 12 })]),
      findings: [{ message: "正文应为仿宋三号，现为仿宋小四" }],
      output: "这次会议的主要任务是总结工作。",
    },
    {
      name: "one finding per paragraph, however many runs",
      doc: makeDoc([
        {
          text: "要认真学习，深刻领会，抓好落实。",
          runs: [
            { text: "要认真学习，", ...SONG },
            { text: "深刻领会，", ...FS },
            { text: "抓好落实。", ...SONG },
          ],
        },
      ]),
      findings: [{ message: "正文应为仿宋三号，部分文字为宋体" }],
    },
    {
      name: "body in 微软雅黑 and 四号",
      doc: makeDoc([body("正文。", { fontEastAsia: "微软雅黑", sizePt: 14 })]),
      findings: [{ message: "正文应为仿宋三号，现为微软雅黑四号" }],
    },
    {
      name: "bold body where the unit says bold: false",
      doc: makeDoc([body("正文加粗。", { ...FS, bold: true })]),
      config: { format: { body: { ...BASE.body, bold: false } } },
      findings: [{ message: "不应加粗" }],
      output: "正文加粗。",
    },
    {
      name: "a unit's own body font",
      doc: makeDoc([body("正文。")]),
      config: { format: { body: { ...BASE.body, fonts: ["方正楷体_GBK"] } } },
      findings: [{ message: "正文应为楷体三号，现为仿宋三号" }],
    },
    {
      name: "title in 黑体, salutation in 宋体",
      doc: makeDoc([
        { text: "在全市办公室工作会议上的讲话", alignment: "center", font: { fontEastAsia: "黑体", sizePt: 22 } },
        { text: "同志们：", font: SONG },
        body("今天开会。"),
      ]),
      findings: [
        { paragraph: 0, message: "标题应为小标宋体二号，现为黑体二号" },
        { paragraph: 1, message: "称谓应为仿宋三号，现为宋体三号" },
      ],
    },
    {
      name: "一、 heading in 仿宋 (needs the numbering parser)",
      doc: makeDoc([body("今天讲两点。"), { text: "一、充分认识办公室工作的重要性", font: FS }, body("办公室很重要。")]),
      findings: [{ paragraph: 1, message: "一级标题应为黑体三号，现为仿宋三号" }],
    },
  ],
});

describe("format-font with a given outline", () => {
  const doc = makeDoc([
    { text: "在全市办公室工作会议上的讲话", alignment: "center", font: { fontEastAsia: "黑体", sizePt: 22 } }, // 0
    { text: "同志们：", font: SONG }, // 1
    { text: "一、充分认识重要性", font: FS }, // 2
    {
      text: "（一）加强学习。要把学习作为第一需要。", // 3: heading part wrong only
      runs: [
        { text: "（一）加强学习。", ...FS },
        { text: "要把学习作为第一需要。", ...FS },
      ],
    },
    {
      text: "（二）转变作风。要深入基层。", // 4: whole run-in in 楷体 → body part wrong
      runs: [{ text: "（二）转变作风。要深入基层。", ...KAI }],
    },
    { text: "1.提高站位", font: { ...FS, sizePt: 15 } }, // 5
    { text: "（1）统一思想", font: HEI }, // 6
    {
      text: "（三）严守纪律。要守规矩。", // 7: heading in 黑体 四号, body in 宋体 四号
      runs: [
        { text: "（三）严守纪律。", fontEastAsia: "黑体", sizePt: 14 },
        { text: "要守规矩。", fontEastAsia: "宋体", sizePt: 14 },
      ],
    },
    { text: "1.提高站位。要站得高。", font: SONG }, // 8: run-in level 3, 仿宋 both parts → fixable
  ]);
  const outline = makeOutline(doc, {
    title: 0,
    salutation: 1,
    headings: [
      { paragraph: 2, level: 1, raw: "一、" },
      { paragraph: 3, level: 2, raw: "（一）", standalone: false },
      { paragraph: 4, level: 2, raw: "（二）", standalone: false },
      { paragraph: 5, level: 3, raw: "1." },
      { paragraph: 6, level: 4, raw: "（1）" },
      { paragraph: 7, level: 2, raw: "（三）", standalone: false },
      { paragraph: 8, level: 3, raw: "1.", standalone: false },
    ],
  });
  const found = runWithOutline(formatFont, doc, outline);
  const at = (i: number) => found.filter((f) => f.paragraph === i);

  it("reports each wrong paragraph once", () => {
    expect(found.map((f) => f.paragraph)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
  });
  it("title", () => {
    expect(at(0)[0].message).toBe("标题应为小标宋体二号，现为黑体二号");
    expect(at(0)[0].fix?.format).toEqual([{ paragraph: 0, set: { fontEastAsia: "方正小标宋简体" } }]);
  });
  it("salutation is set as body text", () => {
    expect(at(1)[0].message).toBe("称谓应为仿宋三号，现为宋体三号");
  });
  it("level 1 in 仿宋", () => {
    expect(at(2)[0].message).toBe("一级标题应为黑体三号，现为仿宋三号");
    expect(at(2)[0].fix?.format?.[0].set).toEqual({ fontEastAsia: "黑体" });
  });
  it("run-in heading: only the heading part is marked, and only it is fixed (a ranged edit)", () => {
    const f = at(3)[0];
    expect(f.message).toBe("二级标题应为楷体三号，现为仿宋三号");
    expect([f.start, f.end]).toEqual([0, 8]);
    expect(f.fix?.format).toEqual([{ paragraph: 3, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312" } }]);
  });
  it("run-in heading all in 楷体: the body part is wrong", () => {
    const f = at(4)[0];
    expect(f.message).toBe("其后正文应为仿宋三号，现为楷体三号");
    expect([f.start, f.end]).toEqual([8, 14]);
  });
  it("level 3 size", () => {
    expect(at(5)[0].message).toBe("三级标题应为仿宋三号，现为仿宋小三");
    expect(at(5)[0].fix?.format?.[0].set).toEqual({ sizePt: 16 });
  });
  it("level 4 in 黑体", () => {
    expect(at(6)[0].message).toBe("四级标题应为仿宋三号，现为黑体三号");
  });
  it("run-in heading wrong in both parts: one finding, each part fixed to its own format", () => {
    const f = at(7)[0];
    expect(f.message).toBe("二级标题应为楷体三号，现为黑体四号；其后正文应为仿宋三号，现为宋体四号");
    expect([f.start, f.end]).toEqual([0, 13]);
    expect(f.fix?.format).toEqual([
      { paragraph: 7, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312", sizePt: 16 } },
      { paragraph: 7, start: 8, end: 13, set: { fontEastAsia: "仿宋_GB2312", sizePt: 16 } },
    ]);
  });
  it("run-in level 3 in 宋体: both parts are fixed to 仿宋", () => {
    const f = at(8)[0];
    expect(f.message).toBe("三级标题应为仿宋三号，现为宋体三号；其后正文应为仿宋三号，现为宋体三号");
    expect(f.fix?.format?.map((e) => e.set)).toEqual([{ fontEastAsia: "仿宋_GB2312" }, { fontEastAsia: "仿宋_GB2312" }]);
  });

  it("respects bold: true in the profile", () => {
    const profile = resolveProfile("speech", { format: { level3: { ...BASE.level3, bold: true } } });
    const d = makeDoc([{ text: "1.提高站位", font: FS }]);
    const o = makeOutline(d, { headings: [{ paragraph: 0, level: 3, raw: "1." }] });
    const r = runWithOutline(formatFont, d, o, profile);
    expect(r.map((f) => f.message)).toEqual(["三级标题应为仿宋三号，应加粗"]);
    expect(r[0].fix?.format?.[0].set).toEqual({ bold: true });
  });

  it("a correct document gives nothing", () => {
    const d = makeDoc([
      { text: "在全市办公室工作会议上的讲话", alignment: "center", font: { fontEastAsia: "方正小标宋_GBK", sizePt: 22 } },
      { text: "同志们：", font: FS },
      { text: "一、充分认识重要性", font: { fontEastAsia: "SimHei", sizePt: 16 } },
      {
        text: "（一）加强学习。要把学习作为第一需要。",
        runs: [
          { text: "（一）加强学习。", fontEastAsia: "KaiTi", sizePt: 16 },
          { text: "要把学习作为第一需要。", ...FS },
        ],
      },
      { text: "（1）统一思想", font: FS },
    ]);
    const o = makeOutline(d, {
      title: 0,
      salutation: 1,
      headings: [
        { paragraph: 2, level: 1, raw: "一、" },
        { paragraph: 3, level: 2, raw: "（一）", standalone: false },
        { paragraph: 4, level: 4, raw: "（1）" },
      ],
    });
    expect(runWithOutline(formatFont, d, o)).toEqual([]);
  });

  it("handles large input (speed is measured by npm run bench)", () => {
    const paras: ParaSpec[] = [];
    for (let k = 0; k < 20000; k++) paras.push(body("这是一段用来测试速度的正文，内容没有实际意义，长度大约五十个字符左右。", k % 2 ? FS : SONG));
    const d = makeDoc(paras);
    const r = runWithOutline(formatFont, d, makeOutline(d));
    expect(r).toHaveLength(10000);
  });
});
