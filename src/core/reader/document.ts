/**
 * Walks the WordprocessingML parts of a package and builds the DocModel.
 */
import type { DocModel, Paragraph, PartKind, Run, Section, SourceKind } from "../model";
import { LIMITS, MAX_PARAGRAPHS, MAX_PARAGRAPH_CHARS, MAX_TEXT_CHARS, MESSAGES, ReaderError } from "./errors";
import { ListCounter, NumberingDefs } from "./numbering";
import type { OpcPackage } from "./package";
import {
  Styles,
  fillRunProps,
  finishRunProps,
  mergeRunProps,
  readTheme,
  resolveParagraph,
  type ResolvedRun,
  type RunProps,
  type ThemeFonts,
} from "./styles";
import { child, children, type XElement } from "./xml";

const TWIP_MM = 25.4 / 1440;

function twipsAttr(el: XElement | undefined, name: string): number | undefined {
  const v = el?.attrs[name];
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isFinite(n) ? n : undefined;
}

function readSection(sectPr: XElement, prev: Section | undefined): Section {
  const pgSz = child(sectPr, "w:pgSz");
  const pgMar = child(sectPr, "w:pgMar");
  const grid = child(sectPr, "w:docGrid");
  // Millimetres rounded to 0.1 mm (11906 twips → 210.0).
  const mm = (v: number | undefined, fallback: number) => (v === undefined ? fallback : Math.round(Math.abs(v) * TWIP_MM * 10) / 10);
  // Word's defaults when a value is missing: A4 portrait, 1 inch / 1.25 inch margins.
  const s: Section = {
    pageWidthMm: mm(twipsAttr(pgSz, "w:w"), prev?.pageWidthMm ?? 210),
    pageHeightMm: mm(twipsAttr(pgSz, "w:h"), prev?.pageHeightMm ?? 297),
    marginTopMm: mm(twipsAttr(pgMar, "w:top"), prev?.marginTopMm ?? 25.4),
    marginBottomMm: mm(twipsAttr(pgMar, "w:bottom"), prev?.marginBottomMm ?? 25.4),
    marginLeftMm: mm(twipsAttr(pgMar, "w:left"), prev?.marginLeftMm ?? 31.75),
    marginRightMm: mm(twipsAttr(pgMar, "w:right"), prev?.marginRightMm ?? 31.75),
  };
  if (grid) {
    if (grid.attrs["w:type"]) s.gridType = grid.attrs["w:type"];
    const pitch = twipsAttr(grid, "w:linePitch");
    if (pitch !== undefined) s.gridLinePitchPt = pitch / 20;
  }
  return s;
}

/** Children of inline wrappers that are read through (their content is shown). */
const INLINE_THROUGH = new Set([
  "w:hyperlink",
  "w:smartTag",
  "w:customXml",
  "w:ins",
  "w:moveTo",
  "w:fldSimple",
  "w:dir",
  "w:bdo",
  "w:sdtContent",
]);

/** Block containers read through. */
const BLOCK_THROUGH = new Set(["w:customXml", "w:ins", "w:moveTo", "w:sdtContent"]);

interface FieldState {
  inInstruction: boolean;
}

/** Everything about one story (body, a header, the footnotes…) being read. */
interface Story {
  part: PartKind;
  counter: ListCounter;
  fields: FieldState[];
}

function sameFormat(a: ResolvedRun, b: ResolvedRun): boolean {
  return a.fontEastAsia === b.fontEastAsia && a.fontLatin === b.fontLatin && a.sizePt === b.sizePt && a.bold === b.bold;
}

function symChar(el: XElement): string {
  const code = parseInt(el.attrs["w:char"] ?? "", 16);
  if (!Number.isFinite(code) || code <= 0) return "";
  // Symbol-font characters are stored in the private-use area F000–F0FF.
  const font = (el.attrs["w:font"] ?? "").toLowerCase();
  if (code >= 0xf000 && code <= 0xf0ff && font === "symbol") return String.fromCharCode(code - 0xf000);
  return String.fromCodePoint(code);
}

class DocReader {
  readonly paragraphs: Paragraph[] = [];
  readonly other: Paragraph[] = [];
  readonly sections: Section[] = [];
  private styles: Styles;
  private theme: ThemeFonts | undefined;
  private themeLang: string | undefined;
  private numbering: NumberingDefs;
  private baseCache = new Map<string, RunProps>();
  /** Characters read so far (texts and list labels), against MAX_TEXT_CHARS. */
  private chars = 0;

