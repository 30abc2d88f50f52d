/**
 * fixDocx: text fixes spliced into the original document.xml — only the edited ranges change,
 * edits across runs land in the first run, and whatever cannot be placed safely is skipped whole.
 */
import * as fs from "fs";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { check } from "../../../src/core/engine";
import { applyEditsToText, type Fix, type TextEdit } from "../../../src/core/edits";
import type { Finding } from "../../../src/core/findings";
import type { DocModel } from "../../../src/core/model";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { writeDocx } from "../../../src/core/writer/docx";
import { FixError, fixDocx } from "../../../src/core/writer/fixDocx";

const dec = new TextDecoder();
const enc = new TextEncoder();
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const FIXTURES = path.join(__dirname, "..", "..", "fixtures");
const spec = resolveProfile("speech").format;

/** A .docx made by our writer, with word/document.xml's body replaced by `body`. */
function docxWithBody(body: string): Uint8Array {
  const files = unzipSync(writeDocx([{ role: "body", text: "占位" }], spec));
  files["word/document.xml"] = enc.encode(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" ` +
      `xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"><w:body>${body}<w:sectPr/></w:body></w:document>`,
  );
  return zipSync(files);
}

const documentXml = (bytes: Uint8Array) => dec.decode(unzipSync(bytes)["word/document.xml"]);
const fix = (...text: TextEdit[]): Fix => ({ description: "测试", text });
const edit = (paragraph: number, start: number, end: number, text: string): TextEdit => ({ paragraph, start, end, text });

/** Runs fixDocx over a body; returns the new document.xml, the outcomes and the re-read model. */
function run(body: string, fixes: Fix[], tweak?: (d: DocModel) => void) {
  const bytes = docxWithBody(body);
  const doc = readDocx(bytes);
  tweak?.(doc);
  const res = fixDocx(bytes, doc, fixes);
  return { before: documentXml(bytes), xml: documentXml(res.bytes), outcomes: res.outcomes, doc: readDocx(res.bytes), bytes, out: res.bytes };
}

const r = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

describe("fixDocx: where the new text goes", () => {
  it("replaces a character inside one run and changes nothing else in document.xml", () => {
    const body = p(r("我们要坚持,努力工作。")) + p(r("第二段,不动。"));
    const res = run(body, [fix(edit(0, 5, 6, "，"))]);
    expect(res.outcomes).toEqual([{ index: 0, applied: true }]);
    expect(res.xml).toBe(res.before.replace("坚持,努力", "坚持，努力"));
    expect(res.doc.paragraphs.map((x) => x.text)).toEqual(["我们要坚持，努力工作。", "第二段,不动。"]);
  });

  it("puts the new text of an edit across three runs in the first run and takes the rest out of the others", () => {
    const body = p(r("ab", "<w:b/>"), r("cd", "<w:i/>"), r("ef", "<w:u w:val=\"single\"/>"));
    const res = run(body, [fix(edit(0, 1, 5, "XY"))]);
    expect(res.outcomes[0].applied).toBe(true);
    expect(res.xml).toContain(r("aXY", "<w:b/>") + r("", "<w:i/>") + r("f", "<w:u w:val=\"single\"/>"));
    expect(res.doc.paragraphs[0].text).toBe("aXYf");
    expect(res.doc.paragraphs[0].runs.find((x) => x.text.includes("XY"))?.bold).toBe(true);
  });

  it("inserts at a run boundary into the run before the point", () => {
    const res = run(p(r("要求", "<w:b/>"), r("落实")), [fix(edit(0, 2, 2, "，"))]);
    expect(res.xml).toContain(r("要求，", "<w:b/>") + r("落实"));
  });

  it("inserts at the very start into the first run", () => {
    const res = run(p(r("要求"), r("落实")), [fix(edit(0, 0, 0, "“"))]);
    expect(res.doc.paragraphs[0].text).toBe("“要求落实");
    expect(res.xml).toContain(r("“要求"));
  });

  it("keeps entities as written outside the edit and escapes the new text", () => {
    const res = run(p(r("A&amp;B&#x4E00;,C&lt;D")), [fix(edit(0, 4, 5, "<&>"))]);
    expect(res.outcomes[0].applied).toBe(true);
    expect(res.xml).toContain("<w:t xml:space=\"preserve\">A&amp;B&#x4E00;&lt;&amp;&gt;C&lt;D</w:t>");
    expect(res.doc.paragraphs[0].text).toBe("A&B一<&>C<D");
  });

  it("adds xml:space=\"preserve\" to an edited w:t only when it now begins or ends with a space", () => {
    const body = "<w:p><w:r><w:t>甲乙</w:t></w:r><w:r><w:t>丙丁</w:t></w:r><w:r><w:t>戊己</w:t></w:r></w:p>";
    const res = run(body, [fix(edit(0, 1, 2, " ")), fix(edit(0, 4, 5, "，"))]);
    expect(res.xml).toContain('<w:r><w:t xml:space="preserve">甲 </w:t></w:r><w:r><w:t>丙丁</w:t></w:r><w:r><w:t>，己</w:t></w:r>');
    expect(res.doc.paragraphs[0].text).toBe("甲 丙丁，己");
  });

  it("replaces a tab wholly inside the range by a w:t holding the new text", () => {
    const body = "<w:p><w:r><w:t>甲</w:t><w:tab/><w:t>乙</w:t></w:r></w:p>";
    const res = run(body, [fix(edit(0, 1, 2, "\u3000"))]);
    expect(res.outcomes[0].applied).toBe(true);
    expect(res.doc.paragraphs[0].text).toBe("甲\u3000乙");
    expect(res.xml).not.toContain("<w:tab/>");
  });

  it("applies several edits in one w:t and in several paragraphs together", () => {
    const res = run(p(r("一,二,三")) + p(r("四;五")), [fix(edit(0, 1, 2, "，"), edit(0, 3, 4, "，")), fix(edit(1, 1, 2, "；"))]);
    expect(res.outcomes.every((o) => o.applied)).toBe(true);
    expect(res.doc.paragraphs.map((x) => x.text)).toEqual(["一，二，三", "四；五"]);
  });

  it("edits text inside a table cell, a hyperlink and a content control", () => {
    const body =
      `<w:tbl><w:tr><w:tc>${p(r("表,格"))}</w:tc></w:tr></w:tbl>` +
      `<w:p><w:hyperlink>${r("链,接")}</w:hyperlink></w:p>` +
      `<w:sdt><w:sdtContent>${p(r("控,件"))}</w:sdtContent></w:sdt>`;
    const res = run(body, [fix(edit(0, 1, 2, "，")), fix(edit(1, 1, 2, "，")), fix(edit(2, 1, 2, "，"))]);
    expect(res.outcomes.every((o) => o.applied)).toBe(true);
    expect(res.doc.paragraphs.map((x) => x.text)).toEqual(["表，格", "链，接", "控，件"]);
  });
});

