/**
 * The 版记 framed at the foot of the last page (GB/T 9704-2012 7.4; src/core/writer/banji.ts):
 * `formatDocx` gives the 抄送 / 印发 paragraphs (and a separator drawn with characters next to
 * them) one and the same w:framePr, and nothing else gets one; not a character of the text moves.
 * How LibreOffice prints it is test/integration/formatted-render.test.ts.
 */
import { unzipSync } from "fflate";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { check } from "../../../src/core/engine";
import { buildOutline } from "../../../src/core/numbering";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { banjiParagraphs } from "../../../src/core/writer/banji";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { pageTwips } from "../../../src/core/writer/formats";
import { parseSpans, spanChild, type SpanElement } from "../../../src/core/writer/xmlspan";

const profile = resolveProfile("gongwen");
const spec = profile.format;
const dec = new TextDecoder();

const COPY_TO = "抄送：市委办公室，市人大常委会办公室，市政协办公室。";
const PRINTER = "市人民政府办公室　　　　　　2026年11月20日印发";
/** A 公文 as typed: title, 主送机关, body, 落款, 成文日期, 附注 — the 版记 lines come after. */
const HEAD = [
  "关于做好冬季安全生产工作的通知",
  "各区县人民政府，市政府各部门：",
  "为切实做好今冬明春安全生产工作，现就有关事项通知如下。",
  "一、提高思想认识",
  "各级各部门要把安全生产摆在更加突出的位置，坚持人民至上、生命至上，统筹发展和安全。抄送有关材料的，请注明文号。",
  "特此通知。",
  "",
  "市人民政府办公室",
  "2026年11月20日",
  "（此件公开发布）",
];

