/**
 * Recognising heading markers (序次语) and run-in enumerations (一是/第一，/首先) in paragraph text.
 *
 * Everything here scans a string once from left to right with a fixed look-ahead, so the
 * cost is linear in the text length.
 */
import type { Marker, MarkerFault, MarkerKind, RunIn, RunInKind } from "./types";

const CN_DIGIT: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const CN_DIGIT_CHARS = "一二三四五六七八九";
/** Characters that make a longer number (二〇二四, 一百, 两万); a numeral followed by one is not a marker. */
const NUMERAL_CONT = "〇零○一二三四五六七八九十百千万亿两";

const LEVEL: Record<MarkerKind, number> = { "cn-dun": 1, "cn-paren": 2, "arabic-dot": 3, "arabic-paren": 4, circled: 5 };

/*
 * One table of character classes, indexed by UTF-16 code unit, so the per-character scans below
 * cost one array load each instead of a Set lookup or a string search.
 */
/** 。；：！？;:!? — a new sentence (and so a run-in item) may start after these. */
const C_BOUNDARY = 1;
/** ，, — numbered run-ins (一是 / 第二，) may also follow a comma. */
const C_COMMA = 2;
/** 。！？!? — a heading marker after these means merged paragraphs; also sentence ends. */
const C_MERGE = 4;
/** 第其首再最 and the numerals 一…十: first characters of a run-in. */
const C_RUNIN_FIRST = 8;
/** （( 一…十 0-9 ０-９ ①-⑳: first characters of a heading marker. */
const C_MARKER_FIRST = 16;
/** The spaces skipSpaces skips. */
const C_SPACE = 32;
/** Characters that continue a Chinese number (NUMERAL_CONT). */
const C_NUMERAL_CONT = 64;

const CLASS = new Uint8Array(0x10000);
function mark(chars: string, flag: number): void {
  for (let k = 0; k < chars.length; k++) CLASS[chars.charCodeAt(k)] |= flag;
}
mark("。；：！？;:!?", C_BOUNDARY);
mark("，,", C_COMMA);
mark("。！？!?", C_MERGE);
mark("第其首再最十" + CN_DIGIT_CHARS, C_RUNIN_FIRST);
mark("（(§十" + CN_DIGIT_CHARS + "0123456789０１２３４５６７８９", C_MARKER_FIRST);
for (let c = 0x2460; c <= 0x2473; c++) CLASS[c] |= C_MARKER_FIRST;
mark(" \u3000\t\u00a0", C_SPACE);
mark(NUMERAL_CONT, C_NUMERAL_CONT);

/** 一 … 九 → 1 … 9 by code unit; 0 for anything else. */
const CN_DIGIT_VALUE = new Uint8Array(0x10000);
for (let k = 0; k < CN_DIGIT_CHARS.length; k++) CN_DIGIT_VALUE[CN_DIGIT_CHARS.charCodeAt(k)] = k + 1;
const CODE_TEN = 0x5341; // 十

/** The class flags of the code unit at `i` (0 past the end). */
function classAt(text: string, i: number): number {
  return i < text.length ? CLASS[text.charCodeAt(i)] : 0;
}

export function levelOf(kind: MarkerKind): number {
  return LEVEL[kind];
}

export function isSpaceChar(c: string | undefined): boolean {
  return c === " " || c === "\u3000" || c === "\t" || c === "\u00a0";
}

/** Index of the first non-space character at or after `i`. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && CLASS[text.charCodeAt(i)] & C_SPACE) i++;
  return i;
}

/** A Chinese numeral 一 … 九十九 at `i` (一, 十, 十二, 二十, 九十九). */
export function parseCnNumeral(text: string, i: number): { value: number; end: number } | null {
  const n = cnNumeralAt(text, i);
  return n < 0 ? null : { value: n >> 8, end: i + (n & 0xff) };
}

/**
 * parseCnNumeral without the allocation: (value << 8) | length, or -1 when there is no numeral.
 */