describe("fixDocx: what is skipped, whole", () => {
  const field =
    p(
      r("前,"),
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGE </w:instrText></w:r>',
      '<w:r><w:fldChar w:fldCharType="separate"/></w:r>',
      r("12,3"),
      '<w:r><w:fldChar w:fldCharType="end"/></w:r>',
      r(",后"),
    );

  it("skips an edit inside a field's result, still applies the one outside it", () => {
    const res = run(field, [fix(edit(0, 4, 5, "，")), fix(edit(0, 1, 2, "，")), fix(edit(0, 6, 7, "，"))]);
    expect(res.outcomes).toEqual([
      { index: 0, applied: false, reason: "protected" },
      { index: 1, applied: true },
      { index: 2, applied: true },
    ]);
    expect(res.doc.paragraphs[0].text).toBe("前，12,3，后");
    expect(res.xml).toContain(" PAGE ");
  });

  it("skips a fix whose second edit is in a field, leaving its first edit undone too", () => {
    const res = run(field, [fix(edit(0, 1, 2, "，"), edit(0, 4, 5, "，"))]);
    expect(res.outcomes[0]).toEqual({ index: 0, applied: false, reason: "protected" });
    expect(res.xml).toBe(res.before);
  });

  it("skips text in a simple field and in an alternate-content branch", () => {
    const body =
      `<w:p><w:fldSimple w:instr=" DATE ">${r("2024,1")}</w:fldSimple></w:p>` +
      `<w:p><mc:AlternateContent><mc:Choice Requires="w14">${r("选,择")}</mc:Choice><mc:Fallback>${r("选,择")}</mc:Fallback></mc:AlternateContent></w:p>`;
    const res = run(body, [fix(edit(0, 4, 5, "，")), fix(edit(1, 1, 2, "，"))]);
    expect(res.outcomes.map((o) => o.reason)).toEqual(["protected", "protected"]);
    expect(res.xml).toBe(res.before);
  });

  it("skips the later of two overlapping fixes, and an insertion touching another edit", () => {
    const res = run(p(r("甲,,乙")), [fix(edit(0, 1, 3, "，")), fix(edit(0, 2, 3, "，")), fix(edit(0, 3, 3, "x")), fix(edit(0, 0, 1, "丙"))]);
    expect(res.outcomes.map((o) => o.reason ?? "ok")).toEqual(["ok", "overlap", "overlap", "ok"]);
    expect(res.doc.paragraphs[0].text).toBe("丙，乙");
  });

  it("skips a range outside its paragraph (no edit runs into the next paragraph)", () => {
    const res = run(p(r("短")) + p(r("下一段")), [fix(edit(0, 0, 3, "长")), fix(edit(5, 0, 1, "x"))]);
    expect(res.outcomes.map((o) => o.reason)).toEqual(["unmapped", "unmapped"]);
    expect(res.xml).toBe(res.before);
  });

  it("applies a fix with a text edit and formatting whole, and a page fix (formatting: fixFormat.test.ts)", () => {
    const res = run(p(r("  各位：")), [
      { description: "顶格", text: [edit(0, 0, 2, "")], format: [{ paragraph: 0, set: { firstLineIndentChars: 0 } }] },
      { description: "页边距", page: { marginTopMm: 37 } },
    ]);
    expect(res.outcomes).toEqual([{ index: 0, applied: true }, { index: 1, applied: true }]);
    expect(res.doc.paragraphs[0].text).toBe("各位：");
    expect(res.doc.paragraphs[0].firstLineIndentChars ?? 0).toBe(0);
    expect(res.doc.sections[0].marginTopMm).toBeCloseTo(37, 1);
  });

  it("skips a fix whole when its formatting is of a kind not written, even with a text edit", () => {
    // Page numbers are `biganzi format`'s: the one kind the fix writer leaves.
    const res = run(p(r("  各位：")), [
      { description: "页码", text: [edit(0, 0, 2, "")], format: [{ paragraph: 0, set: { color: "FF0000" } }], page: { pageNumbers: "gbt" } },
    ]);
    expect(res.outcomes).toEqual([{ index: 0, applied: false, reason: "format", kinds: ["页码"] }]);
    expect(res.xml).toBe(res.before);
  });

  it("skips an insertion at the seam of an automatic list label", () => {
    const res = run(p(r("总体要求")), [fix(edit(0, 0, 0, "一、"))], (d) => void (d.paragraphs[0].listLabel = "一、"));
    expect(res.outcomes[0].reason).toBe("protected");
  });

  it("skips every fix of a paragraph whose runs do not add up to the reader's text", () => {
    const res = run(p(r("甲,乙")), [fix(edit(0, 1, 2, "，"))], (d) => void (d.paragraphs[0] = { ...d.paragraphs[0], text: "甲,乙丙" }));
    expect(res.outcomes[0].reason).toBe("unmapped");
  });

  it("refuses a document whose paragraphs cannot be matched to the model", () => {
    const bytes = docxWithBody(p(r("甲")));
    const doc = readDocx(bytes);
    const more: DocModel = { ...doc, paragraphs: [...doc.paragraphs, { ...doc.paragraphs[0], index: 1 }] };
    expect(() => fixDocx(bytes, more, [])).toThrow(FixError);
  });
});

