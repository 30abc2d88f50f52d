/**
 * One-click formatting (一键排版) of an existing .docx: fonts, sizes, indent, alignment and line
 * spacing by detected level (title, 一、 （一） 1. （1）, body), the page setup of every section,
 * and our named styles added to styles.xml. The text is never touched: word/document.xml is
 * edited by splicing small strings at element offsets, so every w:t stays byte-identical
 * (except where a run-in heading 「（一）加强学习。要……」 has its heading part split off into
 * a run of its own — the characters are still the same).
 *
 * Which paragraph is what comes from the reader (readDocx → paragraphRole); the body paragraphs
 * of document.xml are walked in the reader's order (tables in, text boxes and deleted text
 * out), and the two counts must agree or nothing is changed.
 */
import type { DocModel } from "../model";
import { formatSegments, paragraphRole, type FormatSegment, type ParagraphRole } from "../format/levels";
import { buildOutline } from "../numbering/outline";
import type { FormatSpec } from "../profiles";
import { readDocx } from "../reader";
import { MESSAGES, ReaderError } from "../reader/errors";
import { decodeXmlBytes } from "../reader/package";
import { XmlError, decodeEntities, parseXml, children as xChildren } from "../reader/xml";
import { BoundedZip } from "../reader/zip";
import { PPR_ORDER, RPR_ORDER, SECTPR_ORDER } from "./schemaOrder";
import { STYLE_DEFS, indAttrs, lineTwips, pageTwips, paraFormat, pBdrInner, runFormat, styleXml, type ParaFormat, type RunFormat } from "./formats";
import { roleFormat, type Role } from "../format/roles";
import { elementPlace, type ElementPlace } from "../format/elements";
import { applySplices, attrValue, escapeAttr, parseSpans, rawAttrs, rewriteStartTag, spanChild, type SpanElement, type Splice, followFieldChar } from "./xmlspan";
import {
  EVEN_AND_ODD_XML,
  footerAligns,
  footerDistanceTwips,
  footerHasContent,
  footerPartXml,
  settingsChildAfterEvenAndOdd,
  type FooterAlign,
} from "../format/pageNumbers";
import { repackZip } from "./zipRepack";
import { frameBanji } from "./banji";

export interface FormatResult {
  bytes: Uint8Array;
  /** Body paragraphs whose formatting changed. */
  changed: number;
  /**
   * 页码: "added" — our footers were written; "kept" — the document's footers hold something of
   * their own (a page number, text, a picture) and were left alone; "off" — the profile writes none.
   */
  pageNumbers: "added" | "kept" | "off";
}

/** Raised when the document's structure does not let us format it safely; the message is Chinese. */
export class FormatError extends Error {}

export { PPR_ORDER, RPR_ORDER, SECTPR_ORDER };

function orderIndex(order: string[], name: string): number {
  const k = order.indexOf(name);
  return k < 0 ? order.length : k;
}

/** A child element of pPr / rPr / sectPr as we want it: its attributes, or its whole content. */
export type Wanted = { name: string; attrs: Record<string, string | undefined>; inner?: string };

/**
 * Splices that make `el` (pPr / rPr / sectPr) hold the given children: an existing child has
 * its start tag's attributes changed, a missing one is inserted at its schema position.
 */
function setChildren(
  xml: string,
  el: SpanElement,
  order: string[],
  wanted: Wanted[],
  out: Splice[],
): void {
  // In the schema's order: children inserted at one place (before the same existing child, or at
  // the end) come out in the order they are spliced, and Word refuses a w:pPr out of sequence.
  for (const w of [...wanted].sort((a, b) => orderIndex(order, a.name) - orderIndex(order, b.name))) {
    const existing = spanChild(el, w.name);
    // A child with content of its own (w:pBdr) is written whole.
    if (w.inner !== undefined) {
      const whole = `<${w.name}>${w.inner}</${w.name}>`;
      if (existing) out.push({ start: existing.start, end: existing.end, text: whole });
      else {
        const rank = orderIndex(order, w.name);
        const before = el.children.find((c) => orderIndex(order, c.name) > rank && order.includes(c.name));
        const at = before ? before.start : el.closeStart;
        out.push({ start: at, end: at, text: whole });
      }
      continue;
    }
    if (existing) {
      out.push({ start: existing.start, end: existing.openEnd, text: rewriteStartTag(xml, existing, w.attrs) });
      continue;
    }
    const rank = orderIndex(order, w.name);
    const before = el.children.find((c) => orderIndex(order, c.name) > rank && order.includes(c.name));
    const at = before ? before.start : el.closeStart;
    const attrs = Object.entries(w.attrs)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => `${k}="${escapeAttr(v as string)}"`)
      .join(" ");
    out.push({ start: at, end: at, text: `<${w.name}${attrs ? " " + attrs : ""}/>` });
  }
}

