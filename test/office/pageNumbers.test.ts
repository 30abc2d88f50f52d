/**
 * 页码 through 一键排版 in Word (src/office/pageNumbers.ts), on the strict fake Word with its
 * sections and footers (fakeSections.ts): what is written where, what is left alone, and that it
 * costs no round trip of its own.
 */
import type { Fix } from "../../src/core/edits";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { resolveProfile, type FormatSpec } from "../../src/core/profiles";
import { readFlatOpc } from "../../src/core/reader/index";
import { footerPackage } from "../../src/office/pageNumbers";
import { WordDocumentHost } from "../../src/office/wordHost";
import { sectionsOf, type FakeStory } from "./fakeSections";
import { FakeWord, type FakeOptions } from "./fakeWord";

const gongwen = resolveProfile("gongwen").format;
const speech = resolveProfile("speech").format;
const WEB = { sets: { WordApi: "1.3" } };
const DESKTOP = { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } };

afterEach(() => FakeWord.uninstall());

function draft(n: number): string[] {
  const out = ["关于做好有关工作的通知", "各单位："];
  for (let i = 2; i < n; i++) out.push(i % 10 === 2 ? `${"一二三四五六七八九"[((i - 2) / 10) % 9]}、第${i}部分` : `第${i}段要抓好落实，确保见效。`);
  return out.slice(0, n);
}

function setup(spec: FormatSpec | undefined, options: FakeOptions, n = 12) {
  const fake = new FakeWord(draft(n), options);
  fake.install();
  const host = new WordDocumentHost({ debounceMs: 0, ...(spec ? { profile: { format: spec } } : {}) });
  return { fake, host, section: sectionsOf(fake)[0] };
}

/** 一键排版 as the 大纲 tab runs it; returns the syncs it took (the read not counted). */
async function format(host: WordDocumentHost, fake: FakeWord, spec: FormatSpec): Promise<number> {
  const doc = await host.readDocument();
  const before = fake.syncs;
  const expected: Record<number, string> = {};
  for (const p of doc.paragraphs) expected[p.index] = p.text;
  const res = await host.applyFixes([{ description: "一键排版", format: formatPlan(doc, buildOutline(doc), spec) }], expected);
  expect(res.applied).toBe(1);
  return fake.syncs - before;
}

/** The footer paragraph as written: its text, alignment, and whether it holds a PAGE field. */
function written(s: FakeStory): { text: string; jc: string | undefined; page: boolean } | undefined {
  if (!s.ooxml) return undefined;
  const doc = readFlatOpc(s.ooxml);
  return {
    text: doc.paragraphs.map((p) => p.text).join("|"),
    jc: /<w:jc w:val="(\w+)"/.exec(s.ooxml)?.[1],
    page: /<w:instrText[^>]*> PAGE <\/w:instrText>/.test(s.ooxml),
  };
}

