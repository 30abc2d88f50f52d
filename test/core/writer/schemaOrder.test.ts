/**
 * Word refuses (「无法读取的内容」) a w:pPr, w:rPr or w:sectPr whose children are out of the schema's
 * sequence (ECMA-376 Part 1, CT_PPr / CT_RPr / CT_SectPr). Every property element `biganzi format`
 * and `biganzi fix` write must keep it, also where they add several children to a w:pPr that held
 * none (a 版头/版记 line gets spacing, indent, alignment and its border line at once).
 */
import { unzipSync } from "fflate";
import { Document, Packer, Paragraph, TextRun } from "docx";
import { resolveProfile } from "../../../src/core/profiles";
import { formatDocx, PPR_ORDER, RPR_ORDER } from "../../../src/core/writer/formatDocx";
import { parseSpans, type SpanElement } from "../../../src/core/writer/xmlspan";
import { readFileSync } from "fs";
import { FORMAT_DESCRIPTION } from "../../../src/core/host";
import { buildOutline } from "../../../src/core/numbering";
import { formatPlan } from "../../../src/core/outline";
import { readDocx } from "../../../src/core/reader";
import { fixDocx } from "../../../src/core/writer/fixDocx";
import { spliceModel, withOrigins } from "../../../src/core/writer/spliceModel";
import { MemoryHost } from "../../../src/preview/memoryHost";
import { join } from "path";

const dec = new TextDecoder();

/** The children of every `name` element in document order that break `order`: "w:jc before w:pBdr" … */
function outOfOrder(xml: string, name: string, order: string[]): string[] {
  const bad: string[] = [];
  const visit = (el: SpanElement): void => {
    if (el.name === name) {
      let last = -1;
      let lastName = "";
      for (const c of el.children) {
        const k = order.indexOf(c.name);
        if (k < 0) continue;
        if (k < last) bad.push(`${lastName} before ${c.name}`);
        if (k > last) {
          last = k;
          lastName = c.name;
        }
      }
    }
    for (const c of el.children) visit(c);
  };
  visit(parseSpans(xml));
  return bad;
}

async function gongwen(styled = false): Promise<Uint8Array> {
  // Plain paragraphs, with no properties at all or only a style (w:pPr holding a w:pStyle alone):
  // every property the formatter wants is inserted, several at one place.
  const lines = [
    "某市人民政府文件",
    "某政发〔2026〕12号",
    "关于做好冬季安全生产工作的通知",
    "各区县人民政府：",
    "现就有关事项通知如下。",
    "一、提高思想认识",
    "各级各部门要把安全生产摆在更加突出的位置。",
    "附件：1.安全检查表",
    "某市人民政府",
    "2026年11月20日",
    "抄送：市委办公室。",
    "某市人民政府办公室　　　　2026年11月20日印发",
  ];
  const doc = new Document({
    sections: [{ children: lines.map((text) => new Paragraph({ ...(styled ? { style: "Normal" } : {}), children: [new TextRun(text)] })) }],
  });
  return new Uint8Array(await Packer.toBuffer(doc));
}

describe("property elements keep the schema's order", () => {
  it.each<[string, () => Promise<Uint8Array> | Uint8Array, string]>([
    ["a 公文 typed as plain paragraphs", () => gongwen(), "gongwen"],
    ["a 公文 whose paragraphs name their style", () => gongwen(true), "gongwen"],
    ["the LibreOffice 公文 fixture", () => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/docx/gongwen-lo.docx"))), "gongwen"],
    ["the LibreOffice outline fixture as a speech", () => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/docx/lo-outline.docx"))), "speech"],
  ])("%s", async (_name, make, profileId) => {
    const out = formatDocx(await make(), resolveProfile(profileId).format).bytes;
    const xml = dec.decode(unzipSync(out)["word/document.xml"]);
    expect(outOfOrder(xml, "w:pPr", PPR_ORDER)).toEqual([]);
    expect(outOfOrder(xml, "w:rPr", RPR_ORDER)).toEqual([]);
  });
});

// ---------------------------------------------------------------------------
// 下载文档 (spliceModel) and `biganzi fix` (fixDocx) write the same properties through propSplice.ts:
// after 一键排版 in the preview, and as format fixes, with the colour, indents and border lines.

/** The file opened in the preview, 一键排版 applied there, written back by 下载文档. */
async function splicedAfterFormatting(bytes: Uint8Array, profileId: string): Promise<Uint8Array> {
  const spec = resolveProfile(profileId).format;
  const read = readDocx(bytes);
  const host = new MemoryHost(withOrigins(read), { profile: { format: spec } });
  const doc = await host.readDocument();
  const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
  const r = await host.applyFixes([{ description: FORMAT_DESCRIPTION, format: formatPlan(doc, buildOutline(doc), spec) }], expected);
  expect(r.applied).toBe(1);
  return spliceModel(bytes, read, host.document.model).bytes;
}

/** The same formatting as fixes for `biganzi fix`: one fix per paragraph (its page numbers left out). */
function fixedWithFormatting(bytes: Uint8Array, profileId: string): Uint8Array {
  const read = readDocx(bytes);
  const plan = formatPlan(read, buildOutline(read), resolveProfile(profileId).format);
  const fixes = plan.map((e) => ({ description: "格式", format: [e] }));
  const res = fixDocx(bytes, read, fixes);
  expect(res.outcomes.filter((o) => o.applied).length).toBeGreaterThan(0);
  return res.bytes;
}

const PBDR_ORDER = ["w:top", "w:left", "w:bottom", "w:right", "w:between", "w:bar"];

describe("property elements of 下载文档 and `biganzi fix` keep the schema's order", () => {
  const sources: Array<[string, () => Promise<Uint8Array> | Uint8Array, string]> = [
    ["a 公文 typed as plain paragraphs", () => gongwen(), "gongwen"],
    ["a 公文 whose paragraphs name their style", () => gongwen(true), "gongwen"],
    ["the LibreOffice 公文 fixture", () => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/docx/gongwen-lo.docx"))), "gongwen"],
    ["the LibreOffice outline fixture as a speech", () => new Uint8Array(readFileSync(join(__dirname, "../../fixtures/docx/lo-outline.docx"))), "speech"],
  ];
  const check = (out: Uint8Array) => {
    const xml = dec.decode(unzipSync(out)["word/document.xml"]);
    expect(outOfOrder(xml, "w:pPr", PPR_ORDER)).toEqual([]);
    expect(outOfOrder(xml, "w:rPr", RPR_ORDER)).toEqual([]);
    expect(outOfOrder(xml, "w:pBdr", PBDR_ORDER)).toEqual([]);
    return xml;
  };
  it.each(sources)("下载文档 after 一键排版: %s", async (_name, make, profileId) => {
    const xml = check(await splicedAfterFormatting(await make(), profileId));
    // The typed 公文 has a 版头 and a 版记: their lines, indents and red are among what was written.
    if (_name.startsWith("a 公文")) {
      expect(xml).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*<w:pBdr>/);
      expect(xml).toMatch(/w:hangingChars="[1-9]/);
    }
  });
  it.each(sources)("biganzi fix with 一键排版's edits as fixes: %s", async (_name, make, profileId) => {
    const xml = check(fixedWithFormatting(await make(), profileId));
    if (_name.startsWith("a 公文")) expect(xml).toMatch(/<w:color w:val="FF0000"\/>[\s\S]*<w:pBdr>/);
  });
});
