/**
 * A strict, hand-written fake of the Word/Office objects src/office uses.
 *
 * - Calls are queued and run in order at context.sync(), as Office does; syncs are counted.
 * - Reading a property that was not loaded, or loaded but not yet synced, throws PropertyNotLoaded.
 * - Loading a property the fake does not model throws, so the gateway cannot load more than it names.
 * - Collections load with "items/a,items/b/c" (or "a,b/c"); `items` is readable only after a load + sync.
 * - Ranges are live: edits in a paragraph move the ranges after them, as Word's ranges do.
 * - APIs above the configured requirement sets fail at sync with ApiNotFound.
 * - insertOoxml parses the package with our reader (readFlatOpc) and inserts its paragraphs as Word
 *   does: the last one merges into the target paragraph and keeps the target's paragraph properties
 *   (office-js #2914); a style already in the document keeps its resident definition.
 * - Applying a named style sets the properties the style defines; direct formatting set after it wins.
 * - Range.font sets character formatting on part of a paragraph (one paragraph per range); the OOXML
 *   then has one run per stretch of equal formatting. Setting a paragraph's font property replaces
 *   that property on every part of it; reading it where the parts differ gives null, as Word does.
 * Install with `fake.install()` in each test; it sets globalThis.Word and globalThis.Office.
 */

import type { Alignment, Paragraph as ModelParagraph } from "../../src/core/model";
import { readFlatOpc } from "../../src/core/reader/index";
import { sectionsProxy } from "./fakeSections";

export class FakeOfficeError extends Error {
  override readonly name = "RichApi.Error";
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

export interface FontInit {
  name?: string | null;
  size?: number | null;
  bold?: boolean | null;
  italic?: boolean | null;
  nameFarEast?: string;
  /** "#RRGGBB" (Font.color, WordApi 1.1); default black. */
  color?: string | null;
}

export interface ParaInit {
  /** Text as Word reports it: manual line breaks as \u000b. */
  text: string;
  font?: FontInit;
  alignment?: string;
  firstLineIndent?: number;
  leftIndent?: number;
  rightIndent?: number;
  lineSpacing?: number;
  /** Word's outline level: 1–9, 10 = body text. */
  outlineLevel?: number;
  style?: string;
  tableNestingLevel?: number;
  /** Auto-numbered list label (not part of the text). */
  listString?: string;
  /** A text-box paragraph: listed in Word's collection (when includeTextBoxes), in a w:txbxContent in the OOXML. */
  textBox?: boolean;
}

export interface FakeOptions {
  /** Highest supported version per requirement set, e.g. { WordApi: "1.3" }. */
  sets?: Record<string, string>;
  /** Whether body.paragraphs lists text-box paragraphs (default true). */
  includeTextBoxes?: boolean;
  /** getOoxml fails at sync with this error code. */
  ooxmlError?: string;
  /** A header's or footer's getOoxml fails at sync with this error code (Word on the web can refuse). */
  footerOoxmlError?: string;
  /** Loading listItemOrNullObject fails with GeneralException (tracked changes on the web). */
  listError?: boolean;
  /** Word's search also matches full-width forms for half-width ones and vice versa. */
  searchIgnoresWidth?: boolean;
  host?: string;
  platform?: string;
}

type FontState = { name: string | null; size: number | null; bold: boolean | null; italic: boolean | null; nameFarEast?: string; color: string | null };
type FontProp = "name" | "size" | "bold" | "italic" | "nameFarEast" | "color";

class Para {
  text: string;
  font: FontState;
  /** Character formatting set on parts of the paragraph through Range.font, in the order it was set. */
  spans: Array<{ r: LiveRange; font: Partial<FontState> }> = [];
  alignment: string;
  firstLineIndent: number;
  leftIndent: number;
  rightIndent: number;
  lineSpacing: number;
  outlineLevel: number;
  style: string;
  tableNestingLevel: number;
  listString?: string;
  textBox: boolean;
  constructor(init: ParaInit) {
    this.text = init.text;
    this.font = { name: "仿宋_GB2312", size: 16, bold: false, italic: false, color: "#000000", ...init.font };
    this.alignment = init.alignment ?? "Justified";
    this.firstLineIndent = init.firstLineIndent ?? 0;
    this.leftIndent = init.leftIndent ?? 0;
    this.rightIndent = init.rightIndent ?? 0;
    this.lineSpacing = init.lineSpacing ?? 28;
    this.outlineLevel = init.outlineLevel ?? 10;
    this.style = init.style ?? "Normal";
    this.tableNestingLevel = init.tableNestingLevel ?? 0;
    this.listString = init.listString;
    this.textBox = init.textBox ?? false;
  }
}

interface Point {
  p: Para;
  off: number;
}

class LiveRange {
  constructor(
    public start: Point,
    public end: Point,
  ) {}
}

export interface StyleDef {
  name: string;
  type: string;
  font: Record<string, unknown>;
  paragraphFormat: Record<string, unknown>;
}

const ALIGN_TO_WORD: Record<Alignment, string> = { left: "Left", center: "Centered", right: "Right", justify: "Justified", distribute: "Justified" };
const JC_FROM_WORD: Record<string, string> = { Left: "left", Centered: "center", Right: "right", Justified: "both" };

function outlineName(level: number): string {
  return level >= 1 && level <= 9 ? `OutlineLevel${level}` : "OutlineLevelBodyText";
}

function outlineNumber(v: unknown): number | undefined {
  if (typeof v === "number") return v;
  if (typeof v !== "string") return undefined;
  const m = /^OutlineLevel([1-9])$/.exec(v);
  return m ? Number(m[1]) : v === "OutlineLevelBodyText" ? 10 : undefined;
}

/** A style's properties as OOXML (for getOoxml's styles.xml and for resident definitions). */
function styleXml(id: string, def: StyleDef): string {
  const f = def.font;
  const pf = def.paragraphFormat;
  const name = typeof f.name === "string" ? f.name : undefined;
  const ea = typeof f.nameFarEast === "string" ? f.nameFarEast : undefined;
  const fonts = name || ea ? `<w:rFonts${name ? ` w:ascii="${xmlEscape(name)}" w:hAnsi="${xmlEscape(name)}"` : ""}${ea ? ` w:eastAsia="${xmlEscape(ea)}"` : ""}/>` : "";
  const rPr = `${fonts}${typeof f.bold === "boolean" ? (f.bold ? "<w:b/>" : '<w:b w:val="0"/>') : ""}${typeof f.size === "number" ? `<w:sz w:val="${f.size * 2}"/>` : ""}`;
  const ol = outlineNumber(pf.outlineLevel);
  const pPr =
    (typeof pf.lineSpacing === "number" ? `<w:spacing w:line="${Math.round(pf.lineSpacing * 20)}" w:lineRule="exact"/>` : "") +
    (typeof pf.firstLineIndent === "number" || typeof pf.rightIndent === "number"
      ? `<w:ind${typeof pf.rightIndent === "number" ? ` w:right="${Math.round(pf.rightIndent * 20)}"` : ""}${typeof pf.firstLineIndent === "number" ? ` w:firstLine="${Math.round(pf.firstLineIndent * 20)}"` : ""}/>`
      : "") +
    (typeof pf.alignment === "string" && JC_FROM_WORD[pf.alignment] ? `<w:jc w:val="${JC_FROM_WORD[pf.alignment]}"/>` : "") +
    (ol !== undefined ? `<w:outlineLvl w:val="${ol <= 9 ? ol - 1 : 9}"/>` : "");
  return `<w:style w:type="paragraph" w:customStyle="1" w:styleId="${xmlEscape(id)}"><w:name w:val="${xmlEscape(def.name)}"/><w:pPr>${pPr}</w:pPr><w:rPr>${rPr}</w:rPr></w:style>`;
}

export interface Comment {
  text: string;
  /** The text the comment is anchored on. */
  anchor: string;
}

function err(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

function versionLE(a: string, b: string): boolean {
  const pa = a.split(".").map(Number);
  const pb = b.split(".").map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i] ?? 0;
    const y = pb[i] ?? 0;
    if (x !== y) return x < y;
  }
  return true;
}

