/**
 * Formatting spliced into an existing paragraph or section of document.xml, as the document model
 * says it should now read: paragraph properties (line spacing, first-line indent, alignment,
 * outline level), run properties (fonts, size, bold) — a run cut in two where a format bound or a
 * comment bound falls inside it — and page size and margins. Shared by 下载文档 (spliceModel.ts),
 * which writes the preview's model back into the uploaded file, and `biganzi fix` (fixDocx.ts),
 * which writes the format fixes of findings; both compare the paragraph as read (`was`) with the
 * paragraph wanted (`now`) and set only what differs, through formatDocx's property splicer.
 */
import type { Paragraph, ParagraphBorder, Run, Section } from "../model";
import { PPR_ORDER, RPR_ORDER, SECTPR_ORDER, rawOffset, setProps, type RunInfo, type SectionFooters, type Wanted } from "./formatDocx";
import { indAttrs, pBdrInner, ptToTwips, type ParaFormat } from "./formats";
import { JC, commentMarks, commentRange, indentAttrs, lineAttrs, type NumberedComment, type RunFormat as ModelRunFormat } from "./modelXml";
import { applySplices, attrValue, rewriteStartTag, spanChild, type SpanElement, type Splice } from "./xmlspan";

/** A run's format as spliced: what modelXml writes for a new run, and the colour. */
export type RunFormat = ModelRunFormat & Pick<Run, "color">;

export const RUN_KEYS = ["fontEastAsia", "fontLatin", "sizePt", "bold", "color"] as const;
const mmTwips = (mm: number) => Math.round((mm * 1440) / 25.4);

/** The run holding offset `at` (runs tile the text in order; past the end: the last run). Binary search. */
export function formatOf(runs: readonly Run[], at: number): RunFormat | undefined {
  if (runs.length === 0) return undefined;
  let lo = 0;
  let hi = runs.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (runs[mid].end <= at) lo = mid + 1;
    else hi = mid;
  }
  return runs[lo];
}

export function sameFormat(a: RunFormat | undefined, b: RunFormat | undefined): boolean {
  return RUN_KEYS.every((k) => a?.[k] === b?.[k]);
}

/**
 * A text fix in the model re-cuts its paragraph to one run in the first run's format
 * (core/edits.ts applyFixes). In a paragraph whose text changed, a run property equal to that
 * first run's is taken as left by the cut, not set by the clerk: the file's runs keep theirs.
 */
export function effective(f: RunFormat | undefined, collapsed: RunFormat | undefined): RunFormat | undefined {
  if (!f || !collapsed) return f;
  const out: RunFormat = {};
  for (const k of RUN_KEYS) if (f[k] !== undefined && f[k] !== collapsed[k]) (out as Record<string, unknown>)[k] = f[k];
  return out;
}

/** The run properties to set so a run formatted `was` reads `now` (only what the model states and differs). */
export function runWanted(was: RunFormat | undefined, now: RunFormat | undefined): Wanted[] {
  if (!now) return [];
  const out: Wanted[] = [];
  const fonts: Record<string, string | undefined> = {};
  if (now.fontEastAsia !== undefined && now.fontEastAsia !== was?.fontEastAsia) Object.assign(fonts, { "w:eastAsia": now.fontEastAsia, "w:eastAsiaTheme": undefined });
  if (now.fontLatin !== undefined && now.fontLatin !== was?.fontLatin)
    Object.assign(fonts, { "w:ascii": now.fontLatin, "w:hAnsi": now.fontLatin, "w:asciiTheme": undefined, "w:hAnsiTheme": undefined });
  if (Object.keys(fonts).length) out.push({ name: "w:rFonts", attrs: fonts });
  if (now.sizePt !== undefined && now.sizePt > 0 && now.sizePt !== was?.sizePt) {
    const hp = String(Math.round(now.sizePt * 2));
    out.push({ name: "w:sz", attrs: { "w:val": hp } }, { name: "w:szCs", attrs: { "w:val": hp } });
  }
  if (now.bold !== undefined && now.bold !== was?.bold) {
    const val = now.bold ? undefined : "0";
    out.push({ name: "w:b", attrs: { "w:val": val } }, { name: "w:bCs", attrs: { "w:val": val } });
  }
  // As formatDocx sets a role's colour: a theme colour would win over the value.
  if (now.color !== undefined && now.color !== was?.color) out.push({ name: "w:color", attrs: { "w:val": now.color, "w:themeColor": undefined } });
  return out;
}

