import { XmlError, child, decodeEntities, parseXml, textContent, tokenize, type Attrs } from "../../../src/core/reader/xml";

type Tok = ["open", string, Attrs, boolean] | ["close", string] | ["text", string];

function tokens(xml: string): Tok[] {
  const out: Tok[] = [];
  tokenize(xml, {
    open: (n, a, s) => out.push(["open", n, { ...a }, s]),
    close: (n) => out.push(["close", n]),
    text: (t) => out.push(["text", t]),
  });
  return out;
}

describe("xml tokenizer", () => {
  test("elements, attributes and text keep their prefixes", () => {
    expect(tokens('<w:p w:rsidR="00A1"><w:t xml:space="preserve"> 你好 </w:t></w:p>')).toEqual([
      ["open", "w:p", { "w:rsidR": "00A1" }, false],
      ["open", "w:t", { "xml:space": "preserve" }, false],
      ["text", " 你好 "],
      ["close", "w:t"],
      ["close", "w:p"],
    ]);
  });

  test("self-closing elements, with and without attributes and spaces", () => {
    expect(tokens('<a><w:tab/><w:b w:val="0" /><w:br\n/></a>')).toEqual([
      ["open", "a", {}, false],
      ["open", "w:tab", {}, true],
      ["close", "w:tab"],
      ["open", "w:b", { "w:val": "0" }, true],
      ["close", "w:b"],
      ["open", "w:br", {}, true],
      ["close", "w:br"],
      ["close", "a"],
    ]);
  });

  test("an attribute value may hold > and the other quote", () => {
    const root = parseXml(`<x a="1 > 0" b='say "hi"' c = "x/y"/>`);
    expect(root.attrs).toEqual({ a: "1 > 0", b: 'say "hi"', c: "x/y" });
  });

  test("predefined, decimal and hexadecimal references are decoded in text and attributes", () => {
    const root = parseXml('<t v="&lt;&quot;&apos;&gt;&amp;">a&lt;b&gt;c&amp;d &#x4E00;&#20108;&#x1F600;</t>');
    expect(root.attrs.v).toBe("<\"'>&");
    expect(textContent(root)).toBe("a<b>c&d 一二😀");
  });

  test("unknown entities and a lone ampersand are kept as written", () => {
    expect(decodeEntities("AT&T &nbsp; &amp")).toBe("AT&T &nbsp; &amp");
    expect(decodeEntities("&amp;amp;")).toBe("&amp;");
  });

  test("CDATA is text, not markup", () => {
    const root = parseXml("<t><![CDATA[<w:p> & ]]]]><![CDATA[>]]></t>");
    expect(textContent(root)).toBe("<w:p> & ]]>");
  });

  test("comments, processing instructions and a DOCTYPE are skipped", () => {
    const root = parseXml('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<!DOCTYPE x [<!ENTITY e "v">]><!-- a <b> --><x><?mso-application progid="Word.Document"?>a<!--c-->b</x>');
    expect(root.name).toBe("x");
    expect(textContent(root)).toBe("ab");
  });

  test("the tree gives children in order", () => {
    const root = parseXml("<r><a/><b>1</b><a>2</a></r>");
    expect(root.children.map((c) => (typeof c === "string" ? c : c.name))).toEqual(["a", "b", "a"]);
    expect(textContent(child(root, "b")!)).toBe("1");
  });

  test("unterminated constructs throw XmlError", () => {
    for (const bad of ["<a><b", "<a><b>text</b>", "<a x='1>", "<a><!-- x", "<a><![CDATA[x", "<?xml ", "just text"]) {
      expect(() => parseXml(bad)).toThrow(XmlError);
    }
  });

  test("handles large input (speed is measured by npm run bench)", () => {
    const xml = "<w:body>" + '<w:p><w:r><w:rPr><w:b w:val="1"/></w:rPr><w:t>文字&amp;</w:t></w:r></w:p>'.repeat(20000) + "</w:body>";
    const root = parseXml(xml);
    expect(root.children.length).toBe(20000);
  });
});
