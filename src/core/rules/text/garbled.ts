/**
 * garbled: text damaged by wrong decoding or left over from web scraping — replacement
 * characters, mojibake, private-use and control characters, zero-width characters, HTML
 * entities and tags, forum watermarks, site boilerplate, letter-spaced Chinese.
 */
import { isAsciiAlnum, isAsciiLetter, isCJK, isHan, isInlineSpace, isRareHan, type Span } from "../../text/chars";
import { findFootnoteRefs, findLostSeparators, footnoteLabel, gbkMojibakeLeadSet, recoverGbkMojibake } from "../../text/garbage";
import { ADJ_HAN_SPACE, ADJ_PHRASE, AMP_LT, GARBLE, GARBLED_STRONG_PHRASES, GARBLED_WEAK_PHRASES, INLINE_SPACE, QUESTION, SQUARE_OR_ROUND, summaryOf } from "../../text/summary";
import type { Paragraph } from "../../model";
import type { Fix, Report, Rule, RuleContext, Severity } from "../types";

/**
 * Site boilerplate; strong phrases are errors, weak ones warnings. The lists live with the
 * paragraph summary (text/summary.ts), which records where a phrase's first two characters meet.
 */
const STRONG_PHRASES = GARBLED_STRONG_PHRASES;
const WEAK_PHRASES = GARBLED_WEAK_PHRASES;

const PHRASES = new Map<number, Array<[string, boolean]>>();
/** 1 where a phrase starts with that character: saves a Map lookup on every other character. */
const PHRASE_FIRST = new Uint8Array(0x10000);
/** 1 where a phrase has that character second. */
const PHRASE_SECOND = new Uint8Array(0x10000);
for (const [list, strong] of [[STRONG_PHRASES, true], [WEAK_PHRASES, false]] as const) {
  for (const ph of list) {
    const k = ph.charCodeAt(0);
    const arr = PHRASES.get(k) ?? [];
    arr.push([ph, strong]);
    PHRASES.set(k, arr);
    PHRASE_FIRST[k] = 1;
    PHRASE_SECOND[ph.charCodeAt(1)] = 1;
  }
}

/** "(汇总5篇)" in a scraped title; "…篇一" closing a short heading line. */
const COLLECTION = /[(（【](?:汇总|精选|通用|优选|推荐|热门|最新|合集|集锦|优秀|实用|精华)?\d{1,3}篇(?:范文)?[)）】]/;
const PIECE_HEADING = /篇[一二三四五六七八九十]{1,3}$/;

