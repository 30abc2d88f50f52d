/** The shape of the curated wrong-word lists (see ../typos.ts). */

/**
 * Why a wrong word is wrong, for the finding's message:
 * - sound: a character of the same or a close sound (布署 for 部署);
 * - shape: a character of similar shape (迁徒 for 迁徙);
 * - fixed: an idiom or set phrase has one fixed written form (再接再励 for 再接再厉);
 * - variant: a variant form that 《第一批异形词整理表》 (教育部、国家语委 2001) settles in favour of another;
 * - norm: a form the 《现代汉语词典》 norms no longer use (帐号 for 账号, 其它 for 其他).
 */
export type TypoKind = "sound" | "shape" | "fixed" | "variant" | "norm";

export interface TypoEntry {
  wrong: string;
  right: string;
  /** Why it is wrong (builtin entries always say; a unit's extra pairs do not). */
  kind?: TypoKind;
  /**
   * "error" (never correct) unless stated; "warning" when context can make the wrong form right;
   * "info" for variant forms that older texts used correctly.
   */
  severity?: "error" | "warning" | "info";
  /** The match is cancelled when the character just before it is one of these. */
  notAfter?: string;
  /** The match is cancelled when the text right after it starts with one of these. */
  notBefore?: string[];
  /** The match is cancelled when one of these follows later in the same clause (up to 30 chars). */
  unlessLater?: string[];
  /** Extra words for the message, e.g. what the right word means. */
  note?: string;
}

/**
 * Entries of one kind from compact "wrong>right" strings; `extra` (severity, guards) applies to
 * all of them. Keeps the lists readable: one pair a string, guards only where they are needed.
 */
export function pairs(kind: TypoKind, list: string[], extra: Omit<TypoEntry, "wrong" | "right" | "kind"> = {}): TypoEntry[] {
  const out: TypoEntry[] = [];
  for (const s of list) {
    const k = s.indexOf(">");
    out.push({ wrong: s.slice(0, k), right: s.slice(k + 1), kind, ...extra });
  }
  return out;
}
