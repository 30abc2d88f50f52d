/**
 * Detectors for text garbage left by web scraping and wrong decoding. Each is one pass over the
 * text. Used by the garbled rule, and by the punctuation rules to skip garbage they would
 * otherwise misread as punctuation.
 */
import { isAsciiDigit, isAsciiGraphic, isAsciiLetter, type Span } from "./chars";

/**
 * Anti-scraping "watermarks" some forums insert between lines: runs of one- or two-character
 * ASCII tokens full of symbols, e.g. "1 D& E# O6 C: P9 c& k M$ d- E; o".
 * A run qualifies with ≥5 tokens, ≥3 of them holding a symbol (≥2 of those a letter or digit with a
 * symbol, like "D&"), and ≥3 distinct symbols.
 */
/**
 * Necessary for a watermark: five tokens of one or two ASCII graphic characters separated by
 * single spaces. Tested first, so that ordinary text costs one native scan.
 */
const MAYBE_WATERMARK = /[!-~]{1,2} [!-~]{1,2} [!-~]{1,2} [!-~]{1,2} [!-~]/;

export function findWatermarkSpans(text: string): Span[] {
  const out: Span[] = [];
  // Most Chinese paragraphs hold no ASCII space at all: a native indexOf settles them.
  if (text.indexOf(" ") < 0 || !MAYBE_WATERMARK.test(text)) return out;
  const n = text.length;
  let i = 0;
  // state of the current token sequence
  let seqStart = -1;
  let seqEnd = -1;
  let tokens = 0;
  let symTokens = 0;
  let mixedTokens = 0;
  let symbols = "";
  let hasDigit = false;
  let hasLetter = false;

  const close = (): void => {
    if (seqStart >= 0 && tokens >= 5 && symTokens >= 3 && mixedTokens >= 2 && symbols.length >= 3 && (hasDigit || hasLetter)) out.push([seqStart, seqEnd]);
    seqStart = -1;
    tokens = symTokens = mixedTokens = 0;
    symbols = "";
    hasDigit = hasLetter = false;
  };

  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x20) {
      i++;
      continue;
    }
    if (!isAsciiGraphic(c)) {
      close();
      i++;
      continue;
    }
    // an ASCII token
    const s = i;
    while (i < n && isAsciiGraphic(text.charCodeAt(i))) i++;
    const len = i - s;
    // a token must be followed by a space, or end the ASCII run (glued to Chinese text)
    if (len > 2) {
      close();
      continue;
    }
    // tokens are separated by exactly one space
    if (seqStart >= 0 && s - seqEnd !== 1) close();
    let sym = false;
    let alnum = false;
    for (let k = s; k < i; k++) {
      const d = text.charCodeAt(k);
      if (isAsciiDigit(d)) hasDigit = alnum = true;
      else if (isAsciiLetter(d)) hasLetter = alnum = true;
      else {
        sym = true;
        const ch = text[k];
        if (!symbols.includes(ch)) symbols += ch;
      }
    }
    // two letters ("is", "OK") look like a word, not a watermark token
    if (len === 2 && isAsciiLetter(text.charCodeAt(s)) && isAsciiLetter(text.charCodeAt(s + 1))) {
      close();
      continue;
    }
    if (seqStart < 0) {
      // a token glued to the text before it ("问候! 8 V9 …") is that text's punctuation, not garbage
      if (s > 0 && text.charCodeAt(s - 1) !== 0x20) {
        hasDigit = hasLetter = false;
        symbols = "";
        continue;
      }
      seqStart = s;
    }
    seqEnd = i;
    tokens++;
    if (sym) symTokens++;
    if (sym && alnum) mixedTokens++;
  }
  close();
  return out;
}

let gbkLead: Uint8Array | null | undefined;
let gbkReverse: Map<number, number> | null | undefined;

function gbkDecoder(): { decode(bytes: Uint8Array): string } | null {
  try {
    return new TextDecoder("gbk");
  } catch {
    return null;
  }
}

