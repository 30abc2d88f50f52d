/**
 * typo: the curated wrong-word check. 「臵」 for 「置」, accidental doubled characters (的的) and
 * words (我们我们), a curated list of frequent wrong words, idioms and variant forms (布署 → 部署,
 * 再接再励 → 再接再厉, 澈底 → 彻底), 截止/截至 by context, 的/地/得 where a clear pattern holds,
 * and a letter typed for a digit in a number (2O个) or a digit for a letter in an acronym (WT0).
 *
 * One charCodeAt pass per paragraph: a 64K-entry flag table built once at module load says which
 * characters can start anything of interest, so every other character costs one table lookup. A
 * third of all characters can start a wrong word, so for those a second table, indexed by a hash
 * of the character and the next one, rules out nearly all in the same loop; only a real pair is
 * looked up (wrong words are indexed by their first two characters). The 的 patterns and the doubled
 * words look a bounded number of characters around the mark, behind their own tables; an ASCII run
 * is read once and skipped. Each entry's message and fix description are built once.
 *
 * The user dictionary (ctx.userWords) wins: no finding lies inside an occurrence of a user word.
 */
import {
  ACRONYMS,
  DE_ADJECTIVES,
  DE_DEGREE,
  DE_VERBS,
  DE_VERB_NOT_AFTER,
  DI_ADVERBS,
  DI_ASPECT,
  DI_OBJECT_START,
  DI_VERBS_ALWAYS,
  DI_VERBS_OBJECT,
  DOUBLED_FUNCTION_CHARS,
  DOUBLED_WORDS,
  LEGIT_REDUPLICATIONS,
  TYPO_ENTRIES,
  type DoubledGuard,
  type TypoEntry,
} from "../../data/typos";
import type { Report, Rule, RuleContext } from "../types";
import { isAsciiAlnum, isAsciiDigit } from "../../text/chars";
import { hanAt, isAnyDigitCode } from "./shared";

/** A wrong word with its finding text prepared once. */
interface Prepared {
  e: TypoEntry;
  wrong: string;
  len: number;
  right: string;
  message: string;
  description: string;
  messageId: "wrong-word" | "variant-form";
  severity: "warning" | "info" | undefined;
}

/** Flags in the first-character table. */
const F_WORD = 1;
const F_DOUBLED = 2;
const F_ZHI = 4; // 臵
const F_JIE = 8; // 截
const F_DE = 16; // 的
const F_ASCII = 32; // an ASCII letter or digit
const F_DWORD = 64; // first character of a word whose doubling is a slip
const F_SINGLE = 128; // a one-character wrong word (a unit's extra pairs)
/** The flags whose checks start with a character pair (looked up in Index.pairs). */
const PAIR_FLAGS = F_WORD | F_DWORD;

const ZHI = 0x81f5; // 臵
const JIE = 0x622a; // 截
const ZHI_STOP = 0x6b62; // 止
const DAO = 0x5230; // 到
const ZHI_TO = 0x81f3; // 至
const DE = 0x7684; // 的

/** “部”误作“布”: the characters that differ, for the message (same-length pairs only). */
function diffNote(wrong: string, right: string): string {
  if (wrong.length !== right.length) return "";
  const parts: string[] = [];
  for (let k = 0; k < wrong.length; k++) {
    if (wrong[k] !== right[k]) parts.push(`“${right[k]}”误作“${wrong[k]}”`);
  }
  return parts.join("，");
}

function entryMessage(e: TypoEntry, sev: "error" | "warning" | "info"): string {
  const { wrong, right } = e;
  const diff = diffNote(wrong, right);
  const note = e.note ? `，${e.note}` : "";
  const head = sev === "error" ? `“${wrong}”是错别字，应为“${right}”` : `“${wrong}”可能有误，应为“${right}”`;
  switch (e.kind) {
    case "sound":
      return `${head}（${diff ? diff + "，" : ""}音同或音近而误${note}）`;
    case "shape":
      return `${head}（${diff ? diff + "，" : ""}字形相近而误${note}）`;
    case "fixed":
      return `${head}（成语和固定说法有定形${diff ? "，" + diff : ""}${note}）`;
    case "variant":
      return `“${wrong}”是异形词，《第一批异形词整理表》推荐写作“${right}”${e.note ? `（${e.note}）` : ""}`;
    case "norm":
      return `“${wrong}”宜写作“${right}”（${e.note ?? "现代汉语规范词形"}）`;
    default:
      return `${head}${e.note ? `（${e.note}）` : ""}`;
  }
}