const ENTITY = /&(?:#\d{2,7};?|#[xX][0-9a-fA-F]{2,6};?|[a-zA-Z][a-zA-Z0-9]{1,9};|(?:nbsp|amp|lt|gt|quot|ldquo|rdquo|lsquo|rsquo|mdash|hellip|emsp|ensp|middot)(?![a-zA-Z;]))/g;
const NAMED: Record<string, string> = {
  amp: "&", lt: "<", gt: ">", ldquo: "“", rdquo: "”", lsquo: "‘", rsquo: "’", mdash: "—", hellip: "…", middot: "·", nbsp: "", emsp: "", ensp: "", thinsp: "",
};
const TAG = /<\/?(?:p|br|div|span|strong|b|i|em|u|font|a|img|table|tr|td|th|li|ul|ol|h[1-6]|section|article|center|sup|sub|hr|tbody|thead|o:p|st1:[a-z]+)(?:\s[^<>]{0,200})?\s*\/?>/gi;
/** An English function word between Chinese characters (发展 and 客观): machine replacement or residue. */
const STRAY_WORD = /[\u4e00-\u9fff] (and|or|the|of|to|in|is|with|for) (?=[\u4e00-\u9fff])/g;

/** Necessary for STRAY_WORD: one of its words between spaces (a cheap test before the full pattern). */
const MAYBE_STRAY_WORD = / (?:and|or|the|of|to|in|is|with|for) /;

/** Character classes for the fast skip in the main loop. */
const PLAIN = 0;
/** A CJK Unified Ideograph (U+4E00–U+9FFF) that starts nothing: only its isolation (letter-spacing) matters. */
const PLAIN_HAN = 1;
const SPECIAL = 2;
/** A Han character that starts a boilerplate phrase: a candidate only when the next character is a phrase's second. */
const PHRASE_HAN = 3;

let classCache: Uint8Array | undefined;
let classLead: Uint8Array | null | undefined;

/**
 * PLAIN / PLAIN_HAN / SPECIAL for every BMP code unit. SPECIAL marks every character on which a
 * step of the main loop can do something (start a run, a mojibake or a rare-character span, a
 * phrase, a bracket or □ check, a no-break space).
 */
function classTable(lead: Uint8Array | null): Uint8Array {
  if (classCache && classLead === lead) return classCache;
  const t = new Uint8Array(0x10000).fill(PLAIN);
  for (let c = 0x4e00; c <= 0x9fff; c++) t[c] = PLAIN_HAN;
  const special = (a: number, b: number): void => {
    for (let c = a; c <= b; c++) t[c] = SPECIAL;
  };
  special(0x00, 0x1f); // control characters
  special(0x7f, 0x9f);
  special(0xa0, 0xa0); // no-break space
  special(0xc2, 0xef); // Latin-1 / cp1252 mojibake leads
  special(0x3400, 0x4dbf); // rare Han (Extension A)
  special(0xd800, 0xdfff); // surrogates
  special(0xe000, 0xf8ff); // private use
  special(0xfffd, 0xfffd);
  special(0x25a1, 0x25a1); // □
  special(0x28, 0x28); // ( of ()
  special(0x5b, 0x5b); // [ of []
  for (let c = 0; c < 0x10000; c++) if (isInvisible(c)) t[c] = SPECIAL;
  if (lead) for (let c = 0; c < 0x10000; c++) if (lead[c]) t[c] = SPECIAL;
  for (let c = 0; c < 0x10000; c++) if (PHRASE_FIRST[c] && t[c] !== SPECIAL) t[c] = c >= 0x4e00 && c <= 0x9fff ? PHRASE_HAN : SPECIAL;
  classLead = lead;
  return (classCache = t);
}

/**
 * The first index at or after i (at most `limit`) where a step of the main loop can act: a SPECIAL character, a
 * phrase start followed by a phrase's second character, or a Han character with no Han
 * neighbour (letter-spacing). Kept small so that it is optimized early.
 */
function skipOrdinary(text: string, i: number, limit: number, cls: Uint8Array): number {
  const n = text.length;
  const second = PHRASE_SECOND;
  let prevHan = i > 0 && isHanBMP(text.charCodeAt(i - 1));
  while (i < limit) {
    // literal class numbers (PLAIN 0, PLAIN_HAN 1, PHRASE_HAN 3): no context loads in this loop
    const k = cls[text.charCodeAt(i)];
    if (k === 0) prevHan = false; // never a Han character
    else if ((k === 1 || (k === 3 && second[text.charCodeAt(i + 1)] !== 1)) && (prevHan || (i + 1 < n && isHanBMP(text.charCodeAt(i + 1)))))
      prevHan = true;
    else break;
    i++;
  }
  return i;
}

/** Invisible characters that are removed: zero-width, direction marks, word joiner, BOM, soft hyphen. */
function isInvisible(c: number): boolean {
  return (
    (c >= 0x200b && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) || (c >= 0x2060 && c <= 0x2064) || c === 0xfeff || c === 0x180e || c === 0xad
  );
}

/**
 * Control characters that are garbage. Tab, line feed, carriage return, vertical tab (Word's
 * manual line break) and form feed (page break) are not; in Word/docx sources Word's own
 * markers (object anchor 1, footnote mark 2, cell end 7, column break 14, field marks 19–21,
 * hyphens 30–31) are not either.
 */
function isBadControl(c: number, fromWord: boolean): boolean {
  if (c >= 0x7f && c <= 0x9f) return true;
  if (c >= 0x20) return false;
  if (c === 0x09 || c === 0x0a || c === 0x0b || c === 0x0c || c === 0x0d) return false;
  if (fromWord && (c === 1 || c === 2 || c === 7 || c === 14 || c === 19 || c === 20 || c === 21 || c === 30 || c === 31)) return false;
  return true;
}

/** Windows-1252 characters for bytes 0x80–0x9F. */
const CP1252 = [
  0x20ac, -1, 0x201a, 0x0192, 0x201e, 0x2026, 0x2020, 0x2021, 0x02c6, 0x2030, 0x0160, 0x2039, 0x0152, -1, 0x017d, -1,
  -1, 0x2018, 0x2019, 0x201c, 0x201d, 0x2022, 0x2013, 0x2014, 0x02dc, 0x2122, 0x0161, 0x203a, 0x0153, -1, 0x017e, 0x0178,
];
const CP1252_BYTE = new Map<number, number>();
CP1252.forEach((u, k) => {
  if (u >= 0) CP1252_BYTE.set(u, 0x80 + k);
});

/** The byte a character stands for when UTF-8 was read as Latin-1 / Windows-1252, or -1. */
function latinByte(c: number): number {
  if (c < 0x100) return c;
  return CP1252_BYTE.get(c) ?? -1;
}

/** A UTF-8 continuation byte (0x80–0xBF) shown as a Latin-1 / cp1252 letter or symbol. */
function isStrongCont(c: number): boolean {
  if (c >= 0x80 && c <= 0xbf) return true;
  const b = CP1252_BYTE.get(c);
  return b !== undefined && c !== 0x2013 && c !== 0x2014 && c !== 0x2018 && c !== 0x2019 && c !== 0x201c && c !== 0x201d && c !== 0x2026;
}

function isCont(c: number): boolean {
  return (c >= 0x80 && c <= 0xbf) || CP1252_BYTE.has(c);
}

const utf8 = new TextDecoder("utf-8");

function recoverLatin(s: string): string {
  const bytes: number[] = [];
  for (let i = 0; i < s.length; i++) {
    const b = latinByte(s.charCodeAt(i));
    bytes.push(b < 0 ? 0x3f : b);
  }
  return utf8.decode(new Uint8Array(bytes)).replace(/\ufffd/g, "");
}

function hex(c: number): string {
  return "U+" + c.toString(16).toUpperCase().padStart(4, "0");
}

function isHanBMP(c: number): boolean {
  return (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);
}

const MESSAGES = {
  watermark: "网页防采集水印",
  "replacement-char": "替换字符“�”",
  "private-use": "私用区字符",
  "control-char": "控制字符",
  "invisible-char": "零宽等不可见字符",
  "mojibake-latin": "按西文解码的乱码",
  "mojibake-gbk": "按 GBK 解码的乱码",
  "rare-han-run": "成串的罕用字",
  "letter-spaced": "字字隔开的中文",
  nbsp: "不间断空格",
  "missing-glyph": "缺字占位符“□”",
  "empty-brackets": "空括号残留",
  boilerplate: "网站套话残留",
  "html-entity": "HTML 字符实体",
  "html-tag": "HTML 标签",
  "stray-english": "中文里夹的英文虚词",
  "footnote-marker": "悬空的注释序号",
  "lost-separator": "人名间丢失的间隔号",
  "broken-paragraph": "句子中间断开的段落",
};
type MessageId = keyof typeof MESSAGES;

export const garbled: Rule = {
  id: "garbled",
  category: "garbled",
  severity: "error",
  title: "乱码与网页残留",
  description: "检查乱码、替换符“�”、私用区字符、不可见字符、HTML 实体和标签、网页水印和“本站小编”之类的抓取残留、字字隔开的中文、悬空的注释序号“[2]”、人名间丢失的间隔号，以及在句子中间断开的段落。",
  source: "GB/T 9704-2012 9；《党政机关公文处理工作条例》第二十条",
  fixable: true,
  messages: MESSAGES,
  check(ctx) {
    const fromWord = ctx.doc.source !== "text";
    // The whitespace rule reports stray spaces of every kind inside a line, no-break spaces included.
    const wsRule = ctx.profile.rules["whitespace"] !== "off";
    const lead = gbkMojibakeLeadSet();
    const cls = classTable(lead);
    // notes present in the document ([2] opening a paragraph): references to them are not dangling
    const paras = ctx.doc.paragraphs;
    const summary = summaryOf(ctx.doc, ctx.outline);
    const flags = summary.flags;
    const notes = new Set<number>();
    for (let pi = 0; pi < paras.length; pi++) {
      if ((flags[pi] & SQUARE_OR_ROUND) === 0) continue;
      const p = paras[pi];
      if (p.text.indexOf("[") < 0 && p.text.indexOf("［") < 0) continue;
      const k = footnoteLabel(p.text);
      if (k >= 0) notes.add(k);
    }
    checkBrokenParagraphs(ctx);
    for (let pi = 0; pi < paras.length; pi++) {
      const p = paras[pi];
      const text = p.text;
      const n = text.length;
      if (n === 0) continue;
      const f = flags[pi];
      if (f & SQUARE_OR_ROUND) checkFootnotes(ctx, p.index, text, notes);
      // a lone ？ between two names; a lone � there is reported here instead of as a bare replacement character
      const lostSep = f & QUESTION ? findLostSeparators(text) : NONE;
      for (const k of lostSep) {
        const bad = text.charCodeAt(k) === 0xfffd;
        ctx.report({
          paragraph: p.index,
          start: k,
          end: k + 1,
          messageId: "lost-separator",
          ...(bad ? {} : { severity: "warning" as const }),
          message: `“${text.slice(Math.max(0, k - 4), k + 5)}”中的“${text[k]}”疑似转码时丢失的间隔号“·”或顿号“、”，请对照原文改正`,
        });
      }
      // No character the steps below act on, no phrase begun, no empty () or [], no 篇, no Han
      // character before a space (letter-spacing and a stray English word start there), no
      // watermark (the only step a space alone can start): nothing to do.
      if (
        (f & (GARBLE | ADJ_HAN_SPACE | AMP_LT | ADJ_PHRASE)) === 0 &&
        ((f & SQUARE_OR_ROUND) === 0 || (text.indexOf("()") < 0 && text.indexOf("[]") < 0)) &&
        text.indexOf("篇") < 0 &&
        ((f & INLINE_SPACE) === 0 || summary.watermarks(pi).length === 0)
      )
        continue;
      const marks: Span[] = summary.watermarks(pi);
      // Let through by a 篇 alone (篇章, 一篇): the character steps have nothing to act on, for the
      // reasons of the test above; only the aggregator titles after them are looked for.
      const steps = marks.length > 0 || (f & (GARBLE | ADJ_HAN_SPACE | AMP_LT | ADJ_PHRASE)) !== 0 || ((f & SQUARE_OR_ROUND) !== 0 && (text.indexOf("()") >= 0 || text.indexOf("[]") >= 0));
      // Ordinary text (the common case): nothing any step below could act on.
      if (
        marks.length === 0 &&
        (!steps || skipOrdinary(text, 0, n, cls) === n) &&
        text.indexOf("&") < 0 &&
        text.indexOf("<") < 0 &&
        text.indexOf("篇") < 0 &&
        !(text.indexOf(" ") >= 0 && MAYBE_STRAY_WORD.test(text))
      )
        continue;
      // Findings wait until the paragraph is done: a mojibake span swallows the �, private-use and
      // rare characters inside it.
      const pending: Array<[Report, boolean]> = [];
      const mojibake: Span[] = [];
      const report = (id: MessageId, start: number, end: number, message: string, fix?: string | null, severity?: Severity, fixDesc?: string, partOfMojibake = false): void => {
        const r: Report = { paragraph: p.index, start, end, message, messageId: id };
        if (fix !== undefined && fix !== null) {
          const f: Fix = { description: fixDesc ?? (fix === "" ? "删除" : `改为“${fix}”`), text: [{ paragraph: p.index, start, end, text: fix }] };
          r.fix = f;
        }
        if (severity) r.severity = severity;
        pending.push([r, partOfMojibake]);
      };

      // forum watermarks (found above)
      for (const [s, e] of marks) {
        let fs = s;
        let fe = e;
        // take one separating space along, so the words around do not run together oddly
        if (fs > 0 && text.charCodeAt(fs - 1) === 0x20) fs--;
        else if (fe < n && text.charCodeAt(fe) === 0x20) fe++;
        ctx.report({
          paragraph: p.index, start: s, end: e, messageId: "watermark",
          message: `网页防采集水印乱码“${text.slice(s, Math.min(e, s + 12))}${e - s > 12 ? "…" : ""}”，应删除`,
          fix: { description: "删除水印乱码", text: [{ paragraph: p.index, start: fs, end: fe, text: "" }] },
        });
      }
      let markIdx = 0;

      const phraseHits: Array<[number, number, string, boolean]> = [];
      // run trackers
      let runStart = -1;
      let runKind = 0; // 1 FFFD, 2 PUA, 3 control, 4 invisible
      let latinStart = -1;
      let latinEnd = -1;
      let latinSure = false;
      let latinHits = 0;
      let gbkStart = -1;
      let gbkLast = -1;
      let gbkHits = 0;
      let rareStart = -1;
      let rareLast = -1;
      let rareHits = 0;
      let isoStart = -1;
      let isoEnd = -1;
      let isoCount = 0;
      // first and last non-space characters, computed at the first no-break space
      let textStart = -1;
      let textEnd = -1;

      const closeRun = (end: number): void => {
        if (runStart < 0) return;
        const s = runStart;
        const code = text.charCodeAt(s);
        if (runKind === 1) report("replacement-char", s, end, "出现替换字符“�”：文字在转换编码时已损坏，需对照原文补正", null, undefined, undefined, true);
        else if (runKind === 2) report("private-use", s, end, `出现私用区字符（${hex(code)}）：多为特殊字体符号或乱码，换机或打印可能显示异常`, null, undefined, undefined, true);
        else if (runKind === 3) report("control-char", s, end, `出现控制字符（${hex(code)}）：复制粘贴带入的不可见乱码，应删除`, "", undefined, "删除控制字符");
        else if (runKind === 4) report("invisible-char", s, end, `出现不可见字符（${hex(code)}，零宽字符等）：打印时看不出，但会妨碍查找、字数统计和校对，应删除`, "", "warning", "删除不可见字符");
        runStart = -1;
        runKind = 0;
      };
      const closeLatin = (): void => {
        if (latinStart >= 0 && (latinSure || latinHits >= 2)) {
          const rec = recoverLatin(text.slice(latinStart, latinEnd));
          mojibake.push([latinStart, latinEnd]);
          report("mojibake-latin", latinStart, latinEnd, `疑似乱码：UTF-8 文字被按西文编码错误解码${rec ? `，原文可能是“${rec}”` : ""}`);
        }
        latinStart = -1;
        latinHits = 0;
        latinSure = false;
      };
      const closeGbk = (): void => {
        if (gbkStart >= 0 && gbkHits >= 3) {
          const end = Math.min(n, gbkLast + 3);
          const rec = recoverGbkMojibake(text.slice(gbkStart, end));
          if (rec) {
            // the mojibake runs on over the broken characters at its end
            let e = end;
            while (e < n && (text.charCodeAt(e) === 0xfffd || (text.charCodeAt(e) >= 0xe000 && text.charCodeAt(e) <= 0xf8ff))) e++;
            mojibake.push([gbkStart, e]);
            report("mojibake-gbk", gbkStart, e, `疑似乱码：UTF-8 文字被按 GBK 错误解码，原文可能是“${rec}”`);
          }
        }
        gbkStart = -1;
        gbkHits = 0;
      };
      const closeRare = (): void => {
        if (rareStart >= 0 && rareHits >= 3) {
          const end = Math.min(n, rareLast + (text.charCodeAt(rareLast) >= 0xd800 ? 2 : 1));
          report("rare-han-run", rareStart, end, "疑似乱码：连续出现罕用的扩展区汉字", null, undefined, undefined, true);
        }
        rareStart = -1;
        rareHits = 0;
      };
      const closeIso = (): void => {
        if (isoCount >= 3 && !p.inTable && !conventionalSpacing(text, isoStart, isoEnd, isoCount)) {
          const run = text.slice(isoStart, isoEnd);
          // the spaces inside are this finding's: no separate no-break-space finding
          mojibake.push([isoStart, isoEnd]);
          report("letter-spaced", isoStart, isoEnd, `中文字间夹有空格“${run.length > 16 ? run.slice(0, 15) + "…" : run}”，应删除字间空格`, run.replace(SPACES, ""), undefined, "删除字间空格");
        }
        isoStart = -1;
        isoCount = 0;
      };

      for (let i = steps ? 0 : n; i < n; i++) {
        if (runKind === 0 && latinStart < 0 && gbkStart < 0 && rareStart < 0) {
          // Nothing is being tracked: skip the characters on which the steps below do nothing
          // (ordinary text), so that only candidates reach them; stop at the next watermark
          // (a stale markIdx gives a limit ≤ i: no skipping, and the step below catches up).
          i = skipOrdinary(text, i, markIdx < marks.length ? marks[markIdx][0] : n, cls);
          if (i >= n) break;
        }
        const c = text.charCodeAt(i);
        while (markIdx < marks.length && marks[markIdx][1] <= i) markIdx++;
        if (markIdx < marks.length && marks[markIdx][0] <= i) {
          closeRun(i);
          i = marks[markIdx][1] - 1;
          continue;
        }

        // single-character runs: FFFD, PUA, control, invisible
        let kind = 0;
        if (c === 0xfffd) kind = 1;
        else if (c >= 0xe000 && c <= 0xf8ff) kind = 2;
        else if (isInvisible(c)) kind = 4;
        else if ((c < 0x20 || (c >= 0x7f && c <= 0x9f)) && isBadControl(c, fromWord) && latinStart < 0) kind = 3;
        if (kind !== runKind) closeRun(i);
        if (kind) {
          if (runStart < 0) {
            runStart = i;
            runKind = kind;
          }
          // The rest of a run of invisible characters in one tight loop (up to the next watermark,
          // which the steps above must see): a pasted page can hold thousands of them in a row.
          if (kind === 4) {
            const stop = markIdx < marks.length ? Math.min(n, marks[markIdx][0]) : n;
            while (i + 1 < stop && isInvisible(text.charCodeAt(i + 1))) i++;
          }
          continue;
        }

        // Latin-1 / cp1252 mojibake: Ã© ; åŠž
        if (c >= 0xc2 && c <= 0xef && c !== 0xd7) {
          const c1 = i + 1 < n ? text.charCodeAt(i + 1) : -1;
          const c2 = i + 2 < n ? text.charCodeAt(i + 2) : -1;
          let len = 0;
          let sure = false;
          if (c >= 0xe0 && isCont(c1) && isCont(c2) && (isStrongCont(c1) || isStrongCont(c2))) {
            len = 3;
            sure = true;
          } else if (isStrongCont(c1)) {
            len = 2;
            sure = c === 0xc2 || c === 0xc3;
          }
          if (len) {
            if (latinStart < 0 || i > latinEnd + 1) {
              closeLatin();
              latinStart = i;
            }
            latinEnd = i + len;
            latinHits++;
            if (sure) latinSure = true;
            i += len - 1;
            continue;
          }
        }
        if (latinStart >= 0 && i > latinEnd + 1) closeLatin();

        // GBK mojibake: 鍔炲叕瀹ゅ伐 — every third character or so comes from a UTF-8 lead byte
        if (lead && lead[c]) {
          if (gbkStart < 0 || i - gbkLast > 4) {
            closeGbk();
            gbkStart = i;
          }
          gbkLast = i;
          gbkHits++;
        } else if (gbkStart >= 0 && i - gbkLast > 4) closeGbk();

        // runs of rare extension characters
        if (isRareHan(c)) {
          if (rareStart < 0 || i - rareLast > 3) {
            closeRare();
            rareStart = i;
          }
          rareLast = i;
          rareHits++;
          if (c >= 0xd800 && c <= 0xdbff) i++; // the low surrogate
          continue;
        } else if (rareStart >= 0 && i - rareLast > 3) closeRare();

        // letter-spaced Chinese: 浙 江 省 教 育 厅
        if (isHanBMP(c) && !(i > 0 && isHanBMP(text.charCodeAt(i - 1))) && !(i + 1 < n && isHanBMP(text.charCodeAt(i + 1)))) {
          const gap = i - isoEnd;
          const spaced = isoStart >= 0 && (gap === 1 || gap === 2) && isGap(text, isoEnd, i);
          if (!spaced) {
            closeIso();
            isoStart = i;
          }
          isoEnd = i + 1;
          isoCount++;
        }

        // no-break space next to Chinese: left over from &nbsp;. A run of them is one finding, so
        // that deleting it does not bring the next one up against the Chinese.
        if (c === 0xa0 && !(i > 0 && text.charCodeAt(i - 1) === 0xa0)) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === 0xa0) e++;
          if (textStart < 0) {
            textStart = 0;
            while (textStart < n && isInlineSpace(text.charCodeAt(textStart))) textStart++;
            textEnd = n;
            while (textEnd > textStart && isInlineSpace(text.charCodeAt(textEnd - 1))) textEnd--;
          }
          const interior = wsRule && i > textStart && e < textEnd;
          if (!interior && ((i > 0 && isCJK(text.charCodeAt(i - 1))) || (e < n && isCJK(text.charCodeAt(e))))) {
            report("nbsp", i, e, "中文中夹有网页带入的不间断空格，应删除", "", "warning", "删除不间断空格", true);
          }
        }
        // □ right after a character: a missing glyph
        if (c === 0x25a1 && i > 0 && (isHan(text.charCodeAt(i - 1)) || isAsciiAlnum(text.charCodeAt(i - 1)))) {
          let e = i + 1;
          while (e < n && text.charCodeAt(e) === 0x25a1) e++;
          report("missing-glyph", i, e, "出现“□”：多为网页或字体缺字留下的占位符，需对照原文补正", null, "warning");
        }
        // empty [] or () glued to text: wto[]改革
        if ((c === 0x5b && text.charCodeAt(i + 1) === 0x5d) || (c === 0x28 && text.charCodeAt(i + 1) === 0x29)) {
          const prevC = i > 0 ? text.charCodeAt(i - 1) : -1;
          const nextC = i + 2 < n ? text.charCodeAt(i + 2) : -1;
          if (isCJK(nextC) || (isCJK(prevC) && !isAsciiLetter(nextC))) {
            report("empty-brackets", i, i + 2, `出现空括号“${text.slice(i, i + 2)}”：疑似网页抓取残留`, null, "warning");
          }
        }
        // boilerplate phrases
        const cands = PHRASE_FIRST[c] ? PHRASES.get(c) : undefined;
        // a phrase named in quotes (图纸注明“仅供参考”) is talked about, not left over
        if (cands) for (const [ph, strong] of cands) if (text.startsWith(ph, i) && !quoted(text, i, i + ph.length)) phraseHits.push([i, i + ph.length, ph, strong]);
      }
      closeRun(n);
      closeLatin();
      closeGbk();
      closeRare();
      closeIso();

      // aggregator headings and titles
      const col = text.indexOf("篇") >= 0 ? COLLECTION.exec(text) : null;
      if (col) phraseHits.push([col.index, col.index + col[0].length, col[0], true]);
      if (n <= 40) {
        const ph = PIECE_HEADING.exec(text);
        if (ph) phraseHits.push([ph.index, n, ph[0], true]);
      }
      if (phraseHits.length) {
        phraseHits.sort((a, b) => a[0] - b[0]);
        const names: string[] = [];
        let strong = false;
        let last = 0;
        for (const [, e, ph, st] of phraseHits) {
          if (!names.some((x) => x.includes(ph))) names.push(ph);
          strong ||= st;
          last = Math.max(last, e);
        }
        report("boilerplate", phraseHits[0][0], last, `疑似网页抓取残留文字（${names.map((x) => `“${x}”`).join("")}），应删除`, null, strong ? undefined : "warning");
      }

      for (const k of lostSep) if (text.charCodeAt(k) === 0xfffd) mojibake.push([k, k + 1]);
      pending.sort((a, b) => a[0].start - b[0].start);
      mojibake.sort((a, b) => a[0] - b[0]);
      let mk = 0;
      for (const [r, inner] of pending) {
        while (mk < mojibake.length && mojibake[mk][1] <= r.start) mk++;
        if (inner && mk < mojibake.length && r.start >= mojibake[mk][0] && r.end <= mojibake[mk][1]) continue;
        ctx.report(r);
      }
      pending.length = 0;

      // The flags say whether a paragraph holds & < or a space at all: a 1 MB paragraph is not read
      // again from end to end for each of them (each pass over 2 MB of text misses the cache).
      if ((f & AMP_LT) !== 0 && text.indexOf("&") >= 0) {
        ENTITY.lastIndex = 0;
        for (let m = ENTITY.exec(text); m; m = ENTITY.exec(text)) {
          const raw = m[0];
          let rep: string | null = null;
          if (raw[1] === "#") {
            const code = raw[2] === "x" || raw[2] === "X" ? parseInt(raw.slice(3), 16) : parseInt(raw.slice(2), 10);
            if (code > 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
          } else {
            const name = raw.slice(1).replace(/;$/, "").toLowerCase();
            if (name in NAMED) rep = NAMED[name];
          }
          if (rep === null && raw[1] !== "#" && !(raw.slice(1, -1).toLowerCase() in NAMED) && !/^&[a-z]+;$/i.test(raw)) continue;
          report("html-entity", m.index, m.index + raw.length, `网页 HTML 字符实体“${raw}”没有还原`, rep, undefined, rep === "" ? "删除" : rep !== null ? `还原为“${rep}”` : undefined);
        }
      }
      if ((f & AMP_LT) !== 0 && text.indexOf("<") >= 0) {
        TAG.lastIndex = 0;
        for (let m = TAG.exec(text); m; m = TAG.exec(text)) {
          report("html-tag", m.index, m.index + m[0].length, `网页 HTML 标签“${m[0].length > 20 ? m[0].slice(0, 19) + "…" : m[0]}”残留在正文中`, "", undefined, "删除标签");
        }
      }
      if ((f & INLINE_SPACE) !== 0 && text.indexOf(" ") >= 0 && MAYBE_STRAY_WORD.test(text)) {
        STRAY_WORD.lastIndex = 0;
        for (let m = STRAY_WORD.exec(text); m; m = STRAY_WORD.exec(text)) {
          const s = m.index + 2;
          report("stray-english", s, s + m[1].length, `中文中夹有英文“${m[1]}”：疑似机器替换或网页抓取残留`, null, "warning");
          STRAY_WORD.lastIndex = s + m[1].length;
        }
      }
      for (const [r] of pending) ctx.report(r);
    }
  },
};