function sameLine(a: Paragraph["lineSpacing"], b: Paragraph["lineSpacing"]): boolean {
  return a?.rule === b?.rule && a?.value === b?.value;
}

function sameBorder(a: ParagraphBorder | undefined, b: ParagraphBorder | undefined): boolean {
  return a?.widthPt === b?.widthPt && a?.color === b?.color && a?.spacePt === b?.spacePt;
}

/** The w:ind attributes of each of its three settings (formats.ts indAttrs writes them all). */
const LEFT_ATTRS = ["w:leftChars", "w:left", "w:start", "w:startChars"];
const FIRST_ATTRS = ["w:firstLineChars", "w:firstLine", "w:hangingChars", "w:hanging"];
const RIGHT_ATTRS = ["w:rightChars", "w:right", "w:end", "w:endChars"];
/** CT_PBdr's sequence. */
const PBDR_ORDER = ["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"];

function pick(attrs: Record<string, string | undefined>, keys: readonly string[]): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {};
  for (const k of keys) out[k] = attrs[k];
  return out;
}

const finite = (n: number | undefined): n is number => n !== undefined && Number.isFinite(n);

/**
 * The w:ind attributes that make the paragraph's indents read as `now`'s, where they differ from
 * `was`'s: a left indent with its hanging first line and a right indent spelt as `biganzi format`
 * spells them for the same roles (formats.ts indAttrs: characters and twips, a right indent of 0
 * dropped), a plain first-line indent as before (modelXml.ts indentAttrs).
 */
function indWanted(was: Paragraph, now: Paragraph): Record<string, string | undefined> | undefined {
  const size = now.runs[0]?.sizePt ?? 16;
  const firstChanged = was.firstLineIndentChars !== now.firstLineIndentChars || was.firstLineIndentPt !== now.firstLineIndentPt;
  const left = finite(now.leftIndentChars) ? now.leftIndentChars : undefined;
  const leftChanged = left !== undefined && (was.leftIndentChars !== left || was.leftIndentPt !== now.leftIndentPt);
  const right = finite(now.rightIndentChars) ? now.rightIndentChars : undefined;
  const rightChanged = right !== undefined && (was.rightIndentChars !== right || was.rightIndentPt !== now.rightIndentPt);
  let attrs: Record<string, string | undefined> = {};
  if (left !== undefined && (leftChanged || firstChanged)) {
    // With a left indent the first line is stated from it: a hanging indent (0 or more).
    const firstChars = finite(now.firstLineIndentChars) ? now.firstLineIndentChars : 0;
    const firstPt = finite(now.firstLineIndentPt) ? now.firstLineIndentPt : firstChars * size;
    const leftPt = finite(now.leftIndentPt) ? now.leftIndentPt : left * size;
    const pf = {
      leftChars: Math.round(left * 100),
      left: ptToTwips(leftPt),
      hangingChars: Math.round(Math.max(0, -firstChars) * 100),
      hanging: ptToTwips(Math.max(0, -firstPt)),
      rightChars: 0,
      right: 0,
    } as ParaFormat;
    attrs = pick(indAttrs(pf), [...LEFT_ATTRS, ...FIRST_ATTRS]);
  } else if (firstChanged) attrs = indentAttrs(now, true) ?? {};
  if (right !== undefined && rightChanged) {
    const rightPt = finite(now.rightIndentPt) ? now.rightIndentPt : right * size;
    const pf = { rightChars: Math.round(Math.max(0, right) * 100), right: ptToTwips(Math.max(0, rightPt)) } as ParaFormat;
    Object.assign(attrs, pick(indAttrs(pf), RIGHT_ATTRS));
  }
  return Object.keys(attrs).length ? attrs : undefined;
}