function prepare(e: TypoEntry): Prepared {
  const sev = e.severity ?? "error";
  return {
    e,
    wrong: e.wrong,
    len: e.wrong.length,
    right: e.right,
    message: entryMessage(e, sev),
    description: `改为“${e.right}”`,
    messageId: e.kind === "variant" || e.kind === "norm" ? "variant-form" : "wrong-word",
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

/** A 16-bit hash of two char codes, for the pair tables that rule out most characters at once. */
function pairHash(c1: number, c2: number): number {
  return ((c1 << 7) ^ c2) & 0xffff;
}

/** Lists keyed by first character, longest first. */
function byFirstChar(words: readonly string[]): Map<number, string[]> {
  const m = new Map<number, string[]>();
  for (const w of words) {
    const k = w.charCodeAt(0);
    const list = m.get(k) ?? [];
    list.push(w);
    m.set(k, list);
  }
  for (const list of m.values()) list.sort((a, b) => b.length - a.length);
  return m;
}

const DOUBLED_WORD_INDEX = byFirstChar(DOUBLED_WORDS);
const DOUBLED_WORD_LENGTHS = [...new Set(DOUBLED_WORDS.map((w) => w.length))];
/** pairHash of the first two characters of each such word. */
const DWORD_PAIRS = new Uint8Array(0x10000);
for (const w of DOUBLED_WORDS) DWORD_PAIRS[pairHash(w.charCodeAt(0), w.charCodeAt(1))] = 1;

/** The character at i comes back one word length later: the cheap test before a doubled-word lookup. */
function repeatsSoon(text: string, i: number, c: number): boolean {
  for (let k = 0; k < DOUBLED_WORD_LENGTHS.length; k++) if (text.charCodeAt(i + DOUBLED_WORD_LENGTHS[k]) === c) return true;
  return false;
}
const DI_ADVERB_SET = new Set(DI_ADVERBS);
const DI_ALWAYS_INDEX = byFirstChar(DI_VERBS_ALWAYS);
const DI_OBJECT_INDEX = byFirstChar(DI_VERBS_OBJECT);
const DE_VERB_SET = new Set(DE_VERBS);
const DE_DEGREE_INDEX = byFirstChar(DE_DEGREE);
const DE_ADJ_INDEX = byFirstChar(DE_ADJECTIVES);
const ACRONYM_SET = new Set(ACRONYMS);
/** Tables by char code: the first character of a 地-verb / a degree adverb after 的, the last of an adverb / a 得-verb before it. */
const DI_NEXT = new Uint8Array(0x10000);
const DE_DEGREE_FIRST = new Uint8Array(0x10000);
const DI_ADVERB_LAST = new Uint8Array(0x10000);
const DE_VERB_LAST = new Uint8Array(0x10000);
for (const m of [DI_ALWAYS_INDEX, DI_OBJECT_INDEX]) for (const k of m.keys()) DI_NEXT[k] = 1;
for (const k of DE_DEGREE_INDEX.keys()) DE_DEGREE_FIRST[k] = 1;
for (const w of DI_ADVERBS) DI_ADVERB_LAST[w.charCodeAt(w.length - 1)] = 1;
for (const w of DE_VERBS) DE_VERB_LAST[w.charCodeAt(w.length - 1)] = 1;
/** Words before the adverb that make 「adverb 的 verb」 a noun phrase (得到有效的解决, 进行认真的研究). */
const NOMINALIZERS = ["进行", "得到", "加以", "予以", "给予", "受到", "作出", "做出", "实现", "取得", "经过", "通过", "开展", "引起", "获得", "有了"];

interface Index {
  flags: Uint8Array;
  /**
   * Wrong words keyed by firstId[first char] * 0x10000 + second char: a small integer key (a
   * char code times 0x10000 would leave V8's small-integer range and make every lookup slow).
   */
  words: Map<number, Prepared[]>;
  firstId: Uint16Array;
  /** pairHash(first, second) of every wrong word and doubled word: most characters that start one are ruled out here. */
  pairs: Uint8Array;
  /** One-character wrong words (a unit's extra pairs only), keyed by the char. */
  singles: Map<number, Prepared>;
}

function buildIndex(entries: TypoEntry[]): Index {
  const words = new Map<number, Prepared[]>();
  const singles = new Map<number, Prepared>();
  const firstId = new Uint16Array(0x10000);
  const pairs = new Uint8Array(0x10000);
  let ids = 0;
  for (const e of entries) {
    if (!e.wrong || e.wrong === e.right) continue;
    if (e.wrong.length === 1) {
      singles.set(e.wrong.charCodeAt(0), prepare(e));
      continue;
    }
    const c1 = e.wrong.charCodeAt(0);
    if (firstId[c1] === 0) firstId[c1] = ++ids;
    const k = firstId[c1] * 0x10000 + e.wrong.charCodeAt(1);
    pairs[pairHash(c1, e.wrong.charCodeAt(1))] = 1;
    const list = words.get(k) ?? [];
    list.push(prepare(e));
    words.set(k, list);
  }
  // Longest first, so 「一如继往」 wins over a shorter entry with the same start (stable for equal lengths).
  for (const list of words.values()) list.sort((a, b) => b.len - a.len);
  const flags = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) if (firstId[c] !== 0) flags[c] |= F_WORD;
  for (let h = 0; h < 0x10000; h++) if (DWORD_PAIRS[h] === 1) pairs[h] = 1;
  for (const k of singles.keys()) flags[k] |= F_SINGLE;
  for (const k of DOUBLED.keys()) flags[k] |= F_DOUBLED;
  for (const k of DOUBLED_WORD_INDEX.keys()) flags[k] |= F_DWORD;
  for (let c = 0x30; c <= 0x39; c++) flags[c] |= F_ASCII;
  for (let c = 0x41; c <= 0x5a; c++) flags[c] |= F_ASCII;
  for (let c = 0x61; c <= 0x7a; c++) flags[c] |= F_ASCII;
  flags[ZHI] |= F_ZHI;
  flags[JIE] |= F_JIE;
  flags[DE] |= F_DE;
  return { flags, words, firstId, pairs, singles };
}

const BUILTIN_INDEX = buildIndex(TYPO_ENTRIES);

/** What may follow 「截止」 when it is meant as 「截至」 (up to a point in time). */
const JIEZHI_TIME_WORDS = [
  "目前", "今年", "去年", "前年", "上年", "本年", "当年", "当前", "本月", "上月", "今天", "今日", "昨天", "昨日", "年底", "年末",
  "月底", "月末", "上半年", "本季度", "上季度", "发稿", "报告期", "本周", "上周",
];
/** What after 「截至」 shows the deadline noun 「截止」 was meant (截至日期 → 截止日期). */
const JIEZHI_NOUNS = ["日期", "时间", "期限", "时限"];
const JIEZHI_MSG = "表示“到某时为止”应写“截至”，“截止”后面直接跟时间时应改为“截至”";
const JIEZHI_MSG3 = (wrong: string): string => `“${wrong}”叠用了“止”和“至”，表示“到某时为止”写“截至”即可`;
const JIEZHI_NOUN_MSG = "表示“到期停止”应写“截止”，如“截止日期”“截止时间”；“截至”后面要跟具体时间";
const JIEZHI_END_MSG = "“截至”后面要跟具体时间，单独使用表示“到期停止”时应写“截止”";
const JIEZHI_FIX = "改为“截至”";
const JIEZHI_BACK_FIX = "改为“截止”";

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

/** The longest word of `index` that starts at `at`, or "". */
function wordAt(text: string, at: number, index: Map<number, string[]>): string {
  const list = index.get(text.charCodeAt(at));
  if (!list) return "";
  for (let w = 0; w < list.length; w++) if (text.startsWith(list[w], at)) return list[w];
  return "";
}

/** Where a clause ends: 。，；！？、： and closing quotes, or the end of the text. */
function isClauseEnd(text: string, at: number): boolean {
  if (at >= text.length) return true;
  const c = text.charCodeAt(at);
  return (
    c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x3001 || c === 0xff1a || c === 0x201d ||
    c === 0x2c || c === 0x3b || c === 0x21 || c === 0x3f
  );
}

function extraEntries(options: Record<string, unknown>): TypoEntry[] | null {
  const raw = options.extraPairs;
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: TypoEntry[] = [];
  for (const pair of raw) {
    if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string" && pair[0].length > 0) {
      out.push({ wrong: pair[0], right: pair[1], note: "本单位错别字表" });
    }
  }
  return out.length ? out : null;
}

