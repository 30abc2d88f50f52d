/**
 * 下载文档 of a document opened from a .docx: read into the preview's MemoryHost, fixed, formatted
 * with 一键排版, a paragraph inserted, a table cell typed in, a comment added — then written back
 * into the uploaded file. The reader reads the download: the new texts and formats are there, and
 * the table, header, footer, footnote, numbering and styles are still there, byte for byte.
 */
import { unzipSync } from "fflate";
import { displayText, type Paragraph } from "../../src/core/model";
import { FORMAT_DESCRIPTION } from "../../src/core/host";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline/actions";
import { resolveProfile } from "../../src/core/profiles";
import { readDocx } from "../../src/core/reader";
import { withOrigins } from "../../src/core/writer/spliceModel";
import { exportDocument } from "../../src/preview/exportDocx";
import { MemoryHost } from "../../src/preview/memoryHost";
import { RICH_TEXTS, UNTOUCHED, richDocx } from "../core/writer/richDocx";
import { editedInPreview } from "./editedInPreview";

const dec = new TextDecoder();

/** Per character: East Asian font, size and weight, as a reader sees them. */
const formats = (p: Paragraph) => Array.from(p.text, (_, i) => {
  const r = p.runs.find((x) => x.start <= i && i < x.end);
  return `${r?.fontEastAsia}|${r?.sizePt}|${r?.bold === true}`;
});

describe("下载文档 of an uploaded .docx", () => {
  it("writes the preview's changes into the uploaded file and keeps everything else", async () => {
    const { bytes, read, host } = await editedInPreview();
    const out = exportDocument(host.model, { comments: host.comments, uploaded: { bytes, read } });
    expect(out).toMatchObject({ spliced: true, fellBack: false, kept: 0 });
    const back = readDocx(out.bytes);
    const now = host.model.paragraphs;

    // The texts are the new ones, in order, the numbered item still numbered.
    expect(back.paragraphs.map((p) => p.text)).toEqual(now.map((p) => p.text));
    expect(back.paragraphs.find((p) => p.text === RICH_TEXTS.numbered)?.listLabel).toBe("1.");
    expect(back.paragraphs.filter((p) => p.inTable).map((p) => p.text)).toEqual(["单位", "人数", "办公室（含机要）", "3"]);

    // 一键排版's formatting: paragraph properties everywhere, run formats where the text was not fixed.
    back.paragraphs.forEach((p, i) => {
      const want = now[i];
      expect([i, p.alignment, p.lineSpacing, p.outlineLevel]).toEqual([i, want.alignment, want.lineSpacing, want.outlineLevel]);
      if (want.text === read.paragraphs[want.origin ?? -1]?.text || want.origin === undefined) expect([i, formats(p)]).toEqual([i, formats(want)]);
    });
    // 一键排版 did change the title's font (the style gave 黑体).
    expect(read.paragraphs[0].runs[0].fontEastAsia).toBe("黑体");
    expect(back.paragraphs[0].runs[0].fontEastAsia).toBe(now[0].runs[0].fontEastAsia);
    expect(now[0].runs[0].fontEastAsia).not.toBe("黑体");
    // The fixed paragraph: 一键排版's font and size, and the file's own bold kept on 「各单位」 only.
    const body = back.paragraphs.find((p) => p.text.startsWith("各单位"))!;
    const bodyNow = now.find((p) => p.text.startsWith("各单位"))!;
    expect(body.runs.map((r) => [r.text, r.fontEastAsia, r.sizePt, r.bold])).toEqual([
      ["各单位", bodyNow.runs[0].fontEastAsia, bodyNow.runs[0].sizePt, true],
      ["要认真学习，抓好落实。", bodyNow.runs[0].fontEastAsia, bodyNow.runs[0].sizePt, false],
    ]);

    // The rest of the package: unchanged parts byte-identical, the table, header, footer, footnote there.
    const before = unzipSync(bytes);
    const after = unzipSync(out.bytes);
    for (const name of UNTOUCHED) expect([name, after[name]]).toEqual([name, before[name]]);
    const xml = dec.decode(after["word/document.xml"]);
    expect(xml.match(/<w:tbl>/g)).toHaveLength(1);
    expect(xml).toContain('<w:tblStyle w:val="MyTable"/>');
    expect(xml).toContain('<w:footnoteReference w:id="1"/>');
    expect(xml).toContain('<w:headerReference w:type="default" r:id="rId5"/>');
    const other = back.otherParagraphs.map((p) => [p.part, p.text]);
    expect(other).toEqual(
      expect.arrayContaining([
        ["header", RICH_TEXTS.header],
        ["footer", RICH_TEXTS.footer],
        ["footnote", RICH_TEXTS.footnote],
        ["comment", "这里原是半角逗号。"],
      ]),
    );
    // The comment sits on the comma.
    expect(xml).toMatch(/<w:commentRangeStart w:id="0"\/><w:r>(?:(?!<\/w:r>).)*<w:t xml:space="preserve">，<\/w:t><\/w:r><w:commentRangeEnd w:id="0"\/>/);
  });

  it("writes a fresh document for a model without an uploaded file, and when the file does not match", async () => {
    const { host, bytes } = await editedInPreview();
    const fresh = exportDocument(host.model, { comments: host.comments });
    expect(fresh).toMatchObject({ spliced: false, fellBack: false });
    // (The fresh document writes list numbers as text.)
    expect(readDocx(fresh.bytes).paragraphs.map((p) => p.text)).toEqual(host.model.paragraphs.map(displayText));
    // A model read from other bytes: cannot be matched, so the fresh document.
    const other = readDocx(richDocx(`<w:p><w:r><w:t>只有一段</w:t></w:r></w:p>`));
    const fellBack = exportDocument(host.model, { uploaded: { bytes, read: other } });
    expect(fellBack).toMatchObject({ spliced: false, fellBack: true });
    expect(readDocx(fellBack.bytes).paragraphs.map((p) => p.text)).toEqual(host.model.paragraphs.map(displayText));
  });
});

