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
import { STYLE_DEFS, lineTwips, pageTwips, paraFormat, runFormat, styleXml, type ParaFormat, type RunFormat } from "./formats";
import { roleFormat, type Role } from "../format/roles";
import { applySplices, attrValue, escapeAttr, parseSpans, rewriteStartTag, spanChild, type SpanElement, type Splice } from "./xmlspan";
import { repackZip } from "./zipRepack";

export interface FormatResult {
  bytes: Uint8Array;
  /** Body paragraphs whose formatting changed. */
  changed: number;
}

/** Raised when the document's structure does not let us format it safely; the message is Chinese. */
export class FormatError extends Error {}

// Schema order of the children we insert (CT_PPr, CT_RPr, CT_SectPr); others keep their place.
const PPR_ORDER = [
  "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr", "w:widowControl", "w:numPr",
  "w:suppressLineNumbers", "w:pBdr", "w:shd", "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
  "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN", "w:bidi", "w:adjustRightInd",
  "w:snapToGrid", "w:spacing", "w:ind", "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
  "w:textDirection", "w:textAlignment", "w:textboxTightWrap", "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr",
  "w:sectPr", "w:pPrChange",
];
const RPR_ORDER = [
  "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps", "w:strike", "w:dstrike",
  "w:outline", "w:shadow", "w:emboss", "w:imprint", "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden",
  "w:color", "w:spacing", "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u", "w:effect",
  "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs", "w:em", "w:lang", "w:eastAsianLayout",
  "w:specVanish", "w:oMath", "w:rPrChange",
];
const SECTPR_ORDER = [
  "w:headerReference", "w:footerReference", "w:footnotePr", "w:endnotePr", "w:type", "w:pgSz", "w:pgMar",
  "w:paperSrc", "w:pgBorders", "w:lnNumType", "w:pgNumType", "w:cols", "w:formProt", "w:vAlign", "w:noEndnote",
  "w:titlePg", "w:textDirection", "w:bidi", "w:rtlGutter", "w:docGrid", "w:printerSettings", "w:sectPrChange",
];

function orderIndex(order: string[], name: string): number {
  const k = order.indexOf(name);
  return k < 0 ? order.length : k;
}

/**
 * Splices that make `el` (pPr / rPr / sectPr) hold the given children: an existing child has
 * its start tag's attributes changed, a missing one is inserted at its schema position.
 */
