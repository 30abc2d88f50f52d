/**
 * Issue #13: the 公文 elements GB/T 9704-2012 places — recognised from the text and their place
 * (版头, 主送机关, 附件说明, 署名, 成文日期, 附注, 版记), given their look by roleFormat, checked by
 * format-paragraph and format-font, and written by `biganzi format` without changing a character.
 */
import { unzipSync, zipSync } from "fflate";
import { elementPlace, findElements, isRecipientLine, textWidthChars } from "../../../src/core/format/elements";
import { formatSegments, paragraphRole, type ParagraphRole } from "../../../src/core/format/levels";
import { RED, roleFormat, type Role } from "../../../src/core/format/roles";
import { check } from "../../../src/core/engine";
import { docFromText, type DocModel } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import { formatPlan } from "../../../src/core/outline";
import { gongwenProfile, resolveProfile, speechProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { formatFont } from "../../../src/core/rules/format/format-font";
import { formatParagraph } from "../../../src/core/rules/format/format-paragraph";
import { writeDocx } from "../../../src/core/writer/docx";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { makeDoc, type ParaSpec } from "../../helpers/docBuilder";
import { runRuleTests } from "../../helpers/ruleTester";

/** A 下行文 with every element, one line a paragraph, and the role each line should get. */
const FULL: Array<[string, ParagraphRole]> = [
  ["000001", "copyNo"],
  ["机密★1年", "secret"],
  ["特急", "urgency"],
  ["××市人民政府文件", "issuer"],
  ["×府发〔2024〕3号", "docNo"],
  ["——————————————", "other"],
  ["××市人民政府关于加强安全生产工作的通知", "title"],
  ["", "empty"],
  ["各区、县人民政府，市政府各部门：", "salutation"],
  ["为进一步加强安全生产工作，现将有关事项通知如下。", "body"],
  ["一、提高认识", "level1"],
  // A body sentence that mentions 抄送, and one that starts with 附件: body.
  ["各地要高度重视安全生产，请于5月底前将情况抄送市应急管理局。", "body"],
  ["二、落实责任", "level1"],
  ["附件中的表格请各单位认真填写。", "body"],
  ["", "empty"],
  ["附件：1.安全生产检查表", "attachment"],
  ["2.安全生产责任清单", "attachment"],
  ["", "empty"],
  ["××市人民政府", "signature"],
  ["2024年5月10日", "date"],
  ["（此件公开发布）", "note"],
  ["", "empty"],
  ["————————————————", "other"],
  ["抄送：市委办公室，市人大常委会办公室。", "copyTo"],
  ["————————————————", "other"],
  ["××市人民政府办公室          2024年5月10日印发", "printer"],
  ["————————————————", "other"],
];

function rolesOf(text: string): ParagraphRole[] {
  const doc = docFromText(text);
  const o = buildOutline(doc);
  return doc.paragraphs.map((_, i) => paragraphRole(doc, o, i));
}

const lines = (rows: Array<[string, ParagraphRole]>) => rows.map(([t]) => t).join("\n");

describe("recognition", () => {
  it("finds every element of a realistic 公文, and only those", () => {
    expect(rolesOf(lines(FULL))).toEqual(FULL.map(([, r]) => r));
  });

  // Each case: the lines and their roles.
  const CASES: Array<[string, Array<[string, ParagraphRole]>]> = [
    [
      "上行文: 签发人 on the 文号 line, a 附注 with a contact",
      [
        ["××市人民政府文件", "issuer"],
        ["×府报〔2024〕3号　　　　签发人：张三", "docNo"],
        ["××市人民政府关于申请专项资金的请示", "title"],
        ["省人民政府：", "salutation"],
        ["为做好防汛工作，特申请专项资金。", "body"],
        ["妥否，请批示。", "body"],
        ["××市人民政府", "signature"],
        ["2024年5月10日", "date"],
        ["（联系人：李四，电话：12345678）", "note"],
      ],
    ],
    [
      "签发人 lines of a joint 上行文 before the 文号 line",
      [
        ["××省教育厅文件", "issuer"],
        ["签发人：王五", "signer"],
        ["×教报〔2024〕12号　　签发人：赵六", "docNo"],
        ["关于申请设立学院的请示", "title"],
        ["教育部：", "salutation"],
        ["现申请设立学院。", "body"],
      ],
    ],
    [
      "no 版头: title, 主送机关, a single attachment, 署名 and date, no 版记",
      [
        ["关于开展安全检查的通知", "title"],
        ["各乡镇人民政府：", "salutation"],
        ["现将检查方案印发给你们，请认真贯彻执行。", "body"],
        ["附件：安全检查方案", "attachment"],
        ["某某县人民政府办公室", "signature"],
        ["2024年6月1日", "date"],
      ],
    ],
    [
      "a seal marker: the marker is left alone and the 7.3.5.1 layout applies",
      [
        ["关于表彰先进集体的决定", "title"],
        ["各县（市、区）人民政府：", "salutation"],
        ["经研究，决定予以表彰。", "body"],
        ["某某市人民政府", "signature"],
        ["（印章）", "other"],
        ["2024年6月1日", "date"],
      ],
    ],
    [
      "attachment pages after the 落款, 版记 with only the 印发 line",
      [
        ["关于印发工作方案的通知", "title"],
        ["各有关单位：", "salutation"],
        ["现将方案印发给你们。", "body"],
        ["附件：工作方案", "attachment"],
        ["某某县人民政府", "signature"],
        ["2024年6月1日", "date"],
        ["附件", "body"],
        ["工作方案", "body"],
        ["为做好工作，制定本方案。", "body"],
        ["某某县人民政府办公室　　2024年6月2日印发", "printer"],
      ],
    ],
    [
      "trap: a 抄送 line and an 附件 line in mid-body stay body",
      [
        ["关于做好统计工作的通知", "title"],
        ["各有关单位：", "salutation"],
        ["抄送：本通知同时发给各统计站。", "body"],
        ["附件：统计表在网站下载。", "body"],
        ["请按时报送。", "body"],
      ],
    ],
    [
      "trap: a lead-in sentence ending in a colon is not a 主送机关",
      [
        ["关于调整工作时间的公告", "title"],
        // (a short line under the title is kept as a possible 副题 line, as before)
        ["为方便群众办事，现将有关事项公告如下：", "other"],
        ["一、调整时间", "level1"],
      ],
    ],
    [
      "trap: a speech's speaker and date lines under the title stay as they were",
      [
        ["在全市安全生产工作会议上的讲话", "title"],
        ["张三", "other"],
        ["（2024年5月10日）", "other"],
        ["同志们：", "salutation"],
        ["今天召开会议，主要任务是部署工作。", "body"],
        ["谢谢大家！", "body"],
      ],
    ],
    [
      "trap: a date line inside the body is not a 成文日期",
      [
        ["关于召开会议的通知", "title"],
        ["各有关单位：", "salutation"],
        ["会议时间", "body"],
        ["2024年5月10日", "other"],
        ["请准时参加。", "body"],
      ],
    ],
  ];

  it.each(CASES)("%s", (_name, rows) => {
    expect(rolesOf(lines(rows))).toEqual(rows.map(([, r]) => r));
  });

  it("a 主送机关 names organs; a sentence ending in a colon does not", () => {
    expect(isRecipientLine("各省、自治区、直辖市人民政府，国务院各部委、各直属机构：")).toBe(true);
    expect(isRecipientLine("市教育局：")).toBe(true);
    expect(isRecipientLine("现将有关事项通知如下：")).toBe(false);
    expect(isRecipientLine("主要包括：")).toBe(false);
    expect(isRecipientLine("各位：")).toBe(false);
  });

  it("the 签发人's name is a segment of its own (楷体)", () => {
    const doc = docFromText("某某县人民政府文件\n×府报〔2024〕3号　签发人：张三\n关于申请资金的请示");
    const o = buildOutline(doc);
    const segs = formatSegments(doc, o, 1);
    expect(segs.map((s) => [s.role, doc.paragraphs[1].text.slice(s.start, s.end)])).toEqual([
      ["docNo", "×府报〔2024〕3号　签发人："],
      ["signerName", "张三"],
    ]);
  });

  it("never throws, and finds nothing, on odd input", () => {
    for (const t of ["", "\u3000", "\ud800", "：", "抄送：", "附件：", "2024年5月10日", "000001", "——————", "\u200b\n\u200b"]) {
      const doc = docFromText(t);
      expect(() => findElements(doc, buildOutline(doc))).not.toThrow();
    }
    expect(rolesOf("关于统计工作的通知\n各单位：\n抄送：")).toEqual(["title", "salutation", "body"]);
  });

  it("handles large input: a 1 MB paragraph and many short ones (speed is measured by the benchmarks)", () => {
    const big = "抄送：" + "市委办公室，".repeat(170000) + "\u3000".repeat(1000);
    const doc = docFromText([lines(FULL), big, "2024年5月10日"].join("\n"));
    const o = buildOutline(doc);
    expect(doc.paragraphs.map((_, i) => paragraphRole(doc, o, i)).slice(-2)).toEqual(["body", "other"]);
    const many = docFromText(Array.from({ length: 20000 }, (_, k) => (k % 3 ? "2024年5月10日" : "附件：1.表")).join("\n"));
    expect(() => findElements(many, buildOutline(many))).not.toThrow();
  });
});

describe("places that depend on the text (7.3.4, 7.3.5, 7.4)", () => {
  function places(text: string) {
    const doc = docFromText(text);
    const o = buildOutline(doc);
    return doc.paragraphs.map((_, i) => elementPlace(doc, o, i));
  }

  it("without a seal: 署名 右空二字, the date two characters right of its first character", () => {
    // 「某某市人民政府办公室」 is 10 characters, 「2024年5月10日」 6.5.
    const p = places("通知\n各单位：\n请执行。\n某某市人民政府办公室\n2024年5月10日");
    expect(textWidthChars("2024年5月10日")).toBe(6.5);
    expect(p[3]).toEqual({ rightIndentChars: 2 });
    expect(p[4]).toEqual({ rightIndentChars: 3.5 });
  });

  it("without a seal, a date longer than the 署名 sits 右空二字 and the 署名 moves left", () => {
    const p = places("通知\n各单位：\n请执行。\n某某局\n2024年10月10日");
    // 署名 3, date 7: the date 右空二字, the 署名 starts two characters left of it.
    expect(p[4]).toEqual({ rightIndentChars: 2 });
    expect(p[3]).toEqual({ rightIndentChars: 8 });
  });

  it("with a seal: the date 右空四字, the 署名 centred over it", () => {
    const p = places("通知\n各单位：\n请执行。\n某某局\n（印章）\n2024年5月10日");
    expect(p[5]).toEqual({ rightIndentChars: 4 });
    expect(p[3]).toEqual({ rightIndentChars: 5.75 });
  });

  it("附件说明 hangs so that wrapped names align with the name; 抄送 aligns after its colon", () => {
    const p = places("通知\n各单位：\n请执行。\n附件：1.检查表\n2.责任清单\n某某局\n2024年5月10日\n抄送：市委办公室。\n某某局办公室　2024年5月10日印发");
    expect(p[3]).toEqual({ leftIndentChars: 6, hangingChars: 4 });
    expect(p[4]).toEqual({ leftIndentChars: 6, hangingChars: 1 });
    expect(p[7]).toEqual({ leftIndentChars: 4, hangingChars: 3, rightIndentChars: 1, banjiFirst: true });
    expect(p[8]).toEqual({ leftIndentChars: 1, rightIndentChars: 1, banjiFirst: false });
  });
});

describe("roleFormat per element", () => {
  const spec = gongwenProfile().format;
  const ROWS: Array<[Role, Partial<ReturnType<typeof roleFormat>>]> = [
    ["copyNo", { fontEastAsia: "仿宋_GB2312", sizePt: 16, alignment: "left", firstLineIndentChars: 0 }],
    ["secret", { fontEastAsia: "黑体", sizePt: 16, alignment: "left", firstLineIndentChars: 0 }],
    ["urgency", { fontEastAsia: "黑体", sizePt: 16, alignment: "left", firstLineIndentChars: 0 }],
    ["issuer", { fontEastAsia: "方正小标宋简体", alignment: "center", color: RED, firstLineIndentChars: 0 }],
    ["docNo", { fontEastAsia: "仿宋_GB2312", sizePt: 16, alignment: "center", borderBottom: { widthPt: 1, color: RED, spacePt: 11 } }],
    ["signer", { fontEastAsia: "仿宋_GB2312", alignment: "right", rightIndentChars: 1 }],
    ["signerName", { fontEastAsia: "楷体_GB2312", sizePt: 16 }],
    ["attachment", { fontEastAsia: "仿宋_GB2312", firstLineIndentChars: 2 }],
    ["signature", { alignment: "right", rightIndentChars: 4 }],
    ["date", { alignment: "right", rightIndentChars: 4 }],
    ["note", { alignment: "justify", firstLineIndentChars: 2 }],
    ["copyTo", { fontEastAsia: "仿宋_GB2312", sizePt: 14, firstLineIndentChars: 1, rightIndentChars: 1 }],
    ["printer", { fontEastAsia: "仿宋_GB2312", sizePt: 14, firstLineIndentChars: 1, rightIndentChars: 1, borderBottom: { widthPt: 1, color: "000000", spacePt: 1 } }],
  ];
  it.each(ROWS)("%s", (role, want) => {
    expect(roleFormat(spec, role)).toMatchObject(want);
  });

  it("the place adds hanging indents and the 版记 lines (thick first and last, thin between)", () => {
    const att = roleFormat(spec, "attachment", { leftIndentChars: 6, hangingChars: 4 });
    expect(att).toMatchObject({ leftIndentChars: 6, hangingChars: 4, firstLineIndentChars: 2, leftIndentPt: 96, hangingPt: 64 });
    const copy = roleFormat(spec, "copyTo", { leftIndentChars: 4, hangingChars: 3, rightIndentChars: 1, banjiFirst: true });
    expect(copy.borderTop?.widthPt).toBe(1);
    expect(copy.borderBottom?.widthPt).toBe(0.75);
    expect(roleFormat(spec, "printer", { banjiFirst: false }).borderTop).toBeUndefined();
    expect(roleFormat(spec, "printer", { banjiFirst: true }).borderTop?.widthPt).toBe(1);
    expect(roleFormat(spec, "docNo", { withSigner: true })).toMatchObject({ alignment: "justify", leftIndentChars: 1, firstLineIndentChars: 1 });
    expect(roleFormat(spec, "signature", { rightIndentChars: 2 })).toMatchObject({ rightIndentChars: 2, rightIndentPt: 32 });
  });

  it("a unit's fonts carry over to the elements", () => {
    const unit = resolveProfile("gongwen", { format: { level1: { fonts: ["方正黑体_GBK"] }, body: { fonts: ["方正仿宋_GBK"] } } }).format;
    expect(roleFormat(unit, "secret").fontEastAsia).toBe("方正黑体_GBK");
    expect(roleFormat(unit, "copyTo").fontEastAsia).toBe("方正仿宋_GBK");
  });
});

// ---------------------------------------------------------------------------
// format-paragraph and format-font on formatted documents

const FS = { fontEastAsia: "仿宋_GB2312", sizePt: 16 };
const EXACT = { rule: "exact" as const, value: 28.95 };
const para = (text: string, more: Partial<ParaSpec> = {}): ParaSpec => ({ text, font: FS, firstLineIndentChars: 2, lineSpacing: EXACT, alignment: "justify", ...more });
const flush = { firstLineIndentChars: 0 };

/** A correctly placed 公文; `change` alters paragraph k. */
function gongwenDoc(change: Record<number, Partial<ParaSpec>> = {}): DocModel {
  const paras: ParaSpec[] = [
    para("000001", { ...flush, alignment: "left" }),
    para("××市人民政府文件", { ...flush, alignment: "center", font: { fontEastAsia: "方正小标宋简体", sizePt: 36 } }),
    para("×府发〔2024〕3号", { ...flush, alignment: "center" }),
    para("××市人民政府关于加强安全生产工作的通知", { ...flush, alignment: "center", font: { fontEastAsia: "方正小标宋简体", sizePt: 22 } }),
    para("各区、县人民政府：", { ...flush, alignment: "left" }),
    para("现将有关事项通知如下。"),
    para("附件：安全生产检查表"),
    para("××市人民政府", { ...flush, alignment: "right" }),
    para("2024年5月10日", { ...flush, alignment: "right" }),
    para("（此件公开发布）"),
    para("抄送：市委办公室。", { firstLineIndentChars: 1, font: { ...FS, sizePt: 14 } }),
    para("××市人民政府办公室　　2024年5月10日印发", { firstLineIndentChars: 1, font: { ...FS, sizePt: 14 } }),
  ];
  return makeDoc(paras.map((p, k) => ({ ...p, ...(change[k] ?? {}) })));
}

runRuleTests(formatParagraph, {
  valid: [
    { name: "a 公文 with every element placed per GB/T 9704", doc: gongwenDoc(), profile: "gongwen" },
    { name: "a 落款 pushed right with spaces is placed by hand", doc: gongwenDoc({ 7: { text: "　　　　　　　　××市人民政府", alignment: "justify" } }), profile: "gongwen" },
    { name: "the 落款 with a large left indent", doc: gongwenDoc({ 8: { alignment: "left", firstLineIndentChars: 20 } }), profile: "gongwen" },
    { name: "版记 lines justified or left", doc: gongwenDoc({ 10: { alignment: "left" }, 11: { alignment: "distribute" } }), profile: "gongwen" },
    { name: "an 附注 with a hanging indent is not judged (the left indent is not in the model)", doc: gongwenDoc({ 9: { firstLineIndentChars: -1 } }), profile: "gongwen" },
    { name: "alignment not stated is not checked", doc: gongwenDoc({ 2: { alignment: undefined }, 7: { alignment: undefined } }), profile: "gongwen" },
  ],
  invalid: [
    {
      name: "a centred 署名",
      doc: gongwenDoc({ 7: { alignment: "center" } }),
      profile: "gongwen",
      findings: [{ paragraph: 7, messageId: "element" }],
      // The fix sets the alignment; not a character changes.
      output: gongwenDoc().paragraphs.map((p) => p.text).join("\n"),
    },
    { name: "a left-aligned 成文日期", doc: gongwenDoc({ 8: { alignment: "left" } }), profile: "gongwen", findings: [{ paragraph: 8, messageId: "element" }] },
    { name: "a centred 份号", doc: gongwenDoc({ 0: { alignment: "center" } }), profile: "gongwen", findings: [{ paragraph: 0, messageId: "element" }] },
    { name: "a left-aligned 发文机关标志 and 发文字号", doc: gongwenDoc({ 1: { alignment: "left" }, 2: { alignment: "justify" } }), profile: "gongwen", findings: [{ paragraph: 1, messageId: "element" }, { paragraph: 2, messageId: "element" }] },
    { name: "an 附注 not indented", doc: gongwenDoc({ 9: { firstLineIndentChars: 0 } }), profile: "gongwen", findings: [{ paragraph: 9, messageId: "element" }] },
    { name: "a centred 抄送 line", doc: gongwenDoc({ 10: { alignment: "center" } }), profile: "gongwen", findings: [{ paragraph: 10, messageId: "element" }] },
    {
      name: "an indented 主送机关 is named as such",
      doc: gongwenDoc({ 4: { firstLineIndentChars: 2 } }),
      profile: "gongwen",
      findings: [{ paragraph: 4, messageId: "align", message: "主送机关应顶格" }],
    },
    { name: "a 落款 in 1.5 line spacing", doc: gongwenDoc({ 8: { lineSpacing: { rule: "auto", value: 1.5 } } }), profile: "gongwen", findings: [{ paragraph: 8, messageId: "spacing" }] },
  ],
});

describe("format-font judges the elements by their role", () => {
  const fontFindings = (doc: DocModel) =>
    check(doc, { profile: gongwenProfile(), rules: [formatFont], rethrow: true }).map((f) => [f.paragraph, f.messageId]);

  it("stays quiet on a correctly set 公文 (the 标志's size is the organ's choice)", () => {
    expect(fontFindings(gongwenDoc())).toEqual([]);
    expect(fontFindings(gongwenDoc({ 1: { font: { fontEastAsia: "方正小标宋简体", sizePt: 42 } } }))).toEqual([]);
  });

  it("flags a 版记 in 3号 and a 发文字号 in 黑体", () => {
    expect(fontFindings(gongwenDoc({ 10: { font: FS }, 2: { font: { fontEastAsia: "黑体", sizePt: 16 } } }))).toEqual([
      [2, "font-size"],
      [10, "font-size"],
    ]);
  });
});

// ---------------------------------------------------------------------------
// biganzi format and 一键排版

/** FULL as a messy draft: every line 宋体 12 pt, justified, no indent. */
function messyFull(): Uint8Array {
  const spec = gongwenProfile().format;
  const files = unzipSync(writeDocx(FULL.map(([text]) => ({ role: "body" as Role, text })), spec));
  const xml = new TextDecoder()
    .decode(files["word/document.xml"])
    .replace(/<w:pStyle w:val="[^"]*"\/>/g, "")
    .replace(/<w:r>/g, '<w:r><w:rPr><w:rFonts w:ascii="Arial" w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>');
  files["word/document.xml"] = new TextEncoder().encode(xml);
  return zipSync(files);
}

/** The w:p elements of a document.xml. */
function paragraphsXml(bytes: Uint8Array): string[] {
  const xml = new TextDecoder().decode(unzipSync(bytes)["word/document.xml"]);
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>|<w:p\/>/g)].map((m) => m[0]);
}