function xmlEscape(s: string): string {
  return s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");
}

/** Parses a load spec into paths ("font/name" → ["font", "name"]). */
function parseSpec(spec: unknown): string[][] {
  let names: string[];
  if (typeof spec === "string") names = spec.split(",");
  else if (Array.isArray(spec)) names = spec.map(String);
  else if (spec && typeof spec === "object" && "select" in spec) names = String((spec as { select: string }).select).split(",");
  else throw err("InvalidArgument", "fake: load() needs property names (a bare load() fetches everything)");
  return names.map((n) => n.trim()).filter(Boolean).map((n) => n.split("/"));
}

// ---------------------------------------------------------------------------------------------
// Proxies

abstract class FakeObject {
  protected values = new Map<string, unknown>();
  constructor(protected readonly ctx: Ctx) {}
  protected abstract scalars: readonly string[];
  protected navs: Record<string, () => FakeObject> = {};

  protected read(prop: string): unknown {
    if (!this.values.has(prop)) {
      throw err("PropertyNotLoaded", `The property '${prop}' is not available. Load it and call context.sync() before reading it.`);
    }
    return this.values.get(prop);
  }

  /** Snapshot of the scalar `prop` at sync time. */
  protected abstract current(prop: string): unknown;

  /** Checks paths at load time; returns the snapshot closure. */
  snapshotOp(paths: string[][]): () => void {
    const own: string[] = [];
    const nested: Array<[string, string[][]]> = [];
    const byNav = new Map<string, string[][]>();
    for (const path of paths) {
      const [head, ...rest] = path;
      if (rest.length === 0) {
        if (!this.scalars.includes(head)) throw err("InvalidArgument", `fake: ${this.constructor.name} has no loadable property '${head}'`);
        own.push(head);
      } else {
        if (!(head in this.navs)) throw err("InvalidArgument", `fake: ${this.constructor.name} has no navigation property '${head}'`);
        const list = byNav.get(head) ?? [];
        list.push(rest);
        byNav.set(head, list);
      }
    }
    for (const [k, v] of byNav) nested.push([k, v]);
    const childOps = nested.map(([nav, ps]) => this.navs[nav]().snapshotOp(ps));
    return () => {
      this.beforeSnapshot(own);
      for (const prop of own) this.values.set(prop, this.current(prop));
      for (const op of childOps) op();
    };
  }

  protected beforeSnapshot(_props: string[]): void {}

  load(spec: unknown): this {
    const op = this.snapshotOp(parseSpec(spec));
    this.ctx.fake.loadLog.push(typeof spec === "string" ? spec : JSON.stringify(spec));
    this.ctx.queue.push(op);
    return this;
  }

  protected queue(op: () => void): void {
    this.ctx.queue.push(op);
  }
}

class Ctx {
  queue: Array<() => void> = [];
  readonly document: DocumentProxy;
  constructor(readonly fake: FakeWord) {
    this.document = new DocumentProxy(this);
  }
  async sync(): Promise<void> {
    this.fake.syncs++;
    const q = this.queue;
    this.queue = [];
    for (const op of q) op(); // the first failing operation rejects the sync; the rest are dropped
  }
}

class ClientResult<T> {
  private done = false;
  private v: T | undefined;
  constructor(ctx: Ctx, compute: () => T) {
    ctx.queue.push(() => {
      this.v = compute();
      this.done = true;
    });
  }
  get value(): T {
    if (!this.done) throw err("ValueNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() first.");
    return this.v as T;
  }
}

class FontProxy extends FakeObject {
  protected scalars = ["name", "size", "bold", "italic", "nameFarEast", "color"] as const;
  constructor(
    ctx: Ctx,
    private readonly owner: ParagraphProxy,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    if (prop === "nameFarEast") this.ctx.fake.require("WordApiDesktop", "1.3", "Font.nameFarEast");
    const p = this.owner.target();
    return this.ctx.fake.fontOver(p, 0, p.text.length, prop as FontProp);
  }
  private setter(prop: FontProp, v: unknown): void {
    this.queue(() => {
      if (prop === "nameFarEast") this.ctx.fake.require("WordApiDesktop", "1.3", "Font.nameFarEast");
      const p = this.owner.target();
      (p.font as Record<string, unknown>)[prop] = v;
      // The whole paragraph now has this property: parts set before lose theirs.
      for (const sp of p.spans) delete (sp.font as Record<string, unknown>)[prop];
    });
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.setter("name", v);
  }
  get size(): number {
    return this.read("size") as number;
  }
  set size(v: number) {
    this.setter("size", v);
  }
  get bold(): boolean {
    return this.read("bold") as boolean;
  }
  set bold(v: boolean) {
    this.setter("bold", v);
  }
  get italic(): boolean {
    return this.read("italic") as boolean;
  }
  set italic(v: boolean) {
    this.setter("italic", v);
  }
  get nameFarEast(): string {
    return this.read("nameFarEast") as string;
  }
  set nameFarEast(v: string) {
    this.setter("nameFarEast", v);
  }
  /** Font.color (WordApi 1.1): "#RRGGBB" or a colour name; the fake takes "#RRGGBB" only. */
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw err("InvalidArgument", `fake: Font.color ${JSON.stringify(v)} is not #RRGGBB`);
    this.setter("color", v);
  }
}