describe("一键排版 writes the page numbers in Word", () => {
  it("WordApi 1.3 (the web): the gongwen numbers centred on every page, the odd/even setting cannot be switched", async () => {
    const { fake, host, section } = setup(gongwen, WEB);
    await format(host, fake, gongwen);
    expect(written(section.footers.Primary)).toEqual({ text: "— 1 —", jc: "center", page: true });
    expect(written(section.footers.FirstPage)).toEqual({ text: "— 1 —", jc: "center", page: true });
    // The fake logs a header/footer text load as headerFooter/text: the checks above did read them.
    expect(fake.loadLog).toContain("headerFooter/text");
    expect(section.footers.EvenPages.writes).toBe(0);
    expect(section.oddAndEvenPagesHeaderFooter).toBe(false);
  });

  it("WordApiDesktop 1.3: odd footer right, even footer left, odd/even switched on", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    await format(host, fake, gongwen);
    expect(written(section.footers.Primary)).toEqual({ text: "— 1 —", jc: "right", page: true });
    expect(written(section.footers.EvenPages)).toEqual({ text: "— 1 —", jc: "left", page: true });
    expect(section.oddAndEvenPagesHeaderFooter).toBe(true);
  });

  it("gives even pages the header they showed when odd/even is switched on", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    section.headers.Primary = { text: "内部资料", ooxml: footerPackage("center").replace(/<w:p>.*<\/w:p>/, "<w:p><w:r><w:t>内部资料</w:t></w:r></w:p>"), writes: 0 };
    await format(host, fake, gongwen);
    expect(section.headers.EvenPages.ooxml).toBe(section.headers.Primary.ooxml);
    expect(section.headers.EvenPages.text).toBe("内部资料");
    expect(section.headers.Primary.writes).toBe(0);
  });

  it("a speech's numbers are centred even where odd/even could be switched on", async () => {
    const { fake, host, section } = setup(speech, DESKTOP);
    await format(host, fake, speech);
    expect(written(section.footers.Primary)?.jc).toBe("center");
    expect(section.footers.EvenPages.writes).toBe(0);
    expect(section.oddAndEvenPagesHeaderFooter).toBe(false);
  });

  it("without a profile, the speech default (centred)", async () => {
    const { fake, host, section } = setup(undefined, DESKTOP);
    await format(host, fake, speech);
    expect(written(section.footers.Primary)?.jc).toBe("center");
  });

  it.each([
    ["Primary", "第 1 页"],
    ["FirstPage", "1"],
    ["EvenPages", "保密"],
  ] as const)("leaves the footers alone when the %s footer shows something (%s)", async (type, text) => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    section.footers[type] = { text, writes: 0 };
    await format(host, fake, gongwen);
    for (const s of Object.values(section.footers)) expect(s.writes).toBe(0);
    expect(section.oddAndEvenPagesHeaderFooter).toBe(false);
  });

  it("writes nothing for pageNumbers none, and reads no footer", async () => {
    const none = { ...gongwen, pageNumbers: "none" as const };
    const { fake, host, section } = setup(none, DESKTOP);
    await format(host, fake, none);
    for (const s of Object.values(section.footers)) expect(s.writes).toBe(0);
    expect(fake.loadLog).not.toContain("headerFooter/text");
  });

  it("other fixes do not touch the footers", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    const doc = await host.readDocument();
    const fix: Fix = { description: "改为全角逗号", text: [{ paragraph: 3, start: 0, end: 0, text: "" }], format: [{ paragraph: 3, set: { bold: false } }] };
    await host.applyFixes([fix], { 3: doc.paragraphs[3].text });
    for (const s of Object.values(section.footers)) expect(s.writes).toBe(0);
    expect(fake.loadLog).not.toContain("headerFooter/text");
  });

  it("writes nothing when the document changed since it was read (nothing applied)", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    const doc = await host.readDocument();
    const expected: Record<number, string> = {};
    for (const p of doc.paragraphs) expected[p.index] = `${p.text}（已改）`;
    const res = await host.applyFixes([{ description: "一键排版", format: formatPlan(doc, buildOutline(doc), gongwen) }], expected);
    expect(res.applied).toBe(0);
    for (const s of Object.values(section.footers)) expect(s.writes).toBe(0);
  });
});

describe("the round trips of 一键排版 with page numbers", () => {
  it.each([
    ["WordApi 1.3", WEB],
    ["WordApiDesktop 1.3", DESKTOP],
  ])("%s: no sync of its own, the same for 10 and 2,000 paragraphs", async (_name, options) => {
    const costs: number[] = [];
    for (const n of [10, 2000]) {
      for (const spec of [gongwen, { ...gongwen, pageNumbers: "none" as const }]) {
        const { fake, host } = setup(spec, options, n);
        costs.push(await format(host, fake, spec));
        FakeWord.uninstall();
      }
    }
    expect(new Set(costs).size).toBe(1);
    expect(costs[0]).toBeLessThanOrEqual(3);
  });
});

