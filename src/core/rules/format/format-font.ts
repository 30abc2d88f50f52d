/**
 * format-font: the East Asian font and the size of each paragraph, by role —
 * title 小标宋体二号, 一、 黑体, （一） 楷体, 1. and （1） 仿宋, body 仿宋三号.
 */
import { fontLabel, fontMatches, hasHan, sizeLabel } from "../../format/fonts";
import { formatSegments, levelFormat, paragraphRole, ROLE_LABEL, type FormatSegment } from "../../format/levels";
import type { Paragraph } from "../../model";
import type { LevelFormat } from "../../profiles";
import type { FormatPatch, Rule } from "../types";

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

/** 「一级标题应为黑体三号，现为仿宋三号」 for one segment; undefined when it is fine. */
function describe(r: SegmentResult, roleName: string): string | undefined {
  const fontWrong = r.fontBadChars > 0;
  const sizeWrong = r.sizeBadChars > 0;
  const boldWrong = r.boldBadChars > 0;
  if (!fontWrong && !sizeWrong && !boldWrong) return undefined;
  let msg = `${roleName}应为${expectedText(r.fmt)}`;
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
    for (let i = 0; i < doc.paragraphs.length; i++) {
      const p = doc.paragraphs[i];
      if (p.runs.length === 0) continue;
      const role = paragraphRole(doc, outline, i);
      const segs = formatSegments(doc, outline, i, role);
      if (segs.length === 0) continue;
      const results: SegmentResult[] = [];
      for (const seg of segs) {
        const fmt = levelFormat(spec, seg.role);
        if (fmt) results.push(inspect(p, seg, fmt));
      }
      const runIn = results.length > 1;
      const parts: string[] = [];
      const bad: SegmentResult[] = [];
      for (const r of results) {
        const name = runIn && r.seg.role === "body" ? "其后正文" : ROLE_LABEL[r.seg.role];
        const m = describe(r, name);
        if (m) {
          parts.push(m);
          bad.push(r);
        }
      }
      if (bad.length === 0) continue;
      // A FormatPatch sets the whole paragraph, so a run-in heading only gets the parts of
      // the fix on which its heading and body formats agree.
      const patch: FormatPatch = {};
      const fonts = new Set(results.map((r) => fontLabel(r.fmt.fonts[0])));
      const sizes = new Set(results.map((r) => r.fmt.sizePt));
      const bolds = new Set(results.map((r) => r.fmt.bold));
      const first = results[0].fmt;
      if (bad.some((r) => r.fontBadChars > 0) && fonts.size === 1) patch.fontEastAsia = first.fonts[0];
      if (bad.some((r) => r.sizeBadChars > 0) && sizes.size === 1) patch.sizePt = first.sizePt;
      if (bad.some((r) => r.boldBadChars > 0) && bolds.size === 1 && first.bold !== undefined) patch.bold = first.bold;
      const hasFix = Object.keys(patch).length > 0;
      const start = bad.length === 1 ? bad[0].seg.start : 0;
      const end = bad.length === 1 ? bad[0].seg.end : p.text.length;
      const desc: string[] = [];
      if (patch.fontEastAsia !== undefined || patch.sizePt !== undefined) {
        desc.push(`设为${patch.fontEastAsia !== undefined ? fontLabel(patch.fontEastAsia) : ""}${patch.sizePt !== undefined ? sizeLabel(patch.sizePt) : ""}`);
      }
      if (patch.bold !== undefined) desc.push(patch.bold ? "加粗" : "取消加粗");
      ctx.report({
        paragraph: i,
        start,
        end,
        message: parts.join("；"),
        messageId: "font-size",
        ...(hasFix ? { fix: { description: desc.join("，"), format: [{ paragraph: i, set: patch }] } } : {}),
      });
    }
  },
};
