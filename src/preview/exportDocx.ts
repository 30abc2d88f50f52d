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
 * What the model does not carry is not written: tables come out as their cells' paragraphs,
 * automatic list numbers as plain text, headers, footers and footnotes are left out.
 */
import { zipSync } from "fflate";
import type { Alignment, DocModel, Paragraph, Run, Section } from "../core/model";
import { speechProfile } from "../core/profiles";
import { coreXml, runContent, stylesXml, W_NS, XML_HEAD } from "../core/writer/docx";
import { escapeAttr } from "../core/writer/xmlspan";

/** A comment on [start, end) of a body paragraph (start = end: the whole paragraph). */
export interface ExportComment {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

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

const JC: Record<Alignment, string> = { left: "left", center: "center", right: "right", justify: "both", distribute: "distribute" };

const twips = (pt: number) => Math.round(pt * 20);
const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

type RunFormat = Pick<Run, "fontEastAsia" | "fontLatin" | "sizePt" | "bold">;

function rPrXml(r: RunFormat | undefined): string {
  if (!r) return "";
  let x = "";
  if (r.fontEastAsia || r.fontLatin) {
    const latin = r.fontLatin ? `w:ascii="${escapeAttr(r.fontLatin)}" w:hAnsi="${escapeAttr(r.fontLatin)}" ` : "";
    const ea = r.fontEastAsia ? `w:eastAsia="${escapeAttr(r.fontEastAsia)}"` : "";
    x += `<w:rFonts ${latin}${ea}/>`;
  }
  if (r.bold !== undefined) x += r.bold ? "<w:b/><w:bCs/>" : '<w:b w:val="0"/><w:bCs w:val="0"/>';
  if (r.sizePt !== undefined && r.sizePt > 0) {
    const hp = Math.round(r.sizePt * 2);
    x += `<w:sz w:val="${hp}"/><w:szCs w:val="${hp}"/>`;
  }
  return x ? `<w:rPr>${x}</w:rPr>` : "";
}

function pPrXml(p: Paragraph): string {
  let x = "";
  const ls = p.lineSpacing;
  if (ls && Number.isFinite(ls.value) && ls.value > 0) {
    const line = ls.rule === "auto" ? Math.round(ls.value * 240) : twips(ls.value);
    x += `<w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="${ls.rule}"/>`;
  }
  const chars = p.firstLineIndentChars;
  const pt = p.firstLineIndentPt ?? (chars !== undefined ? chars * (p.runs[0]?.sizePt ?? 16) : undefined);
  if (pt !== undefined && Number.isFinite(pt)) {
    const charAttr =
      chars !== undefined && Number.isFinite(chars) && chars !== 0
        ? chars > 0
          ? ` w:firstLineChars="${Math.round(chars * 100)}"`
          : ` w:hangingChars="${Math.round(-chars * 100)}"`
        : "";
    x += pt >= 0 ? `<w:ind w:firstLine="${twips(pt)}"${charAttr}/>` : `<w:ind w:hanging="${twips(-pt)}"${charAttr}/>`;
  }
  if (p.alignment) x += `<w:jc w:val="${JC[p.alignment]}"/>`;
  if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9) x += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

/** A comment's range in the paragraph's text, clamped; an empty range covers the whole paragraph. */
function commentRange(c: ExportComment, length: number): [number, number] {
  const s = Math.max(0, Math.min(c.start, length));
  const e = Math.max(s, Math.min(c.end, length));
  return s === e ? [0, length] : [s, e];
}

function paragraphXml(p: Paragraph, comments: ReadonlyArray<{ id: number; c: ExportComment }>, formatted: boolean): string {
  const text = p.text;
  const runs: Array<RunFormat & { start: number; end: number }> = formatted && p.runs.length > 0 ? p.runs : [{ start: 0, end: text.length }];
  const ranges = comments.map(({ id, c }) => ({ id, range: commentRange(c, text.length) }));
  const cuts = new Set<number>([0, text.length]);
  for (const r of runs) cuts.add(Math.max(0, Math.min(r.start, text.length))).add(Math.max(0, Math.min(r.end, text.length)));
  for (const { range } of ranges) cuts.add(range[0]).add(range[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const formatAt = (a: number) => (formatted ? (runs.find((r) => r.start <= a && a < r.end) ?? runs[runs.length - 1]) : undefined);

  let body = "";
  // An automatic list number the model shows as a label: kept as text in the first run's format.
  if (p.listLabel) body += `<w:r>${rPrXml(formatAt(0))}${runContent(p.listLabel)}</w:r>`;
  const marks = (at: number) => {
    let out = "";
    for (const { id, range } of ranges) {
      if (range[1] === at && range[0] < at) out += `<w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    for (const { id, range } of ranges) {
      if (range[0] === at && range[1] > at) out += `<w:commentRangeStart w:id="${id}"/>`;
      // A comment on an empty paragraph: a point.
      if (range[0] === at && range[1] === at) out += `<w:commentRangeStart w:id="${id}"/><w:commentRangeEnd w:id="${id}"/><w:r><w:commentReference w:id="${id}"/></w:r>`;
    }
    return out;
  };
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    body += marks(a);
    const b = points[i + 1];
    if (b === undefined || b <= a) continue;
    body += `<w:r>${rPrXml(formatAt(a))}${runContent(text.slice(a, b))}</w:r>`;
  }
  return `<w:p>${formatted ? pPrXml(p) : ""}${body}</w:p>`;
}

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

function commentsXml(comments: ReadonlyArray<{ id: number; c: ExportComment }>, author: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return (
    XML_HEAD +
    `<w:comments xmlns:w="${W_NS}">` +
    comments
      .map(
        ({ id, c }) =>
          `<w:comment w:id="${id}" w:author="${escapeAttr(author)}" w:date="${when}" w:initials="${escapeAttr(author.slice(0, 2))}">` +
          `<w:p><w:r>${runContent(c.text)}</w:r></w:p></w:comment>`,
      )
      .join("") +
    `</w:comments>`
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
  for (const p of paras) body += paragraphXml(p, byPara.get(p.index) ?? [], formatted);
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
  if (hasComments) files["word/comments.xml"] = enc.encode(commentsXml(all, options.author ?? "笔杆子", options.date ?? new Date()));
  return zipSync(files, { level: 6, mtime: new Date(2020, 0, 1) });
}

/** The download's file name: the opened file's name with 「（修改后）」, always .docx. */
export function exportFileName(opened: string): string {
  const base = opened.replace(/\.(docx|txt)$/i, "").replace(/[\\/:*?"<>|]/g, "_").trim() || "文档";
  return `${base}（修改后）.docx`;
}
