/**
 * The house style, defined once: how each paragraph role looks, derived from the profile's
 * FormatSpec (which already holds the unit config's changes). Every writer of formatting uses
 * this — the Word gateway (named styles and direct formatting), the OOXML insert, the .docx writer
 * and formatter, 一键排版 (outline actions) and the preview — so they cannot disagree.
 *
 * GB/T 9704-2012: 标题 2号小标宋体 centred (7.3.1); 主送机关 / 称谓 flush left (7.3.2); body and
 * headings 3号, each paragraph 左空二字 (7.3.3), 一级 黑体, 二级 楷体, 三级 and 四级 仿宋 (no bold:
 * bold on 1. is a local rule, not the standard's); 22 lines on the 225 mm 版心, i.e. a fixed
 * 28.95 pt line (5.2.3) for every role; digits and Latin letters in Times New Roman (local rules
 * and most tools). 落款: right-aligned, 右空四字 (7.3.5.1, the date with a seal).
 */
import { targetLineSpacingPt, type FormatSpec, type LevelFormat } from "../profiles";
import type { FormatPatch } from "../edits";
import type { Alignment } from "../model";

/** Every role a paragraph can be written in: the detected ones plus those a skeleton inserts. */
export const ROLES = ["title", "subtitle", "salutation", "level1", "level2", "level3", "level4", "body", "closing", "signature"] as const;
export type Role = (typeof ROLES)[number];

/** Latin letters and digits (NUM.FONT). */
export const LATIN_FONT = "Times New Roman";

/** Our named paragraph styles, created in Word and written into .docx files. */
export const STYLE_NAMES = ["公文标题", "一级标题", "二级标题", "三级标题", "四级标题", "正文"] as const;
export type StyleName = (typeof STYLE_NAMES)[number];

/** The role whose format defines each named style. */
export const STYLE_ROLE: Record<StyleName, Role> = {
  公文标题: "title",
  一级标题: "level1",
  二级标题: "level2",
  三级标题: "level3",
  四级标题: "level4",
  正文: "body",
};

/** Characters the 落款 stands in from the right margin (右空四字). */
const SIGNATURE_RIGHT_CHARS = 4;

export interface RoleFormat {
  role: Role;
  fontEastAsia: string;
  fontLatin: string;
  sizePt: number;
  /**
   * Bold as the profile states it. Undefined: the house style does not say — new text is not
   * bold, and formatting existing text leaves its bold alone (a clerk's emphasis stays).
   */
  bold?: boolean;
  alignment: Exclude<Alignment, "distribute">;
  firstLineIndentChars: number;
  /** The same indent in points at the role's size (for readers that ignore the character unit). */
  firstLineIndentPt: number;
  rightIndentChars: number;
  rightIndentPt: number;
  /** Fixed (exact) line spacing in points. */
  lineSpacingPt: number;
  /** 0-based outline level (0 = level 1) for headings; undefined for body text. */
  outlineLevel?: number;
  /** The named style the paragraph is in (direct formatting carries what differs from it). */
  styleName: StyleName;
}

function fontsOf(role: Role, spec: FormatSpec): LevelFormat {
  switch (role) {
    case "title":
    case "level1":
    case "level2":
    case "level3":
    case "level4":
      return spec[role];
    // A speech's subtitle (——在……会议上的讲话) is set in the level-2 font at body size.
    case "subtitle":
      return { fonts: spec.level2.fonts, sizePt: spec.body.sizePt, bold: spec.body.bold };
    default:
      return spec.body;
  }
}

const STYLE_OF: Record<Role, StyleName> = {
  title: "公文标题",
  subtitle: "正文",
  salutation: "正文",
  level1: "一级标题",
  level2: "二级标题",
  level3: "三级标题",
  level4: "四级标题",
  body: "正文",
  closing: "正文",
  signature: "正文",
};

/** How paragraphs of `role` look in the house style `spec`. */
export function roleFormat(spec: FormatSpec, role: Role): RoleFormat {
  const lv = fontsOf(role, spec);
  const heading = role === "level1" || role === "level2" || role === "level3" || role === "level4";
  const indented = heading || role === "body" || role === "closing";
  const alignment: RoleFormat["alignment"] =
    role === "title" || role === "subtitle" ? "center" : role === "signature" ? "right" : role === "salutation" ? "left" : "justify";
  const indentChars = indented ? spec.firstLineIndentChars : 0;
  const rightChars = role === "signature" ? SIGNATURE_RIGHT_CHARS : 0;
  const f: RoleFormat = {
    role,
    fontEastAsia: lv.fonts[0],
    fontLatin: LATIN_FONT,
    sizePt: lv.sizePt,
    alignment,
    firstLineIndentChars: indentChars,
    firstLineIndentPt: indentChars * lv.sizePt,
    rightIndentChars: rightChars,
    // The right indent counts body characters whatever the role's own size.
    rightIndentPt: rightChars * spec.body.sizePt,
    lineSpacingPt: targetLineSpacingPt(spec),
    styleName: STYLE_OF[role],
  };
  if (lv.bold !== undefined) f.bold = lv.bold;
  if (heading) f.outlineLevel = Number(role.slice(5)) - 1;
  return f;
}

/** roleFormat for every role. */
export function roleFormats(spec: FormatSpec): Record<Role, RoleFormat> {
  const out = {} as Record<Role, RoleFormat>;
  for (const r of ROLES) out[r] = roleFormat(spec, r);
  return out;
}

/** The format a named style is defined with (the format of the role that owns the name). */
export function styleFormat(spec: FormatSpec, name: StyleName): RoleFormat {
  return roleFormat(spec, STYLE_ROLE[name]);
}

/** The run properties of a role as a patch: fonts, size, and bold where the profile states it. */
export function roleRunPatch(f: RoleFormat): FormatPatch {
  const set: FormatPatch = { fontEastAsia: f.fontEastAsia, fontLatin: f.fontLatin, sizePt: f.sizePt };
  if (f.bold !== undefined) set.bold = f.bold;
  return set;
}

/**
 * The whole format of a role as a patch on an existing paragraph (一键排版): run properties,
 * alignment, first-line indent, exact line spacing, and the outline level of headings.
 */
export function rolePatch(f: RoleFormat): FormatPatch {
  const set: FormatPatch = {
    ...roleRunPatch(f),
    alignment: f.alignment,
    firstLineIndentChars: f.firstLineIndentChars,
    lineSpacing: { rule: "exact", value: f.lineSpacingPt },
  };
  if (f.outlineLevel !== undefined) set.outlineLevel = f.outlineLevel;
  return set;
}
