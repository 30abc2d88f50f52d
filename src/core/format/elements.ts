/**
 * The 公文 elements GB/T 9704-2012 places outside the body, recognised from the text and the place
 * in the document: 版头 (7.2: 份号, 密级和保密期限, 紧急程度, 发文机关标志, 发文字号, 签发人, the
 * separator drawn as a line of dashes in plain text), after the body (7.3.4 附件说明, 7.3.5 署名 and
 * 成文日期, 7.3.6 附注) and the 版记 (7.4: 抄送, 印发机关和印发日期). Only what is there is found;
 * nothing is invented, and every pattern is tied to a place (the top of the document, the lines
 * around the 落款, the trailing lines) so that a body sentence that mentions 抄送 or 附件 stays body.
 *
 * One pass over the paragraphs (each looked at a bounded number of times); the result is cached
 * per outline, which is built once per document.
 */
import type { DocModel, Paragraph } from "../model";
import type { Outline } from "../numbering/types";

export type ElementRole =
  | "copyNo"
  | "secret"
  | "urgency"
  | "issuer"
  | "docNo"
  | "signer"
  /** Not text to format: a separator drawn with characters, a seal marker 「（印章）」. */
  | "rule"
  | "attachment"
  | "signature"
  | "date"
  | "note"
  | "copyTo"
  | "printer";

export interface Elements {
  /** Role by paragraph index. */
  byParagraph: Map<number, ElementRole>;
  /** The document title when the outline's is missing or sits in the 版头 (the first line after it). */
  title?: number;
  /** A 主送机关 line right after the title (the outline knows only 同志们-type 称谓). */
  recipient?: number;
  /** True when the 发文字号 line also holds 签发人 (上行文: the 文号 left, the 签发人 right). */
  docNoWithSigner?: boolean;
  /** True when a 抄送 line is present (the 印发 line then gets the thin middle separator). */
  hasCopyTo?: boolean;
  /** True when a seal marker (「（印章）」 line) sits at the 落款: the 7.3.5.1 layout. */
  sealed?: boolean;
}

const SPACE = /[\s\u3000\u00a0]/g;
const BLANK = /^[\s\u3000\u00a0]*$/;
/** Longer paragraphs are body text: no element is this long. */
const ELEMENT_MAX = 300;
/** The text without white space (the patterns below look at that); a mark no pattern takes for a long one. */
function squeeze(text: string): string {
  return text.length > ELEMENT_MAX ? "\u0000" : text.replace(SPACE, "");
}

const COPY_NO = /^\d{6}$/;
const SECRET = /^(绝密|机密|秘密)([★☆*＊][0-9０-９一二三四五六七八九十]{1,3}(年|个月)|[★☆*＊]长期)?$/;
const URGENCY = /^(特急|加急|特提|平急)$/;
/** 发文字号, loose on the brackets and 第 (docno-format flags those), optionally 签发人 on the same line. */
const DOC_NO = /^[\u4e00-\u9fa5A-Za-z×XＸ○〇＊*]{1,20}[〔［\[【(（][0-9]{4}[〕］\]】)）]第?[0-9]{1,5}号(签发人[：:][\u4e00-\u9fa5·]{2,30})?$/;
const SIGNER = /^签发人[：:][\u4e00-\u9fa5·]{2,30}$/;
/** A line drawn with characters: the separator of a 版头 or 版记 in plain text. */
const RULE_LINE = /^[─━—\-－_＿=＝~～·]{3,}$/;
const PAGE_NUMBER = /^[—\-－─]{1,2}[0-9]{1,4}[—\-－─]{1,2}$/;
const DATE = /^[（(]?[0-9〇零一二三四五六七八九○Ｏ]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日[）)]?$/;
/** 印发机关 and 印发日期 on one line. */
const PRINTER = /^[\u4e00-\u9fa5（）()×XＸ○＊*]{2,40}[0-9〇零一二三四五六七八九○]{4}年[0-9一二三四五六七八九十]{1,3}月[0-9一二三四五六七八九十]{1,3}日印发$/;
const COPY_TO = /^抄送[：:]./;
/** Words of a sentence, not of a list of organs: 「抄送：本通知同时发给……」 is body text. */
const NOT_NAMES = /本通知|本文|本意见|本办法|同时|请|须|应当|已经|如有/;
const ATTACHMENT_HEAD = /^附件[：:]./;
const ATTACHMENT_ITEM = /^[0-9]{1,2}[.．、]./;
/** The first line of an attachment page: 「附件」 or 「附件1」 alone. */
const ATTACHMENT_PAGE = /^附件[0-9一二三四五六七八九十]{0,3}$/;
const NOTE = /^[（(][^（()）]{1,98}[）)]$/;
const SEAL = /^[（(【\[]?(印章|公章|盖章)[）)】\]]?$/;
/** Marks that end or split a sentence: a 署名 has none of them. */
const SENTENCE_MARKS = /[。，；！？：:,;!?]/;
const HAN = /[\u4e00-\u9fa5]/;
/** Endings of an organ's name, for a 主送机关 line (「各市、县人民政府：」「市教育局：」). */
const ORGAN_END = /(局|厅|委|办|部|院|会|室|处|科|所|站|中心|政府|机关|单位|部门|公司|集团|企业|学校|大学|学院|党委|党组|街道|乡镇|镇|乡|村|社区|队|团|校|馆|司|署|行|府|庭|组|区|县|市|省|州|盟|旗|军|部队|协会|联合会|团体|机构|医院)$/;

