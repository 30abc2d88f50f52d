/**
 * 页码 in live Word, written by 一键排版 (core/format/pageNumbers.ts says how they look): a footer
 * paragraph 「— PAGE —」 (宋体 4号, a real PAGE field) put into the first section's footers with
 * `getFooter(…).insertOoxml(…, "Replace")` (WordApi 1.1; SectionCollection.getFirst is 1.3).
 *
 * The placement is the one the 一键排版 fix asks for (the pane's 文稿类型, core/edits.ts
 * `pageNumbersOf`), else the host profile's.
 *
 * Round trips: none of its own. `queuePageNumbers` only queues reads — the caller's first sync
 * brings them in — and `write()` only queues writes for the caller's last sync. 撤销排版 takes
 * them back the same way (`queueRestore`): the stories' OOXML and the odd/even setting from before
 * are kept with the batch's undo entry and written back in undo's last sync.
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
import { speechProfile, type FormatSpec, type PageNumberMode } from "../core/profiles";

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

type StoryType = "Primary" | "FirstPage" | "EvenPages";

/** A header or footer 一键排版 wrote, as 撤销 needs it. */
export interface StoryUndo {
  kind: "footer" | "header";
  type: StoryType;
  /** Its OOXML before the write ("" when Word gave none: cleared on undo). */
  before: string;
  /** Its text as the write left it: undo puts it back only while it still reads so. */
  after: string;
}

/** What 一键排版 changed about the page numbers, kept for 撤销. */
export interface PageNumberUndo {
  stories: StoryUndo[];
  /** The odd/even headers-and-footers setting before 一键排版 switched it on (absent: not switched). */
  oddAndEven?: boolean;
}

/** Queued page numbers: `write` before the batch's last sync, `undo` after it. */
export interface QueuedPageNumbers {
  /** Queues the footers (or leaves the document's own) and says which. */
  write(): PageNumberOutcome;
  /** What 撤销 needs to take the write back (after the sync that wrote it); undefined when nothing was written. */
  undo(): PageNumberUndo | undefined;
}

export interface PageNumberOptions {
  /** The mode the 一键排版 fix asks for (the pane's 文稿类型); absent: `spec`'s. */
  mode?: PageNumberMode;
  /**
   * Read the stories' OOXML for 撤销 (default true). False after Word refused that read (Word on
   * the web can): the numbers are still written, but 撤销排版 then leaves them (nothing to put
   * back), and an existing header is not copied to even pages, so odd/even placement is used
   * only where the header is empty.
   */
  readOoxml?: boolean;
}

/**
 * Queues the reads page numbers need (no sync), the stories' OOXML and the odd/even setting
 * included, so that 撤销 can put them back. After the caller's next sync, `write()` queues the
 * footers (or leaves the document's own) and says which. `oddEven`: WordApiDesktop 1.3.
 */
export function queuePageNumbers(context: Word.RequestContext, spec: FormatSpec | undefined, oddEven: boolean, options: PageNumberOptions = {}): QueuedPageNumbers {
  const aligns = footerAligns(options.mode ?? (spec ?? speechProfile().format).pageNumbers);
  if (!aligns) return { write: () => "off", undo: () => undefined };
  const readOoxml = options.readOoxml ?? true;
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
  const headerXml = readOoxml ? header?.getOoxml() : undefined;
  const setup = split ? section.pageSetup : undefined;
  setup?.load("oddAndEvenPagesHeaderFooter");
  const targets: Array<{ kind: StoryUndo["kind"]; type: StoryType; body: Word.Body }> = [
    { kind: "footer", type: "Primary", body: primary },
    { kind: "footer", type: "FirstPage", body: first },
    ...(even ? [{ kind: "footer" as const, type: "EvenPages" as const, body: even }] : []),
    ...(evenHeader ? [{ kind: "header" as const, type: "EvenPages" as const, body: evenHeader }] : []),
  ];
  const before = readOoxml ? targets.map((t) => t.body.getOoxml()) : undefined;
  const written: Array<{ kind: StoryUndo["kind"]; type: StoryType; body: Word.Body; before: string }> = [];
  let switched: boolean | undefined;
  return {
    write: () => {
      if (![primary, first, even].every(blank)) return "kept";
      // Without the header's OOXML it cannot be copied to even pages: odd/even only under an empty header.
      const paired = split && (headerXml !== undefined || blank(header));
      const odd = paired ? "right" : "center";
      const wrote = (i: number) => {
        if (before) written.push({ ...targets[i], before: before[i].value ?? "" });
      };
      if (paired) {
        switched = setup!.oddAndEvenPagesHeaderFooter;
        section.pageSetup.oddAndEvenPagesHeaderFooter = true;
        even!.insertOoxml(footerPackage("left"), "Replace");
        wrote(2);
        if (headerXml && !blank(header) && blank(evenHeader)) {
          evenHeader!.insertOoxml(headerXml!.value, "Replace");
          wrote(3);
        }
      }
      primary.insertOoxml(footerPackage(odd), "Replace");
      // Shown only when the section has a first page of its own; GB/T 9704 numbers that page too.
      first.insertOoxml(footerPackage(odd), "Replace");
      wrote(0);
      wrote(1);
      // What the writes leave, read in the same sync (for 撤销's check).
      for (const w of written) w.body.load("text");
      return "added";
    },
    undo: () => {
      if (written.length === 0) return undefined;
      return {
        stories: written.map((w) => ({ kind: w.kind, type: w.type, before: w.before, after: w.body.text })),
        ...(switched !== undefined ? { oddAndEven: switched } : {}),
      };
    },
  };
}

/**
 * 撤销 of the page numbers, queued into undo's syncs: `queueRestore` before the first (it reads
 * the stories), `restore` after it. Each story gets its OOXML from before 一键排版 back (or is
 * cleared), and the odd/even setting its old value — only when every story still reads as
 * 一键排版 left it; a clerk's own footer edit since is left alone.
 */
export function queueRestore(context: Word.RequestContext, undo: PageNumberUndo): { restore(): boolean } {
  const section = context.document.sections.getFirst();
  const bodies = undo.stories.map((s) => {
    const body = s.kind === "footer" ? section.getFooter(s.type) : section.getHeader(s.type);
    body.load("text");
    return body;
  });
  return {
    restore: () => {
      if (!undo.stories.every((s, i) => bodies[i].text === s.after)) return false;
      undo.stories.forEach((s, i) => {
        if (s.before) bodies[i].insertOoxml(s.before, "Replace");
        else bodies[i].clear();
      });
      if (undo.oddAndEven !== undefined) section.pageSetup.oddAndEvenPagesHeaderFooter = undo.oddAndEven;
      return true;
    },
  };
}

/** 一键排版's batch (core/host.ts): the one that also writes the page numbers. */
export { FORMAT_DESCRIPTION, isFormatAction } from "../core/host";
