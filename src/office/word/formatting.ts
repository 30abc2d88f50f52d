/**
 * Setting formatting through Word's API, queued (no sync here): a format patch (a fix, 一键排版),
 * a role's whole format (an inserted paragraph), and the names Word uses for alignments and
 * outline levels.
 */
import type { Alignment } from "../../core/model";
import type { FormatPatch } from "../../core/edits";
import type { WordFeatures } from "../host";
import { WORD_ALIGNMENT, wordOutlineLevel, type RoleFormat } from "../roles";

export const ALIGN_FROM_WORD: Record<string, Alignment | undefined> = {
  Left: "left",
  Centered: "center",
  Right: "right",
  Justified: "justify",
};

const ALIGN_TO_WORD: Record<Alignment, "Left" | "Centered" | "Right" | "Justified"> = {
  left: "Left",
  center: "Centered",
  right: "Right",
  justify: "Justified",
  // Word's API has no distributed alignment; justified is the nearest.
  distribute: "Justified",
};

/** Default font size (三号) for converting character indents to points. */
export const DEFAULT_SIZE_PT = 16;

/** Word's null (a property mixed over the range) as undefined. */
export function nn<T>(v: T | null | undefined): T | undefined {
  return v === null ? undefined : v;
}

/**
 * Sets the run properties of a patch through a Word.Font (a paragraph's or a range's), queued.
 * With nameFarEast (WordApiDesktop 1.3) the East Asian and Latin fonts are set apart. Without it
 * the one font name is all the API offers: it gets the East Asian font (Word applies a CJK name to
 * CJK text), unless the East Asian font already came with a named style (`eastAsiaCarried`), when
 * it gets the Latin one.
 */
export function queueFont(font: Word.Font, set: FormatPatch, farEast: boolean, eastAsiaCarried: boolean): void {
  if (farEast) {
    if (set.fontEastAsia !== undefined) font.nameFarEast = set.fontEastAsia;
    if (set.fontLatin !== undefined) font.name = set.fontLatin;
  } else if (set.fontEastAsia !== undefined && !eastAsiaCarried) font.name = set.fontEastAsia;
  else if (set.fontLatin !== undefined) font.name = set.fontLatin;
  if (set.sizePt !== undefined) font.size = set.sizePt;
  if (set.bold !== undefined) font.bold = set.bold;
  if (set.color !== undefined) font.color = wordColor(set.color);
}

/** An RRGGBB colour as Word's API takes it ("#RRGGBB", WordApi 1.1). */
export function wordColor(rrggbb: string): string {
  return rrggbb.startsWith("#") ? rrggbb : `#${rrggbb}`;
}

/** Applies a format patch to a Word paragraph (queued). `sizePt` converts character indents. */
export function queueFormat(p: Word.Paragraph, set: FormatPatch, sizePt: number, farEast: boolean, styled: boolean): void {
  queueFont(p.font, set, farEast, styled);
  if (set.alignment !== undefined) p.alignment = ALIGN_TO_WORD[set.alignment];
  const size = set.sizePt ?? sizePt;
  if (set.leftIndentChars !== undefined) {
    // Word's first-line indent counts from the left indent: a hanging indent is negative.
    p.leftIndent = set.leftIndentChars * size;
    p.firstLineIndent = 0 - (set.hangingChars ?? 0) * size;
  } else if (set.firstLineIndentChars !== undefined) p.firstLineIndent = set.firstLineIndentChars * size;
  if (set.rightIndentChars !== undefined) p.rightIndent = set.rightIndentChars * size;
  // The separator lines (borderTop / borderBottom) are not set here: Word's API has paragraph
  // borders only from WordApiDesktop 1.3 (Paragraph.borders), as a collection whose items must be
  // loaded first (one more sync) and do not say which side they are; writing them through the
  // paragraph's OOXML would replace its content (and needs a read sync too). In Word the 版头 and
  // 版记 lines are therefore left to the clerk (or to `biganzi format`); the preview and the .docx
  // formatter draw them.
  if (set.lineSpacing !== undefined) {
    // Points only; the rule cannot be set through the API. A multiple is taken as multiples of 12 pt.
    p.lineSpacing = set.lineSpacing.rule === "auto" ? set.lineSpacing.value * 12 : set.lineSpacing.value;
  }
  if (set.outlineLevel !== undefined) p.outlineLevel = set.outlineLevel + 1;
}

/**
 * A role's whole format on a paragraph (queued). `eastAsiaCarried`: the East Asian font is
 * already on the text (an OOXML package's runs, or a named style that defines it).
 */
export function queueRoleFormat(p: Word.Paragraph, f: RoleFormat, features: WordFeatures, eastAsiaCarried = false): void {
  queueFont(p.font, { fontEastAsia: f.fontEastAsia, fontLatin: f.fontLatin, sizePt: f.sizePt, bold: f.bold ?? false }, features.farEastFont, eastAsiaCarried);
  p.alignment = WORD_ALIGNMENT[f.alignment];
  if (f.leftIndentPt !== undefined) {
    p.leftIndent = f.leftIndentPt;
    p.firstLineIndent = 0 - (f.hangingPt ?? 0);
  } else p.firstLineIndent = f.firstLineIndentPt;
  p.rightIndent = f.rightIndentPt;
  if (f.color !== undefined) p.font.color = wordColor(f.color);
  // Points only: the API cannot say "exactly"; the named style and the OOXML path carry the rule.
  p.lineSpacing = f.lineSpacingPt;
  p.outlineLevel = wordOutlineLevel(f.outlineLevel);
}

/** Word's outline level name for a style's paragraph format. */
export function outlineLevelName(level: number): Word.OutlineLevel {
  return (level >= 1 && level <= 9 ? `OutlineLevel${level}` : "OutlineLevelBodyText") as Word.OutlineLevel;
}