/** Range.font: character formatting of part of one paragraph. */
class RangeFontProxy extends FakeObject {
  protected scalars = ["name", "size", "bold", "italic", "nameFarEast", "color"] as const;
  constructor(
    ctx: Ctx,
    private readonly owner: RangeProxy,
  ) {
    super(ctx);
  }
  protected current(prop: string): unknown {
    if (prop === "nameFarEast") this.ctx.fake.require("WordApiDesktop", "1.3", "Font.nameFarEast");
    const r = this.owner.target();
    if (r.start.p !== r.end.p) throw err("NotImplemented", "fake: font of a multi-paragraph range");
    return this.ctx.fake.fontOver(r.start.p, r.start.off, r.end.off, prop as FontProp);
  }
  private setter(prop: FontProp, v: unknown): void {
    this.queue(() => {
      if (prop === "nameFarEast") this.ctx.fake.require("WordApiDesktop", "1.3", "Font.nameFarEast");
      this.ctx.fake.setRangeFont(this.owner.target(), prop, v);
    });
  }
  get name(): string {
    return this.read("name") as string;
  }
  set name(v: string) {
    this.setter("name", v);
  }
  get size(): number {
    return this.read("size") as number;
  }
  set size(v: number) {
    this.setter("size", v);
  }
  get bold(): boolean {
    return this.read("bold") as boolean;
  }
  set bold(v: boolean) {
    this.setter("bold", v);
  }
  get italic(): boolean {
    return this.read("italic") as boolean;
  }
  set italic(v: boolean) {
    this.setter("italic", v);
  }
  get nameFarEast(): string {
    return this.read("nameFarEast") as string;
  }
  set nameFarEast(v: string) {
    this.setter("nameFarEast", v);
  }
  /** Font.color (WordApi 1.1): "#RRGGBB" or a colour name; the fake takes "#RRGGBB" only. */
  get color(): string {
    return this.read("color") as string;
  }
  set color(v: string) {
    if (!/^#[0-9A-Fa-f]{6}$/.test(v)) throw err("InvalidArgument", `fake: Font.color ${JSON.stringify(v)} is not #RRGGBB`);
    this.setter("color", v);
  }
}

class ListItemProxy extends FakeObject {
  protected scalars = ["listString", "level"] as const;
  constructor(
    ctx: Ctx,
    private readonly owner: ParagraphProxy,
  ) {
    super(ctx);
  }
  protected override beforeSnapshot(): void {
    if (this.ctx.fake.options.listError) throw err("GeneralException", "fake: listItemOrNullObject failed (tracked changes)");
    this.values.set("isNullObject", this.owner.target().listString === undefined);
  }
  protected current(prop: string): unknown {
    const s = this.owner.target().listString;
    if (s === undefined) return null;
    return prop === "listString" ? s : 0;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
  get listString(): string {
    return this.read("listString") as string;
  }
}

class ParagraphProxy extends FakeObject {
  protected scalars = ["text", "tableNestingLevel", "style", "alignment", "firstLineIndent", "leftIndent", "rightIndent", "lineSpacing", "outlineLevel", "isListItem"] as const;
  private para: Para | undefined;
  readonly font: FontProxy;
  readonly listItemOrNullObject: ListItemProxy;
  constructor(ctx: Ctx, para?: Para) {
    super(ctx);
    this.para = para;
    this.font = new FontProxy(ctx, this);
    this.listItemOrNullObject = new ListItemProxy(ctx, this);
    this.navs = { font: () => this.font, listItemOrNullObject: () => this.listItemOrNullObject };
  }
  resolveTo(p: Para): void {
    this.para = p;
  }
  target(): Para {
    if (!this.para) throw new Error("fake: paragraph proxy used before it was resolved");
    return this.para;
  }
  protected current(prop: string): unknown {
    const p = this.target();
    if (prop === "isListItem") return p.listString !== undefined;
    return (p as unknown as Record<string, unknown>)[prop];
  }
  private set(prop: keyof Para, v: unknown): void {
    this.queue(() => {
      if (prop === "style" && !this.ctx.fake.styles.has(String(v)) && !this.ctx.fake.builtinStyles.has(String(v))) {
        throw err("ItemNotFound", `fake: no style named ${String(v)}`);
      }
      if (prop === "style") this.ctx.fake.applyStyle(this.target(), String(v));
      (this.target() as unknown as Record<string, unknown>)[prop] = v;
    });
  }
  /** Paragraph.insertOoxml (WordApi 1.1): Replace, Start or End only (Before/After exist on Range). */
  insertOoxml(ooxml: string, loc: string): RangeProxy {
    const r = new RangeProxy(this.ctx);
    this.queue(() => {
      if (loc !== "Replace" && loc !== "Start" && loc !== "End") throw err("InvalidArgument", `fake: Paragraph.insertOoxml location ${loc}`);
      if (loc !== "Replace") throw err("NotImplemented", `fake: Paragraph.insertOoxml at ${loc} is not modelled`);
      r.resolveTo(this.ctx.fake.insertOoxmlReplacing(this.target(), ooxml));
    });
    return r;
  }
  get text(): string {
    return this.read("text") as string;
  }
  get tableNestingLevel(): number {
    return this.read("tableNestingLevel") as number;
  }
  get isListItem(): boolean {
    return this.read("isListItem") as boolean;
  }
  get style(): string {
    return this.read("style") as string;
  }
  set style(v: string) {
    this.set("style", v);
  }
  get alignment(): string {
    return this.read("alignment") as string;
  }
  set alignment(v: string) {
    this.set("alignment", v);
  }
  get firstLineIndent(): number {
    return this.read("firstLineIndent") as number;
  }
  set firstLineIndent(v: number) {
    this.set("firstLineIndent", v);
  }
  get lineSpacing(): number {
    return this.read("lineSpacing") as number;
  }
  set lineSpacing(v: number) {
    this.set("lineSpacing", v);
  }
  get rightIndent(): number {
    return this.read("rightIndent") as number;
  }
  set rightIndent(v: number) {
    this.set("rightIndent", v);
  }
  /** Paragraph.leftIndent (WordApi 1.1), points. */
  get leftIndent(): number {
    return this.read("leftIndent") as number;
  }
  set leftIndent(v: number) {
    this.set("leftIndent", v);
  }
  get outlineLevel(): number {
    return this.read("outlineLevel") as number;
  }
  set outlineLevel(v: number) {
    this.set("outlineLevel", v);
  }
  /** Paragraph.styleBuiltIn (WordApi 1.3): "Normal" resets to the body style and body outline level. */
  set styleBuiltIn(v: string) {
    this.queue(() => {
      this.ctx.fake.require("WordApi", "1.3", "Paragraph.styleBuiltIn");
      const p = this.target();
      if (v !== "Normal") throw err("NotImplemented", `fake: styleBuiltIn ${v} is not modelled`);
      p.style = "Normal";
      p.outlineLevel = 10;
    });
  }
  /** Paragraph.detachFromList (WordApi 1.3): no longer numbered. */
  detachFromList(): void {
    this.queue(() => {
      this.ctx.fake.require("WordApi", "1.3", "Paragraph.detachFromList");
      this.target().listString = undefined;
    });
  }

