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
import type { ElementPlace } from "./elements";
import { ROLES, type Role, type RoleStyle } from "./roleNames";

export { ROLES, ROLE_NAMES_ZH, ROLE_ALIGNMENTS, type Role, type RoleAlignment, type RoleStyle } from "./roleNames";

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

/** A paragraph border line (版头 and 版记 separators, GB/T 9704 7.2.7, 7.4.1). */
export interface BorderLine {
  /** Thickness in points. */
  widthPt: number;
  /** RRGGBB. */
  color: string;
  /** Distance from the text in points. */
  spacePt: number;
}

/** Red of the 版头 (发文机关标志 and its separator line, 5.2.4). */
export const RED = "FF0000";
/** 0.35 mm (first and last 版记 lines) and 0.25 mm (the lines between), 7.4.1; in points. */
const THICK_PT = 1;
const THIN_PT = 0.75;
/** The 版头's red line sits 4 mm below the 发文字号 (7.2.7): about 11 pt. */
const RED_LINE_SPACE_PT = 11;
/** 版记 elements: 4号 (7.4.2, 7.4.3). */
const BANJI_SIZE_PT = 14;
/**
 * The 发文机关标志: 7.2.4 names the font (小标宋) and the colour, and leaves the size to the organ
 * (the mark must fit the 版心); 小初 is a common choice, and format-font does not judge it.
 */
const ISSUER_SIZE_PT = 36;

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
  /** Text colour (RRGGBB) where the role is not black: the red 发文机关标志. */
  color?: string;
  /**
   * Left indent and hanging indent (characters, and points at body size) of a role whose wrapped
   * lines align under its first line's text (附件说明, 抄送). firstLineIndentChars then says where
   * the first line starts (left − hanging), for writers that set only a first-line indent.
   */
  leftIndentChars?: number;
  leftIndentPt?: number;
  hangingChars?: number;
  hangingPt?: number;
  /** Separator lines drawn as paragraph borders. */
  borderTop?: BorderLine;
  borderBottom?: BorderLine;
}

/** The unit's own settings for `role` (config `format.roles`), if it gives any. */
export function unitRoleStyle(spec: FormatSpec, role: Role): RoleStyle | undefined {
  const roles = spec.roles;
  return roles && Object.prototype.hasOwnProperty.call(roles, role) ? roles[role] : undefined;
}

/** The profile's fonts, size and bold for a role, with the unit's settings for that role over them. */
function fontsOf(role: Role, spec: FormatSpec): LevelFormat {
  const base = baseFontsOf(role, spec);
  const u = unitRoleStyle(spec, role);
  if (!u || (u.fonts === undefined && u.sizePt === undefined && u.bold === undefined)) return base;
  const out: LevelFormat = { ...base };
  if (u.fonts !== undefined) out.fonts = u.fonts;
  if (u.sizePt !== undefined) out.sizePt = u.sizePt;
  if (u.bold !== undefined) out.bold = u.bold;
  return out;
}

function baseFontsOf(role: Role, spec: FormatSpec): LevelFormat {
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
    // 密级和保密期限, 紧急程度: 3号黑体 (7.2.2, 7.2.3).
    case "secret":
    case "urgency":
      return { fonts: spec.level1.fonts, sizePt: spec.body.sizePt };
    // The 签发人's name: 3号楷体 (7.2.6).
    case "signerName":
      return { fonts: spec.level2.fonts, sizePt: spec.body.sizePt };
    case "issuer":
      return { fonts: spec.title.fonts, sizePt: ISSUER_SIZE_PT };
    case "copyTo":
    case "printer":
      return { fonts: spec.body.fonts, sizePt: BANJI_SIZE_PT };
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
  copyNo: "正文",
  secret: "正文",
  urgency: "正文",
  issuer: "公文标题",
  docNo: "正文",
  signer: "正文",
  signerName: "正文",
  attachment: "正文",
  date: "正文",
  note: "正文",
  copyTo: "正文",
  printer: "正文",
};

/**
 * The fonts and size of a role (the profile's, for the elements the standard's), with the unit's
 * `format.roles` settings over them: what formatting applies and format-font expects.
 */
export function roleLevelFormat(spec: FormatSpec, role: Role): LevelFormat {
  return fontsOf(role, spec);
}

const ALIGNMENT: Record<Role, RoleFormat["alignment"]> = {
  title: "center",
  subtitle: "center",
  salutation: "left",
  level1: "justify",
  level2: "justify",
  level3: "justify",
  level4: "justify",
  body: "justify",
  closing: "justify",
  signature: "right",
  // 份号, 密级, 紧急程度: 顶格 at the top left (7.2.1–7.2.3).
  copyNo: "left",
  secret: "left",
  urgency: "left",
  // 发文机关标志 and 发文字号 centred (7.2.4, 7.2.5); 签发人 居右空一字 (7.2.6).
  issuer: "center",
  docNo: "center",
  signer: "right",
  signerName: "right",
  attachment: "justify",
  // 成文日期 right, its indent set by the 署名 beside it (7.3.5).
  date: "right",
  note: "justify",
  copyTo: "justify",
  printer: "justify",
};