function setChildren(
  xml: string,
  el: SpanElement,
  order: string[],
  wanted: Array<{ name: string; attrs: Record<string, string | undefined> }>,
  out: Splice[],
): void {
  for (const w of wanted) {
    const existing = spanChild(el, w.name);
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
function setProps(
  xml: string,
  parent: SpanElement,
  propsName: string,
  order: string[],
  wanted: Array<{ name: string; attrs: Record<string, string | undefined> }>,
): Splice[] {
  const out: Splice[] = [];
  const props = spanChild(parent, propsName);
  if (!props || props.selfClosing) {
    const inner = wanted
      .slice()
      .sort((a, b) => orderIndex(order, a.name) - orderIndex(order, b.name))
      .map((w) => {
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

function pPrWanted(pf: ParaFormat, outline: boolean): Array<{ name: string; attrs: Record<string, string | undefined> }> {
  const right = pf.rightChars > 0 || pf.right > 0;
  const wanted = [
    { name: "w:spacing", attrs: { "w:line": String(pf.line), "w:lineRule": "exact" } as Record<string, string | undefined> },
    {
      name: "w:ind",
      attrs: {
        "w:firstLineChars": String(pf.firstLineChars),
        "w:firstLine": String(pf.firstLine),
        "w:hanging": undefined,
        "w:hangingChars": undefined,
        // The house style's right indent (none but the 落款's); a stray one is dropped.
        "w:rightChars": right ? String(pf.rightChars) : undefined,
        "w:right": right ? String(pf.right) : undefined,
        "w:end": undefined,
        "w:endChars": undefined,
      } as Record<string, string | undefined>,
    },
    { name: "w:jc", attrs: { "w:val": pf.jc } as Record<string, string | undefined> },
  ];
  if (outline && pf.outlineLvl !== undefined) wanted.push({ name: "w:outlineLvl", attrs: { "w:val": String(pf.outlineLvl) } });
  return wanted;
}

function rPrWanted(rf: RunFormat): Array<{ name: string; attrs: Record<string, string | undefined> }> {
  const sz = String(rf.sizeHalfPt);
  const wanted: Array<{ name: string; attrs: Record<string, string | undefined> }> = [
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
function paragraphRuns(p: SpanElement): SpanElement[] {
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
function sectPrs(el: SpanElement, out: SpanElement[] = []): SpanElement[] {
  for (const c of el.children) {
    if (c.name === "w:sectPr") out.push(c);
    else if (c.name !== "w:sectPrChange" && c.name !== "w:pPrChange" && c.name !== "w:txbxContent") sectPrs(c, out);
  }
  return out;
}

interface RunInfo {
  el: SpanElement;
  /** Characters the run adds to Paragraph.text. */
  length: number;
  /** The run's single w:t when it holds nothing else but its properties (so it can be split). */
  soleText?: SpanElement;
}

/** Field state of the body story, as the reader keeps it. */
type Fields = Array<{ inInstruction: boolean }>;

function symLength(xml: string, el: SpanElement): number {
  const code = parseInt(attrValue(xml, el, "w:char") ?? "", 16);
  if (!Number.isFinite(code) || code <= 0) return 0;
  return code > 0xffff ? 2 : 1;
}

/** What each run contributes to the paragraph's text, mirroring the reader. */
function runInfo(xml: string, run: SpanElement, fields: Fields): RunInfo {
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
        case "w:fldChar": {
          const t = attrValue(xml, c, "w:fldCharType");
          if (t === "begin") fields.push({ inInstruction: true });
          else if (t === "separate") {
            const top = fields[fields.length - 1];
            if (top) top.inInstruction = false;
          } else if (t === "end") fields.pop();
          break;
        }
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
function rawOffset(raw: string, chars: number): number {
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

const FORMATTED: ReadonlySet<ParagraphRole> = new Set(["title", "salutation", "level1", "level2", "level3", "level4", "body"]);

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
): Splice[] {
  // A run-in heading holds body text too: no outline level (the navigation pane would list the body).
  const standalone = segments.length <= 1;
  const out = setProps(xml, p, "w:pPr", PPR_ORDER, pPrWanted(paraFormat(roleFormat(spec, formattedRole(role))), standalone));
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

function sectionSplices(xml: string, s: SpanElement, spec: FormatSpec): Splice[] {
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
      },
    },
    { name: "w:docGrid", attrs: { "w:type": "lines", "w:linePitch": String(lineTwips(spec)) } },
  ];
  if (s.selfClosing) {
    return setProps(xml, { ...s, name: "#wrap", children: [s] } as SpanElement, "w:sectPr", SECTPR_ORDER, wanted);
  }
  const out: Splice[] = [];
  setChildren(xml, s, SECTPR_ORDER, wanted, out);
  return out;
}

// ---------------------------------------------------------------------------
// Package handling

/**
 * The parts of the package: read (inflated under the reader's caps) only when asked for, and
 * written back with every part we did not change copied compressed.
 */
class Parts {
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

function encodeLike(original: Uint8Array, s: string): Uint8Array {
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

function mainPartName(files: Parts): string | undefined {
  const { rels } = relsOf(files, "");
  const rel = rels.find((r) => r.type.endsWith("/officeDocument"));
  const byRel = rel ? files.find(rel.target) : undefined;
  return byRel ?? files.find("word/document.xml");
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
  // The reader has read these parts under its caps already; only they are inflated again.
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
  const paras = bodyParagraphs(body);
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
    const mine = paragraphSplices(xml, p, runs, doc.paragraphs[i].text.length, role, segments, spec);
    if (mine.some((s) => s.text !== xml.slice(s.start, s.end))) changed++;
    splices.push(...mine);
  });
  for (const s of sectPrs(body)) splices.push(...sectionSplices(xml, s, spec));

  files.set(mainPart, encodeLike(original, applySplices(xml, splices)));
  addStyles(files, mainPart, spec);
  return { bytes: files.toZip(), changed };
}
