/**
 * Run-in headings 「（一）加强学习。要……」, 「一是……。……」, 「1.……。……」: the heading sentence in the
 * heading font, the rest in the body font — in Word (the fake, with per-range fonts), in the
 * preview and in `biganzi format` — and format-font judging the two parts the same way, so that
 * 一键排版 then 检查 leaves no font finding on the seeds and the generated templates.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { unzipSync, zipSync } from "fflate";
import { check } from "../../../src/core/engine";
import type { Finding } from "../../../src/core/findings";
import { formatSegments, paragraphRole, yishiHeading } from "../../../src/core/format/levels";
import type { InsertParagraph } from "../../../src/core/host";
import { docFromText, type DocModel } from "../../../src/core/model";
import { buildOutline } from "../../../src/core/numbering";
import { formatPlan, SECOND_LEVEL_FORMS, TEMPLATES } from "../../../src/core/outline";
import { resolveProfile, type Profile } from "../../../src/core/profiles";
import { readDocx } from "../../../src/core/reader";
import { writeDocx } from "../../../src/core/writer/docx";
import { formatDocx } from "../../../src/core/writer/formatDocx";
import { WordDocumentHost } from "../../../src/office/wordHost";
import { MemoryHost } from "../../../src/preview/memoryHost";
import { FakeWord, type FakeOptions } from "../../office/fakeWord";

const SEEDS = join(__dirname, "../../fixtures/seeds");
const speech = resolveProfile("speech");
const gongwen = resolveProfile("gongwen");
const dec = new TextDecoder();
const enc = new TextEncoder();

afterEach(() => FakeWord.uninstall());

/** A .docx of `paras` with the house formatting wiped: every font 宋体 12 pt, no styles applied. */
function messyDocx(paras: InsertParagraph[], profile: Profile): Uint8Array {
  const files = unzipSync(writeDocx(paras, profile.format));
  const xml = dec
    .decode(files["word/document.xml"])
    .replace(/<w:pStyle w:val="[^"]*"\/>/g, "")
    .replace(/<w:rPr>.*?<\/w:rPr>/g, "")
    .replace(/<w:r>/g, '<w:r><w:rPr><w:rFonts w:ascii="Times New Roman" w:eastAsia="宋体"/><w:sz w:val="24"/></w:rPr>');
  files["word/document.xml"] = enc.encode(xml);
  return zipSync(files);
}

const bodyLines = (text: string): InsertParagraph[] => docFromText(text).paragraphs.map((p) => ({ role: "body", text: p.text }));

const fontFindings = (doc: DocModel, profile: Profile): Finding[] => check(doc, { profile }).filter((f) => f.rule === "format-font");
const show = (fs: Finding[]) => fs.map((f) => `${f.paragraph}: ${f.message}`);
const texts = (d: DocModel) => d.paragraphs.map((p) => p.text);

/** 一键排版 in the preview: the plan applied through MemoryHost, as the 大纲 tab does. */
async function formatInPreview(doc: DocModel, profile: Profile): Promise<DocModel> {
  const host = new MemoryHost(doc);
  const model = await host.readDocument();
  const plan = formatPlan(model, buildOutline(model), profile.format);
  const expected = Object.fromEntries(model.paragraphs.map((p) => [p.index, p.text]));
  const r = await host.applyFixes([{ description: "一键排版", format: plan }], expected);
  expect(r).toEqual({ applied: 1, stale: 0 });
  return host.model;
}