/** The same edits for an element that may be missing or self-closing: returns the splices. */
export function setProps(
  xml: string,
  parent: SpanElement,
  propsName: string,
  order: string[],
  wanted: Wanted[],
): Splice[] {
  const out: Splice[] = [];
  const props = spanChild(parent, propsName);
  if (!props || props.selfClosing) {
    const inner = wanted
      .slice()
      .sort((a, b) => orderIndex(order, a.name) - orderIndex(order, b.name))
      .map((w) => {
        if (w.inner !== undefined) return `<${w.name}>${w.inner}</${w.name}>`;
        const attrs = Object.entries(w.attrs)
          .filter(([, v]) => v !== undefined)
          .map(([k, v]) => `${k}="${escapeAttr(v as string)}"`)
          .join(" ");
        return `<${w.name}${attrs ? " " + attrs : ""}/>`;
      })
      .join("");
    const text = `<${propsName}>${inner}</${propsName}>`;
    if (props) out.push({ start: props.start, end: props.end, text });
    else out.push({ start: parent.openEnd, end: parent.openEnd, text });
    return out;
  }
  setChildren(xml, props, order, wanted, out);
  return out;
}

function pPrWanted(pf: ParaFormat, outline: boolean): Wanted[] {
  const wanted: Wanted[] = [
    { name: "w:spacing", attrs: { "w:line": String(pf.line), "w:lineRule": "exact" } as Record<string, string | undefined> },
    {
      name: "w:ind",
      // The house style's indents (right and hanging only where a role has them); stray ones are dropped.
      attrs: indAttrs(pf),
    },
    { name: "w:jc", attrs: { "w:val": pf.jc } as Record<string, string | undefined> },
  ];
  if (outline && pf.outlineLvl !== undefined) wanted.push({ name: "w:outlineLvl", attrs: { "w:val": String(pf.outlineLvl) } });
  // The 版头 and 版记 separator lines (GB/T 9704 7.2.7, 7.4.1).
  const bdr = pBdrInner(pf);
  if (bdr) wanted.push({ name: "w:pBdr", attrs: {}, inner: bdr });
  return wanted;
}

function rPrWanted(rf: RunFormat): Wanted[] {
  const sz = String(rf.sizeHalfPt);
  const wanted: Wanted[] = [
    {
      name: "w:rFonts",
      attrs: {
        "w:ascii": rf.latin,
        "w:hAnsi": rf.latin,
        "w:eastAsia": rf.eastAsia,
        // A theme font wins over a named one: drop the theme references we replace.
        "w:asciiTheme": undefined,
        "w:hAnsiTheme": undefined,
        "w:eastAsiaTheme": undefined,
      },
    },
    { name: "w:sz", attrs: { "w:val": sz } },
    { name: "w:szCs", attrs: { "w:val": sz } },
  ];
  // Bold only where the profile states it: a clerk's emphasis in body text stays.
  if (rf.bold !== undefined) {
    const val = rf.bold ? undefined : "0";
    wanted.push({ name: "w:b", attrs: { "w:val": val } }, { name: "w:bCs", attrs: { "w:val": val } });
  }
  if (rf.color !== undefined) wanted.push({ name: "w:color", attrs: { "w:val": rf.color, "w:themeColor": undefined } });
  return wanted;
}

// ---------------------------------------------------------------------------
// Walking document.xml in the reader's order

const INLINE_THROUGH = new Set(["w:hyperlink", "w:smartTag", "w:customXml", "w:ins", "w:moveTo", "w:fldSimple", "w:dir", "w:bdo", "w:sdtContent"]);
const BLOCK_THROUGH = new Set(["w:customXml", "w:ins", "w:moveTo", "w:sdtContent"]);

function branch(el: SpanElement): SpanElement | undefined {
  return spanChild(el, "mc:Choice") ?? spanChild(el, "mc:Fallback");
}

/** Body paragraphs in the reader's order (src/core/reader/document.ts DocReader.blocks). */
function bodyParagraphs(body: SpanElement): SpanElement[] {
  const out: SpanElement[] = [];
  const blocks = (container: SpanElement) => {
    for (const c of container.children) {
      if (c.name === "w:p") out.push(c);
      else if (c.name === "w:tbl") tableRows(c);
      else if (c.name === "w:sdt") blocks(spanChild(c, "w:sdtContent") ?? c);
      else if (c.name === "mc:AlternateContent") {
        const b = branch(c);
        if (b) blocks(b);
      } else if (BLOCK_THROUGH.has(c.name)) blocks(c);
    }
  };
  const cellWrapper = (el: SpanElement) => {
    const content = el.name === "w:sdt" ? spanChild(el, "w:sdtContent") : el;
    if (!content) return;
    for (const c of content.children) {
      if (c.name === "w:tc") blocks(c);
      else if (c.name === "w:sdt" || c.name === "w:customXml") cellWrapper(c);
    }
  };
  const tableRows = (el: SpanElement) => {
    for (const c of el.children) {
      if (c.name === "w:tr") {
        for (const tc of c.children) {
          if (tc.name === "w:tc") blocks(tc);
          else if (tc.name === "w:sdt" || tc.name === "w:customXml") cellWrapper(tc);
        }
      } else if (c.name === "w:sdt") {
        const content = spanChild(c, "w:sdtContent");
        if (content) tableRows(content);
      } else if (c.name === "w:customXml") tableRows(c);
    }
  };
  blocks(body);
  return out;
}

