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