  search(text: string, options?: { matchCase?: boolean; matchWildcards?: boolean }): RangeCollectionProxy {
    const coll = new RangeCollectionProxy(this.ctx);
    this.queue(() => {
      const p = this.target();
      coll.resolveTo(this.ctx.fake.search(p, text, options ?? {}));
    });
    this.ctx.fake.searchCount++;
    return coll;
  }
  getRange(loc: string = "Whole"): RangeProxy {
    const r = new RangeProxy(this.ctx);
    this.queue(() => {
      const p = this.target();
      const len = p.text.length;
      if (loc === "Start") r.resolveTo(this.ctx.fake.range(p, 0, p, 0));
      else if (loc === "End") r.resolveTo(this.ctx.fake.range(p, len, p, len));
      else if (loc === "Whole" || loc === "Content") r.resolveTo(this.ctx.fake.range(p, 0, p, len));
      else throw err("InvalidArgument", `fake: Paragraph.getRange(${loc})`);
    });
    return r;
  }
  insertText(text: string, loc: string): RangeProxy {
    const r = new RangeProxy(this.ctx);
    this.queue(() => {
      const p = this.target();
      const fake = this.ctx.fake;
      if (loc === "Replace") r.resolveTo(fake.edit(p, 0, p.text.length, text));
      else if (loc === "Start") r.resolveTo(fake.edit(p, 0, 0, text));
      else if (loc === "End") r.resolveTo(fake.edit(p, p.text.length, p.text.length, text));
      else throw err("InvalidArgument", `fake: Paragraph.insertText location ${loc}`);
    });
    return r;
  }
  insertParagraph(text: string, loc: string): ParagraphProxy {
    const np = new ParagraphProxy(this.ctx);
    this.queue(() => {
      if (loc !== "After" && loc !== "Before") throw err("InvalidArgument", `fake: Paragraph.insertParagraph location ${loc}`);
      np.resolveTo(this.ctx.fake.insertParagraphNear(this.target(), text, loc));
    });
    return np;
  }
  select(): void {
    this.queue(() => {
      const p = this.target();
      this.ctx.fake.setSelection(p, 0, p, p.text.length);
    });
  }
}

class ParagraphCollectionProxy extends FakeObject {
  protected scalars = [] as const;
  private list: Para[] | undefined;
  private itemProxies: ParagraphProxy[] | undefined;
  constructor(
    ctx: Ctx,
    private readonly source: () => Para[],
  ) {
    super(ctx);
  }
  protected current(): unknown {
    return undefined;
  }
  override snapshotOp(paths: string[][]): () => void {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    // Check the item paths now (a throwaway proxy), snapshot each item at sync.
    new ParagraphProxy(this.ctx, new Para({ text: "" })).snapshotOp(itemPaths);
    return () => {
      const list = this.source();
      this.list = list;
      this.itemProxies = list.map((p) => {
        const proxy = new ParagraphProxy(this.ctx, p);
        proxy.snapshotOp(itemPaths)();
        return proxy;
      });
    };
  }
  get items(): ParagraphProxy[] {
    if (!this.itemProxies) throw err("PropertyNotLoaded", "The property 'items' is not available. Load the collection and call context.sync().");
    return this.itemProxies;
  }
  getFirst(): ParagraphProxy {
    return this.pick((l) => l[0]);
  }
  getLast(): ParagraphProxy {
    return this.pick((l) => l[l.length - 1]);
  }
  private pick(f: (l: Para[]) => Para | undefined): ParagraphProxy {
    const proxy = new ParagraphProxy(this.ctx);
    this.queue(() => {
      const p = f(this.source());
      if (!p) throw err("ItemNotFound", "fake: empty paragraph collection");
      proxy.resolveTo(p);
    });
    return proxy;
  }
}

class RangeProxy extends FakeObject {
  protected scalars = ["text", "isEmpty"] as const;
  private r: LiveRange | undefined;
  readonly font: RangeFontProxy;
  constructor(ctx: Ctx, r?: LiveRange) {
    super(ctx);
    this.r = r;
    this.font = new RangeFontProxy(ctx, this);
    this.navs = { font: () => this.font };
  }
  resolveTo(r: LiveRange): void {
    this.r = r;
  }
  target(): LiveRange {
    if (!this.r) throw new Error("fake: range proxy used before it was resolved");
    return this.r;
  }
  protected current(prop: string): unknown {
    const t = this.ctx.fake.rangeText(this.target());
    return prop === "text" ? t : t.length === 0;
  }
  get text(): string {
    return this.read("text") as string;
  }
  get paragraphs(): ParagraphCollectionProxy {
    return new ParagraphCollectionProxy(this.ctx, () => this.ctx.fake.paragraphsIn(this.target()));
  }
  select(): void {
    this.queue(() => {
      const r = this.target();
      this.ctx.fake.setSelection(r.start.p, r.start.off, r.end.p, r.end.off);
    });
  }
  insertText(text: string, loc: string): RangeProxy {
    const out = new RangeProxy(this.ctx);
    this.queue(() => {
      const r = this.target();
      if (r.start.p !== r.end.p) throw err("NotImplemented", "fake: insertText on a multi-paragraph range");
      const fake = this.ctx.fake;
      const p = r.start.p;
      if (loc === "Replace") out.resolveTo(fake.edit(p, r.start.off, r.end.off, text));
      else if (loc === "Start" || loc === "Before") out.resolveTo(fake.edit(p, r.start.off, r.start.off, text));
      else if (loc === "End" || loc === "After") out.resolveTo(fake.edit(p, r.end.off, r.end.off, text));
      else throw err("InvalidArgument", `fake: Range.insertText location ${loc}`);
    });
    return out;
  }
  delete(): void {
    this.queue(() => {
      const r = this.target();
      if (r.start.p !== r.end.p) throw err("NotImplemented", "fake: delete on a multi-paragraph range");
      this.ctx.fake.edit(r.start.p, r.start.off, r.end.off, "");
    });
  }
  insertComment(text: string): void {
    this.queue(() => {
      this.ctx.fake.require("WordApi", "1.4", "Range.insertComment");
      this.ctx.fake.comments.push({ text, anchor: this.ctx.fake.rangeText(this.target()) });
    });
  }
  getRange(loc: string = "Whole"): RangeProxy {
    const out = new RangeProxy(this.ctx);
    this.queue(() => {
      const r = this.target();
      const fake = this.ctx.fake;
      if (loc === "Start") out.resolveTo(fake.range(r.start.p, r.start.off, r.start.p, r.start.off));
      else if (loc === "End") out.resolveTo(fake.range(r.end.p, r.end.off, r.end.p, r.end.off));
      else if (loc === "Whole") out.resolveTo(fake.range(r.start.p, r.start.off, r.end.p, r.end.off));
      else throw err("InvalidArgument", `fake: Range.getRange(${loc})`);
    });
    return out;
  }
  expandTo(other: RangeProxy): RangeProxy {
    const out = new RangeProxy(this.ctx);
    this.queue(() => {
      this.ctx.fake.require("WordApi", "1.3", "Range.expandTo");
      out.resolveTo(this.ctx.fake.union(this.target(), other.target()));
    });
    return out;
  }
}

class RangeCollectionProxy extends FakeObject {
  protected scalars = [] as const;
  private ranges: LiveRange[] | undefined;
  private itemProxies: RangeProxy[] | undefined;
  resolveTo(rs: LiveRange[]): void {
    this.ranges = rs;
  }
  protected current(): unknown {
    return undefined;
  }
  override snapshotOp(paths: string[][]): () => void {
    const itemPaths = paths.map((p) => (p[0] === "items" ? p.slice(1) : p)).filter((p) => p.length > 0);
    for (const p of itemPaths) if (p.length !== 1 || !["text", "isEmpty"].includes(p[0])) throw err("InvalidArgument", `fake: Range has no loadable '${p.join("/")}'`);
    return () => {
      if (!this.ranges) throw new Error("fake: range collection loaded before it was resolved");
      this.itemProxies = this.ranges.map((r) => {
        const proxy = new RangeProxy(this.ctx, r);
        proxy.snapshotOp(itemPaths)();
        return proxy;
      });
    };
  }
  get items(): RangeProxy[] {
    if (!this.itemProxies) throw err("PropertyNotLoaded", "The property 'items' is not available. Load the collection and call context.sync().");
    return this.itemProxies;
  }
}

class BodyProxy extends FakeObject {
  protected scalars = ["text"] as const;
  protected current(): unknown {
    return this.ctx.fake.bodyParas().map((p) => p.text).join("\r");
  }
  get paragraphs(): ParagraphCollectionProxy {
    return new ParagraphCollectionProxy(this.ctx, () => this.ctx.fake.bodyParas());
  }
  getOoxml(): ClientResult<string> {
    this.ctx.fake.ooxmlCalls++;
    return new ClientResult(this.ctx, () => {
      if (this.ctx.fake.options.ooxmlError) throw err(this.ctx.fake.options.ooxmlError, "fake: getOoxml failed");
      return this.ctx.fake.ooxml();
    });
  }
  getRange(loc: string = "Whole"): RangeProxy {
    const out = new RangeProxy(this.ctx);
    this.queue(() => {
      const fake = this.ctx.fake;
      const first = fake.paras[0];
      const last = fake.paras[fake.paras.length - 1];
      if (loc === "Start") out.resolveTo(fake.range(first, 0, first, 0));
      else if (loc === "End") out.resolveTo(fake.range(last, last.text.length, last, last.text.length));
      else if (loc === "Whole") out.resolveTo(fake.range(first, 0, last, last.text.length));
      else throw err("InvalidArgument", `fake: Body.getRange(${loc})`);
    });
    return out;
  }
}

class StyleFontProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly style: StyleProxy,
  ) {}
  private set(prop: string, v: unknown): void {
    this.ctx.queue.push(() => {
      this.style.def().font[prop] = v;
    });
  }
  set name(v: string) {
    this.set("name", v);
  }
  set size(v: number) {
    this.set("size", v);
  }
  set bold(v: boolean) {
    this.set("bold", v);
  }
  set nameFarEast(v: string) {
    this.ctx.queue.push(() => {
      this.ctx.fake.require("WordApiDesktop", "1.3", "Font.nameFarEast");
      this.style.def().font.nameFarEast = v;
    });
  }
}

