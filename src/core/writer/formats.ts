/**
 * The house style (core/format/roles.ts) in WordprocessingML terms, shared by the .docx writer and
 * the one-click formatter: named styles, paragraph and run properties by role, page setup in twips.
 * Nothing here decides how a role looks; it only spells roleFormat in OOXML.
 */
import type { ElementPlace } from "../format/elements";
import { LATIN_FONT, roleFormat, styleFormat, type BorderLine, type Role, type RoleFormat, type StyleName } from "../format/roles";
import { targetLineSpacingPt, type FormatSpec } from "../profiles";
import { escapeAttr } from "./xmlspan";

export { LATIN_FONT };

/** Twips (1/20 pt) for millimetres. */
export function mmToTwips(mm: number): number {
  return Math.round((mm * 1440) / 25.4);
}

/** Twips for points. */
export function ptToTwips(pt: number): number {
  return Math.round(pt * 20);
}

/** The fixed line spacing in twips (28.95 pt → 579; see targetLineSpacingPt). */
export function lineTwips(spec: FormatSpec): number {
  return ptToTwips(targetLineSpacingPt(spec));
}

export interface StyleDef {
  name: StyleName;
  /** The style id in styles.xml (ASCII, so every reader copes). */
  id: string;
}

/** Our named paragraph styles (the names the Word add-in creates too: core/format/roles.ts). */
export const STYLE_DEFS: readonly StyleDef[] = [
  { id: "BiganziTitle", name: "公文标题" },
  { id: "BiganziHeading1", name: "一级标题" },
  { id: "BiganziHeading2", name: "二级标题" },
  { id: "BiganziHeading3", name: "三级标题" },
  { id: "BiganziHeading4", name: "四级标题" },
  { id: "BiganziBody", name: "正文" },
];

export function styleDef(name: StyleName): StyleDef {
  return STYLE_DEFS.find((d) => d.name === name)!;
}

export interface ParaFormat {
  jc: "center" | "both" | "left" | "right";
  /** First-line indent in hundredths of a character (w:firstLineChars). */
  firstLineChars: number;
  /** The same indent in twips (w:firstLine), for readers that ignore the character unit. */
  firstLine: number;
  /** Right indent in hundredths of a character and in twips (落款: 右空四字). */
  rightChars: number;
  right: number;
  /** Exact line spacing in twips. */
  line: number;
  /** w:outlineLvl (0-based) for headings. */
  outlineLvl?: number;
  /** Left and hanging indents (hundredths of a character and twips) of 附件说明 and 版记 lines. */
  leftChars?: number;
  left?: number;
  hangingChars?: number;
  hanging?: number;
  /** Separator lines (w:pBdr). */
  borderTop?: BorderLine;
  borderBottom?: BorderLine;
}

export interface RunFormat {
  eastAsia: string;
  latin: string;
  sizeHalfPt: number;
  /** Undefined: the house style does not say (existing bold is kept; new text is not bold). */
  bold?: boolean;
  /** w:color (RRGGBB) where the role is not black. */
  color?: string;
}

const JC: Record<RoleFormat["alignment"], ParaFormat["jc"]> = { left: "left", center: "center", right: "right", justify: "both" };

export function paraFormat(f: RoleFormat): ParaFormat {
  const p: ParaFormat = {
    jc: JC[f.alignment],
    firstLineChars: Math.round(f.firstLineIndentChars * 100),
    firstLine: ptToTwips(f.firstLineIndentPt),
    rightChars: Math.round(f.rightIndentChars * 100),
    right: ptToTwips(f.rightIndentPt),
    line: ptToTwips(f.lineSpacingPt),
  };
  if (f.outlineLevel !== undefined) p.outlineLvl = f.outlineLevel;
  if (f.leftIndentChars !== undefined) {
    p.leftChars = Math.round(f.leftIndentChars * 100);
    p.left = ptToTwips(f.leftIndentPt ?? 0);
    p.hangingChars = Math.round((f.hangingChars ?? 0) * 100);
    p.hanging = ptToTwips(f.hangingPt ?? 0);
  }
  if (f.borderTop) p.borderTop = f.borderTop;
  if (f.borderBottom) p.borderBottom = f.borderBottom;
  return p;
}

export function runFormat(f: RoleFormat): RunFormat {
  const r: RunFormat = { eastAsia: f.fontEastAsia, latin: f.fontLatin, sizeHalfPt: Math.round(f.sizePt * 2) };
  if (f.bold !== undefined) r.bold = f.bold;
  if (f.color !== undefined) r.color = f.color;
  return r;
}

