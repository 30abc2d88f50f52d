/**
 * spliceModel: the current model written back into the uploaded .docx — changed text, formatting,
 * inserted and removed paragraphs, comments and page setup go in; every other byte stays.
 */
import { unzipSync, zipSync } from "fflate";
import type { DocModel, Paragraph } from "../../../src/core/model";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { SpliceError, spliceModel, withOrigins } from "../../../src/core/writer/spliceModel";
import { diffText } from "../../../src/core/writer/textDiff";
import { applyEditsToText } from "../../../src/core/edits";
import { RICH_TEXTS, UNTOUCHED, richDocx } from "./richDocx";

const dec = new TextDecoder();
const enc = new TextEncoder();
const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
const part = (bytes: Uint8Array, name: string) => unzipSync(bytes)[name];
const xmlOf = (bytes: Uint8Array, name = "word/document.xml") => dec.decode(part(bytes, name));

/** A minimal .docx whose body is `body` (no styles, no other parts). */
function plainDocx(body: string, extra: Record<string, string> = {}, rels = ""): Uint8Array {
  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc.encode(
      `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
    ),
    "_rels/.rels": enc.encode(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/_rels/document.xml.rels": enc.encode(
      `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${rels}</Relationships>`,
    ),
    "word/document.xml": enc.encode(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><w:body>${body}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="1440" w:right="1800" w:bottom="1440" w:left="1800" w:header="851" w:footer="992" w:gutter="0"/></w:sectPr></w:body></w:document>`,
    ),
  };
  for (const [k, v] of Object.entries(extra)) files[k] = enc.encode(v);
  return zipSync(files);
}

const r = (t: string, rPr = "") => `<w:r>${rPr ? `<w:rPr>${rPr}</w:rPr>` : ""}<w:t xml:space="preserve">${t}</w:t></w:r>`;
const p = (...runs: string[]) => `<w:p>${runs.join("")}</w:p>`;

/** Opens `bytes` as the preview does and lets `change` edit the model; returns both and the splice. */
function splice(bytes: Uint8Array, change: (paras: Paragraph[]) => Paragraph[], options: Parameters<typeof spliceModel>[3] = {}) {
  const read = readDocx(bytes);
  const opened = withOrigins(read);
  const now: DocModel = { ...opened, paragraphs: change(opened.paragraphs.map((q) => ({ ...q }))).map((q, index) => ({ ...q, index })) };
  const res = spliceModel(bytes, read, now, options);
  return { read, now, res, back: readDocx(res.bytes) };
}

const withText = (q: Paragraph, text: string): Paragraph => ({ ...q, text, runs: q.runs.length ? [{ ...q.runs[0], text, start: 0, end: text.length }] : [] });
const fresh = (text: string): Paragraph => ({ index: 0, part: "body", text, runs: [{ text, start: 0, end: text.length, fontEastAsia: "仿宋_GB2312", sizePt: 16 }] });

describe("diffText", () => {
  it("finds each change apart, so the characters between keep their place", () => {
    expect(diffText("要坚持,努力,工作", "要坚持，努力，工作")).toEqual([
      { start: 3, end: 4, text: "，" },
      { start: 6, end: 7, text: "，" },
    ]);
    expect(diffText("abc", "abc")).toEqual([]);
    expect(diffText("", "新")).toEqual([{ start: 0, end: 0, text: "新" }]);
    expect(diffText("旧", "")).toEqual([{ start: 0, end: 1, text: "" }]);
  });

  it("turns the old text into the new one with replacements that never touch (random texts)", () => {
    let seed = 7;
    const rnd = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const alphabet = "的一是,，。ab ";
    const word = (n: number) => Array.from({ length: n }, () => alphabet[rnd(alphabet.length)]).join("");
    for (let k = 0; k < 300; k++) {
      const a = word(rnd(30));
      let b = a;
      for (let e = rnd(4); e >= 0; e--) {
        const at = rnd(b.length + 1);
        b = b.slice(0, at) + word(rnd(3)) + b.slice(Math.min(b.length, at + rnd(3)));
      }
      const edits = diffText(a, b);
      expect(applyEditsToText(a, edits)).toBe(b);
      for (let i = 1; i < edits.length; i++) expect(edits[i].start).toBeGreaterThan(edits[i - 1].end);
    }
  });

  it("falls back to one replacement of the changed middle when the texts differ everywhere", () => {
    const a = "甲".repeat(50) + "乙".repeat(50);
    const b = "丙".repeat(100);
    expect(diffText(a, b, 10)).toEqual([{ start: 0, end: 100, text: b }]);
    expect(applyEditsToText(a, diffText(a, b))).toBe(b);
  });
});