class StyleParagraphFormatProxy {
  constructor(
    private readonly ctx: Ctx,
    private readonly style: StyleProxy,
  ) {}
  private set(prop: string, v: unknown): void {
    this.ctx.queue.push(() => {
      this.style.def().paragraphFormat[prop] = v;
    });
  }
  set alignment(v: string) {
    this.set("alignment", v);
  }
  set firstLineIndent(v: number) {
    this.set("firstLineIndent", v);
  }
  set outlineLevel(v: string) {
    this.set("outlineLevel", v);
  }
  set lineSpacing(v: number) {
    this.set("lineSpacing", v);
  }
  set rightIndent(v: number) {
    this.set("rightIndent", v);
  }
}

class StyleProxy extends FakeObject {
  protected scalars = ["nameLocal", "type"] as const;
  private styleDef: StyleDef | undefined | null;
  readonly font: StyleFontProxy;
  readonly paragraphFormat: StyleParagraphFormatProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.font = new StyleFontProxy(ctx, this);
    this.paragraphFormat = new StyleParagraphFormatProxy(ctx, this);
  }
  resolveTo(d: StyleDef | null): void {
    this.styleDef = d;
  }
  def(): StyleDef {
    if (!this.styleDef) throw err("InvalidObjectPath", "fake: style is a null object");
    return this.styleDef;
  }
  protected override beforeSnapshot(): void {
    this.values.set("isNullObject", this.styleDef === null);
  }
  protected current(prop: string): unknown {
    if (!this.styleDef) return null;
    return prop === "nameLocal" ? this.styleDef.name : this.styleDef.type;
  }
  get isNullObject(): boolean {
    return this.read("isNullObject") as boolean;
  }
}

class StyleCollectionProxy {
  constructor(private readonly ctx: Ctx) {}
  getByNameOrNullObject(name: string): StyleProxy {
    const s = new StyleProxy(this.ctx);
    this.ctx.queue.push(() => {
      this.ctx.fake.require("WordApi", "1.5", "StyleCollection.getByNameOrNullObject");
      s.resolveTo(this.ctx.fake.styles.get(name) ?? null);
    });
    return s;
  }
}

class DocumentProxy extends FakeObject {
  protected scalars = [] as const;
  readonly body: BodyProxy;
  constructor(ctx: Ctx) {
    super(ctx);
    this.body = new BodyProxy(ctx);
  }
  protected current(): unknown {
    return undefined;
  }
  /** Sections, headers and footers: fakeSections.ts. */
  get sections(): ReturnType<typeof sectionsProxy> {
    return sectionsProxy(this.ctx);
  }
  getSelection(): RangeProxy {
    const out = new RangeProxy(this.ctx);
    this.queue(() => {
      const s = this.ctx.fake.selection;
      out.resolveTo(this.ctx.fake.range(s.start.p, s.start.off, s.end.p, s.end.off));
    });
    return out;
  }
  getStyles(): StyleCollectionProxy {
    this.queue(() => this.ctx.fake.require("WordApi", "1.5", "Document.getStyles"));
    return new StyleCollectionProxy(this.ctx);
  }
  addStyle(name: string, type: string): StyleProxy {
    const s = new StyleProxy(this.ctx);
    this.queue(() => {
      const fake = this.ctx.fake;
      fake.require("WordApi", "1.5", "Document.addStyle");
      if (fake.styles.has(name)) throw err("InvalidArgument", `fake: style ${name} already exists`);
      const def: StyleDef = { name, type, font: {}, paragraphFormat: {} };
      fake.styles.set(name, def);
      fake.stylesAdded++;
      s.resolveTo(def);
    });
    return s;
  }
  set changeTrackingMode(_v: string) {
    this.queue(() => {
      this.ctx.fake.trackingModeChanged = true;
    });
  }
}

// ---------------------------------------------------------------------------------------------
// The document

const WIDTH_FOLD = (c: string): string => {
  const n = c.charCodeAt(0);
  return n >= 0xff01 && n <= 0xff5e ? String.fromCharCode(n - 0xfee0) : c;
};

export class FakeWord {
  paras: Para[];
  readonly options: FakeOptions;
  syncs = 0;
  searchCount = 0;
  ooxmlCalls = 0;
  stylesAdded = 0;
  trackingModeChanged = false;
  loadLog: string[] = [];
  comments: Comment[] = [];
  readonly styles = new Map<string, StyleDef>();
  readonly builtinStyles = new Set(["Normal", "Heading 1", "Heading 2", "Title"]);
  selection: LiveRange;
  /** Settings as held in memory, and as last saved with the document. */
  settingsMemory = new Map<string, unknown>();
  settingsSaved = new Map<string, unknown>();
  handlers: Array<() => void> = [];
  private live = new Map<Para, Set<LiveRange>>();

  constructor(paras: Array<ParaInit | string>, options: FakeOptions = {}) {
    this.options = { includeTextBoxes: true, ...options };
    this.paras = (paras.length ? paras : [""]).map((p) => new Para(typeof p === "string" ? { text: p } : p));
    const first = this.paras[0];
    this.selection = this.range(first, 0, first, 0);
  }

  // --- state helpers used by the proxies

  require(set: string, version: string, api: string): void {
    const max = this.options.sets?.[set];
    if (!max || !versionLE(version, max)) throw err("ApiNotFound", `fake: ${api} needs ${set} ${version}`);
  }

  supports(set: string, version: string): boolean {
    const max = this.options.sets?.[set];
    return !!max && versionLE(version, max);
  }

  bodyParas(): Para[] {
    return this.options.includeTextBoxes ? this.paras : this.paras.filter((p) => !p.textBox);
  }

