/**
 * Reading the document into the model: the body's OOXML through the core reader (one sync), or,
 * where getOoxml fails (payload limits on the web, GeneralException) or gives a package the
 * reader cannot read, the paragraph collection's properties (1–2 more syncs). Either way the
 * model's paragraphs are aligned with Word's collection (paragraphMap.ts).
 */
import type { DocModel, Paragraph } from "../../core/model";
import { isOoxmlFallbackError } from "../errors";
import { alignParagraphs, normalizeWordText } from "../text";
import { ALIGN_FROM_WORD, nn } from "./formatting";
import type { ParagraphMap } from "./paragraphMap";

/** Properties loaded when getOoxml() is not available (web payload limits, GeneralException). */
const FALLBACK_LOAD =
  "items/text,items/tableNestingLevel,items/style,items/alignment,items/firstLineIndent,items/outlineLevel," +
  "items/font/name,items/font/size,items/font/bold";
/** listItemOrNullObject can throw GeneralException on the web with tracked changes (office-js #5901). */
const FALLBACK_LIST = ",items/listItemOrNullObject/listString";

/** A model paragraph from Word's paragraph properties (no East Asian font: the API lacks it before WordApiDesktop 1.3). */
function paragraphFromWord(p: Word.Paragraph, index: number, withList: boolean): Paragraph {
  const text = normalizeWordText(p.text);
  const font = p.font;
  const level = p.outlineLevel;
  const li = withList ? p.listItemOrNullObject : undefined;
  const label = li && !li.isNullObject ? li.listString : undefined;
  return {
    index,
    part: "body",
    text,
    ...(label ? { listLabel: label } : {}),
    ...(p.style ? { styleName: p.style } : {}),
    ...(typeof level === "number" && level >= 1 && level <= 9 ? { outlineLevel: level - 1 } : {}),
    ...(ALIGN_FROM_WORD[String(p.alignment)] ? { alignment: ALIGN_FROM_WORD[String(p.alignment)] } : {}),
    ...(typeof p.firstLineIndent === "number" ? { firstLineIndentPt: p.firstLineIndent } : {}),
    // Line spacing is left out: the API gives points without the rule (exact / at least / multiple).
    runs: text
      ? [{ text, start: 0, end: text.length, fontLatin: nn(font.name) || undefined, sizePt: nn(font.size), bold: nn(font.bold) }]
      : [],
    ...(p.tableNestingLevel > 0 ? { inTable: true } : {}),
  };
}

/** Reads the whole document (one sync; 2–3 on the fallback) and remembers it in `map`. */
export async function readDocument(context: Word.RequestContext, parse: (xml: string) => DocModel, map: ParagraphMap): Promise<DocModel> {
  const body = context.document.body;
  const ooxml = body.getOoxml();
  const paras = body.paragraphs;
  paras.load("items/text,items/tableNestingLevel");
  let synced = true;
  try {
    await context.sync();
  } catch (e) {
    // Payload limits on the web, GeneralException: read paragraph by paragraph instead.
    if (!isOoxmlFallbackError(e)) throw e;
    synced = false;
  }
  let doc: DocModel | undefined;
  if (synced) {
    try {
      doc = { ...parse(ooxml.value), source: "word" };
    } catch {
      doc = undefined; // A package the reader cannot read: same fallback.
    }
  }
  if (doc) {
    const wordTexts = paras.items.map((p) => normalizeWordText(p.text));
    map.remember(
      doc,
      alignParagraphs(
        doc.paragraphs.map((p) => p.text),
        wordTexts,
      ),
    );
    return doc;
  }
  return readFromParagraphs(context, map);
}

/** Fallback: the model from the paragraph collection's properties (1–2 more syncs). */
async function readFromParagraphs(context: Word.RequestContext, map: ParagraphMap): Promise<DocModel> {
  let withList = true;
  let ps = context.document.body.paragraphs;
  ps.load(FALLBACK_LOAD + FALLBACK_LIST);
  try {
    await context.sync();
  } catch (e) {
    if (!isOoxmlFallbackError(e)) throw e;
    // Retry without list labels (the known web failure with tracked changes).
    withList = false;
    ps = context.document.body.paragraphs;
    ps.load(FALLBACK_LOAD);
    await context.sync();
  }
  const paragraphs = ps.items.map((p, i) => paragraphFromWord(p, i, withList));
  const doc: DocModel = { source: "word", paragraphs, otherParagraphs: [], sections: [], hasFormatting: true };
  map.remember(
    doc,
    paragraphs.map((_, i) => i),
  );
  return doc;
}
