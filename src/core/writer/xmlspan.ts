/**
 * An element tree that remembers where each element sits in the source string, so a part can
 * be edited by splicing strings at those offsets instead of re-serialising the whole XML (the
 * text and every construct we do not touch stay byte-identical).
 *
 * Built on the reader's tokenizer (src/core/reader/xml.ts), which reports each tag's offsets:
 * comments, CDATA, processing instructions and a DOCTYPE are skipped; `>` inside quoted
 * attribute values is allowed; a mismatched end tag closes up to its open element.
 */
import { LIMITS, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from "../reader/errors";
import { XmlError, decodeEntities, isSpace, tokenize } from "../reader/xml";

export interface SpanElement {
  name: string;
  /** Offset of the `<` of the start tag. */
  start: number;
  /** Offset just after the `>` of the start tag. */
  openEnd: number;
  /** Offset of the `<` of the end tag (= openEnd for a self-closing element). */
  closeStart: number;
  /** Offset just after the element (after its end tag). */
  end: number;
  selfClosing: boolean;
  children: SpanElement[];
}

/**
 * Parses `xml` and returns its root element with offsets, using the reader's tokenizer (which
 * reports where each tag starts and ends). Throws XmlError on unterminated constructs.
 */
export function parseSpans(xml: string): SpanElement {
  const top: SpanElement = { name: "#document", start: 0, openEnd: 0, closeStart: xml.length, end: xml.length, selfClosing: false, children: [] };
  const stack: SpanElement[] = [top];
  // The tokenizer reports a self-closing tag as an open and a close: the close is already done.
  let selfClosed = false;
  // The reader's limits: every walk over the tree below is recursive.
  let elements = 0;
  /** How many elements of each name are open (on the stack). */
  const open = new Map<string, number>();
  tokenize(xml, {
    open(name, _attrs, selfClosing, start, end) {
      if (++elements > MAX_XML_ELEMENTS) throw LIMITS.elements();
      if (stack.length > MAX_XML_DEPTH) throw LIMITS.depth();
      const el: SpanElement = { name, start, openEnd: end, closeStart: end, end, selfClosing, children: [] };
      stack[stack.length - 1].children.push(el);
      if (selfClosing) selfClosed = true;
      else {
        stack.push(el);
        open.set(name, (open.get(name) ?? 0) + 1);
      }
    },
    close(name, start, end) {
      if (selfClosed) {
        selfClosed = false;
        return;
      }
      // A stray end tag is dropped without scanning the stack (linear time on any input).
      if (!open.get(name)) return;
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          // Elements left open inside (a mismatched end tag) end where this one ends.
          for (let m = stack.length - 1; m >= k; m--) {
            stack[m].closeStart = start;
            stack[m].end = m === k ? end : start;
            open.set(stack[m].name, open.get(stack[m].name)! - 1);
          }
          stack.length = k;
          return;
        }
      }
      // A stray end tag: ignored.
    },
    text() {},
  });
  if (stack.length > 1) throw new XmlError("unexpected end of input");
  const root = top.children[0];
  if (!root) throw new XmlError("no root element");
  return root;
}

export function spanChild(el: SpanElement | undefined, name: string): SpanElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (c.name === name) return c;
  return undefined;
}

export interface RawAttr {
  name: string;
  /** The value as written (entities not decoded). */
  raw: string;
}

/** The attributes of an element's start tag, in order, values as written. */
export function rawAttrs(xml: string, el: SpanElement): RawAttr[] {
  const out: RawAttr[] = [];
  const end = el.selfClosing ? el.openEnd - 2 : el.openEnd - 1;
  let j = el.start + 1 + el.name.length;
  while (j < end) {
    while (j < end && isSpace(xml.charCodeAt(j))) j++;
    if (j >= end) break;
    const a = j;
    while (j < end && xml.charCodeAt(j) !== 61 && !isSpace(xml.charCodeAt(j))) j++;
    const name = xml.slice(a, j);
    while (j < end && isSpace(xml.charCodeAt(j))) j++;
    if (xml.charCodeAt(j) !== 61) {
      if (name) out.push({ name, raw: "" });
      continue;
    }
    j++;
    while (j < end && isSpace(xml.charCodeAt(j))) j++;
    const quote = xml[j];
    const close = xml.indexOf(quote, j + 1);
    if (close < 0 || close > end) break;
    out.push({ name, raw: xml.slice(j + 1, close) });
    j = close + 1;
  }
  return out;
}

export function attrValue(xml: string, el: SpanElement | undefined, name: string): string | undefined {
  if (!el) return undefined;
  const a = rawAttrs(xml, el).find((x) => x.name === name);
  return a === undefined ? undefined : decodeEntities(a.raw);
}

/** Escapes text for element content. */
export function escapeText(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Escapes text for a double-quoted attribute value. */
export function escapeAttr(s: string): string {
  return escapeText(s).replace(/"/g, "&quot;");
}

/**
 * The start tag of `el` with attributes set (string value, escaped here) or removed
 * (undefined); other attributes keep their order and raw values. New ones go at the end.
 */
export function rewriteStartTag(xml: string, el: SpanElement, changes: Record<string, string | undefined>): string {
  const attrs = rawAttrs(xml, el);
  const done = new Set<string>();
  const parts: string[] = [];
  for (const a of attrs) {
    if (a.name in changes) {
      done.add(a.name);
      const v = changes[a.name];
      if (v !== undefined) parts.push(`${a.name}="${escapeAttr(v)}"`);
    } else {
      parts.push(`${a.name}="${a.raw.replace(/"/g, "&quot;")}"`);
    }
  }
  for (const [k, v] of Object.entries(changes)) if (!done.has(k) && v !== undefined) parts.push(`${k}="${escapeAttr(v)}"`);
  return `<${el.name}${parts.length ? " " + parts.join(" ") : ""}${el.selfClosing ? "/>" : ">"}`;
}

/** A replacement of xml[start, end). */
export interface Splice {
  start: number;
  end: number;
  text: string;
}

/** Applies non-overlapping splices (any order). Throws when two overlap. */
export function applySplices(xml: string, splices: Splice[]): string {
  const sorted = [...splices].sort((a, b) => a.start - b.start || a.end - b.end);
  let out = "";
  let last = 0;
  for (const s of sorted) {
    if (s.start < last) throw new Error(`overlapping edits at ${s.start}`);
    out += xml.slice(last, s.start) + s.text;
    last = s.end;
  }
  return out + xml.slice(last);
}

/** Open fields of a paragraph, innermost last: inside the instruction (code) until its separator. */
export type FieldStack = Array<{ inInstruction: boolean }>;

/**
 * Follows a w:fldChar through the field stack: begin opens a field (its code comes next), separate
 * turns to its shown result, end closes it. Shared by the writers that must tell a field's code
 * (never the document's text) from its result.
 */
export function followFieldChar(xml: string, el: SpanElement, fields: FieldStack): void {
  const t = attrValue(xml, el, "w:fldCharType");
  if (t === "begin") fields.push({ inInstruction: true });
  else if (t === "separate") {
    const top = fields[fields.length - 1];
    if (top) top.inInstruction = false;
  } else if (t === "end") fields.pop();
}
