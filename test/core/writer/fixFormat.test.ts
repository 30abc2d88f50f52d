/**
 * fixDocx with formatting: the format edits and page patches of the findings' fixes are written
 * into the .docx (paragraph properties on the paragraph, run properties on the runs of a range, cut
 * at its bounds, page setup on the sections) — the text stays byte-identical, every other part and
 * every paragraph without a fix stays as it was, and what cannot be written exactly is skipped whole.
 */
import { unzipSync } from "fflate";
import { check } from "../../../src/core/engine";
import { applyFormatEdits, applyEditsToText, type Fix, type FormatEdit } from "../../../src/core/edits";
import type { DocModel } from "../../../src/core/model";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { fixDocx, planFixes } from "../../../src/core/writer/fixDocx";
import { formatChanges } from "../../../src/core/writer/formatFixes";
import { UNTOUCHED, richDocx } from "./richDocx";

const dec = new TextDecoder();
const profile = resolveProfile("speech");

const r = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const para = (pPr: string, ...runs: string[]) => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}${runs.join("")}</w:p>`;
/** richDocx's section, with the top margin 25.4 mm instead of 37 mm. */
const SECT =
  `<w:sectPr><w:headerReference w:type="default" r:id="rId5"/><w:footerReference w:type="default" r:id="rId6"/>` +
  `<w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>` +
  `<w:cols w:space="425"/><w:docGrid w:type="lines" w:linePitch="579"/></w:sectPr>`;
/** A body paragraph in the right format (仿宋三号, indented by its style): no finding, must stay byte for byte. */
const GOOD = para('<w:pStyle w:val="MyBody"/>', r("这一段格式正确，不应改动。", '<w:rFonts w:eastAsia="仿宋_GB2312"/><w:sz w:val="32"/>'));

/**
 * A speech in richDocx's styles (MyTitle 黑体小二, MyBody 楷体小三, Normal 宋体小四), so most of it
 * is in the wrong fonts and sizes; plus 1.5 line spacing, a paragraph not indented, a run-in heading
 * with a half-width comma in its body part, and a top margin of 25.4 mm.
 */
function faultyBody(): string {
  return (
    para('<w:pStyle w:val="MyTitle"/>', r("关于加强学习的讲话")) +
    para("", r("同志们：")) +
    para('<w:pStyle w:val="MyBody"/><w:spacing w:line="360" w:lineRule="auto"/>', r("今天召开会议，主要任务是部署工作。")) +
    para("", r("一、总体要求")) +
    para('<w:pStyle w:val="MyBody"/>', r("（一）加强学习。要深入学习有关文件精神,抓好贯彻落实。")) +
    GOOD +
    para('<w:pStyle w:val="MyBody"/><w:ind w:firstLineChars="0" w:firstLine="0"/>', r("各单位要结合实际，认真研究部署。")) +
    para('<w:pStyle w:val="MyBody"/>', r("谢谢大家！")) +
    SECT
  );
}

const documentXml = (bytes: Uint8Array) => dec.decode(unzipSync(bytes)["word/document.xml"]);
const formatFindings = (doc: DocModel) => check(doc, { profile }).filter((f) => f.rule.startsWith("format-") && f.fix);

/** Each character's run format, for comparing a paragraph's formatting character by character. */
function charFormats(doc: DocModel, i: number): string[] {
  const p = doc.paragraphs[i];
  const out: string[] = [];
  for (const run of p.runs) for (let k = run.start; k < run.end; k++) out.push(`${run.fontEastAsia}|${run.sizePt}|${run.bold ?? false}`);
  return out;
}

describe("fixDocx: formatting fixes", () => {
  const bytes = richDocx(faultyBody());
  const doc = readDocx(bytes);
  const findings = check(doc, { profile }).filter((f) => f.fix);
  const fixes = findings.map((f) => f.fix!);
  const res = fixDocx(bytes, doc, fixes);
  const after = readDocx(res.bytes);

  it("has the faults it is meant to have: fonts, sizes, spacing, indent, a run-in heading, the page", () => {
    const kinds = new Set(formatFindings(doc).map((f) => `${f.rule}/${f.messageId}`));
    expect([...kinds].sort()).toEqual(["format-font/font-size", "format-page/page-setup", "format-paragraph/indent", "format-paragraph/spacing"]);
    const runIn = findings.find((f) => f.paragraph === 4 && f.rule === "format-font");
    expect(runIn?.fix?.format?.every((e) => e.start !== undefined)).toBe(true);
    expect(runIn?.fix?.format).toHaveLength(2);
  });

  it("applies every fix, and checking again finds no format fault that had a fix", () => {
    expect(res.outcomes.filter((o) => !o.applied)).toEqual([]);
    expect(formatFindings(after)).toEqual([]);
    expect(check(after, { profile }).filter((f) => f.rule === "punctuation-halfwidth")).toEqual([]);
  });

  it("keeps every paragraph's text as it was, but for the text fix", () => {
    const textEdits = fixes.flatMap((f) => f.text ?? []);
    expect(textEdits).toHaveLength(1);
    expect(after.paragraphs.map((p) => p.text)).toEqual(
      doc.paragraphs.map((p) => applyEditsToText(p.text, textEdits.filter((e) => e.paragraph === p.index))),
    );
  });

  it("reads back as the model with the same format edits applied, character by character", () => {
    const want = applyFormatEdits(doc, fixes.flatMap((f) => f.format ?? []));
    doc.paragraphs.forEach((_, i) => {
      expect([i, charFormats(after, i)]).toEqual([i, charFormats(want, i)]);
      const a = after.paragraphs[i];
      const w = want.paragraphs[i];
      expect([i, a.alignment, a.lineSpacing, a.outlineLevel]).toEqual([i, w.alignment, w.lineSpacing, w.outlineLevel]);
      expect(a.firstLineIndentChars ?? 0).toBeCloseTo(w.firstLineIndentChars ?? 0, 2);
    });
    expect(after.sections[0].marginTopMm).toBeCloseTo(37, 1);
  });

  it("cuts the run-in heading's run at the heading's end: two runs, the heading in 楷体, the rest in 仿宋, both 三号", () => {
    const p = after.paragraphs[4];
    expect(p.runs.map((x) => [x.text, x.fontEastAsia, x.sizePt])).toEqual([
      ["（一）加强学习。", "楷体", 16],
      ["要深入学习有关文件精神，抓好贯彻落实。", "仿宋_GB2312", 16],
    ]);
  });

  it("leaves every other part, the paragraph without a fault and the untouched page values byte for byte", () => {
    const a = unzipSync(bytes);
    const b = unzipSync(res.bytes);
    expect(Object.keys(b).sort()).toEqual(Object.keys(a).sort());
    for (const name of UNTOUCHED) expect([name, Buffer.from(b[name]).equals(Buffer.from(a[name]))]).toEqual([name, true]);
    const xml = documentXml(res.bytes);
    expect(xml).toContain(GOOD);
    expect(xml).toContain('<w:pgMar w:top="2098" w:right="1474" w:bottom="1984" w:left="1588" w:header="851" w:footer="992" w:gutter="0"/>');
    // The style references stay; only direct properties are added.
    expect(xml.match(/<w:pStyle w:val="MyBody"\/>/g)).toHaveLength(5);
  });

  it("puts the paragraph properties into the paragraph's own w:pPr, in schema order", () => {
    const xml = documentXml(res.bytes);
    expect(xml).toContain('<w:pPr><w:pStyle w:val="MyBody"/><w:spacing w:line="579" w:lineRule="exact"/></w:pPr>');
    expect(xml).toContain('<w:pPr><w:pStyle w:val="MyBody"/><w:ind w:firstLineChars="200" w:firstLine="640"/></w:pPr>');
  });

  it("says what each fix's formatting changes, and where", () => {
    const lines = fixes.flatMap((f) => formatChanges(doc, f));
    expect(lines).toContainEqual({ paragraph: 4, text: "「（一）加强学习。」字号设为三号；「要深入学习有关文件精…」中文字体设为仿宋，字号设为三号" });
    expect(lines).toContainEqual({ paragraph: 2, text: "行距设为固定值28.95磅" });
    expect(lines).toContainEqual({ paragraph: 6, text: "首行缩进设为2字符" });
    expect(lines).toContainEqual({ text: "上边距设为37 mm" });
  });
});

describe("fixDocx: formatting that cannot be written exactly is skipped whole", () => {
  function run(body: string, fixes: Fix[], tweak?: (d: DocModel) => void) {
    const bytes = richDocx(body + SECT);
    const doc = readDocx(bytes);
    tweak?.(doc);
    const out = fixDocx(bytes, doc, fixes);
    return { before: documentXml(bytes), xml: documentXml(out.bytes), outcomes: out.outcomes, doc: readDocx(out.bytes) };
  }
  const size = (paragraph: number, sizePt: number, range?: [number, number]): Fix => ({
    description: "字号",
    format: [{ paragraph, set: { sizePt }, ...(range ? { start: range[0], end: range[1] } : {}) } as FormatEdit],
  });

  it("writes alignment, outline level, bold and line spacing (at least) as the model applies them", () => {
    const res = run(para("", r("总体要求")), [
      { description: "x", format: [{ paragraph: 0, set: { alignment: "center", outlineLevel: 0, bold: true, lineSpacing: { rule: "atLeast", value: 28 } } }] },
    ]);
    expect(res.outcomes[0].applied).toBe(true);
    const p = res.doc.paragraphs[0];
    expect([p.alignment, p.outlineLevel, p.lineSpacing, p.runs.map((x) => x.bold)]).toEqual(["center", 0, { rule: "atLeast", value: 28 }, [true]]);
    expect(res.xml).toContain('<w:pPr><w:spacing w:line="560" w:lineRule="atLeast"/><w:jc w:val="center"/><w:outlineLvl w:val="0"/></w:pPr>');
  });

  it("writes colour, left / hanging / right indents and separator lines as `biganzi format` spells them; the text stays byte-identical", () => {
    const top = { widthPt: 1, color: "000000", spacePt: 1 };
    const bottom = { widthPt: 0.75, color: "000000", spacePt: 1 };
    const res = run(para("", r("抄送：市委办公室，市人大常委会办公室。")), [
      { description: "版记", format: [{ paragraph: 0, set: { leftIndentChars: 4, hangingChars: 3, rightIndentChars: 1, borderTop: top, borderBottom: bottom } }] },
      { description: "红色", format: [{ paragraph: 0, start: 0, end: 2, set: { color: "FF0000" } }] },
    ]);
    expect(res.outcomes.map((o) => o.applied)).toEqual([true, true]);
    // richDocx's Normal is 小四 (12 pt): a character of indent is 240 twips.
    expect(res.xml).toContain(
      '<w:pPr><w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>' +
        '<w:ind w:leftChars="400" w:left="960" w:hangingChars="300" w:hanging="720" w:rightChars="100" w:right="240"/></w:pPr>',
    );
    expect(res.xml).toContain('<w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t xml:space="preserve">抄送</w:t></w:r>');
    const p = res.doc.paragraphs[0];
    expect(p.text).toBe("抄送：市委办公室，市人大常委会办公室。");
    expect([p.firstLineIndentChars, p.firstLineIndentPt]).toEqual([-3, -36]);
    // Every w:t holds the characters it held: the cut run's two halves, the rest as written.
    const texts = (x: string) => [...x.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    expect(texts(res.xml)).toBe(texts(res.before));
    expect(formatChanges(res.doc, { description: "版记", format: [{ paragraph: 0, set: { leftIndentChars: 4, hangingChars: 3, firstLineIndentChars: 1, rightIndentChars: 1, borderTop: top, borderBottom: bottom, color: "FF0000" } }] })).toEqual([
      { paragraph: 0, text: "字体颜色设为红色，左缩进设为4字符，悬挂缩进设为3字符，右缩进设为1字符，加上分隔线（1磅，黑色），加下分隔线（0.75磅，黑色）" },
    ]);
  });

  it("a left indent and a first-line indent on one paragraph contradict each other: the second overlaps", () => {
    const res = run(para("", r("附件：1.安全检查表")), [
      { description: "悬挂", format: [{ paragraph: 0, set: { leftIndentChars: 5, hangingChars: 3 } }] },
      { description: "首行", format: [{ paragraph: 0, set: { firstLineIndentChars: 2 } }] },
      { description: "悬挂", format: [{ paragraph: 0, set: { leftIndentChars: 5, hangingChars: 3, rightIndentChars: 0 } }] },
    ]);
    expect(res.outcomes.map((o) => o.reason ?? "ok")).toEqual(["ok", "overlap", "ok"]);
    expect(res.doc.paragraphs[0].firstLineIndentChars).toBe(-3);
    // A right indent of 0 on a paragraph that has none writes nothing for it.
    expect(res.xml).toContain('<w:pPr><w:ind w:leftChars="500" w:left="1200" w:hangingChars="300" w:hanging="720"/></w:pPr>');
  });

  it("a second fix setting another value on the same characters overlaps; the same value does not", () => {
    const res = run(para("", r("第一段文字")), [size(0, 16, [0, 3]), size(0, 18, [2, 5]), size(0, 16, [1, 2]), size(0, 18, [3, 5])]);
    expect(res.outcomes.map((o) => o.reason ?? "ok")).toEqual(["ok", "overlap", "ok", "ok"]);
    expect(res.doc.paragraphs[0].runs.map((x) => [x.text, x.sizePt])).toEqual([
      ["第一段", 16],
      ["文字", 18],
    ]);
    expect(res.doc.paragraphs[0].text).toBe("第一段文字");
  });

  it("two fixes setting different alignments on one paragraph: the second overlaps", () => {
    const res = run(para("", r("标题")), [
      { description: "居中", format: [{ paragraph: 0, set: { alignment: "center" } }] },
      { description: "居右", format: [{ paragraph: 0, set: { alignment: "right" } }] },
    ]);
    expect(res.outcomes.map((o) => o.reason ?? "ok")).toEqual(["ok", "overlap"]);
    expect(res.doc.paragraphs[0].alignment).toBe("center");
  });

  it("a bound inside a run holding more than its text (a tab) is unmapped, and its text edit is not applied either", () => {
    const body = para("", `<w:r><w:t>一二三</w:t><w:tab/><w:t>四五</w:t></w:r>`);
    const res = run(body, [{ description: "x", text: [{ paragraph: 0, start: 0, end: 1, text: "壹" }], format: [{ paragraph: 0, start: 0, end: 2, set: { bold: true } }] }]);
    expect(res.outcomes).toEqual([{ index: 0, applied: false, reason: "unmapped" }]);
    expect(res.xml).toBe(res.before);
  });

  it("a bound at the seam of two runs needs no cut, whatever the runs hold", () => {
    const body = para("", `<w:r><w:t>一二</w:t><w:tab/></w:r>`, `<w:r><w:t>三</w:t><w:tab/><w:t>四</w:t></w:r>`);
    const res = run(body, [size(0, 18, [0, 3])]);
    expect(res.outcomes[0].applied).toBe(true);
    expect(res.doc.paragraphs[0].runs.map((x) => x.sizePt)).toEqual([18, 12]);
  });

  it("run formatting on a paragraph whose runs do not add up to the reader's text is unmapped; its paragraph formatting alone is not", () => {
    const res = run(para("", r("正文")) + para("", r("第二段")), [size(0, 16), { description: "居中", format: [{ paragraph: 1, set: { alignment: "center" } }] }], (d) => {
      d.paragraphs[0].text = "正文多了字";
      d.paragraphs[1].text = "第二段多了字";
    });
    expect(res.outcomes.map((o) => o.reason ?? "ok")).toEqual(["unmapped", "ok"]);
    expect(res.doc.paragraphs[1].alignment).toBe("center");
  });

  it("a paragraph or a range that does not exist is unmapped", () => {
    const res = run(para("", r("正文")), [size(3, 16), size(0, 16, [1, 9]), size(0, 16, [2, 1])]);
    expect(res.outcomes.map((o) => o.reason)).toEqual(["unmapped", "unmapped", "unmapped"]);
    expect(res.xml).toBe(res.before);
  });

  it("a page patch when the sections cannot be matched is unmapped", () => {
    const res = run(para("", r("正文")), [{ description: "页边距", page: { marginTopMm: 37 } }], (d) => void (d.sections = []));
    expect(res.outcomes).toEqual([{ index: 0, applied: false, reason: "unmapped" }]);
    expect(res.xml).toBe(res.before);
  });

  it("only page numbers are a kind not written, and are named; colour, borders and indents are written", () => {
    const res = run(para("", r("正文")), [
      { description: "版头", format: [{ paragraph: 0, set: { color: "FF0000", borderBottom: { widthPt: 1, color: "FF0000", spacePt: 0 } } }] },
      { description: "附件", format: [{ paragraph: 0, set: { leftIndentChars: 3, hangingChars: 3, rightIndentChars: 1 } }] },
      { description: "页码", page: { pageNumbers: "gbt" } },
      // A ranged edit ignores paragraph keys: they are not refused.
      { description: "局部", format: [{ paragraph: 0, start: 0, end: 1, set: { sizePt: 16, alignment: "center" } }] },
    ]);
    expect(res.outcomes).toEqual([
      { index: 0, applied: true },
      { index: 1, applied: true },
      { index: 2, applied: false, reason: "format", kinds: ["页码"] },
      { index: 3, applied: true },
    ]);
    expect(res.doc.paragraphs[0].alignment).toBeUndefined();
    expect(res.doc.paragraphs[0].text).toBe("正文");
  });

  it("a self-closing paragraph takes no formatting (unmapped) and the document stays", () => {
    const res = run(`<w:p/>` + para("", r("正文")), [{ description: "居中", format: [{ paragraph: 0, set: { alignment: "center" } }] }]);
    expect(res.outcomes[0].reason).toBe("unmapped");
    expect(res.xml).toBe(res.before);
  });

  it("text and formatting of the same characters together: the text lands in the cut runs", () => {
    const res = run(para("", r("（一）加强学习,要落实")), [
      size(0, 16, [0, 8]),
      { description: "逗号", text: [{ paragraph: 0, start: 7, end: 8, text: "。" }] },
      { description: "插入", text: [{ paragraph: 0, start: 11, end: 11, text: "。" }] },
      { description: "插入", text: [{ paragraph: 0, start: 3, end: 3, text: "要" }] },
    ]);
    expect(res.outcomes.every((o) => o.applied)).toBe(true);
    expect(res.doc.paragraphs[0].text).toBe("（一）要加强学习。要落实。");
    expect(res.doc.paragraphs[0].runs.map((x) => [x.text, x.sizePt])).toEqual([
      ["（一）要加强学习。", 16],
      ["要落实。", 12],
    ]);
  });

  it("a fix whose formatting comes out inexact is left out and the rest planned again", () => {
    // The model says the run holding a tab has two fonts: a cut would be needed where none can be made.
    const body = para("", `<w:r><w:t>一二</w:t><w:tab/><w:t>三</w:t></w:r>`) + para("", r("第二段"));
    const res = run(body, [size(0, 18), { description: "x", text: [{ paragraph: 1, start: 0, end: 1, text: "甲" }], format: [{ paragraph: 1, set: { sizePt: 18 } }] }], (d) => {
      const p0 = d.paragraphs[0];
      p0.runs = [
        { ...p0.runs[0], text: "一二", start: 0, end: 2, fontEastAsia: "楷体" },
        { ...p0.runs[0], text: "\t三", start: 2, end: 4, fontEastAsia: "黑体" },
      ];
    });
    expect(res.outcomes).toEqual([{ index: 0, applied: false, reason: "unmapped" }, { index: 1, applied: true }]);
    expect(res.doc.paragraphs[0].runs.map((x) => x.sizePt)).toEqual([12]);
    expect(res.doc.paragraphs[1].text).toBe("甲二段");
    expect(res.doc.paragraphs[1].runs.map((x) => x.sizePt)).toEqual([18]);
  });

  it("without a format planner (plain text) a fix with formatting is skipped whole as \"format\", naming no kind", () => {
    const doc = readDocx(richDocx(para("", r("正文,文字")) + SECT));
    const plan = planFixes<never>(doc, [{ description: "x", text: [{ paragraph: 0, start: 2, end: 3, text: "，" }], format: [{ paragraph: 0, set: { sizePt: 16 } }] }, { description: "y", text: [{ paragraph: 0, start: 2, end: 3, text: "，" }] }], () => []);
    expect(plan.outcomes).toEqual([{ index: 0, applied: false, reason: "format" }, { index: 1, applied: true }]);
  });

  it("never throws on hostile edits, and writes nothing for them", () => {
    const bad: Fix[] = [
      { description: "", format: [{ paragraph: -1, set: { sizePt: 16 } }] },
      { description: "", format: [{ paragraph: 0, start: Number.NaN, end: 2, set: { sizePt: 16 } }] },
      { description: "", format: [] },
      { description: "", page: {} },
    ];
    const res = run(para("", r("正文")), bad);
    expect(res.outcomes.filter((o) => o.applied).map((o) => o.index)).toEqual([3]);
    expect(res.xml).toBe(res.before);
  });

  it("keeps the w:t bytes of a formatted document.xml apart from the cut (entities as written)", () => {
    const res = run(para("", r("A&amp;B一二三")), [size(0, 16, [0, 3])]);
    expect(res.outcomes[0].applied).toBe(true);
    expect(res.xml).toContain(">A&amp;B</w:t>");
    expect(res.xml).toContain(">一二三</w:t>");
    expect(res.doc.paragraphs[0].text).toBe("A&B一二三");
  });
});