/**
 * ctx.report that drops a finding lying inside an occurrence of a user word. Findings are rare,
 * so each one looks at the few places a user word could start around it (bounded by the word's
 * length), never at the whole paragraph.
 */
function makeReporter(ctx: RuleContext): (r: Report) => void {
  const words: string[] = [];
  for (const w of ctx.userWords) if (w.length > 0) words.push(w);
  if (words.length === 0) return (r) => ctx.report(r);
  const paragraphs = ctx.doc.paragraphs;
  return (r) => {
    const text = paragraphs[r.paragraph]?.text ?? "";
    for (const w of words) {
      const L = w.length;
      if (L < r.end - r.start) continue;
      const from = r.end - L < 0 ? 0 : r.end - L;
      for (let p = from; p <= r.start; p++) if (text.startsWith(w, p)) return;
    }
    ctx.report(r);
  };
}

type Reporter = (r: Report) => void;

/**
 * 的 at i: 认真的学习了 → 地 (an adverb-like adjective, 的, a verb that shows itself a verb), or
 * 说的很透彻。 → 得 (a verb, 的, a degree adverb, an adjective, the end of the clause). Returns
 * true when it reported.
 */
function checkDe(report: Reporter, paragraph: number, text: string, i: number): boolean {
  const n = text.length;
  if (i + 1 >= n || i === 0) return false;
  const after1 = text.charCodeAt(i + 1);
  const before1 = text.charCodeAt(i - 1);
  // Two table lookups rule out nearly every 的: what precedes must end an adverb or a verb, what
  // follows must start a verb or a degree adverb.
  const diPossible = DI_NEXT[after1] === 1 && DI_ADVERB_LAST[before1] === 1;
  const dePossible = DE_DEGREE_FIRST[after1] === 1 && DE_VERB_LAST[before1] === 1;
  if (!diPossible && !dePossible) return false;
  const next = i + 1;

  // 地: adverb + 的 + verb (+ a mark that only a verb takes)
  let verb = diPossible ? wordAt(text, next, DI_ALWAYS_INDEX) : "";
  const always = verb !== "";
  if (diPossible && !always) verb = wordAt(text, next, DI_OBJECT_INDEX);
  if (verb) {
    let adverb = "";
    for (let L = 5; L >= 2 && !adverb; L--) {
      if (i - L >= 0 && DI_ADVERB_SET.has(text.slice(i - L, i))) adverb = text.slice(i - L, i);
    }
    if (adverb) {
      const after = next + verb.length;
      let verbal = always;
      if (!verbal && after < n) {
        const a = text[after];
        const cancel = DI_ASPECT[a];
        if (cancel !== undefined) verbal = after + 1 >= n || cancel.indexOf(text[after + 1]) < 0;
        else verbal = startsWithAny(text, after, DI_OBJECT_START);
      }
      const s = i - adverb.length;
      let nominal = false;
      for (let b = 2; b <= 3 && !nominal; b++) {
        // 进行认真的研究 / 进行了认真的研究: the phrase is the object of a nominalizing verb
        if (s - b >= 0 && startsWithAny(text, s - b, NOMINALIZERS) && (b === 2 || text[s - 1] === "了")) nominal = true;
      }
      if (verbal && !nominal) {
        report({
          paragraph,
          start: i,
          end: i + 1,
          severity: "warning",
          message: `“${adverb}的${verb}”中修饰动词“${verb}”应用“地”，写作“${adverb}地${verb}”`,
          messageId: "de-di",
          fix: { description: "改为“地”", text: [{ paragraph, start: i, end: i + 1, text: "地" }] },
        });
        return true;
      }
    }
  }

  // 得: verb + 的 + degree adverb + adjective + end of clause
  if (!dePossible) return false;
  const degree = wordAt(text, next, DE_DEGREE_INDEX);
  if (!degree) return false;
  const adjAt = next + degree.length;
  const adj = wordAt(text, adjAt, DE_ADJ_INDEX);
  if (!adj) return false;
  let end = adjAt + adj.length;
  if (end < n && text[end] === "了") end++;
  if (!isClauseEnd(text, end)) return false;
  let deVerb = "";
  if (i >= 2 && DE_VERB_SET.has(text.slice(i - 2, i))) deVerb = text.slice(i - 2, i);
  else if (DE_VERB_SET.has(text[i - 1])) {
    const guard = DE_VERB_NOT_AFTER[text[i - 1]];
    if (guard === undefined || i < 2 || guard.indexOf(text[i - 2]) < 0) deVerb = text[i - 1];
  }
  if (!deVerb) return false;
  report({
    paragraph,
    start: i,
    end: i + 1,
    severity: "warning",
    message: `“${deVerb}的${degree}${adj}”中引出补语应用“得”，写作“${deVerb}得${degree}${adj}”`,
    messageId: "de-de",
    fix: { description: "改为“得”", text: [{ paragraph, start: i, end: i + 1, text: "得" }] },
  });
  return true;
}

