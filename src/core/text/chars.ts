/**
 * Character classes for Chinese text, by char code (no regex, no allocation), and a linear
 * finder for URL / e-mail / inline-code spans that text rules must leave alone.
 *
 * Functions take a UTF-16 code unit (text.charCodeAt(i)); a surrogate half counts as Han
 * (CJK Extension B and later live in the supplementary planes).
 */

/** A Han character: CJK Unified Ideographs, Extension A, compatibility ideographs, 〇, or a surrogate half. */
export function isHan(c: number): boolean {
  return (
    (c >= 0x4e00 && c <= 0x9fff) ||
    (c >= 0x3400 && c <= 0x4dbf) ||
    (c >= 0xf900 && c <= 0xfaff) ||
    c === 0x3007 ||
    (c >= 0xd800 && c <= 0xdfff)
  );
}

/** CJK Extension A (U+3400–U+4DBF) or a surrogate half (Extension B and later): rare characters. */
export function isRareHan(c: number): boolean {
  return (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xd800 && c <= 0xdfff);
}

/**
 * Full-width / Chinese punctuation: ，。、；：？！“”‘’（）《》〈〉【】〔〕「」『』——……·～ and the
 * full-width forms block (U+FF01–U+FF0F, U+FF1A–U+FF20, U+FF3B–U+FF40, U+FF5B–U+FF65).
 */
export function isFullwidthPunct(c: number): boolean {
  if (c >= 0x3001 && c <= 0x3003) return true; // 、。〃
  if (c >= 0x3008 && c <= 0x3011) return true; // 〈〉《》「」『』【】
  if (c >= 0x3014 && c <= 0x301f) return true; // 〔〕〖〗〘〙〚〛〜〝〞〟
  if (c >= 0x2018 && c <= 0x201f) return true; // ‘’‚‛“”„‟
  if (c === 0x2014 || c === 0x2026 || c === 0x2015) return true; // — … ―
  if (c >= 0xff01 && c <= 0xff0f) return true;
  if (c >= 0xff1a && c <= 0xff20) return true;
  if (c >= 0xff3b && c <= 0xff40) return true;
  if (c >= 0xff5b && c <= 0xff65) return true;
  return false;
}

/** A Chinese character or a Chinese (full-width) punctuation mark: the context that makes half-width punctuation wrong. */
export function isCJK(c: number): boolean {
  return isHan(c) || isFullwidthPunct(c);
}

/** The 点号 of Chinese: ，。、；：？！ */
export function isChineseStop(c: number): boolean {
  return c === 0xff0c || c === 0x3002 || c === 0x3001 || c === 0xff1b || c === 0xff1a || c === 0xff1f || c === 0xff01;
}

export function isAsciiDigit(c: number): boolean {
  return c >= 0x30 && c <= 0x39;
}

export function isAsciiLetter(c: number): boolean {
  return (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a);
}

export function isAsciiAlnum(c: number): boolean {
  return isAsciiDigit(c) || isAsciiLetter(c);
}

/** Full-width digits ０–９. */
export function isFullwidthDigit(c: number): boolean {
  return c >= 0xff10 && c <= 0xff19;
}

/** A space inside a line: ASCII space, tab, no-break space, ideographic space, the U+2000–U+200A spaces. */
export function isInlineSpace(c: number): boolean {
  return c === 0x20 || c === 0x09 || c === 0xa0 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a);
}

/** Printable ASCII other than space. */
export function isAsciiGraphic(c: number): boolean {
  return c > 0x20 && c < 0x7f;
}

/**
 * Index of the first character at or after `from` whose entry in `table` (indexed by char code)
 * is not 0, or text.length. A small function that the engine optimizes early: rules use it to
 * pass over ordinary text.
 */
export function nextMarked(text: string, from: number, table: Uint8Array): number {
  const n = text.length;
  let i = from;
  while (i < n && table[text.charCodeAt(i)] === 0) i++;
  return i;
}

/** Index of the nearest character before `i` that is not an inline space, or -1. */
export function prevNonSpace(text: string, i: number): number {
  let j = i - 1;
  while (j >= 0 && isInlineSpace(text.charCodeAt(j))) j--;
  return j;
}

/** Index of the nearest character after `i` that is not an inline space, or text.length. */
export function nextNonSpace(text: string, i: number): number {
  let j = i + 1;
  while (j < text.length && isInlineSpace(text.charCodeAt(j))) j++;
  return j;
}

function hasHan(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isHan(text.charCodeAt(i))) return true;
  return false;
}

/** [start, end) of a piece of text, end exclusive. */
export type Span = [number, number];