function cnNumeralAt(text: string, i: number): number {
  if (i >= text.length) return -1;
  const c = text.charCodeAt(i);
  let value: number;
  let len: number;
  if (c === CODE_TEN) {
    const d = i + 1 < text.length ? CN_DIGIT_VALUE[text.charCodeAt(i + 1)] : 0;
    if (d) {
      value = 10 + d;
      len = 2;
    } else {
      value = 10;
      len = 1;
    }
  } else {
    const d = CN_DIGIT_VALUE[c];
    if (!d) return -1;
    if (i + 1 < text.length && text.charCodeAt(i + 1) === CODE_TEN) {
      if (d === 1) return -1; // 一十 is not written
      const d2 = i + 2 < text.length ? CN_DIGIT_VALUE[text.charCodeAt(i + 2)] : 0;
      value = d * 10 + d2;
      len = d2 ? 3 : 2;
    } else {
      value = d;
      len = 1;
    }
  }
  if (classAt(text, i + len) & C_NUMERAL_CONT) return -1;
  return (value << 8) | len;
}

/** 1 → 一, 12 → 十二, 20 → 二十, 99 → 九十九. */
export function toCnNumeral(n: number): string {
  if (n <= 0 || n >= 100) return String(n);
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  const o = ones ? CN_DIGIT_CHARS[ones - 1] : "";
  if (tens === 0) return o;
  return (tens === 1 ? "" : CN_DIGIT_CHARS[tens - 1]) + "十" + o;
}

function isHalfDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "0" && c <= "9";
}
function isFullDigit(c: string | undefined): boolean {
  return c !== undefined && c >= "０" && c <= "９";
}
function isAnyDigit(c: string | undefined): boolean {
  return isHalfDigit(c) || isFullDigit(c);
}
function digitValue(c: string): number {
  return isHalfDigit(c) ? c.charCodeAt(0) - 48 : c.charCodeAt(0) - 0xff10;
}

/** One or two Arabic digits (half- or full-width) at `i`, value 1 … 99, no leading zero. */
function parseArabic(text: string, i: number): { value: number; end: number; fullwidth: boolean } | null {
  if (!isAnyDigit(text[i])) return null;
  let end = i + 1;
  if (isAnyDigit(text[end])) end++;
  if (isAnyDigit(text[end])) return null; // 2024.… is a year, not a marker
  let value = 0;
  let fullwidth = false;
  for (let k = i; k < end; k++) {
    value = value * 10 + digitValue(text[k]);
    if (isFullDigit(text[k])) fullwidth = true;
  }
  if (value === 0 || (end - i === 2 && digitValue(text[i]) === 0)) return null;
  return { value, end, fullwidth };
}

/** The correct written form of a marker of `kind` standing for `value`. */
export function formatMarker(kind: MarkerKind, value: number, dot: "." | "．" = "."): string {
  switch (kind) {
    case "cn-dun":
      return toCnNumeral(value) + "、";
    case "cn-paren":
      return "（" + toCnNumeral(value) + "）";
    case "arabic-dot":
      return String(value) + dot;
    case "arabic-paren":
      return "（" + String(value) + "）";
    case "circled":
      return value >= 1 && value <= 20 ? String.fromCharCode(0x245f + value) : `(${value})`;
  }
}

/** The numeral alone, as a marker of `kind` writes it (一 / 1 / ①). */
export function formatNumeral(kind: MarkerKind, value: number): string {
  if (kind === "cn-dun" || kind === "cn-paren") return toCnNumeral(value);
  if (kind === "circled") return formatMarker(kind, value);
  return String(value);
}

const EXTRA_PUNCT = "、.．，,:：";
/** EXTRA_PUNCT by char code. */
const EXTRA_PUNCT_CODE = new Uint8Array(0x10000);
for (let k = 0; k < EXTRA_PUNCT.length; k++) EXTRA_PUNCT_CODE[EXTRA_PUNCT.charCodeAt(k)] = 1;
const CODE_SECTION = 0xa7; // §
/** The faults of a correct marker: one shared list (nothing changes a marker's faults once made). */
const NO_FAULTS = Object.freeze([]) as unknown as MarkerFault[];

