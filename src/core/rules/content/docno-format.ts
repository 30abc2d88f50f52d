/**
 * docno-format: the 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 〔年份〕 + 序号 + 号, wherever it
 * stands — the 版头 of a 公文 or a document cited in the body of a speech or a notice.
 * The year is written in full inside 六角括号 〔〕; the serial number has no 「第」, no leading
 * zeros (虚位), no brackets of its own and no space before 「号」.
 *
 * A bracketed year is taken for a document number only right after a Han character (the end of
 * the 机关代字) and followed by a serial number + 号: 国发[2016]12号. The 公文 profile also takes a
 * bracketed year after an abbreviation ending in a typical 代字 (国办发[2024]有关要求) or after
 * 「文号：」. Laws and orders (主席令第12号, 国务院令第588号) and 2024年第3号公告 have no bracketed
 * year and are never touched.
 *
 * A single pass over the text: each opening bracket is looked at with a bounded look-ahead.
 */
import { isHan } from "../../text/chars";
import { ASCII_DIGIT, FULLWIDTH_DIGIT, paragraphFlags } from "../../text/summary";
import type { Rule, RuleContext, TextEdit } from "../types";

const MESSAGES = {
  "year-bracket": "年份未用六角括号",
  "year-abbreviated": "年份未写全",
  "serial-di": "序号前加“第”",
  "serial-zero": "序号编虚位",
  "serial-bracket": "序号加括号",
  space: "文号中有空格",
} as const;
type MessageId = keyof typeof MESSAGES;

/** Opening brackets a writer puts around the year, and the closing ones. */
const OPEN = new Set(Array.from("[【(（［〔﹝〖{｛"));
const CLOSE = new Set(Array.from("]】)）］〕﹞〗}｝"));
/** Last characters of a 机关代字 that make a bracketed year a document number on its own (公文 only). */
const DAIZI_END = new Set(Array.from("发函办字令"));
/**
 * Round brackets hold many things after a Han word (卷宗（2023）第15号, 人大（2023）1号议案); with
 * them the 代字 must end in one of these to be taken for a document number: 京政办发（2019）12号.
 */
const DAIZI_END_ROUND = new Set(Array.from("发函办字令电复通报告规呈"));
/** A bracketed year after these is a date or a count, not a 机关代字: 今年（2024）5号台风. */
const NOT_DAIZI = new Set(Array.from("年月日的在是于为和及或与第之至到"));
const WENHAO_NEAR = /文号|字号/;

function isSpace(c: number): boolean {
  return c === 0x20 || c === 0xa0 || c === 0x3000;
}
function isDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}
function digitValue(c: number): number {
  return c >= 0xff10 ? c - 0xff10 : c - 0x30;
}

interface Fault {
  id: MessageId;
  what: string;
  edits: TextEdit[];
}

/** Skips at most two spaces; returns the new index. */
function spaces(text: string, i: number): number {
  let k = i;
  while (k < text.length && k - i < 2 && isSpace(text.charCodeAt(k))) k++;
  return k;
}

type OnDocno = (start: number, end: number, faults: Fault[]) => void;

/**
 * Reads the document number whose year bracket opens at `start` and hands it to `found` (with its
 * faults, perhaps none); returns where to go on. Edits carry paragraph -1, set by the caller.
 */
