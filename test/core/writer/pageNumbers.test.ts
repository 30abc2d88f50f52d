/**
 * 页码 written by `biganzi format` (formatDocx) and `biganzi new` (writeDocx): footer parts
 * referenced from every sectPr, the PAGE field between 「— 」 and 「 —」, w:evenAndOddHeaders,
 * the footer distance; the document's own footers left alone; and, where LibreOffice and
 * pdftotext are installed, the printed numbers on pages 1 and 2 of a formatted document.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import type { InsertParagraph } from "../../../src/core/host";
import { resolveProfile, type FormatSpec } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { writeDocx } from "../../../src/core/writer/docx";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { parseSpans, spanChild, type SpanElement } from "../../../src/core/writer/xmlspan";

const gongwen = resolveProfile("gongwen").format;
const speech = resolveProfile("speech").format;
const dec = new TextDecoder();
const enc = new TextEncoder();
const fixture = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "docx", name)));

type Files = Record<string, Uint8Array>;
const text = (files: Files, name: string) => (files[name] ? dec.decode(files[name]) : undefined);

/** A copy of a package with some parts' text changed. */
function edit(bytes: Uint8Array, changes: Record<string, (xml: string) => string>): Uint8Array {
  const files = unzipSync(bytes);
  for (const [name, f] of Object.entries(changes)) files[name] = enc.encode(f(dec.decode(files[name])));
  return zipSync(files);
}

/** The body's sectPr elements and the document.xml they are in. */
function sections(files: Files): { xml: string; list: SpanElement[] } {
  const xml = text(files, "word/document.xml")!;
  const body = spanChild(parseSpans(xml), "w:body")!;
  const list: SpanElement[] = [];
  const walk = (el: SpanElement) => {
    for (const c of el.children) if (c.name === "w:sectPr") list.push(c);
    else walk(c);
  };
  walk(body);
  return { xml, list };
}

/** type → target part of each footer (or header) reference of a sectPr. */
function references(files: Files, kind: "footer" | "header", s: SpanElement, xml: string): Record<string, string> {
  const rels = text(files, "word/_rels/document.xml.rels")!;
  const out: Record<string, string> = {};
  for (const c of s.children.filter((x) => x.name === `w:${kind}Reference`)) {
    const tag = xml.slice(c.start, c.openEnd);
    const type = /w:type="(\w+)"/.exec(tag)![1];
    const id = /r:id="([^"]+)"/.exec(tag)![1];
    const rel = new RegExp(`<Relationship Id="${id}" Type="[^"]*/${kind}" Target="([^"]+)"`).exec(rels);
    if (!rel) throw new Error(`no ${kind} relationship ${id}`);
    out[type] = `word/${rel[1]}`;
  }
  return out;
}

const bodyTexts = (bytes: Uint8Array) => readDocx(bytes).paragraphs.map((p) => p.text);
const footerTexts = (bytes: Uint8Array) => readDocx(bytes).otherParagraphs.filter((p) => p.part === "footer").map((p) => p.text);
const jc = (xml: string | undefined) => /<w:jc w:val="(\w+)"/.exec(xml ?? "")?.[1];