/** The runs of a paragraph the reader reads, in order. */
export function paragraphRuns(p: SpanElement): SpanElement[] {
  const out: SpanElement[] = [];
  const inline = (el: SpanElement) => {
    for (const c of el.children) {
      if (c.name === "w:r") out.push(c);
      else if (c.name === "w:sdt") {
        const sc = spanChild(c, "w:sdtContent");
        if (sc) inline(sc);
      } else if (c.name === "mc:AlternateContent") {
        const b = branch(c);
        if (b) inline(b);
      } else if (INLINE_THROUGH.has(c.name)) inline(c);
    }
  };
  inline(p);
  return out;
}

/** Every w:sectPr of the body (body-level and in paragraph properties), not those in change records. */
export function sectPrs(el: SpanElement, out: SpanElement[] = []): SpanElement[] {
  for (const c of el.children) {
    if (c.name === "w:sectPr") out.push(c);
    else if (c.name !== "w:sectPrChange" && c.name !== "w:pPrChange" && c.name !== "w:txbxContent") sectPrs(c, out);
  }
  return out;
}

export interface RunInfo {
  el: SpanElement;
  /** Characters the run adds to Paragraph.text. */
  length: number;
  /** The run's single w:t when it holds nothing else but its properties (so it can be split). */
  soleText?: SpanElement;
}

/** Field state of the body story, as the reader keeps it. */
export type Fields = Array<{ inInstruction: boolean }>;

function symLength(xml: string, el: SpanElement): number {
  const code = parseInt(attrValue(xml, el, "w:char") ?? "", 16);
  if (!Number.isFinite(code) || code <= 0) return 0;
  return code > 0xffff ? 2 : 1;
}

/** What each run contributes to the paragraph's text, mirroring the reader. */
export function runInfo(xml: string, run: SpanElement, fields: Fields): RunInfo {
  let length = 0;
  const inInstruction = () => fields.some((f) => f.inInstruction);
  const content = (el: SpanElement) => {
    for (const c of el.children) {
      switch (c.name) {
        case "w:t":
          if (!inInstruction()) length += decodeEntities(xml.slice(c.openEnd, c.closeStart)).length;
          break;
        case "w:tab":
        case "w:ptab":
        case "w:cr":
        case "w:noBreakHyphen":
          if (!inInstruction()) length += 1;
          break;
        case "w:br": {
          const type = attrValue(xml, c, "w:type");
          if (!inInstruction() && (type === undefined || type === "textWrapping")) length += 1;
          break;
        }
        case "w:sym":
          if (!inInstruction()) length += symLength(xml, c);
          break;
        case "w:fldChar":
          followFieldChar(xml, c, fields);
          break;
        case "mc:AlternateContent": {
          const b = branch(c);
          if (b) content(b);
          break;
        }
      }
    }
  };
  content(run);
  const info: RunInfo = { el: run, length };
  const kids = run.children.filter((c) => c.name !== "w:rPr");
  const t = kids.length === 1 && kids[0].name === "w:t" ? kids[0] : undefined;
  if (t && !xml.slice(t.openEnd, t.closeStart).includes("<")) info.soleText = t;
  return info;
}

/** Offset in the raw (escaped) content `raw` after `chars` decoded characters. */
export function rawOffset(raw: string, chars: number): number {
  let j = 0;
  let n = 0;
  while (j < raw.length && n < chars) {
    if (raw[j] === "&") {
      const semi = raw.indexOf(";", j);
      const dec = semi > j ? decodeEntities(raw.slice(j, semi + 1)) : "&";
      if (semi > j && dec !== raw.slice(j, semi + 1)) {
        n += dec.length;
        j = semi + 1;
        continue;
      }
    }
    n++;
    j++;
  }
  return j;
}

// ---------------------------------------------------------------------------

const FORMATTED: ReadonlySet<ParagraphRole> = new Set<ParagraphRole>([
  "title", "salutation", "level1", "level2", "level3", "level4", "body",
  // The 公文 elements (core/format/elements.ts).
  "copyNo", "secret", "urgency", "issuer", "docNo", "signer", "signerName", "attachment", "signature", "date", "note", "copyTo", "printer",
]);

/** The house-style role of a detected role that is formatted (FORMATTED). */
function formattedRole(role: ParagraphRole): Role {
  return FORMATTED.has(role) ? (role as Role) : "body";
}

/** Splices that set a run's properties (the run element's rPr). */
function runSplices(xml: string, run: SpanElement, rf: RunFormat): Splice[] {
  return setProps(xml, run, "w:rPr", RPR_ORDER, rPrWanted(rf));
}

/** `runXml` (the text of `run`) with its rPr set to `rf`. */
function restyledRun(xml: string, run: SpanElement, rf: RunFormat): string {
  const local = runSplices(xml, run, rf).map((s) => ({ start: s.start - run.start, end: s.end - run.start, text: s.text }));
  return applySplices(xml.slice(run.start, run.end), local);
}

function segmentAt(segments: FormatSegment[], offset: number): FormatSegment {
  for (const s of segments) if (offset >= s.start && offset < s.end) return s;
  return segments[segments.length - 1];
}