function readAt(text: string, start: number, gongwen: boolean, found: OnDocno): number {
  const paragraph = -1;
  const n = text.length;
  const faults: Fault[] = [];
  const spaceEdits: TextEdit[] = [];
  const del = (s: number, e: number): TextEdit => ({ paragraph, start: s, end: e, text: "" });

  // 〔 year 〕
  let k = spaces(text, start + 1);
  if (k > start + 1) spaceEdits.push(del(start + 1, k));
  const yStart = k;
  while (k < n && k - yStart < 5 && isDigit(text.charCodeAt(k))) k++;
  const yEnd = k;
  const yLen = yEnd - yStart;
  if (yLen !== 2 && yLen !== 4) return start + 1;
  k = spaces(text, yEnd);
  if (k > yEnd) spaceEdits.push(del(yEnd, k));
  if (k >= n || !CLOSE.has(text[k])) return start + 1;
  const closePos = k;
  let year = 0;
  for (let j = yStart; j < yEnd; j++) year = year * 10 + digitValue(text.charCodeAt(j));
  if (yLen === 4 && (year < 1900 || year > 2099)) return start + 1; // 〔1234〕: not a year

  // serial + 号, perhaps with 第, a bracket or spaces
  let end = closePos + 1;
  let serial: { s: number; e: number } | null = null;
  let di = -1;
  let paren: [number, number] = [-1, -1];
  {
    const sp = [] as TextEdit[];
    let j = spaces(text, closePos + 1);
    if (j > closePos + 1) sp.push(del(closePos + 1, j));
    let po = -1;
    if (text[j] === "（" || text[j] === "(") {
      po = j;
      j = spaces(text, j + 1);
      if (j > po + 1) sp.push(del(po + 1, j));
    }
    let d = -1;
    if (text[j] === "第") {
      d = j;
      const j2 = spaces(text, j + 1);
      if (j2 > j + 1) sp.push(del(j + 1, j2));
      j = j2;
    }
    const ss = j;
    while (j < n && j - ss < 6 && isDigit(text.charCodeAt(j))) j++;
    const se = j;
    if (se > ss && !isDigit(text.charCodeAt(se))) {
      let pc = -1;
      let h = spaces(text, se);
      const spBeforeHao = h > se ? del(se, h) : null;
      // （8）号
      if (po >= 0 && (text[h] === "）" || text[h] === ")") && text[spaces(text, h + 1)] === "号") {
        pc = h;
        const h2 = spaces(text, h + 1);
        if (h2 > h + 1) sp.push(del(h + 1, h2));
        h = h2;
      }
      if (text[h] === "号") {
        let after = h + 1;
        // （8号）
        if (po >= 0 && pc < 0) {
          const a2 = spaces(text, after);
          if (text[a2] === "）" || text[a2] === ")") {
            if (a2 > after) sp.push(del(after, a2));
            pc = a2;
            after = a2 + 1;
          }
        }
        if (po < 0 || pc >= 0) {
          if (spBeforeHao) sp.push(spBeforeHao);
          serial = { s: ss, e: se };
          di = d;
          paren = [po, pc];
          end = after;
          spaceEdits.push(...sp);
        }
      }
    }
  }

  // Is it a document number at all?
  const prev = start > 0 ? text.charCodeAt(start - 1) : 0;
  const afterHan = isHan(prev) && !NOT_DAIZI.has(text[start - 1]);
  const wenhao = gongwen && WENHAO_NEAR.test(text.slice(Math.max(0, start - 14), start));
  const open = text[start];
  const close = text[closePos];
  const sixCorner = (open === "〔" || open === "﹝") && (close === "〕" || close === "﹞");
  const round = open === "（" || open === "(";
  if (serial) {
    if (!afterHan && !wenhao) return start + 1;
    if (round && !wenhao && !DAIZI_END_ROUND.has(text[start - 1])) return start + 1;
    // 京（24）3号 could be anything; a two-digit year needs the 六角括号 or a typical 代字
    if (yLen === 2 && !sixCorner && !DAIZI_END.has(text[start - 1])) return start + 1;
  } else {
    if (!gongwen || yLen !== 4) return start + 1;
    if (!(afterHan && DAIZI_END.has(text[start - 1])) && !wenhao) return start + 1;
    end = closePos + 1;
  }

  if (open !== "〔" || close !== "〕") {
    const edits: TextEdit[] = [];
    if (open !== "〔") edits.push({ paragraph, start, end: start + 1, text: "〔" });
    if (close !== "〕") edits.push({ paragraph, start: closePos, end: closePos + 1, text: "〕" });
    faults.push({ id: "year-bracket", what: `年份应使用六角括号“〔〕”，不应使用“${open}${close}”`, edits });
  }
  if (yLen === 2) {
    const full = (year >= 50 ? "19" : "20") + text.slice(yStart, yEnd);
    faults.push({ id: "year-abbreviated", what: `年份应写全，“${text.slice(yStart, yEnd)}”应为“${full}”`, edits: [{ paragraph, start: yStart, end: yEnd, text: full }] });
  }
  if (serial) {
    if (paren[0] >= 0) {
      faults.push({ id: "serial-bracket", what: "序号不加括号", edits: [del(paren[0], paren[0] + 1), del(paren[1], paren[1] + 1)] });
    }
    if (di >= 0) faults.push({ id: "serial-di", what: "序号前不加“第”", edits: [del(di, di + 1)] });
    let z = serial.s;
    while (z < serial.e - 1 && digitValue(text.charCodeAt(z)) === 0) z++;
    if (z > serial.s) {
      const raw = text.slice(serial.s, serial.e);
      faults.push({ id: "serial-zero", what: `序号不编虚位，“${raw}”应为“${raw.slice(z - serial.s)}”`, edits: [del(serial.s, z)] });
    }
  }
  if (spaceEdits.length) faults.push({ id: "space", what: "文号中不应有空格", edits: spaceEdits });
  found(start, end, faults);
  return end;
}