/** Characters that join an ASCII run to a technical token (a URL, a file name, a code). */
function isTokenJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2f || c === 0x3a || c === 0x2d || c === 0x5f || c === 0x40 || c === 0x23 || c === 0x26 || c === 0x3d || c === 0x3f || c === 0x25 || c === 0x5c;
}

/** O/o/l/I typed for 0/1, with the digit each stands for, or "". */
function digitLookalike(c: number): string {
  return c === 0x4f || c === 0x6f ? "0" : c === 0x6c || c === 0x49 ? "1" : "";
}

/** Characters that join an ASCII run to an address (a URL, an e-mail, a path, a file name). */
function isAddressJoiner(c: number): boolean {
  return c === 0x2e || c === 0x2f || c === 0x40 || c === 0x3a || c === 0x5c || c === 0x5f;
}

/** 2O个 / 3O万元: a run that starts with a digit and holds only digits and look-alike letters. */
function letterInNumber(report: Reporter, paragraph: number, run: string, s: number, k: number): boolean {
  if (!isAsciiDigit(run.charCodeAt(0))) return false;
  let swapped = 0;
  for (let j = 0; j < run.length; j++) {
    const c = run.charCodeAt(j);
    if (isAsciiDigit(c)) continue;
    const d = digitLookalike(c);
    // l and I only between digits (5l may be litres); O/o anywhere after the first digit
    if (!d || (d === "1" && !(j + 1 < run.length && isAsciiDigit(run.charCodeAt(j + 1))))) return false;
    swapped++;
  }
  if (swapped === 0) return false;
  let fixed = "";
  for (let j = 0; j < run.length; j++) fixed += digitLookalike(run.charCodeAt(j)) || run[j];
  report({
    paragraph,
    start: s,
    end: k,
    message: `数字“${fixed}”中混入了字母，“${run}”应为“${fixed}”（字母O、l与数字0、1形近）`,
    messageId: "letter-in-number",
    fix: { description: `改为“${fixed}”`, text: [{ paragraph, start: s, end: k, text: fixed }] },
  });
  return true;
}

