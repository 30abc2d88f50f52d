/**
 * The one document model. Every source — a .docx on disk, the flat-OPC package
 * Word's getOoxml() returns, a .txt file, the in-memory preview document — is
 * turned into this shape, so the CLI and the taskpane see the same thing.
 *
 * Pure data: no Word, Office or DOM types here.
 */

export type Alignment = "left" | "center" | "right" | "justify" | "distribute";

/** Where a paragraph lives. Only "body" paragraphs are checked by the text rules. */
export type PartKind = "body" | "header" | "footer" | "footnote" | "endnote" | "textbox" | "comment";

/** A run of text with its resolved (effective) formatting. */
export interface Run {
  text: string;
  /** Offsets of this run inside Paragraph.text (end exclusive). */
  start: number;
  end: number;
  /** East Asian font (w:eastAsia), resolved through style chain, defaults and theme. */
  fontEastAsia?: string;
  /** Latin font (w:ascii). */
  fontLatin?: string;
  /** Size in points (w:sz / 2). */
  sizePt?: number;
  bold?: boolean;
  /** Text colour RRGGBB, where formatting set one (the red 发文机关标志); undefined: as the document has it. */
  color?: string;
}

/** A paragraph border line (the 版头's red line, the 版记 lines). */
export interface ParagraphBorder {
  /** Thickness in points. */
  widthPt: number;
  /** RRGGBB. */
  color: string;
  /** Distance from the text in points. */
  spacePt: number;
}

export interface LineSpacing {
  /** auto = multiple of single spacing; exact / atLeast = points. */
  rule: "auto" | "exact" | "atLeast";
  /** For "auto": the multiple (1 = single, 1.5 …). Otherwise points. */
  value: number;
}

export interface Paragraph {
  /** Position in DocModel.paragraphs (or otherParagraphs for non-body parts). */
  index: number;
  part: PartKind;
  /** The paragraph's text, without any auto-numbered list label. */
  text: string;
  /** The label of an auto-numbered list item as Word shows it, e.g. "一、" or "（一）". */
  listLabel?: string;
  styleId?: string;
  styleName?: string;
  /** 0-based outline level (w:outlineLvl); undefined means body text. */
  outlineLevel?: number;
  alignment?: Alignment;
  /** First-line indent in points (negative = hanging). */
  firstLineIndentPt?: number;
  /** First-line indent in characters (w:firstLineChars / 100), when the document states it. */
  firstLineIndentChars?: number;
  lineSpacing?: LineSpacing;
  /**
   * Left indent of every line (points, and characters when stated); the first line then starts
   * firstLineIndentPt from it (negative: a hanging indent, 附件说明 and 抄送). Set by formatting.
   */
  leftIndentPt?: number;
  leftIndentChars?: number;
  /** Right indent (points, and characters when stated): 落款 右空四字, 版记 右空一字. */
  rightIndentPt?: number;
  rightIndentChars?: number;
  /** Separator lines above / below the paragraph (GB/T 9704 7.2.7, 7.4.1). */
  borderTop?: ParagraphBorder;
  borderBottom?: ParagraphBorder;
  /** Runs covering Paragraph.text in order. Empty for plain-text sources. */
  runs: Run[];
  /** True when the paragraph sits in a table cell. */
  inTable?: boolean;
  /**
   * The paragraph's index among the body paragraphs of the file it was read from, when a writer
   * must find it there again after paragraphs were inserted or removed (the preview's 下载文档,
   * core/writer/spliceModel.ts `withOrigins`). Edits copy it along; a paragraph made since has none.
   */
  origin?: number;
}

export interface Section {
  pageWidthMm: number;
  pageHeightMm: number;
  marginTopMm: number;
  marginBottomMm: number;
  marginLeftMm: number;
  marginRightMm: number;
  /** w:docGrid/@w:type: default, lines, linesAndChars, snapToChars. */
  gridType?: string;
  /** w:docGrid/@w:linePitch in points. */
  gridLinePitchPt?: number;
}

export type SourceKind = "docx" | "flatopc" | "text" | "word";

export interface DocModel {
  source: SourceKind;
  /** Body paragraphs in document order, table cells included. */
  paragraphs: Paragraph[];
  /** Headers, footers, footnotes, endnotes, comments and text boxes, kept apart from the body. */
  otherParagraphs: Paragraph[];
  sections: Section[];
  /** False for plain text: rules that need fonts, indents or page setup are skipped. */
  hasFormatting: boolean;
}

/** Builds a model from plain text: one paragraph a line. Strips a BOM, accepts \r\n, \r and \n. */
export function docFromText(text: string): DocModel {
  const clean = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const lines = clean.split(/\r\n|\r|\n|\u2029/);
  // A trailing newline does not make an extra empty paragraph.
  if (lines.length > 1 && lines[lines.length - 1] === "") lines.pop();
  return {
    source: "text",
    paragraphs: lines.map((line, index) => ({ index, part: "body", text: line, runs: [] })),
    otherParagraphs: [],
    sections: [],
    hasFormatting: false,
  };
}

/** The text a reader sees at the start of a paragraph: list label (if any) followed by the text. */
export function displayText(p: Paragraph): string {
  return p.listLabel ? p.listLabel + p.text : p.text;
}