describe("spliceModel on a document with styles, numbering, a table, header, footer and footnote", () => {
  it("changes nothing when the model is as read: every part keeps its bytes", () => {
    const bytes = richDocx();
    const { res } = splice(bytes, (ps) => ps);
    const before = unzipSync(bytes);
    const after = unzipSync(res.bytes);
    expect(Object.keys(after).sort()).toEqual(Object.keys(before).sort());
    for (const name of Object.keys(before)) expect([name, after[name]]).toEqual([name, before[name]]);
    expect(res).toMatchObject({ changed: 0, inserted: 0, removed: 0, rebuilt: 0, kept: [], comments: 0 });
  });

  it("writes changed text into the runs holding it: the bold run stays bold, other parts stay byte-identical", () => {
    const bytes = richDocx();
    const { back, res } = splice(bytes, (ps) => {
      ps[1] = withText(ps[1], "各单位要认真学习，抓好落实。");
      const cell = ps.findIndex((q) => q.text === "办公室");
      ps[cell] = withText(ps[cell], "办公室（含机要）");
      return ps;
    });
    expect(back.paragraphs[1].text).toBe("各单位要认真学习，抓好落实。");
    expect(back.paragraphs[1].runs.map((x) => [x.text, x.bold])).toEqual([
      ["各单位", true],
      ["要认真学习，抓好落实。", false],
    ]);
    expect(back.paragraphs.find((q) => q.text.startsWith("办公室"))).toMatchObject({ text: "办公室（含机要）", inTable: true });
    expect(res.changed).toBe(2);
    for (const name of UNTOUCHED) expect([name, part(res.bytes, name)]).toEqual([name, part(bytes, name)]);
    const xml = xmlOf(res.bytes);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toContain('<w:footnoteReference w:id="1"/>');
    expect(back.paragraphs[2].listLabel).toBe("1.");
  });

  it("inserts paragraphs at their place and removes deleted ones (a table cell is emptied, not broken)", () => {
    const bytes = richDocx();
    const { back, res } = splice(bytes, (ps) => {
      const out = ps.filter((q) => q.text !== "人数" && q.text !== RICH_TEXTS.last);
      return [fresh("开头插入的一段。"), out[0], fresh("标题后插入的一段。"), ...out.slice(1)];
    });
    const texts = back.paragraphs.map((q) => q.text);
    expect(texts.slice(0, 3)).toEqual(["开头插入的一段。", RICH_TEXTS.title, "标题后插入的一段。"]);
    expect(texts).not.toContain("人数");
    expect(texts).not.toContain(RICH_TEXTS.last);
    expect(res.inserted).toBe(2);
    expect(res.removed).toBe(2);
    // The table keeps its four cells; the emptied one reads as an empty paragraph.
    expect(xmlOf(res.bytes).match(/<w:tc>/g)).toHaveLength(4);
    expect(back.paragraphs.filter((q) => q.inTable).map((q) => q.text)).toEqual(["单位", "", "办公室", "3"]);
    expect(back.paragraphs.find((q) => q.text === "开头插入的一段。")?.runs[0].fontEastAsia).toBe("仿宋_GB2312");
  });

  it("sets the formatting the preview changed, cutting a run where a format bound falls inside it", () => {
    const bytes = richDocx();
    const { back, now } = splice(bytes, (ps) => {
      const q = ps[1];
      // Bold heading part 「各单位要」 in 黑体 (a ranged edit cuts the second run after 「要」), centred, 28 pt exact.
      ps[1] = {
        ...q,
        alignment: "center",
        lineSpacing: { rule: "exact", value: 28 },
        outlineLevel: 1,
        firstLineIndentChars: 0,
        firstLineIndentPt: 0,
        runs: [
          { ...q.runs[0], text: "各单位要", end: 4, fontEastAsia: "黑体", bold: true },
          { ...q.runs[1], text: q.text.slice(4), start: 4, fontEastAsia: "仿宋_GB2312", sizePt: 16 },
        ],
      };
      return ps;
    });
    const got = back.paragraphs[1];
    expect(got).toMatchObject({ alignment: "center", lineSpacing: { rule: "exact", value: 28 }, outlineLevel: 1, firstLineIndentPt: 0 });
    // The style's 2-character indent is overridden, not inherited.
    expect(got.firstLineIndentChars).toBeUndefined();
    expect(got.runs.map((x) => [x.text, x.fontEastAsia, x.sizePt, x.bold])).toEqual(
      now.paragraphs[1].runs.map((x) => [x.text, x.fontEastAsia, x.sizePt, x.bold]),
    );
    expect(back.paragraphs[1].styleId).toBe("MyBody");
  });

  it("writes comments as real Word comments: comments.xml, its relationship and content type, anchors and a reference", () => {
    const bytes = richDocx();
    const comments = [
      { paragraph: 1, start: 8, end: 9, text: "半角逗号「,」应为全角逗号「，」。" },
      { paragraph: 0, start: 0, end: 0, text: "标题请核对。" },
    ];
    const { back, res } = splice(bytes, (ps) => ps, { comments, date: new Date(Date.UTC(2026, 0, 2)) });
    expect(res.comments).toBe(2);
    expect(back.otherParagraphs.filter((q) => q.part === "comment").map((q) => q.text)).toEqual(comments.map((c) => c.text));
    const xml = xmlOf(res.bytes);
    // The comma alone is anchored: its run is cut around it.
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/><w:r><w:t xml:space="preserve">,<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/><w:r><w:commentReference w:id="0"\/><\/w:r>/);
    expect(xml.match(/<w:commentReference w:id="1"\/>/g)).toHaveLength(1);
    expect(xmlOf(res.bytes, "[Content_Types].xml")).toContain('<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>');
    expect(xmlOf(res.bytes, "word/_rels/document.xml.rels")).toMatch(/Type="[^"]*\/comments" Target="comments.xml"/);
    expect(back.paragraphs.map((q) => q.text)).toEqual(readDocx(bytes).paragraphs.map((q) => q.text));
    for (const name of UNTOUCHED) expect([name, part(res.bytes, name)]).toEqual([name, part(bytes, name)]);
  });

  it("adds to a comments part the file already has, after its ids", () => {
    const existing = `<?xml version="1.0"?><w:comments xmlns:w="${W}"><w:comment w:id="4" w:author="甲"><w:p>${r("原有批注")}</w:p></w:comment></w:comments>`;
    const bytes = plainDocx(
      `<w:p>${'<w:commentRangeStart w:id="4"/>'}${r("第一段")}<w:commentRangeEnd w:id="4"/><w:r><w:commentReference w:id="4"/></w:r></w:p>` + p(r("第二段")),
      { "word/comments.xml": existing },
      `<Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/comments" Target="comments.xml"/>`,
    );
    const { back, res } = splice(bytes, (ps) => ps, { comments: [{ paragraph: 1, start: 0, end: 0, text: "新批注" }] });
    expect(back.otherParagraphs.filter((q) => q.part === "comment").map((q) => q.text)).toEqual(["原有批注", "新批注"]);
    expect(xmlOf(res.bytes)).toContain('<w:commentReference w:id="5"/>');
    expect(xmlOf(res.bytes, "word/_rels/document.xml.rels").match(/\/comments"/g)).toHaveLength(1);
  });

  it("writes a page setup a fix changed into the section, other section properties kept", () => {
    const bytes = richDocx();
    const read = readDocx(bytes);
    const now = { ...withOrigins(read), sections: read.sections.map((s) => ({ ...s, marginTopMm: 37, marginLeftMm: 28 })) };
    const res = spliceModel(bytes, read, now);
    const back = readDocx(res.bytes);
    expect(back.sections[0]).toMatchObject({ marginTopMm: 37, marginLeftMm: 28, marginRightMm: read.sections[0].marginRightMm });
    const xml = xmlOf(res.bytes);
    expect(xml).toContain('<w:headerReference w:type="default" r:id="rId5"/>');
    expect(xml).toContain('<w:docGrid w:type="lines" w:linePitch="579"/>');
  });

  it("keeps a footer of the document's own when 一键排版 asked for page numbers", () => {
    const bytes = richDocx();
    const spec = resolveProfile("speech").format;
    const { res } = splice(bytes, (ps) => ps, { pageNumbers: spec });
    expect(res.pageNumbers).toBe("kept");
    expect(Object.keys(unzipSync(res.bytes)).filter((n) => /footer/i.test(n))).toEqual(["word/footer1.xml"]);
    expect(xmlOf(res.bytes)).toBe(xmlOf(bytes));
  });

  it("adds 一键排版's page-number footers where the document has none, its page setup kept", () => {
    const bytes = plainDocx(p(r("正文。")));
    const spec = resolveProfile("speech").format;
    const { res, back, read } = splice(bytes, (ps) => ps, { pageNumbers: { ...spec, pageNumbers: "gbt" } });
    expect(res.pageNumbers).toBe("added");
    const names = Object.keys(unzipSync(res.bytes));
    expect(names.filter((n) => /footerBiganzi/.test(n))).toHaveLength(2);
    const xml = xmlOf(res.bytes);
    expect(xml).toMatch(/<w:sectPr><w:footerReference w:type="default" r:id="rIdBiganziFooter1"\/><w:footerReference w:type="even" r:id="rIdBiganziFooter2"\/><w:pgSz/);
    expect(back.sections).toEqual(read.sections);
    // The footers hold the PAGE field and are registered.
    expect(back.otherParagraphs.filter((q) => q.part === "footer")).toHaveLength(2);
    expect(xmlOf(res.bytes, "[Content_Types].xml")).toContain("footerBiganzi1.xml");
  });
});

describe("spliceModel: paragraphs the file needs", () => {
  it("empties a removed paragraph that ends a section instead of taking the section away", () => {
    const sect = `<w:sectPr><w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/></w:sectPr>`;
    const bytes = plainDocx(p(r("第一节")) + `<w:p><w:pPr>${sect}</w:pPr>${r("节末段")}</w:p>` + p(r("第二节")));
    const { back, res } = splice(bytes, (ps) => ps.filter((q) => q.text !== "节末段"));
    expect(res.removed).toBe(1);
    expect(back.paragraphs.map((q) => q.text)).toEqual(["第一节", "", "第二节"]);
    expect(back.sections).toHaveLength(2);
    expect(xmlOf(res.bytes)).toContain(sect);
  });

  it("typing inside the second of two runs keeps both runs' formatting as they were", () => {
    const bytes = plainDocx(p(r("加粗", "<w:b/>"), r("正文XX完")));
    const { back, res } = splice(bytes, (ps) => {
      const q = ps[0];
      // As MemoryHost.editParagraph re-cuts: the typed text joins the run it lands in.
      ps[0] = { ...q, text: "加粗正文某某完", runs: [q.runs[0], { ...q.runs[1], text: "正文某某完", end: 7 }] };
      return ps;
    });
    expect(back.paragraphs[0].runs.map((x) => [x.text, x.bold])).toEqual([
      ["加粗", true],
      ["正文某某完", false],
    ]);
    expect(xmlOf(res.bytes)).toContain(p(r("加粗", "<w:b/>"), r("正文某某完")));
  });
});

describe("spliceModel where the text cannot be spliced", () => {
  it("rebuilds the runs of a paragraph whose change touches a list label, in its first run's properties", () => {
    const bytes = richDocx();
    const { back, res } = splice(bytes, (ps) => {
      ps[2] = withText(ps[2], "首先" + ps[2].text);
      return ps;
    });
    expect(res.rebuilt).toBe(1);
    expect(back.paragraphs[2]).toMatchObject({ text: "首先第一项工作要落实", listLabel: "1.", styleId: "MyBody" });
    for (const name of UNTOUCHED) expect([name, part(res.bytes, name)]).toEqual([name, part(bytes, name)]);
  });

  it("keeps a paragraph whose new text would cost a field or a note reference, and says which", () => {
    const field = `<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>${r("2026年1月1日")}<w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>`;
    const bytes = plainDocx(field + p(r("第二段")));
    const { back, res } = splice(bytes, (ps) => {
      ps[0] = withText(ps[0], "2026年2月1日");
      ps[1] = withText(ps[1], "第二段，改了");
      return ps;
    });
    expect(res.kept).toEqual([0]);
    expect(back.paragraphs.map((q) => q.text)).toEqual(["2026年1月1日", "第二段，改了"]);
    expect(xmlOf(res.bytes)).toContain("<w:instrText> DATE </w:instrText>");
  });

  it("refuses (SpliceError) a model that was not read from these bytes", () => {
    const bytes = plainDocx(p(r("一")) + p(r("二")));
    const other = readDocx(plainDocx(p(r("一"))));
    expect(() => spliceModel(bytes, other, withOrigins(other))).toThrow(SpliceError);
  });
});