/**
 * WT0 / lT / C0VID: a digit 0 or 1 or a lower-case l inside a known acronym. 0 → O and l → I
 * always; 1 → I only in an acronym of three or more letters (1T is a terabyte, F1 a race).
 */
function digitInAcronym(report: Reporter, paragraph: number, run: string, s: number, k: number): void {
  let upper = 0;
  for (let j = 0; j < run.length; j++) {
    const c = run.charCodeAt(j);
    if (c >= 0x41 && c <= 0x5a) upper++;
    else if (c !== 0x30 && c !== 0x31 && c !== 0x6c) return;
  }
  const oneIsI = run.length >= 3 && upper >= 2;
  let mapped = "";
  for (let j = 0; j < run.length; j++) {
    const c = run.charCodeAt(j);
    if (c === 0x30) mapped += "O";
    else if (c === 0x6c) mapped += "I";
    else if (c === 0x31) {
      if (!oneIsI) return;
      mapped += "I";
    } else mapped += run[j];
  }
  if (mapped === run || !ACRONYM_SET.has(mapped)) return;
  report({
    paragraph,
    start: s,
    end: k,
    message: `缩略语“${mapped}”中混入了数字或小写字母，“${run}”应为“${mapped}”（数字0、1及小写l与字母O、I形近）`,
    messageId: "digit-in-acronym",
    fix: { description: `改为“${mapped}”`, text: [{ paragraph, start: s, end: k, text: mapped }] },
  });
}

