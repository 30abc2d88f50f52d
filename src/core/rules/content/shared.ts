/** Small helpers shared by the content rules. */
import { isHan } from "../../text/chars";

/** True when text[i] exists and is a Han character. */
export function hanAt(text: string, i: number): boolean {
  return i >= 0 && i < text.length && isHan(text.charCodeAt(i));
}

/** ０–９ → 0–9; other characters unchanged. */
export function toHalfwidthDigits(s: string): string {
  let out = "";
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    out += c >= 0xff10 && c <= 0xff19 ? String.fromCharCode(c - 0xff10 + 0x30) : s[i];
  }
  return out;
}

/** An ASCII or full-width digit. */
export function isAnyDigitCode(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0xff10 && c <= 0xff19);
}

const CN_DIGIT: Record<string, number> = {
  〇: 0, 零: 0, "○": 0, O: 0, "0": 0, 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};

/** Value of a Chinese digit character (〇 一 … 九, also the look-alikes ○ O 0 零), or -1. */
export function cnDigit(ch: string): number {
  const v = CN_DIGIT[ch];
  return v === undefined ? -1 : v;
}

/** Value of a Chinese month / day numeral (一 … 十二, 十三 … 三十一), or -1. */
export function cnSmallNumber(s: string): number {
  if (s.length === 0 || s.length > 3) return -1;
  const ten = s.indexOf("十");
  if (ten < 0) return s.length === 1 && cnDigit(s) > 0 ? cnDigit(s) : -1;
  const head = s.slice(0, ten);
  const tail = s.slice(ten + 1);
  const h = head === "" ? 1 : head.length === 1 ? cnDigit(head) : -1;
  const t = tail === "" ? 0 : tail.length === 1 ? cnDigit(tail) : -1;
  if (h <= 0 || t < 0) return -1;
  return h * 10 + t;
}

/** Days in a month of a year (Gregorian). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** 0 = Sunday … 6 = Saturday, for a Gregorian date (Sakamoto's method). */
export function weekday(year: number, month: number, day: number): number {
  const t = [0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4];
  const y = month < 3 ? year - 1 : year;
  return (y + Math.floor(y / 4) - Math.floor(y / 100) + Math.floor(y / 400) + t[month - 1] + day) % 7;
}

/** Index of the start of the clause containing i (just after the last 。！？；, or 0). */
export function sentenceStart(text: string, i: number, limit = 60): number {
  const stop = Math.max(0, i - limit);
  for (let j = i - 1; j >= stop; j--) {
    const ch = text[j];
    if (ch === "。" || ch === "！" || ch === "？" || ch === "；" || ch === "!" || ch === "?") return j + 1;
  }
  return stop;
}
