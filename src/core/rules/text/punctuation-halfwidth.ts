/**
 * punctuation-halfwidth: ASCII , ; : ! ? ( ) " ' and a sentence-ending . inside Chinese text
 * (GB/T 15834-2011 §4, 5.1). A half-width ( closed by a full-width ） (or the reverse) is made
 * full-width on both sides.
 */
import { isAsciiDigit, isAsciiLetter, isCJK, isHan, nextNonSpace, prevNonSpace } from "../../text/chars";
import { HALFWIDTH_PUNCT, summaryOf } from "../../text/summary";
import type { Rule, TextEdit } from "../types";

const MESSAGES = {
  comma: "半角逗号",
  semicolon: "半角分号",
  colon: "半角冒号",
  exclamation: "半角叹号",
  question: "半角问号",
  bracket: "半角括号",
  quote: "半角引号",
  period: "句末的半角句点",
} as const;
type MessageId = keyof typeof MESSAGES;

const NAME: Record<string, [string, string, MessageId]> = {
  ",": ["逗号", "，", "comma"],
  ";": ["分号", "；", "semicolon"],
  ":": ["冒号", "：", "colon"],
  "!": ["叹号", "！", "exclamation"],
  "?": ["问号", "？", "question"],
  "(": ["括号", "（", "bracket"],
  ")": ["括号", "）", "bracket"],
};

const ANY_HALFWIDTH = /[,;:!?()"']/;
/** The half-width marks that pair: ( ) " '. */
const HALF_PAIRED = /[()"']/;
const NO_PARTNERS = new Int32Array(0);
/** A . or ． right after a Han character (or a closing mark after one): a sentence-end candidate. */
const HAN_DOT = /[\u3400-\u9fff\uf900-\ufaff\ud800-\udfff][”’）》〉】〕」』]?[.．]/;
/** "一." at the start of a paragraph: a wrong heading marker, which the numbering-marker rule reports. */
const LEADING_CN_DOT = /^\s*[一二三四五六七八九十]{1,3}[.．]/;
/** Closing marks a sentence may end in before its full stop: 工作”. 会议）. */
const SENTENCE_CLOSERS = "”’）》〉】〕」』";
/** A bracketed 序次语 at the start of a paragraph: the numbering-marker rule reports it. */
const LEADING_MARKER = /^\s*[(（][一二三四五六七八九十\d]{1,3}[)）]/;

function hasCJKBetween(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) if (isCJK(text.charCodeAt(i))) return true;
  return false;
}

function cjkAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isCJK(text.charCodeAt(i));
}

/** True when the ';' at i ends an HTML entity such as &nbsp; (the garbled rule reports those). */
function endsEntity(text: string, i: number): boolean {
  for (let j = i - 1; j >= 0 && j >= i - 9; j--) {
    const c = text.charCodeAt(j);
    if (c === 0x26) return j < i - 1;
    if (!(isAsciiLetter(c) || isAsciiDigit(c) || c === 0x23)) return false;
  }
  return false;
}

/**
 * A scratch array of n entries set to -1, reused across paragraphs: allocating a typed array per
 * paragraph puts its backing store outside the heap and makes the collector run far more often.
 */
let partnerScratch = new Int32Array(1024);
function partnerBuffer(n: number): Int32Array {
  if (partnerScratch.length < n) partnerScratch = new Int32Array(n * 2);
  partnerScratch.fill(-1, 0, n);
  return partnerScratch;
}

/** Message and fix description for each replacement (each comes from one ASCII mark), built once. */
const WORDS = new Map<string, { message: string; description: string }>();
function wordsFor(replacement: string, name: string, ch: string): { message: string; description: string } {
  let w = WORDS.get(replacement);
  if (w === undefined) {
    w = { message: `中文中使用了半角${name}“${ch}”，应为全角“${replacement}”`, description: `改为全角${name}“${replacement}”` };
    WORDS.set(replacement, w);
  }
  return w;
}

