/** Every ReaderError the reader gives, and the plain-text and dispatch paths of readDocument. */
import { strToU8, zipSync } from "fflate";
import { readFileSync } from "fs";
import { join } from "path";
import { MAX_INPUT_BYTES, ReaderError, readDocument, readDocx, readFlatOpc, type ReaderErrorCode } from "../../../src/core/reader";
import { cfb } from "../../helpers/cfb";

const FIXTURES = join(__dirname, "..", "..", "fixtures", "docx");
const load = (name: string) => new Uint8Array(readFileSync(join(FIXTURES, name)));

function errorOf(f: () => unknown): ReaderError {
  try {
    f();
  } catch (e) {
    if (e instanceof ReaderError) return e;
    throw e;
  }
  throw new Error("no error thrown");
}

function expectCode(f: () => unknown, code: ReaderErrorCode): ReaderError {
  const e = errorOf(f);
  expect(e.code).toBe(code);
  // One plain Chinese sentence.
  expect(e.message).toMatch(/^[^\n]*[\u4e00-\u9fff][^\n]*。$/);
  return e;
}

describe("ReaderError codes", () => {
  test("random bytes are not a .docx", () => {
    const bytes = new Uint8Array(4096);
    let x = 12345;
    for (let i = 0; i < bytes.length; i++) bytes[i] = (x = (x * 1103515245 + 12345) >>> 0) >>> 24;
    bytes[0] = 0x13; // not a known signature
    expectCode(() => readDocument(bytes, "报告.docx"), "not-docx");
    expectCode(() => readDocx(bytes), "not-docx");
  });

  test("a truncated .docx is corrupt", () => {
    const full = load("gongwen.docx");
    expectCode(() => readDocument(full.subarray(0, Math.floor(full.length / 2)), "gongwen.docx"), "corrupt");
    expect(errorOf(() => readDocx(full.subarray(0, 3000))).message).toBe("文件已损坏，无法作为 .docx 打开。");
  });

  test("a zip without word/document.xml is not a .docx", () => {
    const zip = zipSync({ "hello.txt": strToU8("你好"), "[Content_Types].xml": strToU8("<Types/>") });
    expectCode(() => readDocument(zip, "a.docx"), "not-docx");
  });

  test("a document.xml with broken XML is corrupt", () => {
    const zip = zipSync({ "word/document.xml": strToU8('<w:document xmlns:w="w"><w:body><w:p><w:r><w:t>断') });
    expectCode(() => readDocument(zip, "a.docx"), "corrupt");
  });

  test("a compound file with EncryptionInfo / EncryptedPackage is a password-protected .docx", () => {
    expectCode(() => readDocument(cfb(["EncryptionInfo", "EncryptedPackage", "\u0006DataSpaces"]), "secret.docx"), "encrypted");
    expectCode(() => readDocx(cfb(["EncryptedPackage"])), "encrypted");
  });

  test("other compound files are legacy .doc; a real Word 97 file written by LibreOffice too", () => {
    const e = expectCode(() => readDocument(cfb(["WordDocument", "1Table"]), "old.doc"), "legacy-doc");
    expect(e.message).toContain("另存为 .docx");
    expectCode(() => readDocument(load("legacy.doc"), "legacy.doc"), "legacy-doc");
  });

  test("a .docx without any text is empty", () => {
    expectCode(() => readDocument(load("empty.docx"), "empty.docx"), "empty");
    expectCode(() => readDocument(new Uint8Array(0), "空.txt"), "empty");
    expectCode(() => readDocument(strToU8(" \n\u3000\n"), "空.txt"), "empty");
    // readDocx itself returns the (empty) model.
    expect(readDocx(load("empty.docx")).paragraphs.every((p) => p.text.trim() === "")).toBe(true);
  });

  test("input over 30 MB is refused before it is read", () => {
    const huge = { length: 50 * 1024 * 1024 } as unknown as Uint8Array; // nothing allocated
    const e = expectCode(() => readDocument(huge, "big.docx"), "too-large");
    expect(e.message).toBe("文件过大（50.0 MB），超过 30 MB 的上限。");
    expectCode(() => readDocx({ length: MAX_INPUT_BYTES + 1 } as unknown as Uint8Array), "too-large");
    expectCode(() => readFlatOpc({ length: MAX_INPUT_BYTES + 1 } as unknown as string), "too-large");
    expect(MAX_INPUT_BYTES).toBe(30 * 1024 * 1024);
  });

  test("unknown content with another extension is not a .docx", () => {
    expectCode(() => readDocument(strToU8("纯文本内容"), "notes.md"), "not-docx");
    expectCode(() => readDocument(strToU8("<html><body>x</body></html>"), "page.html"), "not-docx");
  });
});

describe("plain text", () => {
  const lines = "一、总体要求\r\n（一）指导思想\n";
  test("UTF-8 with and without a BOM", () => {
    for (const bytes of [strToU8(lines), new Uint8Array([0xef, 0xbb, 0xbf, ...strToU8(lines)])]) {
      const d = readDocument(bytes, "稿子.TXT");
      expect(d.source).toBe("text");
      expect(d.hasFormatting).toBe(false);
      expect(d.paragraphs.map((p) => p.text)).toEqual(["一、总体要求", "（一）指导思想"]);
    }
  });

  test("UTF-16 LE and BE with a BOM", () => {
    const le = [0xff, 0xfe];
    const be = [0xfe, 0xff];
    for (let i = 0; i < lines.length; i++) {
      const c = lines.charCodeAt(i);
      le.push(c & 0xff, c >> 8);
      be.push(c >> 8, c & 0xff);
    }
    for (const bytes of [new Uint8Array(le), new Uint8Array(be)]) {
      expect(readDocument(bytes, "a.txt").paragraphs.map((p) => p.text)).toEqual(["一、总体要求", "（一）指导思想"]);
    }
  });

  test("GB18030 (ANSI files saved by Notepad on Chinese Windows)", () => {
    // "一、要求" in GBK.
    const gbk = new Uint8Array([0xd2, 0xbb, 0xa1, 0xa2, 0xd2, 0xaa, 0xc7, 0xf3]);
    expect(readDocument(gbk, "a.txt").paragraphs[0].text).toBe("一、要求");
  });

  test("a .txt whose bytes are a zip is read as a .docx", () => {
    expect(readDocument(load("gongwen.docx"), "renamed.txt").source).toBe("docx");
  });
});
