/**
 * What each paragraph holds, found in one pass and shared by every rule: a bit per class of
 * characters that some check starts from. Most paragraphs of a draft are Han characters and the
 * common full-width marks only, where most checks have nothing to look at; a rule tests the bits
 * of its starting characters and passes over the paragraph at once instead of scanning it again.
 *
 * A bit says "may hold", never "holds nothing it should": a rule skips a paragraph only when its
 * bits rule out every finding, and reads the text as before otherwise.
 *
 * Besides the classes present, a few pairs of classes record whether a character of the first
 * class is directly followed by one of the second (two 点号 in a row, a bracket before what may
 * close it): one shift and one AND per character. A pair takes two neighbouring bits, the first
 * for the left class and the second for the right one; the result is kept in the right one's
 * place. One chain goes a character further: the first three characters of a boilerplate phrase
 * (a pair's result becomes the left class of the next pair), since the first two alone (以下, 一起,
 * 更多) stand in every other paragraph.
 */
import type { DocModel } from "../model";
import { findUrlSpans, spanMask, type Span } from "./chars";
import { findWatermarkSpans, gbkMojibakeLeadSet } from "./garbage";

/* ---- adjacency pairs (left bit even, right bit = left + 1; the right bit holds the result) ---- */

/** Two 点号 ，。、；：？！ in a row (。。 ，。 …): stacked stops and 。。。. */
export const ADJ_STOPS = 1 << 1;
const STOP_L = 1 << 0;
/** A boilerplate phrase's first character (the garbled rule) … */
const PHRASE_1 = 1 << 2;
/**
 * … followed by a phrase's second character; where the two meet, the scan sets bit 4 (the left
 * half of the next pair, never set by a character) …
 */
const PHRASE_2 = 1 << 3;
/** … followed by a phrase's third character: where a phrase may start. */
export const ADJ_PHRASE = 1 << 5;
/**
 * Where a placeholder can start on a Han character or a bracket (the placeholder rule): 此处 请在
 * 在此 待填 某某, or an opening bracket right before a closing one or 待/此/请/填.
 */
export const ADJ_PLACEHOLDER = 1 << 7;
/** Present: 此 请 在 待 某 or an opening bracket 【[（(《. */
export const PLACEHOLDER_LEFT = 1 << 6;
/**
 * A boundary (。；：！？ ，, or a space) directly before a character that can open a run-in or a
 * heading marker (第其首再最, a numeral, a bracket, a digit, ①): the outline's in-paragraph scan.
 */
export const ADJ_OUTLINE = 1 << 9;
const OUTLINE_L = 1 << 8;

/**
 * A Han character (U+4E00–U+9FFF) directly followed by a space inside a line: where letter-spaced
 * Chinese (浙 江 省) and an English word between Chinese (发展 and 客观) can start (the garbled rule).
 */
export const ADJ_HAN_SPACE = 1 << 27;
/** Present: a Han character U+4E00–U+9FFF. */
export const HAN = 1 << 26;

/** A count (两几二…十, a digit) directly before a measure word 点个项句条方: where speech-count's promise may be. */
export const ADJ_COUNT = 1 << 29;
const COUNT_L = 1 << 28;

const ADJACENT_RIGHT = ADJ_STOPS | PHRASE_2 | ADJ_PHRASE | ADJ_PLACEHOLDER | ADJ_OUTLINE | ADJ_HAN_SPACE | ADJ_COUNT;

/* ---- classes present ---- */

/** , ; : ! ? ( ) " ' . ． — what punctuation-halfwidth starts from. */
export const HALFWIDTH_PUNCT = 1 << 10;
/** - － – ~ ～ ∼ 〜 . · ・ • ⋯ ― ─ — the marks of punctuation-form other than 。 … —. */
export const FORM_MARK = 1 << 11;
/** … */
export const ELLIPSIS = 1 << 12;
/** — */
export const EM_DASH = 1 << 13;
/** Paired marks “”‘’《》〈〉（）()〔〕【】. */
export const PAIRED_MARK = 1 << 14;
/** A space inside a line: space, tab, no-break space, U+2000–U+200A, ideographic space. */
export const INLINE_SPACE = 1 << 15;
/** The other white space a regex \s matches: line breaks, U+1680, U+2028/9, U+202F, U+205F, U+FEFF. */
export const OTHER_SPACE = 1 << 16;
/** 0–9 */
export const ASCII_DIGIT = 1 << 17;
/** ０–９ */
export const FULLWIDTH_DIGIT = 1 << 18;
/** % ％ ﹪ */
export const PERCENT = 1 << 19;
/**
 * What the garbled rule acts on character by character: control characters, Latin-1 letters and
 * symbols (U+0080–U+00FF), rare Han of Extension A, surrogates, private use, U+FFFD, □, invisible
 * characters, and the Han characters GBK mojibake is made of.
 */
