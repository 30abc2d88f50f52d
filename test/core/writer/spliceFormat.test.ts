/**
 * 下载文档 after 一键排版 in the preview: the 公文 elements' colour, left / hanging / right indents and
 * separator lines that MemoryHost set go into the uploaded file, spelt as `biganzi format` spells
 * them (formats.ts), and the text of every paragraph stays as it was.
 */
import { execFileSync, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { FORMAT_DESCRIPTION } from "../../../src/core/host";
import type { DocModel } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import { formatPlan } from "../../../src/core/outline";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { spliceModel, withOrigins } from "../../../src/core/writer/spliceModel";
import { parseSpans, spanChild, type SpanElement } from "../../../src/core/writer/xmlspan";
import { MemoryHost } from "../../../src/preview/memoryHost";

const dec = new TextDecoder();
const spec = resolveProfile("gongwen").format;

const LINES = [
  "某市人民政府文件",
  "某政发〔2026〕12号",
  "关于做好冬季安全生产工作的通知",
  "各区县人民政府：",
  "现就有关事项通知如下。",
  "一、提高思想认识",
  "各级各部门要把安全生产摆在更加突出的位置。",
  "附件：1.安全检查表",
  "2.隐患排查清单",
  "某市人民政府",
  "2026年11月20日",
  "抄送：市委办公室，市人大常委会办公室，市政协办公室。",
  "某市人民政府办公室　　　　2026年11月20日印发",
];

export async function gongwenDocx(lines = LINES): Promise<Uint8Array> {
  const doc = new Document({ sections: [{ children: lines.map((text) => new Paragraph({ children: [new TextRun(text)] })) }] });
  return new Uint8Array(await Packer.toBuffer(doc));
}

/** The uploaded file opened in the preview, 一键排版 applied there, and 下载文档's splice of the result. */
export async function formattedInPreview(bytes: Uint8Array): Promise<{ read: DocModel; now: DocModel; out: Uint8Array }> {
  const read = readDocx(bytes);
  const host = new MemoryHost(withOrigins(read), { profile: { format: spec } });
  const doc = await host.readDocument();
  const plan = formatPlan(doc, buildOutline(doc), spec);
  const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
  const r = await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], expected, { undoLabel: "一键排版" });
  expect(r.applied).toBe(1);
  const now = host.document.model;
  return { read, now, out: spliceModel(bytes, read, now).bytes };
}

