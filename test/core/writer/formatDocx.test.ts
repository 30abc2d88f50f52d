import * as fs from "fs";
import * as path from "path";
import { unzipSync, zipSync } from "fflate";
import { check } from "../../../src/core/engine";
import { formatSegments, paragraphRole } from "../../../src/core/format/levels";
import type { DocModel } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import { resolveProfile } from "../../../src/core/profiles";
import { ReaderError, readDocx } from "../../../src/core/reader";
import { writeDocx } from "../../../src/core/writer/docx";
import { parseSpans } from "../../../src/core/writer/xmlspan";
import { formatDocx } from "../../../src/core/writer/formatDocx";

const FIXTURES = ["gongwen.docx", "gongwen-lo.docx", "lo-outline.docx"];
const load = (name: string) => new Uint8Array(fs.readFileSync(path.join(__dirname, "..", "..", "fixtures", "docx", name)));
const spec = resolveProfile("gongwen").format;
const dec = new TextDecoder();

/** The concatenated content of every w:t in document.xml, as written (entities not decoded). */
function rawText(bytes: Uint8Array): string {
  const xml = dec.decode(unzipSync(bytes)["word/document.xml"]);
  let s = "";
  for (const m of xml.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) s += m[1];
  return s;
}

/**
 * The fixture with its house formatting wiped: every East Asian font → 宋体, every size → 12 pt,
 * line spacing → single, indents → none, margins → 1 inch (in document.xml and styles.xml).
 */