/**
 * Characters that appear when UTF-8 Chinese is decoded as GBK: the GBK characters whose first
 * byte is a UTF-8 lead byte of a Chinese character (0xE4–0xE9) and whose second byte is a UTF-8
 * continuation byte (0x80–0xBF). Built once from the platform's GBK decoder; null when the
 * platform has none.
 */
export function gbkMojibakeLeadSet(): Uint8Array | null {
  if (gbkLead !== undefined) return gbkLead;
  const dec = gbkDecoder();
  if (!dec) return (gbkLead = null);
  const bytes: number[] = [];
  for (let a = 0xe4; a <= 0xe9; a++) for (let b = 0x80; b <= 0xbf; b++) bytes.push(a, b, 0x0a);
  const set = new Uint8Array(0x10000);
  for (const ch of dec.decode(new Uint8Array(bytes)).split("\n")) {
    if (ch.length === 1 && ch !== "\ufffd") set[ch.charCodeAt(0)] = 1;
  }
  return (gbkLead = set);
}

/** Map from a character to its two GBK bytes (b1 << 8 | b2). */
function gbkReverseMap(): Map<number, number> | null {
  if (gbkReverse !== undefined) return gbkReverse;
  const dec = gbkDecoder();
  if (!dec) return (gbkReverse = null);
  const bytes: number[] = [];
  const codes: number[] = [];
  for (let a = 0x81; a <= 0xfe; a++) {
    for (let b = 0x40; b <= 0xfe; b++) {
      if (b === 0x7f) continue;
      bytes.push(a, b, 0x0a);
      codes.push((a << 8) | b);
    }
  }
  const parts = dec.decode(new Uint8Array(bytes)).split("\n");
  const map = new Map<number, number>();
  for (let k = 0; k < codes.length && k < parts.length; k++) {
    const ch = parts[k];
    if (ch.length === 1 && ch !== "\ufffd" && !map.has(ch.charCodeAt(0))) map.set(ch.charCodeAt(0), codes[k]);
  }
  return (gbkReverse = map);
}

const utf8 = new TextDecoder("utf-8");

/**
 * If `s` reads as UTF-8 Chinese once re-encoded in GBK (the signature of 鍔炲叕-style mojibake),
 * returns the recovered text; otherwise null.
 */
export function recoverGbkMojibake(s: string): string | null {
  const map = gbkReverseMap();
  if (!map) return null;
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) bytes.push(c);
    else {
      const g = map.get(c);
      if (g !== undefined) bytes.push(g >> 8, g & 0xff);
    }
  }
  const out = utf8.decode(new Uint8Array(bytes));
  let han = 0;
  let bad = 0;
  for (let i = 0; i < out.length; i++) {
    const c = out.charCodeAt(i);
    if (c >= 0x4e00 && c <= 0x9fff) han++;
    else if (c === 0xfffd) bad++;
  }
  return han >= 2 && han >= 2 * bad ? out.replace(/\ufffd/g, "").trim() : null;
}

/** A footnote reference glued to the text: [2], ［3］, [1][2], [1-3], [1,2]. */
const FOOTNOTE = /(?:[[［][0-9]{1,3}(?:[-–,，、][0-9]{1,3}){0,8}[\]］])+/g;
/** A footnote label opening a paragraph (the note itself): [2] 张三：《……》. */
const FOOTNOTE_LABEL = /^[ \u3000\t]*[[［]([0-9]{1,3})[\]］]/;

/** Characters after which a footnote reference sits in scraped text: Han, closing marks, end punctuation. */
function isNoteAnchor(c: number): boolean {
  if ((c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf)) return true;
  return c === 0x3002 || c === 0xff0c || c === 0xff1b || c === 0xff01 || c === 0xff1f || c === 0x201d || c === 0x2019 || c === 0xff09 || c === 0x300b || c === 0x300d || c === 0x3011;
}

/** The note number a paragraph opens with as its label ([2] …), or -1. */
export function footnoteLabel(text: string): number {
  const m = FOOTNOTE_LABEL.exec(text);
  return m ? Number(m[1]) : -1;
}