const TOP_LINES = 12;
const TITLE_MAX = 50;
const RECIPIENT_MAX = 200;
const SIGNATURE_MAX = 40;
const ATTACHMENT_ITEMS_MAX = 30;
const BLANKS_BEFORE_DATE = 2;

function blank(p: Paragraph | undefined): boolean {
  return !p || BLANK.test(p.text);
}

/** Next non-blank body paragraph from i (inclusive) going `dir`, within `limit` steps, or -1. */
function nextFilled(doc: DocModel, i: number, dir: 1 | -1, limit = Infinity): number {
  let steps = 0;
  for (let k = i; k >= 0 && k < doc.paragraphs.length && steps <= limit; k += dir, steps++) {
    if (!blank(doc.paragraphs[k])) return k;
  }
  return -1;
}

/** A 主送机关 line: names of organs ending in a colon, no sentence in it. */
export function isRecipientLine(text: string): boolean {
  const t = squeeze(text);
  if (t.length < 3 || t.length > RECIPIENT_MAX) return false;
  const last = t[t.length - 1];
  if (last !== "：" && last !== ":") return false;
  const names = t.slice(0, -1);
  if (/[。！？；：:!?;]|如下/.test(names)) return false;
  const lastName = names.split(/[，、,]/).pop() ?? "";
  // 「各有关单位」「各县（市、区）」: 各 opens a class of organs (「各位」 addresses people).
  return lastName.length >= 2 && (ORGAN_END.test(lastName) || (names.startsWith("各") && !names.startsWith("各位")));
}

function signatureLike(doc: DocModel, outline: Outline, k: number): boolean {
  const p = doc.paragraphs[k];
  if (!p || p.inTable || outline.byParagraph.has(k) || outline.title === k) return false;
  const t = squeeze(p.text);
  return t.length >= 2 && t.length <= SIGNATURE_MAX && HAN.test(t) && !SENTENCE_MARKS.test(t) && !DATE.test(t) && !RULE_LINE.test(t);
}

const CACHE = new WeakMap<Outline, { doc: DocModel; elements: Elements }>();

/** The elements of `doc` (cached per outline). */
export function findElements(doc: DocModel, outline: Outline): Elements {
  const hit = CACHE.get(outline);
  if (hit && hit.doc === doc) return hit.elements;
  const elements = scan(doc, outline);
  CACHE.set(outline, { doc, elements });
  return elements;
}