function paragraphSplices(
  xml: string,
  p: SpanElement,
  runs: RunInfo[],
  textLength: number,
  role: ParagraphRole,
  segments: FormatSegment[],
  spec: FormatSpec,
  place?: ElementPlace,
): Splice[] {
  // A run-in heading holds body text too: no outline level (the navigation pane would list the body).
  const standalone = segments.length <= 1;
  const out = setProps(xml, p, "w:pPr", PPR_ORDER, pPrWanted(paraFormat(roleFormat(spec, formattedRole(role), place)), standalone));
  const fmt = (r: ParagraphRole) => runFormat(roleFormat(spec, formattedRole(r)));
  const total = runs.reduce((n, r) => n + r.length, 0);
  // Offsets are trusted only when our count of the runs' text agrees with the reader's.
  const split = segments.length > 1 && total === textLength;
  let offset = 0;
  for (const r of runs) {
    const start = offset;
    const end = offset + r.length;
    offset = end;
    if (!split) {
      // Offsets not trusted: one format for the whole paragraph — the body's for a 「一是……。」
      // paragraph (accepted for its heading sentence too), else the paragraph's role's.
      out.push(...runSplices(xml, r.el, fmt(segments[0]?.bodyAccepted ? "body" : (segments[0]?.role ?? role))));
      continue;
    }
    const first = segmentAt(segments, start);
    if (end <= first.end || !r.soleText || r.length === 0) {
      out.push(...runSplices(xml, r.el, fmt(first.role)));
      continue;
    }
    // The run crosses a segment boundary: one run per segment, same properties otherwise.
    const t = r.soleText;
    const raw = xml.slice(t.openEnd, t.closeStart);
    const tOpen = rewriteStartTag(xml, t, { "xml:space": "preserve" });
    let pieces = "";
    let pos = start;
    let rawPos = 0;
    while (pos < end) {
      const seg = segmentAt(segments, pos);
      const upto = Math.min(end, seg.end);
      const rawEnd = upto >= end ? raw.length : rawOffset(raw, upto - start);
      const runXml = restyledRun(xml, r.el, fmt(seg.role));
      // Replace the w:t content inside the restyled run copy.
      const tStartInRun = runXml.lastIndexOf(xml.slice(t.start, t.openEnd));
      const tEndInRun = tStartInRun + (t.closeStart - t.start);
      pieces += runXml.slice(0, tStartInRun) + tOpen + raw.slice(rawPos, rawEnd) + runXml.slice(tEndInRun);
      rawPos = rawEnd;
      pos = upto;
    }
    out.push({ start: r.el.start, end: r.el.end, text: pieces });
  }
  return out;
}

/** What a section's w:sectPr gets for the page numbers (see PageNumberPlan). */
export interface SectionFooters {
  /** The w:footerReference / w:headerReference elements to add. */
  refs: (s: SpanElement) => string;
  footerTwips: number;
}

export function sectionSplices(xml: string, s: SpanElement, spec: FormatSpec, footers?: SectionFooters): Splice[] {
  const t = pageTwips(spec);
  const pgSz = spanChild(s, "w:pgSz");
  const landscape = pgSz !== undefined && attrValue(xml, pgSz, "w:orient") === "landscape";
  // GB/T 9704 pages are portrait; a landscape section (a wide table) keeps its orientation.
  const [w, h] = landscape ? [t.h, t.w] : [t.w, t.h];
  const wanted = [
    { name: "w:pgSz", attrs: { "w:w": String(w), "w:h": String(h) } },
    {
      name: "w:pgMar",
      attrs: {
        "w:top": String(t.top),
        "w:bottom": String(t.bottom),
        "w:left": String(t.left),
        "w:right": String(t.right),
        ...(spanChild(s, "w:pgMar") ? {} : { "w:header": "851", "w:footer": "992", "w:gutter": "0" }),
        ...(footers ? { "w:footer": String(footers.footerTwips) } : {}),
      },
    },
    { name: "w:docGrid", attrs: { "w:type": "lines", "w:linePitch": String(lineTwips(spec)) } },
  ];
  if (s.selfClosing) {
    const out = setProps(xml, { ...s, name: "#wrap", children: [s] } as SpanElement, "w:sectPr", SECTPR_ORDER, wanted);
    // References come first in a sectPr: right after the new start tag.
    if (footers) out[0].text = out[0].text.replace(/^<w:sectPr>/, `<w:sectPr>${footers.refs(s)}`);
    return out;
  }
  const out: Splice[] = [];
  if (footers) {
    // Our footers replace the section's (which are empty: see pageNumberPlan); headers stay. The
    // references go first (a child inserted at the same offset below must follow them).
    const after = s.children.find((c) => c.name !== "w:headerReference" && c.name !== "w:footerReference");
    const at = after ? after.start : s.closeStart;
    out.push({ start: at, end: at, text: footers.refs(s) });
    for (const c of s.children) if (c.name === "w:footerReference") out.push({ start: c.start, end: c.end, text: "" });
  }
  setChildren(xml, s, SECTPR_ORDER, wanted, out);
  return out;
}

// ---------------------------------------------------------------------------
// Package handling

