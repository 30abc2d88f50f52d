/**
 * 下载文档: the preview's in-memory document written out as a .docx a clerk opens in Word or WPS —
 * the text after fixes and edits, each run's font, size and weight, each paragraph's alignment,
 * indent, line spacing and outline level, the page setup, and the comments 写入批注 made (as real
 * Word comments). Pure (no DOM): bytes out; the page turns them into a download.
 *
 * The package around the body comes from the project's writer (src/core/writer): the house styles
 * and document defaults, so paragraphs without formatting of their own (a .txt draft) come out in
 * the house body format.
 *
 * A document opened from a .docx is written back into that file instead (exportDocument →
 * core/writer/spliceModel.ts), so its styles, numbering, tables, headers, footers and footnotes stay.
 * The fresh document (modelToDocx), for a .txt draft or the sample, carries only what the model
 * does: tables come out as their cells' paragraphs, automatic list numbers as plain text, headers,
 * footers and footnotes are left out.
 */
import { zipSync } from "fflate";
import type { DocModel, Section } from "../core/model";
import { speechProfile, type PageNumberMode } from "../core/profiles";
import { ReaderError } from "../core/reader/errors";
import { coreXml, stylesXml, W_NS, XML_HEAD } from "../core/writer/docx";
import { commentsPartXml, modelParagraphXml, twips, type ModelComment } from "../core/writer/modelXml";
import { SpliceError, spliceModel } from "../core/writer/spliceModel";
import { escapeAttr } from "../core/writer/xmlspan";

/** A comment on [start, end) of a body paragraph (start = end: the whole paragraph). */
export type ExportComment = ModelComment;

export interface ExportOptions {
  comments?: readonly ExportComment[];
  /** The comments' date (default: now). */
  date?: Date;
  /** Author of the comments. */
  author?: string;
}

const R_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const REL_NS = "http://schemas.openxmlformats.org/package/2006/relationships";
const REL_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

function sectPrXml(s: Section | undefined): string {
  const spec = speechProfile().format.page;
  const page = s ?? {
    pageWidthMm: spec.widthMm,
    pageHeightMm: spec.heightMm,
    marginTopMm: spec.marginTopMm,
    marginBottomMm: spec.marginBottomMm,
    marginLeftMm: spec.marginLeftMm,
    marginRightMm: spec.marginRightMm,
  };
  const grid =
    s?.gridType && s.gridType !== "default"
      ? `<w:docGrid w:type="${escapeAttr(s.gridType)}"${s.gridLinePitchPt ? ` w:linePitch="${twips(s.gridLinePitchPt)}"` : ""}/>`
      : "";
  return (
    `<w:sectPr><w:pgSz w:w="${mmTwips(page.pageWidthMm)}" w:h="${mmTwips(page.pageHeightMm)}"/>` +
    `<w:pgMar w:top="${mmTwips(page.marginTopMm)}" w:right="${mmTwips(page.marginRightMm)}" w:bottom="${mmTwips(page.marginBottomMm)}" ` +
    `w:left="${mmTwips(page.marginLeftMm)}" w:header="851" w:footer="992" w:gutter="0"/>${grid}</w:sectPr>`
  );
}

const enc = new TextEncoder();