export const GARBLE = 1 << 20;
/** & < (HTML entities and tags). */
export const AMP_LT = 1 << 21;
/** 〔 _ ＿ ﹍ * ＊ ✕ ╳ X x Ｘ ｘ Ⅹ × — placeholders that start on a non-Han character. */
export const PLACEHOLDER_MARK = 1 << 22;
/** ( [ ［ — empty brackets and footnote references. */
export const SQUARE_OR_ROUND = 1 << 23;
/** ? ？ U+FFFD — a separator lost between two names. */
export const QUESTION = 1 << 24;

/**
 * The bits by character, as a class number per code unit (a 64 KiB table) and the bits of each
 * class: two small tables stay in the cache where one of 256 KiB would not.
 */
let classOf: Uint8Array | undefined;
let classBits: Int32Array | undefined;
/** A phrase of two characters: its first two characters alone then mark where a phrase may start. */
let shortPhrase = false;

function buildTables(): void {
  const t = new Int32Array(0x10000);
  const set = (chars: string, bit: number): void => {
    for (let k = 0; k < chars.length; k++) t[chars.charCodeAt(k)] |= bit;
  };
  const range = (a: number, b: number, bit: number): void => {
    for (let c = a; c <= b; c++) t[c] |= bit;
  };
  set("，。、；：？！", STOP_L | ADJ_STOPS);
  // garbled's boilerplate phrases (rules/text/garbled.ts): first and second characters
  for (const ph of GARBLED_PHRASES) {
    t[ph.charCodeAt(0)] |= PHRASE_1;
    t[ph.charCodeAt(1)] |= PHRASE_2;
    if (ph.length < 3) shortPhrase = true;
    else t[ph.charCodeAt(2)] |= ADJ_PHRASE;
  }
  set("此请在待某【[（(《", PLACEHOLDER_LEFT);
  set("处在此填某）)】》]〕待此请填", ADJ_PLACEHOLDER);
  set("。；：！？;:!?，, \u3000\t\u00a0", OUTLINE_L);
  range(0x4e00, 0x9fff, HAN);
  set(" \t\u00a0\u3000", ADJ_HAN_SPACE);
  range(0x2000, 0x200a, ADJ_HAN_SPACE);
  set("两几二三四五六七八九十0123456789", COUNT_L);
  range(0xff10, 0xff19, COUNT_L);
  set("点个项句条方", ADJ_COUNT);
  set("第其首再最十一二三四五六七八九（(§0123456789０１２３４５６７８９", ADJ_OUTLINE);
  range(0x2460, 0x2473, ADJ_OUTLINE);

  set(",;:!?()\"'.．", HALFWIDTH_PUNCT);
  set("-－–~～∼〜.·・•⋯―─", FORM_MARK);
  set("…", ELLIPSIS);
  set("—", EM_DASH);
  set("“”‘’《》〈〉（）()〔〕【】", PAIRED_MARK);
  set(" \t\u00a0\u3000", INLINE_SPACE);
  range(0x2000, 0x200a, INLINE_SPACE);
  set("\n\v\f\r\u1680\u2028\u2029\u202f\u205f\ufeff", OTHER_SPACE);
  set("0123456789", ASCII_DIGIT);
  range(0xff10, 0xff19, FULLWIDTH_DIGIT);
  set("%％﹪", PERCENT);
  range(0x00, 0x1f, GARBLE);
  range(0x7f, 0xff, GARBLE);
  range(0x3400, 0x4dbf, GARBLE);
  range(0xd800, 0xdfff, GARBLE);
  range(0xe000, 0xf8ff, GARBLE);
  set("\ufffd\u25a1\u180e\ufeff", GARBLE);
  range(0x200b, 0x200f, GARBLE);
  range(0x202a, 0x202e, GARBLE);
  range(0x2060, 0x2064, GARBLE);
  const lead = gbkMojibakeLeadSet();
  if (lead) for (let c = 0; c < 0x10000; c++) if (lead[c]) t[c] |= GARBLE;
  set("&<", AMP_LT);
  set("〔_＿﹍*＊✕╳XxＸｘⅩ×", PLACEHOLDER_MARK);
  set("([［", SQUARE_OR_ROUND);
  set("?？\ufffd", QUESTION);
  const ids = new Map<number, number>();
  const cls = new Uint8Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    let k = ids.get(t[c]);
    if (k === undefined) ids.set(t[c], (k = ids.size));
    cls[c] = k;
  }
  if (ids.size > 256) throw new Error("summary: more than 256 classes");
  const bits = new Int32Array(256);
  for (const [b, k] of ids) bits[k] = b;
  classOf = cls;
  classBits = bits;
}

/**
 * The boilerplate phrases of the garbled rule, whose first two characters the summary records
 * (the rule imports this list, so the two cannot drift apart).
 */
