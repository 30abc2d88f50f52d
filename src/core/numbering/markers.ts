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

export function levelOf(kind: MarkerKind): number {
  return LEVEL[kind];
}

export function isSpaceChar(c: string | undefined): boolean {
  return c === " " || c === "\u3000" || c === "\t" || c === "\u00a0";
}

/** Index of the first non-space character at or after `i`. */
export function skipSpaces(text: string, i: number): number {
  while (i < text.length && isSpaceChar(text[i])) i++;
  return i;
}

/** A Chinese numeral 一 … 九十九 at `i` (一, 十, 十二, 二十, 九十九). */
export function parseCnNumeral(text: string, i: number): { value: number; end: number } | null {
  const c = text[i];
  if (c === undefined) return null;
  let value: number;
  let end: number;
  if (c === "十") {
    const d = CN_DIGIT[text[i + 1]];
    if (d) {
      value = 10 + d;
      end = i + 2;
    } else {
      value = 10;
      end = i + 1;
    }
  } else {
    const d = CN_DIGIT[c];
    if (!d) return null;
    if (text[i + 1] === "十") {
      if (d === 1) return null; // 一十 is not written
      const d2 = CN_DIGIT[text[i + 2]];
      value = d * 10 + (d2 ?? 0);
      end = d2 ? i + 3 : i + 2;
    } else {
      value = d;
      end = i + 1;
    }
  }
  const next = text[end];
  if (next !== undefined && NUMERAL_CONT.includes(next)) return null;
  return { value, end };
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
const MARKER_FIRST_CODES = new Set([..."（(十" + CN_DIGIT_CHARS].map((c) => c.charCodeAt(0)));

interface ScanOptions {
  /** Accept a marker with nothing after it (list labels). */
  allowEmpty: boolean;
}

/** A heading marker starting exactly at `pos`, or null. */
export function scanMarkerAt(text: string, pos: number, opts: ScanOptions = { allowEmpty: false }): Marker | null {
  if (!MARKER_FIRST_CODES.has(text.charCodeAt(pos)) && !isAnyDigit(text[pos]) && !(text.charCodeAt(pos) >= 0x2460 && text.charCodeAt(pos) <= 0x2473)) return null;
  const c = text[pos];
  const faults: MarkerFault[] = [];
  let kind: MarkerKind;
  let value: number;
  let numStart = pos;
  let numEnd: number;
  let i: number;
  let dot: "." | "．" | undefined;
  const code = text.charCodeAt(pos);

  if (code >= 0x2460 && code <= 0x2473) {
    kind = "circled";
    value = code - 0x245f;
    numEnd = i = pos + 1;
    if (EXTRA_PUNCT.includes(text[i] ?? "\0")) {
      faults.push("paren-extra-punct");
      i++;
    }
  } else if (c === "（" || c === "(") {
    const j = pos + 1;
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
      if (ar.fullwidth) faults.push("fullwidth-digit");
    }
    numEnd = k;
    const close = text[k];
    if (close !== "）" && close !== ")") return null;
    if (c === "(" && close === ")") faults.push("halfwidth-paren");
    else if (c !== "（" || close !== "）") faults.push("mismatched-paren");
    i = k + 1;
    const p = text[i];
    // （一）、 （1）. — but not （1）.5 or （一）、二
    if (p !== undefined && EXTRA_PUNCT.includes(p) && !isAnyDigit(text[i + 1])) {
      faults.push("paren-extra-punct");
      i++;
    }
  } else {
    const cn = parseCnNumeral(text, pos);
    if (cn) {
      kind = "cn-dun";
      value = cn.value;
      numEnd = cn.end;
      const p = text[cn.end];
      if (p === "、" || p === "，" || p === ",") {
        // 一、二年级 / 三、四月份: two numerals in a row form a list, not a heading.
        const nx = parseCnNumeral(text, cn.end + 1);
        if (nx && nx.value === value + 1) return null;
        if (p !== "、") faults.push("cn-wrong-punct");
      } else if (p === "." || p === "．" || p === ":" || p === "：") {
        if (isAnyDigit(text[cn.end + 1])) return null;
        faults.push("cn-wrong-punct");
      } else {
        return null; // 一是, 十分, 一切, 一样 …
      }
      i = cn.end + 1;
    } else {
      const ar = parseArabic(text, pos);
      if (!ar) return null;
      kind = "arabic-dot";
      value = ar.value;
      numEnd = ar.end;
      if (ar.fullwidth) faults.push("fullwidth-digit");
      const p = text[ar.end];
      // 1.5亿, 3.5%, 1、2号楼, 1,000
      if (isAnyDigit(text[ar.end + 1])) return null;
      if (p === "." || p === "．") dot = p;
      else if (p === "、" || p === "，" || p === ",") faults.push("arabic-wrong-punct");
      else return null;
      i = ar.end + 1;
    }
  }

  const beforeSpace = i;
  i = skipSpaces(text, i);
  if (i > beforeSpace) faults.push("space-after");
  if (!opts.allowEmpty && i >= text.length) return null;

  const canonical = formatMarker(kind, value, dot ?? ".");
  return {
    kind,
    level: LEVEL[kind],
    value,
    raw: text.slice(pos, i),
    start: pos,
    end: i,
    fromLabel: false,
    canonical,
    faults,
    numStart,
    numEnd,
    ...(dot ? { dot } : {}),
  };
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

/** After these a new sentence (and so a run-in item) may start. */
const RUNIN_BOUNDARY = "。；：！？;:!?";
/** After these a heading marker inside a paragraph means two paragraphs were merged. */
const MERGE_BOUNDARY = "。！？!?";
const RUNIN_PUNCT = "，,、：:";
const codes = (s: string): Set<number> => new Set([...s].map((c) => c.charCodeAt(0)));
const RUNIN_BOUNDARY_CODES = codes(RUNIN_BOUNDARY);
const MERGE_BOUNDARY_CODES = codes(MERGE_BOUNDARY);
/** First characters a run-in can start with. */
const RUNIN_FIRST_CODES = codes("第其首再最十" + CN_DIGIT_CHARS);

function runInAt(text: string, p: number, shouxianSoFar: number): RunIn | null {
  if (!RUNIN_FIRST_CODES.has(text.charCodeAt(p))) return null;
  const c = text[p];
  let kind: RunInKind;
  let value: number;
  let coreEnd: number;
  let punctOk = RUNIN_PUNCT;
  const two = text.slice(p, p + 2);
  if (two === "首先" || two === "其次" || two === "再次" || two === "最后") {
    const q = text[p + 2];
    const comma = q === "，" || q === ",";
    if (two === "首先" && (comma || q === "要" || q === "是")) value = 1;
    else if (two === "其次" && (comma || q === "要" || q === "是")) value = 2;
    else if (two === "再次" && comma) value = 3;
    else if (two === "最后" && comma) value = shouxianSoFar + 1;
    else return null;
    kind = "shouxian";
    coreEnd = p + 2;
    punctOk = "，,";
  } else if (c === "第") {
    const n = parseCnNumeral(text, p + 1);
    if (!n || n.value > 20) return null;
    const q = text[n.end];
    if (q !== "，" && q !== "," && q !== "、") return null; // 第一次, 第一书记, 第一时间, 第一线
    if (q === "、" && parseCnNumeral(text, n.end + 1)) return null; // 第一、二季度
    kind = "diyi";
    value = n.value;
    coreEnd = n.end;
    punctOk = "，,、";
  } else if (c === "其") {
    const n = parseCnNumeral(text, p + 1);
    if (!n || n.value > 10) return null;
    const q = text[n.end];
    if (q === "是") {
      coreEnd = n.end + 1;
    } else if (q !== undefined && "，,：:".includes(q)) {
      coreEnd = n.end;
    } else return null;
    kind = "qiyi";
    value = n.value;
  } else {
    const n = parseCnNumeral(text, p);
    if (!n || n.value > 20) return null;
    const q = text[n.end];
    if (q === "是") {
      // 一是一、二是二
      const again = parseCnNumeral(text, n.end + 1);
      if (again && again.value === n.value) {
        const after = text[again.end];
        if (after === undefined || "，,、。；;".includes(after)) return null;
      }
      kind = "yishi";
    } else if (q === "要") {
      kind = "yiyao";
    } else return null;
    value = n.value;
    coreEnd = n.end + 1;
  }
  const q = text[coreEnd];
  const punct = q !== undefined && punctOk.includes(q) ? q : "";
  const end = coreEnd + punct.length;
  return { kind, value, raw: text.slice(p, end), start: p, end, punct };
}

/**
 * Run-in enumerations (一是/二是, 第一，, 一要, 首先/其次/再次/最后, 其一) at the start of the
 * paragraph, after a heading marker, or after 。；：！？ (the numbered kinds also after ，, as in
 * 「简单来说，一是…」).
 */
export function findRunIns(text: string): RunIn[] {
  const out: RunIn[] = [];
  let shouxian = 0;
  const tryAt = (pos: number, afterComma = false): void => {
    const p = skipSpaces(text, pos);
    const r = runInAt(text, p, shouxian);
    if (!r) return;
    // 「简单来说，一是…」: after a comma only the numbered kinds count, never 首先/最后.
    if (afterComma && r.kind === "shouxian") return;
    if (out.length && out[out.length - 1].start === r.start) return;
    if (r.kind === "shouxian") shouxian = r.value;
    out.push(r);
  };
  const first = skipSpaces(text, 0);
  const m = scanMarkerAt(text, first);
  tryAt(m ? m.end : first);
  for (let i = first; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (RUNIN_BOUNDARY_CODES.has(code)) tryAt(i + 1);
    else if (code === 0xff0c || code === 0x2c) tryAt(i + 1, true);
  }
  return out;
}

/**
 * Heading markers right after 。！？ inside a paragraph (二、 （三） 3. （1）): paragraphs run
 * together by copy-paste. Only the usual correct or near-correct forms count, to stay clear of
 * inline lists like 「1、2号楼」.
 */
export function findMergedHeadings(text: string): Marker[] {
  const out: Marker[] = [];
  for (let i = 0; i < text.length; i++) {
    if (!MERGE_BOUNDARY_CODES.has(text.charCodeAt(i))) continue;
    const p = skipSpaces(text, i + 1);
    const m = scanMarkerAt(text, p);
    if (!m || m.kind === "circled") continue;
    if (m.faults.includes("cn-wrong-punct") || m.faults.includes("arabic-wrong-punct")) continue;
    out.push(m);
  }
  return out;
}
