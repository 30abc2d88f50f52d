/**
 * Font names: normalisation and classification into the families GB/T 9704-2012 names
 * (仿宋、楷体、黑体、小标宋) plus 宋体, so a message can say 「现为宋体」 for SimSun,
 * 新宋体 or 方正书宋 alike.
 */
import { HAO_PT } from "../profiles";

export type FontFamily = "fangsong" | "kaiti" | "heiti" | "songti" | "xiaobiaosong" | "other";

/** The Chinese name a clerk uses for each family. */
export const FONT_FAMILY_LABEL: Record<Exclude<FontFamily, "other">, string> = {
  fangsong: "仿宋",
  kaiti: "楷体",
  heiti: "黑体",
  songti: "宋体",
  xiaobiaosong: "小标宋体",
};

/**
 * Case-, width- and spacing-insensitive form of a font name: "仿宋_GB2312", "仿宋 GB2312" and
 * "仿宋-gb2312" all become "仿宋gb2312". A leading "@" (vertical-text variant) is dropped.
 */
export function normalizeFontName(name: string): string {
  const hit = NORMALIZED.get(name);
  if (hit !== undefined) return hit;
  const s = name.normalize("NFKC").toLowerCase().replace(/[\s_\-@'"]+/g, "");
  if (NORMALIZED.size >= CACHE_MAX) NORMALIZED.clear();
  NORMALIZED.set(name, s);
  return s;
}

/** A document uses a handful of font names over and over: remember their normal forms. */
const NORMALIZED = new Map<string, string>();
const CACHE_MAX = 512;

/** Sans-serif UI fonts that contain 黑 in their name but are not 黑体 in the 公文 sense. */
const NOT_HEITI = ["雅黑", "yahei", "软正黑", "軟正黑", "jhenghei", "等线", "dengxian"];

/** The family of a font, from its name. Unknown names give "other". */
export function fontFamily(name: string | undefined): FontFamily {
  if (!name) return "other";
  const hit = FAMILY.get(name);
  if (hit !== undefined) return hit;
  const fam = classify(normalizeFontName(name));
  if (FAMILY.size >= CACHE_MAX) FAMILY.clear();
  FAMILY.set(name, fam);
  return fam;
}

const FAMILY = new Map<string, FontFamily>();

function classify(s: string): FontFamily {
  if (!s) return "other";
  if (s.includes("小标宋") || s.includes("xiaobiaosong") || s.startsWith("fzxbs")) return "xiaobiaosong";
  if (s.includes("仿宋") || s.includes("fangsong") || s.startsWith("fzfs")) return "fangsong";
  if (s.includes("楷") || s.includes("kaiti") || s.startsWith("fzkt") || s === "kai") return "kaiti";
  if (NOT_HEITI.some((x) => s.includes(x))) return "other";
  if (s.includes("黑体") || s.includes("simhei") || s.includes("heiti") || s.startsWith("fzht") || s.startsWith("fzhei")) {
    return "heiti";
  }
  if (
    s.includes("宋") ||
    s.includes("simsun") ||
    s.includes("songti") ||
    s.includes("stsong") ||
    s.startsWith("fzss") ||
    s.includes("明体") ||
    s.includes("mingliu")
  ) {
    return "songti";
  }
  return "other";
}

/** How a message names a font: the family name when known (「宋体」 for 方正书宋), else the name as written. */
export function fontLabel(name: string): string {
  const fam = fontFamily(name);
  return fam === "other" ? name.trim() : FONT_FAMILY_LABEL[fam];
}

/**
 * True when `name` is one of `accepted` (compared normalised) or belongs to the same known
 * family as one of them (方正仿宋_GB18030 is accepted wherever 仿宋_GB2312 is).
 */
export function fontMatches(name: string, accepted: readonly string[]): boolean {
  let memo = MATCHES.get(accepted);
  if (!memo) MATCHES.set(accepted, (memo = new Map()));
  let hit = memo.get(name);
  if (hit === undefined) {
    hit = matches(name, accepted);
    if (memo.size >= CACHE_MAX) memo.clear();
    memo.set(name, hit);
  }
  return hit;
}

/** Answers by accepted-list object (a profile's list is one array) and font name. */
const MATCHES = new WeakMap<readonly string[], Map<string, boolean>>();

function matches(name: string, accepted: readonly string[]): boolean {
  const n = normalizeFontName(name);
  const fam = fontFamily(name);
  for (const a of accepted) {
    if (normalizeFontName(a) === n) return true;
    if (fam !== "other" && fontFamily(a) === fam) return true;
  }
  return false;
}

const PT_TO_HAO: Array<[number, string]> = Object.entries(HAO_PT).map(([hao, pt]) => [pt, hao]);

/** 16 → 「三号」, 22 → 「二号」, 13 → 「13磅」. */
export function sizeLabel(pt: number): string {
  for (const [p, hao] of PT_TO_HAO) if (Math.abs(p - pt) < 0.01) return hao;
  const rounded = Math.round(pt * 10) / 10;
  return `${rounded}磅`;
}

/** Han ideographs (CJK unified, extension A, compatibility) and 〇. */
const HAN = /[\u3007\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;

/** True when the text holds at least one Chinese character (the East Asian font applies to it). */
export function hasHan(text: string): boolean {
  return HAN.test(text);
}