export const GARBLED_STRONG_PHRASES = [
  "本站小编", "小编整理", "小编为大家", "小编给大家", "小编精心", "以下是小编", "本站整理", "本站原创", "本站提供",
  "文档为doc格式", "文档为docx格式", "点击下载", "免费下载", "下载全文", "全文下载", "下载本文", "复制本文", "本文地址", "原文地址",
  "此处已添加", "圆角矩形样式", "更多相关范文", "更多精彩内容", "更多范文", "猜你喜欢", "相关文章推荐", "转载请注明",
  "来源于网络", "如有侵权", "联系删除", "扫码关注", "关注公众号", "阅读全文", "展开全文", "收藏本文", "以下是我为大家",
  "优质范文", "范文网", "锟斤拷", "烫烫烫", "屯屯屯",
];
export const GARBLED_WEAK_PHRASES = ["仅供参考", "供大家参考", "欢迎阅读", "欢迎借鉴", "希望对大家有所帮助", "希望对你有所帮助", "一起来看看吧"];
const GARBLED_PHRASES = [...GARBLED_STRONG_PHRASES, ...GARBLED_WEAK_PHRASES];

/** The bits of one text. */
export function textFlags(text: string): number {
  if (classOf === undefined) buildTables();
  const cls = classOf!;
  const bits = classBits!;
  let has = 0;
  let adj = 0;
  let prev = 0;
  for (let i = 0; i < text.length; i++) {
    const b = bits[cls[text.charCodeAt(i)]];
    const x = (prev << 1) & b;
    has |= b;
    adj |= x;
    // a phrase's first two characters just met: the next character may be its third
    prev = b | ((x & PHRASE_2) << 1);
  }
  if (shortPhrase && adj & PHRASE_2) adj |= ADJ_PHRASE;
  return (has & ~ADJACENT_RIGHT) | (adj & ADJACENT_RIGHT);
}

/**
 * A document's summary: the bits of every body paragraph (by position in doc.paragraphs) and, worked
 * out when a rule first asks, the parts of a paragraph that punctuation rules leave alone — asked
 * for by several rules in one check.
 */
export class DocSummary {
  readonly flags: Int32Array;
  /**
   * The outline the texts were last compared with (see summaryOf): built from this document in one
   * check, during which no rule changes the text.
   */
  checkedFor: object | undefined;
  private masks: Array<Uint8Array | null | undefined> | undefined;
  private marks: Array<Span[] | undefined> | undefined;

  constructor(
    readonly paragraphs: DocModel["paragraphs"],
    readonly texts: string[],
  ) {
    const n = texts.length;
    this.flags = new Int32Array(n);
    for (let i = 0; i < n; i++) this.flags[i] = textFlags(texts[i]);
  }

  /** Paragraph i's text has been replaced since: forget what was worked out for it. */
  refresh(i: number, text: string): void {
    this.texts[i] = text;
    this.flags[i] = textFlags(text);
    if (this.masks) this.masks[i] = undefined;
    if (this.marks) this.marks[i] = undefined;
  }

  /** findWatermarkSpans of paragraph i (shared: do not change it). */
  watermarks(i: number): Span[] {
    const all = (this.marks ??= new Array(this.texts.length));
    return (all[i] ??= findWatermarkSpans(this.texts[i]));
  }

  /** punctuationSkipMask of paragraph i (text/skip.ts; shared: do not change it). */
  skipMask(i: number): Uint8Array | null {
    const all = (this.masks ??= new Array(this.texts.length));
    let m = all[i];
    if (m === undefined) {
      const text = this.texts[i];
      const spans = findUrlSpans(text);
      for (const s of this.watermarks(i)) spans.push(s);
      all[i] = m = spanMask(text.length, spans);
    }
    return m;
  }
}

const CACHE = new WeakMap<DocModel, DocSummary>();

/**
 * The summary of a document, worked out once and kept with it; a paragraph whose text has been
 * replaced since is worked out again.
 */
export function summaryOf(doc: DocModel, outline?: object): DocSummary {
  const paras = doc.paragraphs;
  const n = paras.length;
  let s = CACHE.get(doc);
  // Rules pass the check's outline: the texts were compared when it was built (buildOutline calls
  // summaryCheckedFor), and comparing them again for every rule would read every paragraph again.
  if (s && outline !== undefined && s.checkedFor === outline && s.paragraphs === paras && s.texts.length === n) return s;
  if (s && s.paragraphs === paras && s.texts.length === n) {
    const texts = s.texts;
    for (let i = 0; i < n; i++) {
      const text = paras[i].text;
      if (texts[i] !== text) s.refresh(i, text);
    }
    if (outline !== undefined) s.checkedFor = outline;
    return s;
  }
  const texts = new Array<string>(n);
  for (let i = 0; i < n; i++) texts[i] = paras[i].text;
  s = new DocSummary(paras, texts);
  if (outline !== undefined) s.checkedFor = outline;
  CACHE.set(doc, s);
  return s;
}

/** The bits of every body paragraph, by position in doc.paragraphs (see summaryOf). */
export function paragraphFlags(doc: DocModel, outline?: object): Int32Array {
  return summaryOf(doc, outline).flags;
}

/**
 * The outline of `doc` has just been built from the texts the summary was compared with: rules of
 * the same check that pass it to summaryOf need not compare them again.
 */
export function summaryCheckedFor(doc: DocModel, outline: object): void {
  const s = CACHE.get(doc);
  if (s && s.paragraphs === doc.paragraphs) s.checkedFor = outline;
}