describe("下载文档 with the page numbers 一键排版 added", () => {
  it("writes them as footers into the uploaded file when its own footer is empty", async () => {
    const { unzipSync: unzip, zipSync } = await import("fflate");
    // The rich document without its footer reference: no footer of its own.
    const files = unzip(richDocx());
    files["word/document.xml"] = new TextEncoder().encode(dec.decode(files["word/document.xml"]).replace('<w:footerReference w:type="default" r:id="rId6"/>', ""));
    const bytes = zipSync(files);
    const read = readDocx(bytes);
    const host = new MemoryHost(withOrigins(read));
    const doc = await host.readDocument();
    const plan = formatPlan(doc, buildOutline(doc), resolveProfile("speech").format);
    const expected = Object.fromEntries(plan.map((e) => [e.paragraph, doc.paragraphs[e.paragraph].text]));
    await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], expected, { undoLabel: FORMAT_DESCRIPTION });
    expect(host.document.pageNumbers).toBe(resolveProfile("speech").format.pageNumbers);

    const out = exportDocument(host.model, { uploaded: { bytes, read }, pageNumbers: host.document.pageNumbers });
    expect(out.spliced).toBe(true);
    const xml = dec.decode(unzip(out.bytes)["word/document.xml"]);
    expect(xml).toContain('<w:footerReference w:type="default" r:id="rIdBiganziFooter1"/>');
    expect(xml).toContain('<w:headerReference w:type="default" r:id="rId5"/>');
    expect(Object.keys(unzip(out.bytes)).filter((n) => n.startsWith("word/footerBiganzi"))).not.toHaveLength(0);
    // Without them (the clerk took 一键排版 back): no footers of ours.
    const plain = exportDocument(host.model, { uploaded: { bytes, read } });
    expect(Object.keys(unzip(plain.bytes)).filter((n) => n.startsWith("word/footerBiganzi"))).toHaveLength(0);
  });
});