  range(sp: Para, so: number, ep: Para, eo: number): LiveRange {
    const r = new LiveRange({ p: sp, off: so }, { p: ep, off: eo });
    this.track(r);
    return r;
  }

  private track(r: LiveRange): void {
    for (const p of new Set([r.start.p, r.end.p])) {
      let set = this.live.get(p);
      if (!set) this.live.set(p, (set = new Set()));
      set.add(r);
    }
  }

  private index(p: Para): number {
    const i = this.paras.indexOf(p);
    if (i < 0) throw err("InvalidObjectPath", "fake: paragraph no longer exists");
    return i;
  }

  private cmp(a: Point, b: Point): number {
    return a.p === b.p ? a.off - b.off : this.index(a.p) - this.index(b.p);
  }

  union(a: LiveRange, b: LiveRange): LiveRange {
    const start = this.cmp(a.start, b.start) <= 0 ? a.start : b.start;
    const end = this.cmp(a.end, b.end) >= 0 ? a.end : b.end;
    return this.range(start.p, start.off, end.p, end.off);
  }

  rangeText(r: LiveRange): string {
    if (r.start.p === r.end.p) return r.start.p.text.slice(r.start.off, r.end.off);
    const i = this.index(r.start.p);
    const j = this.index(r.end.p);
    const parts = [r.start.p.text.slice(r.start.off)];
    for (let k = i + 1; k < j; k++) parts.push(this.paras[k].text);
    parts.push(r.end.p.text.slice(0, r.end.off));
    return parts.join("\r");
  }

  paragraphsIn(r: LiveRange): Para[] {
    const i = this.index(r.start.p);
    const j = this.index(r.end.p);
    const list = this.paras.slice(i, j + 1);
    return this.options.includeTextBoxes ? list : list.filter((p) => !p.textBox);
  }

  setSelection(sp: Para, so: number, ep: Para, eo: number): void {
    this.selection = this.range(sp, so, ep, eo);
  }

  /** Replaces [s, e) of a paragraph's text; moves live ranges; returns the range of the new text. */
  edit(p: Para, s: number, e: number, text: string): LiveRange {
    if (s < 0 || e > p.text.length || s > e) throw err("InvalidArgument", "fake: edit out of range");
    if (/[\r\n]/.test(text)) throw err("InvalidArgument", "fake: paragraph breaks in insertText are not modelled");
    const delta = text.length - (e - s);
    for (const r of this.live.get(p) ?? []) {
      for (const [pt, isStart] of [
        [r.start, true],
        [r.end, false],
      ] as const) {
        if (pt.p !== p) continue;
        if (pt.off >= e && (e > s || pt.off > s)) pt.off += delta;
        else if (pt.off > s) pt.off = isStart ? s : s + text.length;
      }
    }
    p.text = p.text.slice(0, s) + text + p.text.slice(e);
    return this.range(p, s, p, s + text.length);
  }

  insertParagraphNear(p: Para, text: string, where: "After" | "Before"): Para {
    // A new paragraph takes the formatting at the insertion point.
    const np = new Para({
      text,
      font: { ...p.font },
      alignment: p.alignment,
      firstLineIndent: p.firstLineIndent,
      lineSpacing: p.lineSpacing,
      outlineLevel: p.outlineLevel,
      style: p.style,
      tableNestingLevel: p.tableNestingLevel,
      // As in Word, a paragraph inserted after a numbered one continues the list.
      ...(where === "After" && p.listString !== undefined ? { listString: `${p.listString}+` } : {}),
    });
    const i = this.index(p);
    this.paras.splice(where === "After" ? i + 1 : i, 0, np);
    return np;
  }

  /** Adds a style to the document as if the user or a template had made it (tests). */
  defineStyle(def: Omit<StyleDef, "type"> & { type?: string }): void {
    this.styles.set(def.name, { type: "Paragraph", ...def });
  }

  /** Applying a named style: the properties it defines replace the paragraph's. */
  applyStyle(p: Para, name: string): void {
    const def = this.styles.get(name);
    if (!def) return;
    const f = def.font;
    if (typeof f.name === "string") p.font.name = f.name;
    if (typeof f.nameFarEast === "string") p.font.nameFarEast = f.nameFarEast;
    if (typeof f.size === "number") p.font.size = f.size;
    // Character formatting over the whole paragraph goes back to the style's (Word keeps only partial runs).
    p.font.bold = typeof f.bold === "boolean" ? f.bold : false;
    p.font.italic = typeof f.italic === "boolean" ? f.italic : false;
    const pf = def.paragraphFormat;
    if (typeof pf.alignment === "string") p.alignment = pf.alignment;
    if (typeof pf.firstLineIndent === "number") p.firstLineIndent = pf.firstLineIndent;
    if (typeof pf.rightIndent === "number") p.rightIndent = pf.rightIndent;
    if (typeof pf.lineSpacing === "number") p.lineSpacing = pf.lineSpacing;
    const ol = outlineNumber(pf.outlineLevel);
    if (ol !== undefined) p.outlineLevel = ol;
  }

  /** The font of [s, e) of a paragraph: its own, with the parts set through Range.font over it. */
  private fontAt(p: Para, off: number): FontState {
    const f: FontState = { ...p.font };
    for (const sp of p.spans) {
      if (sp.r.start.p !== p || off < sp.r.start.off || off >= sp.r.end.off) continue;
      Object.assign(f, sp.font);
    }
    return f;
  }

  /** A font property over [s, e): its value when the same throughout, else null (Word's "mixed"). */
  fontOver(p: Para, s: number, e: number, prop: FontProp): unknown {
    const value = (f: FontState) => (prop === "nameFarEast" ? (f.nameFarEast ?? f.name) : f[prop]);
    if (e <= s) return value(this.fontAt(p, s));
    let v: unknown;
    for (let k = s; k < e; k++) {
      const here = value(this.fontAt(p, k));
      if (k === s) v = here;
      else if (here !== v) return null;
    }
    return v;
  }

  setRangeFont(r: LiveRange, prop: FontProp, v: unknown): void {
    if (r.start.p !== r.end.p) throw err("NotImplemented", "fake: font on a multi-paragraph range");
    r.start.p.spans.push({ r: this.range(r.start.p, r.start.off, r.end.p, r.end.off), font: { [prop]: v } });
  }

  /** The paragraph's text in stretches of equal formatting, in order. */
  stretches(p: Para): Array<{ text: string; font: FontState }> {
    const cuts = new Set<number>([0, p.text.length]);
    for (const sp of p.spans) {
      if (sp.r.start.p !== p) continue;
      cuts.add(Math.max(0, Math.min(sp.r.start.off, p.text.length)));
      cuts.add(Math.max(0, Math.min(sp.r.end.off, p.text.length)));
    }
    const at = [...cuts].sort((a, b) => a - b);
    const out: Array<{ text: string; font: FontState }> = [];
    for (let k = 0; k + 1 < at.length; k++) {
      if (at[k + 1] === at[k]) continue;
      const font = this.fontAt(p, at[k]);
      const text = p.text.slice(at[k], at[k + 1]);
      const last = out[out.length - 1];
      if (last && JSON.stringify(last.font) === JSON.stringify(font)) last.text += text;
      else out.push({ text, font });
    }
    return out;
  }

  /** Packages passed to insertOoxml, in order. */
  insertedOoxml: string[] = [];