function report(ctx: RuleContext, paragraph: number, text: string, start: number, end: number, faults: Fault[]): void {
  if (!faults.length) return;
  for (const f of faults) for (const e of f.edits) e.paragraph = paragraph;
  const wrong = text.slice(start, end);
  const fixedText = applyLocal(text, start, end, faults.flatMap((f) => f.edits));
  for (const f of faults) {
    ctx.report({
      paragraph,
      start,
      end,
      messageId: f.id,
      message: `发文字号“${wrong}”有误：${f.what}，应为“${fixedText}”`,
      fix: { description: `改为“${applyLocal(text, start, end, f.edits)}”`, text: f.edits },
    });
  }
}

/** 1 for the characters that can open a year bracket: a table lookup per character, no string made. */
const OPEN_CODE = new Uint8Array(0x10000);
for (const ch of OPEN) OPEN_CODE[ch.charCodeAt(0)] = 1;

function scan(text: string, gongwen: boolean, found: OnDocno): void {
  for (let i = 0; i < text.length; ) {
    i = OPEN_CODE[text.charCodeAt(i)] ? readAt(text, i, gongwen, found) : i + 1;
  }
}

/**
 * The spans of the document numbers this rule reads in `text` (right or wrong), for rules that
 * leave the spaces inside them to this one. Linear.
 */
export function docnoSpans(text: string, gongwen: boolean): Array<[number, number]> {
  const out: Array<[number, number]> = [];
  scan(text, gongwen, (s, e) => out.push([s, e]));
  return out;
}

/** The text of [start, end) after the edits (which all fall inside it). */
function applyLocal(text: string, start: number, end: number, edits: TextEdit[]): string {
  const sorted = [...edits].sort((a, b) => a.start - b.start);
  let out = "";
  let pos = start;
  for (const e of sorted) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos, end);
}

export const docnoFormat: Rule = {
  id: "docno-format",
  category: "docno.format",
  severity: "error",
  title: "发文字号格式",
  description: "发文字号的年份应写全并用六角括号“〔〕”括入，序号不加“第”、不编虚位，如“国办发〔2024〕5号”。",
  source: "GB/T 9704-2012 7.2.5；GB/T 15834-2011 4.9",
  fixable: true,
  messages: MESSAGES,
  check(ctx: RuleContext) {
    const gongwen = ctx.profile.id === "gongwen";
    const flags = paragraphFlags(ctx.doc, ctx.outline);
    ctx.doc.paragraphs.forEach((p, i) => {
      // a year bracket holds digits: no digit, no document number
      if (flags[i] & (ASCII_DIGIT | FULLWIDTH_DIGIT)) scan(p.text, gongwen, (s, e, faults) => report(ctx, i, p.text, s, e, faults));
    });
  },
};