describe("撤销排版 takes the page numbers back in Word", () => {
  /** 一键排版 then 撤销; returns the syncs the undo took. */
  async function formatThenUndo(host: WordDocumentHost, fake: FakeWord, spec: FormatSpec, between?: () => void) {
    await format(host, fake, spec);
    between?.();
    const before = fake.syncs;
    const result = await host.undo();
    return { result, syncs: fake.syncs - before };
  }

  it("WordApiDesktop 1.3: the footers as they were, the even header as it was, odd/even switched off again", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    const headerXml = footerPackage("center").replace(/<w:p>.*<\/w:p>/, "<w:p><w:r><w:t>内部资料</w:t></w:r></w:p>");
    section.headers.Primary = { text: "内部资料", ooxml: headerXml, writes: 0 };
    const { result } = await formatThenUndo(host, fake, gongwen);
    expect(result.skipped).toBe(0);
    for (const type of ["Primary", "FirstPage", "EvenPages"] as const) {
      expect(section.footers[type].text).toBe("");
      expect(section.footers[type].ooxml).toBeUndefined();
    }
    expect(section.headers.EvenPages.text).toBe("");
    expect(section.headers.Primary).toEqual({ text: "内部资料", ooxml: headerXml, writes: 0 });
    expect(section.oddAndEvenPagesHeaderFooter).toBe(false);
  });

  it("leaves odd/even on where the document had it on before", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    section.oddAndEvenPagesHeaderFooter = true;
    await formatThenUndo(host, fake, gongwen);
    expect(section.oddAndEvenPagesHeaderFooter).toBe(true);
    expect(fake.loadLog).toContain("pageSetup/oddAndEvenPagesHeaderFooter");
  });

  it("puts back a footer that showed no text but held something (a logo): its OOXML as it was", async () => {
    const { fake, host, section } = setup(speech, WEB);
    const logo = footerPackage("center").replace(/<w:p>.*<\/w:p>/, "<w:p><w:r><w:drawing/></w:r></w:p>");
    section.footers.Primary = { text: "", ooxml: logo, writes: 0 };
    await format(host, fake, speech);
    expect(written(section.footers.Primary)?.text).toBe("— 1 —");
    await host.undo();
    expect(section.footers.Primary.ooxml).toBe(logo);
    expect(section.footers.FirstPage.text).toBe("");
  });

  it("leaves a footer the clerk changed since as it is, still restores the paragraphs, and says so", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    const { result } = await formatThenUndo(host, fake, gongwen, () => {
      section.footers.Primary.text = "第 1 页";
    });
    expect(result.skipped).toBe(1);
    expect(result.restored).toBeGreaterThan(0);
    expect(section.footers.Primary.text).toBe("第 1 页");
    expect(written(section.footers.EvenPages)?.text).toBe("— 1 —");
    expect(section.oddAndEvenPagesHeaderFooter).toBe(true);
  });

  it("touches no footer where 一键排版 kept the document's own", async () => {
    const { fake, host, section } = setup(gongwen, DESKTOP);
    section.footers.Primary = { text: "第 1 页", writes: 0 };
    await formatThenUndo(host, fake, gongwen);
    for (const s of Object.values(section.footers)) expect(s.writes).toBe(0);
    expect(section.footers.Primary.text).toBe("第 1 页");
  });

  it.each([
    ["WordApi 1.3", WEB],
    ["WordApiDesktop 1.3", DESKTOP],
  ])("%s: within the undo budget of 3 syncs, the same for 10 and 2,000 paragraphs", async (_name, options) => {
    const costs: number[] = [];
    for (const n of [10, 2000]) {
      const { fake, host, section } = setup(gongwen, options, n);
      const { syncs } = await formatThenUndo(host, fake, gongwen);
      expect(section.footers.Primary.text).toBe("");
      costs.push(syncs);
      FakeWord.uninstall();
    }
    expect(costs[0]).toBe(costs[1]);
    expect(costs[0]).toBeLessThanOrEqual(3);
  });
});
