/**
 * The finding in its sentence: a short window of the paragraph around the fault, the wrong text
 * (struck through in the card) and the text the fix puts there, with full/half-width forms and
 * invisible characters named in words so that 「,」 and 「，」 or a no-break space can be told apart.
 */
import type { Finding } from "../../core/findings";

/** Characters a clerk cannot tell apart by eye, named. */
const CHAR_NAMES: Record<string, string> = {
  ",": "半角逗号",
  "，": "全角逗号",
  ".": "半角句号",
  "。": "句号",
  ";": "半角分号",
  "；": "全角分号",
  ":": "半角冒号",
  "：": "全角冒号",
  "?": "半角问号",
  "？": "全角问号",
  "!": "半角叹号",
  "！": "全角叹号",
  "(": "半角左括号",
  ")": "半角右括号",
  "（": "全角左括号",
  "）": "全角右括号",
  '"': "半角引号",
  "'": "半角单引号",
  "“": "左引号",
  "”": "右引号",
  "-": "连字符",
  "—": "破折号",
  "~": "半角波浪号",
  "～": "全角波浪号",
  " ": "半角空格",
  "\u3000": "全角空格",
  "\u00a0": "不间断空格",
  "\u200b": "零宽空格",
  "\u200c": "零宽非连接符",
  "\u200d": "零宽连接符",
  "\u2060": "零宽不换行空格",
  "\ufeff": "零宽不换行空格",
  "\t": "制表符",
};

/** Invisible: shown as a visible mark in the card, never as itself. */
const INVISIBLE = new Set([" ", "\u3000", "\u00a0", "\u200b", "\u200c", "\u200d", "\u2060", "\ufeff", "\t"]);

/** The name of a short string made of named characters (「半角逗号」, 「2 个不间断空格」), else undefined. */
export function nameOf(s: string): string | undefined {
  if (s.length === 0 || s.length > 4) return undefined;
  const first = s[0];
  const name = CHAR_NAMES[first];
  if (!name) return undefined;
  for (let i = 1; i < s.length; i++) if (s[i] !== first) return undefined;
  return s.length === 1 ? name : `${s.length} 个${name}`;
}

/** The string with invisible characters replaced by a visible mark (·), for display. */
export function visible(s: string): string {
  let out = "";
  for (const ch of s) out += INVISIBLE.has(ch) ? "␣" : ch;
  return out;
}

/** 「半角逗号「,」」 for a named string, 「「处臵」」 otherwise; 「（删除）」 for nothing. */
export function describe(s: string): string {
  if (s.length === 0) return "（删除）";
  const name = nameOf(s);
  if (!name) return `「${visible(s)}」`;
  return INVISIBLE.has(s[0]) ? name : `${name}「${s}」`;
}

export interface FindingContext {
  /** Text before the fault (with … when cut). */
  before: string;
  /** The faulty text, to strike through (empty when the fault is a missing character). */
  removed: string;
  /** The text the fix puts there; undefined when the finding has no single text fix. */
  inserted?: string;
  after: string;
  /** One line saying the change in words (「半角逗号「,」改为全角逗号「，」」), when it can be said. */
  change?: string;
}

/** Characters shown on each side of the fault. */
export const CONTEXT_CHARS = 12;

/**
 * The window around the finding in `text` (its paragraph as checked). The fix's edit is shown when
 * the finding has exactly one text edit in its own paragraph; otherwise the finding's range.
 */
export function findingContext(f: Finding, text: string, radius = CONTEXT_CHARS): FindingContext {
  const edits = f.fix?.text ?? [];
  const edit = edits.length === 1 && edits[0].paragraph === f.paragraph ? edits[0] : undefined;
  const clamp = (n: number) => Math.max(0, Math.min(text.length, n));
  const start = clamp(edit ? edit.start : f.start);
  const end = clamp(edit ? edit.end : f.end);
  const from = clamp(start - radius);
  const to = clamp(end + radius);
  const removed = text.slice(start, end);
  const ctx: FindingContext = {
    before: (from > 0 ? "…" : "") + visible(text.slice(from, start)),
    removed,
    after: visible(text.slice(end, to)) + (to < text.length ? "…" : ""),
  };
  if (edit) {
    ctx.inserted = edit.text;
    if (nameOf(removed) || nameOf(edit.text)) {
      ctx.change = removed.length === 0 ? `插入${describe(edit.text)}` : edit.text.length === 0 ? `删除${describe(removed)}` : `${describe(removed)}改为${describe(edit.text)}`;
    }
  } else if (nameOf(removed)) {
    ctx.change = describe(removed);
  }
  return ctx;
}