describe("formatDocx adds page numbers to a document without footers", () => {
  const input = fixture("lo-outline.docx");
  const out = formatDocx(input, gongwen);
  const files = unzipSync(out.bytes);

  it("says so, and keeps every body paragraph's text", () => {
    expect(out.pageNumbers).toBe("added");
    expect(bodyTexts(out.bytes)).toEqual(bodyTexts(input));
  });

  it("refers every section to an odd (right) and an even (left) footer with the PAGE field", () => {
    const { xml, list } = sections(files);
    expect(list.length).toBeGreaterThan(0);
    for (const s of list) {
      const refs = references(files, "footer", s, xml);
      expect(Object.keys(refs).sort()).toEqual(["default", "even"]);
      expect(jc(text(files, refs.default))).toBe("right");
      expect(jc(text(files, refs.even))).toBe("left");
      for (const part of Object.values(refs)) {
        expect(text(files, part)).toMatch(/<w:t xml:space="preserve">— <\/w:t>.*<w:instrText[^>]*> PAGE <\/w:instrText>.*<w:t xml:space="preserve"> —<\/w:t>/);
        expect(text(files, "[Content_Types].xml")).toContain(`PartName="/${part}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.footer+xml"`);
      }
      // References come before the page setup (CT_SectPr order), the footer distance puts the 一字线 7 mm below the 版心.
      const names = s.children.map((c) => c.name);
      expect(names.lastIndexOf("w:footerReference")).toBeLessThan(names.indexOf("w:pgSz"));
      expect(xml.slice(spanChild(s, "w:pgMar")!.start, spanChild(s, "w:pgMar")!.openEnd)).toContain('w:footer="1447"');
    }
    expect(footerTexts(out.bytes)).toEqual(["— 1 —", "— 1 —"]);
  });

  it("switches on different odd and even footers in settings.xml", () => {
    expect(text(files, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    expect(text(unzipSync(input), "word/settings.xml")).not.toContain("evenAndOddHeaders");
  });

  it("is idempotent: formatting again keeps the footers it wrote", () => {
    const again = formatDocx(out.bytes, gongwen);
    expect(again.pageNumbers).toBe("kept");
    const twice = unzipSync(again.bytes);
    expect(Object.keys(twice).sort()).toEqual(Object.keys(files).sort());
    expect(text(twice, "word/settings.xml")).toBe(text(files, "word/settings.xml"));
  });
});

describe("formatDocx and the document's own footers", () => {
  it("leaves footers that hold a page number alone", () => {
    const input = fixture("gongwen.docx");
    const out = formatDocx(input, gongwen);
    expect(out.pageNumbers).toBe("kept");
    const before = unzipSync(input);
    const after = unzipSync(out.bytes);
    expect(text(after, "word/footer1.xml")).toBe(text(before, "word/footer1.xml"));
    expect(text(after, "word/settings.xml")).toBe(text(before, "word/settings.xml"));
    expect(Object.keys(after).filter((n) => /footer|header/.test(n)).sort()).toEqual(Object.keys(before).filter((n) => /footer|header/.test(n)).sort());
    const { xml, list } = sections(after);
    expect(references(after, "footer", list[0], xml)).toEqual({ default: "word/footer1.xml" });
  });

  it("leaves a footer of plain text alone too (it would be hidden)", () => {
    const input = edit(fixture("gongwen.docx"), {
      "word/footer1.xml": (x) => x.replace(/<w:p>.*<\/w:p>/, "<w:p><w:r><w:t>内部资料 注意保存</w:t></w:r></w:p>"),
    });
    expect(formatDocx(input, gongwen).pageNumbers).toBe("kept");
  });

  it("replaces an empty footer, and gives even pages the header they showed until now", () => {
    const input = edit(fixture("gongwen.docx"), { "word/footer1.xml": (x) => x.replace(/<w:p>.*<\/w:p>/, '<w:p><w:pPr><w:jc w:val="center"/></w:pPr></w:p>') });
    const out = formatDocx(input, gongwen);
    expect(out.pageNumbers).toBe("added");
    const files = unzipSync(out.bytes);
    const { xml, list } = sections(files);
    const footers = references(files, "footer", list[0], xml);
    expect(Object.keys(footers).sort()).toEqual(["default", "even"]);
    expect(footers.default).not.toBe("word/footer1.xml");
    const headers = references(files, "header", list[0], xml);
    expect(headers.default).toBe("word/header1.xml");
    // A copy of the default header (and of its relationships) for the even pages.
    expect(headers.even).not.toBe(headers.default);
    expect(text(files, headers.even)).toBe(text(files, "word/header1.xml"));
    expect(text(files, headers.even.replace("word/", "word/_rels/") + ".rels")).toBe(text(files, "word/_rels/header1.xml.rels"));
    // <w:evenAndOddHeaders w:val="false"/> is switched on.
    expect(text(files, "word/settings.xml")).toContain("<w:evenAndOddHeaders/>");
    expect(text(files, "word/settings.xml")).not.toContain('w:val="false"');
    const other = readDocx(out.bytes).otherParagraphs;
    const headerText = readDocx(input).otherParagraphs.filter((p) => p.part === "header").map((p) => p.text);
    expect(other.filter((p) => p.part === "header").map((p) => p.text)).toEqual([...headerText, ...headerText]);
  });

  it("numbers a first page of its own (w:titlePg) too", () => {
    const input = edit(fixture("lo-outline.docx"), { "word/document.xml": (x) => x.replace("<w:docGrid", "<w:titlePg/><w:docGrid") });
    const files = unzipSync(formatDocx(input, gongwen).bytes);
    const { xml, list } = sections(files);
    const refs = references(files, "footer", list[0], xml);
    expect(Object.keys(refs).sort()).toEqual(["default", "even", "first"]);
    expect(jc(text(files, refs.first))).toBe("right");
  });

  it("writes one centred footer for a speech, without odd/even settings", () => {
    const input = fixture("lo-outline.docx");
    const out = formatDocx(input, speech);
    const files = unzipSync(out.bytes);
    const { xml, list } = sections(files);
    const refs = references(files, "footer", list[0], xml);
    expect(Object.keys(refs)).toEqual(["default"]);
    expect(jc(text(files, refs.default))).toBe("center");
    expect(text(files, "word/settings.xml")).toBe(text(unzipSync(input), "word/settings.xml"));
  });

  it("writes nothing when the profile says none", () => {
    const input = fixture("lo-outline.docx");
    const out = formatDocx(input, { ...gongwen, pageNumbers: "none" });
    expect(out.pageNumbers).toBe("off");
    expect(Object.keys(unzipSync(out.bytes)).sort()).toEqual(Object.keys(unzipSync(input)).sort());
  });

  it("adds a sectPr to a body that has none, and declares the r: prefix when the root lacks it", () => {
    const input = edit(writeDocx([{ role: "body", text: "正文。" }], { ...gongwen, pageNumbers: "none" }), {
      "word/document.xml": (x) => x.replace(/<w:sectPr>.*<\/w:sectPr>/, "").replace(/ xmlns:r="[^"]*"/, ""),
    });
    const out = formatDocx(input, gongwen);
    expect(out.pageNumbers).toBe("added");
    const files = unzipSync(out.bytes);
    const { xml, list } = sections(files);
    expect(list).toHaveLength(1);
    expect(xml).toContain('xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"');
    expect(Object.keys(references(files, "footer", list[0], xml)).sort()).toEqual(["default", "even"]);
    expect(readDocx(out.bytes).sections[0].marginBottomMm).toBe(35);
    expect(footerTexts(out.bytes)).toEqual(["— 1 —", "— 1 —"]);
  });
});

// ---------------------------------------------------------------------------
// LibreOffice: the numbers as printed

function which(name: string): string | undefined {
  const r = spawnSync("sh", ["-c", `command -v ${name}`], { encoding: "utf8" });
  return r.status === 0 && r.stdout.trim() ? r.stdout.trim() : undefined;
}

const soffice = which("soffice") ?? which("libreoffice");
const pdftotext = which("pdftotext");
const describeLo = soffice && pdftotext ? describe : describe.skip;

interface Word {
  text: string;
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/**
 * The PDF LibreOffice prints `bytes` to: each page as pdftotext -layout reads it, and each page's
 * words with their boxes (points from the top left).
 */
function printed(bytes: Uint8Array, name: string): { pages: string[]; words: Word[][] } {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), "biganzi-pn-"));
  const file = path.join(work, name);
  fs.writeFileSync(file, bytes);
  const conv = spawnSync(
    soffice!,
    ["--headless", "--norestore", `-env:UserInstallation=file://${path.join(work, "profile")}`, "--convert-to", "pdf", "--outdir", work, file],
    { stdio: "pipe", timeout: 100_000 },
  );
  const pdf = file.replace(/\.docx$/, ".pdf");
  if (conv.status !== 0 || !fs.existsSync(pdf)) throw new Error(`LibreOffice did not print ${name}: ${String(conv.stderr)}`);
  const txt = spawnSync(pdftotext!, ["-layout", pdf, "-"], { encoding: "utf8" });
  const html = spawnSync(pdftotext!, ["-bbox", pdf, "-"], { encoding: "utf8" }).stdout;
  const words = html.split("<page ").slice(1).map((page) =>
    [...page.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
      text: m[5],
      xMin: Number(m[1]),
      yMin: Number(m[2]),
      xMax: Number(m[3]),
      yMax: Number(m[4]),
    })),
  );
  return { pages: txt.stdout.split("\f"), words };
}