  constructor(
    private pkg: OpcPackage,
    private mainPart: string,
  ) {
    const rels = pkg.relationships(mainPart);
    const relPart = (suffix: string) => {
      const r = rels.find((x) => x.type.endsWith(suffix) && !x.external);
      return r ? pkg.part(r.target) : undefined;
    };
    this.styles = new Styles(relPart("/styles"));
    this.theme = readTheme(relPart("/theme"));
    this.themeLang = child(relPart("/settings"), "w:themeFontLang")?.attrs["w:eastAsia"] || undefined;
    this.numbering = new NumberingDefs(relPart("/numbering"), this.styles);
  }

  read(): void {
    const doc = this.pkg.part(this.mainPart);
    const body = child(doc, "w:body");
    if (!doc || !body) throw new ReaderError("corrupt", MESSAGES.corrupt);
    const story: Story = { part: "body", counter: this.numbering.newCounter(), fields: [] };
    this.blocks(body, story, false);
    this.readOtherParts();
  }

  private readOtherParts(): void {
    const rels = this.pkg.relationships(this.mainPart);
    const byId = new Map(rels.map((r) => [r.id, r]));
    // Headers and footers in the order the sections reference them.
    const seen = new Set<string>();
    const doc = this.pkg.part(this.mainPart);
    const sectPrs: XElement[] = [];
    const collect = (el: XElement) => {
      for (const c of el.children) {
        if (typeof c === "string") continue;
        if (c.name === "w:sectPr") sectPrs.push(c);
        else if (c.name === "w:p") {
          const s = child(child(c, "w:pPr"), "w:sectPr");
          if (s) sectPrs.push(s);
        } else if (c.name === "w:body" || BLOCK_THROUGH.has(c.name) || c.name === "w:sdt") collect(c);
      }
    };
    if (doc) collect(doc);
    const noteCounter = this.numbering.newCounter();
    for (const s of sectPrs) {
      for (const ref of s.children) {
        if (typeof ref === "string" || (ref.name !== "w:headerReference" && ref.name !== "w:footerReference")) continue;
        const id = ref.attrs["r:id"] ?? Object.entries(ref.attrs).find(([k]) => k.endsWith(":id"))?.[1];
        const rel = id === undefined ? undefined : byId.get(id);
        if (!rel || seen.has(rel.target)) continue;
        seen.add(rel.target);
        const root = this.pkg.part(rel.target);
        if (!root) continue;
        const part: PartKind = ref.name === "w:headerReference" ? "header" : "footer";
        this.blocks(root, { part, counter: this.numbering.newCounter(), fields: [] }, false);
      }
    }
    const notes = (suffix: string, item: string, part: PartKind) => {
      const rel = rels.find((r) => r.type.endsWith(suffix) && !r.external);
      const root = rel ? this.pkg.part(rel.target) : undefined;
      if (!root) return;
      const story: Story = { part, counter: noteCounter, fields: [] };
      for (const n of children(root, item)) {
        const t = n.attrs["w:type"];
        if (t === "separator" || t === "continuationSeparator" || t === "continuationNotice") continue;
        this.blocks(n, story, false);
      }
    };
    notes("/footnotes", "w:footnote", "footnote");
    notes("/endnotes", "w:endnote", "endnote");
    notes("/comments", "w:comment", "comment");
  }

  private blocks(container: XElement, story: Story, inTable: boolean): void {
    for (const c of container.children) {
      if (typeof c === "string") continue;
      switch (c.name) {
        case "w:p":
          this.paragraph(c, story, inTable);
          break;
        case "w:tbl":
          this.tableRows(c, story);
          break;
        case "w:sdt":
          this.blocks(child(c, "w:sdtContent") ?? c, story, inTable);
          break;
        case "mc:AlternateContent": {
          const branch = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
          if (branch) this.blocks(branch, story, inTable);
          break;
        }
        case "w:sectPr":
          if (story.part === "body") this.sections.push(readSection(c, this.sections[this.sections.length - 1]));
          break;
        default:
          if (BLOCK_THROUGH.has(c.name)) this.blocks(c, story, inTable);
      }
    }
  }

  /** The rows of a table, also those wrapped in a content control or custom XML element. */
  private tableRows(el: XElement, story: Story): void {
    for (const c of el.children) {
      if (typeof c === "string") continue;
      if (c.name === "w:tr") {
        for (const tc of c.children) {
          if (typeof tc === "string") continue;
          if (tc.name === "w:tc") this.blocks(tc, story, true);
          else if (tc.name === "w:sdt" || tc.name === "w:customXml") this.tableCellWrapper(tc, story);
        }
      } else if (c.name === "w:sdt") {
        const content = child(c, "w:sdtContent");
        if (content) this.tableRows(content, story);
      } else if (c.name === "w:customXml") {
        this.tableRows(c, story);
      }
    }
  }

