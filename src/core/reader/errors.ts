export type ReaderErrorCode = "not-docx" | "corrupt" | "encrypted" | "legacy-doc" | "empty" | "too-large";

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

/** Largest total size of the XML parts of a .docx once unzipped (guards against zip bombs). */
export const MAX_UNZIPPED_BYTES = 300 * 1024 * 1024;

export function tooLarge(size: number): ReaderError {
  const mb = (size / (1024 * 1024)).toFixed(1);
  return new ReaderError("too-large", `文件过大（${mb} MB），超过 ${MAX_INPUT_BYTES / (1024 * 1024)} MB 的上限。`);
}

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
