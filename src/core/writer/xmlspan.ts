/**
 * An element tree that remembers where each element sits in the source string, so a part can
 * be edited by splicing strings at those offsets instead of re-serialising the whole XML (the
 * text and every construct we do not touch stay byte-identical).
 *
 * The reader's tokenizer (src/core/reader/xml.ts) streams decoded names, attributes and text
 * but no offsets, so this is a second small scanner with the same tolerance: comments, CDATA,
 * processing instructions and a DOCTYPE are skipped; `>` inside quoted attribute values is
 * allowed; a mismatched end tag closes up to its open element.
 */
import { XmlError, decodeEntities } from "../reader/xml";

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

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/** Parses `xml` and returns the root element with offsets. Throws XmlError on unterminated constructs. */
export function parseSpans(xml: string): SpanElement {
  const top: SpanElement = { name: "#document", start: 0, openEnd: 0, closeStart: xml.length, end: xml.length, selfClosing: false, children: [] };
  const stack: SpanElement[] = [top];
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) break;
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const e = xml.indexOf("-->", lt + 4);
        if (e < 0) throw new XmlError("unterminated comment");
        i = e + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const e = xml.indexOf("]]>", lt + 9);
        if (e < 0) throw new XmlError("unterminated CDATA");
        i = e + 3;
      } else {
        let j = lt + 2;
        let depth = 0;
        for (; j < n; j++) {
          const c = xml.charCodeAt(j);
          if (c === 91) depth++;
          else if (c === 93) depth--;
          else if (c === 62 && depth <= 0) break;
        }
        if (j >= n) throw new XmlError("unterminated declaration");
        i = j + 1;
      }
      continue;
    }
    if (c1 === 63 /* ? */) {
      const e = xml.indexOf("?>", lt + 2);
      if (e < 0) throw new XmlError("unterminated processing instruction");
      i = e + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const e = xml.indexOf(">", lt + 2);
      if (e < 0) throw new XmlError("unterminated end tag");
      const name = xml.slice(lt + 2, e).trim();
      for (let k = stack.length - 1; k > 0; k--) {
        if (stack[k].name === name) {
          // Elements left open inside (a mismatched end tag) end where this one ends.
          for (let m = stack.length - 1; m >= k; m--) {
            stack[m].closeStart = lt;
            stack[m].end = m === k ? e + 1 : lt;
          }
          stack.length = k;
          break;
        }
      }
      i = e + 1;
      continue;
    }
    let j = lt + 1;
    while (j < n) {
      const c = xml.charCodeAt(j);
      if (isSpace(c) || c === 62 || c === 47) break;
      j++;
    }
    const name = xml.slice(lt + 1, j);
    if (name === "") throw new XmlError("empty tag name");
    // Find the end of the start tag, skipping quoted values.
    let q = 0;
    for (; j < n; j++) {
      const c = xml.charCodeAt(j);
      if (q) {
        if (c === q) q = 0;
      } else if (c === 34 || c === 39) q = c;
      else if (c === 62) break;
    }
    if (j >= n) throw new XmlError("unterminated start tag");
    const selfClosing = xml.charCodeAt(j - 1) === 47;
    const el: SpanElement = { name, start: lt, openEnd: j + 1, closeStart: j + 1, end: j + 1, selfClosing, children: [] };
    stack[stack.length - 1].children.push(el);
    if (!selfClosing) stack.push(el);
    i = j + 1;
  }
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