function scramble(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  for (const part of ["word/document.xml", "word/styles.xml"]) {
    if (!files[part]) continue;
    const xml = dec
      .decode(files[part])
      .replace(/w:eastAsia="[^"]*"/g, 'w:eastAsia="宋体"')
      .replace(/(<w:(?:sz|szCs) w:val=")\d+"/g, '$124"')
      .replace(/w:line="\d+" w:lineRule="exact"/g, 'w:line="240" w:lineRule="auto"')
      .replace(/w:firstLine(Chars)?="\d+"/g, 'w:firstLine$1="0"')
      .replace(/(<w:pgMar[^>]*?w:(?:top|bottom|left|right)=")\d+"/g, '$11440"');
    files[part] = new TextEncoder().encode(xml);
  }
  return zipSync(files);
}

const texts = (d: DocModel) => [...d.paragraphs, ...d.otherParagraphs].map((p) => `${p.part}|${p.listLabel ?? ""}|${p.text}`);

const EXPECTED_FONT: Record<string, string> = {
  title: "方正小标宋简体",
  level1: "黑体",
  level2: "楷体_GB2312",
  level3: "仿宋_GB2312",
  level4: "仿宋_GB2312",
  body: "仿宋_GB2312",
  salutation: "仿宋_GB2312",
};

/**
 * A draft of run-in headings of every kind — 「（一）……。」, 「一是……。」, 「1.……。」 — each in one
 * run with the body text after it (the formatter splits the run), with markup characters that
 * are escaped in the XML.
 */
const runInDraft = (): Uint8Array =>
  writeDocx(
    [
      { role: "title", text: "关于做好有关工作的通知" },
      { role: "body", text: "各单位：" },
      { role: "body", text: "一、总体要求" },
      { role: "body", text: "一是精神风貌好。我作为局长，几乎每天都在接受“办公室”的服务。" },
      { role: "body", text: "二是工作风气正。办公室的工作能否做好，关键是作风<实在>。" },
      { role: "body", text: "（一）加强学习。要认真学习有关文件&精神。" },
      { role: "body", text: "1.学深悟透。要原原本本学，逐字逐句学。" },
      { role: "body", text: "（二）狠抓落实：各单位要按时完成。" },
    ],
    spec,
  );

const CASES: Array<[string, () => Uint8Array]> = [
  ...FIXTURES.flatMap((n): Array<[string, () => Uint8Array]> => [
    [n, () => load(n)],
    [`${n} with its formatting wiped`, () => scramble(load(n))],
  ]),
  ["run-in headings of every kind", runInDraft],
  ["run-in headings of every kind with the formatting wiped", () => scramble(runInDraft())],
];

describe.each(CASES)("formatDocx on %s", (name, make) => {
  const input = make();
  const before = readDocx(input);
  const { bytes, changed, pageNumbers } = formatDocx(input, spec);
  const after = readDocx(bytes);
  const outline = buildOutline(after);

  it("keeps every paragraph's text and the w:t content", () => {
    // The 页码 footers formatDocx adds (odd and even: 「— 1 —」 as cached) are the only new text.
    const ours = (t: string) => pageNumbers === "added" && t === "footer||— 1 —";
    expect(texts(after).filter((t) => !ours(t))).toEqual(texts(before));
    expect(rawText(bytes)).toBe(rawText(input));
    expect(changed).toBeGreaterThan(0);
  });

  it("applies fonts, sizes, indent and line spacing by detected level", () => {
    const roles = after.paragraphs.map((_, i) => paragraphRole(after, outline, i));
    // The fixture has the levels we care about.
    expect(roles).toContain("level1");
    expect(roles).toContain("body");
    let checked = 0;
    after.paragraphs.forEach((p, i) => {
      const role = roles[i];
      if (!(role in EXPECTED_FONT)) return;
      for (const seg of formatSegments(after, outline, i, role)) {
        for (const r of p.runs) {
          if (r.end <= seg.start || r.start >= seg.end || !r.text.trim()) continue;
          expect(`${i}:${r.fontEastAsia}`).toBe(`${i}:${EXPECTED_FONT[seg.role]}`);
          expect(r.fontLatin).toBe("Times New Roman");
          expect(r.sizePt).toBe(spec[seg.role === "salutation" ? "body" : (seg.role as "body")].sizePt);
          checked++;
        }
      }
      expect(p.lineSpacing).toEqual({ rule: "exact", value: 28.95 });
      if (role === "body") expect(p.firstLineIndentChars).toBe(2);
      if (role === "title") expect(p.alignment).toBe("center");
    });
    expect(checked).toBeGreaterThan(3);
  });

  it("sets the page of every section and adds the named styles", () => {
    expect(after.sections.length).toBe(before.sections.length);
    for (const s of after.sections) {
      expect([s.marginTopMm, s.marginBottomMm, s.marginLeftMm, s.marginRightMm]).toEqual([37, 35, 28, 26]);
      expect([s.pageWidthMm, s.pageHeightMm]).toEqual([210, 297]);
    }
    const styles = dec.decode(unzipSync(bytes)["word/styles.xml"]);
    for (const n of ["公文标题", "一级标题", "二级标题", "三级标题", "四级标题", "正文"]) expect(styles).toContain(`w:val="${n}"`);
  });

  it("leaves no font, paragraph or page finding for the format rules", () => {
    if (name.includes("wiped")) {
      // The scrambled input really is badly formatted.
      const bad = check(before, { profile: resolveProfile("gongwen") }).filter((f) => f.rule.startsWith("format-"));
      expect(new Set(bad.map((f) => f.rule))).toEqual(new Set(["format-font", "format-paragraph", "format-page"]));
      expect(bad.length).toBeGreaterThan(10);
    }
    const findings = check(after, { profile: resolveProfile("gongwen") }).filter((f) => f.rule.startsWith("format-"));
    expect(findings.map((f) => `${f.rule}@${f.paragraph}: ${f.message}`)).toEqual([]);
  });

  it("is idempotent: formatting again changes nothing", () => {
    const again = formatDocx(bytes, spec);
    expect(again.changed).toBe(0);
    expect(dec.decode(unzipSync(again.bytes)["word/document.xml"])).toBe(dec.decode(unzipSync(bytes)["word/document.xml"]));
  });
});

describe("formatDocx details", () => {
  const gw = resolveProfile("gongwen").format;

  it("splits a run-in heading's run so the heading part gets the heading font", () => {
    const src = writeDocx(
      [
        { role: "title", text: "关于做好有关工作的通知" },
        { role: "body", text: "（一）加强学习。要认真学习有关文件&精神。" },
        { role: "body", text: "（二）狠抓落实。各单位要按时完成。" },
      ],
      gw,
    );
    const out = readDocx(formatDocx(src, gw).bytes);
    const p = out.paragraphs[1];
    expect(p.text).toBe("（一）加强学习。要认真学习有关文件&精神。");
    expect(p.runs.map((r) => [r.text, r.fontEastAsia])).toEqual([
      ["（一）加强学习。", "楷体_GB2312"],
      ["要认真学习有关文件&精神。", "仿宋_GB2312"],
    ]);
  });

  it("keeps other run properties (bold, colour) and replaces theme fonts", () => {
    const base = writeDocx([{ role: "body", text: "今天召开会议，研究部署工作。" }], gw);
    const files = unzipSync(base);
    let xml = dec.decode(files["word/document.xml"]);
    xml = xml.replace(
      '<w:r><w:t xml:space="preserve">今天',
      '<w:r><w:rPr><w:rFonts w:eastAsiaTheme="minorEastAsia" w:hint="eastAsia"/><w:b/><w:color w:val="FF0000"/><w:sz w:val="21"/></w:rPr><w:t xml:space="preserve">今天',
    );
    const { zipSync } = jest.requireActual("fflate") as typeof import("fflate");
    files["word/document.xml"] = new TextEncoder().encode(xml);
    const out = formatDocx(zipSync(files), gw);
    const outXml = dec.decode(unzipSync(out.bytes)["word/document.xml"]);
    expect(outXml).toContain('<w:rFonts w:hint="eastAsia" w:ascii="Times New Roman" w:hAnsi="Times New Roman" w:eastAsia="仿宋_GB2312"/><w:b/><w:color w:val="FF0000"/><w:sz w:val="32"/><w:szCs w:val="32"/>');
    const r = readDocx(out.bytes).paragraphs[0].runs[0];
    expect(r.bold).toBe(true);
    expect(r.fontEastAsia).toBe("仿宋_GB2312");
  });

  it("does not touch table cells, centred lines or the 落款", () => {
    const src = writeDocx(
      [
        { role: "title", text: "关于做好有关工作的通知" },
        { role: "body", text: "为做好工作，现通知如下。" },
        { role: "signature", text: "某某县人民政府" },
      ],
      gw,
    );
    const before = dec.decode(unzipSync(src)["word/document.xml"]);
    const after = dec.decode(unzipSync(formatDocx(src, gw).bytes)["word/document.xml"]);
    const sig = (x: string) => x.slice(x.lastIndexOf("<w:p>"), x.indexOf("</w:p>", x.lastIndexOf("<w:p>")));
    expect(sig(after)).toBe(sig(before));
  });

  it("throws ReaderError for what is not a .docx", () => {
    expect(() => formatDocx(new TextEncoder().encode("hello"), gw)).toThrow(ReaderError);
  });
});

describe("parseSpans (offsets from the reader's tokenizer)", () => {
  it("nests elements, keeps offsets, and is not fooled by a self-closing tag named like an ancestor", () => {
    const xml = '<?xml version="1.0"?><a x="1>2"><b/><a/><c>t</c></a>';
    const root = parseSpans(xml);
    expect(root.name).toBe("a");
    expect(root.children.map((c) => c.name)).toEqual(["b", "a", "c"]);
    expect(xml.slice(root.start, root.openEnd)).toBe('<a x="1>2">');
    expect(xml.slice(root.closeStart, root.end)).toBe("</a>");
    const c = root.children[2];
    expect(xml.slice(c.start, c.end)).toBe("<c>t</c>");
    expect(() => parseSpans("<a><b></a")).toThrow();
  });
});