/** formatMarker's strings for the canonical forms, made once: drafts repeat the same few markers. */
const CANONICAL = new Map<number, string>();
const KIND_CODE: Record<MarkerKind, number> = { "cn-dun": 0, "cn-paren": 1, "arabic-dot": 2, "arabic-paren": 3, circled: 4 };
function canonicalOf(kind: MarkerKind, value: number, dot: "." | "．"): string {
  // values are 1 … 99 (parseCnNumeral, parseArabic) or ① … ⑳
  const key = ((value & 0x7f) * 8 + KIND_CODE[kind]) * 2 + (dot === "." ? 0 : 1);
  let s = CANONICAL.get(key);
  if (s === undefined || value > 0x7f) {
    s = formatMarker(kind, value, dot);
    if (value <= 0x7f) CANONICAL.set(key, s);
  }
  return s;
}

interface ScanOptions {
  /** Accept a marker with nothing after it (list labels). */
  allowEmpty: boolean;
}

const NOT_EMPTY: ScanOptions = { allowEmpty: false };

/** 「（一）、、」: every further mark after a bracketed marker belongs to the fault (one fix removes all). */
function skipExtraPunct(text: string, i: number): number {
  while (i < text.length && EXTRA_PUNCT_CODE[text.charCodeAt(i)] === 1 && !isAnyDigit(text[i + 1])) i++;
  return i;
}

/** A heading marker starting exactly at `pos`, or null. */
export function scanMarkerAt(text: string, pos: number, opts: ScanOptions = NOT_EMPTY): Marker | null {
  if (!(classAt(text, pos) & C_MARKER_FIRST)) return null;
  let faults: MarkerFault[] | null = null;
  let kind: MarkerKind;
  let value: number;
  let numStart = pos;
  let numEnd: number;
  let i: number;
  let dot: "." | "．" | undefined;
  const start = pos;
  if (text.charCodeAt(pos) === CODE_SECTION) {
    // §2. used as a heading: the marker proper starts at the digit.
    const d = skipSpaces(text, pos + 1);
    if (!isAnyDigit(text[d])) return null;
    (faults ??= []).push("section-sign");
    pos = d;
  }
  const c = text[pos];
  const code = text.charCodeAt(pos);

  if (code >= 0x2460 && code <= 0x2473) {
    if (faults) return null;
    kind = "circled";
    value = code - 0x245f;
    numEnd = i = pos + 1;
    if (i < text.length && EXTRA_PUNCT_CODE[text.charCodeAt(i)] === 1) {
      (faults ??= []).push("paren-extra-punct");
      i = skipExtraPunct(text, i + 1);
    }
  } else if (c === "（" || c === "(") {
    if (faults) return null;
    // （ 2 ）: spaces inside the brackets are a fault of the marker, not a different marker.
    const j = skipSpaces(text, pos + 1);
    numStart = j;
    const cn = parseCnNumeral(text, j);
    let k: number;
    if (cn) {
      kind = "cn-paren";
      value = cn.value;
      k = cn.end;
    } else {
      const ar = parseArabic(text, j);
      if (!ar) return null;
      kind = "arabic-paren";
      value = ar.value;
      k = ar.end;
      if (ar.fullwidth) (faults ??= []).push("fullwidth-digit");
    }
    numEnd = k;
    k = skipSpaces(text, k);
    const close = text[k];
    if (close !== "）" && close !== ")") return null;
    if (j > pos + 1 || k > numEnd) (faults ??= []).push("space-inside");
    if (c === "(" && close === ")") (faults ??= []).push("halfwidth-paren");
    else if (c !== "（" || close !== "）") (faults ??= []).push("mismatched-paren");
    i = k + 1;
    // （一）、 （1）. — but not （1）.5 or （一）、二
    if (i < text.length && EXTRA_PUNCT_CODE[text.charCodeAt(i)] === 1 && !isAnyDigit(text[i + 1])) {
      (faults ??= []).push("paren-extra-punct");
      i = skipExtraPunct(text, i + 1);
    }
  } else {
    const cn = faults ? null : parseCnNumeral(text, pos);
    if (cn) {
      kind = "cn-dun";
      value = cn.value;
      numEnd = cn.end;
      // 一 、: a space between the numeral and its mark.
      const at = skipSpaces(text, cn.end);
      const p = text[at];
      if (p === "、" || p === "，" || p === ",") {
        // 一、二年级 / 三、四月份: two numerals in a row form a list, not a heading.
        const nx = parseCnNumeral(text, at + 1);
        if (nx && nx.value === value + 1) return null;
        if (p !== "、") (faults ??= []).push("cn-wrong-punct");
      } else if (p === "." || p === "．" || p === ":" || p === "：") {
        if (isAnyDigit(text[at + 1])) return null;
        (faults ??= []).push("cn-wrong-punct");
      } else {
        return null; // 一是, 十分, 一切, 一样 …
      }
      if (at > cn.end) (faults ??= []).push("space-inside");
      i = at + 1;
    } else {
      const ar = parseArabic(text, pos);
      if (!ar) return null;
      kind = "arabic-dot";
      value = ar.value;
      numEnd = ar.end;
      if (ar.fullwidth) (faults ??= []).push("fullwidth-digit");
      const at = skipSpaces(text, ar.end);
      const p = text[at];
      // 1.5亿, 3.5%, 1、2号楼, 1,000 — also with spaces: 1 , 000 in scraped text.
      if (isAnyDigit(text[skipSpaces(text, at + 1)])) return null;
      if (p === "." || p === "．") dot = p;
      else if (p === "、" || p === "，" || p === ",") (faults ??= []).push("arabic-wrong-punct");
      else return null;
      if (at > ar.end) (faults ??= []).push("space-inside");
      i = at + 1;
    }
  }

  const beforeSpace = i;
  i = skipSpaces(text, i);
  if (i > beforeSpace) (faults ??= []).push("space-after");
  if (!opts.allowEmpty && i >= text.length) return null;

  const canonical = canonicalOf(kind, value, dot ?? ".");
  const marker: Marker = {
    kind,
    level: LEVEL[kind],
    value,
    raw: text.slice(start, i),
    start,
    end: i,
    fromLabel: false,
    canonical,
    faults: faults ?? NO_FAULTS,
    numStart,
    numEnd,
  };
  if (dot) marker.dot = dot;
  return marker;
}