/** The document (body paragraphs, their formatting, the page setup, comments) as .docx bytes. */
export function modelToDocx(model: DocModel, options: ExportOptions = {}): Uint8Array {
  const paras = model.paragraphs;
  const byPara = new Map<number, Array<{ id: number; c: ExportComment }>>();
  let nextId = 0;
  for (const c of options.comments ?? []) {
    if (!paras[c.paragraph]) continue;
    const list = byPara.get(c.paragraph) ?? [];
    list.push({ id: nextId++, c });
    byPara.set(c.paragraph, list);
  }
  const all = [...byPara.values()].flat().sort((a, b) => a.id - b.id);
  const hasComments = all.length > 0;
  const formatted = model.hasFormatting;

  let body = "";
  for (const p of paras) body += modelParagraphXml(p, byPara.get(p.index) ?? [], formatted);
  const documentXml =
    XML_HEAD +
    `<w:document xmlns:w="${W_NS}" xmlns:r="${R_NS}"><w:body>${body}${sectPrXml(model.sections[model.sections.length - 1])}</w:body></w:document>`;

  const title = paras.find((p) => p.text.trim())?.text.trim().slice(0, 100) ?? "";
  const core = coreXml(title);

  const contentTypes =
    XML_HEAD +
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>` +
    `<Default Extension="xml" ContentType="application/xml"/>` +
    `<Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/>` +
    `<Override PartName="/word/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>` +
    (hasComments ? `<Override PartName="/word/comments.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.comments+xml"/>` : "") +
    `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
    `</Types>`;
  const rootRels =
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/officeDocument" Target="word/document.xml"/>` +
    `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
    `</Relationships>`;
  const docRels =
    XML_HEAD +
    `<Relationships xmlns="${REL_NS}">` +
    `<Relationship Id="rId1" Type="${REL_TYPE}/styles" Target="styles.xml"/>` +
    (hasComments ? `<Relationship Id="rId2" Type="${REL_TYPE}/comments" Target="comments.xml"/>` : "") +
    `</Relationships>`;

  const files: Record<string, Uint8Array> = {
    "[Content_Types].xml": enc.encode(contentTypes),
    "_rels/.rels": enc.encode(rootRels),
    "word/document.xml": enc.encode(documentXml),
    "word/styles.xml": enc.encode(stylesXml(speechProfile().format)),
    "word/_rels/document.xml.rels": enc.encode(docRels),
    "docProps/core.xml": enc.encode(core),
  };
  if (hasComments) files["word/comments.xml"] = enc.encode(commentsPartXml(all, options.author ?? "笔杆子", options.date ?? new Date()));
  return zipSync(files, { level: 6, mtime: new Date(2020, 0, 1) });
}

/** The download's file name: the opened file's name with 「（修改后）」, always .docx. */
export function exportFileName(opened: string): string {
  const base = opened.replace(/\.(docx|txt)$/i, "").replace(/[\\/:*?"<>|]/g, "_").trim() || "文档";
  return `${base}（修改后）.docx`;
}

/** The .docx the preview opened: its bytes and the model the reader read from them. */
export interface UploadedDocx {
  bytes: Uint8Array;
  read: DocModel;
}

export interface ExportResult {
  bytes: Uint8Array;
  /** Written into the uploaded file (false: a fresh document from the model). */
  spliced: boolean;
  /** The uploaded file could not be matched to the model, so a fresh document was written. */
  fellBack: boolean;
  /** Paragraphs whose new text was not written (it would have cost a field, a picture or a note reference). */
  kept: number;
}

/**
 * 下载文档: into the uploaded .docx when there is one (everything the preview did not touch
 * stays as it was), else — a .txt draft, the built-in sample, or a file whose structure cannot
 * be matched to the model — a fresh document from the model.
 */
export function exportDocument(
  model: DocModel,
  options: ExportOptions & { uploaded?: UploadedDocx; pageNumbers?: PageNumberMode } = {},
): ExportResult {
  const { uploaded, pageNumbers, ...rest } = options;
  if (uploaded) {
    try {
      // Page numbers 一键排版 added (the preview's MemoryDocument.pageNumbers), in that placement.
      const numbers = pageNumbers && pageNumbers !== "none" ? { ...speechProfile().format, pageNumbers } : undefined;
      const res = spliceModel(uploaded.bytes, uploaded.read, model, { ...rest, pageNumbers: numbers });
      return { bytes: res.bytes, spliced: true, fellBack: false, kept: res.kept.length };
    } catch (e) {
      // The file read at opening but cannot take the changes (its body or a part we write to is
      // not as expected): the clerk still gets the document, written fresh.
      if (!(e instanceof SpliceError || e instanceof ReaderError)) throw e;
      return { bytes: modelToDocx(model, rest), spliced: false, fellBack: true, kept: 0 };
    }
  }
  return { bytes: modelToDocx(model, rest), spliced: false, fellBack: false, kept: 0 };
}
