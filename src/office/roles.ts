/**
 * How an inserted paragraph looks, by role, from the profile's house format (GB/T 9704-2012
 * defaults: 标题 方正小标宋简体 二号 居中; 一级 黑体 三号; 二级 楷体 三号; 三、四级 and 正文 仿宋 三号,
 * first line indented two characters).
 */
import type { InsertParagraph } from "../core/host";
import { speechProfile, targetLineSpacingPt, type FormatSpec } from "../core/profiles";
import type { FormatPatch } from "../core/rules/types";

export type Role = InsertParagraph["role"];

export interface RoleFormat {
  font: string;
  sizePt: number;
  bold: boolean;
  alignment: "Left" | "Centered" | "Right" | "Justified";
  firstLineIndentPt: number;
  /** The same indent in characters (w:firstLineChars / 100), so it follows the font size. */
  firstLineIndentChars: number;
  /** Fixed (exact) line spacing in points. */
  lineSpacingPt: number;
  /** Word's outline level: 1–9 for headings, 10 for body text. */
  outlineLevel: number;
  /** The named style (created once where the styles API exists). */
  style: string;
}

export const STYLE_NAMES = ["公文标题", "一级标题", "二级标题", "三级标题", "四级标题", "正文"] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

const BODY_TEXT = 10;

export function roleFormats(spec: FormatSpec = speechProfile().format): Record<Role, RoleFormat> {
  const indent = spec.firstLineIndentChars * spec.body.sizePt;
  const line = targetLineSpacingPt(spec);
  const heading = (lv: FormatSpec["level1"], level: number, style: StyleName): RoleFormat => ({
    font: lv.fonts[0],
    sizePt: lv.sizePt,
    bold: lv.bold ?? false,
    alignment: "Justified",
    firstLineIndentPt: spec.firstLineIndentChars * lv.sizePt,
    firstLineIndentChars: spec.firstLineIndentChars,
    lineSpacingPt: line,
    outlineLevel: level,
    style,
  });
  const body: RoleFormat = {
    font: spec.body.fonts[0],
    sizePt: spec.body.sizePt,
    bold: spec.body.bold ?? false,
    alignment: "Justified",
    firstLineIndentPt: indent,
    firstLineIndentChars: spec.firstLineIndentChars,
    lineSpacingPt: line,
    outlineLevel: BODY_TEXT,
    style: "正文",
  };
  return {
    title: {
      font: spec.title.fonts[0],
      sizePt: spec.title.sizePt,
      bold: spec.title.bold ?? false,
      alignment: "Centered",
      firstLineIndentPt: 0,
      firstLineIndentChars: 0,
      // A 二号 title does not fit a 28 pt exact line: one and a half times its size.
      lineSpacingPt: Math.max(line, Math.round((spec.title.sizePt * 3) / 2)),
      outlineLevel: BODY_TEXT,
      style: "公文标题",
    },
    // A speech's subtitle (——在……会议上的讲话): 楷体, centred.
    subtitle: { ...body, font: spec.level2.fonts[0], alignment: "Centered", firstLineIndentPt: 0, firstLineIndentChars: 0 },
    salutation: { ...body, alignment: "Left", firstLineIndentPt: 0, firstLineIndentChars: 0 },
    level1: heading(spec.level1, 1, "一级标题"),
    level2: heading(spec.level2, 2, "二级标题"),
    level3: heading(spec.level3, 3, "三级标题"),
    level4: heading(spec.level4, 4, "四级标题"),
    body,
    closing: body,
    signature: { ...body, alignment: "Right", firstLineIndentPt: 0, firstLineIndentChars: 0 },
  };
}

/** The definition a named style gets when it is created (the role that owns the name). */
export function styleDefinitions(spec?: FormatSpec): Record<StyleName, RoleFormat> {
  const f = roleFormats(spec);
  return { 公文标题: f.title, 一级标题: f.level1, 二级标题: f.level2, 三级标题: f.level3, 四级标题: f.level4, 正文: f.body };
}

/**
 * The named style whose definition a format patch restates, if any: same East Asian font, same
 * size (when the patch has one), and the same outline level. A patch without an outline level
 * only matches a body-level style (公文标题, 正文), so applying the style never adds a heading level
 * the patch did not ask for.
 */
export function styleForPatch(set: FormatPatch, spec?: FormatSpec): StyleName | undefined {
  if (set.fontEastAsia === undefined) return undefined;
  const defs = styleDefinitions(spec);
  const level = set.outlineLevel === undefined ? BODY_TEXT : set.outlineLevel + 1;
  const found = STYLE_NAMES.filter((n) => {
    const d = defs[n];
    return d.font === set.fontEastAsia && (set.sizePt === undefined || d.sizePt === set.sizePt) && d.outlineLevel === level;
  });
  return found.length === 1 ? found[0] : undefined;
}