const PT_PER_MM = 72 / 25.4;

/** A 公文 long enough for three pages, with no footers of its own. */
function longDraft(spec: FormatSpec): Uint8Array {
  const paras: InsertParagraph[] = [{ role: "title", text: "关于做好有关工作的通知" }];
  for (let i = 1; i <= 60; i++) paras.push({ role: "body", text: `第${i}段。要认真学习有关文件精神，抓好各项工作落实，确保取得实效。` });
  return writeDocx(paras, { ...spec, pageNumbers: "none" });
}

describeLo("page numbers as LibreOffice prints them", () => {
  jest.setTimeout(150_000);

  /** The line holding the page number on a printed page, and how far in from the left it starts. */
  const numberLine = (page: string, n: number) => {
    // pdftotext drops the narrow half-width spaces of 「— 2 —」.
    const line = page.split("\n").find((l) => new RegExp(`^\\s*— ?${n} ?—\\s*$`).test(l));
    return line === undefined ? undefined : { line, indent: line.length - line.trimStart().length };
  };

  it("biganzi format: 「— 2 —」 on page 2, odd pages right and even pages left", () => {
    const formatted = formatDocx(longDraft(gongwen), gongwen);
    expect(formatted.pageNumbers).toBe("added");
    const { pages, words } = printed(formatted.bytes, "formatted.docx");
    expect(pages.length).toBeGreaterThanOrEqual(3);
    const one = numberLine(pages[0], 1);
    const two = numberLine(pages[1], 2);
    const three = numberLine(pages[2], 3);
    expect(one).toBeDefined();
    expect(two).toBeDefined();
    expect(three).toBeDefined();
    // Right-aligned odd numbers start far to the right of the left-aligned even one.
    expect(one!.indent).toBeGreaterThan(two!.indent + 20);
    expect(three!.indent).toBeGreaterThan(two!.indent + 20);

    // Measured on the page: the 一字线's middle 7 mm below the 版心 (297 − 35 + 7 = 269 mm from the
    // top), one 4号 character (14 pt) in from the 版心's right edge on page 1 and its left edge on page 2.
    const dashes = (page: number) => words[page].filter((w) => w.text === "—");
    for (const page of [0, 1]) {
      const [open, close] = dashes(page);
      expect(Math.abs((open.yMin + open.yMax) / 2 / PT_PER_MM - 269)).toBeLessThan(1);
      if (page === 0) expect(Math.abs(close.xMax - (210 - 26) * PT_PER_MM + 14)).toBeLessThan(1.5);
      else expect(Math.abs(open.xMin - 28 * PT_PER_MM - 14)).toBeLessThan(1.5);
    }
  });

  it("biganzi new (speech): centred 「— 2 —」 on page 2", () => {
    const paras: InsertParagraph[] = [{ role: "title", text: "在全市工作会议上的讲话" }];
    for (let i = 1; i <= 60; i++) paras.push({ role: "body", text: `第${i}段。要认真学习有关文件精神，抓好各项工作落实，确保取得实效。` });
    const { pages } = printed(writeDocx(paras, speech), "speech.docx");
    const one = numberLine(pages[0], 1);
    const two = numberLine(pages[1], 2);
    expect(two).toBeDefined();
    expect(Math.abs(one!.indent - two!.indent)).toBeLessThanOrEqual(2);
  });
});
