/**
 * Unit styles (issue #13): a unit's config sets each role's font, size, bold, alignment and
 * indent under `format.roles`; the formatters apply it through roleFormat and the format checks
 * expect the same, so 一键排版 then 检查 with the same config gives no format finding.
 */
import { runCli } from "../../helpers/cliRun";
import { roleFormat, ROLES } from "../../../src/core/format/roles";
import { ROLE_NAMES_ZH } from "../../../src/core/format/roleNames";
import { levelFormat } from "../../../src/core/format/levels";
import { ConfigError, resolveProfile, validateConfig, type UnitConfig } from "../../../src/core/profiles";
import { formatFont } from "../../../src/core/rules/format/format-font";
import { formatParagraph } from "../../../src/core/rules/format/format-paragraph";
import { makeDoc, type ParaSpec } from "../../helpers/docBuilder";
import { runRuleTests } from "../../helpers/ruleTester";

const valid = (format: unknown): UnitConfig => validateConfig({ format }, []);

describe("format.roles validation", () => {
  it.each<[string, unknown, RegExp]>([
    ["unknown role", { roles: { heading: { sizePt: 16 } } }, /format\.roles 中的「heading」不是可设置的段落角色.*body（正文）/],
    ["__proto__ is not a role", JSON.parse('{"roles": {"__proto__": {"sizePt": 16}}}'), /「__proto__」不是可设置的段落角色/],
    ["constructor is not a role", { roles: { constructor: { sizePt: 16 } } }, /「constructor」不是可设置的段落角色/],
    ["roles not an object", { roles: [] }, /format\.roles 应是对象/],
    ["role value not an object", { roles: { body: 16 } }, /format\.roles\.body（正文） 应是对象/],
    ["unknown property", { roles: { body: { color: "red" } } }, /format\.roles\.body（正文） 中的「color」无法识别.*indentChars/],
    ["empty font list", { roles: { level1: { fonts: [] } } }, /format\.roles\.level1（一级标题）\.fonts 应是非空的字体名数组/],
    ["blank font name", { roles: { level1: { fonts: [" "] } } }, /\.fonts 应是非空的字体名数组/],
    ["size too small", { roles: { body: { sizePt: 0.5 } } }, /\.sizePt 应是 1 到 100 之间的磅值，现为「0\.5」/],
    ["size too large", { roles: { title: { sizePt: 101 } } }, /format\.roles\.title（标题）\.sizePt 应是 1 到 100/],
    ["size not a number", { roles: { body: { sizePt: "16" } } }, /\.sizePt 应是 1 到 100/],
    ["bold not boolean", { roles: { level1: { bold: "yes" } } }, /\.bold 应是 true 或 false/],
    ["alignment unknown", { roles: { title: { alignment: "distribute" } } }, /\.alignment 应是 "left"（左对齐）.*之一，现为「distribute」/],
    ["indent negative", { roles: { body: { indentChars: -1 } } }, /\.indentChars 应是 0 到 10 之间的字符数，现为「-1」/],
    ["indent too large", { roles: { body: { indentChars: 11 } } }, /\.indentChars 应是 0 到 10/],
  ])("rejects %s", (...[, format, re]) => {
    expect(() => valid(format)).toThrow(ConfigError);
    expect(() => valid(format)).toThrow(re);
  });

  it("accepts every role with every property at the edges of the ranges", () => {
    const roles: Record<string, unknown> = {};
    for (const r of ROLES) roles[r] = { fonts: ["方正仿宋_GBK"], sizePt: 1, bold: false, alignment: "justify", indentChars: 10 };
    roles.body = { sizePt: 100, indentChars: 0, alignment: "left" };
    expect(() => valid({ roles })).not.toThrow();
    expect(Object.keys(ROLE_NAMES_ZH).sort()).toEqual([...ROLES].sort());
  });
});

describe("roleFormat with a unit's roles", () => {
  const plain = resolveProfile("gongwen").format;

  it("changes nothing without a config", () => {
    expect(plain.roles).toBeUndefined();
    expect(roleFormat(plain, "body")).toMatchObject({ fontEastAsia: "仿宋_GB2312", sizePt: 16, alignment: "justify", firstLineIndentChars: 2, firstLineIndentPt: 32 });
  });

  it("applies fonts, size, bold, alignment and indent of the role, and only of that role", () => {
    const cfg = valid({ roles: { body: { fonts: [" 方正仿宋_GBK "], sizePt: 15, bold: false, alignment: "left", indentChars: 3 } } });
    const spec = resolveProfile("gongwen", cfg).format;
    expect(roleFormat(spec, "body")).toMatchObject({ fontEastAsia: "方正仿宋_GBK", sizePt: 15, bold: false, alignment: "left", firstLineIndentChars: 3, firstLineIndentPt: 45 });
    expect(levelFormat(spec, "body")).toEqual({ fonts: ["方正仿宋_GBK"], sizePt: 15, bold: false });
    expect(roleFormat(spec, "level1")).toEqual(roleFormat(plain, "level1"));
  });

  it("lets roles win over the level keys, which still work alone", () => {
    const spec = resolveProfile("gongwen", valid({ level1: { fonts: ["方正黑体_GBK"], sizePt: 18 }, roles: { level1: { sizePt: 17 } } })).format;
    expect(roleFormat(spec, "level1")).toMatchObject({ fontEastAsia: "方正黑体_GBK", sizePt: 17 });
  });

  it("replaces a hanging indent and the GB/T placement of an element", () => {
    const spec = resolveProfile("gongwen", valid({ roles: { attachment: { indentChars: 2 }, signature: { alignment: "center" } } })).format;
    const att = roleFormat(spec, "attachment", { leftIndentChars: 2, hangingChars: 3 });
    expect(att.firstLineIndentChars).toBe(2);
    expect(att.hangingChars).toBeUndefined();
    expect(roleFormat(spec, "signature").alignment).toBe("center");
    expect(roleFormat(plain, "attachment", { leftIndentChars: 2, hangingChars: 3 }).hangingChars).toBe(3);
  });
});

