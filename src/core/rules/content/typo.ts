/**
 * typo: 「臵」 for 「置」, accidental doubled function characters (的的, 了了) and a curated list of
 * frequent wrong words (布署 → 部署), plus 截止 directly before a date (→ 截至).
 *
 * One charCodeAt pass per paragraph: a 64K-entry flag table built once at module load says which
 * characters can start anything of interest, so every other character costs one table lookup;
 * the wrong words are indexed by the char code of their first character, and each entry's
 * message and fix description are built once.
 */
import { DOUBLED_FUNCTION_CHARS, LEGIT_REDUPLICATIONS, TYPO_ENTRIES, type DoubledGuard, type TypoEntry } from "../../data/typos";
import type { Rule, RuleContext } from "../types";
import { nextMarked } from "../../text/chars";
import { hanAt, isAnyDigitCode } from "./shared";

/** A wrong word with its finding text prepared once. */
interface Prepared {
  e: TypoEntry;
  wrong: string;
  len: number;
  /** Char code of the second character (-1 for a one-character word): a cheap test before startsWith. */
  c2: number;
  right: string;
  message: string;
  description: string;
  severity: "warning" | "info" | undefined;
}

/** Flags in the first-character table. */
const F_WORD = 1;
const F_DOUBLED = 2;
const F_ZHI = 4; // 臵
const F_JIE = 8; // 截

const ZHI = 0x81f5; // 臵
const JIE = 0x622a; // 截
const ZHI_STOP = 0x6b62; // 止
const DAO = 0x5230; // 到
const ZHI_TO = 0x81f3; // 至

interface Index {
  flags: Uint8Array;
  words: Map<number, Prepared[]>;
}

function prepare(e: TypoEntry): Prepared {
  const sev = e.severity ?? "error";
  const note = e.note ? `（${e.note}）` : "";
  return {
    e,
    wrong: e.wrong,
    len: e.wrong.length,
    c2: e.wrong.length > 1 ? e.wrong.charCodeAt(1) : -1,
    right: e.right,
    message:
      sev === "info"
        ? `“${e.wrong}”建议写作“${e.right}”${note}`
        : `“${e.wrong}”${sev === "error" ? "是错别字" : "可能有误"}，应为“${e.right}”${note}`,
    description: `改为“${e.right}”`,
    severity: sev !== "error" ? sev : undefined,
  };
}

/** Doubled-character guards by char code, with their messages. */
interface Doubled {
  guard: DoubledGuard;
  ch: string;
  legit: boolean;
  description: string;
}
const DOUBLED = new Map<number, Doubled>();
for (const ch of Object.keys(DOUBLED_FUNCTION_CHARS)) {
  DOUBLED.set(ch.charCodeAt(0), {
    guard: DOUBLED_FUNCTION_CHARS[ch],
    ch,
    legit: LEGIT_REDUPLICATIONS.has(ch + ch),
    description: `删去多余的“${ch}”`,
  });
}

function buildIndex(entries: TypoEntry[]): Index {
  const words = new Map<number, Prepared[]>();
  for (const e of entries) {
    if (!e.wrong || e.wrong === e.right) continue;
    const k = e.wrong.charCodeAt(0);
    const list = words.get(k) ?? [];
    list.push(prepare(e));
    words.set(k, list);
  }
  // Longest first, so 「一如继往」 wins over a shorter entry starting with 「一」 (stable for equal lengths).
  for (const list of words.values()) list.sort((a, b) => b.len - a.len);
  const flags = new Uint8Array(0x10000);
  for (const k of words.keys()) flags[k] |= F_WORD;
  for (const k of DOUBLED.keys()) flags[k] |= F_DOUBLED;
  flags[ZHI] |= F_ZHI;
  flags[JIE] |= F_JIE;
  return { flags, words };
}

const BUILTIN_INDEX = buildIndex(TYPO_ENTRIES);

