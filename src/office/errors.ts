/**
 * Plain-Chinese messages for the errors Word and Office.js raise. The docs advise choosing the
 * user-facing text by `code`: `message` is localised and meant for developers.
 */

/** Message by error code (OfficeExtension.ErrorCodes and Word.ErrorCodes; both spellings). */
const MESSAGES: Record<string, string> = {
  accessdenied: "文档处于只读或受保护状态，无法修改。",
  searchdialogisopen: "请先关闭 Word 的“查找”对话框再试。",
  searchstringinvalidortoolong: "要查找的文字过长或含有 Word 无法查找的字符，已改为选中整段。",
  generalexception: "Word 暂时无法完成这项操作，请稍后再试；若反复出现，请保存文档后重新打开。",
  itemnotfound: "文档已被修改，找不到原来的位置。请重新检查一遍。",
  invalidargument: "Word 不接受这项修改（参数无效）。请重新检查后再试。",
  notallowed: "当前状态下 Word 不允许这项操作（例如正在编辑页眉或批注），请回到正文后再试。",
  notimplemented: "当前版本的 Word 不支持这项功能，请升级 Office 或改用桌面版 Word。",
  apinotfound: "当前版本的 Word 不支持这项功能，请升级 Office 或改用桌面版 Word。",
  requestpayloadsizelimitexceeded: "文档太大，网页版 Word 无法一次处理。请分段处理，或改用桌面版 Word。",
  responsepayloadsizelimitexceeded: "文档太大，网页版 Word 无法一次读取。请改用桌面版 Word，或把文档拆成几份再检查。",
  connectionfailure: "与 Word 的连接中断了，请稍后再试。",
  activitylimitreached: "操作过于频繁，Word 暂时无法响应，请稍等片刻再试。",
  invalidrequestcontext: "文档状态已变化，请重新操作一次。",
  invalidobjectpath: "文档已被修改，原来的位置已不存在。请重新检查一遍。",
  propertynotloaded: "插件内部错误：读取了未加载的属性。请重新操作一次。",
  valuenotloaded: "插件内部错误：读取了未加载的值。请重新操作一次。",
  insertfailed: "插入内容失败，请确认光标位于正文中后再试。",
  invalidselection: "当前选择的位置无法操作，请把光标放在正文中再试。",
};

const FALLBACK = "操作没有完成，请稍后再试。若问题持续，请保存文档后重新打开 Word。";

/** Codes worth retrying after a short wait (transient conditions). */
const RETRYABLE = new Set(["generalexception", "connectionfailure", "activitylimitreached", "searchdialogisopen", "invalidrequestcontext"]);

/** The error's code, lower-cased, from an OfficeExtension.Error, an Office.Error or anything with `code`. */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const e = error as { code?: unknown; name?: unknown };
  if (typeof e.code === "string" && e.code) return e.code.toLowerCase();
  // Office.AsyncResult errors carry a numeric code and a name such as "Permission Denied".
  if (typeof e.code === "number") {
    if (e.code === 5009) return "accessdenied"; // Permission Denied
    if (e.code === 5001) return "generalexception"; // Internal Error
  }
  return undefined;
}

/** A message a clerk understands, whatever was thrown. */
export function messageFor(error: unknown): string {
  const code = errorCode(error);
  return (code && MESSAGES[code]) || FALLBACK;
}

/** True when trying again after a moment may succeed. */
export function isRetryable(error: unknown): boolean {
  const code = errorCode(error);
  return code !== undefined && RETRYABLE.has(code);
}

/** True when getOoxml failed in a way that reading paragraph by paragraph can work around. */
export function isOoxmlFallbackError(error: unknown): boolean {
  const code = errorCode(error);
  return (
    code === "requestpayloadsizelimitexceeded" ||
    code === "responsepayloadsizelimitexceeded" ||
    code === "generalexception" ||
    code === "notimplemented" ||
    code === "apinotfound"
  );
}

/** An error from Word, carrying a plain-Chinese message chosen by the Office error code. */
export class WordError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
    readonly retryable: boolean,
    override readonly cause?: unknown,
  ) {
    super(message);
    this.name = "WordError";
  }
}

/** Word.run, with any failure turned into a WordError the taskpane can show as it is. */
export function runWord<T>(batch: (context: Word.RequestContext) => Promise<T>): Promise<T> {
  return Word.run(batch).catch((e: unknown) => {
    if (e instanceof WordError) throw e;
    const raw = (e as { code?: unknown } | null)?.code;
    throw new WordError(messageFor(e), typeof raw === "string" ? raw : errorCode(e), isRetryable(e), e);
  });
}
