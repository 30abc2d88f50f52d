/**
 * 页码 in live Word, written by 一键排版 (core/format/pageNumbers.ts says how they look): a footer
 * paragraph 「— PAGE —」 (宋体 4号, a real PAGE field) put into the first section's footers with
 * `getFooter(…).insertOoxml(…, "Replace")` (WordApi 1.1; SectionCollection.getFirst is 1.3).
 *
 * Round trips: none of its own. `queuePageNumbers` only queues reads — the caller's first sync
 * brings them in — and `write()` only queues writes for the caller's last sync.
 *
 * Odd/even placement (the profile's "gbt") needs different odd and even footers, which Word
 * exposes only from WordApiDesktop 1.3 (`Section.pageSetup.oddAndEvenPagesHeaderFooter`; WordApi
 * 1.3 cannot switch it, and insertOoxml does not carry settings.xml). There: odd footer right,
 * even footer left, each one character in, and an empty even header gets the primary header's
 * content (else switching on odd/even would blank it on even pages). Elsewhere (Word on the web,
 * older Word) the number is centred on every page.
 *
 * Footers that show anything already (a page number of the document's own, text) are left alone,
 * as `biganzi format` leaves them. Only the first section is written; later sections show it when
 * they are linked to the previous one (Word's default), else keep their own footers.
 */
import { footerAligns, footerParagraphXml, type FooterAlign } from "../core/format/pageNumbers";
import type { Fix } from "../core/edits";
import { speechProfile, type FormatSpec } from "../core/profiles";

const PKG_NS = "http://schemas.microsoft.com/office/2006/xmlPackage";
const W_NS = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

/** What 一键排版 did about the page numbers. */
export type PageNumberOutcome = "added" | "kept" | "off";

/** A flat-OPC package holding the footer paragraph (for insertOoxml). */
export function footerPackage(align: FooterAlign): string {
  return (
    `<pkg:package xmlns:pkg="${PKG_NS}">` +
    `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
    `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
    `<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/>` +
    `</Relationships></pkg:xmlData></pkg:part>` +
    `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>` +
    `<w:document xmlns:w="${W_NS}"><w:body>${footerParagraphXml(align)}</w:body></w:document>` +
    `</pkg:xmlData></pkg:part></pkg:package>`
  );
}

const blank = (b: Word.Body | undefined): boolean => !b || b.text.trim().length === 0;

/**
 * Queues the reads page numbers need (no sync). After the caller's next sync, `write()` queues
 * the footers (or leaves the document's own) and says which. `oddEven`: WordApiDesktop 1.3.
 */
export function queuePageNumbers(
  context: Word.RequestContext,
  spec: FormatSpec | undefined,
  oddEven: boolean,
): { write: () => PageNumberOutcome } {
  const aligns = footerAligns((spec ?? speechProfile().format).pageNumbers);
  if (!aligns) return { write: () => "off" };
  const split = aligns.even !== undefined && oddEven;
  const section = context.document.sections.getFirst();
  const primary = section.getFooter("Primary");
  const first = section.getFooter("FirstPage");
  const even = split ? section.getFooter("EvenPages") : undefined;
  for (const f of [primary, first, even]) f?.load("text");
  const header = split ? section.getHeader("Primary") : undefined;
  const evenHeader = split ? section.getHeader("EvenPages") : undefined;
  header?.load("text");
  evenHeader?.load("text");
  const headerXml = header?.getOoxml();
  return {
    write: () => {
      if (![primary, first, even].every(blank)) return "kept";
      const odd = split ? "right" : "center";
      if (split) {
        section.pageSetup.oddAndEvenPagesHeaderFooter = true;
        even!.insertOoxml(footerPackage("left"), "Replace");
        if (!blank(header) && blank(evenHeader)) evenHeader!.insertOoxml(headerXml!.value, "Replace");
      }
      primary.insertOoxml(footerPackage(odd), "Replace");
      // Shown only when the section has a first page of its own; GB/T 9704 numbers that page too.
      first.insertOoxml(footerPackage(odd), "Replace");
      return "added";
    },
  };
}

/** The description of 一键排版's fix (the 大纲 tab): the batch that also writes the page numbers. */
export const FORMAT_DESCRIPTION = "一键排版";

/** True for 一键排版's batch of format edits. */
export function isFormatAction(fix: Fix): boolean {
  return fix.description === FORMAT_DESCRIPTION && (fix.format?.length ?? 0) > 0;
}