/** 一键排版 in Word (the fake): read, plan, apply, read back. Fonts start as 宋体 12 pt. */
async function formatInWord(doc: DocModel, profile: Profile, options: FakeOptions): Promise<{ before: DocModel; after: DocModel; syncs: number }> {
  // Without nameFarEast the one font name is what Word applies to CJK text, so the paragraphs
  // start with only that name; with it, the East Asian font starts apart.
  const farEast = options.sets?.WordApiDesktop !== undefined;
  const fake = new FakeWord(
    doc.paragraphs.map((p) => ({ text: p.text.replace(/\n/g, "\u000b"), font: farEast ? { name: "Times New Roman", nameFarEast: "宋体", size: 12 } : { name: "宋体", size: 12 } })),
    options,
  );
  fake.install();
  const host = new WordDocumentHost({ debounceMs: 0, profile });
  const before = await host.readDocument();
  const plan = formatPlan(before, buildOutline(before), profile.format);
  const expected = Object.fromEntries(before.paragraphs.map((p) => [p.index, p.text]));
  fake.syncs = 0;
  const r = await host.applyFixes([{ description: "一键排版", format: plan }], expected);
  const syncs = fake.syncs;
  expect(r).toEqual({ applied: 1, stale: 0 });
  const after = await host.readDocument();
  return { before, after, syncs };
}

describe("run-in heading detection (formatSegments)", () => {
  const doc = docFromText(
    [
      "在全市工作会议上的讲话", // 0
      "同志们：", // 1
      "一、提高认识", // 2
      "一是精神风貌好。我作为局长，几乎每天都在接受办公室的服务。", // 3 一是 heading under 一、: level 2
      "二是工作风气正。办公室的工作能否做好，关键是作风。", // 4
      "（一）加强学习。要认真学习有关文件精神。", // 5 run-in level 2
      "一是要突出预见性。党委要经常研究新情况。", // 6 一是 under （一）: level 3
      "1.学深悟透。要原原本本学。", // 7 run-in level 3
      "一是〔……〕；二是〔……〕。", // 8 the template's run-in list: not a heading
      "我们要做到两点：一是加强学习。二是狠抓落实。", // 9 一是 not at the start
      "一是精神风貌好。", // 10 nothing after the sentence
      "一是要在思想上重视，在行动上作为，在工作中担当。然后才能做好。", // 11 three clauses: the item's text, not a heading
      "一是：加强学习。要学。", // 12 一是： introduces a list
      "一是要把党中央关于加强和改进新时代办公室工作的决策部署落到实处。要学。", // 13 too long for a heading
    ].join("\n"),
  );
  const o = buildOutline(doc);
  const segs = (i: number) => formatSegments(doc, o, i).map((s) => [doc.paragraphs[i].text.slice(s.start, s.end), s.role, !!s.bodyAccepted]);

  it("splits 「一是……。」 at a paragraph's start into a heading one level below the heading above, and the body", () => {
    expect(segs(3)).toEqual([
      ["一是精神风貌好。", "level2", true],
      ["我作为局长，几乎每天都在接受办公室的服务。", "body", false],
    ]);
    expect(segs(4)[0]).toEqual(["二是工作风气正。", "level2", true]);
    expect(segs(6)[0]).toEqual(["一是要突出预见性。", "level3", true]);
  });

  it("splits 「（一）……。」 and 「1.……。」 run-in headings at their first sentence", () => {
    expect(segs(5)).toEqual([
      ["（一）加强学习。", "level2", false],
      ["要认真学习有关文件精神。", "body", false],
    ]);
    expect(segs(7)).toEqual([
      ["1.学深悟透。", "level3", false],
      ["要原原本本学。", "body", false],
    ]);
  });

  it.each([8, 9, 10, 11, 12, 13])("paragraph %i is body text as a whole", (i) => {
    expect(paragraphRole(doc, o, i)).toBe("body");
    expect(yishiHeading(doc, o, i)).toBeUndefined();
    expect(segs(i)).toEqual([[doc.paragraphs[i].text, "body", false]]);
  });

  it("a 一是 paragraph before any heading is body text (no level to take)", () => {
    const d = docFromText("同志们：\n一是精神风貌好。我作为局长，天天接受服务。");
    expect(formatSegments(d, buildOutline(d), 1).map((s) => s.role)).toEqual(["body"]);
  });

  it("never throws on odd text and stays linear", () => {
    for (const t of ["一是", "一是。", "一是\u3000。x", "\ud800一是好。x", "一是" + "好".repeat(200) + "。x"]) {
      const d = docFromText(`一、标题\n${t}`);
      expect(() => formatSegments(d, buildOutline(d), 1)).not.toThrow();
    }
  });
});