/** Longer ASCII runs are codes or hashes, never a number or an acronym with a slip in it. */
const MAX_ASCII_RUN = 40;

/** One ASCII alphanumeric run [s, k), read once. */
function checkAsciiRun(report: Reporter, paragraph: number, text: string, s: number, k: number): void {
  if (k - s > MAX_ASCII_RUN) return;
  const n = text.length;
  const before = s >= 2 && isAsciiAlnum(text.charCodeAt(s - 2)) ? text.charCodeAt(s - 1) : -1;
  const after = k + 1 < n && isAsciiAlnum(text.charCodeAt(k + 1)) ? text.charCodeAt(k) : -1;
  // Part of an address (a URL, an e-mail, a file name): leave it alone.
  if ((before !== -1 && isAddressJoiner(before)) || (after !== -1 && isAddressJoiner(after))) return;
  const run = text.slice(s, k);
  // Part of a code or a standard number (GB/T 9704-2012, 3-2-11室): no number check either.
  if (before !== -1 && isTokenJoiner(before)) return digitInAcronym(report, paragraph, run, s, k);
  if (after !== -1 && isTokenJoiner(after)) return digitInAcronym(report, paragraph, run, s, k);
  if (!letterInNumber(report, paragraph, run, s, k)) digitInAcronym(report, paragraph, run, s, k);
}

/**
 * Index of the next character of interest at or after i, or text.length. A character that can only
 * start a wrong word or a doubled word (a third of all characters) is of interest only when the
 * pair it starts is in the pair table. A small function of its own, so that the engine optimizes
 * it early: nearly all the time of the rule is spent here.
 */
function nextOfInterest(text: string, i: number, flags: Uint8Array, pairs: Uint8Array): number {
  const n = text.length;
  for (; i < n; i++) {
    const c = text.charCodeAt(i);
    const f = flags[c];
    if (f === 0) continue;
    // ASCII, 臵, 截 and one-character wrong words: always a closer look
    if ((f & ~(PAIR_FLAGS | F_DOUBLED | F_DE)) !== 0 || i + 1 >= n) return i;
    const next = text.charCodeAt(i + 1);
    // a wrong word or a doubled word starts only where its first pair is in the table (pairHash, inlined)
    if ((f & PAIR_FLAGS) !== 0 && pairs[((c << 7) ^ next) & 0xffff] === 1) return i;
    // a doubled character
    if ((f & F_DOUBLED) !== 0 && next === c) return i;
    // 的 between an adverb and a verb, or a verb and a degree adverb
    if ((f & F_DE) !== 0 && i > 0) {
      const prev = text.charCodeAt(i - 1);
      if ((DI_NEXT[next] & DI_ADVERB_LAST[prev]) !== 0 || (DE_DEGREE_FIRST[next] & DE_VERB_LAST[prev]) !== 0) return i;
    }
  }
  return n;
}