/** The . or ． at i ends a Chinese sentence: after a Han character (or a closing mark after one), before the end or more Chinese. */
function sentencePeriod(text: string, i: number): boolean {
  const n = text.length;
  const prev = i > 0 ? text.charCodeAt(i - 1) : -1;
  let b = i - 1;
  if (prev >= 0 && SENTENCE_CLOSERS.includes(text[b])) b--;
  if (b < 0 || !isHan(text.charCodeAt(b))) return false;
  const next = i + 1 < n ? text.charCodeAt(i + 1) : -1;
  if (next === 0x2e || next === 0xff0e || prev === 0x2e || prev === 0xff0e) return false; // .. ... (punctuation-form)
  if (next < 0) return true;
  const after = nextNonSpace(text, i);
  if (after >= n) return true;
  const ac = text.charCodeAt(after);
  // the next sentence begins: a Han character or an opening quote / bracket
  return isHan(ac) || ac === 0x201c || ac === 0x2018 || ac === 0xff08 || ac === 0x300a;
}

interface Hit {
  pos: number;
  replacement: string;
  name: string;
  messageId: MessageId;
  opener: boolean;
  closer: boolean;
  /** , ; : ! ? — a full-width stop carries its own spacing */
  stop?: boolean;
}

export const punctuationHalfwidth: Rule = {
  id: "punctuation-halfwidth",
  category: "punctuation.width",
  severity: "error",
  title: "中文中的半角标点",
  description: "中文语句中的句号、逗号、分号、冒号、叹号、问号、括号、引号应使用全角形式；半角括号与全角括号不能混配。",
  source: "GB/T 15834-2011 4.1、4.9、5.1",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const paras = ctx.doc.paragraphs;
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    for (let pi = 0; pi < paras.length; pi++) {
      // Neither a half-width mark nor a point: nothing below can start.
      if ((flags[pi] & HALFWIDTH_PUNCT) === 0) continue;
      const p = paras[pi];
      const text = p.text;
      const marks = ANY_HALFWIDTH.test(text);
      // (the pattern's leading range is slow to scan for; a native search for its point settles most paragraphs)
      const dots = (text.indexOf(".") >= 0 || text.indexOf("．") >= 0) && HAN_DOT.test(text);
      if (!marks && !dots) continue;
      const n = text.length;
      const skip = summary.skipMask(pi);
      const skipped = (i: number): boolean => skip !== null && skip[i] === 1;

      let markerEnd = -1;
      const m = LEADING_MARKER.exec(text);
      if (m) markerEnd = m[0].length;

      // Pair brackets ( ) with each other and with full-width （ ）; pair ASCII quotes in order.
      // Partners are read only for ( ) and the quote lists only hold " ': without any of those
      // (most paragraphs that hold a half-width mark hold a , or : only) there is nothing to pair.
      const pairs = marks && HALF_PAIRED.test(text);
      const partner = pairs ? partnerBuffer(n) : NO_PARTNERS;
      const stack: number[] = [];
      const dq: number[] = [];
      const sq: number[] = [];
      for (let i = pairs ? Math.max(0, markerEnd) : n; i < n; i++) {
        const c = text.charCodeAt(i);
        if ((c !== 0x28 && c !== 0xff08 && c !== 0x29 && c !== 0xff09 && c !== 0x22 && c !== 0x27) || skipped(i)) continue;
        if (c === 0x28 || c === 0xff08) stack.push(i);
        else if (c === 0x29 || c === 0xff09) {
          const o = stack.pop();
          if (o !== undefined) {
            partner[o] = i;
            partner[i] = o;
          }
        } else if (c === 0x22) dq.push(i);
        else if (c === 0x27) {
          // an apostrophe inside a Latin word (don't, it's) is not a quote
          if (i > 0 && i < n - 1 && isAsciiLetter(text.charCodeAt(i - 1)) && isAsciiLetter(text.charCodeAt(i + 1))) continue;
          sq.push(i);
        }
      }

      const hits: Hit[] = [];
      const inChinese = (i: number): boolean => cjkAt(text, prevNonSpace(text, i)) || cjkAt(text, nextNonSpace(text, i));

      const quotes = (list: number[], open: string, close: string, openFw: number, closeFw: number): void => {
        let k = 0;
        for (; k + 1 < list.length; k += 2) {
          const a = list[k];
          const b = list[k + 1];
          if (hasCJKBetween(text, a + 1, b) || inChinese(a) || inChinese(b)) {
            hits.push({ pos: a, replacement: open, name: "引号", messageId: "quote", opener: true, closer: false });
            hits.push({ pos: b, replacement: close, name: "引号", messageId: "quote", opener: false, closer: true });
          }
        }
        if (k < list.length) {
          // an odd one out: it closes a full-width opening quote before it, else it opens
          const a = list[k];
          if (!inChinese(a)) return;
          let closes = false;
          for (let j = a - 1; j >= 0; j--) {
            const c = text.charCodeAt(j);
            if (c === openFw) {
              closes = true;
              break;
            }
            if (c === closeFw) break;
          }
          if (!closes && a === n - 1) closes = true;
          hits.push({ pos: a, replacement: closes ? close : open, name: "引号", messageId: "quote", opener: !closes, closer: closes });
        }
      };
      quotes(dq, "“", "”", 0x201c, 0x201d);
      quotes(sq, "‘", "’", 0x2018, 0x2019);

      for (let i = markerEnd < 0 ? 0 : markerEnd; i < n; i++) {
        const c = text.charCodeAt(i);
        if (c > 0x3f || skipped(i)) continue;
        const ch = text[i];
        if (c === 0x2c || c === 0x3b || c === 0x3a || c === 0x21 || c === 0x3f) {
          if (!inChinese(i)) continue;
          // 1,000  1:5  17:00
          if ((c === 0x2c || c === 0x3a) && i > 0 && i < n - 1 && isAsciiDigit(text.charCodeAt(i - 1)) && isAsciiDigit(text.charCodeAt(i + 1))) continue;
          if (c === 0x3b && endsEntity(text, i)) continue;
          const [name, full, messageId] = NAME[ch];
          hits.push({ pos: i, replacement: full, name, messageId, opener: false, closer: true, stop: true });
        } else if (c === 0x28 || c === 0x29) {
          const o = partner[i];
          let flag: boolean;
          if (o < 0) flag = inChinese(i);
          else {
            const open = Math.min(i, o);
            const close = Math.max(i, o);
            const before = prevNonSpace(text, open);
            const after = nextNonSpace(text, close);
            const mixed = text.charCodeAt(o) === 0xff08 || text.charCodeAt(o) === 0xff09;
            if (mixed) flag = true;
            else {
              // "Word (docx)" annotates a Latin word: leave it; "总值(GDP)" or "(见附件)" is Chinese
              const latinBefore = before >= 0 && !isCJK(text.charCodeAt(before));
              flag = hasCJKBetween(text, open + 1, close) || (before >= 0 && isCJK(text.charCodeAt(before))) || (!latinBefore && cjkAt(text, after));
            }
          }
          if (!flag) continue;
          const [name, full, messageId] = NAME[ch];
          hits.push({ pos: i, replacement: full, name, messageId, opener: c === 0x28, closer: c === 0x29 });
        }
      }

      // 工作. — a Western full stop ending a Chinese sentence (not 3.5, a.m., www.gov.cn, 一. markers)
      if (dots) {
        const from = LEADING_CN_DOT.test(text) ? text.search(/[.．]/) + 1 : 0;
        for (let i = from; i < n; i++) {
          const c = text.charCodeAt(i);
          if ((c !== 0x2e && c !== 0xff0e) || skipped(i)) continue;
          if (sentencePeriod(text, i)) hits.push({ pos: i, replacement: "。", name: "句号", messageId: "period", opener: false, closer: true, stop: true });
        }
      }

      hits.sort((a, b) => a.pos - b.pos);
      let claimed = 0;
      for (const h of hits) {
        // Take the ASCII spaces between the mark and Chinese text (or the inside of a bracket) into the fix.
        let s = h.pos;
        let e = h.pos + 1;
        let l = s;
        while (l > claimed && text.charCodeAt(l - 1) === 0x20) l--;
        if (l < s && l > 0 && (h.closer || cjkAt(text, l - 1))) s = l;
        let r = e;
        while (r < n && text.charCodeAt(r) === 0x20) r++;
        if (r > e && r < n && !skipped(r) && (h.opener || h.stop || cjkAt(text, r))) e = r;
        claimed = e;
        const words = wordsFor(h.replacement, h.name, text[h.pos]);
        const edit: TextEdit = { paragraph: p.index, start: s, end: e, text: h.replacement };
        ctx.report({
          paragraph: p.index,
          start: h.pos,
          end: h.pos + 1,
          messageId: h.messageId,
          message: words.message,
          fix: { description: words.description, text: [edit] },
        });
      }
    }
  },
};