/**
 * The parts of the package: read (inflated under the reader's caps) only when asked for, and
 * written back with every part we did not change copied compressed.
 */
export class Parts {
  private zip: BoundedZip;
  private cache = new Map<string, Uint8Array>();
  private changed = new Map<string, { name: string; bytes: Uint8Array }>();

  constructor(bytes: Uint8Array) {
    this.zip = new BoundedZip(bytes);
  }

  /** The stored name of a part (case-insensitive), or undefined. */
  find(name: string): string | undefined {
    const key = name.toLowerCase();
    if (this.changed.has(key)) return key;
    return this.zip.entry(name) ? key : undefined;
  }

  get(name: string): Uint8Array {
    const key = name.toLowerCase();
    const done = this.changed.get(key)?.bytes ?? this.cache.get(key);
    if (done) return done;
    const bytes = this.zip.read(key);
    if (!bytes) throw new ReaderError("corrupt", MESSAGES.corrupt);
    this.cache.set(key, bytes);
    return bytes;
  }

  set(name: string, bytes: Uint8Array): void {
    this.changed.set(name.toLowerCase(), { name, bytes });
  }

  toZip(): Uint8Array {
    return repackZip(this.zip, new Map([...this.changed.values()].map((c) => [c.name, c.bytes])));
  }
}

function resolve(dir: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const parts = (dir ? dir.split("/") : []).concat(target.split("/"));
  const out: string[] = [];
  for (const seg of parts) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}

function relsOf(files: Parts, part: string): { name: string; rels: Array<{ type: string; target: string }> } {
  const slash = part.lastIndexOf("/");
  const dir = slash < 0 ? "" : part.slice(0, slash);
  const name = `${dir ? dir + "/" : ""}_rels/${part.slice(slash + 1)}.rels`;
  const real = files.find(name);
  if (!real) return { name, rels: [] };
  const root = parseXml(decodeXmlBytes(files.get(real)));
  const rels = xChildren(root, "Relationship").map((r) => ({
    type: r.attrs.Type ?? "",
    target: r.attrs.TargetMode === "External" ? "" : resolve(dir, r.attrs.Target ?? ""),
  }));
  return { name: real, rels };
}

function isUtf16(b: Uint8Array): boolean {
  return b.length >= 2 && ((b[0] === 0xff && b[1] === 0xfe) || (b[0] === 0xfe && b[1] === 0xff));
}

export function encodeLike(original: Uint8Array, s: string): Uint8Array {
  if (!isUtf16(original)) return new TextEncoder().encode(s);
  const be = original[0] === 0xfe;
  const body = s.charCodeAt(0) === 0xfeff ? s.slice(1) : s;
  const out = new Uint8Array(2 + body.length * 2);
  out[0] = be ? 0xfe : 0xff;
  out[1] = be ? 0xff : 0xfe;
  for (let i = 0; i < body.length; i++) {
    const c = body.charCodeAt(i);
    out[2 + i * 2] = be ? c >> 8 : c & 0xff;
    out[3 + i * 2] = be ? c & 0xff : c >> 8;
  }
  return out;
}

const STYLES_TYPE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles";

/** Adds our named styles to styles.xml when a style of that name is missing (creates the part if needed). */
function addStyles(files: Parts, mainPart: string, spec: FormatSpec): void {
  const { name: relsName, rels } = relsOf(files, mainPart);
  const rel = rels.find((r) => r.type.endsWith("/styles"));
  const stylesName = rel ? files.find(rel.target) : undefined;
  if (stylesName) {
    const bytes = files.get(stylesName);
    const xml = decodeXmlBytes(bytes);
    const root = parseSpans(xml);
    const names = new Set<string>();
    const ids = new Set<string>();
    for (const s of root.children) {
      if (s.name !== "w:style") continue;
      const id = attrValue(xml, s, "w:styleId");
      if (id) ids.add(id);
      const n = attrValue(xml, spanChild(s, "w:name"), "w:val");
      if (n) names.add(n);
    }
    const missing = STYLE_DEFS.filter((d) => !names.has(d.name) && !ids.has(d.id));
    if (missing.length === 0 || root.selfClosing) return;
    const add = missing.map((d) => styleXml(spec, d)).join("");
    files.set(stylesName, encodeLike(bytes, applySplices(xml, [{ start: root.closeStart, end: root.closeStart, text: add }])));
    return;
  }
  // No styles part: create one and register it.
  const slash = mainPart.lastIndexOf("/");
  const dir = slash < 0 ? "" : mainPart.slice(0, slash + 1);
  const partName = `${dir}styles.xml`;
  files.set(
    partName,
    new TextEncoder().encode(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:styles xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">' +
        STYLE_DEFS.map((d) => styleXml(spec, d)).join("") +
        "</w:styles>",
    ),
  );
  const relEntry = `<Relationship Id="rIdBiganziStyles" Type="${STYLES_TYPE}" Target="styles.xml"/>`;
  const realRels = files.find(relsName);
  if (realRels) {
    const rb = files.get(realRels);
    const rx = decodeXmlBytes(rb);
    const end = rx.lastIndexOf("</Relationships>");
    if (end >= 0) files.set(realRels, encodeLike(rb, rx.slice(0, end) + relEntry + rx.slice(end)));
  } else {
    files.set(
      relsName,
      new TextEncoder().encode(
        `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${relEntry}</Relationships>`,
      ),
    );
  }
  const ctName = files.find("[Content_Types].xml");
  if (ctName) {
    const cb = files.get(ctName);
    const ct = decodeXmlBytes(cb);
    const end = ct.lastIndexOf("</Types>");
    if (end >= 0) {
      const ov = `<Override PartName="/${partName}" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"/>`;
      files.set(ctName, encodeLike(cb, ct.slice(0, end) + ov + ct.slice(end)));
    }
  }
}