describe("biganzi format on a 公文 with every element", () => {
  const spec = gongwenProfile().format;
  const input = messyFull();
  const before = readDocx(input);
  const out = formatDocx(input, spec, before).bytes;
  const after = readDocx(out);
  const px = paragraphsXml(out);
  const idx = (role: ParagraphRole) => FULL.findIndex(([, r]) => r === role);

  it("keeps every character and recognises the same roles", () => {
    expect(after.paragraphs.map((p) => p.text)).toEqual(FULL.map(([t]) => t));
    const o = buildOutline(after);
    expect(after.paragraphs.map((_, i) => paragraphRole(after, o, i))).toEqual(FULL.map(([, r]) => r));
  });

  it("sets each element's font, size and alignment from roleFormat", () => {
    for (const [k, [, role]] of FULL.entries()) {
      if (role === "empty" || role === "other") continue;
      const f = roleFormat(spec, role as Role);
      const p = after.paragraphs[k];
      expect([role, p.runs[0]?.fontEastAsia, p.runs[0]?.sizePt]).toEqual([role, f.fontEastAsia, f.sizePt]);
      const align = role === "docNo" ? "center" : f.alignment;
      expect([role, p.alignment]).toEqual([role, align]);
    }
  });

  it("writes the red 标志, the red line under the 文号, the 版记 lines and the indents", () => {
    expect(px[idx("issuer")]).toContain('<w:color w:val="FF0000"/>');
    expect(px[idx("docNo")]).toMatch(/<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="11" w:color="FF0000"\/><\/w:pBdr>/);
    // The 版记 is one frame at the foot of the page (src/core/writer/banji.ts): the same lines on
    // each of its paragraphs, thick over the first and under the last.
    expect(px[idx("copyTo")]).toMatch(/<w:framePr [^>]*w:yAlign="bottom"[^>]*\/><w:pBdr><w:top [^>]*w:sz="8"[^>]*\/><w:bottom [^>]*w:sz="8"/);
    expect(px[idx("printer")]).toContain(/<w:pBdr>.*<\/w:pBdr>/.exec(px[idx("copyTo")])![0]);
    expect(px[idx("attachment")]).toMatch(/w:leftChars="600"[^>]*w:hangingChars="400"/);
    expect(px[idx("signature")]).toMatch(/w:rightChars="(\d+)"/);
    // The body keeps no border and no colour.
    expect(px[idx("body")]).not.toContain("w:pBdr");
    expect(px[idx("body")]).not.toContain("w:color");
  });

  it("一键排版 gives the elements the same fonts and alignment", () => {
    const o = buildOutline(before);
    const plan = formatPlan(before, o, spec);
    const byPara = new Map(plan.filter((e) => e.start === undefined).map((e) => [e.paragraph, e.set]));
    expect(byPara.get(idx("secret"))).toMatchObject({ fontEastAsia: "黑体", alignment: "left" });
    expect(byPara.get(idx("copyTo"))).toMatchObject({ sizePt: 14, firstLineIndentChars: 1 });
    expect(byPara.get(idx("date"))).toMatchObject({ alignment: "right" });
    expect(byPara.has(idx("other"))).toBe(false);
  });
});

describe("the speech profile is unchanged where a speech has no 公文 elements", () => {
  it("a speech draft's roles", () => {
    const text = "在全市工作会议上的讲话\n（2024年5月10日）\n同志们：\n今天开会。\n一、统一思想\n要统一思想。";
    expect(rolesOf(text)).toEqual(["title", "other", "salutation", "body", "level1", "body"]);
    expect(speechProfile().id).toBe("speech");
  });
});