describe("a run-in heading through every path", () => {
  const paras: InsertParagraph[] = [
    { role: "title", text: "关于做好有关工作的通知" },
    { role: "body", text: "一、总体要求" },
    { role: "body", text: "一是精神风貌好。我作为局长，几乎每天都在接受服务。" },
    { role: "body", text: "（一）加强学习。要认真学习有关文件精神。" },
    { role: "body", text: "1.学深悟透。要原原本本学，逐字逐句学。" },
  ];
  /** The heading sentence and its font: 一是 under 一、 is 二级 (楷体); 1. is 三级 (仿宋, as the body). */
  const HEAD: Record<number, [string, string]> = {
    2: ["一是精神风貌好。", "楷体_GB2312"],
    3: ["（一）加强学习。", "楷体_GB2312"],
    4: ["1.学深悟透。", "仿宋_GB2312"],
  };

  /** [text, East Asian font] of each stretch of equal East Asian font. */
  function fontRuns(doc: DocModel, i: number): Array<[string, string | undefined]> {
    const out: Array<[string, string | undefined]> = [];
    for (const r of doc.paragraphs[i].runs) {
      const last = out[out.length - 1];
      if (last && last[1] === r.fontEastAsia) last[0] += r.text;
      else out.push([r.text, r.fontEastAsia]);
    }
    return out;
  }

  function expectSplit(doc: DocModel) {
    for (const [i, [head, font]] of Object.entries(HEAD)) {
      const text = doc.paragraphs[Number(i)].text;
      const want: Array<[string, string]> =
        font === "仿宋_GB2312" ? [[text, font]] : [[head, font], [text.slice(head.length), "仿宋_GB2312"]];
      expect(fontRuns(doc, Number(i))).toEqual(want);
    }
    expect(show(fontFindings(doc, gongwen))).toEqual([]);
  }

  it("biganzi format (formatDocx)", () => {
    const input = messyDocx(paras, gongwen);
    const before = readDocx(input);
    expect(fontFindings(before, gongwen).length).toBeGreaterThan(0);
    const after = readDocx(formatDocx(input, gongwen.format).bytes);
    expect(texts(after)).toEqual(texts(before));
    expectSplit(after);
  });

  it("the preview (MemoryHost)", async () => {
    const before = readDocx(messyDocx(paras, gongwen));
    const after = await formatInPreview(before, gongwen);
    expect(texts(after)).toEqual(texts(before));
    expectSplit(after);
  });

  it.each<[string, FakeOptions]>([
    ["WordApi 1.3", { sets: { WordApi: "1.3" } }],
    ["WordApi 1.5 with WordApiDesktop 1.3 (nameFarEast)", { sets: { WordApi: "1.5", WordApiDesktop: "1.3" } }],
  ])("Word (%s): per-range fonts within the three-sync budget", async (_name, options) => {
    const doc = readDocx(messyDocx(paras, gongwen));
    const { before, after, syncs } = await formatInWord(doc, gongwen, options);
    expect(syncs).toBeLessThanOrEqual(3);
    expect(texts(after)).toEqual(texts(before));
    expectSplit(after);
  });

  it("format-font's own fix sets the two parts apart, as 一键排版 does", async () => {
    const doc = await formatInPreview(readDocx(messyDocx(paras, gongwen)), gongwen);
    // Undo the heading font of （一）'s heading sentence only: one finding, a ranged fix.
    const host = new MemoryHost({ ...doc, paragraphs: doc.paragraphs.map((p) => (p.index === 3 ? { ...p, runs: p.runs.map((r) => ({ ...r, fontEastAsia: "仿宋_GB2312" })) } : p)) });
    const found = fontFindings(host.model, gongwen);
    expect(found.map((f) => [f.paragraph, f.messageId, f.excerpt])).toEqual([[3, "font-size", "（一）加强学习。"]]);
    expect(found[0].fix?.format).toEqual([{ paragraph: 3, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312" } }]);
    await host.applyFixes([found[0].fix!], { 3: host.model.paragraphs[3].text });
    expect(show(fontFindings(host.model, gongwen))).toEqual([]);
  });

  it("format-font accepts a 「一是……。」 heading sentence left in the body font, and nothing else", () => {
    const doc = docFromText("一、总体要求\n一是精神风貌好。我作为局长，天天接受服务。");
    const withFonts = (head: string): DocModel => ({
      ...doc,
      hasFormatting: true,
      paragraphs: doc.paragraphs.map((p) => ({
        ...p,
        runs:
          p.index === 0
            ? [{ text: p.text, start: 0, end: p.text.length, fontEastAsia: "黑体", sizePt: 16 }]
            : [
                { text: p.text.slice(0, 8), start: 0, end: 8, fontEastAsia: head, sizePt: 16 },
                { text: p.text.slice(8), start: 8, end: p.text.length, fontEastAsia: "仿宋_GB2312", sizePt: 16 },
              ],
      })),
    });
    expect(fontFindings(withFonts("仿宋_GB2312"), speech)).toEqual([]);
    expect(fontFindings(withFonts("楷体_GB2312"), speech)).toEqual([]);
    const bad = fontFindings(withFonts("宋体"), speech);
    expect(bad.map((f) => [f.excerpt, f.message])).toEqual([["一是精神风貌好。", "段首小标题应为楷体三号或仿宋三号，现为宋体三号"]]);
    expect(bad[0].fix?.format).toEqual([{ paragraph: 1, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312" } }]);
  });
});

describe("一键排版 then 检查: no font finding on the seeds and the generated templates", () => {
  const seeds = readdirSync(SEEDS).filter((n) => n.endsWith(".txt")).sort();
  const templateCases: Array<[string, InsertParagraph[], Profile]> = TEMPLATES.flatMap((t) =>
    SECOND_LEVEL_FORMS.map((form): [string, InsertParagraph[], Profile] => [
      `${t.name} (${form})`,
      t.build({ ...t.defaults, subsections: Math.max(2, t.defaults.subsections), secondLevel: form }),
      t.profile === "gongwen" ? gongwen : speech,
    ]),
  );
  const cases: Array<[string, () => InsertParagraph[], Profile]> = [
    ...seeds.map((n): [string, () => InsertParagraph[], Profile] => [`seed ${n}`, () => bodyLines(readFileSync(join(SEEDS, n), "utf8")), speech]),
    ...templateCases.map(([n, p, prof]): [string, () => InsertParagraph[], Profile] => [`template ${n}`, () => p, prof]),
  ];

  it("the seeds hold run-in headings of every kind (so the check below means something)", () => {
    let runIn = 0;
    let yishi = 0;
    for (const n of seeds) {
      const d = docFromText(readFileSync(join(SEEDS, n), "utf8"));
      const o = buildOutline(d);
      for (let i = 0; i < d.paragraphs.length; i++) {
        const s = formatSegments(d, o, i);
        if (s.length > 1) runIn++;
        if (s.some((x) => x.bodyAccepted)) yishi++;
      }
    }
    expect(runIn).toBeGreaterThan(20);
    expect(yishi).toBeGreaterThan(5);
  });

  it.each(cases)("%s: biganzi format", (_name, make, profile) => {
    const input = messyDocx(make(), profile);
    const before = readDocx(input);
    const after = readDocx(formatDocx(input, profile.format).bytes);
    expect(texts(after)).toEqual(texts(before));
    expect(show(fontFindings(after, profile))).toEqual([]);
  });

  it.each(cases)("%s: the preview", async (_name, make, profile) => {
    const before = readDocx(messyDocx(make(), profile));
    const after = await formatInPreview(before, profile);
    expect(texts(after)).toEqual(texts(before));
    expect(show(fontFindings(after, profile))).toEqual([]);
  });

  it.each(cases)("%s: Word", async (_name, make, profile) => {
    const doc = readDocx(messyDocx(make(), profile));
    const { before, after, syncs } = await formatInWord(doc, profile, { sets: { WordApi: "1.5", WordApiDesktop: "1.3" } });
    expect(syncs).toBeLessThanOrEqual(3);
    expect(texts(after)).toEqual(texts(before));
    expect(show(fontFindings(after, profile))).toEqual([]);
  });
});
