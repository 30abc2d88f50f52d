import { docFromText } from "../../../src/core/model";
import { buildOutline, findMergedHeadings, findRunIns, parseMarker, scanParagraph } from "../../../src/core/numbering";
import type { Marker, RunIn } from "../../../src/core/numbering";

const TEXTS = [
  "一是加强学习，二是 　转变作风；三是狠抓落实。",
  "简单来说，一是快，二是好。首先，要统一思想，其次，要落实。",
  "简单来说，首先要统一思想。",
  "（一）加强领导。一是健全机制；二是压实责任。二、 工作要求",
  "会议指出。 （三）强化保障。3.细化措施！（1）明确分工",
  "1、2号楼，3.5%的增长。一、二年级。第一、二季度，第一，抓学习",
  "一是一、二是二，其一，其二是",
];

function viaScan(text: string): { runIns: RunIn[]; merged: Marker[] } {
  const runIns: RunIn[] = [];
  const merged: Marker[] = [];
  scanParagraph(text, parseMarker(text), runIns, merged);
  return { runIns, merged };
}

describe("scanParagraph", () => {
  it.each(TEXTS)("finds what findRunIns and findMergedHeadings find: %s", (text) => {
    const { runIns, merged } = viaScan(text);
    expect(runIns).toEqual(findRunIns(text));
    expect(merged).toEqual(findMergedHeadings(text));
  });

  it("skips spaces after a boundary and keeps the comma rule for 首先", () => {
    const { runIns } = viaScan("简单来说， 一是快。 首先，要统一思想，首先，不算");
    expect(runIns.map((r) => r.raw)).toEqual(["一是", "首先，"]);
  });

  it("reports merged headings only after 。！？", () => {
    const { merged } = viaScan("会议指出。 （三）强化保障；（四）不算！2.细化");
    expect(merged.map((m) => m.raw)).toEqual(["（三）", "2."]);
  });

  it("gives the outline the same run-ins paragraph by paragraph", () => {
    const doc = docFromText(TEXTS.join("\n"));
    const outline = buildOutline(doc);
    doc.paragraphs.forEach((p) => {
      const expected = findRunIns(p.text);
      expect(outline.runIns.get(p.index) ?? []).toEqual(expected);
    });
  });

  it("stays linear on a long paragraph full of boundaries", () => {
    const text = "，一是，二要；第三，其四。首先，".repeat(20000);
    const t = Date.now();
    const { runIns } = viaScan(text);
    expect(runIns.length).toBeGreaterThan(50000);
    expect(Date.now() - t).toBeLessThan(2000);
  });
});