/** The body's w:p elements of a document.xml, by their text. */
function paragraphsOf(xml: string): Map<string, { xml: string; el: SpanElement }> {
  const out = new Map<string, { xml: string; el: SpanElement }>();
  const body = spanChild(parseSpans(xml), "w:body")!;
  for (const p of body.children) {
    if (p.name !== "w:p") continue;
    const own = xml.slice(p.start, p.end);
    const text = [...own.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join("");
    out.set(text, { xml: own, el: p });
  }
  return out;
}

/** The attributes of one element's start tag. */
const attrsOf = (tag: string): Record<string, string> => Object.fromEntries([...tag.matchAll(/([\w:]+)="([^"]*)"/g)].map((m) => [m[1], m[2]]));

const pPrOf = (own: string) => /<w:pPr>.*?<\/w:pPr>/.exec(own)?.[0] ?? "";

describe("下载文档 after 一键排版 in the preview (a 公文)", () => {
  let res: { read: DocModel; now: DocModel; out: Uint8Array };
  let paras: Map<string, { xml: string; el: SpanElement }>;
  beforeAll(async () => {
    res = await formattedInPreview(await gongwenDocx());
    paras = paragraphsOf(dec.decode(unzipSync(res.out)["word/document.xml"]));
  });

  it("the preview set what is to be written (the model 一键排版 left)", () => {
    const at = (t: string) => res.now.paragraphs.find((p) => p.text === t)!;
    expect(at(LINES[0]).runs.every((r) => r.color === "FF0000")).toBe(true);
    expect(at(LINES[7]).leftIndentChars).toBeGreaterThan(0);
    expect(at(LINES[11]).borderTop).toBeDefined();
  });

  it("the 发文机关标志's runs are red", () => {
    const own = paras.get(LINES[0])!.xml;
    const runs = [...own.matchAll(/<w:r>.*?<\/w:r>/g)].map((m) => m[0]);
    expect(runs.length).toBeGreaterThan(0);
    for (const r of runs) expect(r).toMatch(/<w:rPr>.*<w:color w:val="FF0000"\/>.*<\/w:rPr>/);
    // Nothing else is red.
    for (const [text, p] of paras) if (text !== LINES[0]) expect(p.xml).not.toContain('<w:color w:val="FF0000"/>');
  });

  it("附件说明 hangs its wrapped lines under the text after 「附件：1.」", () => {
    const ind = /<w:ind [^>]*\/>/.exec(pPrOf(paras.get(LINES[7])!.xml))?.[0] ?? "";
    // 左空二字, then 「附件：1.」 (four characters) hangs: the other lines start six characters in.
    expect(attrsOf(ind)).toMatchObject({ "w:leftChars": "600", "w:hangingChars": "400" });
    expect(ind).not.toMatch(/w:firstLine/);
    const back = readDocx(res.out).paragraphs[7];
    expect(back.firstLineIndentChars).toBe(-4);
  });

  it("writes the same w:ind, w:pBdr and w:color as `biganzi format` for the same 公文", async () => {
    const formatted = paragraphsOf(dec.decode(unzipSync(formatDocx(await gongwenDocx(), spec).bytes)["word/document.xml"]));
    const element = (own: string, name: string) => new RegExp(`<${name}(?: [^>]*)?/>|<${name}>.*?</${name}>`).exec(pPrOf(own))?.[0];
    // Not the 版记: `biganzi format` frames it at the foot of the last page (banji.ts), its lines
    // one pair over the frame with one indent; the preview gives each line its role's.
    for (const line of [LINES[1], LINES[7], LINES[8], LINES[9], LINES[10]]) {
      const mine = paras.get(line)!.xml;
      const theirs = formatted.get(line)!.xml;
      if (line === LINES[1]) expect(element(mine, "w:pBdr")).toBe(element(theirs, "w:pBdr"));
      // w:right in twips aside: the preview's model counts a 版记 line's 右空一字 at its own size
      // (edits.ts patchParagraph, 14 pt), the formatter at body size (roles.ts, 16 pt); w:rightChars,
      // which Word reads first, agrees.
      const ind = (own: string) => {
        const a = attrsOf(element(own, "w:ind") ?? "");
        delete a["w:right"];
        return a;
      };
      expect([line, ind(mine)]).toEqual([line, ind(theirs)]);
    }
    expect(/<w:color [^>]*\/>/.exec(paras.get(LINES[0])!.xml)?.[0]).toBe(/<w:color [^>]*\/>/.exec(formatted.get(LINES[0])!.xml)?.[0]);
  });

  it("the 版记 lines carry their separator lines, thick above the first and below the last, and stand one character in from the right", () => {
    const copyTo = pPrOf(paras.get(LINES[11])!.xml);
    const printer = pPrOf(paras.get(LINES[12])!.xml);
    expect(copyTo).toContain('<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/><w:bottom w:val="single" w:sz="6" w:space="1" w:color="000000"/></w:pBdr>');
    expect(printer).toContain('<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr>');
    expect(copyTo).toMatch(/<w:ind [^>]*w:rightChars="100"/);
    // The 版头's red line under the 发文字号.
    expect(pPrOf(paras.get(LINES[1])!.xml)).toMatch(/<w:pBdr><w:bottom w:val="single" w:sz="8" w:space="11" w:color="FF0000"\/><\/w:pBdr>/);
  });

  it("no paragraph gains a right indent of 0 or a w:ind with nothing in it", () => {
    for (const [, p] of paras) {
      expect(p.xml).not.toMatch(/w:rightChars="0"/);
      expect(p.xml).not.toContain("<w:ind/>");
    }
  });

  it("keeps every paragraph's text", () => {
    expect(readDocx(res.out).paragraphs.map((p) => p.text)).toEqual(res.read.paragraphs.map((p) => p.text));
  });

  it("a second 下载文档 of the same model writes the same bytes into document.xml (nothing is set twice)", () => {
    const again = spliceModel(res.out, readDocx(res.out), { ...res.now, paragraphs: res.now.paragraphs });
    expect(dec.decode(unzipSync(again.bytes)["word/document.xml"])).toBe(dec.decode(unzipSync(res.out)["word/document.xml"]));
    expect(again.changed).toBe(0);
  });
});

describe("下载文档: paragraphs the preview added get 一键排版's colour, indents and lines too", () => {
  it("a 版记 line inserted in the preview and then formatted", async () => {
    const bytes = await gongwenDocx(LINES.slice(0, 11).concat([LINES[12]]));
    const read = readDocx(bytes);
    const host = new MemoryHost(withOrigins(read), { profile: { format: spec } });
    await host.select(10, 0, 0);
    await host.insertParagraphs([{ role: "body", text: LINES[11] }]);
    const doc = await host.readDocument();
    const plan = formatPlan(doc, buildOutline(doc), spec);
    const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
    expect((await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], expected)).applied).toBe(1);
    const out = spliceModel(bytes, read, host.document.model);
    expect(out.inserted).toBe(1);
    const own = paragraphsOf(dec.decode(unzipSync(out.bytes)["word/document.xml"])).get(LINES[11])!.xml;
    expect(pPrOf(own)).toContain('<w:pBdr><w:top w:val="single" w:sz="8" w:space="1" w:color="000000"/>');
    expect(pPrOf(own)).toMatch(/<w:pBdr>.*<\/w:pBdr><w:spacing [^>]*\/><w:ind [^>]*w:rightChars="100"/);
  });
});

