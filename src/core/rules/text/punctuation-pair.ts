/**
 * punctuation-pair: paired marks must balance and nest properly inside a paragraph
 * (GB/T 15834-2011 4.8 引号, 4.9 括号, 4.15 书名号). Brackets of one form are not put inside each
 * other (4.9: nesting is avoided, and where it is needed the inner pair takes another form):
 * （…（…）…） → （…［…］…）.
 *
 * A quotation may run over several paragraphs: each paragraph opens with “ and only the last
 * one closes it (4.8.3.4), so an open “ at the end of a paragraph is fine when the next
 * paragraph starts with “.
 */
import { isAsciiAlnum, isInlineSpace, nextMarked } from "../../text/chars";
import { PAIRED_MARK, summaryOf } from "../../text/summary";
import type { Fix, Rule, RuleContext } from "../types";

const enum Fam {
  DQ,
  SQ,
  BOOK,
  ANGLE,
  PAREN,
  TORT,
  LENT,
}
const FAMILIES = 7;
const MAX_SCAN = 32;
/**
 * Open marks kept at most; beyond this the deepest half is reported as unclosed at once. No prose
 * nests thousands of marks, and a run of a million openers would otherwise keep a million live
 * objects (garbage-collection time grows faster than the text).
 */
const MAX_OPEN = 1024;
/** 1 for the marks this rule pairs: “”‘’《》〈〉（）()〔〕【】. */
const PAIRED = new Uint8Array(0x10000);
for (const ch of "“”‘’《》〈〉（）()〔〕【】") PAIRED[ch.charCodeAt(0)] = 1;

/** Opening marks → family. */
function openFam(c: number): number {
  switch (c) {
    case 0x201c: return Fam.DQ; // “
    case 0x2018: return Fam.SQ; // ‘
    case 0x300a: return Fam.BOOK; // 《
    case 0x3008: return Fam.ANGLE; // 〈
    case 0xff08: case 0x28: return Fam.PAREN; // （ (
    case 0x3014: return Fam.TORT; // 〔
    case 0x3010: return Fam.LENT; // 【
    default: return -1;
  }
}

/** Closing marks → family. */
function closeFam(c: number): number {
  switch (c) {
    case 0x201d: return Fam.DQ; // ”
    case 0x2019: return Fam.SQ; // ’
    case 0x300b: return Fam.BOOK; // 》
    case 0x3009: return Fam.ANGLE; // 〉
    case 0xff09: case 0x29: return Fam.PAREN; // ） )
    case 0x3015: return Fam.TORT; // 〕
    case 0x3011: return Fam.LENT; // 】
    default: return -1;
  }
}

const CLOSE_OF = ["”", "’", "》", "〉", "）", "〕", "】"];
const OPEN_OF = ["“", "‘", "《", "〈", "（", "〔", "【"];

function unclosedMessage(fam: number, ch: string): string {
  if (fam === Fam.DQ) return "前引号“没有配对的后引号”";
  if (fam === Fam.SQ) return "前单引号‘没有配对的后单引号’";
  return `“${ch}”没有配对的“${CLOSE_OF[fam]}”`;
}

interface Open {
  fam: number;
  pos: number;
  /** “ directly inside “, or 《 inside 《. */
  nested: boolean;
  /** Closed nested pairs inside this one, fixed when this one closes. */
  inner: Array<[number, number]> | null;
  /** A round bracket directly or indirectly inside another round bracket. */
  inParen?: boolean;
}

const MESSAGES = {
  unclosed: "成对标点缺少后半",
  "unmatched-close": "成对标点缺少前半",
  crossing: "成对标点交叉嵌套",
  "quote-direction": "引号方向错误",
  "nested-quote": "双引号内套双引号",
  "nested-book": "书名号内套书名号",
  "nested-bracket": "圆括号内套圆括号",
} as const;
type MessageId = keyof typeof MESSAGES;