async function draft(lines: string[]): Promise<Uint8Array> {
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ children: text ? [new TextRun({ text, font: { eastAsia: "宋体" } })] : [] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

const documentXml = (bytes: Uint8Array) => dec.decode(unzipSync(bytes)["word/document.xml"]);

/** Every w:t's content as written, in order. */
function rawText(bytes: Uint8Array): string {
  let s = "";
  for (const m of documentXml(bytes).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) s += m[1];
  return s;
}

/** The body paragraphs of document.xml with their text and their w:framePr / w:pBdr as written. */
function paragraphs(bytes: Uint8Array): Array<{ text: string; framePr?: string; pBdr?: string }> {
  const xml = documentXml(bytes);
  const body = spanChild(parseSpans(xml), "w:body")!;
  const text = (p: SpanElement) => [...xml.slice(p.start, p.end).matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
  return body.children
    .filter((c) => c.name === "w:p")
    .map((p) => {
      const pPr = spanChild(p, "w:pPr");
      const f = spanChild(pPr, "w:framePr");
      const b = spanChild(pPr, "w:pBdr");
      return { text: text(p), framePr: f && xml.slice(f.start, f.end), pBdr: b && xml.slice(b.start, b.end) };
    });
}

const attr = (el: string, name: string) => new RegExp(`${name}="([^"]*)"`).exec(el)?.[1];

describe("formatDocx frames the 版记 at the foot of the page", () => {
  it("gives 抄送 and 印发 one and the same frame: bottom of the text area, centred, as wide as the 版心", async () => {
    const input = await draft([...HEAD, COPY_TO, PRINTER]);
    const out = formatDocx(input, spec).bytes;
    const paras = paragraphs(out);
    const framed = paras.filter((p) => p.framePr);
    expect(framed.map((p) => p.text)).toEqual([COPY_TO, PRINTER]);
    expect(new Set(framed.map((p) => p.framePr)).size).toBe(1);
    const f = framed[0].framePr!;
    const t = pageTwips(spec);
    expect(attr(f, "w:w")).toBe(String(t.w - t.left - t.right));
    expect([attr(f, "w:vAnchor"), attr(f, "w:yAlign"), attr(f, "w:hAnchor"), attr(f, "w:xAlign")]).toEqual(["margin", "bottom", "margin", "center"]);
    expect(["around", "notBeside"]).toContain(attr(f, "w:wrap"));
    // The separator lines stay with the frame: the same borders on both, thick over and under.
    expect(new Set(framed.map((p) => p.pBdr)).size).toBe(1);
    expect(framed[0].pBdr).toMatch(/^<w:pBdr><w:top w:val="single" w:sz="8"[^>]*\/><w:bottom w:val="single" w:sz="8"[^>]*\/><\/w:pBdr>$/);
    // Nothing else is framed or bordered.
    expect(paras.filter((p) => !p.framePr && p.pBdr)).toEqual([]);
    // Each w:pPr keeps the schema's order (CT_PPr): framePr, pBdr, spacing, ind, jc.
    const xml = documentXml(out);
    for (const text of [COPY_TO, PRINTER]) {
      const pPr = /<w:pPr>(.*?)<\/w:pPr>/.exec(xml.slice(0, xml.indexOf(text)).split("<w:p>").pop()!)![1];
      const names = [...pPr.matchAll(/<(w:[A-Za-z]+)[ />]/g)].map((m) => m[1]).filter((n) => ["w:framePr", "w:pBdr", "w:spacing", "w:ind", "w:jc"].includes(n));
      expect(names).toEqual(["w:framePr", "w:pBdr", "w:spacing", "w:ind", "w:jc"]);
    }
  });

  it("never changes a character: every w:t and every paragraph's text as before, in order", async () => {
    const input = await draft([...HEAD, COPY_TO, PRINTER]);
    const out = formatDocx(input, spec).bytes;
    expect(rawText(out)).toBe(rawText(input));
    const texts = (b: Uint8Array) => readDocx(b).paragraphs.map((p) => p.text);
    expect(texts(out)).toEqual(texts(input));
  });

  it("takes a separator drawn with characters above 抄送 into the frame, with the blank line between", async () => {
    const rule = "——————————————————————";
    const input = await draft([...HEAD, rule, "", COPY_TO, PRINTER]);
    const out = formatDocx(input, spec).bytes;
    expect(paragraphs(out).filter((p) => p.framePr).map((p) => p.text)).toEqual([rule, "", COPY_TO, PRINTER]);
    expect(rawText(out)).toBe(rawText(input));
  });

  it("frames a 版记 of 印发 alone, keeping its lines over and under", async () => {
    const input = await draft([...HEAD, PRINTER]);
    const framed = paragraphs(formatDocx(input, spec).bytes).filter((p) => p.framePr);
    expect(framed.map((p) => p.text)).toEqual([PRINTER]);
    expect(framed[0].pBdr).toMatch(/<w:top [^>]*\/><w:bottom [^>]*\/>/);
  });

  it.each([
    ["no 版记", HEAD],
    ["a body sentence on 抄送 at the end", [...HEAD.slice(0, 5), "抄送：本通知同时发给各有关单位，请遵照执行。"]],
    ["a speech", ["在全市安全生产工作会议上的讲话", "同志们：", "今天召开会议，主要任务是部署今冬明春安全生产工作。", "谢谢大家。"]],
  ])("frames nothing for %s", async (...[, lines]) => {
    const input = await draft(lines as string[]);
    const out = formatDocx(input, spec).bytes;
    expect(documentXml(out)).not.toContain("w:framePr");
    expect(rawText(out)).toBe(rawText(input));
  });

  it("finds the 版记's paragraphs: from a drawn separator above to the last element", async () => {
    const doc = readDocx(await draft([...HEAD, "————————————", COPY_TO, PRINTER, "————————————"]));
    const at = HEAD.length;
    expect(banjiParagraphs(doc, buildOutline(doc))).toEqual([at, at + 1, at + 2, at + 3]);
    const none = readDocx(await draft(HEAD));
    expect(banjiParagraphs(none, buildOutline(none))).toEqual([]);
  });

  it("leaves format-paragraph nothing to say about the framed 版记, and formatting again changes nothing", async () => {
    const out = formatDocx(await draft([...HEAD, COPY_TO, PRINTER]), spec).bytes;
    const doc = readDocx(out);
    const banji = new Set([HEAD.length, HEAD.length + 1]);
    const findings = check(doc, { profile }).filter((f) => f.rule === "format-paragraph" && banji.has(f.paragraph));
    expect(findings.map((f) => `${f.messageId}@${f.paragraph}: ${f.message}`)).toEqual([]);
    const again = formatDocx(out, spec);
    expect(documentXml(again.bytes)).toBe(documentXml(out));
    expect(again.changed).toBe(0);
  });
});