  /**
   * Paragraph.insertOoxml(xml, "Replace"): the package's paragraphs replace the paragraph's text.
   * All but the last become new paragraphs before it; the last merges into the target, which keeps
   * its own paragraph properties (the run formatting comes along). Styles new to the document are
   * added from the package; styles it already has keep their resident definition.
   */
  insertOoxmlReplacing(p: Para, xml: string): LiveRange {
    this.insertedOoxml.push(xml);
    let model: ModelParagraph[];
    let pkg = xml;
    const ids = new Map<string, string>(); // style id → name
    for (const m of xml.matchAll(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>[\s\S]*?<w:name w:val="([^"]*)"/g)) ids.set(m[1], m[2]);
    // Resident definitions win over the package's.
    pkg = pkg.replace(/<w:style\b[^>]*w:styleId="([^"]*)"[^>]*>[\s\S]*?<\/w:style>/g, (whole, id: string) => {
      const name = ids.get(id);
      const resident = name === undefined ? undefined : this.styles.get(name);
      return resident ? styleXml(id, resident) : whole;
    });
    try {
      model = readFlatOpc(pkg).paragraphs;
    } catch (e) {
      throw err("InvalidArgument", `fake: insertOoxml could not read the package: ${(e as Error).message}`);
    }
    // Styles new to the document, with the definition the package gives them.
    for (const [id, name] of ids) {
      if (this.styles.has(name) || this.builtinStyles.has(name)) continue;
      const probe = pkg.replace(/<w:body>[\s\S]*<\/w:body>/, `<w:body><w:p><w:pPr><w:pStyle w:val="${xmlEscape(id)}"/></w:pPr><w:r><w:t>字</w:t></w:r></w:p></w:body>`);
      const d = readFlatOpc(probe).paragraphs[0];
      const run = d.runs[0];
      this.styles.set(name, {
        name,
        type: "Paragraph",
        font: { name: run.fontLatin, nameFarEast: run.fontEastAsia, size: run.sizePt, bold: run.bold },
        paragraphFormat: {
          alignment: d.alignment ? ALIGN_TO_WORD[d.alignment] : "Left",
          firstLineIndent: d.firstLineIndentPt ?? 0,
          ...(d.lineSpacing ? { lineSpacing: d.lineSpacing.rule === "auto" ? d.lineSpacing.value * 12 : d.lineSpacing.value } : {}),
          outlineLevel: outlineName(d.outlineLevel === undefined ? 10 : d.outlineLevel + 1),
        },
      });
    }
    const toPara = (m: ModelParagraph): Para => {
      const run = m.runs[0];
      const size = run?.sizePt ?? null;
      return new Para({
        text: m.text.replace(/\n/g, "\u000b"),
        font: { name: run?.fontLatin ?? null, size, bold: run?.bold ?? false, ...(run?.fontEastAsia ? { nameFarEast: run.fontEastAsia } : {}) },
        alignment: m.alignment ? ALIGN_TO_WORD[m.alignment] : "Left",
        firstLineIndent: m.firstLineIndentPt ?? (m.firstLineIndentChars ?? 0) * (size ?? 10.5),
        lineSpacing: m.lineSpacing ? (m.lineSpacing.rule === "auto" ? m.lineSpacing.value * 12 : m.lineSpacing.value) : 12,
        outlineLevel: m.outlineLevel === undefined ? 10 : m.outlineLevel + 1,
        style: m.styleName ?? "Normal",
        tableNestingLevel: p.tableNestingLevel,
      });
    };
    if (model.length === 0) return this.edit(p, 0, p.text.length, "");
    const before = model.slice(0, -1).map(toPara);
    const last = toPara(model[model.length - 1]);
    this.paras.splice(this.index(p), 0, ...before);
    this.edit(p, 0, p.text.length, last.text);
    p.font = { ...last.font };
    const first = before[0] ?? p;
    return this.range(first, 0, p, p.text.length);
  }

  search(p: Para, raw: string, options: { matchCase?: boolean; matchWildcards?: boolean }): LiveRange[] {
    if (options.matchWildcards) throw err("NotImplemented", "fake: wildcard search");
    if (raw.length === 0 || raw.length > 255) throw err("SearchStringInvalidOrTooLong", "fake: search string empty or too long");
    let needle = "";
    for (let i = 0; i < raw.length; i++) {
      const c = raw[i];
      if (c !== "^") {
        needle += c;
        continue;
      }
      const n = raw[++i];
      if (n === "^") needle += "^";
      else if (n === "l") needle += "\u000b";
      else if (n === "t") needle += "\t";
      else throw err("SearchStringInvalidOrTooLong", `fake: unsupported search code ^${n ?? ""}`);
    }
    const fold = (s: string) => {
      let out = "";
      for (const ch of s) {
        let c = this.options.searchIgnoresWidth ? WIDTH_FOLD(ch) : ch;
        if (!options.matchCase) c = c.toLowerCase();
        out += c;
      }
      return out;
    };
    const hay = fold(p.text);
    const nd = fold(needle);
    const hits: LiveRange[] = [];
    for (let i = hay.indexOf(nd); i >= 0; i = hay.indexOf(nd, i + nd.length)) hits.push(this.range(p, i, p, i + nd.length));
    return hits;
  }

  /** The flat-OPC package Word's body.getOoxml() returns, built from the paragraphs. */
  ooxml(): string {
    const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
    const V = 'xmlns:v="urn:schemas-microsoft-com:vml"';
    const runs = (p: Para) =>
      this.stretches(p)
        .map(({ text, font: f }) => {
          const rPr =
            `<w:rPr><w:rFonts w:ascii="${xmlEscape(f.name ?? "Times New Roman")}" w:hAnsi="${xmlEscape(f.name ?? "Times New Roman")}" ` +
            `w:eastAsia="${xmlEscape(f.nameFarEast ?? f.name ?? "宋体")}"/>${f.bold ? "<w:b/>" : f.bold === false ? '<w:b w:val="0"/>' : ""}${f.color && f.color !== "#000000" ? `<w:color w:val="${f.color.slice(1).toUpperCase()}"/>` : ""}${f.size ? `<w:sz w:val="${f.size * 2}"/>` : ""}</w:rPr>`;
          return text
            .split(/(\u000b|\t)/)
            .filter((s) => s !== "")
            .map((s) => (s === "\u000b" ? `<w:r>${rPr}<w:br/></w:r>` : s === "\t" ? `<w:r>${rPr}<w:tab/></w:r>` : `<w:r>${rPr}<w:t xml:space="preserve">${xmlEscape(s)}</w:t></w:r>`))
            .join("");
        })
        .join("");
    // Each auto-numbered paragraph gets a list of its own whose level text is its label.
    const lists = new Map<Para, number>();
    for (const p of this.paras) if (p.listString !== undefined) lists.set(p, lists.size + 1);
    const styleId = (name: string) => (this.styles.has(name) ? name : name.replace(/\s+/g, ""));
    const pPr = (p: Para) => {
      const jc: Record<string, string> = { Left: "left", Centered: "center", Right: "right", Justified: "both" };
      return (
        `<w:pPr>${p.style !== "Normal" ? `<w:pStyle w:val="${xmlEscape(styleId(p.style))}"/>` : ""}` +
        `${lists.has(p) ? `<w:numPr><w:ilvl w:val="0"/><w:numId w:val="${lists.get(p)}"/></w:numPr>` : ""}` +
        `${jc[p.alignment] ? `<w:jc w:val="${jc[p.alignment]}"/>` : ""}` +
        `<w:ind${p.leftIndent ? ` w:left="${Math.round(p.leftIndent * 20)}"` : ""}${p.rightIndent ? ` w:right="${Math.round(p.rightIndent * 20)}"` : ""}${p.firstLineIndent < 0 ? ` w:hanging="${Math.round(-p.firstLineIndent * 20)}"` : ` w:firstLine="${Math.round(p.firstLineIndent * 20)}"`}/>` +
        `<w:spacing w:line="${Math.round(p.lineSpacing * 20)}" w:lineRule="exact"/>` +
        `${p.outlineLevel >= 1 && p.outlineLevel <= 9 ? `<w:outlineLvl w:val="${p.outlineLevel - 1}"/>` : ""}</w:pPr>`
      );
    };
    const textbox = (boxes: Para[]) =>
      boxes.length === 0
        ? ""
        : `<w:r><w:pict><v:shape><v:textbox><w:txbxContent>${boxes.map((b) => `<w:p>${pPr(b)}${runs(b)}</w:p>`).join("")}</w:txbxContent></v:textbox></v:shape></w:pict></w:r>`;

    // Text-box paragraphs ride in a drawing of the body paragraph before them (or after, at the start).
    const body: string[] = [];
    let pendingBoxes: Para[] = [];
    let lastBody: { p: Para; boxes: Para[] } | undefined;
    const blocks: Array<{ p: Para; boxes: Para[] }> = [];
    for (const p of this.paras) {
      if (p.textBox) {
        if (lastBody) lastBody.boxes.push(p);
        else pendingBoxes.push(p);
        continue;
      }
      lastBody = { p, boxes: pendingBoxes };
      pendingBoxes = [];
      blocks.push(lastBody);
    }
    for (const { p, boxes } of blocks) {
      const xml = `<w:p>${pPr(p)}${runs(p)}${textbox(boxes)}</w:p>`;
      body.push(p.tableNestingLevel > 0 ? `<w:tbl><w:tr><w:tc>${xml}</w:tc></w:tr></w:tbl>` : xml);
    }
    const doc = `<w:document ${W} ${V}><w:body>${body.join("")}<w:sectPr><w:pgSz w:w="11906" w:h="16838"/><w:pgMar w:top="2098" w:bottom="1984" w:left="1588" w:right="1474"/></w:sectPr></w:body></w:document>`;
    const styles = `<w:styles ${W}><w:docDefaults><w:rPrDefault><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="21"/></w:rPr></w:rPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style>${[...this.builtinStyles]
      .filter((n) => n !== "Normal")
      .map((n) => `<w:style w:type="paragraph" w:styleId="${styleId(n)}"><w:name w:val="${n.toLowerCase()}"/></w:style>`)
      .join("")}${[...this.styles].map(([n, d]) => styleXml(styleId(n), d)).join("")}</w:styles>`;
    const listEntries = [...lists];
    const numbering =
      `<w:numbering ${W}>` +
      listEntries.map(([p, id]) => `<w:abstractNum w:abstractNumId="${id}"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="${xmlEscape(p.listString!.replace(/%/g, ""))}"/></w:lvl></w:abstractNum>`).join("") +
      listEntries.map(([, id]) => `<w:num w:numId="${id}"><w:abstractNumId w:val="${id}"/></w:num>`).join("") +
      `</w:numbering>`;
    return (
      `<?xml version="1.0" standalone="yes"?><?mso-application progid="Word.Document"?>` +
      `<pkg:package xmlns:pkg="http://schemas.microsoft.com/office/2006/xmlPackage">` +
      `<pkg:part pkg:name="/_rels/.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>` +
      `</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/document.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"><pkg:xmlData>${doc}</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/_rels/document.xml.rels" pkg:contentType="application/vnd.openxmlformats-package.relationships+xml"><pkg:xmlData>` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/numbering" Target="numbering.xml"/></Relationships>` +
      `</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/numbering.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.numbering+xml"><pkg:xmlData>${numbering}</pkg:xmlData></pkg:part>` +
      `<pkg:part pkg:name="/word/styles.xml" pkg:contentType="application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml"><pkg:xmlData>${styles}</pkg:xmlData></pkg:part>` +
      `</pkg:package>`
    );
  }

  // --- test conveniences

  /** Every paragraph's text, text boxes included, in order. */
  get texts(): string[] {
    return this.paras.map((p) => p.text);
  }

  para(i: number): Readonly<Para> {
    return this.paras[i];
  }

  /** Paragraph i as runs of equal character formatting (what getOoxml would write). */
  runsOf(i: number): Array<{ text: string; font: FontState }> {
    return this.stretches(this.paras[i]);
  }

  /** The selected text. */
  get selectedText(): string {
    return this.rangeText(this.selection);
  }

  /** Puts the cursor in paragraph i at offset off. */
  placeCursor(i: number, off = 0): void {
    const p = this.paras[i];
    this.selection = this.range(p, off, p, off);
  }

  fireSelectionChanged(): void {
    for (const h of [...this.handlers]) h();
  }

  /** Installs globalThis.Word and globalThis.Office backed by this document. */
  install(): void {
    const fake = this;
    const g = globalThis as unknown as Record<string, unknown>;
    g.Word = {
      run: async <T>(batch: (context: Ctx) => Promise<T>): Promise<T> => {
        const ctx = new Ctx(fake);
        const result = await batch(ctx);
        if (ctx.queue.length) await ctx.sync(); // Word.run flushes what is still queued
        return result;
      },
    };
    const settings = {
      get: (k: string) => (fake.settingsMemory.has(k) ? fake.settingsMemory.get(k) : null),
      set: (k: string, v: unknown) => {
        fake.settingsMemory.set(k, v);
      },
      remove: (k: string) => {
        fake.settingsMemory.delete(k);
      },
      saveAsync: (cb?: (r: { status: string; error?: unknown }) => void) => {
        fake.settingsSaved = new Map(fake.settingsMemory);
        setTimeout(() => cb?.({ status: "succeeded" }), 0);
      },
    };
    g.Office = {
      EventType: { DocumentSelectionChanged: "documentSelectionChanged" },
      AsyncResultStatus: { Succeeded: "succeeded", Failed: "failed" },
      context: {
        host: fake.options.host ?? "Word",
        platform: fake.options.platform ?? "PC",
        requirements: { isSetSupported: (name: string, version: string) => fake.supports(name, version) },
        document: {
          settings,
          addHandlerAsync: (type: string, handler: () => void, cb?: (r: { status: string }) => void) => {
            if (type !== "documentSelectionChanged") throw new Error(`fake: event ${type}`);
            fake.handlers.push(handler);
            cb?.({ status: "succeeded" });
          },
          removeHandlerAsync: (type: string, opts: { handler?: () => void }, cb?: (r: { status: string }) => void) => {
            if (type !== "documentSelectionChanged") throw new Error(`fake: event ${type}`);
            fake.handlers = fake.handlers.filter((h) => h !== opts.handler);
            cb?.({ status: "succeeded" });
          },
        },
      },
    };
  }

  static uninstall(): void {
    const g = globalThis as unknown as Record<string, unknown>;
    delete g.Word;
    delete g.Office;
  }
}