/** Characters that can be part of a URL or e-mail address (ASCII, no space, no quotes or angle brackets). */
function isUrlChar(c: number): boolean {
  return c > 0x20 && c < 0x7f && c !== 0x22 && c !== 0x3c && c !== 0x3e && c !== 0x60 && c !== 0x5e && c !== 0x7b && c !== 0x7d && c !== 0x7c && c !== 0x5c;
}

/** Top-level domains that make a bare "name.tld" a web address. */
const TLDS = new Set(["com", "cn", "net", "org", "gov", "edu", "int", "mil", "info", "biz", "io", "top", "xyz", "cc", "tv", "me", "hk", "tw", "mo", "uk", "us", "jp", "de", "fr", "ru", "site", "vip", "shop", "wang", "mobi", "asia"]);

function looksLikeUrl(text: string, s: number, e: number): boolean {
  let at = -1;
  let dot = -1;
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x3a && i + 2 < e && text.charCodeAt(i + 1) === 0x2f && text.charCodeAt(i + 2) === 0x2f && i > s) return true; // scheme://
    if (c === 0x40 && at < 0) at = i;
    if (c === 0x2e && dot < 0 && at < 0) dot = i;
  }
  // e-mail: name@host.tld
  if (at > s && at < e - 3) {
    for (let i = at + 1; i < e - 1; i++) if (text.charCodeAt(i) === 0x2e && isAsciiAlnum(text.charCodeAt(i + 1))) return true;
  }
  // www.host… or host.tld[/…]
  const lower = text.slice(s, Math.min(e, s + 4)).toLowerCase();
  if (lower === "www." && e - s > 5) return true;
  if (dot > s) {
    // the label after the last dot of the host part
    let hostEnd = e;
    for (let i = s; i < e; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2f || c === 0x3f || c === 0x23 || c === 0x3a) {
        hostEnd = i;
        break;
      }
    }
    let last = -1;
    for (let i = s; i < hostEnd; i++) {
      const c = text.charCodeAt(i);
      if (c === 0x2e) last = i;
      else if (!isAsciiAlnum(c) && c !== 0x2d) return false;
    }
    if (last < 0 || last === hostEnd - 1) return false;
    let hasLetter = false;
    for (let i = s; i < last; i++) if (isAsciiLetter(text.charCodeAt(i))) hasLetter = true;
    return hasLetter && TLDS.has(text.slice(last + 1, hostEnd).toLowerCase());
  }
  return false;
}

/** Punctuation that usually ends a sentence rather than a URL. */
function isTrailingPunct(c: number): boolean {
  return c === 0x2e || c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f || c === 0x29 || c === 0x27 || c === 0x5d;
}

/**
 * Necessary for any span findUrlSpans returns: a backtick, "://", an "@" between two ASCII
 * characters, "www." or a dot before a letter (the top-level domain). Tested first, so that
 * ordinary Chinese text costs one native scan.
 */
const MAYBE_URL = /`|:\/\/|[!-~]@[!-~]|\.[a-z]|www\./i;

/**
 * URLs (scheme://…, www.…, host.tld/…), e-mail addresses and `inline code` in a text, in order.
 * One pass over the text.
 */
export function findUrlSpans(text: string): Span[] {
  const out: Span[] = [];
  if (!MAYBE_URL.test(text)) return out;
  const n = text.length;
  let i = 0;
  while (i < n) {
    const c = text.charCodeAt(i);
    if (c === 0x60) {
      // `inline code`
      const close = text.indexOf("`", i + 1);
      if (close > i + 1 && close - i <= 80 && !hasHan(text, i + 1, close)) {
        out.push([i, close + 1]);
        i = close + 1;
        continue;
      }
      i++;
      continue;
    }
    if (!isUrlChar(c)) {
      i++;
      continue;
    }
    const s = i;
    while (i < n && isUrlChar(text.charCodeAt(i))) i++;
    let e = i;
    // Leading punctuation such as "(" or "," is not part of the address.
    let ss = s;
    while (ss < e && !isAsciiAlnum(text.charCodeAt(ss))) ss++;
    while (e > ss && isTrailingPunct(text.charCodeAt(e - 1))) {
      // keep a ")" that closes a "(" inside the URL
      if (text.charCodeAt(e - 1) === 0x29 && text.lastIndexOf("(", e - 1) >= ss) break;
      e--;
    }
    if (e - ss >= 4 && looksLikeUrl(text, ss, e)) out.push([ss, e]);
  }
  return out;
}

/**
 * A mask of the positions inside any of the spans (1 = skip), or null when there are none.
 * Spans need not be sorted.
 */
export function spanMask(length: number, spans: Span[]): Uint8Array | null {
  if (!spans.length) return null;
  const mask = new Uint8Array(length);
  for (const [s, e] of spans) mask.fill(1, Math.max(0, s), Math.min(length, e));
  return mask;
}