/** The heading marker at the start of a paragraph (after leading spaces), or null. */
export function parseMarker(text: string): Marker | null {
  return scanMarkerAt(text, skipSpaces(text, 0));
}

/** A Marker for Word's auto-numbered list label ("一、", "（一）", "1."), or null for bullets etc. */
export function markerFromLabel(label: string): Marker | null {
  const s = label.trim();
  if (!s) return null;
  const m = scanMarkerAt(s, 0, { allowEmpty: true });
  if (!m || m.end !== s.length) return null;
  return {
    ...m,
    raw: s,
    start: 0,
    end: 0,
    numStart: 0,
    numEnd: 0,
    fromLabel: true,
    faults: m.faults.filter((f) => f !== "space-after"),
  };
}

const RUNIN_PUNCT = "，,、：:";

const CODE_SHOU = 0x9996; // 首
const CODE_QI = 0x5176; // 其
const CODE_ZAI = 0x518d; // 再
const CODE_ZUI = 0x6700; // 最
const CODE_DI = 0x7b2c; // 第
const CODE_XIAN = 0x5148; // 先
const CODE_CI = 0x6b21; // 次
const CODE_HOU = 0x540e; // 后
const CODE_SHI = 0x662f; // 是
const CODE_YAO = 0x8981; // 要

