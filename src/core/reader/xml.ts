/**
 * A small, fast, non-validating XML tokenizer and a minimal element tree built on it.
 *
 * Handles elements, attributes (single or double quoted, `>` allowed inside quotes),
 * text, the predefined and numeric character references, CDATA sections, comments,
 * processing instructions and a DOCTYPE (skipped). Namespace prefixes are kept as
 * written ("w:p", "pkg:part"); no namespace resolution is done.
 */

import { LIMITS, MAX_XML_DEPTH, MAX_XML_ELEMENTS } from "./errors";

export class XmlError extends Error {}

/**
 * What one parse may build. `budget.elements` is shared by the parts of one document and
 * counted down; running out, or nesting deeper than `maxDepth`, throws the ReaderError of that
 * limit (never a stack overflow further on: every recursive walk stays within `maxDepth`).
 */
export interface XmlLimits {
  maxDepth: number;
  budget: { elements: number };
}

export function xmlLimits(elements = MAX_XML_ELEMENTS, maxDepth = MAX_XML_DEPTH): XmlLimits {
  return { maxDepth, budget: { elements } };
}

export type Attrs = Record<string, string>;

export interface XmlHandler {
  /** A start tag; `start` is the offset of its `<`, `end` the offset just after its `>`. */
  open(name: string, attrs: Attrs, selfClosing: boolean, start: number, end: number): void;
  /** An end tag (offsets of its `<` and just after its `>`); for a self-closing tag both are the start tag's end. */
  close(name: string, start: number, end: number): void;
  /** Character data (entities decoded) and CDATA content. May be called several times in a row. */
  text(text: string): void;
}

/** Shared by every element without attributes (never written to). */
const EMPTY_ATTRS: Attrs = Object.freeze({}) as Attrs;
/** Shared by every element without children while the tree is built (replaced on first push). */
const NO_CHILDREN: XNode[] = Object.freeze([]) as unknown as XNode[];

const NAMED: Record<string, string> = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/** Decodes character and entity references. Unknown entities are kept as written. */
export function decodeEntities(s: string): string {
  let amp = s.indexOf("&");
  if (amp < 0) return s;
  let out = "";
  let last = 0;
  while (amp >= 0) {
    const semi = s.indexOf(";", amp + 1);
    if (semi < 0 || semi - amp > 12) {
      amp = s.indexOf("&", amp + 1);
      continue;
    }
    const ent = s.slice(amp + 1, semi);
    let rep: string | undefined;
    if (ent.charCodeAt(0) === 35 /* # */) {
      const hex = ent.charCodeAt(1) === 120 || ent.charCodeAt(1) === 88; // x / X
      const code = hex ? parseInt(ent.slice(2), 16) : parseInt(ent.slice(1), 10);
      if (Number.isFinite(code) && code >= 0 && code <= 0x10ffff) rep = String.fromCodePoint(code);
    } else {
      rep = NAMED[ent];
    }
    if (rep !== undefined) {
      out += s.slice(last, amp) + rep;
      last = semi + 1;
      amp = s.indexOf("&", last);
    } else {
      amp = s.indexOf("&", amp + 1);
    }
  }
  return out + s.slice(last);
}

export function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13;
}

/**
 * A direct-mapped cache of short strings (tag names, attribute names, short values such as
 * "0" or "both"): the same names repeat tens of thousands of times in a document, and
 * reusing one string for each saves most of the allocation (and garbage collection).
 */
const INTERN_SIZE = 4096;
const internTable: (string | undefined)[] = new Array(INTERN_SIZE);

function intern(xml: string, start: number, end: number): string {
  const len = end - start;
  if (len > 32) return xml.slice(start, end);
  let h = len;
  for (let k = start; k < end; k++) h = (h * 31 + xml.charCodeAt(k)) | 0;
  const idx = (h ^ (h >>> 12)) & (INTERN_SIZE - 1);
  const cand = internTable[idx];
  if (cand !== undefined && cand.length === len && xml.startsWith(cand, start)) return cand;
  const str = xml.slice(start, end);
  internTable[idx] = str;
  return str;
}

