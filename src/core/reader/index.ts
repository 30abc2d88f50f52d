/**
 * The OOXML reader: a .docx file, the flat-OPC package of Word's getOoxml(), or a .txt
 * file → DocModel. Pure TypeScript (fflate for the zip, a small XML tokenizer of our own).
 */
import { docFromText, type DocModel } from "../model";
import { isCfb, isEncryptedPackage } from "./cfb";
import { buildModel } from "./document";
import { LIMITS, MAX_INPUT_BYTES, MAX_PARAGRAPHS, MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS, MESSAGES, ReaderError, tooLarge } from "./errors";
import { FlatOpcPackage, ZipPackage, decodeXmlBytes, isFlatOpcRoot } from "./package";
import { XmlError, parseXml } from "./xml";

export { MAX_INPUT_BYTES, ReaderError } from "./errors";
export {
  MAX_COMPRESSION_RATIO,
  MAX_PARAGRAPHS,
  MAX_PARAGRAPH_CHARS,
  MAX_PART_BYTES,
  MAX_TEXT_CHARS,
  MAX_UNZIPPED_BYTES,
  MAX_XML_DEPTH,
  MAX_XML_ELEMENTS,
  MAX_ZIP_ENTRIES,
} from "./errors";
export type { ReaderErrorCode } from "./errors";

function isZip(b: Uint8Array): boolean {
  return b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && (b[2] === 3 || b[2] === 5 || b[2] === 7) && (b[3] === 4 || b[3] === 6 || b[3] === 8);
}

function checkSize(length: number): void {
  if (length > MAX_INPUT_BYTES) throw tooLarge(length);
}

function cfbError(bytes: Uint8Array): ReaderError {
  return isEncryptedPackage(bytes)
    ? new ReaderError("encrypted", MESSAGES.encrypted)
    : new ReaderError("legacy-doc", MESSAGES.legacyDoc);
}

/** Reads a .docx (zip) file. */
export function readDocx(bytes: Uint8Array): DocModel {
  checkSize(bytes.length);
  if (!isZip(bytes)) {
    if (isCfb(bytes)) throw cfbError(bytes);
    throw new ReaderError("not-docx", MESSAGES.notDocx);
  }
  return buildModel(new ZipPackage(bytes), "docx");
}

/** Reads the flat-OPC XML package (pkg:package) that Word's body.getOoxml() returns. */
export function readFlatOpc(xml: string): DocModel {
  checkSize(xml.length);
  let root;
  try {
    root = parseXml(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new ReaderError("corrupt", MESSAGES.corruptXml);
    throw e;
  }
  if (!isFlatOpcRoot(root)) throw new ReaderError("not-docx", MESSAGES.notFlatOpc);
  return buildModel(new FlatOpcPackage(root), "flatopc");
}

/** Decodes a text file: UTF-8 (BOM optional), UTF-16 LE/BE with a BOM, else GB18030. */
export function decodeText(b: Uint8Array): string {
  if (b.length >= 3 && b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return new TextDecoder("utf-8").decode(b.subarray(3));
  if (b.length >= 2 && b[0] === 0xff && b[1] === 0xfe) return new TextDecoder("utf-16le").decode(b.subarray(2));
  if (b.length >= 2 && b[0] === 0xfe && b[1] === 0xff) return new TextDecoder("utf-16be").decode(b.subarray(2));
  try {
    return new TextDecoder("utf-8", { fatal: true }).decode(b);
  } catch {
    try {
      return new TextDecoder("gb18030", { fatal: true }).decode(b);
    } catch {
      throw new ReaderError("not-docx", MESSAGES.badText);
    }
  }
}

/**
 * Plain text under the same limits as a .docx, checked in one pass before any paragraph is built
 * (30 MB of line breaks would otherwise become 30 million paragraph objects).
 */
function checkTextLimits(text: string): void {
  if (text.length > MAX_TEXT_CHARS) throw LIMITS.textChars();
  let lines = 1;
  let lineStart = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13 || c === 0x2029) {
      if (c === 13 && text.charCodeAt(i + 1) === 10) i++;
      if (i - lineStart > MAX_PARAGRAPH_CHARS) throw LIMITS.paragraphChars();
      lineStart = i + 1;
      if (++lines > MAX_PARAGRAPHS + 1) throw LIMITS.paragraphs();
    }
  }
  if (text.length - lineStart > MAX_PARAGRAPH_CHARS) throw LIMITS.paragraphChars();
}

/** True when the bytes start (after a BOM and white space) with "<". */
function looksLikeXml(b: Uint8Array): boolean {
  let i = 0;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) i = 3;
  else if ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff)) return true;
  while (i < b.length && (b[i] === 0x20 || b[i] === 0x09 || b[i] === 0x0a || b[i] === 0x0d)) i++;
  return b[i] === 0x3c;
}

/** True when any paragraph, in the body or elsewhere (text boxes, headers…), has visible text. */
function hasText(doc: DocModel): boolean {
  for (const p of doc.paragraphs) if (/\S/.test(p.text)) return true;
  for (const p of doc.otherParagraphs) if (/\S/.test(p.text)) return true;
  return false;
}

/**
 * Reads any supported input, choosing the reader from the content (and, for plain text,
 * the file name). Throws ReaderError with a Chinese message for anything it cannot read,
 * including a document without any text ("empty").
 */
export function readDocument(bytes: Uint8Array, fileName: string): DocModel {
  checkSize(bytes.length);
  let doc: DocModel;
  if (isZip(bytes)) {
    doc = readDocx(bytes);
  } else if (isCfb(bytes)) {
    throw cfbError(bytes);
  } else if (/\.txt$/i.test(fileName)) {
    const text = decodeText(bytes);
    checkTextLimits(text);
    doc = docFromText(text);
  } else if (looksLikeXml(bytes)) {
    const xml = decodeXmlBytes(bytes).replace(/^\uFEFF/, "");
    const head = xml.trimStart();
    if (!head.startsWith("<?xml") && !head.startsWith("<pkg:package")) throw new ReaderError("not-docx", MESSAGES.notDocx);
    doc = readFlatOpc(xml);
  } else {
    throw new ReaderError("not-docx", MESSAGES.notDocx);
  }
  if (!hasText(doc)) throw new ReaderError("empty", MESSAGES.empty);
  return doc;
}