function runInAt(text: string, p: number, shouxianSoFar: number): RunIn | null {
  if (!(classAt(text, p) & C_RUNIN_FIRST)) return null;
  const c = text.charCodeAt(p);
  const c2 = p + 1 < text.length ? text.charCodeAt(p + 1) : -1;
  let kind: RunInKind;
  let value: number;
  let coreEnd: number;
  let punctOk = RUNIN_PUNCT;
  if ((c === CODE_SHOU && c2 === CODE_XIAN) || (c === CODE_QI && c2 === CODE_CI) || (c === CODE_ZAI && c2 === CODE_CI) || (c === CODE_ZUI && c2 === CODE_HOU)) {
    const q = text[p + 2];
    const comma = q === "，" || q === ",";
    if (c === CODE_SHOU && (comma || q === "要" || q === "是")) value = 1;
    else if (c === CODE_QI && (comma || q === "要" || q === "是")) value = 2;
    else if (c === CODE_ZAI && comma) value = 3;
    else if (c === CODE_ZUI && comma) value = shouxianSoFar + 1;
    else return null;
    kind = "shouxian";
    coreEnd = p + 2;
    punctOk = "，,";
  } else if (c === CODE_DI) {
    const n = cnNumeralAt(text, p + 1);
    if (n < 0 || n >> 8 > 20) return null;
    const nEnd = p + 1 + (n & 0xff);
    const q = text[nEnd];
    if (q !== "，" && q !== "," && q !== "、") return null; // 第一次, 第一书记, 第一时间, 第一线
    // 第一、二季度 / 第一、第二、第三产业: a list of ordinals, not a run-in.
    if (q === "、" && (cnNumeralAt(text, nEnd + 1) >= 0 || (text.charCodeAt(nEnd + 1) === CODE_DI && cnNumeralAt(text, nEnd + 2) >= 0))) return null;
    kind = "diyi";
    value = n >> 8;
    coreEnd = nEnd;
    punctOk = "，,、";
  } else if (c === CODE_QI) {
    const n = cnNumeralAt(text, p + 1);
    if (n < 0 || n >> 8 > 10) return null;
    const nEnd = p + 1 + (n & 0xff);
    const q = text[nEnd];
    if (q === "是") {
      coreEnd = nEnd + 1;
    } else if (q === "，" || q === "," || q === "：" || q === ":") {
      coreEnd = nEnd;
    } else return null;
    kind = "qiyi";
    value = n >> 8;
  } else {
    const n = cnNumeralAt(text, p);
    if (n < 0 || n >> 8 > 20) return null;
    const nEnd = p + (n & 0xff);
    const q = nEnd < text.length ? text.charCodeAt(nEnd) : -1;
    if (q === CODE_SHI) {
      // 一是一、二是二
      const again = cnNumeralAt(text, nEnd + 1);
      if (again >= 0 && again >> 8 === n >> 8) {
        const after = text[nEnd + 1 + (again & 0xff)];
        if (after === undefined || "，,、。；;".includes(after)) return null;
      }
      kind = "yishi";
    } else if (q === CODE_YAO) {
      kind = "yiyao";
    } else return null;
    value = n >> 8;
    coreEnd = nEnd + 1;
  }
  const q = text[coreEnd];
  const punct = q !== undefined && punctOk.includes(q) ? q : "";
  const end = coreEnd + punct.length;
  return { kind, value, raw: text.slice(p, end), start: p, end, punct };
}

/** Adds the run-in at (after spaces from) `pos` to `out`, as findRunIns does; returns the new 首先-count. */
function addRunIn(text: string, pos: number, afterComma: boolean, out: RunIn[], shouxian: number): number {
  const p = skipSpaces(text, pos);
  const r = runInAt(text, p, shouxian);
  if (!r) return shouxian;
  // 「简单来说，一是…」: after a comma only the numbered kinds count, never 首先/最后.
  if (afterComma && r.kind === "shouxian") return shouxian;
  if (out.length && out[out.length - 1].start === r.start) return shouxian;
  out.push(r);
  return r.kind === "shouxian" ? r.value : shouxian;
}

/** The merged-paragraph heading marker at (after spaces from) `pos`, as findMergedHeadings takes it. */
function mergedAt(text: string, pos: number): Marker | null {
  const m = scanMarkerAt(text, skipSpaces(text, pos));
  if (!m || m.kind === "circled") return null;
  for (const f of m.faults) if (f === "cn-wrong-punct" || f === "arabic-wrong-punct" || f === "section-sign" || f === "space-inside") return null;
  return m;
}

