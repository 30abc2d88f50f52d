/**
 * Sections, headers and footers for the strict fake Word (fakeWord.ts): as strict as the rest —
 * calls queued and run at context.sync(), `text` readable only after load + sync, getOoxml's
 * value only after sync, APIs above the configured requirement sets fail at sync with ApiNotFound.
 *
 * Modelled: `document.sections.getFirst()` (WordApi 1.3), `Section.getHeader/getFooter(type)`
 * (1.1) giving a Body with `text`, `getOoxml()`, `insertOoxml(…, "Replace")` and `clear()`, and
 * `Section.pageSetup.oddAndEvenPagesHeaderFooter` (WordApiDesktop 1.3: set, or load + sync + read).
 */
import { readFlatOpc } from "../../src/core/reader/index";
import { FakeOfficeError, type FakeWord } from "./fakeWord";

export type StoryType = "Primary" | "FirstPage" | "EvenPages";

/** A header or footer as the fake keeps it. */
export interface FakeStory {
  /** What Body.text reports (a field shows its result). */
  text: string;
  /** The OOXML last inserted (undefined: never written). */
  ooxml?: string;
  /** How many times insertOoxml replaced it. */
  writes: number;
}

export interface FakeSection {
  headers: Record<StoryType, FakeStory>;
  footers: Record<StoryType, FakeStory>;
  oddAndEvenPagesHeaderFooter: boolean;
}

interface CtxLike {
  queue: Array<() => void>;
  readonly fake: FakeWord;
}

const story = (text = ""): FakeStory => ({ text, writes: 0 });
const emptyStories = (): Record<StoryType, FakeStory> => ({ Primary: story(), FirstPage: story(), EvenPages: story() });

const state = new WeakMap<FakeWord, FakeSection[]>();

/** The fake document's sections (one, with empty headers and footers, unless set otherwise). */
export function sectionsOf(fake: FakeWord): FakeSection[] {
  let s = state.get(fake);
  if (!s) state.set(fake, (s = [{ headers: emptyStories(), footers: emptyStories(), oddAndEvenPagesHeaderFooter: false }]));
  return s;
}

function err(code: string, message: string): FakeOfficeError {
  return new FakeOfficeError(code, message);
}

class StoryBody {
  private loaded: string | undefined;
  constructor(
    private readonly ctx: CtxLike,
    private readonly get: () => FakeStory,
  ) {}
  load(spec: unknown): this {
    if (spec !== "text") throw err("InvalidArgument", `fake: a header/footer Body loads "text" only, not ${JSON.stringify(spec)}`);
    this.ctx.fake.loadLog.push("headerFooter/text");
    this.ctx.queue.push(() => {
      this.loaded = this.get().text;
    });
    return this;
  }
  get text(): string {
    if (this.loaded === undefined) throw err("PropertyNotLoaded", "The property 'text' is not available. Load it and call context.sync() before reading it.");
    return this.loaded;
  }
  getOoxml(): { readonly value: string } {
    let v: string | undefined;
    this.ctx.queue.push(() => {
      this.ctx.fake.ooxmlCalls++;
      const refused = this.ctx.fake.options.footerOoxmlError;
      if (refused) throw err(refused, "fake: header/footer getOoxml failed");
      const s = this.get();
      v = s.ooxml ?? "";
    });
    return {
      get value(): string {
        if (v === undefined) throw err("ValueNotLoaded", "The value of the result object has not been loaded yet. Call context.sync() first.");
        return v;
      },
    };
  }
  clear(): void {
    this.ctx.queue.push(() => {
      const s = this.get();
      s.text = "";
      s.ooxml = undefined;
      s.writes++;
    });
  }
  insertOoxml(ooxml: string, loc: string): void {
    this.ctx.queue.push(() => {
      if (loc !== "Replace") throw err("NotImplemented", `fake: header/footer insertOoxml at ${loc} is not modelled`);
      const s = this.get();
      s.text = readFlatOpc(ooxml).paragraphs.map((p) => p.text).join("\r");
      s.ooxml = ooxml;
      s.writes++;
    });
  }
}

interface FakePageSetup {
  load(spec: unknown): FakePageSetup;
  oddAndEvenPagesHeaderFooter: boolean;
}

class SectionProxy {
  private section: FakeSection | undefined;
  constructor(private readonly ctx: CtxLike) {}
  resolveTo(s: FakeSection): void {
    this.section = s;
  }
  private target(): FakeSection {
    if (!this.section) throw new Error("fake: section proxy used before it was resolved");
    return this.section;
  }
  getFooter(type: StoryType): StoryBody {
    return new StoryBody(this.ctx, () => this.target().footers[type]);
  }
  getHeader(type: StoryType): StoryBody {
    return new StoryBody(this.ctx, () => this.target().headers[type]);
  }
  private setup: FakePageSetup | undefined;
  get pageSetup(): FakePageSetup {
    if (!this.setup) {
      const ctx = this.ctx;
      const target = () => this.target();
      let loaded: boolean | undefined;
      this.setup = {
        load(spec: unknown) {
          if (spec !== "oddAndEvenPagesHeaderFooter") throw err("InvalidArgument", `fake: pageSetup loads oddAndEvenPagesHeaderFooter only, not ${JSON.stringify(spec)}`);
          ctx.fake.loadLog.push("pageSetup/oddAndEvenPagesHeaderFooter");
          ctx.queue.push(() => {
            ctx.fake.require("WordApiDesktop", "1.3", "Section.pageSetup");
            loaded = target().oddAndEvenPagesHeaderFooter;
          });
          return this;
        },
        get oddAndEvenPagesHeaderFooter(): boolean {
          if (loaded === undefined) throw err("PropertyNotLoaded", "The property 'oddAndEvenPagesHeaderFooter' is not available. Load it and call context.sync() before reading it.");
          return loaded;
        },
        set oddAndEvenPagesHeaderFooter(v: boolean) {
          ctx.queue.push(() => {
            ctx.fake.require("WordApiDesktop", "1.3", "Section.pageSetup");
            target().oddAndEvenPagesHeaderFooter = v;
          });
        },
      };
    }
    return this.setup;
  }
}

/** `document.sections` of the fake. */
export function sectionsProxy(ctx: CtxLike): { getFirst(): SectionProxy } {
  return {
    getFirst(): SectionProxy {
      const s = new SectionProxy(ctx);
      ctx.queue.push(() => {
        ctx.fake.require("WordApi", "1.3", "SectionCollection.getFirst");
        s.resolveTo(sectionsOf(ctx.fake)[0]);
      });
      return s;
    },
  };
}
