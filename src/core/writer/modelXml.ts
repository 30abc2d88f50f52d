/**
 * WordprocessingML for paragraphs of the document model: direct paragraph and run properties
 * from the model's values, the runs of a paragraph with comment anchors, and a comments part.
 * Shared by the preview's fresh .docx (src/preview/exportDocx.ts) and the splice into an
 * uploaded file (spliceModel.ts), so a paragraph looks the same whichever way it is written.
 */
import type { Alignment, Paragraph, Run } from "../model";
import { runContent, W_NS, XML_HEAD } from "./docx";
import { escapeAttr } from "./xmlspan";

export type RunFormat = Pick<Run, "fontEastAsia" | "fontLatin" | "sizePt" | "bold">;

/** A comment on [start, end) of a body paragraph (start = end: the whole paragraph). */
export interface ModelComment {
  paragraph: number;
  start: number;
  end: number;
  text: string;
}

export const JC: Record<Alignment, string> = { left: "left", center: "center", right: "right", justify: "both", distribute: "distribute" };

export const twips = (pt: number) => Math.round(pt * 20);

/** w:rPr for a run format (empty when the format says nothing). */
export function modelRPrXml(r: RunFormat | undefined): string {
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

/** w:line and w:lineRule of a model line spacing. */
export function lineAttrs(ls: NonNullable<Paragraph["lineSpacing"]>): { "w:line": string; "w:lineRule": string } {
  const line = ls.rule === "auto" ? Math.round(ls.value * 240) : twips(ls.value);
  return { "w:line": String(line), "w:lineRule": ls.rule };
}

/**
 * w:ind attributes of the first-line indent (or hanging indent) the paragraph states; undefined
 * when none. `override`: the indent replaces one a style may give in characters, which would win
 * over twips, so a zero w:firstLineChars is written when the indent is not in characters.
 */
export function indentAttrs(
  p: Pick<Paragraph, "firstLineIndentChars" | "firstLineIndentPt" | "runs">,
  override = false,
): Record<string, string | undefined> | undefined {
  const chars = p.firstLineIndentChars !== undefined && Number.isFinite(p.firstLineIndentChars) ? p.firstLineIndentChars : undefined;
  const pt = p.firstLineIndentPt ?? (chars !== undefined ? chars * (p.runs[0]?.sizePt ?? 16) : undefined);
  if (pt === undefined || !Number.isFinite(pt)) return undefined;
  return {
    "w:firstLine": pt >= 0 ? String(twips(pt)) : undefined,
    "w:hanging": pt < 0 ? String(twips(-pt)) : undefined,
    "w:firstLineChars": chars !== undefined && chars > 0 ? String(Math.round(chars * 100)) : override && !(chars !== undefined && chars < 0) ? "0" : undefined,
    "w:hangingChars": chars !== undefined && chars < 0 ? String(Math.round(-chars * 100)) : undefined,
  };
}

function attrsXml(attrs: Record<string, string | undefined>): string {
  return Object.entries(attrs)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escapeAttr(v as string)}"`)
    .join("");
}

/** w:pPr for a paragraph's own formatting in the model (empty when it has none). */
export function modelPPrXml(p: Paragraph): string {
  let x = "";
  const ls = p.lineSpacing;
  if (ls && Number.isFinite(ls.value) && ls.value > 0) x += `<w:spacing w:before="0" w:after="0"${attrsXml(lineAttrs(ls))}/>`;
  const ind = indentAttrs(p);
  if (ind) x += `<w:ind${attrsXml(ind)}/>`;
  if (p.alignment) x += `<w:jc w:val="${JC[p.alignment]}"/>`;
  if (p.outlineLevel !== undefined && p.outlineLevel >= 0 && p.outlineLevel < 9) x += `<w:outlineLvl w:val="${p.outlineLevel}"/>`;
  return x ? `<w:pPr>${x}</w:pPr>` : "";
}

/** A comment's range in the paragraph's text, clamped; an empty range covers the whole paragraph. */
export function commentRange(c: Pick<ModelComment, "start" | "end">, length: number): [number, number] {
  const s = Math.max(0, Math.min(c.start, length));
  const e = Math.max(s, Math.min(c.end, length));
  return s === e ? [0, length] : [s, e];
}

/** A comment with the id it has in the package. */
export interface NumberedComment {
  id: number;
  c: ModelComment;
}

/** The anchors that close and open at `at`: ends first (commentRangeEnd + the reference run), then starts. */
export function commentMarks(ranges: ReadonlyArray<{ id: number; range: [number, number] }>, at: number): string {
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
}

/**
 * The runs of a paragraph (cut at the model's run bounds and at the comments' bounds) with the
 * comment anchors between them. `rPr` gives each run's properties from its format in the model.
 * With `label`, an automatic list number the model shows as a label is written as text first.
 */
export function modelRunsXml(
  p: Paragraph,
  comments: readonly NumberedComment[],
  rPr: (format: RunFormat | undefined) => string,
  options: { formatted: boolean; label: boolean },
): string {
  const text = p.text;
  const formatted = options.formatted;
  const runs: Array<RunFormat & { start: number; end: number }> = formatted && p.runs.length > 0 ? p.runs : [{ start: 0, end: text.length }];
  const ranges = comments.map(({ id, c }) => ({ id, range: commentRange(c, text.length) }));
  const cuts = new Set<number>([0, text.length]);
  for (const r of runs) cuts.add(Math.max(0, Math.min(r.start, text.length))).add(Math.max(0, Math.min(r.end, text.length)));
  for (const { range } of ranges) cuts.add(range[0]).add(range[1]);
  const points = [...cuts].sort((a, b) => a - b);
  const formatAt = (a: number) => (formatted ? (runs.find((r) => r.start <= a && a < r.end) ?? runs[runs.length - 1]) : undefined);

  let body = "";
  if (options.label && p.listLabel) body += `<w:r>${rPr(formatAt(0))}${runContent(p.listLabel)}</w:r>`;
  for (let i = 0; i < points.length; i++) {
    const a = points[i];
    body += commentMarks(ranges, a);
    const b = points[i + 1];
    if (b === undefined || b <= a) continue;
    body += `<w:r>${rPr(formatAt(a))}${runContent(text.slice(a, b))}</w:r>`;
  }
  return body;
}

/** A whole w:p for a paragraph of the model: its own formatting, its runs, its comments. */
export function modelParagraphXml(p: Paragraph, comments: readonly NumberedComment[], formatted: boolean): string {
  return `<w:p>${formatted ? modelPPrXml(p) : ""}${modelRunsXml(p, comments, modelRPrXml, { formatted, label: true })}</w:p>`;
}

/** The w:comment elements for comments (one paragraph each). */
export function commentElementsXml(comments: readonly NumberedComment[], author: string, date: Date): string {
  const when = date.toISOString().replace(/\.\d{3}Z$/, "Z");
  return comments
    .map(
      ({ id, c }) =>
        `<w:comment w:id="${id}" w:author="${escapeAttr(author)}" w:date="${when}" w:initials="${escapeAttr(author.slice(0, 2))}">` +
        `<w:p><w:r>${runContent(c.text)}</w:r></w:p></w:comment>`,
    )
    .join("");
}

/** A comments part holding `comments`. */
export function commentsPartXml(comments: readonly NumberedComment[], author: string, date: Date): string {
  return XML_HEAD + `<w:comments xmlns:w="${W_NS}">` + commentElementsXml(comments, author, date) + `</w:comments>`;
}
