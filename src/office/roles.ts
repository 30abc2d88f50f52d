/**
 * How an inserted paragraph looks, by role, from the profile's house format (GB/T 9704-2012
 * defaults: 标题 方正小标宋简体 二号 居中; 一级 黑体 三号; 二级 楷体 三号; 三、四级 and 正文 仿宋 三号,
 * first line indented two characters).
 */
import type { InsertParagraph } from "../core/host";
import { speechProfile, type FormatSpec } from "../core/profiles";

export type Role = InsertParagraph["role"];

export interface RoleFormat {
  font: string;
  sizePt: number;
  bold: boolean;
  alignment: "Left" | "Centered" | "Right" | "Justified";
  firstLineIndentPt: number;
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
  const heading = (lv: FormatSpec["level1"], level: number, style: StyleName): RoleFormat => ({
    font: lv.fonts[0],
    sizePt: lv.sizePt,
    bold: lv.bold ?? false,
    alignment: "Justified",
    firstLineIndentPt: spec.firstLineIndentChars * lv.sizePt,
    outlineLevel: level,
    style,
  });
  const body: RoleFormat = {
    font: spec.body.fonts[0],
    sizePt: spec.body.sizePt,
    bold: spec.body.bold ?? false,
    alignment: "Justified",
    firstLineIndentPt: indent,
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
      outlineLevel: BODY_TEXT,
      style: "公文标题",
    },
    // A speech's subtitle (——在……会议上的讲话): 楷体, centred.
    subtitle: { ...body, font: spec.level2.fonts[0], alignment: "Centered", firstLineIndentPt: 0 },
    salutation: { ...body, alignment: "Left", firstLineIndentPt: 0 },
    level1: heading(spec.level1, 1, "一级标题"),
    level2: heading(spec.level2, 2, "二级标题"),
    level3: heading(spec.level3, 3, "三级标题"),
    level4: heading(spec.level4, 4, "四级标题"),
    body,
    closing: body,
    signature: { ...body, alignment: "Right", firstLineIndentPt: 0 },
  };
}

/** The definition a named style gets when it is created (the role that owns the name). */
export function styleDefinitions(spec?: FormatSpec): Record<StyleName, RoleFormat> {
  const f = roleFormats(spec);
  return { 公文标题: f.title, 一级标题: f.level1, 二级标题: f.level2, 三级标题: f.level3, 四级标题: f.level4, 正文: f.body };
}