/**
 * The inner XML of the w:pBdr that gives the paragraph `now`'s separator lines where they differ
 * from `was`'s (formats.ts pBdrInner, as `biganzi format` draws them); the other sides of a w:pBdr
 * the paragraph already has (`el`, in `xml`) stay. Undefined: no line to set.
 */
function pBdrWanted(was: Paragraph, now: Paragraph, xml?: string, el?: SpanElement): string | undefined {
  const top = now.borderTop && !sameBorder(was.borderTop, now.borderTop) ? now.borderTop : undefined;
  const bottom = now.borderBottom && !sameBorder(was.borderBottom, now.borderBottom) ? now.borderBottom : undefined;
  if (!top && !bottom) return undefined;
  const ours: Record<string, string> = {};
  if (top) ours["w:top"] = pBdrInner({ borderTop: top } as ParaFormat);
  if (bottom) ours["w:bottom"] = pBdrInner({ borderBottom: bottom } as ParaFormat);
  const existing = xml !== undefined ? spanChild(spanChild(el, "w:pPr"), "w:pBdr") : undefined;
  let inner = "";
  for (const side of PBDR_ORDER) {
    const kept = existing ? spanChild(existing, side) : undefined;
    inner += ours[side] ?? (kept && xml !== undefined ? xml.slice(kept.start, kept.end) : "");
  }
  return inner;
}

/**
 * The paragraph properties to set so a paragraph read as `was` reads `now`. With the paragraph's
 * element (`xml`, `el`), what it already states is left out, and a w:pBdr keeps its other sides.
 */
export function paraWanted(was: Paragraph, now: Paragraph, xml?: string, el?: SpanElement): Wanted[] {
  const out: Wanted[] = [];
  if (!sameLine(was.lineSpacing, now.lineSpacing) && now.lineSpacing && Number.isFinite(now.lineSpacing.value) && now.lineSpacing.value > 0) {
    out.push({ name: "w:spacing", attrs: lineAttrs(now.lineSpacing) });
  }
  const ind = indWanted(was, now);
  if (ind) out.push({ name: "w:ind", attrs: ind });
  if (now.alignment !== undefined && now.alignment !== was.alignment) out.push({ name: "w:jc", attrs: { "w:val": JC[now.alignment] } });
  if (now.outlineLevel !== was.outlineLevel) {
    const lvl = now.outlineLevel !== undefined && now.outlineLevel >= 0 && now.outlineLevel < 9 ? now.outlineLevel : 9;
    out.push({ name: "w:outlineLvl", attrs: { "w:val": String(lvl) } });
  }
  const bdr = pBdrWanted(was, now, xml, el);
  if (bdr !== undefined) out.push({ name: "w:pBdr", attrs: {}, inner: bdr });
  return xml !== undefined && el ? changing(xml, el, "w:pPr", out) : out;
}

/**
 * `wanted` without what the properties element of `parent` already says: a child whose attributes
 * all read as wanted (or, to be removed, are absent), a w:pBdr with the same content, a w:ind that
 * would only lose attributes it does not have. The model does not know every property the file
 * states (the reader reads no left or right indent, colour or border), so a value set again must
 * not count as a change.
 */
export function changing(xml: string, parent: SpanElement, propsName: string, wanted: Wanted[]): Wanted[] {
  const props = spanChild(parent, propsName);
  return wanted.filter((w) => {
    const existing = props && !props.selfClosing ? spanChild(props, w.name) : undefined;
    if (w.inner !== undefined) return !existing || existing.selfClosing || xml.slice(existing.openEnd, existing.closeStart) !== w.inner;
    // A missing toggle (<w:b/>) is set by its mere presence; a missing w:ind has no attribute to remove.
    if (!existing) return w.name !== "w:ind" || Object.values(w.attrs).some((v) => v !== undefined);
    return Object.entries(w.attrs).some(([k, v]) => attrValue(xml, existing, k) !== v);
  });
}

