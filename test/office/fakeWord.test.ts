/** The fake must be as strict as Office, or the gateway tests prove nothing. */
import { readFlatOpc } from "../../src/core/reader/index";
import { FakeWord } from "./fakeWord";

type Ctx = Word.RequestContext;
const run = <T>(batch: (ctx: Ctx) => Promise<T>) => Word.run(batch);

afterEach(() => FakeWord.uninstall());

describe("fake Word", () => {
  it("throws PropertyNotLoaded for a property never loaded, and for one loaded but not synced", async () => {
    const fake = new FakeWord(["甲", "乙"]);
    fake.install();
    await run(async (ctx) => {
      const ps = ctx.document.body.paragraphs;
      expect(() => ps.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      ps.load("items/text");
      expect(() => ps.items).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      await ctx.sync();
      expect(ps.items.map((p) => p.text)).toEqual(["甲", "乙"]);
      expect(() => ps.items[0].style).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
      expect(() => ps.items[0].font.name).toThrow(expect.objectContaining({ code: "PropertyNotLoaded" }));
    });
    expect(fake.syncs).toBe(1);
  });

  it("refuses a bare load() and properties it does not model", async () => {
    new FakeWord(["甲"]).install();
    await run(async (ctx) => {
      const ps = ctx.document.body.paragraphs;
      expect(() => ps.load(undefined as unknown as string)).toThrow(/bare load/);
      expect(() => ps.load("items/txet")).toThrow(/no loadable property 'txet'/);
    });
  });

  it("runs queued calls only at sync, in order", async () => {
    const fake = new FakeWord(["甲乙"]);
    fake.install();
    await run(async (ctx) => {
      const p = ctx.document.body.paragraphs.getFirst();
      p.insertText("丙", "End");
      expect(fake.texts).toEqual(["甲乙"]);
      p.load("text");
      await ctx.sync();
      expect(p.text).toBe("甲乙丙");
      expect(fake.texts).toEqual(["甲乙丙"]);
    });
  });

  it("fails at sync for APIs above the supported requirement sets", async () => {
    new FakeWord(["甲"], { sets: { WordApi: "1.3" } }).install();
    await run(async (ctx) => {
      ctx.document.getStyles();
      await expect(ctx.sync()).rejects.toMatchObject({ code: "ApiNotFound" });
    });
    expect(Office.context.requirements.isSetSupported("WordApi", "1.3")).toBe(true);
    expect(Office.context.requirements.isSetSupported("WordApi", "1.4")).toBe(false);
  });

  it("moves live ranges after an edit before them", async () => {
    const fake = new FakeWord(["一,二,三"]);
    fake.install();
    await run(async (ctx) => {
      const hits = ctx.document.body.paragraphs.getFirst().search(",", { matchCase: true });
      hits.load("items/text");
      await ctx.sync();
      expect(hits.items).toHaveLength(2);
      hits.items[0].insertText("，，", "Replace");
      hits.items[1].insertText("；", "Replace");
      await ctx.sync();
    });
    expect(fake.texts).toEqual(["一，，二；三"]);
  });

  it("treats ^ as Word's search escape and rejects long search strings", async () => {
    const fake = new FakeWord(["a^b a^b"]);
    fake.install();
    await run(async (ctx) => {
      const p = ctx.document.body.paragraphs.getFirst();
      const hits = p.search("a^^b", { matchCase: true });
      hits.load("items/text");
      await ctx.sync();
      expect(hits.items.map((h) => h.text)).toEqual(["a^b", "a^b"]);
      p.search("x".repeat(256));
      await expect(ctx.sync()).rejects.toMatchObject({ code: "SearchStringInvalidOrTooLong" });
    });
  });

  it("builds a flat-OPC package the reader reads back to the same texts", () => {
    const fake = new FakeWord(["标题", { text: "框", textBox: true }, "甲\u000b乙\t丙 & <丁>", { text: "表格内", tableNestingLevel: 1 }]);
    const doc = readFlatOpc(fake.ooxml());
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["标题", "甲\n乙\t丙 & <丁>", "表格内"]);
    expect(doc.paragraphs[2].inTable).toBe(true);
    expect(doc.otherParagraphs.map((p) => p.text)).toEqual(["框"]);
  });

  it("counts Word.run's final flush as a sync", async () => {
    const fake = new FakeWord(["甲"]);
    fake.install();
    await run(async (ctx) => {
      ctx.document.body.paragraphs.getFirst().insertText("乙", "End");
    });
    expect(fake.syncs).toBe(1);
    expect(fake.texts).toEqual(["甲乙"]);
  });
});

describe("fake Word: character formatting on part of a paragraph (Range.font)", () => {
  it("sets a range's font, follows edits, reads mixed as null, and a paragraph font replaces the parts", async () => {
    const fake = new FakeWord([{ text: "前标题句。正文。", font: { name: "宋体", size: 12 } }], { sets: { WordApi: "1.3" } });
    fake.install();
    await run(async (ctx) => {
      const p = ctx.document.body.paragraphs.getFirst();
      const hits = p.search("标题句。", { matchCase: true });
      hits.load("items/text");
      await ctx.sync();
      hits.items[0].font.name = "黑体";
      hits.items[0].font.size = 16;
      await ctx.sync();
      // An edit before the range moves it, as Word's ranges move.
      const first = p.search("前", { matchCase: true });
      first.load("items/text");
      await ctx.sync();
      first.items[0].insertText("甲", "Before");
      await ctx.sync();
    });
    expect(fake.runsOf(0).map((r) => [r.text, r.font.name, r.font.size])).toEqual([
      ["甲前", "宋体", 12],
      ["标题句。", "黑体", 16],
      ["正文。", "宋体", 12],
    ]);
    expect(readFlatOpc(fake.ooxml()).paragraphs[0].runs.map((r) => [r.text, r.fontEastAsia])).toEqual([
      ["甲前", "宋体"],
      ["标题句。", "黑体"],
      ["正文。", "宋体"],
    ]);
    const mixed = await run(async (ctx) => {
      const ps = ctx.document.body.paragraphs;
      ps.load("items/font/name,items/font/size");
      await ctx.sync();
      const v = [ps.items[0].font.name, ps.items[0].font.size];
      ps.items[0].font.size = 16;
      return v;
    });
    expect(mixed).toEqual([null, null]);
    expect(fake.runsOf(0).map((r) => [r.text, r.font.name, r.font.size])).toEqual([
      ["甲前", "宋体", 16],
      ["标题句。", "黑体", 16],
      ["正文。", "宋体", 16],
    ]);
  });

  it("needs WordApiDesktop 1.3 for nameFarEast on a range too", async () => {
    const fake = new FakeWord(["甲乙"], { sets: { WordApi: "1.3" } });
    fake.install();
    await expect(
      run(async (ctx) => {
        const hits = ctx.document.body.paragraphs.getFirst().search("甲", { matchCase: true });
        hits.load("items/text");
        await ctx.sync();
        hits.items[0].font.nameFarEast = "黑体";
        await ctx.sync();
      }),
    ).rejects.toMatchObject({ code: "ApiNotFound" });
  });
});
