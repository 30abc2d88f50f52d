/**
 * The reader's limits (src/core/reader/errors.ts), in-process and small: each is driven with caps
 * lowered or with compact inputs; the full-size hostile files run through the CLI in
 * test/cli/hostile.test.ts.
 */
import { deflateSync, strToU8, zipSync, type Zippable } from "fflate";
import { ReaderError, readDocument, readDocx, readFlatOpc, type ReaderErrorCode } from "../../../src/core/reader";
import { MAX_PARAGRAPHS, MAX_XML_DEPTH } from "../../../src/core/reader/errors";
import { formatNumber } from "../../../src/core/reader/numformat";
import { parseXml, xmlLimits } from "../../../src/core/reader/xml";
import { BoundedZip, readZipEntries } from "../../../src/core/reader/zip";

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const R = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

function docx(body: string, extra: Zippable = {}, numbering?: string): Uint8Array {
  const files: Zippable = {
    "_rels/.rels": strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="r1" Type="${R}/officeDocument" Target="word/document.xml"/></Relationships>`,
    ),
    "word/document.xml": strToU8(`<w:document ${W}><w:body>${body}</w:body></w:document>`),
    ...extra,
  };
  if (numbering) {
    files["word/_rels/document.xml.rels"] = strToU8(
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="n" Type="${R}/numbering" Target="numbering.xml"/></Relationships>`,
    );
    files["word/numbering.xml"] = strToU8(`<w:numbering ${W}>${numbering}</w:numbering>`);
  }
  return zipSync(files);
}

const p = (t: string, pPr = "") => `<w:p>${pPr ? `<w:pPr>${pPr}</w:pPr>` : ""}<w:r><w:t>${t}</w:t></w:r></w:p>`;

function refusal(f: () => unknown): ReaderError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error("not refused");
}

function expectRefused(f: () => unknown, code: ReaderErrorCode, says: RegExp): void {
  const e = refusal(f);
  expect(e.code).toBe(code);
  expect(e.message).toMatch(says);
  // One Chinese sentence that also says what to do.
  expect(e.message).toMatch(/^[^\n]*(上限|异常)[^\n]*请[^\n]*。$/);
}

describe("list counters", () => {
  const numbering = (fmt: string, start: string) =>
    `<w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:start w:val="${start}"/><w:numFmt w:val="${fmt}"/><w:lvlText w:val="%1."/></w:lvl></w:abstractNum><w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>`;
  const listed = p("项", '<w:numPr><w:ilvl w:val="0"/><w:numId w:val="1"/></w:numPr>');

  test("a start of 2,600,000,000 in letter format gives a short label, not 100 million letters", () => {
    const doc = readDocx(docx(listed + listed, {}, numbering("upperLetter", "2600000000")));
    const labels = doc.paragraphs.map((x) => x.listLabel ?? "");
    expect(labels.every((l) => l.length <= 12)).toBe(true);
    expect(labels[0]).toBe("2147483647.");
  });

  test("letter labels repeat up to ten letters, then show digits", () => {
    expect(formatNumber(27, "upperLetter")).toBe("AA");
    expect(formatNumber(260, "lowerLetter")).toBe("z".repeat(10));
    expect(formatNumber(261, "lowerLetter")).toBe("261");
    expect(formatNumber(2_600_000_000, "upperLetter")).toBe("2600000000");
  });

  test("an ordinary letter list is unchanged", () => {
    const doc = readDocx(docx(listed + listed + listed, {}, numbering("lowerLetter", "1")));
    expect(doc.paragraphs.map((x) => x.listLabel)).toEqual(["a.", "b.", "c."]);
  });
});

describe("XML depth and size", () => {
  test(`nesting deeper than ${MAX_XML_DEPTH} is refused with its own message (not a stack overflow)`, () => {
    const deep = "<w:sdt><w:sdtContent>".repeat(50_000) + p("深") + "</w:sdtContent></w:sdt>".repeat(50_000);
    expectRefused(() => readDocx(docx(p("正文") + deep)), "too-complex", /嵌套超过 512 层/);
    const flat = `<pkg:package xmlns:pkg="p"><pkg:part pkg:name="/word/document.xml"><pkg:xmlData><w:document ${W}><w:body>${"<w:customXml>".repeat(100_000)}${p("深")}${"</w:customXml>".repeat(100_000)}</w:body></w:document></pkg:xmlData></pkg:part></pkg:package>`;
    expectRefused(() => readFlatOpc(flat), "too-complex", /嵌套超过 512 层/);
  });

  test("nesting within the limit is read (tables in tables)", () => {
    let body = p("最里层");
    for (let i = 0; i < 60; i++) body = `<w:tbl><w:tr><w:tc>${body}</w:tc></w:tr></w:tbl>`;
    expect(readDocx(docx(body)).paragraphs.map((x) => x.text)).toEqual(["最里层"]);
  });

  test("the element budget is shared and counted down", () => {
    const limits = xmlLimits(5, 10);
    parseXml("<a><b/><c/></a>", limits);
    expect(limits.budget.elements).toBe(2);
    expect(() => parseXml("<a><b/><c/></a>", limits)).toThrow(/150 万个/);
    expect(() => parseXml("<a><b><c><d/></c></b></a>", xmlLimits(100, 3))).toThrow(/嵌套/);
  });

  test(`more than ${MAX_PARAGRAPHS} paragraphs are refused; in a .txt before any paragraph is built`, () => {
    const lines = new Uint8Array(MAX_PARAGRAPHS + 5).fill(10);
    lines[0] = 0x41;
    expectRefused(() => readDocument(lines, "a.txt"), "too-large", /超过 10 万段/);
    expectRefused(() => readDocx(docx(p("段").repeat(MAX_PARAGRAPHS + 1))), "too-large", /超过 10 万段/);
  });

  test("a paragraph over 2 million characters is refused", () => {
    expectRefused(() => readDocument(strToU8("字".repeat(2_000_001)), "a.txt"), "too-large", /有一段超过 200 万字/);
    // Varied text, so that the compression-ratio check does not refuse it first.
    expectRefused(() => readDocx(docx(p(cjk(2_000_001)))), "too-large", /有一段超过 200 万字/);
  });
});