  /** A content control or custom XML element wrapping table cells. */
  private tableCellWrapper(el: XElement, story: Story): void {
    const content = el.name === "w:sdt" ? child(el, "w:sdtContent") : el;
    if (!content) return;
    for (const c of content.children) {
      if (typeof c === "string") continue;
      if (c.name === "w:tc") this.blocks(c, story, true);
      else if (c.name === "w:sdt" || c.name === "w:customXml") this.tableCellWrapper(c, story);
    }
  }

  /** Run properties from the character style chain, the paragraph style chain and the defaults. */
  private baseRunProps(rStyle: string | undefined, pStyleId: string | undefined): RunProps {
    const key = `${rStyle ?? ""}\u0000${pStyleId ?? ""}`;
    const cached = this.baseCache.get(key);
    if (cached) return cached;
    const acc: RunProps = {};
    const charStyle = rStyle === undefined ? this.styles.defaultCharacter : this.styles.byId.get(rStyle);
    if (charStyle) for (const s of this.styles.chain(charStyle.id)) fillRunProps(acc, s.rPr);
    const paraStyle = this.styles.paragraphStyle(pStyleId);
    if (paraStyle) for (const s of this.styles.chain(paraStyle.id)) fillRunProps(acc, s.rPr);
    fillRunProps(acc, this.styles.defaultRPr);
    this.baseCache.set(key, acc);
    return acc;
  }

  private paragraph(p: XElement, story: Story, inTable: boolean): void {
    const pPr = child(p, "w:pPr");
    const pStyleAttr = child(pPr, "w:pStyle")?.attrs["w:val"];
    const style = this.styles.paragraphStyle(pStyleAttr);
    const chain = style ? this.styles.chain(style.id) : [];
    // A field's result may run over several paragraphs (a table of contents) but its code
    // does not: drop a code left open by a malformed field so it cannot hide later text.
    if (story.fields.some((f) => f.inInstruction)) story.fields = story.fields.filter((f) => !f.inInstruction);

    let text = "";
    const runs: Run[] = [];
    const textboxes: XElement[] = [];
    const append = (s: string, fmt: ResolvedRun) => {
      if (s === "") return;
      const start = text.length;
      text += s;
      const last = runs[runs.length - 1];
      if (last && last.end === start && sameFormat(last, fmt)) {
        last.text += s;
        last.end = text.length;
      } else {
        runs.push({ text: s, start, end: text.length, ...fmt });
      }
    };

    const inInstruction = () => story.fields.some((f) => f.inInstruction);

    const run = (r: XElement) => {
      const rPr = child(r, "w:rPr");
      let fmt: ResolvedRun | undefined;
      const format = (): ResolvedRun => {
        if (fmt) return fmt;
        const acc: RunProps = {};
        fillRunProps(acc, rPr);
        const base = this.baseRunProps(child(rPr, "w:rStyle")?.attrs["w:val"], style?.id);
        fmt = finishRunProps(mergeRunProps(acc, base), this.theme, this.themeLang);
        return fmt;
      };
      const content = (el: XElement) => {
        for (const c of el.children) {
          if (typeof c === "string") continue;
          switch (c.name) {
            case "w:t":
              if (!inInstruction()) {
                let s = "";
                for (const t of c.children) if (typeof t === "string") s += t;
                append(s, format());
              }
              break;
            case "w:tab":
            case "w:ptab":
              if (!inInstruction()) append("\t", format());
              break;
            case "w:br": {
              const type = c.attrs["w:type"];
              if (!inInstruction() && (type === undefined || type === "textWrapping")) append("\n", format());
              break;
            }
            case "w:cr":
              if (!inInstruction()) append("\n", format());
              break;
            case "w:noBreakHyphen":
              if (!inInstruction()) append("-", format());
              break;
            case "w:sym":
              if (!inInstruction()) append(symChar(c), format());
              break;
            case "w:fldChar": {
              const t = c.attrs["w:fldCharType"];
              if (t === "begin") story.fields.push({ inInstruction: true });
              else if (t === "separate") {
                const top = story.fields[story.fields.length - 1];
                if (top) top.inInstruction = false;
              } else if (t === "end") story.fields.pop();
              break;
            }
            case "mc:AlternateContent": {
              const branch = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
              if (branch) content(branch);
              break;
            }
            case "w:drawing":
            case "w:pict":
            case "w:object":
              findTextboxes(c, textboxes);
              break;
          }
        }
      };
      content(r);
    };

    const inline = (el: XElement) => {
      for (const c of el.children) {
        if (typeof c === "string") continue;
        if (c.name === "w:r") run(c);
        else if (c.name === "w:sdt") {
          const sc = child(c, "w:sdtContent");
          if (sc) inline(sc);
        } else if (c.name === "mc:AlternateContent") {
          const branch = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
          if (branch) inline(branch);
        } else if (INLINE_THROUGH.has(c.name)) inline(c);
      }
    };
    inline(p);

    const levels = [pPr, ...chain.map((s) => s.pPr), this.styles.defaultPPr];
    const props = resolveParagraph(levels);
    if (props.outlineLevel === undefined) {
      // Built-in heading styles carry their level even when styles.xml does not state it.
      for (const s of chain) {
        const m = /^heading ([1-9])$/i.exec(s.name ?? "");
        if (m) {
          props.outlineLevel = Number(m[1]) - 1;
          break;
        }
      }
    }

    if (text.length > MAX_PARAGRAPH_CHARS) throw LIMITS.paragraphChars();
    if (this.paragraphs.length + this.other.length >= MAX_PARAGRAPHS) throw LIMITS.paragraphs();
    this.chars += text.length;
    if (this.chars > MAX_TEXT_CHARS) throw LIMITS.textChars();

    const para: Paragraph = {
      index: 0,
      part: story.part,
      text,
      runs,
    };
    const label = this.listLabel(pPr, chain, style?.id, story.counter);
    if (label !== undefined) {
      para.listLabel = label;
      this.chars += label.length;
    }
    if (style) {
      para.styleId = style.id;
      if (style.name !== undefined) para.styleName = style.name;
    }
    if (props.outlineLevel !== undefined) para.outlineLevel = props.outlineLevel;
    if (props.alignment !== undefined) para.alignment = props.alignment;
    if (props.firstLineIndentPt !== undefined) para.firstLineIndentPt = props.firstLineIndentPt;
    if (props.firstLineIndentChars !== undefined) para.firstLineIndentChars = props.firstLineIndentChars;
    if (props.lineSpacing !== undefined) para.lineSpacing = props.lineSpacing;
    if (inTable) para.inTable = true;

    const target = story.part === "body" ? this.paragraphs : this.other;
    para.index = target.length;
    target.push(para);

    for (const tb of textboxes) {
      this.blocks(tb, { part: "textbox", counter: story.counter, fields: [] }, false);
    }

    const sectPr = child(pPr, "w:sectPr");
    if (sectPr && story.part === "body") this.sections.push(readSection(sectPr, this.sections[this.sections.length - 1]));
  }

