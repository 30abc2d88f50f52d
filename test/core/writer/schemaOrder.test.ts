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