/** The paragraph and run format of a role (`place`: see roleFormat). */
export function roleOoxml(spec: FormatSpec, role: Role, place?: ElementPlace): { para: ParaFormat; run: RunFormat; style: StyleDef } {
  const f = roleFormat(spec, role, place);
  return { para: paraFormat(f), run: runFormat(f), style: styleDef(f.styleName) };
}

export function rFontsXml(r: Pick<RunFormat, "eastAsia" | "latin">): string {
  const latin = escapeAttr(r.latin);
  return `<w:rFonts w:ascii="${latin}" w:hAnsi="${latin}" w:eastAsia="${escapeAttr(r.eastAsia)}" w:cs="${latin}"/>`;
}

export function boldXml(bold: boolean | undefined): string {
  return bold === undefined ? "" : bold ? "<w:b/><w:bCs/>" : `<w:b w:val="0"/><w:bCs w:val="0"/>`;
}

/** The inner XML of a w:rPr for a run format (schema order: rFonts, b, bCs, color, sz, szCs). */
export function rPrXml(r: RunFormat): string {
  return rFontsXml(r) + boldXml(r.bold) + (r.color ? `<w:color w:val="${escapeAttr(r.color)}"/>` : "") + `<w:sz w:val="${r.sizeHalfPt}"/><w:szCs w:val="${r.sizeHalfPt}"/>`;
}

/**
 * The attributes of w:ind for a paragraph format; undefined ones are to be removed from an
 * existing w:ind (a first-line indent and a hanging one exclude each other).
 */
export function indAttrs(p: ParaFormat): Record<string, string | undefined> {
  const right = p.rightChars > 0 || p.right > 0;
  const hanging = p.leftChars !== undefined;
  // A left indent is set only by the roles that hang; other paragraphs keep theirs.
  const left: Record<string, string | undefined> = hanging
    ? { "w:leftChars": String(p.leftChars), "w:left": String(p.left ?? 0), "w:start": undefined, "w:startChars": undefined }
    : {};
  return {
    ...left,
    "w:rightChars": right ? String(p.rightChars) : undefined,
    "w:right": right ? String(p.right) : undefined,
    "w:end": undefined,
    "w:endChars": undefined,
    "w:hangingChars": hanging ? String(p.hangingChars ?? 0) : undefined,
    "w:hanging": hanging ? String(p.hanging ?? 0) : undefined,
    "w:firstLineChars": hanging ? undefined : String(p.firstLineChars),
    "w:firstLine": hanging ? undefined : String(p.firstLine),
  };
}

export function indXml(p: ParaFormat): string {
  const a = Object.entries(indAttrs(p))
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => `${k}="${v}"`)
    .join(" ");
  return `<w:ind ${a}/>`;
}

function borderXml(side: "top" | "bottom", b: BorderLine): string {
  // w:sz in eighths of a point, w:space in points.
  return `<w:${side} w:val="single" w:sz="${Math.round(b.widthPt * 8)}" w:space="${Math.round(b.spacePt)}" w:color="${escapeAttr(b.color)}"/>`;
}

/** The inner XML of a w:pBdr for the format's separator lines, or "" when it has none. */
export function pBdrInner(p: ParaFormat): string {
  return (p.borderTop ? borderXml("top", p.borderTop) : "") + (p.borderBottom ? borderXml("bottom", p.borderBottom) : "");
}

export function spacingXml(lineTwipsValue: number): string {
  return `<w:spacing w:before="0" w:after="0" w:line="${lineTwipsValue}" w:lineRule="exact"/>`;
}

/** The inner XML of a w:pPr for a paragraph format, after w:pStyle (schema order). */
export function pPrXml(p: ParaFormat, keepNext = false): string {
  return (
    (keepNext ? "<w:keepNext/>" : "") +
    (pBdrInner(p) ? `<w:pBdr>${pBdrInner(p)}</w:pBdr>` : "") +
    spacingXml(p.line) +
    indXml(p) +
    `<w:jc w:val="${p.jc}"/>` +
    (p.outlineLvl !== undefined ? `<w:outlineLvl w:val="${p.outlineLvl}"/>` : "")
  );
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

/** The w:style element of one of our named styles, defined by the role that owns the name. */
export function styleXml(spec: FormatSpec, def: StyleDef): string {
  const f = styleFormat(spec, def.name);
  const pf = paraFormat(f);
  // New text in a style is not bold unless the profile says so.
  const rf = { ...runFormat(f), bold: f.bold ?? false };
  return (
    `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${def.id}">` +
    `<w:name w:val="${escapeAttr(def.name)}"/><w:qFormat/>` +
    `<w:pPr>${pPrXml(pf, pf.outlineLvl !== undefined)}</w:pPr><w:rPr>${rPrXml(rf)}</w:rPr></w:style>`
  );
}