describe("biganzi format --config then check --config", () => {
  const unit = {
    format: {
      roles: {
        title: { sizePt: 20, alignment: "left", indentChars: 0 },
        salutation: { indentChars: 2 },
        level1: { fonts: ["方正黑体_GBK"], bold: true, alignment: "center", indentChars: 0 },
        level2: { sizePt: 15 },
        body: { fonts: ["方正仿宋_GBK"], sizePt: 15, indentChars: 3 },
      },
    },
  };
  const FORMAT_RULES = ["format-font", "format-paragraph"];
  type Finding = { rule: string; messageId?: string; paragraph?: number; message: string };

  function findings(files: Record<string, Uint8Array | string>, withConfig: boolean): Finding[] {
    const argv = ["check", "--format", "json", ...(withConfig ? ["--config", "unit.json"] : []), "out.docx"];
    const c = runCli(argv, files);
    expect(c.err).toBe("");
    return (JSON.parse(c.out)[0].findings as Finding[]).filter((f) => FORMAT_RULES.includes(f.rule));
  }

  it("formats as the unit says, and the same config finds nothing to change", () => {
    const made = runCli(["new", "--template", "工作会议讲话", "-o", "in.docx"]);
    expect(made.code).toBe(0);
    const files = { ...made.files, "unit.json": JSON.stringify(unit) };
    const f = runCli(["format", "in.docx", "-o", "out.docx", "--config", "unit.json"], files);
    expect(f.err).toBe("");
    expect(f.code).toBe(0);
    expect(findings(f.files, true)).toEqual([]);
    // Without the unit's config the house style differs, and each changed role is flagged.
    const plain = findings(f.files, false);
    const ids = new Set(plain.map((x) => `${x.rule}/${x.messageId}`));
    expect(ids).toEqual(new Set(["format-font/font-size", "format-paragraph/indent", "format-paragraph/align"]));
    const text = plain.map((x) => x.message).join("\n");
    expect(text).toMatch(/标题应居中/);
    expect(text).toMatch(/称谓应顶格/);
    expect(text).toMatch(/正文应为仿宋三号/);
    expect(text).toMatch(/标题应为小标宋体二号，现为小标宋体20磅/);
    expect(text).toMatch(/二级标题应为楷体三号，现为楷体小三/);
    expect(text).toMatch(/正文应首行缩进2字符，现为首行缩进3字符/);
    expect(text).toMatch(/一级标题顶格排列/);
  });
});

// The format rules themselves, judged against a unit's roles (and, as the contrast, without them).
const UNIT: UnitConfig = {
  profile: "gongwen",
  format: {
    roles: {
      title: { alignment: "left", indentChars: 0 },
      salutation: { indentChars: 2 },
      level1: { fonts: ["方正黑体_GBK"], bold: true, indentChars: 0 },
      body: { fonts: ["方正仿宋_GBK"], sizePt: 15, indentChars: 3 },
      signature: { alignment: "center" },
      note: { indentChars: 0 },
    },
  },
};
const EXACT = { rule: "exact" as const, value: 28.95 };
const UNIT_BODY = { fontEastAsia: "方正仿宋_GBK", sizePt: 15 };
const ubody = (text: string, more: Partial<ParaSpec> = {}): ParaSpec => ({ text, font: UNIT_BODY, firstLineIndentChars: 3, lineSpacing: EXACT, ...more });
const TITLE: ParaSpec = { text: "关于做好年度工作的通知", alignment: "left", firstLineIndentChars: 0, lineSpacing: EXACT, font: { fontEastAsia: "方正小标宋简体", sizePt: 22 } };