/** （1）（一）（a）: a bracketed 序次语 inside a bracket is a numbering mark, not a nested note. */
function isEnumerator(text: string, open: number, close: number): boolean {
  const len = close - open - 1;
  if (len < 1 || len > 3) return false;
  for (let k = open + 1; k < close; k++) {
    const c = text.charCodeAt(k);
    if (!(isAsciiAlnum(c) || (c >= 0xff10 && c <= 0xff19) || "一二三四五六七八九十".includes(text[k]))) return false;
  }
  return true;
}

/** "1）", "a)", "②）" used as an enumerator: an unmatched closing bracket that is fine. */
function isEnumeratorClose(text: string, i: number): boolean {
  let j = i - 1;
  let k = 0;
  while (j >= 0 && k < 3) {
    const c = text.charCodeAt(j);
    if (isAsciiAlnum(c) || (c >= 0xff10 && c <= 0xff19) || "一二三四五六七八九十".includes(text[j])) {
      j--;
      k++;
    } else break;
  }
  if (k === 0) return false;
  if (j < 0) return true;
  const b = text.charCodeAt(j);
  return isInlineSpace(b) || "，。；：、！？".includes(text[j]);
}

/** True when the paragraph after `index` starts (after spaces) with “ or ‘. */
function nextStartsWithQuote(ctx: RuleContext, index: number): boolean {
  const next = ctx.doc.paragraphs[index + 1];
  if (!next) return false;
  const t = next.text;
  let i = 0;
  while (i < t.length && isInlineSpace(t.charCodeAt(i))) i++;
  const c = t.charCodeAt(i);
  return c === 0x201c || c === 0x2018;
}

/** Families open in plainlyPaired, innermost last (at most one of each, so at most FAMILIES). */
const OPEN_FAMS = new Int8Array(FAMILIES);

/**
 * The common case, settled without the bookkeeping below: every mark closes the innermost open one
 * and no family opens again inside itself. Then nothing is unclosed, unmatched, crossing, nested
 * (“ in “, 《 in 《, （ in （) or turned the wrong way, and the full scan would report nothing.
 * Marks the skip mask hides are passed over as the full scan passes over them.
 */
function plainlyPaired(text: string, first: number, skip: Uint8Array | null): boolean {
  const n = text.length;
  let open = 0;
  let depth = 0;
  for (let i = first; i < n; i = nextMarked(text, i + 1, PAIRED)) {
    if (skip !== null && skip[i] === 1) continue;
    const c = text.charCodeAt(i);
    const of = openFam(c);
    if (of >= 0) {
      if (open & (1 << of)) return false;
      open |= 1 << of;
      OPEN_FAMS[depth++] = of;
      continue;
    }
    const cf = closeFam(c);
    if (depth === 0 || OPEN_FAMS[depth - 1] !== cf) return false;
    depth--;
    open &= ~(1 << cf);
  }
  return depth === 0;
}