/** The XML of a properties element of `parent` (w:rPr / w:pPr) with `wanted` set: empty when none and nothing to set. */
export function propsXml(xml: string, parent: SpanElement, name: string, order: string[], wanted: Wanted[]): string {
  const props = spanChild(parent, name);
  if (wanted.length === 0) return props ? xml.slice(props.start, props.end) : "";
  const splices = setProps(xml, parent, name, order, wanted);
  if (!props || props.selfClosing) return splices[0]?.text ?? "";
  return applySplices(
    xml.slice(props.start, props.end),
    splices.map((s) => ({ start: s.start - props.start, end: s.end - props.start, text: s.text })),
  );
}

/** Where a paragraph's content after its properties starts. */
export function contentStart(p: SpanElement): number {
  const pPr = spanChild(p, "w:pPr");
  return pPr ? pPr.end : p.openEnd;
}

export interface Located extends RunInfo {
  start: number;
  end: number;
}

/** Runs of a paragraph with their text offsets; undefined when they do not add up to the reader's text. */
export function locate(runs: RunInfo[], length: number): Located[] | undefined {
  let pos = 0;
  const out: Located[] = [];
  for (const r of runs) {
    out.push({ ...r, start: pos, end: pos + r.length });
    pos += r.length;
  }
  return pos === length ? out : undefined;
}

/**
 * Splices for a paragraph of the file whose text already reads as the model's: paragraph and run
 * properties, run cuts, comment anchors. `exact` is false when some run could not be given the
 * formats the model has for it: the runs do not add up to the text and the formats vary, or a
 * format bound falls inside a run that holds more than one plain w:t (it cannot be cut there).
 */