const SPACES = /[ \t\u00a0\u2000-\u200a\u3000]/g;
const NONE: number[] = [];

/**
 * Letter-spacing that is a layout convention, not scraping damage: a short line that is nothing
 * but the spaced name (落款 or 版头 “某 某 市 人 民 政 府”, the author line “习　近　平”, a short title
 * “会 议 纪 要”), or a short label at the start spaced to align with the one below (“签 发 人：”).
 */
function conventionalSpacing(text: string, s: number, e: number, count: number): boolean {
  let a = 0;
  while (a < s && isInlineSpace(text.charCodeAt(a))) a++;
  if (a < s) return false;
  let b = e;
  while (b < text.length && isInlineSpace(text.charCodeAt(b))) b++;
  if (b === text.length) return count <= 16;
  const c = text.charCodeAt(b);
  return count <= 4 && (c === 0xff1a || c === 0x3a);
}

/** [s, e) stands alone inside quotes: “仅供参考”. */
function quoted(text: string, s: number, e: number): boolean {
  const a = text.charCodeAt(s - 1);
  const b = text.charCodeAt(e);
  return (a === 0x201c && b === 0x201d) || (a === 0x2018 && b === 0x2019) || (a === 0x300c && b === 0x300d);
}

/** Dangling footnote references: [2] in body text when no paragraph holds note [2]. */
function checkFootnotes(ctx: RuleContext, paragraph: number, text: string, notes: Set<number>): void {
  for (const { span, numbers } of findFootnoteRefs(text)) {
    if (numbers.every((k) => notes.has(k))) continue;
    const [s, e] = span;
    ctx.report({
      paragraph,
      start: s,
      end: e,
      messageId: "footnote-marker",
      message: `正文中残留注释序号“${text.slice(s, e)}”，文中并无对应的注释，多为从网页复制带入，应删除`,
      fix: { description: "删除注释序号", text: [{ paragraph, start: s, end: e, text: "" }] },
    });
  }
}

