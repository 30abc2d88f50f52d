import { check } from "../../../../src/core/engine";
import type { Section } from "../../../../src/core/model";
import { docFromText } from "../../../../src/core/model";
import { resolveProfile } from "../../../../src/core/profiles";
import { formatPage } from "../../../../src/core/rules/format/format-page";
import { A4_GBT9704, makeDoc } from "../../../helpers/docBuilder";
import { runRule, runRuleTests } from "../../../helpers/ruleTester";

const TEXT = ["在全市办公室工作会议上的讲话", "同志们：", "今天开会。"];
const page = (s: Partial<Section>): Section => ({ ...A4_GBT9704, ...s });
/** Word's default A4 setup: 2.54 cm top/bottom, 3.17 cm left/right. */
const WORD_DEFAULT = page({ marginTopMm: 25.4, marginBottomMm: 25.4, marginLeftMm: 31.7, marginRightMm: 31.7 });
const LETTER = page({ pageWidthMm: 215.9, pageHeightMm: 279.4 });

runRuleTests(formatPage, {
  valid: [
    { name: "GB/T 9704 page", doc: makeDoc(TEXT) },
    { name: "within ±1 mm", doc: makeDoc(TEXT, [page({ marginTopMm: 37.9, marginLeftMm: 27.1, pageWidthMm: 210.4 })]) },
    {
      name: "a landscape A4 section for a wide table",
      doc: makeDoc(TEXT, [A4_GBT9704, page({ pageWidthMm: 297, pageHeightMm: 210, marginTopMm: 28, marginBottomMm: 26, marginLeftMm: 37, marginRightMm: 35 }), A4_GBT9704]),
    },
    { name: "twips rounding (2098 twips top = 37.01 mm)", doc: makeDoc(TEXT, [page({ marginTopMm: 37.01, marginLeftMm: 28.01, marginRightMm: 26.0, marginBottomMm: 35.0 })]) },
    { name: "no section information", doc: makeDoc(TEXT, []) },
    { name: "plain text is not checked", text: TEXT.join("\n") },
  ],
  invalid: [
    {
      name: "Word's default margins",
      doc: makeDoc(TEXT, [WORD_DEFAULT]),
      findings: [
        {
          paragraph: 0,
          start: 0,
          end: 0,
          severity: "info",
          message: "上边距应为37 mm，现为25.4 mm；下边距应为35 mm，现为25.4 mm；左边距应为28 mm，现为31.7 mm；右边距应为26 mm，现为31.7 mm（版心 156 mm × 225 mm）",
        },
      ],
      output: TEXT.join("\n"),
    },
    {
      name: "Letter paper",
      doc: makeDoc(TEXT, [LETTER]),
      findings: [{ message: "纸张应为A4（210 mm×297 mm），现为215.9 mm×279.4 mm" }],
      output: TEXT.join("\n"),
    },
    {
      name: "an error in the 公文 profile",
      doc: makeDoc(TEXT, [page({ marginTopMm: 35 })]),
      profile: "gongwen",
      findings: [{ severity: "error", message: "上边距应为37 mm，现为35 mm" }],
    },
    {
      name: "just over the tolerance",
      doc: makeDoc(TEXT, [page({ marginRightMm: 27.2 })]),
      findings: [{ message: "右边距应为26 mm，现为27.2 mm" }],
    },
    {
      name: "one section of several is wrong",
      doc: makeDoc(TEXT, [A4_GBT9704, WORD_DEFAULT]),
      findings: [{ message: "第2节页面设置不符合公文版式" }],
    },
    {
      name: "all sections set up alike give one finding",
      doc: makeDoc(TEXT, [WORD_DEFAULT, WORD_DEFAULT]),
      findings: [{ message: "页面设置不符合公文版式：上边距" }],
    },
    {
      name: "a unit's own margins",
      doc: makeDoc(TEXT),
      config: { format: { page: { marginLeftMm: 30 } } },
      findings: [{ message: "左边距应为30 mm，现为28 mm（版心 154 mm × 225 mm）" }],
    },
  ],
});

describe("format-page fixes and severities", () => {
  it("the fix sets only what is wrong", () => {
    const [f] = runRule(formatPage, { doc: makeDoc(TEXT, [page({ marginTopMm: 25.4, marginRightMm: 31.7 })]) });
    expect(f.fix?.page).toEqual({ marginTopMm: 37, marginRightMm: 26 });
    expect(f.fix?.description).toContain("版心 156 mm × 225 mm");
  });
  it("wrong paper keeps its orientation in the fix", () => {
    const [f] = runRule(formatPage, { doc: makeDoc(TEXT, [page({ pageWidthMm: 279.4, pageHeightMm: 215.9 })]) });
    expect(f.fix?.page).toMatchObject({ pageWidthMm: 297, pageHeightMm: 210 });
  });
  it("defaults to warning outside the profiles that set it", () => {
    const p = resolveProfile("speech");
    delete p.rules["format-page"];
    const r = check(makeDoc(TEXT, [WORD_DEFAULT]), { profile: p, rules: [formatPage] });
    expect(r.map((f) => f.severity)).toEqual(["warning"]);
  });
  it("skips plain text and empty documents", () => {
    expect(check(docFromText("正文"), { rules: [formatPage] })).toEqual([]);
    expect(check(makeDoc([], [WORD_DEFAULT]), { rules: [formatPage] })).toEqual([]);
  });
});