/*
 * Where a run-in or a merged heading may start: a boundary, optional spaces, then a possible first
 * character. Most boundaries are followed by neither; the pattern below, made from the table above
 * so the two cannot drift apart, finds the few places that are (natively, and with test() no match
 * object is made), and the parsers run only there.
 */
function classSet(flags: number): string {
  let out = "";
  for (let c = 0; c < 0x10000; c++) if (CLASS[c] & flags) out += "\\u" + c.toString(16).padStart(4, "0");
  return "[" + out + "]";
}
const CANDIDATE = new RegExp(classSet(C_BOUNDARY | C_COMMA | C_SPACE) + classSet(C_SPACE) + "*" + classSet(C_RUNIN_FIRST | C_MARKER_FIRST), "g");

/**
 * findRunIns (into `runIns`, when given) and findMergedHeadings (into `merged`, when given) for one
 * paragraph, in one pass. `marker` is parseMarker(text) (a run-in may follow it). `inside` false
 * says that no boundary in the text is directly followed by a character that can open a run-in or
 * a marker (text/summary.ts, ADJ_OUTLINE): then only the start of the paragraph is looked at.
 */
export function scanParagraph(text: string, marker: Marker | null, runIns: RunIn[] | null, merged: Marker[] | null, inside = true): void {
  let shouxian = 0;
  /**
   * 「情况如下：（一）…。（二）…。（三）…」 is an enumeration inside the paragraph, not merged
   * paragraphs: a marker after ：/； opens it, and the markers after 。 that number on from it
   * belong to it. The last value of such a list, by level (0 = none).
   */
  let inline: number[] | null = null;
  if (runIns) shouxian = addRunIn(text, marker ? marker.end : skipSpaces(text, 0), false, runIns, 0);
  if (!inside) return;
  CANDIDATE.lastIndex = 0;
  while (CANDIDATE.test(text)) {
    // the character after the boundary and its spaces; the match began at the boundary, or at the
    // first of the spaces when no boundary stands before them (a space is a weak boundary, like
    // ，: scraped text often loses the 。 before 「第二，」)
    const k = CANDIDATE.lastIndex - 1;
    let i = k - 1;
    while (i >= 0 && CLASS[text.charCodeAt(i)] & C_SPACE) i--;
    if (i < 0 || (CLASS[text.charCodeAt(i)] & (C_BOUNDARY | C_COMMA)) === 0) i++;
    const f = CLASS[text.charCodeAt(i)];
    const next = CLASS[text.charCodeAt(k)];
    if (merged && next & C_MARKER_FIRST) {
      if (f & C_MERGE) {
        const m = mergedAt(text, k);
        if (m) {
          if (inline && inline[m.level] === m.value - 1) inline[m.level] = m.value;
          else merged.push(m);
        }
      } else if (f & C_BOUNDARY) {
        const m = mergedAt(text, k);
        if (m && m.value === 1) (inline ??= [0, 0, 0, 0, 0, 0])[m.level] = 1;
      }
    }
    if (runIns && next & C_RUNIN_FIRST) shouxian = addRunIn(text, k, (f & C_BOUNDARY) === 0, runIns, shouxian);
  }
}

/**
 * Run-in enumerations (一是/二是, 第一，, 一要, 首先/其次/再次/最后, 其一) at the start of the
 * paragraph, after a heading marker, or after 。；：！？ (the numbered kinds also after ，, as in
 * 「简单来说，一是…」).
 */
export function findRunIns(text: string): RunIn[] {
  const out: RunIn[] = [];
  scanParagraph(text, scanMarkerAt(text, skipSpaces(text, 0)), out, null);
  return out;
}

/**
 * Heading markers right after 。！？ inside a paragraph (二、 （三） 3. （1）): paragraphs run
 * together by copy-paste. Only the usual correct or near-correct forms count, to stay clear of
 * inline lists like 「1、2号楼」.
 */
export function findMergedHeadings(text: string): Marker[] {
  const out: Marker[] = [];
  scanParagraph(text, null, null, out);
  return out;
}
