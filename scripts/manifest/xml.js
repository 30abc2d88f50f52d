"use strict";
/**
 * A small strict XML 1.0 parser for the add-in manifest (no DTDs, no external entities).
 * Checks well-formedness and namespace well-formedness and returns an element tree.
 * One pass over the text: linear in its length.
 *
 * Element node: { name, prefix, local, ns, attrs: [{ name, prefix, local, ns, value }],
 *                 children: Element[], text, offset, line, parent }
 */

const XML_NS = "http://www.w3.org/XML/1998/namespace";
const XMLNS_NS = "http://www.w3.org/2000/xmlns/";

class XmlError extends Error {
  constructor(message, line) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

function isNameStart(c) {
  return (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 58 || c >= 0xc0;
}
function isNameChar(c) {
  return isNameStart(c) || (c >= 48 && c <= 57) || c === 45 || c === 46 || c === 0xb7;
}
function isSpace(c) {
  return c === 32 || c === 9 || c === 10 || c === 13;
}
/** Characters XML 1.0 forbids anywhere (C0 controls other than tab, LF, CR; U+FFFE/U+FFFF). */
function isForbiddenChar(c) {
  return (c < 32 && c !== 9 && c !== 10 && c !== 13) || c === 0xfffe || c === 0xffff;
}

const PREDEFINED = { lt: "<", gt: ">", amp: "&", quot: '"', apos: "'" };

/**
 * Parse `text` into a tree. Throws XmlError (with .line) on the first well-formedness error.
 * @param {string} text
 */
function parseXml(text) {
  let i = 0;
  const n = text.length;
  // Line numbers, computed from a newline index only when needed (binary search).
  let newlines = null;
  function lineAt(pos) {
    if (!newlines) {
      newlines = [];
      for (let k = 0; k < n; k++) if (text.charCodeAt(k) === 10) newlines.push(k);
    }
    let lo = 0;
    let hi = newlines.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (newlines[mid] < pos) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  }
  const fail = (msg, pos = i) => {
    throw new XmlError(msg, lineAt(pos));
  };

  function readName() {
    const start = i;
    if (i >= n || !isNameStart(text.charCodeAt(i))) fail("expected a name");
    i++;
    while (i < n && isNameChar(text.charCodeAt(i))) i++;
    const name = text.slice(start, i);
    const colon = name.indexOf(":");
    if (colon === 0 || colon === name.length - 1 || (colon >= 0 && name.indexOf(":", colon + 1) >= 0)) fail(`"${name}" is not a valid qualified name`, start);
    return name;
  }
  function skipSpace() {
    const start = i;
    while (i < n && isSpace(text.charCodeAt(i))) i++;
    return i > start;
  }
  /** Decode character data between `from` and `to` (entity and character references). */
  function decode(from, to, inAttr) {
    let out = "";
    let k = from;
    while (k < to) {
      const amp = text.indexOf("&", k);
      const end = amp < 0 || amp >= to ? to : amp;
      for (let j = k; j < end; j++) {
        const c = text.charCodeAt(j);
        if (isForbiddenChar(c)) fail(`character U+${c.toString(16).toUpperCase().padStart(4, "0")} is not allowed in XML`, j);
        if (inAttr && c === 60) fail('"<" is not allowed in an attribute value', j);
      }
      // Attribute-value normalisation: literal whitespace characters become spaces.
      out += inAttr ? text.slice(k, end).replace(/[\t\n\r]/g, " ") : text.slice(k, end);
      if (end === to) break;
      const semi = text.indexOf(";", amp);
      if (semi < 0 || semi >= to || semi - amp > 12) fail('"&" must start an entity reference like &amp;', amp);
      const ref = text.slice(amp + 1, semi);
      if (ref.startsWith("#")) {
        const hex = ref[1] === "x";
        const digits = hex ? ref.slice(2) : ref.slice(1);
        if (!(hex ? /^[0-9a-fA-F]+$/ : /^[0-9]+$/).test(digits)) fail(`bad character reference &${ref};`, amp);
        const cp = parseInt(digits, hex ? 16 : 10);
        if (cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff) || isForbiddenChar(cp) || cp === 0) fail(`character reference &${ref}; is not allowed`, amp);
        out += String.fromCodePoint(cp);
      } else if (Object.prototype.hasOwnProperty.call(PREDEFINED, ref)) {
        out += PREDEFINED[ref];
      } else {
        fail(`unknown entity &${ref};`, amp);
      }
      k = semi + 1;
    }
    return out;
  }

  function skipMisc() {
    // Whitespace, comments and processing instructions outside the root element.
    for (;;) {
      skipSpace();
      if (text.startsWith("<!--", i)) readComment();
      else if (text.startsWith("<?", i)) readPI(false);
      else return;
    }
  }
  function readComment() {
    const start = i;
    const end = text.indexOf("--", i + 4);
    if (end < 0) fail("unterminated comment", start);
    if (text[end + 2] !== ">") fail('"--" is not allowed inside a comment', end);
    for (let j = i + 4; j < end; j++) if (isForbiddenChar(text.charCodeAt(j))) fail("forbidden character in comment", j);
    i = end + 3;
  }
  function readPI(atStart) {
    const start = i;
    i += 2;
    const target = readName();
    const end = text.indexOf("?>", i);
    if (end < 0) fail("unterminated processing instruction", start);
    if (target.toLowerCase() === "xml") {
      if (!atStart) fail("the XML declaration must be at the very start of the file", start);
      const decl = text.slice(i, end);
      if (!/^\s+version\s*=\s*(["'])1\.[0-9]+\1(\s+encoding\s*=\s*(["'])[A-Za-z][A-Za-z0-9._-]*\3)?(\s+standalone\s*=\s*(["'])(yes|no)\5)?\s*$/.test(decl)) {
        fail("malformed XML declaration", start);
      }
      const enc = /encoding\s*=\s*["']([^"']+)/.exec(decl);
      if (enc && enc[1].toLowerCase() !== "utf-8") fail(`the manifest must be UTF-8, not ${enc[1]}`, start);
    } else if (end > i && !isSpace(text.charCodeAt(i))) {
      fail("processing instruction target must be followed by a space", i);
    }
    i = end + 2;
  }

  if (text.charCodeAt(0) === 0xfeff) i = 1;
  if (text.startsWith("<?xml", i) && isSpace(text.charCodeAt(i + 5))) readPI(true);
  skipMisc();
  if (text.startsWith("<!DOCTYPE", i)) fail("a DOCTYPE is not allowed in the manifest");
  if (i >= n || text[i] !== "<") fail("expected the root element");

  const nsStack = [{ xml: XML_NS, xmlns: XMLNS_NS, "": "" }];
  let root = null;
  let current = null;
  const textParts = [];

  function resolve(prefix, scope, pos, isAttr) {
    if (isAttr && prefix === "") return "";
    const uri = scope[prefix];
    if (uri === undefined) fail(`namespace prefix "${prefix}" is not declared`, pos);
    return uri;
  }

  function openTag() {
    const start = i;
    i++; // <
    const name = readName();
    const rawAttrs = [];
    for (;;) {
      const spaced = skipSpace();
      if (i >= n) fail(`unterminated start tag <${name}>`, start);
      const c = text[i];
      if (c === ">" || c === "/") break;
      if (!spaced) fail("attributes must be separated by whitespace");
      const aStart = i;
      const aName = readName();
      skipSpace();
      if (text[i] !== "=") fail(`attribute ${aName} needs a value`);
      i++;
      skipSpace();
      const q = text[i];
      if (q !== '"' && q !== "'") fail(`the value of ${aName} must be quoted`);
      const vEnd = text.indexOf(q, i + 1);
      if (vEnd < 0) fail(`unterminated value of ${aName}`, aStart);
      const value = decode(i + 1, vEnd, true);
      if (rawAttrs.some((a) => a.name === aName)) fail(`attribute ${aName} appears twice`, aStart);
      rawAttrs.push({ name: aName, value, pos: aStart });
      i = vEnd + 1;
    }
    const selfClosing = text[i] === "/";
    if (selfClosing) {
      if (text[i + 1] !== ">") fail('expected ">" after "/"');
      i += 2;
    } else i++;

    // Namespace declarations first, then resolve names.
    const parentScope = nsStack[nsStack.length - 1];
    let scope = parentScope;
    for (const a of rawAttrs) {
      if (a.name === "xmlns" || a.name.startsWith("xmlns:")) {
        if (scope === parentScope) scope = Object.assign(Object.create(null), parentScope);
        const p = a.name === "xmlns" ? "" : a.name.slice(6);
        if (p === "xmlns" || (p === "xml" && a.value !== XML_NS)) fail(`prefix "${p}" cannot be redeclared`, a.pos);
        if (p !== "" && a.value === "") fail(`prefix "${p}" cannot be undeclared`, a.pos);
        scope[p] = a.value;
      }
    }
    const split = (qn) => {
      const c = qn.indexOf(":");
      return c < 0 ? ["", qn] : [qn.slice(0, c), qn.slice(c + 1)];
    };
    const [prefix, local] = split(name);
    const el = { name, prefix, local, ns: resolve(prefix, scope, start, false), attrs: [], children: [], text: "", offset: start, line: lineAt(start), parent: current };
    const seen = new Set();
    for (const a of rawAttrs) {
      const [ap, al] = split(a.name);
      const isDecl = a.name === "xmlns" || ap === "xmlns";
      const ans = isDecl ? XMLNS_NS : resolve(ap, scope, a.pos, true);
      const key = `{${ans}}${al}`;
      if (!isDecl && seen.has(key)) fail(`attribute {${ans}}${al} appears twice`, a.pos);
      seen.add(key);
      el.attrs.push({ name: a.name, prefix: ap, local: al, ns: ans, value: a.value });
    }
    if (current) current.children.push(el);
    else root = el;
    if (!selfClosing) {
      nsStack.push(scope);
      textParts.push([]);
      current = el;
    }
  }

  function closeTag() {
    const start = i;
    i += 2;
    const name = readName();
    skipSpace();
    if (text[i] !== ">") fail(`malformed end tag </${name}>`, start);
    i++;
    if (!current) fail(`unexpected end tag </${name}>`, start);
    if (current.name !== name) fail(`end tag </${name}> does not match <${current.name}> (line ${current.line})`, start);
    current.text = textParts.pop().join("");
    nsStack.pop();
    current = current.parent;
  }

  openTag();
  while (current) {
    if (i >= n) fail(`unexpected end of file: <${current.name}> (line ${current.line}) is not closed`);
    const lt = text.indexOf("<", i);
    if (lt < 0) fail(`unexpected end of file: <${current.name}> (line ${current.line}) is not closed`, n);
    if (lt > i) {
      const chunk = text.slice(i, lt);
      const bad = chunk.indexOf("]]>");
      if (bad >= 0) fail('"]]>" is not allowed in text', i + bad);
      textParts[textParts.length - 1].push(decode(i, lt, false));
      i = lt;
    }
    if (text.startsWith("</", i)) closeTag();
    else if (text.startsWith("<!--", i)) readComment();
    else if (text.startsWith("<![CDATA[", i)) {
      const end = text.indexOf("]]>", i + 9);
      if (end < 0) fail("unterminated CDATA section");
      textParts[textParts.length - 1].push(text.slice(i + 9, end));
      i = end + 3;
    } else if (text.startsWith("<?", i)) readPI(false);
    else if (text.startsWith("<!", i)) fail("unexpected markup declaration");
    else openTag();
  }
  skipMisc();
  if (i < n) fail(text[i] === "<" ? "only one root element is allowed" : "text is not allowed after the root element");
  return root;
}

module.exports = { parseXml, XmlError, XMLNS_NS };