// ---------------------------------------------------------------------------
// 页码 (core/format/pageNumbers.ts): footer parts, their references, settings.xml

const REL_BASE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const R_NS = REL_BASE;
const WML_CT = "application/vnd.openxmlformats-officedocument.wordprocessingml";

/** The relationships of a part with their ids (internal targets resolved, external ones ""). */
export function relsWithIds(files: Parts, part: string): Array<{ id: string; type: string; target: string }> {
  const slash = part.lastIndexOf("/");
  const dir = slash < 0 ? "" : part.slice(0, slash);
  const real = files.find(`${dir ? dir + "/" : ""}_rels/${part.slice(slash + 1)}.rels`);
  if (!real) return [];
  return xChildren(parseXml(decodeXmlBytes(files.get(real))), "Relationship").map((r) => ({
    id: r.attrs.Id ?? "",
    type: r.attrs.Type ?? "",
    target: r.attrs.TargetMode === "External" ? "" : resolve(dir, r.attrs.Target ?? ""),
  }));
}

/** Appends `xml` before the closing tag `close` of a part, or writes `fresh` when the part is missing. */
export function appendToPart(files: Parts, name: string, close: string, xml: string, fresh: string): void {
  const real = files.find(name);
  if (!real) {
    files.set(name, new TextEncoder().encode(fresh));
    return;
  }
  const b = files.get(real);
  const text = decodeXmlBytes(b);
  const end = text.lastIndexOf(close);
  if (end < 0) throw new ReaderError("corrupt", MESSAGES.corrupt);
  files.set(real, encodeLike(b, text.slice(0, end) + xml + text.slice(end)));
}

function relsPartName(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${slash < 0 ? "" : part.slice(0, slash + 1)}_rels/${part.slice(slash + 1)}.rels`;
}

export function addRelationships(files: Parts, part: string, rels: Array<{ id: string; type: string; target: string }>): void {
  if (rels.length === 0) return;
  const xml = rels.map((r) => `<Relationship Id="${r.id}" Type="${REL_BASE}/${r.type}" Target="${escapeAttr(r.target)}"/>`).join("");
  appendToPart(
    files,
    relsPartName(part),
    "</Relationships>",
    xml,
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${xml}</Relationships>`,
  );
}

export function addOverrides(files: Parts, parts: Array<{ name: string; type: string }>): void {
  if (parts.length === 0 || !files.find("[Content_Types].xml")) return;
  const xml = parts.map((p) => `<Override PartName="/${escapeAttr(p.name)}" ContentType="${WML_CT}.${p.type}+xml"/>`).join("");
  appendToPart(files, "[Content_Types].xml", "</Types>", xml, "");
}

/** The r:id of a header/footer reference (whatever the prefix). */
function refId(xml: string, el: SpanElement): string | undefined {
  return attrValue(xml, el, "r:id") ?? rawAttrs(xml, el).find((a) => a.name.endsWith(":id"))?.raw;
}

function isOn(xml: string, el: SpanElement | undefined): boolean {
  if (!el) return false;
  const v = attrValue(xml, el, "w:val");
  return v === undefined || !["0", "false", "off"].includes(v);
}

/**
 * Page numbers for the document, or why not. The document's footers are looked at first: one
 * holding anything of its own (a page number, text, a picture) keeps them all as they are.
 * Otherwise our footer parts are added and every section refers to them; for odd/even pages
 * w:evenAndOddHeaders is switched on in settings.xml, and a section whose even pages showed its
 * default header gets an even header of the same content (else they would lose it). Parts read
 * here (footers, headers, settings) are ones the reader has read already, plus a header's rels.
 */
