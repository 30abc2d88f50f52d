/**
 * typo: 「臵」 for 「置」, accidental doubled function characters (的的, 了了) and a curated list of
 * frequent wrong words (布署 → 部署), plus 截止 directly before a date (→ 截至).
 * One pass per paragraph; the word list is indexed by first character.
 */
import { DOUBLED_FUNCTION_CHARS, LEGIT_REDUPLICATIONS, TYPO_ENTRIES, type TypoEntry } from "../../data/typos";
import type { Rule, RuleContext } from "../types";
import { hanAt, isAnyDigitCode } from "./shared";

type Index = Map<string, TypoEntry[]>;

function buildIndex(entries: TypoEntry[]): Index {
  const idx: Index = new Map();
  for (const e of entries) {
    if (!e.wrong || e.wrong === e.right) continue;
    const k = e.wrong[0];
    const list = idx.get(k) ?? [];
    list.push(e);
    idx.set(k, list);
  }
  // Longest first, so 「一如继往」 wins over a shorter entry starting with 「一」.
  for (const list of idx.values()) list.sort((a, b) => b.wrong.length - a.wrong.length);
  return idx;
}

const BUILTIN_INDEX = buildIndex(TYPO_ENTRIES);

/** What may follow 「截止」 when it is meant as 「截至」 (up to a point in time). */
const JIEZHI_TIME_WORDS = [
  "目前", "今年", "去年", "前年", "上年", "本年", "当年", "当前", "本月", "上月", "今天", "今日", "昨天", "昨日", "年底", "年末",
  "月底", "月末", "上半年", "本季度", "上季度", "发稿", "报告期",
];
const CN_YEAR_START = /^[一二][〇○零九]/;

function clauseHasLater(text: string, from: number, words: string[]): boolean {
  const end = Math.min(text.length, from + 30);
  for (let j = from; j < end; j++) {
    const ch = text[j];
    if (ch === "。" || ch === "；" || ch === "！" || ch === "？") return false;
    for (const w of words) if (text.startsWith(w, j)) return true;
  }
  return false;
}

function extraEntries(options: Record<string, unknown>): TypoEntry[] | null {
  const raw = options.extraPairs;
  if (!Array.isArray(raw) || raw.length === 0) return null;
  const out: TypoEntry[] = [];
  for (const pair of raw) {
    if (Array.isArray(pair) && typeof pair[0] === "string" && typeof pair[1] === "string" && pair[0].length > 0) {
      out.push({ wrong: pair[0], right: pair[1] });
    }
  }
  return out.length ? out : null;
}

function checkParagraph(ctx: RuleContext, paragraph: number, text: string, index: Index): void {
  const n = text.length;
  let i = 0;
  while (i < n) {
    const ch = text[i];

    // 臵 → 置 (a font/OCR artefact)
    if (ch === "臵") {
      const word = hanAt(text, i - 1) ? text[i - 1] + "臵" : hanAt(text, i + 1) ? "臵" + text[i + 1] : "臵";
      const right = word.replace("臵", "置");
      ctx.report({
        paragraph,
        start: i,
        end: i + 1,
        message: `“${word}”中的“臵”是错字（多由从PDF复制文字造成），应为“${right}”`,
        fix: { description: "改为“置”", text: [{ paragraph, start: i, end: i + 1, text: "置" }] },
      });
      i++;
      continue;
    }

    // 截止 + date → 截至
    if (ch === "截" && text[i + 1] === "止") {
      const after = i + 2;
      let len = 2;
      let k = after;
      if (text[k] === "到" || text[k] === "至") {
        len = 3;
        k++;
      }
      const c = k < n ? text.charCodeAt(k) : 0;
      const timeFollows =
        isAnyDigitCode(c) || CN_YEAR_START.test(text.slice(k, k + 2)) || JIEZHI_TIME_WORDS.some((w) => text.startsWith(w, k));
      if (timeFollows || text[after] === "至") {
        const wrong = text.slice(i, i + len);
        ctx.report({
          paragraph,
          start: i,
          end: i + len,
          severity: "warning",
          message: `表示“到某时为止”应写“截至”，“${wrong}”后面直接跟时间时应改为“截至”`,
          fix: { description: "改为“截至”", text: [{ paragraph, start: i, end: i + len, text: "截至" }] },
        });
        i += len;
        continue;
      }
    }

    // doubled function characters: 的的 了了 在在
    const guard = DOUBLED_FUNCTION_CHARS[ch];
    if (guard && text[i + 1] === ch) {
      let k = i + 2;
      while (k < n && text[k] === ch) k++;
      const prev = i > 0 ? text[i - 1] : "";
      const next = k < n ? text[k] : "";
      const aabbFirst = k - i === 2 && next !== "" && text[k + 1] === next; // 是是非非
      const aabbSecond = prev !== "" && i >= 2 && text[i - 2] === prev; // 实实在在
      const legit =
        aabbFirst ||
        aabbSecond ||
        (prev !== "" && guard.after !== undefined && guard.after.includes(prev)) ||
        (next !== "" && guard.before !== undefined && guard.before.includes(next)) ||
        LEGIT_REDUPLICATIONS.has(ch + ch);
      if (!legit) {
        const run = text.slice(i, k);
        ctx.report({
          paragraph,
          start: i,
          end: k,
          severity: "warning",
          message: `“${run}”重复，疑为多打了“${ch}”`,
          fix: { description: `删去多余的“${ch}”`, text: [{ paragraph, start: i, end: k, text: ch }] },
        });
      }
      i = k;
      continue;
    }

    // curated wrong words
    const list = index.get(ch);
    if (list) {
      let hit: TypoEntry | undefined;
      for (const e of list) {
        if (!text.startsWith(e.wrong, i)) continue;
        const end = i + e.wrong.length;
        if (e.notAfter && i > 0 && e.notAfter.includes(text[i - 1])) continue;
        if (e.notBefore && e.notBefore.some((w) => text.startsWith(w, end))) continue;
        if (e.unlessLater && clauseHasLater(text, end, e.unlessLater)) continue;
        hit = e;
        break;
      }
      if (hit) {
        const end = i + hit.wrong.length;
        const sev = hit.severity ?? "error";
        ctx.report({
          paragraph,
          start: i,
          end,
          ...(sev !== "error" ? { severity: sev } : {}),
          message:
            sev === "info"
              ? `“${hit.wrong}”建议写作“${hit.right}”${hit.note ? `（${hit.note}）` : ""}`
              : `“${hit.wrong}”${sev === "error" ? "是错别字" : "可能有误"}，应为“${hit.right}”${hit.note ? `（${hit.note}）` : ""}`,
          fix: { description: `改为“${hit.right}”`, text: [{ paragraph, start: i, end, text: hit.right }] },
        });
        i = end;
        continue;
      }
    }
    i++;
  }
}

export const typo: Rule = {
  id: "typo",
  category: "typo",
  severity: "error",
  title: "错别字",
  description: "检查“臵”等错字、“的的”等误重复的字、“布署”“再接再励”等常见错词，以及“截止”与“截至”的误用。",
  source: "现代汉语规范词形；公文常见错误（rules-catalog §6 E.GLYPH.ZHI、E.TYPO.PAIRS、E.DUPCHAR）",
  fixable: true,
  check(ctx) {
    const extra = extraEntries(ctx.options);
    const index = extra ? buildIndex([...TYPO_ENTRIES, ...extra]) : BUILTIN_INDEX;
    ctx.doc.paragraphs.forEach((p, i) => {
      if (p.text) checkParagraph(ctx, i, p.text, index);
    });
  },
};
