/**
 * Insertion at the cursor, each in a constant number of syncs: paragraphs styled by role (a
 * skeleton, a heading; 2 syncs), plain text (1), and a phrase placed so that it never damages a
 * heading or replaces a selection the pane made (core/phrases/placement.ts; 2 syncs).
 */
import type { InsertParagraph } from "../../core/host";
import { placePhrase, type PhrasePlacement } from "../../core/phrases/placement";
import type { FormatSpec } from "../../core/profiles";
import type { WordFeatures } from "../host";
import { buildParagraphsPackage } from "../ooxml";
import { roleFormats, styleDefinitions, STYLE_NAMES, WORD_ALIGNMENT, wordOutlineLevel, type RoleFormat } from "../roles";
import { normalizeWordText } from "../text";
import { outlineLevelName, queueRoleFormat } from "./formatting";

/** What `select` last selected (paragraph text and selected text): a phrase never replaces it. */
export interface PaneSelection {
  paragraphText: string;
  selected: string;
}

function styleParagraph(p: Word.Paragraph, f: RoleFormat, features: WordFeatures, eastAsiaCarried = false): void {
  if (features.stylesApi) p.style = f.styleName;
  queueRoleFormat(p, f, features, eastAsiaCarried);
}

/**
 * Inserts paragraphs after the cursor's paragraph (2 syncs). Each looks as its `format` says when
 * the pane gives one, else as its role does in `spec`. Our named styles are created where missing
 * (WordApi 1.5), defined by `spec`; the paragraph's own format is then set directly over its style.
 */
export async function insertParagraphs(context: Word.RequestContext, paras: InsertParagraph[], spec: FormatSpec | undefined, features: WordFeatures): Promise<void> {
  const roles = roleFormats(spec);
  const formatOf = (p: InsertParagraph): RoleFormat => p.format ?? roles[p.role];
  const useStyles = features.stylesApi;
  const farEast = features.farEastFont;
  const doc = context.document;
  const anchor = doc.getSelection().paragraphs.getLast();
  anchor.load("text");
  const existing = new Map<string, Word.Style>();
  if (useStyles) {
    const styles = doc.getStyles();
    for (const name of STYLE_NAMES) {
      const s = styles.getByNameOrNullObject(name);
      s.load("nameLocal");
      existing.set(name, s);
    }
  }
  await context.sync(); // 1: the cursor paragraph, which styles exist

  if (useStyles) {
    const defs = styleDefinitions(spec);
    for (const name of STYLE_NAMES) {
      if (!existing.get(name)!.isNullObject) continue;
      const f = defs[name];
      const s = doc.addStyle(name, "Paragraph");
      // Without nameFarEast the style's one font name must carry the East Asian font.
      s.font.name = farEast ? f.fontLatin : f.fontEastAsia;
      if (farEast) s.font.nameFarEast = f.fontEastAsia;
      s.font.size = f.sizePt;
      s.font.bold = f.bold ?? false;
      s.paragraphFormat.alignment = WORD_ALIGNMENT[f.alignment];
      s.paragraphFormat.firstLineIndent = f.firstLineIndentPt;
      s.paragraphFormat.rightIndent = f.rightIndentPt;
      s.paragraphFormat.lineSpacing = f.lineSpacingPt;
      s.paragraphFormat.outlineLevel = outlineLevelName(wordOutlineLevel(f.outlineLevel));
    }
  }
  // An empty cursor paragraph takes the inserted paragraphs instead of staying blank.
  const emptyAnchor = normalizeWordText(anchor.text).trim() === "";
  if (!farEast) {
    // No API for the East Asian font: one OOXML package with the styles and direct w:rFonts eastAsia.
    const target = emptyAnchor ? anchor : anchor.insertParagraph("", "After");
    const range = target.insertOoxml(buildParagraphsPackage(paras, spec), "Replace");
    // The package's last paragraph merges into the target and keeps the target's paragraph
    // properties (office-js #2914): restate its format directly (its runs keep the package's
    // East Asian font).
    styleParagraph(range.paragraphs.getLast(), formatOf(paras[paras.length - 1]), features, true);
  } else {
    let prev: Word.Paragraph = anchor;
    let rest = paras;
    if (emptyAnchor) {
      anchor.insertText(paras[0].text, "Replace");
      styleParagraph(anchor, formatOf(paras[0]), features);
      rest = paras.slice(1);
    }
    for (const para of rest) {
      const np = prev.insertParagraph(para.text, "After");
      styleParagraph(np, formatOf(para), features);
      prev = np;
    }
  }
  await context.sync(); // 2: styles, paragraphs, formatting
}

/** Plain text at the cursor, replacing the selection (1 sync). */
export async function insertText(context: Word.RequestContext, text: string): Promise<void> {
  context.document.getSelection().insertText(text, "Replace");
  await context.sync();
}

/**
 * A phrase where it does no harm (2 syncs): `pane` is what the pane last selected with `select`,
 * `body` the format a phrase put in a paragraph of its own gets.
 */
export async function insertPhrase(context: Word.RequestContext, text: string, pane: PaneSelection | undefined, body: RoleFormat, features: WordFeatures): Promise<PhrasePlacement> {
  const sel = context.document.getSelection();
  const selected = sel.paragraphs;
  selected.load("items/text,items/outlineLevel,items/isListItem");
  const first = selected.getFirst();
  // The text from the start of the selection's first paragraph to the selection: the caret's offset.
  const before = first.getRange("Start").expandTo(sel.getRange("Start"));
  before.load("text");
  sel.load("text");
  await context.sync(); // 1: where the selection is and what it holds
  const items = selected.items;
  const ptext = items.length > 0 ? normalizeWordText(items[0].text) : "";
  const start = normalizeWordText(before.text).length;
  const selectedText = normalizeWordText(sel.text);
  const multi = items.length > 1;
  const placed = placePhrase({
    text: ptext,
    // Word's text leaves out an auto-numbered label: a numbered paragraph counts as a heading.
    ...(items[0]?.isListItem ? { listLabel: "一、" } : {}),
    headingStyle: items.length > 0 && items[0].outlineLevel >= 1 && items[0].outlineLevel <= 9 && ptext.length <= 60,
    start,
    end: multi ? start : start + selectedText.length,
    multiParagraph: multi,
    paneSelection: pane !== undefined && pane.paragraphText === ptext && pane.selected === selectedText,
  });
  if (placed === "new-paragraph" && items.length > 0) {
    const last = items[items.length - 1];
    const np = last.insertParagraph(text, "After");
    // A paragraph inserted after a heading takes its style and list numbering: make it body text.
    if (last.isListItem) np.detachFromList();
    np.styleBuiltIn = "Normal";
    queueRoleFormat(np, body, features);
  } else if (placed === "after-selection") {
    sel.insertText(text, "After");
  } else {
    sel.insertText(text, "Replace");
  }
  await context.sync(); // 2: the insertion
  return placed;
}