export const punctuationPair: Rule = {
  id: "punctuation-pair",
  category: "punctuation.pair",
  severity: "error",
  title: "成对标点不配对",
  description: "引号、书名号、括号等成对标点应前后配对、方向正确、嵌套得当（双引号内用单引号，书名号内用单书名号，圆括号内用方括号）。",
  source: "GB/T 15834-2011 4.8、4.9、4.15",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const paras = ctx.doc.paragraphs;
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    for (let pi = 0; pi < paras.length; pi++) {
      if ((flags[pi] & PAIRED_MARK) === 0) continue;
      const p = paras[pi];
      const text = p.text;
      const n = text.length;
      // the first paired mark (none: nothing to check)
      const first = nextMarked(text, 0, PAIRED);
      if (first === n) continue;
      const skip = text.indexOf("(") >= 0 || text.indexOf(")") >= 0 ? summary.skipMask(pi) : null;
      if (plainlyPaired(text, first, skip)) continue;

      // The last position of each family's closing mark (tells a crossing from a missing closer); built when first needed.
      let lastCloseCache: Int32Array | null = null;
      const lastClose = (): Int32Array => {
        if (lastCloseCache) return lastCloseCache;
        const a = new Int32Array(FAMILIES).fill(-1);
        for (let i = 0; i < n; i++) {
          const f = closeFam(text.charCodeAt(i));
          if (f >= 0 && !(skip && skip[i])) a[f] = i;
        }
        return (lastCloseCache = a);
      };

      const report = (start: number, end: number, messageId: MessageId, message: string, fix?: Fix, severity?: "warning"): void =>
        ctx.report({ paragraph: p.index, start, end, messageId, message, ...(fix ? { fix } : {}), ...(severity ? { severity } : {}) });
      const swapFix = (pairs: Array<[number, number]>, open: string, close: string, description: string): Fix => ({
        description,
        text: pairs.flatMap(([a, b]) => [
          { paragraph: p.index, start: a, end: a + 1, text: open },
          { paragraph: p.index, start: b, end: b + 1, text: close },
        ]),
      });

      const stack: Open[] = [];
      /** Unmatched closing quotes ”, for the direction check. */
      const strayClose: number[] = [];

      // Scans of the stack stop after MAX_SCAN entries, so pathological input stays linear.
      const nearest = (a: number, b: number): Open | undefined => {
        for (let k = stack.length - 1, m = 0; k >= 0 && m < MAX_SCAN; k--, m++) if (stack[k].fam === a || stack[k].fam === b) return stack[k];
        return undefined;
      };

      const closeEntry = (e: Open): void => {
        if (e.inner) {
          if (e.fam === Fam.DQ) report(e.inner[0][0], e.inner[0][0] + 1, "nested-quote", "双引号内又用双引号，内层应改用单引号‘’", swapFix(e.inner, "‘", "’", "内层引号改为单引号‘’"));
          else if (e.fam === Fam.PAREN) {
            report(e.inner[0][0], e.inner[0][0] + 1, "nested-bracket", "圆括号内又用圆括号，内层应改用方括号“［］”", swapFix(e.inner, "［", "］", "内层括号改为方括号“［］”"), "warning");
          } else report(e.inner[0][0], e.inner[0][0] + 1, "nested-book", "书名号内又用书名号，内层应改用单书名号〈〉", swapFix(e.inner, "〈", "〉", "内层书名号改为〈〉"));
        }
      };

      for (let i = first; i < n; i = nextMarked(text, i + 1, PAIRED)) {
        const c = text.charCodeAt(i);
        if (skip && skip[i]) continue;
        const of = openFam(c);
        if (of >= 0) {
          let nested = false;
          if (of === Fam.DQ) nested = nearest(Fam.DQ, Fam.SQ)?.fam === Fam.DQ;
          else if (of === Fam.BOOK) nested = nearest(Fam.BOOK, Fam.ANGLE)?.fam === Fam.BOOK;
          // full-width only: a half-width bracket is made full-width by punctuation-halfwidth first
          let inParen = false;
          if (c === 0xff08) {
            const around = nearest(Fam.PAREN, Fam.PAREN);
            inParen = around !== undefined && text.charCodeAt(around.pos) === 0xff08;
          }
          // inner made only when a nested pair closes inside: a long run of openers stays small
          stack.push({ fam: of, pos: i, nested, inner: null, inParen });
          if (stack.length > MAX_OPEN) {
            for (const e of stack.splice(0, MAX_OPEN / 2)) report(e.pos, e.pos + 1, "unclosed", unclosedMessage(e.fam, text[e.pos]));
          }
          continue;
        }
        const cf = closeFam(c);
        if (cf < 0) continue;
        const top = stack[stack.length - 1];
        if (top && top.fam === cf) {
          stack.pop();
          if (top.nested) {
            const outer = cf === Fam.DQ ? nearest(Fam.DQ, Fam.DQ) : nearest(Fam.BOOK, Fam.BOOK);
            if (outer) (outer.inner ??= []).push([top.pos, i]);
          } else if (top.inParen && c === 0xff09 && !isEnumerator(text, top.pos, i)) {
            // only the outermost bracket's closing reports, once for all the brackets inside it
            let outer: Open | undefined;
            for (let k = stack.length - 1, m = 0; k >= 0 && m < MAX_SCAN; k--, m++) if (stack[k].fam === Fam.PAREN && !stack[k].inParen) outer = stack[k];
            if (outer) (outer.inner ??= []).push([top.pos, i]);
          }
          closeEntry(top);
          continue;
        }
        let depth = -1;
        for (let k = stack.length - 1, m = 0; k >= 0 && m < MAX_SCAN; k--, m++) {
          if (stack[k].fam === cf) {
            depth = k;
            break;
          }
        }
        if (depth >= 0) {
          const above = stack.slice(depth + 1);
          const lc = lastClose();
          const crossing = above.some((e) => lc[e.fam] > i);
          if (crossing) {
            // （“…）” — the marks cross: report once, close the bracket, keep the rest open.
            const e = stack[depth];
            stack.splice(depth, 1);
            const inner = above[above.length - 1];
            report(i, i + 1, "crossing", `“${text[e.pos]}…${text[i]}”与其中的“${text[inner.pos]}”交叉嵌套，成对标点应完整地一层套一层`);
            continue;
          }
          // The marks above were never closed.
          for (const e of above) report(e.pos, e.pos + 1, "unclosed", unclosedMessage(e.fam, text[e.pos]));
          // Close the match itself (stack[depth]), not the entry below it.
          const matched = stack[depth];
          stack.length = depth;
          closeEntry(matched);
          continue;
        }
        // No opening mark for this closing mark.
        if (cf === Fam.PAREN && isEnumeratorClose(text, i)) continue;
        if (cf === Fam.SQ && i > 0 && i < n - 1 && isAsciiAlnum(text.charCodeAt(i - 1))) continue; // it’s
        if (cf === Fam.DQ) {
          strayClose.push(i);
          continue;
        }
        report(i, i + 1, "unmatched-close", cf === Fam.SQ ? "后单引号’没有配对的前单引号‘" : `“${text[i]}”没有配对的“${OPEN_OF[cf]}”`);
      }

      // Quote direction: ”…“ or ”…” where “…” was meant.
      const openQuotes = stack.filter((e) => e.fam === Fam.DQ);
      const continued = nextStartsWithQuote(ctx, p.index);
      const usedOpen = new Set<Open>();
      let oq = 0;
      for (let k = 0; k < strayClose.length; k++) {
        const s = strayClose[k];
        while (oq < openQuotes.length && openQuotes[oq].pos < s) oq++;
        const later = oq < openQuotes.length ? openQuotes[oq] : undefined;
        if (later) {
          oq++;
          usedOpen.add(later);
          report(s, s + 1, "quote-direction", "引号方向错误：前引号应为“，后引号应为”", {
            description: "调换引号方向",
            text: [
              { paragraph: p.index, start: s, end: s + 1, text: "“" },
              { paragraph: p.index, start: later.pos, end: later.pos + 1, text: "”" },
            ],
          });
          continue;
        }
        const nextStray = strayClose[k + 1];
        if (nextStray !== undefined && oq >= openQuotes.length) {
          report(s, s + 1, "quote-direction", "引号方向错误：前引号应为“", {
            description: "改为前引号“",
            text: [{ paragraph: p.index, start: s, end: s + 1, text: "“" }],
          });
          k++;
          continue;
        }
        report(s, s + 1, "unmatched-close", "后引号”没有配对的前引号“");
      }

      // Marks still open at the end of the paragraph. An unclosed nested opener is reported once:
      // the same-family openers around it are "covered".
      const cover = new Uint8Array(FAMILIES);
      for (let k = stack.length - 1; k >= 0; k--) {
        const e = stack[k];
        if (usedOpen.has(e)) continue;
        if ((e.fam === Fam.DQ || e.fam === Fam.SQ) && continued) {
          // a quotation running on into the next paragraph: report nesting found so far
          closeEntry(e);
          continue;
        }
        if (cover[e.fam]) {
          if (!e.nested) cover[e.fam] = 0;
          continue;
        }
        if (e.nested) {
          report(e.pos, e.pos + 1, "unclosed", e.fam === Fam.DQ ? "引号不配对：双引号内又出现前引号““”，可能缺少后引号”，或内层应改用单引号‘’" : "书名号不配对：书名号内又出现“《”，可能缺少“》”，或内层应改用〈〉");
          cover[e.fam] = 1;
          continue;
        }
        report(e.pos, e.pos + 1, "unclosed", unclosedMessage(e.fam, text[e.pos]));
      }
    }
  },
};
