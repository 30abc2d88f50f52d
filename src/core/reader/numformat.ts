/**
 * Number formats of auto-numbered lists (w:numFmt / ST_NumberFormat): turns a counter
 * value into the text Word shows for it.
 */

const CN_DIGITS = "〇一二三四五六七八九";
const CN_LEGAL_DIGITS = "零壹贰叁肆伍陆柒捌玖";
const TIANGAN = "甲乙丙丁戊己庚辛壬癸";
const DIZHI = "子丑寅卯辰巳午未申酉戌亥";

/** Chinese counting with 十/百/千/万, e.g. 11 → 十一, 105 → 一百零五, 1010 → 一千零一十. */
function chineseCountingFull(n: number, digits: string, units: [string, string, string], wan: string): string {
  if (n <= 0 || n >= 100000000) return String(n);
  if (n >= 10000) {
    const hi = Math.floor(n / 10000);
    const lo = n % 10000;
    let s = chineseCountingFull(hi, digits, units, wan) + wan;
    if (lo === 0) return s;
    if (lo < 1000) s += digits[0];
    return s + below10000(lo, digits, units, true);
  }
  return below10000(n, digits, units, false);
}

function below10000(n: number, digits: string, units: [string, string, string], afterHigher: boolean): string {
  const [shi, bai, qian] = units;
  const parts = [Math.floor(n / 1000), Math.floor(n / 100) % 10, Math.floor(n / 10) % 10, n % 10];
  const names = [qian, bai, shi, ""];
  let s = "";
  let pendingZero = false;
  let started = false;
  for (let k = 0; k < 4; k++) {
    const d = parts[k];
    if (d === 0) {
      if (started) pendingZero = true;
      continue;
    }
    if (pendingZero) {
      s += digits[0];
      pendingZero = false;
    }
    // 10–19 read 十, 十一 … when the ten is the leading digit.
    if (k === 2 && d === 1 && !started && !afterHigher) s += names[k];
    else s += digits[d] + names[k];
    started = true;
  }
  return s;
}

/** Chinese counting as Word's chineseCounting: 一 … 十, 十一 … 九十九; from 100 on, digit by digit (一〇〇). */
function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 100) return below10000(n, CN_DIGITS, ["十", "百", "千"], false);
  return ideographDigital(n);
}

function ideographDigital(n: number): string {
  if (n < 0) return String(n);
  let s = "";
  for (const ch of String(n)) s += CN_DIGITS[ch.charCodeAt(0) - 48];
  return s;
}

function enclosed(n: number, first: number, count: number): string {
  return n >= 1 && n <= count ? String.fromCharCode(first + n - 1) : String(n);
}

/** Letter labels repeat the letter (27 → AA, 53 → AAA): beyond this many repeats, digits are shown. */
const MAX_LETTER_REPEAT = 10;

function letters(n: number, upper: boolean): string {
  if (n <= 0 || n > 26 * MAX_LETTER_REPEAT) return String(n);
  const ch = String.fromCharCode((upper ? 65 : 97) + ((n - 1) % 26));
  return ch.repeat(Math.floor((n - 1) / 26) + 1);
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, "M"], [900, "CM"], [500, "D"], [400, "CD"], [100, "C"], [90, "XC"],
    [50, "L"], [40, "XL"], [10, "X"], [9, "IX"], [5, "V"], [4, "IV"], [1, "I"],
  ];
  let s = "";
  let v = n;
  for (const [val, sym] of table) {
    while (v >= val) {
      s += sym;
      v -= val;
    }
  }
  return upper ? s : s.toLowerCase();
}

function cyclic(n: number, chars: string): string {
  if (n <= 0) return String(n);
  return chars[(n - 1) % chars.length];
}

/**
 * Formats `n` in the number format `fmt` (the w:numFmt value). Unknown formats fall back
 * to decimal. "bullet" and "none" return "" — the caller uses the level text as is.
 */
export function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case "decimal":
    case "decimalHalfWidth":
      return String(n);
    case "decimalZero":
      return n >= 0 && n < 10 ? "0" + n : String(n);
    case "decimalFullWidth":
    case "decimalFullWidth2":
      return String(n).replace(/[0-9]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0));
    case "chineseCounting":
    case "taiwaneseCounting":
      return chineseCounting(n);
    case "chineseCountingThousand":
    case "taiwaneseCountingThousand":
    case "japaneseCounting":
      return chineseCountingFull(n, CN_DIGITS.replace("〇", "零"), ["十", "百", "千"], "万");
    case "chineseLegalSimplified":
      return chineseCountingFull(n, CN_LEGAL_DIGITS, ["拾", "佰", "仟"], "万");
    case "ideographLegalTraditional":
      return chineseCountingFull(n, "零壹貳參肆伍陸柒捌玖", ["拾", "佰", "仟"], "萬");
    case "ideographDigital":
    case "taiwaneseDigital":
    case "japaneseDigitalTenThousand":
      return ideographDigital(n);
    case "ideographTraditional":
      return cyclic(n, TIANGAN);
    case "ideographZodiac":
      return cyclic(n, DIZHI);
    case "decimalEnclosedCircle":
    case "decimalEnclosedCircleChinese":
    case "ideographEnclosedCircle":
      return enclosed(n, 0x2460, 20);
    case "decimalEnclosedParen":
      return enclosed(n, 0x2474, 20);
    case "decimalEnclosedFullstop":
      return enclosed(n, 0x2488, 20);
    case "upperLetter":
      return letters(n, true);
    case "lowerLetter":
      return letters(n, false);
    case "upperRoman":
      return roman(n, true);
    case "lowerRoman":
      return roman(n, false);
    case "bullet":
    case "none":
      return "";
    default:
      return String(n);
  }
}