export function keptParagraphSplices(
  xml: string,
  el: SpanElement,
  runs: RunInfo[],
  was: Paragraph,
  now: Paragraph,
  comments: readonly NumberedComment[],
  collapsed?: RunFormat,
): { splices: Splice[]; formatted: boolean; exact: boolean } {
  const out: Splice[] = [];
  let exact = true;
  const fmt = (x: number) => effective(formatOf(now.runs, x), collapsed);
  const pw = paraWanted(was, now, xml, el);
  let formatted = pw.length > 0;
  if (pw.length) out.push(...setProps(xml, el, "w:pPr", PPR_ORDER, pw));
  const located = locate(runs, was.text.length);
  const ranges = comments.map(({ id, c }) => ({ id, range: commentRange(c, now.text.length) }));
  const texty = (located ?? []).filter((r) => r.length > 0);
  if (!located || texty.length === 0) {
    // Offsets not trusted (or no text): formats only where the model is uniform, comments on the whole paragraph.
    const uniform = now.runs.length > 0 && now.runs.every((r) => sameFormat(r, now.runs[0])) ? now.runs[0] : undefined;
    // Exact only when no run changes, or one uniform format goes on runs that were uniform too.
    if (!located) {
      const wasUniform = was.runs.every((r) => sameFormat(r, was.runs[0]));
      const changes = now.runs.some((r) => runWanted(formatOf(was.runs, r.start), effective(r, collapsed)).length > 0);
      exact = !changes || (uniform !== undefined && wasUniform);
    }
    if (uniform) for (const r of runs) {
      if (r.length === 0) continue;
      const w = changing(xml, r.el, "w:rPr", runWanted(formatOf(was.runs, 0), effective(uniform, collapsed)));
      if (w.length) out.push(...setProps(xml, r.el, "w:rPr", RPR_ORDER, w));
      formatted ||= w.length > 0;
    }
    if (ranges.length) {
      const whole = ranges.map(({ id }) => ({ id, range: [0, 1] as [number, number] }));
      const first = runs[0]?.el.start ?? contentStart(el);
      const last = runs[runs.length - 1]?.el.end ?? el.closeStart;
      if (runs.length === 0) {
        out.push({ start: el.closeStart, end: el.closeStart, text: commentMarks(ranges.map(({ id }) => ({ id, range: [0, 0] as [number, number] })), 0) });
      } else {
        out.push({ start: first, end: first, text: commentMarks(whole, 0) }, { start: last, end: last, text: commentMarks(whole, 1) });
      }
    }
    return { splices: out, formatted, exact };
  }
  const length = now.text.length;
  const startsAt = new Map<number, number>();
  const endsAt = new Map<number, number>();
  // Where an anchor at a text offset goes: before the run starting there, after the run ending there.
  for (const r of texty) {
    if (!startsAt.has(r.start)) startsAt.set(r.start, r.el.start);
    endsAt.set(r.end, r.el.end);
  }
  const marksDone = new Set<number>();
  /** Anchor points inside a run that is cut there. */
  const inner = new Set<number>();
  // Every offset where a run may have to be cut: a format bound of the model, a comment bound.
  const bounds: number[] = [];
  for (let k = 1; k < now.runs.length; k++) {
    if (!sameFormat(effective(now.runs[k - 1], collapsed), effective(now.runs[k], collapsed))) bounds.push(now.runs[k].start);
  }
  for (const { range } of ranges) bounds.push(range[0], range[1]);
  bounds.sort((a, b) => a - b);
  let next = 0;
  for (const r of texty) {
    // Runs come in text order: one walk over the bounds for the whole paragraph.
    while (next < bounds.length && bounds[next] <= r.start) next++;
    const cuts = new Set<number>();
    for (let k = next; k < bounds.length && bounds[k] < r.end; k++) cuts.add(bounds[k]);
    const was0 = formatOf(was.runs, r.start);
    if (cuts.size === 0 || !r.soleText) {
      if (cuts.size > 0 && [...cuts].some((c) => !sameFormat(fmt(c), fmt(r.start)))) exact = false;
      const w = changing(xml, r.el, "w:rPr", runWanted(was0, fmt(r.start)));
      if (w.length) out.push(...setProps(xml, r.el, "w:rPr", RPR_ORDER, w));
      formatted ||= w.length > 0;
      continue;
    }
    // One run per piece, same properties otherwise; anchors between the pieces.
    const t = r.soleText;
    const raw = xml.slice(t.openEnd, t.closeStart);
    const tOpen = rewriteStartTag(xml, t, { "xml:space": "preserve" });
    const open = xml.slice(r.el.start, r.el.openEnd);
    const points = [r.start, ...[...cuts].sort((a, b) => a - b), r.end];
    let pieces = "";
    for (let k = 0; k + 1 < points.length; k++) {
      const a = points[k];
      const b = points[k + 1];
      if (k > 0) {
        pieces += commentMarks(ranges, a);
        inner.add(a);
      }
      const w = runWanted(was0, fmt(a));
      formatted ||= w.length > 0;
      const rPr = propsXml(xml, r.el, "w:rPr", RPR_ORDER, w);
      const ra = rawOffset(raw, a - r.start);
      const rb = b >= r.end ? raw.length : rawOffset(raw, b - r.start);
      pieces += `${open}${rPr}${tOpen}${raw.slice(ra, rb)}</w:t></w:r>`;
    }
    out.push({ start: r.el.start, end: r.el.end, text: pieces });
  }
  // Anchors at run bounds; one inside a run that could not be cut goes to that run's bounds.
  const points = new Set<number>();
  for (const { range } of ranges) points.add(range[0]).add(range[1]);
  for (const at of [...points].sort((a, b) => a - b)) {
    if (inner.has(at) || marksDone.has(at)) continue;
    marksDone.add(at);
    const ending = ranges.filter(({ range }) => range[1] === at && range[0] < at);
    const starting = ranges.filter(({ range }) => range[0] === at);
    if (ending.length) {
      let pos = endsAt.get(at);
      if (pos === undefined) pos = (texty.find((r) => r.start < at && at <= r.end) ?? texty[texty.length - 1]).el.end;
      out.push({ start: pos, end: pos, text: commentMarks(ending, at) });
    }
    if (starting.length) {
      let pos = startsAt.get(at);
      if (pos === undefined) pos = at >= length ? texty[texty.length - 1].el.end : (texty.find((r) => r.start <= at && at < r.end) ?? texty[0]).el.start;
      out.push({ start: pos, end: pos, text: commentMarks(starting, at) });
    }
  }
  return { splices: out, formatted, exact };
}