function soffice(): string | undefined {
  for (const name of ["soffice", "libreoffice"]) {
    const found = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
    if (found.status === 0 && found.stdout.trim()) return found.stdout.trim();
  }
  return undefined;
}
const office = soffice();
const withOffice = office ? test : test.skip;

withOffice(
  "LibreOffice opens the downloaded file and saves it again with the red, the hanging indent and the lines",
  async () => {
    const { out } = await formattedInPreview(await gongwenDocx());
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-splice-lo-"));
    try {
      const input = path.join(work, "公文.docx");
      fs.writeFileSync(input, out);
      const outDir = path.join(work, "out");
      execFileSync(office!, ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", "docx", "--outdir", outDir, input], {
        stdio: "pipe",
        timeout: 150_000,
      });
      const saved = new Uint8Array(fs.readFileSync(path.join(outDir, "公文.docx")));
      const back = paragraphsOf(dec.decode(unzipSync(saved)["word/document.xml"]));
      expect(back.get(LINES[0])!.xml).toMatch(/<w:color w:val="FF0000"\/>/);
      expect(pPrOf(back.get(LINES[7])!.xml)).toMatch(/<w:ind [^>]*w:hanging="\d+"/);
      expect(pPrOf(back.get(LINES[11])!.xml)).toMatch(/<w:pBdr><w:top [^>]*\/>.*<w:bottom [^>]*\/><\/w:pBdr>/);
      expect(readDocx(saved).paragraphs.map((p) => p.text)).toEqual(LINES);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  },
  180_000,
);

describe("下载文档 into paragraphs that already have some of these properties", () => {
  const enc = new TextEncoder();
  const W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
  /** A minimal .docx whose body is `body`. */
  const docxWith = (body: string) =>
    zipSync({
      "[Content_Types].xml": enc.encode(
        `<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>`,
      ),
      "_rels/.rels": enc.encode(
        `<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>`,
      ),
      "word/document.xml": enc.encode(`<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document xmlns:w="${W}"><w:body>${body}</w:body></w:document>`),
    });
  const line = { widthPt: 1, color: "000000", spacePt: 1 };

  it("a w:pBdr keeps its other sides; a theme colour gives way to the red; a right indent of 0 removes a stray one", () => {
    const bytes = docxWith(
      `<w:p><w:pPr><w:pBdr><w:left w:val="single" w:sz="4" w:space="4" w:color="auto"/></w:pBdr><w:ind w:firstLine="640" w:right="480" w:rightChars="150"/><w:jc w:val="left"/></w:pPr>` +
        `<w:r><w:rPr><w:color w:val="1F3864" w:themeColor="accent1"/><w:sz w:val="32"/></w:rPr><w:t>某市人民政府文件</w:t></w:r></w:p>`,
    );
    const read = readDocx(bytes);
    const was = withOrigins(read);
    const p = was.paragraphs[0];
    const now: DocModel = {
      ...was,
      paragraphs: [{ ...p, borderBottom: line, rightIndentChars: 0, rightIndentPt: 0, runs: p.runs.map((r) => ({ ...r, color: "FF0000" })) }],
    };
    const res = spliceModel(bytes, read, now);
    const xml = dec.decode(unzipSync(res.bytes)["word/document.xml"]);
    expect(xml).toContain(
      '<w:pPr><w:pBdr><w:left w:val="single" w:sz="4" w:space="4" w:color="auto"/><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr>' +
        '<w:ind w:firstLine="640"/><w:jc w:val="left"/></w:pPr>',
    );
    expect(xml).toContain('<w:rPr><w:color w:val="FF0000"/><w:sz w:val="32"/></w:rPr><w:t>某市人民政府文件</w:t>');
    expect(res.changed).toBe(1);
  });

  it("sets nothing where the paragraph already reads so (nothing counted as changed)", () => {
    const bytes = docxWith(
      `<w:p><w:pPr><w:pBdr><w:bottom w:val="single" w:sz="8" w:space="1" w:color="000000"/></w:pBdr><w:ind w:firstLine="640"/></w:pPr>` +
        `<w:r><w:rPr><w:color w:val="FF0000"/></w:rPr><w:t>文件</w:t></w:r></w:p>`,
    );
    const read = readDocx(bytes);
    const was = withOrigins(read);
    const p = was.paragraphs[0];
    const now: DocModel = { ...was, paragraphs: [{ ...p, borderBottom: line, rightIndentChars: 0, runs: p.runs.map((r) => ({ ...r, color: "FF0000" })) }] };
    const res = spliceModel(bytes, read, now);
    expect(dec.decode(unzipSync(res.bytes)["word/document.xml"])).toBe(dec.decode(unzipSync(bytes)["word/document.xml"]));
    expect(res.changed).toBe(0);
  });
});
