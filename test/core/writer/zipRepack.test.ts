/**
 * `format` writes the package back with only the parts it edits re-compressed: every other entry's
 * compressed bytes are copied as they are (never inflated), and the result is a valid zip.
 */
import * as fs from "fs";
import * as path from "path";
import { strToU8, unzipSync, zipSync } from "fflate";
import { resolveProfile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { BoundedZip, readZipEntries } from "../../../src/core/reader/zip";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { repackZip } from "../../../src/core/writer/zipRepack";

const load = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "docx", name)));
const spec = resolveProfile("gongwen").format;

/** The compressed bytes of each entry, by name. */
function rawEntries(bytes: Uint8Array): Map<string, Uint8Array> {
  return new Map(readZipEntries(bytes).map((e) => [e.name, bytes.subarray(e.dataStart, e.dataStart + e.compressedSize)]));
}

/** CRC-32 computed independently of the writer, to check the CRCs it writes. */
function crc(data: Uint8Array): number {
  let c = ~0;
  for (const b of data) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

describe("repackZip", () => {
  test.each(["gongwen.docx", "gongwen-lo.docx", "lo-outline.docx"])("%s: untouched entries are copied compressed; the zip is valid", (name) => {
    const input = load(name);
    const out = formatDocx(input, spec).bytes;
    const before = rawEntries(input);
    const after = rawEntries(out);
    // settings.xml: odd/even page-number footers switch on w:evenAndOddHeaders (a document without footers).
    const edited = ["word/document.xml", "word/styles.xml", "word/_rels/document.xml.rels", "[Content_Types].xml", "word/settings.xml"];
    for (const [n, raw] of before) {
      expect(after.has(n)).toBe(true);
      if (!edited.includes(n)) expect(Buffer.compare(Buffer.from(after.get(n)!), Buffer.from(raw))).toBe(0);
    }
    // Another zip reader agrees, and every CRC the writer put in matches the content.
    const files = unzipSync(out);
    for (const e of readZipEntries(out)) expect(crc(files[e.name])).toBe(e.crc);
    expect(readDocx(out).paragraphs.length).toBe(readDocx(input).paragraphs.length);
  });

  test("an entry that is not valid deflate data is copied, not inflated", () => {
    const input = zipSync({ "a.xml": strToU8("<a/>"), "img.png": [strToU8("y".repeat(3000)), { level: 0 }] });
    const e = readZipEntries(input).find((x) => x.name === "img.png")!;
    const broken = input.slice();
    broken.fill(0xfe, e.dataStart, e.dataStart + e.compressedSize);
    const out = repackZip(new BoundedZip(broken), new Map([["a.xml", strToU8("<b/>")], ["new/part.xml", strToU8("<c/>")]]));
    const raw = rawEntries(out);
    expect(Array.from(raw.get("img.png")!)).toEqual(Array.from(broken.subarray(e.dataStart, e.dataStart + e.compressedSize)));
    const zip = new BoundedZip(out);
    expect(new TextDecoder().decode(zip.read("a.xml"))).toBe("<b/>");
    expect(new TextDecoder().decode(zip.read("new/part.xml"))).toBe("<c/>");
    expect(readZipEntries(out).map((x) => x.name)).toEqual(["a.xml", "img.png", "new/part.xml"]);
  });
});