describe("the zip", () => {
  test("parts the reader does not need are never inflated (a broken image does not matter)", () => {
    const bytes = docx(p("同志们：今天开会。"), { "word/media/image1.png": [strToU8("x".repeat(5000)), { level: 0 }] });
    // Overwrite the stored image with bytes that are not a deflate stream, marked as deflated.
    const e = readZipEntries(bytes).find((x) => x.name.endsWith("image1.png"))!;
    const broken = bytes.slice();
    broken.fill(0xff, e.dataStart, e.dataStart + e.compressedSize);
    const view = new DataView(broken.buffer);
    const centralMethod = findCentral(broken, "word/media/image1.png") + 10;
    view.setUint16(centralMethod, 8, true);
    expect(readDocx(broken).paragraphs[0].text).toBe("同志们：今天开会。");
  });

  test("a part bigger than the per-part cap, and parts over the total cap, are refused while inflating", () => {
    const big = docx(p("甲".repeat(30_000)));
    expectRefused(() => new BoundedZip(big, { partBytes: 50_000 }).read("word/document.xml"), "too-large", /“正文”部分解压后超过/);
    const two = docx(p("乙"), { "word/header1.xml": strToU8(`<w:hdr ${W}>${p("丙".repeat(20_000))}</w:hdr>`) });
    const zip = new BoundedZip(two, { totalBytes: 40_000 });
    zip.read("word/document.xml");
    expectRefused(() => zip.read("word/header1.xml"), "too-large", /合计超过/);
  });

  test("an implausible compression ratio is refused", () => {
    const bomb = docx(p(" ".repeat(3_000_000)));
    expectRefused(() => new BoundedZip(bomb, { ratioFloor: 100_000 }).read("word/document.xml"), "too-complex", /压缩比异常/);
  });

  test("a zip claiming more entries than the limit is refused without walking them", () => {
    const ok = docx(p("正文"));
    const lie = ok.slice();
    const eocd = lie.length - 22;
    new DataView(lie.buffer).setUint16(eocd + 10, 60_000, true);
    expectRefused(() => readDocx(lie), "too-complex", /部件超过 10000 个/);
  });

  test("declared sizes are not trusted: a part declaring 1 byte is read in full", () => {
    const ok = docx(p("同志们：今天开会。"));
    const lie = ok.slice();
    const at = findCentral(lie, "word/document.xml");
    new DataView(lie.buffer).setUint32(at + 24, 1, true);
    expect(readDocx(lie).paragraphs[0].text).toBe("同志们：今天开会。");
  });

  test("a deflate stream cut short is corrupt, not a crash", () => {
    const data = deflateSync(strToU8(`<w:document ${W}><w:body>${p("正文")}</w:body></w:document>`));
    const bytes = docx(p("x"));
    const e = readZipEntries(bytes).find((x) => x.name === "word/document.xml")!;
    const cut = bytes.slice();
    cut.fill(0, e.dataStart + Math.min(e.compressedSize, data.length) - 4, e.dataStart + e.compressedSize);
    expect(refusal(() => readDocx(cut)).code).toBe("corrupt");
  });
});

/** Pseudo-random CJK text (compresses about as badly as real prose). */
function cjk(n: number): string {
  const codes = new Uint16Array(n);
  let x = 2463534242;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    codes[i] = 0x4e00 + ((x >>> 0) % 3000);
  }
  let s = "";
  for (let i = 0; i < n; i += 8192) s += String.fromCharCode(...codes.subarray(i, i + 8192));
  return s;
}

/** Offset of the central directory record of `name`. */
function findCentral(b: Uint8Array, name: string): number {
  const target = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < b.length; i++) {
    if (b[i] !== 0x50 || b[i + 1] !== 0x4b || b[i + 2] !== 1 || b[i + 3] !== 2) continue;
    const len = b[i + 28] | (b[i + 29] << 8);
    if (len === target.length && target.every((c, k) => b[i + 46 + k] === c)) return i;
  }
  throw new Error("no central record for " + name);
}