/** Sentence-ending marks: a paragraph that ends with none of them (or with a colon) is unfinished. */
const END_MARKS = new Set(Array.from("。！？；：…”’）》」』】—.!?;:)"));

/**
 * A paragraph broken in the middle of a sentence or word (hard line breaks from a PDF or a web
 * page): a prose paragraph of some length that ends on a Han character, a comma or a 顿号 and is
 * followed at once by a paragraph that goes on with a Han character. Headings, titles, the
 * salutation, table cells and short lines are left alone.
 */
function checkBrokenParagraphs(ctx: RuleContext): void {
  const paras = ctx.doc.paragraphs;
  const o = ctx.outline;
  for (let i = 0; i + 1 < paras.length; i++) {
    const p = paras[i];
    const q = paras[i + 1];
    if (p.inTable || q.inTable || p.listLabel || q.listLabel || headingLike(p)) continue;
    const t = p.text;
    let end = t.length;
    while (end > 0 && isInlineSpace(t.charCodeAt(end - 1))) end--;
    if (end < 20) continue;
    const last = t.charCodeAt(end - 1);
    const comma = last === 0xff0c || last === 0x3001;
    if (!(isHanBMP(last) || comma) || END_MARKS.has(t[end - 1])) continue;
    let qs = 0;
    while (qs < q.text.length && isInlineSpace(q.text.charCodeAt(qs))) qs++;
    if (qs >= q.text.length || !isHanBMP(q.text.charCodeAt(qs))) continue;
    if (o.byParagraph.has(p.index) || o.byParagraph.has(q.index) || o.title === p.index || o.title === q.index || o.salutation === q.index) continue;
    const runIns = o.runIns.get(q.index);
    if (runIns && runIns.length && runIns[0].start <= qs) continue;
    // A heading, a title or an unpunctuated list item (加强组织领导，明确责任分工) holds no finished
    // sentence; a prose paragraph cut short holds one before the cut, or stops at a comma.
    if (!comma && t.indexOf("。", 0) < 0 && t.indexOf("；") < 0 && t.indexOf("！") < 0 && t.indexOf("？") < 0) continue;
    ctx.report({
      paragraph: p.index,
      start: end - 1,
      end,
      messageId: "broken-paragraph",
      severity: "warning",
      message: "此段在句子中间结束，下一段接着同一句话：疑似复制时断开的段落，应与下一段合并",
    });
  }
}

/** Formatted as a heading: an outline level, centred, or bold throughout. */
function headingLike(p: Paragraph): boolean {
  if (p.outlineLevel !== undefined || p.alignment === "center") return true;
  return p.runs.length > 0 && p.runs.every((r) => r.bold === true || r.text.trim() === "");
}

/** The characters between two letter-spaced characters are one or two spaces. */
function isGap(text: string, s: number, e: number): boolean {
  for (let i = s; i < e; i++) {
    const c = text.charCodeAt(i);
    if (!isInlineSpace(c)) return false;
  }
  return true;
}