  private listLabel(
    pPr: XElement | undefined,
    chain: { id: string; pPr?: XElement }[],
    styleId: string | undefined,
    counter: ListCounter,
  ): string | undefined {
    let numId: string | undefined;
    let ilvl: number | undefined;
    let numFromStyle = false;
    const scan = (numPr: XElement | undefined, fromStyle: boolean) => {
      if (!numPr) return;
      const n = child(numPr, "w:numId")?.attrs["w:val"];
      const l = child(numPr, "w:ilvl")?.attrs["w:val"];
      if (numId === undefined && n !== undefined) {
        numId = n;
        numFromStyle = fromStyle;
      }
      if (ilvl === undefined && l !== undefined) {
        const v = parseInt(l, 10);
        if (Number.isFinite(v)) ilvl = v;
      }
    };
    scan(child(pPr, "w:numPr"), false);
    for (const s of chain) scan(child(s.pPr, "w:numPr"), true);
    if (numId === undefined || numId === "0") return undefined;
    if (ilvl === undefined) ilvl = (numFromStyle ? this.numbering.levelForStyle(numId, styleId) : undefined) ?? 0;
    return counter.next(numId, ilvl);
  }
}

/** Collects w:txbxContent elements under a drawing (not those nested inside another text box). */
function findTextboxes(el: XElement, out: XElement[]): void {
  for (const c of el.children) {
    if (typeof c === "string") continue;
    if (c.name === "w:txbxContent") out.push(c);
    else if (c.name === "mc:AlternateContent") {
      const branch = child(c, "mc:Choice") ?? child(c, "mc:Fallback");
      if (branch) findTextboxes(branch, out);
    } else findTextboxes(c, out);
  }
}

export function buildModel(pkg: OpcPackage, source: SourceKind): DocModel {
  const main = pkg.mainDocument();
  if (main === undefined) throw new ReaderError("not-docx", MESSAGES.zipNotDocx);
  const r = new DocReader(pkg, main);
  r.read();
  return { source, paragraphs: r.paragraphs, otherParagraphs: r.other, sections: r.sections, hasFormatting: true };
}