/** What may follow 「截止」 when it is meant as 「截至」 (up to a point in time). */
const JIEZHI_TIME_WORDS = [
  "目前", "今年", "去年", "前年", "上年", "本年", "当年", "当前", "本月", "上月", "今天", "今日", "昨天", "昨日", "年底", "年末",
  "月底", "月末", "上半年", "本季度", "上季度", "发稿", "报告期",
];
const JIEZHI_MSG = "表示“到某时为止”应写“截至”，“截止”后面直接跟时间时应改为“截至”";
const JIEZHI_MSG3 = (wrong: string): string => `表示“到某时为止”应写“截至”，“${wrong}”后面直接跟时间时应改为“截至”`;
const JIEZHI_FIX = "改为“截至”";

/** 一/二 followed by 〇 ○ 零 九: the start of a year written in Chinese numerals. */
function cnYearStart(text: string, k: number): boolean {
  const a = text.charCodeAt(k);
  if (a !== 0x4e00 && a !== 0x4e8c) return false; // 一 二
  const b = text.charCodeAt(k + 1);
  return b === 0x3007 || b === 0x25cb || b === 0x96f6 || b === 0x4e5d; // 〇 ○ 零 九
}

function clauseHasLater(text: string, from: number, words: string[]): boolean {
  const end = text.length < from + 30 ? text.length : from + 30;
  for (let j = from; j < end; j++) {
    const c = text.charCodeAt(j);
    if (c === 0x3002 || c === 0xff1b || c === 0xff01 || c === 0xff1f) return false; // 。；！？
    for (let w = 0; w < words.length; w++) if (text.startsWith(words[w], j)) return true;
  }
  return false;
}

function startsWithAny(text: string, at: number, words: readonly string[]): boolean {
  for (let w = 0; w < words.length; w++) if (text.startsWith(words[w], at)) return true;
  return false;
}

function extraEntries(options: Record<string, unknown>): TypoEntry[] | null {
  const raw = options.extraPairs;
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: TypoEntry[] = [];
  for (const pair of raw) {
    if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string" && pair[0].length > 0) {
      out.push({ wrong: pair[0], right: pair[1] });
    }
  }
  return out.length ? out : null;
}