/** The paragraphs' text with the applied fixes' edits, from the model read before fixing. */
function expectedTexts(doc: DocModel, fixes: Fix[], applied: boolean[]): string[] {
  const byPara = new Map<number, TextEdit[]>();
  fixes.forEach((f, i) => {
    if (applied[i]) for (const e of f.text ?? []) byPara.set(e.paragraph, [...(byPara.get(e.paragraph) ?? []), e]);
  });
  return doc.paragraphs.map((x) => applyEditsToText(x.text, byPara.get(x.index) ?? []));
}

/** Where each applied edit's new text sits in the fixed paragraph. */
function newPlaces(fixes: Fix[], applied: boolean[]): Array<{ paragraph: number; start: number; end: number }> {
  const edits = fixes.flatMap((f, i) => (applied[i] ? (f.text ?? []) : [])).sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
  const out: Array<{ paragraph: number; start: number; end: number }> = [];
  let para = -1;
  let shift = 0;
  for (const e of edits) {
    if (e.paragraph !== para) [para, shift] = [e.paragraph, 0];
    out.push({ paragraph: e.paragraph, start: e.start + shift, end: e.start + shift + e.text.length });
    shift += e.text.length - (e.end - e.start);
  }
  return out;
}

/** A finding of the same rule and check at a place a fix wrote. */
function refound(fixed: Finding[], before: Finding[], fixes: Fix[], applied: boolean[]): Finding[] {
  const places = newPlaces(fixes, applied);
  const kinds = new Set(before.filter((_, i) => applied[i]).map((f) => `${f.rule}/${f.messageId ?? ""}`));
  return fixed.filter(
    (f) =>
      kinds.has(`${f.rule}/${f.messageId ?? ""}`) &&
      places.some((pl) => pl.paragraph === f.paragraph && f.start < Math.max(pl.end, pl.start + 1) && f.end > pl.start),
  );
}