function scan(doc: DocModel, outline: Outline): Elements {
  const out: Elements = { byParagraph: new Map() };
  const n = doc.paragraphs.length;
  if (n === 0) return out;
  const body = (k: number) => doc.paragraphs[k]?.part === "body" && !doc.paragraphs[k].inTable;
  const text = (k: number) => squeeze(doc.paragraphs[k].text);

  // 版头: the first lines of the document, in the standard's order.
  let k = nextFilled(doc, 0, 1, TOP_LINES);
  let headEnd = -1;
  const top: number[] = [];
  for (let seen = 0; k >= 0 && seen < TOP_LINES && body(k); seen++) {
    top.push(k);
    k = nextFilled(doc, k + 1, 1, TOP_LINES);
  }
  let t = 0;
  const mark = (idx: number, role: ElementRole) => {
    out.byParagraph.set(idx, role);
    headEnd = idx;
  };
  if (t < top.length && COPY_NO.test(text(top[t]))) mark(top[t++], "copyNo");
  if (t < top.length && SECRET.test(text(top[t]))) mark(top[t++], "secret");
  if (t < top.length && URGENCY.test(text(top[t]))) mark(top[t++], "urgency");
  // The 发文机关标志 (one line, or a few for a joint document) only when a 发文字号 or 签发人 follows.
  let docNoAt = -1;
  for (let j = t; j < Math.min(top.length, t + 4); j++) {
    const s = text(top[j]);
    if (DOC_NO.test(s) || SIGNER.test(s)) {
      docNoAt = j;
      break;
    }
    if (s.length > TITLE_MAX || SENTENCE_MARKS.test(s) || !HAN.test(s) || outline.byParagraph.has(top[j])) break;
  }
  if (docNoAt >= 0) {
    for (let j = t; j < docNoAt; j++) mark(top[j], "issuer");
    let j = docNoAt;
    // 上行文: 签发人 lines may come before the 文号 line that carries the last one.
    for (; j < top.length; j++) {
      const s = text(top[j]);
      if (SIGNER.test(s)) mark(top[j], "signer");
      else if (DOC_NO.test(s)) {
        mark(top[j], "docNo");
        if (s.includes("签发人")) out.docNoWithSigner = true;
        j++;
        break;
      } else break;
    }
    t = j;
  }
  if (t < top.length && headEnd >= 0 && RULE_LINE.test(text(top[t]))) mark(top[t++], "rule");
  if (headEnd >= 0 && (outline.title === undefined || outline.title <= headEnd)) {
    const cand = top[t];
    if (cand !== undefined) {
      const s = text(cand);
      if (s.length <= TITLE_MAX && !s.includes("。") && !/[：:]$/.test(s) && !outline.byParagraph.has(cand)) out.title = cand;
    }
  }
  const title = out.title ?? outline.title;

  // 主送机关: the line after the title ending in a colon (a 称谓 the outline knows stays its own).
  if (title !== undefined) {
    const r = nextFilled(doc, title + 1, 1, 3);
    if (r >= 0 && body(r) && r !== outline.salutation && !outline.byParagraph.has(r) && isRecipientLine(doc.paragraphs[r].text)) out.recipient = r;
  }
  const bodyFrom = Math.max(headEnd, title ?? -1, out.recipient ?? -1, outline.salutation ?? -1) + 1;

  // 版记: the trailing lines (blank lines, drawn lines and page numbers between them).
  let banjiFrom = n;
  let sawPrinter = false;
  const drawn: number[] = [];
  for (let j = n - 1; j >= bodyFrom; j--) {
    const p = doc.paragraphs[j];
    if (blank(p)) continue;
    if (!body(j)) break;
    const s = text(j);
    if (PAGE_NUMBER.test(s)) continue;
    if (RULE_LINE.test(s)) {
      drawn.push(j);
      continue;
    }
    if (!sawPrinter && PRINTER.test(s)) {
      out.byParagraph.set(j, "printer");
      sawPrinter = true;
      banjiFrom = j;
      continue;
    }
    if (COPY_TO.test(s) && !NOT_NAMES.test(s)) {
      out.byParagraph.set(j, "copyTo");
      out.hasCopyTo = true;
      banjiFrom = j;
      continue;
    }
    break;
  }
  // Drawn lines count as the 版记's separators only when there is a 版记.
  if (banjiFrom < n) for (const j of drawn) out.byParagraph.set(j, "rule");
  const end = banjiFrom - 1;

  // 成文日期: the first date line after the body starts that nothing but a 附注, the attachments
  // (「附件1」 on a line of its own) or the 版记 follows.
  const closes = (k: number) => k < 0 || k > end || ATTACHMENT_PAGE.test(text(k)) || RULE_LINE.test(text(k)) || PAGE_NUMBER.test(text(k));
  let date = -1;
  for (let j = bodyFrom; j <= end; j++) {
    if (!body(j) || outline.byParagraph.has(j) || !DATE.test(text(j))) continue;
    const next = nextFilled(doc, j + 1, 1);
    if (closes(next) || (NOTE.test(text(next)) && closes(nextFilled(doc, next + 1, 1)))) {
      date = j;
      break;
    }
  }
  if (date < 0) return out;
  out.byParagraph.set(date, "date");
  let above = nextFilled(doc, date - 1, -1, BLANKS_BEFORE_DATE + 1);
  if (above >= bodyFrom && SEAL.test(text(above))) {
    out.sealed = true;
    out.byParagraph.set(above, "rule");
    above = nextFilled(doc, above - 1, -1, BLANKS_BEFORE_DATE + 1);
  }
  let bodyEnd = date - 1;
  if (above >= bodyFrom && signatureLike(doc, outline, above)) {
    out.byParagraph.set(above, "signature");
    bodyEnd = above - 1;
  }
  const note = nextFilled(doc, date + 1, 1, 1);
  if (note >= 0 && note <= end && body(note) && NOTE.test(text(note))) out.byParagraph.set(note, "note");

  // 附件说明: 「附件：1.……」 and its numbered lines, right before the 落款.
  let j = nextFilled(doc, bodyEnd, -1, BLANKS_BEFORE_DATE + 1);
  const items: number[] = [];
  // (「2.……」 under 「附件：1.……」 may read as a heading to the outline; here it is an item.)
  while (j >= bodyFrom && items.length < ATTACHMENT_ITEMS_MAX && body(j)) {
    const s = text(j);
    items.push(j);
    if (ATTACHMENT_HEAD.test(s)) {
      for (const a of items) out.byParagraph.set(a, "attachment");
      break;
    }
    if (!ATTACHMENT_ITEM.test(s) || s.length > TITLE_MAX * 2) break;
    j = j - 1 >= 0 && !blank(doc.paragraphs[j - 1]) ? j - 1 : -1;
  }
  return out;
}

