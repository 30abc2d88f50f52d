export type ReaderErrorCode = "not-docx" | "corrupt" | "encrypted" | "legacy-doc" | "empty" | "too-large" | "too-complex";

/** A file the reader cannot turn into a document. `message` is one plain Chinese sentence for the user. */
export class ReaderError extends Error {
  constructor(
    public code: ReaderErrorCode,
    message: string,
  ) {
    super(message);
    this.name = "ReaderError";
  }
}

/** Largest input accepted (bytes of a file, or characters of a flat-OPC string). */
export const MAX_INPUT_BYTES = 30 * 1024 * 1024;

/*
 * Limits on what an input may make us build. Each is far above any real document (a 1,000-page
 * report has some 30,000 paragraphs, a 10 MB document.xml and 1.5 million characters) and low
 * enough that the worst input within all of them stays at a few hundred MB and a few seconds.
 * Declared sizes in a zip are never trusted: inflated bytes are counted as they come out.
 */

/** Entries of a zip (the central directory is walked, never trusted for its count). */
export const MAX_ZIP_ENTRIES = 10_000;
/** Bytes of one part once inflated (document.xml, styles.xml…). */
export const MAX_PART_BYTES = 64 * 1024 * 1024;
/** Bytes of all the parts the reader inflates, together. */
export const MAX_UNZIPPED_BYTES = 128 * 1024 * 1024;
/** Inflated / compressed size of a part, checked once it has inflated past RATIO_FLOOR_BYTES. */
export const MAX_COMPRESSION_RATIO = 200;
export const RATIO_FLOOR_BYTES = 4 * 1024 * 1024;
/** Nesting depth of XML elements (recursive walks stay far from the stack limit). */
export const MAX_XML_DEPTH = 512;
/** XML elements parsed for one document, all parts together. */
export const MAX_XML_ELEMENTS = 1_500_000;
/** Paragraphs of one document (body, headers, notes, text boxes together). */
export const MAX_PARAGRAPHS = 100_000;
/** Characters of one paragraph, and of the whole document (list labels included). */
export const MAX_PARAGRAPH_CHARS = 2_000_000;
export const MAX_TEXT_CHARS = 10_000_000;

const MB = 1024 * 1024;
const SPLIT = "请把文档拆成几个较小的文件后再检查。";
const RESAVE = "请在 Word 中打开并另存为 .docx 后再检查。";

export function tooLarge(size: number): ReaderError {
  const mb = (size / MB).toFixed(1);
  return new ReaderError("too-large", `文件过大（${mb} MB），超过 ${MAX_INPUT_BYTES / MB} MB 的上限。`);
}

/** The refusals of the limits above: which limit, and what to do. */
export const LIMITS = {
  entries: () => new ReaderError("too-complex", `文件中的部件超过 ${MAX_ZIP_ENTRIES} 个的上限，不像正常的 Word 文档，已停止读取。${RESAVE}`),
  part: (name: string) =>
    new ReaderError("too-large", `文档的“${name}”部分解压后超过 ${MAX_PART_BYTES / MB} MB 的上限，已停止读取。${SPLIT}`),
  total: () => new ReaderError("too-large", `文档各部分解压后合计超过 ${MAX_UNZIPPED_BYTES / MB} MB 的上限，已停止读取。${SPLIT}`),
  ratio: (name: string) =>
    new ReaderError(
      "too-complex",
      `文档的“${name}”部分压缩比异常（解压后超过压缩时的 ${MAX_COMPRESSION_RATIO} 倍），可能是恶意构造的文件，已停止读取。${RESAVE}`,
    ),
  depth: () => new ReaderError("too-complex", `文档的 XML 嵌套超过 ${MAX_XML_DEPTH} 层的上限，已停止读取。${RESAVE}`),
  elements: () =>
    new ReaderError("too-complex", `文档的 XML 元素超过 ${MAX_XML_ELEMENTS / 10_000} 万个的上限，已停止读取。${SPLIT}`),
  paragraphs: () => new ReaderError("too-large", `文档超过 ${MAX_PARAGRAPHS / 10_000} 万段的上限，已停止读取。${SPLIT}`),
  paragraphChars: () =>
    new ReaderError("too-large", `文档中有一段超过 ${MAX_PARAGRAPH_CHARS / 10_000} 万字的上限，已停止读取。请把这一段分成几段后再检查。`),
  textChars: () => new ReaderError("too-large", `文档文字超过 ${MAX_TEXT_CHARS / 10_000} 万字的上限，已停止读取。${SPLIT}`),
};

export const MESSAGES = {
  notDocx: "这不是 Word 文档（.docx），无法读取。",
  zipNotDocx: "这个压缩文件不是 Word 文档（.docx），其中没有正文部分。",
  corrupt: "文件已损坏，无法作为 .docx 打开。",
  corruptXml: "文件已损坏：正文的 XML 内容不完整，无法读取。",
  encrypted: "文件设有打开密码，请在 Word 中取消密码后再检查。",
  legacyDoc: "这是旧版 .doc 文件，请在 Word 中另存为 .docx 后再检查。",
  empty: "文档中没有任何文字。",
  unzippedTooLarge: "文件解压后内容过大，超出可处理的上限。",
  notFlatOpc: "收到的内容不是 Word 文档的 XML 包，无法读取。",
  badText: "无法识别文本文件的编码，请另存为 UTF-8 后再检查。",
} as const;
