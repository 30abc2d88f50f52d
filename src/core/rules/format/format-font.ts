/**
 * format-font: the East Asian font and the size of each paragraph, by role —
 * title 小标宋体二号, 一、 黑体, （一） 楷体, 1. and （1） 仿宋, body 仿宋三号. A run-in heading
 * 「（一）加强学习。要……」 / 「一是……。……」 is judged in two parts, split as 一键排版 splits it
 * (formatSegments): the heading sentence in its level's format, the rest as body text.
 */
import { fontLabel, fontMatches, hasHan, sizeLabel } from "../../format/fonts";
import { formatSegments, levelFormat, paragraphRole, ROLE_LABEL, type FormatSegment } from "../../format/levels";
import type { Paragraph } from "../../model";
import type { LevelFormat } from "../../profiles";
import type { FormatEdit, FormatPatch, Rule } from "../types";

const SIZE_TOLERANCE_PT = 0.25;
const ALNUM = /[0-9A-Za-z]/;

/** What the runs of one segment look like against the expected format. */
interface SegmentResult {
  seg: FormatSegment;
  fmt: LevelFormat;
  fontChecked: number;
  fontBad: Map<string, number>;
  fontBadChars: number;
  fontAll: Map<string, number>;
  sizeChecked: number;
  sizeBad: Map<number, number>;
  sizeBadChars: number;
  sizeAll: Map<number, number>;
  /** Characters whose bold state contradicts an explicit bold: true/false in the profile. */
  boldBadChars: number;
}

function bump<K>(m: Map<K, number>, k: K, n: number): void {
  m.set(k, (m.get(k) ?? 0) + n);
}

function top<K>(m: Map<K, number>): K | undefined {
  let best: K | undefined;
  let bestN = -1;
  for (const [k, n] of m) if (n > bestN) [best, bestN] = [k, n];
  return best;
}

function inspect(p: Paragraph, seg: FormatSegment, fmt: LevelFormat): SegmentResult {
  const res: SegmentResult = {
    seg,
    fmt,
    fontChecked: 0,
    fontBad: new Map(),
    fontBadChars: 0,
    fontAll: new Map(),
    sizeChecked: 0,
    sizeBad: new Map(),
    sizeBadChars: 0,
    sizeAll: new Map(),
    boldBadChars: 0,
  };
  for (const r of p.runs) {
    if (r.end <= seg.start || r.start >= seg.end) continue;
    const from = Math.max(seg.start, r.start) - r.start;
    const to = Math.min(seg.end, r.end) - r.start;
    const slice = r.text.slice(from, to);
    const n = slice.length;
    if (n === 0) continue;
    const han = hasHan(slice);
    if (han && r.fontEastAsia !== undefined && r.fontEastAsia.trim() !== "") {
      const label = fontLabel(r.fontEastAsia);
      res.fontChecked += n;
      bump(res.fontAll, label, n);
      if (!fontMatches(r.fontEastAsia, fmt.fonts)) {
        res.fontBadChars += n;
        bump(res.fontBad, label, n);
      }
    }
    if ((han || ALNUM.test(slice)) && r.sizePt !== undefined) {
      res.sizeChecked += n;
      bump(res.sizeAll, r.sizePt, n);
      if (Math.abs(r.sizePt - fmt.sizePt) > SIZE_TOLERANCE_PT) {
        res.sizeBadChars += n;
        bump(res.sizeBad, r.sizePt, n);
      }
    }
    if (han && fmt.bold !== undefined) {
      // A run whose formatting was resolved but carries no bold flag is not bold.
      const known = r.bold !== undefined || r.fontEastAsia !== undefined || r.sizePt !== undefined;
      if (known && (r.bold ?? false) !== fmt.bold) res.boldBadChars += n;
    }
  }
  return res;
}

function expectedText(fmt: LevelFormat): string {
  return fontLabel(fmt.fonts[0]) + sizeLabel(fmt.sizePt);
}

function isBad(r: SegmentResult): boolean {
  return r.fontBadChars > 0 || r.sizeBadChars > 0 || r.boldBadChars > 0;
}

/**
 * 「一级标题应为黑体三号，现为仿宋三号」 for one segment; undefined when it is fine. `alt`: a second
 * accepted format, named after the first (「……应为楷体三号或仿宋三号」).
 */