describe("format rules under a unit's roles", () => {
  runRuleTests(formatParagraph, {
    valid: [
      { name: "body indented 3 characters as the unit says", config: UNIT, doc: makeDoc([ubody("今天开会。"), ubody("认真落实。")]) },
      { name: "title left-aligned as the unit says", config: UNIT, doc: makeDoc([TITLE, ubody("今天开会。")]) },
      { name: "salutation indented 2 characters as the unit says", config: UNIT, doc: makeDoc([TITLE, ubody("同志们：", { firstLineIndentChars: 2 }), ubody("今天开会。")]) },
      { name: "flush 一、 heading as the unit says", config: UNIT, doc: makeDoc([ubody("今天开会。"), ubody("一、提高认识", { firstLineIndentChars: 0 }), ubody("要提高认识。")]) },
      { name: "without a config, the GB/T layout still passes", doc: makeDoc([{ ...TITLE, alignment: "center" }, ubody("今天开会。", { firstLineIndentChars: 2 })]) },
    ],
    invalid: [
      {
        name: "body at the GB/T 2 characters where the unit wants 3",
        config: UNIT,
        doc: makeDoc([ubody("今天开会。", { firstLineIndentChars: 2 })]),
        findings: [{ messageId: "indent", message: "正文应首行缩进3字符，现为首行缩进2字符" }],
        output: "今天开会。",
      },
      {
        name: "a centred title where the unit wants it left",
        config: UNIT,
        doc: makeDoc([{ ...TITLE, alignment: "center" }, ubody("今天开会。")]),
        findings: [{ messageId: "align", message: "标题应左对齐，现为居中" }],
      },
      {
        name: "a flush salutation where the unit indents it",
        config: UNIT,
        doc: makeDoc([TITLE, ubody("同志们：", { firstLineIndentChars: 0 }), ubody("今天开会。")]),
        findings: [{ messageId: "align", message: "称谓应左对齐、首行缩进2字符，现为无首行缩进" }],
      },
      {
        name: "without the config, the unit's layout is flagged",
        doc: makeDoc([TITLE, ubody("今天开会。")]),
        findings: [{ messageId: "align", message: "标题应居中，现为左对齐" }, { messageId: "indent", message: "正文应首行缩进2字符，现为首行缩进3字符" }],
      },
      {
        name: "an indented 一、 heading where the unit wants it flush",
        config: UNIT,
        doc: makeDoc([ubody("今天开会。"), ubody("一、提高认识", { firstLineIndentChars: 2 }), ubody("要提高认识。")]),
        findings: [{ messageId: "indent", message: "一级标题应无首行缩进，现为首行缩进2字符" }],
      },
    ],
  });

  runRuleTests(formatFont, {
    valid: [
      { name: "body in the unit's font and size", config: UNIT, doc: makeDoc([ubody("今天开会。")]) },
      { name: "bold 一、 heading as the unit says", config: UNIT, doc: makeDoc([ubody("今天开会。"), ubody("一、提高认识", { font: { fontEastAsia: "方正黑体_GBK", sizePt: 16, bold: true } }), ubody("要提高认识。")]) },
      // Each role is set on its own: the unit's body size does not carry over to the salutation.
      { name: "a salutation keeps 三号 when only the body changes", config: UNIT, doc: makeDoc([ubody("同志们：", { font: { fontEastAsia: "仿宋_GB2312", sizePt: 16 } }), ubody("认真落实。")]) },
      { name: "no config: GB/T 仿宋三号", doc: makeDoc([ubody("今天开会。", { font: { fontEastAsia: "仿宋_GB2312", sizePt: 16 } })]) },
      { name: "no config: 方正仿宋_GBK is one of the 仿宋 names", doc: makeDoc([ubody("今天开会。", { font: { fontEastAsia: "方正仿宋_GBK", sizePt: 16 } })]) },
    ],
    invalid: [
      {
        name: "GB/T 三号 body where the unit wants 15 pt",
        config: UNIT,
        doc: makeDoc([ubody("今天开会。", { font: { fontEastAsia: "方正仿宋_GBK", sizePt: 16 } })]),
        findings: [{ messageId: "font-size", message: "正文应为仿宋小三，现为仿宋三号" }],
      },
      {
        name: "body in 仿宋 where the unit sets it in 楷体",
        config: { format: { roles: { body: { fonts: ["楷体_GB2312"], sizePt: 15, indentChars: 3 } } } },
        doc: makeDoc([ubody("今天开会。")]),
        findings: [{ messageId: "font-size", message: "正文应为楷体小三，现为仿宋小三" }],
      },
      {
        name: "a 一、 heading not bold where the unit wants bold",
        config: UNIT,
        doc: makeDoc([ubody("今天开会。"), ubody("一、提高认识", { font: { fontEastAsia: "方正黑体_GBK", sizePt: 16, bold: false } }), ubody("要提高认识。")]),
        findings: [{ messageId: "font-size", message: "应加粗" }],
      },
      {
        name: "without the config, the unit's 15 pt body is flagged",
        doc: makeDoc([ubody("今天开会。")]),
        findings: [{ messageId: "font-size", message: "正文应为仿宋三号，现为仿宋小三" }],
      },
      {
        name: "a unit font for 一、 that is not a 黑体",
        config: { format: { roles: { level1: { fonts: ["华文中宋"] }, body: { fonts: ["方正仿宋_GBK"], sizePt: 15 } } } },
        doc: makeDoc([ubody("今天开会。"), ubody("一、提高认识", { font: { fontEastAsia: "黑体", sizePt: 16 } }), ubody("要提高认识。")]),
        findings: [{ messageId: "font-size" }],
      },
    ],
  });
});