export function pageNumberPlan(
  files: Parts,
  mainPart: string,
  xml: string,
  root: SpanElement,
  sections: SpanElement[],
  spec: FormatSpec,
  splices: Splice[],
): { footers?: SectionFooters; result: FormatResult["pageNumbers"] } {
  const aligns = footerAligns(spec.pageNumbers);
  if (!aligns) return { result: "off" };
  const declared = attrValue(xml, root, "xmlns:r");
  if (declared !== undefined && declared !== R_NS) return { result: "kept" };
  const rels = relsWithIds(files, mainPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const partXml = (name: string | undefined) => {
    const real = name ? files.find(name) : undefined;
    return real ? decodeXmlBytes(files.get(real)) : undefined;
  };
  for (const s of sections) {
    for (const c of s.children) {
      if (c.name !== "w:footerReference") continue;
      const id = refId(xml, c);
      const footer = partXml(id === undefined ? undefined : byId.get(id)?.target);
      if (footer !== undefined && footerHasContent(footer)) return { result: "kept" };
    }
  }

  const settingsRel = rels.find((r) => r.type.endsWith("/settings") && r.target);
  const settingsName = settingsRel ? files.find(settingsRel.target) : undefined;
  const settingsXml = partXml(settingsName);
  let settingsRoot: SpanElement | undefined;
  try {
    settingsRoot = settingsXml === undefined ? undefined : parseSpans(settingsXml);
  } catch (e) {
    // Settings we cannot edit safely: the footers stay as they are rather than half-done.
    if (e instanceof XmlError) return { result: "kept" };
    throw e;
  }
  const evenOddBefore = isOn(settingsXml ?? "", spanChild(settingsRoot, "w:evenAndOddHeaders"));
  // Even pages need a footer of their own whenever odd/even headers are (or will be) on.
  const evenAlign = aligns.even ?? (evenOddBefore ? aligns.odd : undefined);
  const turnOn = aligns.even !== undefined && !evenOddBefore;

  const slash = mainPart.lastIndexOf("/");
  const dir = slash < 0 ? "" : mainPart.slice(0, slash + 1);
  const usedIds = new Set(rels.map((r) => r.id));
  const newId = (stem: string) => {
    let k = 1;
    while (usedIds.has(`rIdBiganzi${stem}${k}`)) k++;
    const id = `rIdBiganzi${stem}${k}`;
    usedIds.add(id);
    return id;
  };
  const newPart = (stem: string) => {
    let k = 1;
    while (files.find(`${dir}${stem}${k}.xml`)) k++;
    return `${stem}${k}.xml`;
  };
  const addedRels: Array<{ id: string; type: string; target: string }> = [];
  const overrides: Array<{ name: string; type: string }> = [];
  const addFooter = (align: FooterAlign): string => {
    const file = newPart("footerBiganzi");
    files.set(dir + file, new TextEncoder().encode(footerPartXml(align)));
    const id = newId("Footer");
    addedRels.push({ id, type: "footer", target: file });
    overrides.push({ name: dir + file, type: "footer" });
    return id;
  };
  const oddId = addFooter(aligns.odd);
  const evenId = evenAlign ? addFooter(evenAlign) : undefined;
  // A first page of its own (w:titlePg) is numbered too (GB/T 9704: every page but the 版记's).
  const firstId = sections.some((s) => isOn(xml, spanChild(s, "w:titlePg"))) ? addFooter(aligns.odd) : undefined;

  // Even headers for sections whose even pages showed the default header until now.
  const evenHeaderOf = new Map<string, string>();
  const evenHeaderFor = (s: SpanElement): string => {
    if (!turnOn) return "";
    const refs = s.children.filter((c) => c.name === "w:headerReference");
    if (refs.some((c) => attrValue(xml, c, "w:type") === "even")) return "";
    const dflt = refs.find((c) => (attrValue(xml, c, "w:type") ?? "default") === "default");
    const id = dflt ? refId(xml, dflt) : undefined;
    const target = id === undefined ? undefined : byId.get(id)?.target;
    const real = target ? files.find(target) : undefined;
    if (!target || !real) return "";
    let copyId = evenHeaderOf.get(target);
    if (!copyId) {
      const file = newPart("headerBiganziEven");
      files.set(dir + file, files.get(real));
      const hdrRels = files.find(relsPartName(target));
      if (hdrRels) files.set(relsPartName(dir + file), files.get(hdrRels));
      copyId = newId("Header");
      addedRels.push({ id: copyId, type: "header", target: file });
      overrides.push({ name: dir + file, type: "header" });
      evenHeaderOf.set(target, copyId);
    }
    return `<w:headerReference w:type="even" r:id="${copyId}"/>`;
  };

  // Decided (and the copies made) now: the relationships are written below, before the sections.
  const evenHeaders = new Map(sections.map((s) => [s, evenHeaderFor(s)]));
  const refs = (s: SpanElement): string =>
    (evenHeaders.get(s) ?? "") +
    `<w:footerReference w:type="default" r:id="${oddId}"/>` +
    (evenId ? `<w:footerReference w:type="even" r:id="${evenId}"/>` : "") +
    (firstId ? `<w:footerReference w:type="first" r:id="${firstId}"/>` : "");

  if (declared === undefined) {
    splices.push({ start: root.start, end: root.openEnd, text: rewriteStartTag(xml, root, { "xmlns:r": R_NS }) });
  }
  if (turnOn) {
    if (settingsXml !== undefined && settingsRoot && settingsName) {
      const existing = spanChild(settingsRoot, "w:evenAndOddHeaders");
      const at = existing ?? settingsRoot.children.find((c) => settingsChildAfterEvenAndOdd(c.name));
      const edit = existing
        ? { start: existing.start, end: existing.end, text: EVEN_AND_ODD_XML }
        : settingsRoot.selfClosing
          ? { start: settingsRoot.start, end: settingsRoot.end, text: `${settingsXml.slice(settingsRoot.start, settingsRoot.openEnd).replace(/\s*\/>$/, ">")}${EVEN_AND_ODD_XML}</w:settings>` }
          : { start: at ? at.start : settingsRoot.closeStart, end: at ? at.start : settingsRoot.closeStart, text: EVEN_AND_ODD_XML };
      files.set(settingsName, encodeLike(files.get(settingsName), applySplices(settingsXml, [edit])));
    } else {
      const file = newPart("settingsBiganzi");
      files.set(
        dir + file,
        new TextEncoder().encode(
          `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:settings xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${EVEN_AND_ODD_XML}</w:settings>`,
        ),
      );
      addedRels.push({ id: newId("Settings"), type: "settings", target: file });
      overrides.push({ name: dir + file, type: "settings" });
    }
  }
  addRelationships(files, mainPart, addedRels);
  addOverrides(files, overrides);
  return { footers: { refs, footerTwips: footerDistanceTwips(spec) }, result: "added" };
}

function mainPartName(files: Parts): string | undefined {
  const { rels } = relsOf(files, "");
  const rel = rels.find((r) => r.type.endsWith("/officeDocument"));
  const byRel = rel ? files.find(rel.target) : undefined;
  return byRel ?? files.find("word/document.xml");
}

/** The main document part of a .docx, parsed for splicing, with its body paragraphs. */
export interface MainPart {
  files: Parts;
  mainPart: string;
  original: Uint8Array;
  xml: string;
  root: SpanElement;
  body: SpanElement;
  paras: SpanElement[];
}

/**
 * Opens the main part of `bytes` for splicing (format and fix). The reader has read these parts
 * under its caps already; only they are inflated again. Throws ReaderError for a package that is
 * not a .docx or whose document XML is broken.
 */
export function openMainPart(bytes: Uint8Array): MainPart {
  const files = new Parts(bytes);
  const mainPart = mainPartName(files);
  if (!mainPart) throw new ReaderError("not-docx", MESSAGES.zipNotDocx);
  const original = files.get(mainPart);
  const xml = decodeXmlBytes(original);
  let root: SpanElement;
  try {
    root = parseSpans(xml);
  } catch (e) {
    if (e instanceof XmlError) throw new ReaderError("corrupt", MESSAGES.corruptXml);
    throw e;
  }
  const body = spanChild(root, "w:body");
  if (!body) throw new ReaderError("corrupt", MESSAGES.corrupt);
  return { files, mainPart, original, xml, root, body, paras: bodyParagraphs(body) };
}

/**
 * Applies the profile's formatting by detected level to a .docx; the text stays as it is.
 * Throws ReaderError for input that is not a readable .docx, FormatError when the document's
 * structure cannot be matched to what the reader saw.
 */
export function formatDocx(bytes: Uint8Array, spec: FormatSpec, read?: DocModel): FormatResult {
  // `read`: the model the caller already read from these same bytes with readDocx (saves a read).
  const doc: DocModel = read?.source === "docx" ? read : readDocx(bytes);
  const outline = buildOutline(doc);
  const { files, mainPart, original, xml, root, body, paras } = openMainPart(bytes);
  if (paras.length !== doc.paragraphs.length) {
    throw new FormatError(`文档结构特殊（读到 ${doc.paragraphs.length} 段，排版时找到 ${paras.length} 段），为免改动文字，未做排版。`);
  }

  const splices: Splice[] = [];
  let changed = 0;
  let fields: Fields = [];
  paras.forEach((p, i) => {
    if (fields.some((f) => f.inInstruction)) fields = fields.filter((f) => !f.inInstruction);
    const runs = paragraphRuns(p).map((r) => runInfo(xml, r, fields));
    const role = paragraphRole(doc, outline, i);
    if (!FORMATTED.has(role) || p.selfClosing) return;
    const segments = formatSegments(doc, outline, i, role);
    const mine = paragraphSplices(xml, p, runs, doc.paragraphs[i].text.length, role, segments, spec, elementPlace(doc, outline, i));
    if (mine.some((s) => s.text !== xml.slice(s.start, s.end))) changed++;
    splices.push(...mine);
  });
  const sections = sectPrs(body);
  const pages = pageNumberPlan(files, mainPart, xml, root, sections, spec, splices);
  for (const s of sections) splices.push(...sectionSplices(xml, s, spec, pages.footers));
  if (sections.length === 0 && pages.footers) {
    // No section properties at all (Word's defaults): a body-level sectPr for the page and footers.
    const empty = "<w:sectPr/>";
    const el: SpanElement = { name: "w:sectPr", start: 0, openEnd: empty.length, closeStart: empty.length, end: empty.length, selfClosing: true, children: [] };
    const at = body.closeStart;
    splices.push({ start: at, end: at, text: applySplices(empty, sectionSplices(empty, el, spec, pages.footers)) });
  }

  // The 版记 to the foot of the last page (GB/T 9704 7.4), on the formatted paragraphs.
  const framed = frameBanji(applySplices(xml, splices), doc, outline, spec, bodyParagraphs, { xml, paras });
  changed += framed.changedDelta;
  files.set(mainPart, encodeLike(original, framed.xml));
  addStyles(files, mainPart, spec);
  return { bytes: files.toZip(), changed, pageNumbers: pages.result };
}