/**
 * Footnote references left in body text by copying from a web page or an encyclopaedia
 * (数字化转型[2]): a bracketed number right after a Han character or a closing mark, not
 * opening the paragraph, not followed by a letter or digit (国发[12]3号, a[1]) or by 号. Returns
 * each span with the numbers it holds.
 */
export function findFootnoteRefs(text: string): Array<{ span: Span; numbers: number[] }> {
  const out: Array<{ span: Span; numbers: number[] }> = [];
  if (text.indexOf("[") < 0 && text.indexOf("［") < 0) return out;
  let lead = 0;
  while (lead < text.length && isInlineSpaceCode(text.charCodeAt(lead))) lead++;
  FOOTNOTE.lastIndex = 0;
  for (let m = FOOTNOTE.exec(text); m; m = FOOTNOTE.exec(text)) {
    const s = m.index;
    const e = s + m[0].length;
    // a label opening the paragraph is the note itself
    if (s <= lead || !isNoteAnchor(text.charCodeAt(s - 1))) continue;
    const next = e < text.length ? text.charCodeAt(e) : -1;
    if (isAsciiLetter(next) || isAsciiDigit(next) || next === 0x53f7 /* 号 */ || next === 0x6761 /* 条 */) continue;
    const numbers = (m[0].match(/[0-9]{1,3}/g) ?? []).map(Number);
    out.push({ span: [s, e], numbers });
  }
  return out;
}

function isInlineSpaceCode(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

function isHanCode(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

/** Characters that make a token a question or a remark, not a name: 谁, 吗, 什么, 不 (行不行) … */
const QUESTIONY = new Set(Array.from("谁吗呢吧么啊呀何哪几多怎岂难否不啥的了过着"));
/** A name does not start with a pronoun or a demonstrative. */
const NOT_NAME_START = new Set(Array.from("我你他她它这那是有也就都还"));
/** What may stand before the first and after the second name of a list. */
function isListEdge(c: number): boolean {
  return c < 0 || isInlineSpaceCode(c) || c === 0x3001 || c === 0xff0c || c === 0xff1a || c === 0xff1b || c === 0x3002 || c === 0xff08 || c === 0xff09 || c === 0x201c || c === 0x201d;
}

/**
 * A lone ？, ? or � standing where a separator between two names was lost (张三？李四 for 张三·李四 or
 * 张三、李四): both neighbours are Han tokens of two to four characters bounded by list
 * punctuation, and nothing about them reads as a question. Returns the positions of the marks.
 */
export function findLostSeparators(text: string): number[] {
  const out: number[] = [];
  if (text.indexOf("?") < 0 && text.indexOf("？") < 0 && text.indexOf("\ufffd") < 0) return out;
  const n = text.length;
  for (let k = 1; k < n - 1; k++) {
    const c = text.charCodeAt(k);
    if (c !== 0x3f && c !== 0xff1f && c !== 0xfffd) continue;
    if (!isHanCode(text.charCodeAt(k - 1)) || !isHanCode(text.charCodeAt(k + 1))) continue;
    let ls = k;
    while (ls > 0 && k - ls < 5 && isHanCode(text.charCodeAt(ls - 1))) ls--;
    let re = k + 1;
    while (re < n && re - k - 1 < 5 && isHanCode(text.charCodeAt(re))) re++;
    const left = k - ls;
    const right = re - k - 1;
    if (left < 2 || left > 4 || right < 2 || right > 4) continue;
    if (!isListEdge(ls > 0 ? text.charCodeAt(ls - 1) : -1) || !isListEdge(re < n ? text.charCodeAt(re) : -1)) continue;
    if (c !== 0xfffd) {
      let questiony = NOT_NAME_START.has(text[k + 1]) || NOT_NAME_START.has(text[ls]);
      for (let j = ls; j < re && !questiony; j++) if (QUESTIONY.has(text[j])) questiony = true;
      if (questiony) continue;
    }
    out.push(k);
  }
  return out;
}