/**
 * Splices for a section: its page size and margins set to the model's (`page`, when the preview
 * changed them) and, with `footers`, our page-number footers referred to in place of its own
 * (formatDocx's pageNumberPlan decided they are empty) with the footer distance that centres them.
 * With `was` (the section as read), only the values that differ are written, so a margin nobody
 * changed keeps its twips as they were (mm to twips and back may round); a missing w:pgMar is
 * still written whole (all its attributes are required).
 */
export function sectionPageSplices(
  xml: string,
  s: SpanElement,
  page: Section | undefined,
  footers: SectionFooters | undefined,
  footerTwips: number,
  was?: Section,
): Splice[] {
  const pgMar = spanChild(s, "w:pgMar");
  const wanted: Wanted[] = [];
  if (page) {
    const set = (k: keyof Section, attr: string, always: boolean): Record<string, string> =>
      always || !was || was[k] !== page[k] ? { [attr]: String(mmTwips(page[k] as number)) } : {};
    const size = { ...set("pageWidthMm", "w:w", !spanChild(s, "w:pgSz")), ...set("pageHeightMm", "w:h", !spanChild(s, "w:pgSz")) };
    if (Object.keys(size).length) wanted.push({ name: "w:pgSz", attrs: size });
    const margins = {
      ...set("marginTopMm", "w:top", !pgMar),
      ...set("marginBottomMm", "w:bottom", !pgMar),
      ...set("marginLeftMm", "w:left", !pgMar),
      ...set("marginRightMm", "w:right", !pgMar),
      ...(pgMar ? {} : { "w:header": "851", "w:footer": "992", "w:gutter": "0" }),
      ...(footers ? { "w:footer": String(footerTwips) } : {}),
    };
    if (Object.keys(margins).length) wanted.push({ name: "w:pgMar", attrs: margins });
  } else if (footers && pgMar) wanted.push({ name: "w:pgMar", attrs: { "w:footer": String(footerTwips) } });
  const out: Splice[] = [];
  if (footers && !s.selfClosing) {
    // References come first in a sectPr; the section's own (empty) footers give way to ours.
    const after = s.children.find((c) => c.name !== "w:headerReference" && c.name !== "w:footerReference");
    const at = after ? after.start : s.closeStart;
    out.push({ start: at, end: at, text: footers.refs(s) });
    for (const c of s.children) if (c.name === "w:footerReference") out.push({ start: c.start, end: c.end, text: "" });
  }
  if (wanted.length) {
    // setProps edits the w:sectPr child of a parent: a stand-in parent holding just this one.
    const mine = setProps(xml, { ...s, name: "#wrap", children: [s] } as SpanElement, "w:sectPr", SECTPR_ORDER, wanted);
    if (footers && s.selfClosing) mine[0].text = mine[0].text.replace(/^<w:sectPr>/, `<w:sectPr>${footers.refs(s)}`);
    out.push(...mine);
  } else if (footers && s.selfClosing) {
    out.push({ start: s.start, end: s.end, text: `<w:sectPr>${footers.refs(s)}</w:sectPr>` });
  }
  return out;
}

export function samePage(a: Section | undefined, b: Section | undefined): boolean {
  if (!a || !b) return a === b;
  return (
    a.pageWidthMm === b.pageWidthMm &&
    a.pageHeightMm === b.pageHeightMm &&
    a.marginTopMm === b.marginTopMm &&
    a.marginBottomMm === b.marginBottomMm &&
    a.marginLeftMm === b.marginLeftMm &&
    a.marginRightMm === b.marginRightMm
  );
}

