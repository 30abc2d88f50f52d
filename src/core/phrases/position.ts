/**
 * Which part of a speech a paragraph is in, from the document's headings (the host passes it with
 * the cursor, so a closing paragraph gets 结尾 phrases and the opening gets 开头 ones):
 *  - opening: before the first top-level heading (the greeting, the purpose of the meeting);
 *  - closing: after the last top-level section's content, from the first paragraph there that opens
 *    the closing call (同志们， / 各位代表！/ 让我们 / 最后， / 总之， / 谢谢大家), or from a top-level
 *    heading that is itself the closing call (「为……而奋斗」);
 *  - section: everything else.
 * "Top-level" is the smallest heading level the document uses (一、 in most speeches, （一） in a
 * short one). A document without headings has no parts (undefined).
 * One pass over the paragraphs; never throws.
 */
export type DocumentPart = "opening" | "section" | "closing";

export interface PartParagraph {
  text: string;
  /** Heading level (1 一、, 2 （一）, …) or undefined for body text. */
  level?: number;
}

const CLOSING_LEAD = /^(?:同志们|各位代表|各位领导|代表们|朋友们)[，,！!：:]|^(?:让我们|最后[，,]|总之[，,]|谢谢大家|今天就讲|我就讲这些|我就讲到这里)/;
const CLOSING_HEADING = /(?:而(?:团结|努力|不懈)?奋斗|而努力|让我们)/;

function validLevel(l: unknown): number | undefined {
  return typeof l === "number" && Number.isInteger(l) && l >= 1 ? l : undefined;
}

export function documentPart(paragraphs: ReadonlyArray<PartParagraph>, index: number): DocumentPart | undefined {
  if (!Array.isArray(paragraphs) || !Number.isInteger(index) || index < 0 || index >= paragraphs.length) return undefined;
  let top = Infinity;
  for (const p of paragraphs) {
    const l = validLevel(p?.level);
    if (l !== undefined && l < top) top = l;
  }
  if (top === Infinity) return undefined;
  let first = -1;
  let last = -1;
  for (let i = 0; i < paragraphs.length; i++) {
    if (validLevel(paragraphs[i]?.level) === top) {
      if (first < 0) first = i;
      last = i;
    }
  }
  if (index < first) return "opening";
  const text = (i: number) => (typeof paragraphs[i]?.text === "string" ? paragraphs[i].text.trim() : "");
  let closingFrom = paragraphs.length;
  if (CLOSING_HEADING.test(text(last))) closingFrom = last;
  else {
    for (let i = last + 1; i < paragraphs.length; i++) {
      if (validLevel(paragraphs[i]?.level) !== undefined) continue;
      if (CLOSING_LEAD.test(text(i))) {
        closingFrom = i;
        break;
      }
    }
  }
  return index >= closingFrom ? "closing" : "section";
}