/** First-line indent of the roles indented like body text (左空二字): body, headings, 附件说明, 附注. */
const INDENTED: ReadonlySet<Role> = new Set<Role>(["level1", "level2", "level3", "level4", "body", "closing", "attachment", "note"]);
/** 右空 in characters when nothing about the neighbours is known: the 落款 with a seal (7.3.5.1), 签发人 (7.2.6). */
const RIGHT_CHARS: Partial<Record<Role, number>> = { signature: SIGNATURE_RIGHT_CHARS, date: SIGNATURE_RIGHT_CHARS, signer: 1, signerName: 1 };

/**
 * How paragraphs of `role` look in the house style `spec`. `place`: what the text and the
 * neighbours of one recognised element add (format/elements.ts elementPlace) — the 署名 and date
 * indents, the hanging indent of 附件说明 and 抄送, which 版记 lines carry which separator.
 */
export function roleFormat(spec: FormatSpec, role: Role, place: ElementPlace = {}): RoleFormat {
  const lv = fontsOf(role, spec);
  const heading = role === "level1" || role === "level2" || role === "level3" || role === "level4";
  let alignment = ALIGNMENT[role];
  let indentChars = INDENTED.has(role) ? spec.firstLineIndentChars : 0;
  const rightChars = place.rightIndentChars ?? RIGHT_CHARS[role] ?? 0;
  const body = fontsOf("body", spec).sizePt;
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
    rightIndentPt: rightChars * body,
    lineSpacingPt: targetLineSpacingPt(spec),
    styleName: STYLE_OF[role],
  };
  if (lv.bold !== undefined) f.bold = lv.bold;
  if (heading) f.outlineLevel = Number(role.slice(5)) - 1;
  if (role === "issuer") f.color = RED;
  // 上行文: the 发文字号 居左空一字 on the line of the last 签发人 (7.2.5).
  if (role === "docNo" && place.withSigner) {
    alignment = f.alignment = "justify";
    place = { ...place, leftIndentChars: 1, hangingChars: 0 };
  }
  // The 版头's red line under the 发文字号 (7.2.7).
  if (role === "docNo") f.borderBottom = { widthPt: THICK_PT, color: RED, spacePt: RED_LINE_SPACE_PT };
  // 版记 (7.4.1): the first line thick over the first element, thin between 抄送 and 印发, the last thick.
  if (role === "copyTo") {
    if (place.banjiFirst !== false) f.borderTop = { widthPt: THICK_PT, color: "000000", spacePt: 1 };
    f.borderBottom = { widthPt: THIN_PT, color: "000000", spacePt: 1 };
  }
  if (role === "printer") {
    if (place.banjiFirst) f.borderTop = { widthPt: THICK_PT, color: "000000", spacePt: 1 };
    f.borderBottom = { widthPt: THICK_PT, color: "000000", spacePt: 1 };
  }
  // 版记 lines: 左空一字 (as a first-line indent unless the place gives a hanging one, 7.4.2).
  if ((role === "copyTo" || role === "printer") && place.leftIndentChars === undefined) {
    f.firstLineIndentChars = 1;
    f.firstLineIndentPt = lv.sizePt;
  }
  const left = place.leftIndentChars;
  if (left !== undefined) {
    const hang = place.hangingChars ?? 0;
    indentChars = left - hang;
    f.firstLineIndentChars = indentChars;
    f.firstLineIndentPt = indentChars * lv.sizePt;
    f.leftIndentChars = left;
    f.leftIndentPt = left * lv.sizePt;
    f.hangingChars = hang;
    f.hangingPt = hang * lv.sizePt;
  }
  if ((role === "copyTo" || role === "printer") && place.rightIndentChars === undefined) {
    f.rightIndentChars = 1;
    f.rightIndentPt = lv.sizePt;
  }
  applyUnitLayout(f, unitRoleStyle(spec, role));
  return f;
}

/**
 * The unit's alignment and first-line indent for the role, applied last (fonts, size and bold
 * are already in fontsOf). An indent the unit gives replaces a hanging one: the unit asked for
 * a plain first-line indent.
 */
function applyUnitLayout(f: RoleFormat, u: RoleStyle | undefined): void {
  if (!u) return;
  if (u.alignment !== undefined) f.alignment = u.alignment;
  if (u.indentChars !== undefined) {
    f.firstLineIndentChars = u.indentChars;
    f.firstLineIndentPt = u.indentChars * f.sizePt;
    delete f.leftIndentChars;
    delete f.leftIndentPt;
    delete f.hangingChars;
    delete f.hangingPt;
  }
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