/** Width of a text in character units: full-width 1, half-width (ASCII, half-width space) ½. */
export function textWidthChars(text: string): number {
  let w = 0;
  for (let k = 0; k < text.length; k++) {
    const c = text.charCodeAt(k);
    if (c >= 0xdc00 && c <= 0xdfff) continue;
    // × and · sit in CJK fonts at full width.
    w += c < 0x2000 && c !== 0xd7 && c !== 0xb7 ? 0.5 : 1;
  }
  return w;
}

/**
 * Where a recognised element sits beyond what its role says: the indents that depend on the
 * text (署名 and 成文日期 per 7.3.5, the hanging indent of 附件说明 per 7.3.4) and which
 * separator lines a 版记 line carries (7.4.1).
 */
export interface ElementPlace {
  leftIndentChars?: number;
  hangingChars?: number;
  rightIndentChars?: number;
  /** 版记: the first element carries the thick top line; the 印发 line under a 抄送 line does not. */
  banjiFirst?: boolean;
  /** 发文字号 with 签发人 on the same line (上行文): flush left with one character of space. */
  withSigner?: boolean;
}

const SEAL_DATE_RIGHT = 4;
const NO_SEAL_RIGHT = 2;

/** How paragraph `i` (an element) is placed, from its text and its neighbours'. */
export function elementPlace(doc: DocModel, outline: Outline, i: number): ElementPlace {
  const els = findElements(doc, outline);
  const role = els.byParagraph.get(i);
  const p = doc.paragraphs[i];
  if (!role || !p) return {};
  const trimmed = p.text.trim();
  switch (role) {
    case "docNo":
      return els.docNoWithSigner ? { withSigner: true } : {};
    case "signature":
    case "date": {
      // The pair's widths decide both right indents (7.3.5.1 with a seal, 7.3.5.2 without).
      let sig = -1;
      let dat = -1;
      for (const [k, r] of els.byParagraph) {
        if (r === "signature") sig = k;
        if (r === "date") dat = k;
      }
      const ws = sig >= 0 ? textWidthChars(doc.paragraphs[sig].text.trim()) : 0;
      const wd = dat >= 0 ? textWidthChars(doc.paragraphs[dat].text.trim()) : 0;
      if (els.sealed) {
        if (role === "date") return { rightIndentChars: SEAL_DATE_RIGHT };
        return { rightIndentChars: Math.max(0, SEAL_DATE_RIGHT + (wd - ws) / 2) };
      }
      if (sig < 0) return { rightIndentChars: NO_SEAL_RIGHT };
      // The date starts two characters right of the 署名's first character; when that would
      // leave it less than two characters from the margin, the date sits 右空二字 and the 署名 moves left.
      const rs = Math.max(NO_SEAL_RIGHT, wd - ws + 2 + NO_SEAL_RIGHT);
      const rd = rs + ws - 2 - wd;
      return { rightIndentChars: role === "signature" ? rs : Math.max(0, rd) };
    }
    case "attachment": {
      // Wrapped names align with the first character of the name: after 「附件：」 and the number.
      const head = /^(附件[：:][\s\u3000]*)?([0-9]{1,2}[.．、][\s\u3000]*)?/.exec(trimmed)?.[0] ?? "";
      const headW = textWidthChars(head);
      const isHead = /^附件/.test(trimmed);
      // Items under the first align their number with the first item's number (after 「附件：」).
      const start = isHead ? 2 : 2 + textWidthChars("附件：");
      const hang = isHead ? headW : headW;
      return { leftIndentChars: start + hang, hangingChars: hang };
    }
    case "copyTo": {
      const head = /^抄[\s\u3000]*送[：:][\s\u3000]*/.exec(trimmed)?.[0] ?? "";
      const hang = textWidthChars(head);
      return { leftIndentChars: 1 + hang, hangingChars: hang, rightIndentChars: 1, banjiFirst: true };
    }
    case "printer":
      return { leftIndentChars: 1, rightIndentChars: 1, banjiFirst: !els.hasCopyTo };
    default:
      return {};
  }
}