function checkParagraph(report: Reporter, paragraph: number, text: string, index: Index): void {
  const flags = index.flags;
  const pairs = index.pairs;
  const n = text.length;
  let i = 0;
  while (i < n) {
    i = nextOfInterest(text, i, flags, pairs);
    if (i >= n) break;
    const c = text.charCodeAt(i);
    const f = flags[c];

    // an ASCII run, read once
    if (f & F_ASCII) {
      // Only a run that mixes letters with digits (or holds a lower-case l) can hold a slip:
      // plain numbers and plain words are passed over without a second look.
      let k = i;
      let digits = 0;
      let letters = 0;
      let ell = 0;
      for (; k < n; k++) {
        const a = text.charCodeAt(k);
        if (a >= 0x30 && a <= 0x39) digits++;
        else if ((a >= 0x41 && a <= 0x5a) || (a >= 0x61 && a <= 0x7a)) {
          letters++;
          if (a === 0x6c) ell++;
        } else break;
      }
      if ((digits > 0 && letters > 0) || ell > 0) {
        if (i === 0 || !isAsciiAlnum(text.charCodeAt(i - 1))) checkAsciiRun(report, paragraph, text, i, k);
      }
      i = k;
      continue;
    }

    // 臵 → 置 (a font/OCR artefact)
    if (f & F_ZHI) {
      const word = hanAt(text, i - 1) ? text[i - 1] + "臵" : hanAt(text, i + 1) ? "臵" + text[i + 1] : "臵";
      const right = word.replace("臵", "置");
      report({
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

    // 截止 + date → 截至; 截止至 → 截至; 截至日期 → 截止日期
    if (f & F_JIE && i + 1 < n) {
      const c2 = text.charCodeAt(i + 1);
      if (c2 === ZHI_STOP) {
        const after = i + 2;
        const ck = after < n ? text.charCodeAt(after) : 0;
        if (ck === ZHI_TO) {
          report({
            paragraph,
            start: i,
            end: i + 3,
            severity: "warning",
            message: JIEZHI_MSG3(text.slice(i, i + 3)),
            messageId: "jiezhi",
            fix: { description: JIEZHI_FIX, text: [{ paragraph, start: i, end: i + 3, text: "截至" }] },
          });
          i += 3;
          continue;
        }
        // 截止到 + time is right (现代汉语词典: 截止到昨天，已有三千人报名)
        const timeFollows = ck !== DAO && (isAnyDigitCode(ck) || cnYearStart(text, after) || startsWithAny(text, after, JIEZHI_TIME_WORDS));
        if (timeFollows) {
          report({
            paragraph,
            start: i,
            end: i + 2,
            severity: "warning",
            message: JIEZHI_MSG,
            messageId: "jiezhi",
            fix: { description: JIEZHI_FIX, text: [{ paragraph, start: i, end: i + 2, text: "截至" }] },
          });
          i += 2;
          continue;
        }
      } else if (c2 === ZHI_TO) {
        const after = i + 2;
        const noun = startsWithAny(text, after, JIEZHI_NOUNS);
        const bare = isClauseEnd(text, after) || text[after] === "了";
        if (noun || bare) {
          report({
            paragraph,
            start: i,
            end: i + 2,
            // a warning even before 日期: 「数据截至日期」 can still be read as 「as of the date」
            severity: "warning",
            message: noun ? JIEZHI_NOUN_MSG : JIEZHI_END_MSG,
            messageId: "jiezhi",
            fix: { description: JIEZHI_BACK_FIX, text: [{ paragraph, start: i, end: i + 2, text: "截止" }] },
          });
          i += 2;
          continue;
        }
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
        report({
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

    // doubled words: 我们我们, 进一步进一步
    if (f & F_DWORD && i + 1 < n && DWORD_PAIRS[pairHash(c, text.charCodeAt(i + 1))] === 1 && repeatsSoon(text, i, c)) {
      const list = DOUBLED_WORD_INDEX.get(c) as string[];
      let hit = "";
      for (let w = 0; w < list.length && !hit; w++) {
        const word = list[w];
        if (text.startsWith(word, i) && text.startsWith(word, i + word.length)) hit = word;
      }
      if (hit) {
        const L = hit.length;
        let k = i + 2 * L;
        while (text.startsWith(hit, k)) k += L;
        report({
          paragraph,
          start: i,
          end: k,
          message: `“${text.slice(i, k)}”重复，疑为多打了“${hit}”`,
          messageId: "doubled-word",
          fix: { description: `删去多余的“${hit}”`, text: [{ paragraph, start: i, end: k, text: hit }] },
        });
        i = k;
        continue;
      }
    }

    // curated wrong words
    if (f & (F_WORD | F_SINGLE)) {
      const c2 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
      const list = c2 >= 0 && index.pairs[pairHash(c, c2)] === 1 && index.firstId[c] !== 0 ? index.words.get(index.firstId[c] * 0x10000 + c2) : undefined;
      let hit: Prepared | undefined;
      if (list) {
        for (let w = 0; w < list.length; w++) {
          const p = list[w];
          if (!text.startsWith(p.wrong, i)) continue;
          const e = p.e;
          const end = i + p.len;
          if (e.notAfter && i > 0 && e.notAfter.indexOf(text[i - 1]) >= 0) continue;
          if (e.notBefore && startsWithAny(text, end, e.notBefore)) continue;
          if (e.unlessLater && clauseHasLater(text, end, e.unlessLater)) continue;
          hit = p;
          break;
        }
      }
      if (!hit && f & F_SINGLE) hit = index.singles.get(c);
      if (hit) {
        const end = i + hit.len;
        report({
          paragraph,
          start: i,
          end,
          ...(hit.severity ? { severity: hit.severity } : {}),
          message: hit.message,
          messageId: hit.messageId,
          fix: { description: hit.description, text: [{ paragraph, start: i, end, text: hit.right }] },
        });
        i = end;
        continue;
      }
    }

    // 的 for 地 or 得
    if (f & F_DE && checkDe(report, paragraph, text, i)) {
      i++;
      continue;
    }
    i++;
  }
}

export const typo: Rule = {
  id: "typo",
  category: "typo",
  severity: "error",
  title: "错别字",
  description:
    "检查常见错别字和错词（“布署”“再接再励”“一愁莫展”等）、异形词、“的的”“我们我们”等误重复、“截止”与“截至”、“的”“地”“得”的误用、数字中混入字母（2O个）和缩略语中混入数字（WT0）。",
  source: "《现代汉语词典》规范词形；《第一批异形词整理表》（教育部、国家语委 2001）；公文常见错误（rules-catalog §6 E.GLYPH.ZHI、E.TYPO.PAIRS、E.DUPCHAR）",
  fixable: true,
  messages: {
    "zhi-glyph": "“臵”错字",
    jiezhi: "“截止”与“截至”",
    doubled: "误重复的字",
    "doubled-word": "误重复的词",
    "wrong-word": "常见错词",
    "variant-form": "异形词与旧词形",
    "de-di": "该用“地”处用了“的”",
    "de-de": "该用“得”处用了“的”",
    "letter-in-number": "数字中混入字母",
    "digit-in-acronym": "缩略语中混入数字",
  },
  options: { extraPairs: { type: "string-pairs", description: "本单位补充的错别字对，如 [[\"布署\", \"部署\"]]" } },
  check(ctx) {
    const extra = extraEntries(ctx.options);
    const index = extra ? buildIndex([...TYPO_ENTRIES, ...extra]) : BUILTIN_INDEX;
    const report = makeReporter(ctx);
    const paragraphs = ctx.doc.paragraphs;
    for (let i = 0; i < paragraphs.length; i++) {
      const t = paragraphs[i].text;
      if (t) checkParagraph(report, i, t, index);
    }
  },
};