function describe(r: SegmentResult, roleName: string, alt?: LevelFormat): string | undefined {
  const fontWrong = r.fontBadChars > 0;
  const sizeWrong = r.sizeBadChars > 0;
  const boldWrong = r.boldBadChars > 0;
  if (!fontWrong && !sizeWrong && !boldWrong) return undefined;
  let msg = `${roleName}应为${expectedText(r.fmt)}${alt ? `或${expectedText(alt)}` : ""}`;
  if (fontWrong || sizeWrong) {
    const fontPartial = fontWrong && r.fontBadChars < r.fontChecked;
    const sizePartial = sizeWrong && r.sizeBadChars < r.sizeChecked;
    const fontTxt = (fontWrong ? top(r.fontBad) : top(r.fontAll)) ?? "";
    const sizePt = sizeWrong ? top(r.sizeBad) : top(r.sizeAll);
    const sizeTxt = sizePt === undefined ? "" : sizeLabel(sizePt);
    if (fontWrong && sizeWrong && fontPartial !== sizePartial) {
      msg += `，${fontPartial ? "部分文字为" : "现为"}${fontTxt}，${sizePartial ? "部分文字为" : "现为"}${sizeTxt}`;
    } else if (fontWrong && sizeWrong) {
      msg += `，${fontPartial ? "部分文字为" : "现为"}${fontTxt}${sizeTxt}`;
    } else if (fontWrong) {
      msg += fontPartial ? `，部分文字为${fontTxt}` : `，现为${fontTxt}${sizeTxt}`;
    } else {
      msg += sizePartial ? `，部分文字为${sizeTxt}` : `，现为${fontTxt}${sizeTxt}`;
    }
  }
  if (boldWrong) msg += r.fmt.bold ? "，应加粗" : "，不应加粗";
  return msg;
}

export const formatFont: Rule = {
  id: "format-font",
  category: "format.font",
  severity: "warning",
  title: "字体字号",
  description: "检查标题、各级层次标题和正文的中文字体与字号：标题小标宋体二号，一级黑体、二级楷体、三四级仿宋，正文仿宋三号。",
  source: "GB/T 9704-2012 7.3.1, 7.3.3, 5.2.2",
  needsFormatting: true,
  messages: { "font-size": "各级标题和正文的字体字号" },
  fixable: true,
  check(ctx) {
    const { doc } = ctx;
    const spec = ctx.profile.format;
    const outline = ctx.outline;
    // The body format as the unit's config sets it (the alternative a 「一是……。」 heading may take).
    const bodyFmt = levelFormat(spec, "body") ?? spec.body;
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      if (p.runs.length === 0) continue;
      const role = paragraphRole(doc, outline, i);
      const segs = formatSegments(doc, outline, i, role);
      if (segs.length === 0) continue;
      const results: SegmentResult[] = [];
      for (const seg of segs) {
        const fmt = levelFormat(spec, seg.role);
        if (!fmt) continue;
        const r = inspect(p, seg, fmt);
        // The heading sentence of 「一是……。」 may also be in the body format (not a 序次语 of GB/T 9704).
        if (seg.bodyAccepted && isBad(r) && !isBad(inspect(p, seg, bodyFmt))) continue;
        results.push(r);
      }
      const runIn = segs.length > 1;
      const parts: string[] = [];
      const bad: SegmentResult[] = [];
      for (const r of results) {
        const name = runIn && r.seg.role === "body" ? "其后正文" : r.seg.bodyAccepted ? "段首小标题" : ROLE_LABEL[r.seg.role];
        const m = describe(r, name, r.seg.bodyAccepted ? bodyFmt : undefined);
        if (m) {
          parts.push(m);
          bad.push(r);
        }
      }
      if (bad.length === 0) continue;
      // Each faulty part gets what is wrong in it set back to its format; a run-in heading's
      // parts are set apart (ranged edits), as 一键排版 sets them.
      const edits: FormatEdit[] = [];
      const desc: string[] = [];
      for (const r of bad) {
        const set: FormatPatch = {};
        if (r.fontBadChars > 0) set.fontEastAsia = r.fmt.fonts[0];
        if (r.sizeBadChars > 0) set.sizePt = r.fmt.sizePt;
        if (r.boldBadChars > 0 && r.fmt.bold !== undefined) set.bold = r.fmt.bold;
        if (Object.keys(set).length === 0) continue;
        edits.push(runIn ? { paragraph: i, start: r.seg.start, end: r.seg.end, set } : { paragraph: i, set });
        const what: string[] = [];
        if (set.fontEastAsia !== undefined || set.sizePt !== undefined) {
          what.push(`设为${set.fontEastAsia !== undefined ? fontLabel(set.fontEastAsia) : ""}${set.sizePt !== undefined ? sizeLabel(set.sizePt) : ""}`);
        }
        if (set.bold !== undefined) what.push(set.bold ? "加粗" : "取消加粗");
        const part = runIn ? (r.seg.role === "body" ? "其后正文" : "标题部分") : "";
        desc.push(part + what.join("，"));
      }
      const start = bad.length === 1 ? bad[0].seg.start : 0;
      const end = bad.length === 1 ? bad[0].seg.end : p.text.length;
      ctx.report({
        paragraph: i,
        start,
        end,
        message: parts.join("；"),
        messageId: "font-size",
        ...(edits.length > 0 ? { fix: { description: desc.join("；"), format: edits } } : {}),
      });
    }
  },
};