/** Streams the tokens of `xml` to `h`. Throws XmlError on an unterminated construct. */
export function tokenize(xml: string, h: XmlHandler): void {
  const n = xml.length;
  let i = 0;
  while (i < n) {
    const lt = xml.indexOf("<", i);
    if (lt < 0) {
      if (i < n) h.text(decodeEntities(xml.slice(i)));
      return;
    }
    if (lt > i) h.text(decodeEntities(xml.slice(i, lt)));
    const c1 = xml.charCodeAt(lt + 1);
    if (c1 === 33 /* ! */) {
      if (xml.startsWith("<!--", lt)) {
        const end = xml.indexOf("-->", lt + 4);
        if (end < 0) throw new XmlError("unterminated comment");
        i = end + 3;
      } else if (xml.startsWith("<![CDATA[", lt)) {
        const end = xml.indexOf("]]>", lt + 9);
        if (end < 0) throw new XmlError("unterminated CDATA");
        h.text(xml.slice(lt + 9, end));
        i = end + 3;
      } else {
        // <!DOCTYPE …> possibly with an internal subset in brackets.
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
      const end = xml.indexOf("?>", lt + 2);
      if (end < 0) throw new XmlError("unterminated processing instruction");
      i = end + 2;
      continue;
    }
    if (c1 === 47 /* / */) {
      const end = xml.indexOf(">", lt + 2);
      if (end < 0) throw new XmlError("unterminated end tag");
      let a = lt + 2;
      let z = end;
      while (a < z && isSpace(xml.charCodeAt(a))) a++;
      while (z > a && isSpace(xml.charCodeAt(z - 1))) z--;
      h.close(intern(xml, a, z), lt, end + 1);
      i = end + 1;
      continue;
    }
    // Start tag: name, then attributes.
    let j = lt + 1;
    while (j < n) {
      const c = xml.charCodeAt(j);
      if (isSpace(c) || c === 62 || c === 47) break;
      j++;
    }
    if (j >= n) throw new XmlError("unterminated start tag");
    const name = intern(xml, lt + 1, j);
    if (name === "") throw new XmlError("empty tag name");
    let attrs: Attrs = EMPTY_ATTRS;
    let selfClosing = false;
    for (;;) {
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (j >= n) throw new XmlError("unterminated start tag");
      const c = xml.charCodeAt(j);
      if (c === 62) {
        j++;
        break;
      }
      if (c === 47) {
        if (xml.charCodeAt(j + 1) !== 62) throw new XmlError("bad self-closing tag");
        selfClosing = true;
        j += 2;
        break;
      }
      const aStart = j;
      while (j < n) {
        const d = xml.charCodeAt(j);
        if (d === 61 || isSpace(d) || d === 62 || d === 47) break;
        j++;
      }
      const aName = intern(xml, aStart, j);
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      if (xml.charCodeAt(j) !== 61 /* = */) {
        // Attribute without a value (not XML, tolerated).
        if (aName === "") throw new XmlError("bad attribute");
        if (attrs === EMPTY_ATTRS) attrs = {};
        attrs[aName] = "";
        continue;
      }
      j++;
      while (j < n && isSpace(xml.charCodeAt(j))) j++;
      const q = xml.charCodeAt(j);
      if (q !== 34 && q !== 39) throw new XmlError("unquoted attribute value");
      const vEnd = xml.indexOf(q === 34 ? '"' : "'", j + 1);
      if (vEnd < 0) throw new XmlError("unterminated attribute value");
      if (attrs === EMPTY_ATTRS) attrs = {};
      attrs[aName] = vEnd - j <= 17 ? decodeEntities(intern(xml, j + 1, vEnd)) : decodeEntities(xml.slice(j + 1, vEnd));
      j = vEnd + 1;
    }
    h.open(name, attrs, selfClosing, lt, j);
    if (selfClosing) h.close(name, j, j);
    i = j;
  }
}

export interface XElement {
  name: string;
  attrs: Attrs;
  children: XNode[];
}
export type XNode = XElement | string;

/**
 * Parses `xml` into a tree of XElement and returns the root element.
 * Lenient about mismatched end tags; throws XmlError when there is no root element
 * or the input ends inside a tag or inside an open element.
 */
export function parseXml(xml: string, limits: XmlLimits = xmlLimits()): XElement {
  const top: XElement = { name: "#document", attrs: {}, children: [] };
  const stack: XElement[] = [top];
  let cur = top;
  const budget = limits.budget;
  // The stack holds the document node too.
  const maxStack = limits.maxDepth + 1;
  /** How many elements of each name are open (on the stack). */
  const open = new Map<string, number>();
  tokenize(xml, {
    open(name, attrs) {
      if (--budget.elements < 0) throw LIMITS.elements();
      if (stack.length >= maxStack) throw LIMITS.depth();
      const el: XElement = { name, attrs, children: NO_CHILDREN };
      if (cur.children === NO_CHILDREN) cur.children = [];
      cur.children.push(el);
      stack.push(el);
      open.set(name, (open.get(name) ?? 0) + 1);
      cur = el;
    },
    close(name) {
      if (cur.name === name) {
        stack.pop();
        open.set(name, open.get(name)! - 1);
        cur = stack[stack.length - 1];
        return;
      }
      // Mismatched end tag: close up to the matching open element, if there is one. A stray end
      // tag is dropped at once (no scan of the stack), so millions of them stay linear.
      if (!open.get(name)) return;
      while (stack.length > 1) {
        const el = stack.pop()!;
        open.set(el.name, open.get(el.name)! - 1);
        if (el.name === name) break;
      }
      cur = stack[stack.length - 1];
    },
    text(t) {
      if (cur === top) return;
      if (cur.children === NO_CHILDREN) cur.children = [];
      cur.children.push(t);
    },
  });
  // Elements still open at the end: the input was cut off.
  if (stack.length > 1) throw new XmlError("unexpected end of input");
  const root = top.children.find((c): c is XElement => typeof c !== "string");
  if (!root) throw new XmlError("no root element");
  return root;
}

/** First child element with the given name. */
export function child(el: XElement | undefined, name: string): XElement | undefined {
  if (!el) return undefined;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) return c;
  return undefined;
}

/** All child elements with the given name. */
export function children(el: XElement | undefined, name: string): XElement[] {
  const out: XElement[] = [];
  if (!el) return out;
  for (const c of el.children) if (typeof c !== "string" && c.name === name) out.push(c);
  return out;
}

/** Concatenated text content of an element (all descendants). */
export function textContent(el: XElement): string {
  let s = "";
  for (const c of el.children) s += typeof c === "string" ? c : textContent(c);
  return s;
}

/** The local part of a prefixed name: "w:p" → "p". */
export function localName(name: string): string {
  const k = name.indexOf(":");
  return k < 0 ? name : name.slice(k + 1);
}