function checkParagraph(ctx: RuleContext, paragraph: number, text: string, index: Index): void {
  const flags = index.flags;
  const n = text.length;
  let i = 0;
  while (i < n) {
    i = nextMarked(text, i, flags);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const f = flags[c];

    // 臵 → 置 (a font/OCR artefact)
    if (f & F_ZHI) {
      const word = hanAt(text, i - 1) ? text[i - 1] + "臵" : hanAt(text, i + 1) ? "臵" + text[i + 1] : "臵";
      const right = word.replace("臵", "置");
      ctx.report({
        paragraph,
        start: i,
        end: i + 1,
        message: `“${word}”中的“臵”是错字（多由从PDF复制文字造成），应为“${right}”`,
        messageId: "zhi-glyph",
        fix: { description: "改为“置”", text: [{ paragraph, start: i, end: i + 1, text: "置" }] },
      });
      i++;
      continue;
    }

    // 截止 + date → 截至
    if (f & F_JIE && i + 1 < n && text.charCodeAt(i + 1) === ZHI_STOP) {
      const after = i + 2;
      let len = 2;
      let k = after;
      const ck = k < n ? text.charCodeAt(k) : 0;
      if (ck === DAO || ck === ZHI_TO) {
        len = 3;
        k++;
      }
      const d = k < n ? text.charCodeAt(k) : 0;
      const timeFollows = isAnyDigitCode(d) || cnYearStart(text, k) || startsWithAny(text, k, JIEZHI_TIME_WORDS);
      if (timeFollows || ck === ZHI_TO) {
        ctx.report({
          paragraph,
          start: i,
          end: i + len,
          severity: "warning",
          message: len === 2 ? JIEZHI_MSG : JIEZHI_MSG3(text.slice(i, i + len)),
          messageId: "jiezhi",
          fix: { description: JIEZHI_FIX, text: [{ paragraph, start: i, end: i + len, text: "截至" }] },
        });
        i += len;
        continue;
      }
    }

    // doubled function characters: 的的 了了 在在
    if (f & F_DOUBLED && i + 1 < n && text.charCodeAt(i + 1) === c) {
      const dbl = DOUBLED.get(c) as Doubled;
      const guard = dbl.guard;
      let k = i + 2;
      while (k < n && text.charCodeAt(k) === c) k++;
      const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
      const next = k < n ? text.charCodeAt(k) : -1;
      const aabbFirst = k - i === 2 && next !== -1 && k + 1 < n && text.charCodeAt(k + 1) === next; // 是是非非
      const aabbSecond = prev !== -1 && i >= 2 && text.charCodeAt(i - 2) === prev; // 实实在在
      const legit =
        aabbFirst ||
        aabbSecond ||
        (prev !== -1 && guard.after !== undefined && guard.after.indexOf(text[i - 1]) >= 0) ||
        (next !== -1 && guard.before !== undefined && guard.before.indexOf(text[k]) >= 0) ||
        dbl.legit;
      if (!legit) {
        const ch = dbl.ch;
        ctx.report({
          paragraph,
          start: i,
          end: k,
          severity: "warning",
          message: `“${text.slice(i, k)}”重复，疑为多打了“${ch}”`,
          messageId: "doubled",
          fix: { description: dbl.description, text: [{ paragraph, start: i, end: k, text: ch }] },
        });
      }
      i = k;
      continue;
    }

    // curated wrong words
    if (f & F_WORD) {
      const list = index.words.get(c) as Prepared[];
      const c2 = i + 1 < n ? text.charCodeAt(i + 1) : -2;
      let hit: Prepared | undefined;
      for (let w = 0; w < list.length; w++) {
        const p = list[w];
        if ((p.c2 !== c2 && p.c2 !== -1) || !text.startsWith(p.wrong, i)) continue;
        const e = p.e;
        const end = i + p.len;
        if (e.notAfter && i > 0 && e.notAfter.indexOf(text[i - 1]) >= 0) continue;
        if (e.notBefore && startsWithAny(text, end, e.notBefore)) continue;
        if (e.unlessLater && clauseHasLater(text, end, e.unlessLater)) continue;
        hit = p;
        break;
      }
      if (hit) {
        const end = i + hit.len;
        ctx.report({
          paragraph,
          start: i,
          end,
          ...(hit.severity ? { severity: hit.severity } : {}),
          message: hit.message,
          messageId: "wrong-word",
          fix: { description: hit.description, text: [{ paragraph, start: i, end, text: hit.right }] },
        });
        i = end;
        continue;
      }
    }
    i++;
  }
}

export const typo: Rule = {
  id: "typo",
  category: "typo",
  severity: "error",
  title: "错别字",
  description: "检查“臵”等错字、“的的”等误重复的字、“布署”“再接再励”等常见错词，以及“截止”与“截至”的误用。",
  source: "现代汉语规范词形；公文常见错误（rules-catalog §6 E.GLYPH.ZHI、E.TYPO.PAIRS、E.DUPCHAR）",
  fixable: true,
  messages: { "zhi-glyph": "“臵”错字", jiezhi: "“截止”与“截至”", doubled: "误重复的字", "wrong-word": "常见错词" },
  options: { extraPairs: { type: "string-pairs", description: "本单位补充的错别字对，如 [[\"布署\", \"部署\"]]" } },
  check(ctx) {
    const extra = extraEntries(ctx.options);
    const index = extra ? buildIndex([...TYPO_ENTRIES, ...extra]) : BUILTIN_INDEX;
    const paragraphs = ctx.doc.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const t = paragraphs[i].text;
      if (t) checkParagraph(ctx, i, t, index);
    }
  },
};
