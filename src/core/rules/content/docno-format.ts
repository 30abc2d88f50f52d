/**
 * docno-format: the 发文字号 (GB/T 9704-2012 7.2.5): 机关代字 + 〔年份〕 + 序号 + 号.
 * The year is written in full inside 六角括号 〔〕; the serial number has no 「第」, no leading
 * zeros (虚位) and no space before 「号」.
 *
 * A bracketed year counts as a document number only right after 1–8 Han characters (the organ
 * abbreviation) and either followed by a serial number + 号, or after an abbreviation ending in a
 * typical 代字 (发 函 办 字 …), or with 「文号」 just before it.
 */
import type { Rule, RuleContext, TextEdit } from "../types";
import { toHalfwidthDigits } from "./shared";

const DOCNO =
  /(?<=[\u4e00-\u9fff]|[：:][ \u3000]?)([[【(（［〔﹝〖{｛])[ \u3000]*([0-9０-９]{2,4})[ \u3000]*([\]】)）］〕﹞〗}｝])(?:([ \u3000]*)(第?)([ \u3000]*)([0-9０-９]+)([ \u3000]*)号)?/g;
/** Last characters of a 机关代字 that make a bracketed year a document number on its own. */
const DAIZI_END = new Set(Array.from("发函办字令"));
const WENHAO_NEAR = /文号|字号/;
const HAN = /[\u4e00-\u9fff]/;
const LEADING_ZEROS = /^0+(?=\d)/;

function checkParagraph(ctx: RuleContext, paragraph: number, text: string): void {
  DOCNO.lastIndex = 0;
  for (let m; (m = DOCNO.exec(text)) !== null; ) {
    const start = m.index;
    const end = start + m[0].length;
    const [, open, yearRaw, close, sp1, di, sp2, serialRaw, sp3] = m;
    const hasSerial = serialRaw !== undefined;
    const prevChar = text[start - 1];
    const wenhao = WENHAO_NEAR.test(text.slice(Math.max(0, start - 14), start));
    // after a colon only when 「文号」 is just before: 文号：[2024]5号
    if (!HAN.test(prevChar) && !wenhao) continue;
    if (!hasSerial && !DAIZI_END.has(prevChar) && !wenhao) continue;

    const year = toHalfwidthDigits(yearRaw);
    if (year.length === 3) continue; // not a year
    const yearOk = year.length === 4 && (year.startsWith("19") || year.startsWith("20"));
    const faults: string[] = [];
    const edits: TextEdit[] = [];
    const yStart = text.indexOf(yearRaw, start);
    const yEnd = yStart + yearRaw.length;
    const closePos = start + m[0].indexOf(close, yEnd - start);

    if (open !== "〔" || close !== "〕") {
      faults.push(`年份应使用六角括号“〔〕”，不应使用“${open}${close}”`);
      if (open !== "〔") edits.push({ paragraph, start, end: start + 1, text: "〔" });
      if (close !== "〕") edits.push({ paragraph, start: closePos, end: closePos + 1, text: "〕" });
    }
    if (yStart > start + 1) edits.push({ paragraph, start: start + 1, end: yStart, text: "" });
    if (closePos > yEnd) edits.push({ paragraph, start: yEnd, end: closePos, text: "" });
    if (yStart > start + 1 || closePos > yEnd) faults.push("括号内不应有空格");
    if (year.length === 2) {
      const full = (Number(year) >= 50 ? "19" : "20") + year;
      faults.push(`年份应写全，“${yearRaw}”应为“${full}”`);
      edits.push({ paragraph, start: yStart, end: yEnd, text: full });
    } else if (!yearOk) {
      continue; // 〔1234〕: not a year
    }

    if (hasSerial) {
      let pos = closePos + 1;
      if (sp1) {
        edits.push({ paragraph, start: pos, end: pos + sp1.length, text: "" });
        pos += sp1.length;
      }
      if (di) {
        faults.push("序号前不加“第”");
        edits.push({ paragraph, start: pos, end: pos + 1, text: "" });
        pos += 1;
      }
      if (sp2) {
        edits.push({ paragraph, start: pos, end: pos + sp2.length, text: "" });
        pos += sp2.length;
      }
      const serial = toHalfwidthDigits(serialRaw);
      const trimmed = serial.replace(LEADING_ZEROS, "");
      if (trimmed !== serial) {
        faults.push(`序号不编虚位，“${serialRaw}”应为“${trimmed}”`);
        edits.push({ paragraph, start: pos, end: pos + serialRaw.length - trimmed.length, text: "" });
      }
      pos += serialRaw.length;
      if (sp1 || sp2 || sp3) faults.push("文号中不应有空格");
      if (sp3) edits.push({ paragraph, start: pos, end: pos + sp3.length, text: "" });
    }
    if (!faults.length) continue;

    const wrong = text.slice(start, end);
    const fixedText = applyLocal(text, start, end, edits);
    ctx.report({
      paragraph,
      start,
      end,
      message: `发文字号“${wrong}”格式有误：${faults.join("；")}。应为“${fixedText}”`,
      fix: { description: `改为“${fixedText}”`, text: edits },
    });
  }
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
  check(ctx: RuleContext) {
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text) checkParagraph(ctx, i, p.text);
    });
  },
};
