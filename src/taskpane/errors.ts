/** Turning any thrown value into one plain Chinese sentence for the clerk. */

export const GENERIC_ERROR = "操作没有完成，请重试。如果反复出现，请关闭任务窗格后重新打开。";

const HAN = /[\u4e00-\u9fff]/;

/** The error's own message when it is written in Chinese (ours are), else a generic sentence. */
export function userMessage(e: unknown): string {
  const msg = e instanceof Error ? e.message : typeof e === "string" ? e : "";
  return msg && HAN.test(msg) ? msg : GENERIC_ERROR;
}
