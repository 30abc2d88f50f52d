/**
 * The speech skeleton (提纲) the 大纲 tab inserts: title, salutation, opening, the promise
 * 「下面，我讲X点意见。」, the numbered sections and the closing. Pure; the templates move to
 * src/core in a later issue.
 */
import type { InsertParagraph } from "../core/host";

const DIGITS = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

/** 1 → 一, 10 → 十, 12 → 十二, 20 → 二十, 99 → 九十九 (1–99). */
export function chineseNumeral(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`chineseNumeral: ${n} is out of range 1–99`);
  if (n < 10) return DIGITS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return (tens === 1 ? "" : DIGITS[tens]) + "十" + (ones ? DIGITS[ones] : "");
}

export const SECTIONS_MIN = 2;
export const SECTIONS_MAX = 6;
export const SUBSECTIONS_MIN = 0;
export const SUBSECTIONS_MAX = 5;

/**
 * One complete speech skeleton with `sections` parts (一、…) and `subsections` sub-headings
 * （一）… in each part. Placeholders are in 〔〕 so they stand out and the check finds any left.
 */
export function buildSpeechSkeleton(sections: number, subsections: number): InsertParagraph[] {
  if (!Number.isInteger(sections) || sections < SECTIONS_MIN || sections > SECTIONS_MAX) {
    throw new RangeError(`部分数应为 ${SECTIONS_MIN} 到 ${SECTIONS_MAX}`);
  }
  if (!Number.isInteger(subsections) || subsections < SUBSECTIONS_MIN || subsections > SUBSECTIONS_MAX) {
    throw new RangeError(`每部分的小标题数应为 ${SUBSECTIONS_MIN} 到 ${SUBSECTIONS_MAX}`);
  }
  const out: InsertParagraph[] = [
    { role: "title", text: "在〔会议名称〕上的讲话" },
    { role: "salutation", text: "同志们：" },
    {
      role: "body",
      text: "今天，我们召开〔会议名称〕，主要任务是〔会议任务〕。刚才，〔同志〕通报了〔有关情况〕，讲得很好，我都同意。",
    },
    { role: "body", text: `下面，我讲${chineseNumeral(sections)}点意见。` },
  ];
  for (let s = 1; s <= sections; s++) {
    out.push({ role: "level1", text: `${chineseNumeral(s)}、〔第${chineseNumeral(s)}部分标题〕` });
    if (subsections === 0) {
      out.push({ role: "body", text: "〔正文〕" });
      continue;
    }
    for (let k = 1; k <= subsections; k++) {
      out.push({ role: "level2", text: `（${chineseNumeral(k)}）〔小标题〕` });
      out.push({ role: "body", text: "〔正文〕" });
    }
  }
  out.push({ role: "closing", text: "同志们，〔结束语：提出希望和要求〕。" });
  return out;
}
