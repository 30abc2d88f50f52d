/**
 * The house format in WordprocessingML terms, shared by the .docx writer and the one-click
 * formatter: named styles, paragraph and run properties by role, page setup in twips.
 * GB/T 9704-2012: A4, margins top 37 mm / bottom 35 / left 28 / right 26, 22 lines of 28
 * characters (fixed line spacing 28.95 pt = 579 twips), 三号仿宋 body, first lines indented two
 * characters; 一级 黑体, 二级 楷体, 三、四级 仿宋; title 二号小标宋, centred.
 */
import type { InsertParagraph } from "../host";
import { targetLineSpacingPt, type FormatSpec, type LevelFormat } from "../profiles";
import { escapeAttr } from "./xmlspan";

export const LATIN_FONT = "Times New Roman";

/** Twips (1/20 pt) for millimetres. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** The fixed line spacing in twips (28.95 pt → 579; see targetLineSpacingPt). */
export function lineTwips(spec: FormatSpec): number {
  return Math.round(targetLineSpacingPt(spec) * 20);
}

export type StyleKey = "title" | "level1" | "level2" | "level3" | "level4" | "body";

export interface StyleDef {
  key: StyleKey;
  id: string;
  name: string;
  /** w:outlineLvl (0-based) for headings. */
  outlineLvl?: number;
}

/** Our named paragraph styles (the names the Word add-in creates too: src/office/roles.ts). */
export const STYLE_DEFS: readonly StyleDef[] = [
  { key: "title", id: "BiganziTitle", name: "公文标题" },
  { key: "level1", id: "BiganziHeading1", name: "一级标题", outlineLvl: 0 },
  { key: "level2", id: "BiganziHeading2", name: "二级标题", outlineLvl: 1 },
  { key: "level3", id: "BiganziHeading3", name: "三级标题", outlineLvl: 2 },
  { key: "level4", id: "BiganziHeading4", name: "四级标题", outlineLvl: 3 },
  { key: "body", id: "BiganziBody", name: "正文" },
];

export interface ParaFormat {
  jc: "center" | "both" | "left" | "right";
  /** First-line indent in hundredths of a character (w:firstLineChars). */
  firstLineChars: number;
  /** The same indent in twips (w:firstLine), for readers that ignore the character unit. */
  firstLine: number;
  /** Right indent in hundredths of a character and in twips (落款: 右空四字). */
  rightChars?: number;
  right?: number;
}

export interface RunFormat {
  eastAsia: string;
  sizeHalfPt: number;
  bold?: boolean;
}

export function runFormat(lv: LevelFormat): RunFormat {
  const f: RunFormat = { eastAsia: lv.fonts[0], sizeHalfPt: Math.round(lv.sizePt * 2) };
  if (lv.bold !== undefined) f.bold = lv.bold;
  return f;
}

function indented(spec: FormatSpec, lv: LevelFormat, jc: ParaFormat["jc"]): ParaFormat {
  const chars = spec.firstLineIndentChars;
  return { jc, firstLineChars: Math.round(chars * 100), firstLine: Math.round(chars * lv.sizePt * 20) };
}

/** The paragraph format of a style. */
export function styleParaFormat(spec: FormatSpec, key: StyleKey): ParaFormat {
  if (key === "title") return { jc: "center", firstLineChars: 0, firstLine: 0 };
  return indented(spec, spec[key], "both");
}

export type WriterRole = InsertParagraph["role"];

/** The style a role is written in. */
export function roleStyle(role: WriterRole): StyleKey {
  switch (role) {
    case "title":
    case "level1":
    case "level2":
    case "level3":
    case "level4":
      return role;
    default:
      return "body";
  }
}

/** Paragraph format a role needs on top of its style, or undefined when the style says it all. */
export function roleParaOverride(spec: FormatSpec, role: WriterRole): ParaFormat | undefined {
  switch (role) {
    case "salutation":
      return { jc: "left", firstLineChars: 0, firstLine: 0 };
    case "subtitle":
      return { jc: "center", firstLineChars: 0, firstLine: 0 };
    case "signature": {
      // 落款: right-aligned, 右空四字 (GB/T 9704-2012 7.3.5.1).
      const chars = 4;
      return { jc: "right", firstLineChars: 0, firstLine: 0, rightChars: chars * 100, right: Math.round(chars * spec.body.sizePt * 20) };
    }
    default:
      return undefined;
  }
}

/** Run format a role needs on top of its style (the subtitle is set in the level-2 font). */
export function roleRunOverride(spec: FormatSpec, role: WriterRole): RunFormat | undefined {
  return role === "subtitle" ? { eastAsia: spec.level2.fonts[0], sizeHalfPt: Math.round(spec.body.sizePt * 2) } : undefined;
}

export function rFontsXml(eastAsia: string): string {
  return `<w:rFonts w:ascii="${LATIN_FONT}" w:hAnsi="${LATIN_FONT}" w:eastAsia="${escapeAttr(eastAsia)}" w:cs="${LATIN_FONT}"/>`;
}

export function indXml(p: ParaFormat): string {
  let a = `w:firstLineChars="${p.firstLineChars}" w:firstLine="${p.firstLine}"`;
  if (p.rightChars !== undefined) a = `w:rightChars="${p.rightChars}" w:right="${p.right ?? 0}" ` + a;
  return `<w:ind ${a}/>`;
}

export function spacingXml(spec: FormatSpec): string {
  return `<w:spacing w:before="0" w:after="0" w:line="${lineTwips(spec)}" w:lineRule="exact"/>`;
}

/** Page setup elements of a w:sectPr (pgSz, pgMar, docGrid). */
export function pageTwips(spec: FormatSpec): { w: number; h: number; top: number; bottom: number; left: number; right: number } {
  const p = spec.page;
  return {
    w: mmToTwips(p.widthMm),
    h: mmToTwips(p.heightMm),
    top: mmToTwips(p.marginTopMm),
    bottom: mmToTwips(p.marginBottomMm),
    left: mmToTwips(p.marginLeftMm),
    right: mmToTwips(p.marginRightMm),
  };
}

/** The w:style element of one of our named styles. */
export function styleXml(spec: FormatSpec, def: StyleDef): string {
  const pf = styleParaFormat(spec, def.key);
  const rf = runFormat(spec[def.key]);
  const pPr =
    (def.outlineLvl !== undefined ? "<w:keepNext/>" : "") +
    spacingXml(spec) +
    indXml(pf) +
    `<w:jc w:val="${pf.jc}"/>` +
    (def.outlineLvl !== undefined ? `<w:outlineLvl w:val="${def.outlineLvl}"/>` : "");
  const rPr =
    rFontsXml(rf.eastAsia) +
    (rf.bold === undefined ? "" : rf.bold ? "<w:b/><w:bCs/>" : `<w:b w:val="0"/><w:bCs w:val="0"/>`) +
    `<w:sz w:val="${rf.sizeHalfPt}"/><w:szCs w:val="${rf.sizeHalfPt}"/>`;
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${def.id}">` +
    `<w:name w:val="${escapeAttr(def.name)}"/><w:qFormat/>` +
    `<w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`
  );
}