const unescape = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");
const escape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** Every run of our writer's document.xml cut into runs of `n` characters, the properties copied (many runs per edit). */
function cutRuns(bytes: Uint8Array, n: number): Uint8Array {
  const files = unzipSync(bytes);
  const xml = dec.decode(files["word/document.xml"]).replace(
    /<w:r>((?:<w:rPr>(?:(?!<\/w:rPr>).)*<\/w:rPr>)?)<w:t xml:space="preserve">([^<]*)<\/w:t><\/w:r>/g,
    (_m, rPr: string, raw: string) => {
      const text = unescape(raw);
      let out = "";
      for (let i = 0; i < text.length; i += n) out += `<w:r>${rPr}<w:t xml:space="preserve">${escape(text.slice(i, i + n))}</w:t></w:r>`;
      return out;
    },
  );
  files["word/document.xml"] = enc.encode(xml);
  return zipSync(files);
}

describe("fixDocx on whole documents", () => {
  const profile = resolveProfile("speech");

  it.each<[string, number]>([
    ["000_7f360e9ebf313c84.txt", 0],
    ["001_b09b0e90f7544f21.txt", 0],
    ["003_7fe5f07da2bd3925.txt", 0],
    ["001_b09b0e90f7544f21.txt", 3],
    ["000_7f360e9ebf313c84.txt", 2],
  ])(
    "seed %s as a .docx (runs cut every %i characters): every text fix applied, the rest of each paragraph as it was, no fault left where fixed",
    (name, cut) => {
      const lines = fs.readFileSync(path.join(FIXTURES, "seeds", name), "utf8").split(/\r?\n/).filter((l) => l.trim() !== "");
      let bytes = writeDocx(lines.map((text) => ({ role: "body" as const, text })), spec);
      if (cut > 0) bytes = cutRuns(bytes, cut);
      const doc = readDocx(bytes);
      const findings = check(doc, { profile }).filter((f) => f.fix?.text && !f.fix.format && !f.fix.page);
      expect(findings.length).toBeGreaterThan(5);
      if (cut > 0) expect(dec.decode(unzipSync(bytes)["word/document.xml"]).split("<w:r>").length).toBeGreaterThan(doc.paragraphs.length * 4);
      const fixes = findings.map((f) => f.fix!);
      const res = fixDocx(bytes, doc, fixes);
      const applied = res.outcomes.map((o) => o.applied);
      // Only overlaps may be left for a second run; everything else in plain runs can be placed.
      expect(res.outcomes.filter((o) => !o.applied && o.reason !== "overlap")).toEqual([]);
      expect(applied.filter(Boolean).length).toBeGreaterThan(findings.length / 2);
      const after = readDocx(res.bytes);
      expect(after.paragraphs.map((x) => x.text)).toEqual(expectedTexts(doc, fixes, applied));
      expect(refound(check(after, { profile }), findings, fixes, applied)).toEqual([]);
    },
  );

  it("a LibreOffice-made .docx: the fixed commas change, every other part stays byte-identical", () => {
    const files = unzipSync(new Uint8Array(fs.readFileSync(path.join(FIXTURES, "docx", "gongwen-lo.docx"))));
    // Half-width commas written into its text (one run of the third paragraph is bold: multi-run).
    files["word/document.xml"] = enc.encode(dec.decode(files["word/document.xml"]).replace("为切实做好安全生产工作，", "为切实做好安全生产工作,"));
    const bytes = zipSync(files);
    const doc = readDocx(bytes);
    const findings = check(doc, { profile: resolveProfile("gongwen") }).filter((f) => f.rule === "punctuation-halfwidth");
    expect(findings.length).toBeGreaterThan(0);
    const res = fixDocx(bytes, doc, findings.map((f) => f.fix!));
    expect(res.outcomes.every((o) => o.applied)).toBe(true);
    const out = unzipSync(res.bytes);
    expect(Object.keys(out).sort()).toEqual(Object.keys(files).sort());
    for (const [name, data] of Object.entries(files)) {
      if (name !== "word/document.xml") expect([name, dec.decode(out[name])]).toEqual([name, dec.decode(data)]);
    }
    // Compared as a boolean: a failure would print the whole part twice.
    const want = dec.decode(files["word/document.xml"]).replace("为切实做好安全生产工作,", "为切实做好安全生产工作，");
    expect(dec.decode(out["word/document.xml"]) === want).toBe(true);
    const after = readDocx(res.bytes);
    expect(check(after, { profile: resolveProfile("gongwen") }).filter((f) => f.rule === "punctuation-halfwidth")).toEqual([]);
    expect(after.otherParagraphs.map((x) => x.text)).toEqual(doc.otherParagraphs.map((x) => x.text));
  });

  it("with no fixes gives the same parts back", () => {
    const bytes = new Uint8Array(fs.readFileSync(path.join(FIXTURES, "docx", "gongwen.docx")));
    const res = fixDocx(bytes, readDocx(bytes), []);
    const a = unzipSync(bytes);
    const b = unzipSync(res.bytes);
    for (const name of Object.keys(a)) expect(Buffer.from(b[name]).equals(Buffer.from(a[name]))).toBe(true);
  });
});
