import type { DocModel, Paragraph, Run, Section } from "../../src/core/model";

export type ParaSpec = Partial<Omit<Paragraph, "runs" | "index">> & {
  text: string;
  /** Formatting for a single run covering the whole text (ignored when `runs` is given). */
  font?: Partial<Pick<Run, "fontEastAsia" | "fontLatin" | "sizePt" | "bold">>;
  runs?: Array<Partial<Run> & { text: string }>;
};

export const A4_GBT9704: Section = {
  pageWidthMm: 210,
  pageHeightMm: 297,
  marginTopMm: 37,
  marginBottomMm: 35,
  marginLeftMm: 28,
  marginRightMm: 26,
};

/** A formatted document model for rule tests. Strings become plain paragraphs. */
export function makeDoc(paras: Array<ParaSpec | string>, sections: Section[] = [A4_GBT9704]): DocModel {
  const paragraphs: Paragraph[] = paras.map((spec, index) => {
    const s: ParaSpec = typeof spec === "string" ? { text: spec } : spec;
    const { font, runs: runSpecs, text, ...rest } = s;
    let runs: Run[];
    if (runSpecs) {
      let pos = 0;
      runs = runSpecs.map((r) => {
        const run: Run = { ...r, start: pos, end: pos + r.text.length };
        pos += r.text.length;
        return run;
      });
      if (pos !== text.length) throw new Error(`runs do not cover the text of paragraph ${index}`);
    } else {
      runs = text ? [{ text, start: 0, end: text.length, ...font }] : [];
    }
    return { part: "body", ...rest, index, text, runs };
  });
  return { source: "docx", paragraphs, otherParagraphs: [], sections, hasFormatting: true };
}
