/**
 * The DocumentHost contract, run against both hosts: the Word gateway over the strict fake Word
 * (as Word on the web, WordApi 1.5 without the East Asian font API, and as desktop Word with
 * WordApiDesktop 1.3), and the preview's in-memory host. The SAME table of cases runs on each, for
 * every port method: reading (texts, roles), select, applyFixes, 撤销 (fixes and 撤销排版 with its
 * page numbers), insertParagraphs (by role, or by the format the pane gives), insertText,
 * insertPhrase (the placement contract), readCursor, onSelectionChanged, addComments and the
 * stored state. Where the hosts legitimately differ, the case says why in one line.
 */
import type { Fix } from "../../src/core/edits";
import type { Finding } from "../../src/core/findings";
import { paragraphRole } from "../../src/core/format/levels";
import { roleFormat } from "../../src/core/format/roles";
import { FORMAT_DESCRIPTION, NOTHING_TO_UNDO, undoMessage, undoRefusal, UNDO_DEPTH, type DocumentHost, type InsertParagraph } from "../../src/core/host";
import { docFromText, type DocModel } from "../../src/core/model";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { resolveProfile, speechProfile, type FormatSpec } from "../../src/core/profiles";
import { readFlatOpc } from "../../src/core/reader/index";
import { WordDocumentHost } from "../../src/office/wordHost";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sectionsOf } from "./fakeSections";
import { FakeWord, type ParaInit } from "./fakeWord";

interface Subject {
  host: DocumentHost;
  texts(): string[];
  /** The clerk types over paragraph i (not through the host's history). */
  type(i: number, text: string): Promise<void>;
}

type Make = (paras: string[]) => Promise<Subject>;

const word: Make = async (paras) => {
  const fake = new FakeWord(paras, { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } });
  fake.install();
  const host = new WordDocumentHost({ debounceMs: 0 });
  await host.readDocument();
  return {
    host,
    texts: () => fake.texts,
    type: async (i, text) => {
      fake.paras[i].text = text;
    },
  };
};

const preview: Make = async (paras) => {
  const host = new MemoryHost(docFromText(paras.join("\n")));
  return {
    host,
    texts: () => host.model.paragraphs.map((p) => p.text),
    type: async (i, text) => {
      host.placeCursor(i, 0, host.model.paragraphs[i].text.length);
      await host.insertText(text);
    },
  };
};

afterEach(() => FakeWord.uninstall());

const edit = (paragraph: number, start: number, end: number, text: string): Fix => ({ description: "改", text: [{ paragraph, start, end, text }] });
const expectedOf = (texts: string[]): Record<number, string> => Object.fromEntries(texts.map((t, i) => [i, t]));

describe.each([
  ["Word (strict fake)", word],
  ["preview (memory)", preview],
] as const)("撤销 on %s", (_name, make) => {
  it("has nothing to take back before any change", async () => {
    const s = await make(["甲,乙"]);
    expect(s.host.undoLabel).toBeUndefined();
    await expect(s.host.undo()).rejects.toThrow(NOTHING_TO_UNDO);
  });

  it("takes back one fix and says what it took back", async () => {
    const s = await make(["甲,乙", "丙"]);
    await s.host.applyFixes([edit(0, 1, 2, "，")], { 0: "甲,乙" });
    expect(s.texts()).toEqual(["甲，乙", "丙"]);
    expect(s.host.undoLabel).toBe("修复 1 处");
    await expect(s.host.undo()).resolves.toEqual({ label: "修复 1 处", restored: 1, skipped: 0, message: undoMessage("修复 1 处", 0) });
    expect(s.texts()).toEqual(["甲,乙", "丙"]);
    expect(s.host.undoLabel).toBeUndefined();
  });

  it("takes back a fix-all batch: replacements, deletions and insertions in several paragraphs", async () => {
    const before = ["第一段,要抓好落实,确保见效", "第二段  多了空格", "第三段缺句号", "不改的段落"];
    const s = await make(before);
    const fixes: Fix[] = [
      edit(0, 3, 4, "，"),
      edit(0, 9, 10, "，"),
      edit(1, 3, 5, ""),
      edit(2, 6, 6, "。"),
      { description: "两处", text: [{ paragraph: 0, start: 14, end: 14, text: "。" }] },
    ];
    const r = await s.host.applyFixes(fixes, expectedOf(before));
    expect(r).toEqual({ applied: 5, stale: 0 });
    expect(s.texts()).toEqual(["第一段，要抓好落实，确保见效。", "第二段多了空格", "第三段缺句号。", "不改的段落"]);
    const u = await s.host.undo();
    expect(u).toMatchObject({ label: "修复 5 处", restored: 3, skipped: 0 });
    expect(s.texts()).toEqual(before);
  });

  it("goes back one batch at a time, newest first", async () => {
    const s = await make(["甲,乙", "丙,丁"]);
    await s.host.applyFixes([edit(0, 1, 2, "，")], { 0: "甲,乙" });
    await s.host.applyFixes([edit(1, 1, 2, "，")], { 1: "丙,丁" });
    await s.host.undo();
    expect(s.texts()).toEqual(["甲，乙", "丙,丁"]);
    expect(s.host.undoLabel).toBe("修复 1 处");
    await s.host.undo();
    expect(s.texts()).toEqual(["甲,乙", "丙,丁"]);
  });

  it("leaves a paragraph the clerk changed after the fix as it is, restores the others, and says so", async () => {
    const s = await make(["甲,乙", "丙,丁"]);
    await s.host.applyFixes([edit(0, 1, 2, "，"), edit(1, 1, 2, "，")], { 0: "甲,乙", 1: "丙,丁" });
    await s.type(1, "丙，丁，戊");
    const u = await s.host.undo();
    expect(u).toEqual({ label: "修复 2 处", restored: 1, skipped: 1, message: undoMessage("修复 2 处", 1) });
    expect(u.message).toBe("已撤销「修复 2 处」，但有 1 段在此之后又被改动过，这些段保持现状，没有恢复。");
    expect(s.texts()).toEqual(["甲,乙", "丙，丁，戊"]);
  });

  it("refuses in Chinese when every changed paragraph was edited since, and changes nothing", async () => {
    const s = await make(["甲,乙", "丙"]);
    await s.host.applyFixes([edit(0, 1, 2, "，")], { 0: "甲,乙" });
    await s.type(0, "甲，乙。");
    await expect(s.host.undo()).rejects.toThrow(undoRefusal("修复 1 处"));
    expect(s.texts()).toEqual(["甲，乙。", "丙"]);
    // The history under it cannot be put back either.
    expect(s.host.undoLabel).toBeUndefined();
  });

  it("labels a batch as the pane names it (一键排版) and a stale batch leaves nothing to undo", async () => {
    const s = await make(["甲,乙"]);
    await s.host.applyFixes([edit(0, 1, 2, "，")], { 0: "别的文字" });
    expect(s.host.undoLabel).toBeUndefined();
    await s.host.applyFixes([{ description: "一键排版", format: [{ paragraph: 0, set: { alignment: "center" } }] }], { 0: "甲,乙" }, { undoLabel: "一键排版" });
    expect(s.host.undoLabel).toBe("一键排版");
  });

  it(`keeps the last ${UNDO_DEPTH} changes`, async () => {
    const start = "a".repeat(UNDO_DEPTH + 2);
    const s = await make([start]);
    let text = start;
    for (let i = 0; i < UNDO_DEPTH + 2; i++) {
      await s.host.applyFixes([edit(0, i, i + 1, "b")], { 0: text });
      text = text.slice(0, i) + "b" + text.slice(i + 1);
    }
    for (let i = 0; i < UNDO_DEPTH; i++) await s.host.undo();
    expect(s.texts()).toEqual(["bb" + "a".repeat(UNDO_DEPTH)]);
    await expect(s.host.undo()).rejects.toThrow(NOTHING_TO_UNDO);
  });
});

/** What 一键排版 sets, as each host reads it back (Word: from the OOXML; preview: the model). */
function formatting(doc: DocModel) {
  return doc.paragraphs.map((p) => ({
    text: p.text,
    alignment: p.alignment,
    indent: p.firstLineIndentPt,
    outline: p.outlineLevel,
    runs: p.runs.map((r) => ({ text: r.text, ea: r.fontEastAsia, latin: r.fontLatin, size: r.sizePt, bold: r.bold })),
  }));
}

describe.each([
  ["Word (strict fake, WordApiDesktop 1.3)", "word"],
  ["preview (memory)", "preview"],
] as const)("撤销排版 on %s", (_name, kind) => {
  it("puts every paragraph's formatting back as it was, run-in headings included", async () => {
    const texts = [
      "在全市办公室工作会议上的讲话",
      "同志们：",
      "今天召开这次会议，主要任务是总结工作。",
      "一、提高认识",
      "（一）加强学习。要把学习贯穿工作始终，做到学用结合。",
      "各单位要抓好落实。",
      "二、狠抓落实",
      "同志们，让我们共同努力。",
    ];
    let host: DocumentHost;
    if (kind === "word") {
      new FakeWord(
        texts.map((text) => ({ text, font: { name: "宋体", nameFarEast: "宋体", size: 12 }, alignment: "Left" })),
        { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } },
      ).install();
      host = new WordDocumentHost({ debounceMs: 0 });
    } else {
      const draft = docFromText(texts.join("\n"));
      draft.hasFormatting = true;
      host = new MemoryHost({
        ...draft,
        paragraphs: draft.paragraphs.map((p) => ({ ...p, alignment: "left", runs: p.runs.map((r) => ({ ...r, fontEastAsia: "宋体", sizePt: 12 })) })),
      });
    }
    const doc = await host.readDocument();
    const plan = formatPlan(doc, buildOutline(doc), speechProfile().format);
    expect(plan.some((e) => e.start !== undefined)).toBe(true);
    const r = await host.applyFixes([{ description: "一键排版", format: plan }], expectedOf(doc.paragraphs.map((p) => p.text)), { undoLabel: "一键排版" });
    expect(r.applied).toBe(1);
    const formatted = await host.readDocument();
    expect(formatting(formatted)).not.toEqual(formatting(doc));
    expect(host.undoLabel).toBe("一键排版");
    const u = await host.undo();
    expect(u.label).toBe("一键排版");
    expect(u.skipped).toBe(0);
    expect(formatting(await host.readDocument())).toEqual(formatting(doc));
  });
});

// ---------------------------------------------------------------------------------------------
// Every port method, one table of cases, three hosts.

/** A host under test with the clerk's side of the document: what the clerk sees and does. */
interface Host {
  host: DocumentHost;
  texts(): string[];
  /** The clerk puts the caret (or selects [start, end)) in paragraph i. */
  caret(i: number, start: number, end?: number): void;
  /** The clerk clicks into paragraph i (Word then raises its selection-changed event). */
  click(i: number): void;
  /** The clerk selects paragraphs from…to, whole. */
  span(from: number, to: number): void;
  /** The text selected now. */
  selected(): string;
  /** The clerk types over paragraph i (outside the host's history). */
  type(i: number, text: string): Promise<void>;
  /** Comments as the clerk sees them: the note and the text it is anchored on. */
  comments(): Array<{ text: string; anchor: string }>;
  /** Whether the footer shows the page numbers 一键排版 adds. */
  pageNumbers(): boolean;
  /** Whether those numbers are placed odd right / even left (else centred on every page). */
  oddEven(): boolean;
  /** Whether the host can place numbers odd/even (Word only from WordApiDesktop 1.3). */
  canOddEven: boolean;
  /** Whether the host draws paragraph borders (Word's API cannot set them before WordApiDesktop 1.3, and then not by side). */
  drawsBorders: boolean;
  /** How paragraph i looks beyond fonts: colour, indents in points, separator lines. */
  look(i: number): Look;
}

/** What 一键排版 sets on the 公文 elements, as the clerk would see it in the host. */
interface Look {
  /** RRGGBB; black where the document states none. */
  color: string;
  leftPt: number;
  firstLinePt: number;
  rightPt: number;
  borderTop?: string;
  borderBottom?: string;
}

interface Config {
  /** Spec of the host's own house style (the Word host's and the preview's `profile`). */
  spec?: FormatSpec;
  /** A host without comments (Word before WordApi 1.4). */
  noComments?: boolean;
  /** Word refuses the headers' and footers' OOXML (Word on the web can). */
  footerOoxmlError?: string;
}

type MakeHost = (paras: Array<string | ParaInit>, config?: Config) => Promise<Host>;

/** How a paragraph looks before anyone formats it: 宋体 小四, left-aligned, no indent. */
const plain = (p: string | ParaInit): ParaInit => ({ font: { name: "宋体", size: 12, bold: false, italic: false }, alignment: "Left", ...(typeof p === "string" ? { text: p } : p) });

function wordHost(sets: Record<string, string>): MakeHost {
  return async (paras, config = {}) => {
    const fake = new FakeWord(paras.map(plain), {
      sets: config.noComments ? { ...sets, WordApi: "1.3" } : sets,
      ...(config.footerOoxmlError ? { footerOoxmlError: config.footerOoxmlError } : {}),
    });
    fake.install();
    const host = new WordDocumentHost({ debounceMs: 0, ...(config.spec ? { profile: { format: config.spec } } : {}) });
    return {
      host,
      texts: () => fake.texts,
      caret: (i, start, end = start) => fake.setSelection(fake.paras[i], start, fake.paras[i], end),
      span: (from, to) => fake.setSelection(fake.paras[from], 0, fake.paras[to], fake.paras[to].text.length),
      click: (i) => {
        fake.placeCursor(i);
        fake.fireSelectionChanged();
      },
      selected: () => fake.selectedText,
      type: async (i, text) => {
        fake.paras[i].text = text;
      },
      // Word marks the add-in's comments with 【笔杆子】 among the colleagues' own; the preview's notes are all ours.
      comments: () => fake.comments.map((c) => ({ text: c.text.replace(/^【笔杆子】/, ""), anchor: c.anchor })),
      pageNumbers: () => sectionsOf(fake)[0].footers.Primary.text.trim() !== "",
      oddEven: () => sectionsOf(fake)[0].oddAndEvenPagesHeaderFooter && sectionsOf(fake)[0].footers.EvenPages.text.trim() !== "",
      canOddEven: sets.WordApiDesktop !== undefined,
      drawsBorders: false,
      look: (i) => {
        const p = fake.para(i);
        return { color: (p.font.color ?? "#000000").replace(/^#/, "").toUpperCase(), leftPt: p.leftIndent, firstLinePt: p.firstLineIndent, rightPt: p.rightIndent };
      },
    };
  };
}

const borderText = (b: { widthPt: number; color: string } | undefined): string | undefined => (b ? `${b.widthPt}pt ${b.color}` : undefined);

/** The preview host over the very document the fake Word holds (its OOXML read by the core reader). */
const previewHost: MakeHost = async (paras, config = {}) => {
  const model = readFlatOpc(new FakeWord(paras.map(plain)).ooxml());
  const host = new MemoryHost(model, { ...(config.spec ? { profile: { format: config.spec } } : {}), ...(config.noComments ? { capabilities: { comments: false } } : {}) });
  const sel = () => host.currentSelection;
  return {
    host,
    texts: () => host.model.paragraphs.map((p) => p.text),
    caret: (i, start, end = start) => host.placeCursor(i, start, end),
    span: (from, to) => host.selectParagraphs(from, to),
    click: (i) => host.placeCursor(i, 0),
    selected: () => {
      const at = sel();
      return at ? host.model.paragraphs[at.paragraph].text.slice(at.start, at.end) : "";
    },
    type: async (i, text) => {
      host.placeCursor(i, 0, host.model.paragraphs[i].text.length);
      await host.insertText(text);
    },
    // An empty range is noted on its whole paragraph, as Word anchors it.
    comments: () => host.comments.map((c) => ({ text: c.text, anchor: c.start < c.end ? host.model.paragraphs[c.paragraph].text.slice(c.start, c.end) : host.model.paragraphs[c.paragraph].text })),
    pageNumbers: () => host.document.pageNumbers !== undefined,
    oddEven: () => host.document.pageNumbers === "gbt",
    canOddEven: true,
    drawsBorders: true,
    look: (i) => {
      const p = host.model.paragraphs[i];
      const look: Look = { color: p.runs[0]?.color ?? "000000", leftPt: p.leftIndentPt ?? 0, firstLinePt: p.firstLineIndentPt ?? 0, rightPt: p.rightIndentPt ?? 0 };
      if (p.borderTop) look.borderTop = borderText(p.borderTop);
      if (p.borderBottom) look.borderBottom = borderText(p.borderBottom);
      return look;
    },
  };
};

const HOSTS: Array<[string, MakeHost]> = [
  ["Word on the web (strict fake, WordApi 1.5)", wordHost({ WordApi: "1.5" })],
  ["desktop Word (strict fake, WordApiDesktop 1.3)", wordHost({ WordApi: "1.5", WordApiDesktop: "1.3" })],
  ["preview (memory)", previewHost],
];

const SPEECH = [
  "在全市办公室工作会议上的讲话",
  "同志们：",
  "今天召开这次会议，主要任务是总结工作。",
  "一、提高认识",
  "要坚持XX导向,抓好落实。",
  "（一）加强学习。要把学习贯穿工作始终。",
  "二、狠抓落实",
  "各单位要抓好落实。",
  "同志们，让我们共同努力！",
];

const all = (texts: string[]): Record<number, string> => Object.fromEntries(texts.map((t, i) => [i, t]));
const finding = (paragraph: number, start: number, end: number, message: string): Finding => ({ rule: "r", category: "typo", severity: "warning", paragraph, start, end, excerpt: "", message });
const rolesOf = (doc: DocModel) => {
  const outline = buildOutline(doc);
  return doc.paragraphs.map((_, i) => paragraphRole(doc, outline, i));
};

describe.each(HOSTS)("DocumentHost contract on %s", (_name, make) => {
  describe("readDocument", () => {
    it("gives every paragraph's text, and the roles the checker and 一键排版 see", async () => {
      const h = await make([...SPEECH.slice(0, 6), { text: "三、第三部分", outlineLevel: 1 }]);
      const doc = await h.host.readDocument();
      expect(doc.paragraphs.map((p) => p.text)).toEqual([...SPEECH.slice(0, 6), "三、第三部分"]);
      expect(doc.paragraphs[6].outlineLevel).toBe(0);
      expect(rolesOf(doc)).toEqual(["title", "salutation", "body", "level1", "body", "level2", "level1"]);
      expect(doc.hasFormatting).toBe(true);
      expect(doc.paragraphs[4].runs[0]).toMatchObject({ fontEastAsia: "宋体", sizePt: 12 });
    });
  });

  describe("select", () => {
    it.each([
      ["a stretch", 4, 5, 7, "导向"],
      ["a caret: the whole paragraph", 4, 3, 3, SPEECH[4]],
      ["the second of two equal stretches", 7, 6, 8, "落实"],
    ] as const)("%s", async (...[, paragraph, start, end, selected]) => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      await h.host.select(paragraph, start, end);
      expect(h.selected()).toBe(selected);
    });
  });

  describe("applyFixes", () => {
    // [case, fixes, expected texts (undefined: as read), applied, stale, texts after]
    const cases: Array<[string, Fix[], Record<number, string> | undefined, number, number, Record<number, string>]> = [
      ["a replacement", [edit(4, 7, 8, "，")], undefined, 1, 0, { 4: "要坚持XX导向，抓好落实。" }],
      ["a deletion and an insertion in two paragraphs", [edit(4, 3, 5, ""), edit(7, 9, 9, "好")], undefined, 2, 0, { 4: "要坚持导向,抓好落实。", 7: "各单位要抓好落实。好" }],
      ["a stale paragraph is left alone", [edit(4, 7, 8, "，"), edit(7, 0, 3, "各部门")], { 4: "别的文字", 7: SPEECH[7] }, 1, 1, { 4: SPEECH[4], 7: "各部门要抓好落实。" }],
      ["the second of two overlapping fixes is refused", [edit(4, 3, 5, "问题"), edit(4, 4, 6, "甲")], undefined, 1, 1, { 4: "要坚持问题导向,抓好落实。" }],
      ["formatting only: the text stays", [{ description: "居中", format: [{ paragraph: 0, set: { alignment: "center" } }] }], undefined, 1, 0, {}],
    ];
    it.each(cases)("%s", async (...[, fixes, expected, applied, stale, after]) => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      expect(await h.host.applyFixes(fixes, expected ?? all(SPEECH))).toEqual({ applied, stale });
      expect(h.texts()).toEqual(SPEECH.map((t, i) => after[i] ?? t));
    });

    it("formatting reaches the document as the model reads it back", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      await h.host.applyFixes([{ description: "排版", format: [{ paragraph: 3, set: { fontEastAsia: "黑体", sizePt: 16, alignment: "center", outlineLevel: 0 } }] }], all(SPEECH));
      const p = (await h.host.readDocument()).paragraphs[3];
      expect({ align: p.alignment, level: p.outlineLevel, ea: p.runs[0].fontEastAsia, size: p.runs[0].sizePt }).toEqual({ align: "center", level: 0, ea: "黑体", size: 16 });
    });
  });

  describe("insertParagraphs", () => {
    const skeleton: InsertParagraph[] = [
      { text: "三、〔标题〕", role: "level1" },
      { text: "（一）〔标题〕", role: "level2" },
      { text: "下面，我讲两点意见。", role: "body" },
    ];

    it("puts them after the cursor's paragraph, in the role's font, size and outline level", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.caret(7, 2);
      await h.host.insertParagraphs(skeleton);
      expect(h.texts()).toEqual([...SPEECH.slice(0, 8), ...skeleton.map((p) => p.text), SPEECH[8]]);
      const doc = await h.host.readDocument();
      const spec = speechProfile().format;
      const got = doc.paragraphs.slice(8, 11).map((p) => ({ level: p.outlineLevel, ea: p.runs[0].fontEastAsia, size: p.runs[0].sizePt, align: p.alignment }));
      const want = skeleton.map((p) => roleFormat(spec, p.role)).map((f) => ({ level: f.outlineLevel, ea: f.fontEastAsia, size: f.sizePt, align: f.alignment }));
      expect(got).toEqual(want);
      expect(rolesOf(doc).slice(8, 11)).toEqual(["level1", "level2", "body"]);
    });

    it("in the format the pane gives (its 文稿类型 and unit style) rather than the host's own", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.caret(8, 0);
      const gongwen = resolveProfile("gongwen").format;
      const unit: FormatSpec = { ...gongwen, roles: { level1: { fonts: ["方正黑体_GBK"], sizePt: 18, bold: true, alignment: "center" } } };
      const level1 = roleFormat(unit, "level1");
      expect(level1).toMatchObject({ fontEastAsia: "方正黑体_GBK", sizePt: 18, alignment: "center" });
      await h.host.insertParagraphs([{ text: "三、加强领导", role: "level1", format: level1 }]);
      const p = (await h.host.readDocument()).paragraphs[9];
      expect({ text: p.text, align: p.alignment, level: p.outlineLevel, ea: p.runs[0].fontEastAsia, size: p.runs[0].sizePt, bold: p.runs[0].bold }).toEqual({
        text: "三、加强领导",
        align: "center",
        level: 0,
        ea: "方正黑体_GBK",
        size: 18,
        bold: true,
      });
    });

    it("without a format, in the host's own profile", async () => {
      const gongwen = resolveProfile("gongwen").format;
      const h = await make(SPEECH, { spec: gongwen });
      await h.host.readDocument();
      h.caret(8, 0);
      await h.host.insertParagraphs([{ text: "关于做好有关工作的通知", role: "title" }]);
      const p = (await h.host.readDocument()).paragraphs[9];
      const f = roleFormat(gongwen, "title");
      expect({ ea: p.runs[0].fontEastAsia, size: p.runs[0].sizePt, align: p.alignment }).toEqual({ ea: f.fontEastAsia, size: f.sizePt, align: f.alignment });
    });
  });

  describe("insertText", () => {
    it.each([
      ["at the caret", 4, 0, 0, "我们", "我们要坚持XX导向,抓好落实。"],
      ["over the clerk's selection", 4, 3, 5, "问题", "要坚持问题导向,抓好落实。"],
    ] as const)("%s", async (...[, paragraph, start, end, text, after]) => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.caret(paragraph, start, end);
      await h.host.insertText(text);
      expect(h.texts()[paragraph]).toBe(after);
    });
  });

  describe("insertPhrase: never into or over a heading, never over a selection the pane made", () => {
    const phrase = "要把思想统一到部署上来。";
    // [case, how the cursor gets there, placement, texts after (by paragraph; a new paragraph after `at`)]
    const cases: Array<[string, (h: Host) => Promise<void>, string, { at: number; text: string } | { paragraph: number; text: string }]> = [
      ["a caret in body text: at the caret", async (h) => h.caret(7, 3), "caret", { paragraph: 7, text: "各单位要把思想统一到部署上来。要抓好落实。" }],
      ["the clerk's selection in body text: replaced", async (h) => h.caret(4, 3, 5), "replace-selection", { paragraph: 4, text: "要坚持要把思想统一到部署上来。导向,抓好落实。" }],
      ["a stretch the pane selected (a finding): kept, the phrase after it", async (h) => h.host.select(4, 3, 5), "after-selection", { paragraph: 4, text: "要坚持XX要把思想统一到部署上来。导向,抓好落实。" }],
      ["a caret inside a heading: a new paragraph after it", async (h) => h.caret(3, 3), "new-paragraph", { at: 3, text: phrase }],
      ["a heading the pane selected (大纲): kept whole, a new paragraph after it", async (h) => h.host.select(6, 0, 0), "new-paragraph", { at: 6, text: phrase }],
      ["the heading sentence of a run-in heading: a new paragraph after it", async (h) => h.caret(5, 4), "new-paragraph", { at: 5, text: phrase }],
    ];
    it.each(cases)("%s", async (...[, place, placement, after]) => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      await place(h);
      expect(await h.host.insertPhrase(phrase)).toBe(placement);
      const want = [...SPEECH];
      if ("at" in after) want.splice(after.at + 1, 0, after.text);
      else want[after.paragraph] = after.text;
      expect(h.texts()).toEqual(want);
      if ("at" in after) {
        // The new paragraph is body text, never a heading.
        const p = (await h.host.readDocument()).paragraphs[after.at + 1];
        expect(p.outlineLevel).toBeUndefined();
        expect(p.runs[0].fontEastAsia).toBe(roleFormat(speechProfile().format, "body").fontEastAsia);
      }
    });

    it("a phrase in a paragraph of its own takes the body format the pane gives (its 文稿类型 and unit style)", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.caret(3, 3);
      const unit: FormatSpec = { ...resolveProfile("gongwen").format, roles: { body: { fonts: ["方正仿宋_GBK"], sizePt: 15, alignment: "left", indentChars: 0 } } };
      const body = roleFormat(unit, "body");
      expect(body).toMatchObject({ fontEastAsia: "方正仿宋_GBK", sizePt: 15, alignment: "left", firstLineIndentChars: 0 });
      expect(await h.host.insertPhrase(phrase, body)).toBe("new-paragraph");
      const p = (await h.host.readDocument()).paragraphs[4];
      expect({ text: p.text, level: p.outlineLevel, align: p.alignment, ea: p.runs[0].fontEastAsia, size: p.runs[0].sizePt, indent: p.firstLineIndentPt ?? 0 }).toEqual({
        text: phrase,
        level: undefined,
        align: "left",
        ea: "方正仿宋_GBK",
        size: 15,
        indent: 0,
      });
    });

    it("a phrase placed inside a paragraph ignores the format: the text around it keeps its own", async () => {
      const h = await make(SPEECH);
      const before = (await h.host.readDocument()).paragraphs[7];
      h.caret(7, 3);
      const unit: FormatSpec = { ...resolveProfile("gongwen").format, roles: { body: { fonts: ["方正仿宋_GBK"], sizePt: 15 } } };
      expect(await h.host.insertPhrase(phrase, roleFormat(unit, "body"))).toBe("caret");
      const p = (await h.host.readDocument()).paragraphs[7];
      expect(p.runs.map((r) => r.fontEastAsia)).not.toContain("方正仿宋_GBK");
      expect([p.alignment, p.runs[0].sizePt]).toEqual([before.alignment, before.runs[0].sizePt]);
    });
  });

  describe("readCursor", () => {
    it.each([
      ["the opening: no heading above", 2, { paragraph: 2, text: SPEECH[2], part: "opening" }],
      ["under a level-1 heading", 4, { paragraph: 4, heading: { paragraph: 3, text: "一、提高认识", level: 1 }, part: "section" }],
      ["in a run-in level-2 heading", 5, { paragraph: 5, heading: { paragraph: 5, text: SPEECH[5], level: 2 }, part: "section" }],
      ["the closing, under the last heading", 8, { paragraph: 8, heading: { paragraph: 6, text: "二、狠抓落实", level: 1 }, part: "closing" }],
    ] as const)("%s", async (...[, paragraph, want]) => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.caret(paragraph, 1);
      const c = await h.host.readCursor();
      expect(c).toMatchObject(want);
      if (!("heading" in want)) expect(c?.heading).toBeUndefined();
      // selectionEnd may be left out for a selection within one paragraph (CursorContext).
      expect(c?.selectionEnd ?? c?.paragraph).toBe(paragraph);
    });

    it("a selection over several paragraphs ends at the last one", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      h.span(3, 5);
      expect(await h.host.readCursor()).toMatchObject({ paragraph: 3, selectionEnd: 5, heading: { paragraph: 3, level: 1 } });
    });
  });

  describe("onSelectionChanged", () => {
    it("calls back when the clerk moves the cursor, and no more once unsubscribed", async () => {
      const h = await make(SPEECH);
      expect(h.host.capabilities.selectionEvents).toBe(true);
      let calls = 0;
      const off = h.host.onSelectionChanged(() => calls++);
      h.click(4);
      // Word's handler is debounced (here 0 ms): a turn of the event loop.
      await new Promise((r) => setTimeout(r, 10));
      expect(calls).toBe(1);
      off();
      h.click(5);
      await new Promise((r) => setTimeout(r, 10));
      expect(calls).toBe(1);
    });
  });

  describe("addComments (capabilities.comments)", () => {
    it("notes each finding on its stretch, a finding without one on its paragraph, and skips a paragraph changed since the read", async () => {
      const h = await make(SPEECH);
      expect(h.host.capabilities.comments).toBe(true);
      await h.host.readDocument();
      await h.type(7, "各单位要狠抓落实。");
      const n = await h.host.addComments([finding(4, 3, 5, "请填写占位内容"), finding(2, 0, 0, "整段"), finding(7, 3, 5, "已改过的段落")]);
      expect(n).toBe(2);
      expect(h.comments()).toEqual([
        { text: "请填写占位内容", anchor: "XX" },
        { text: "整段", anchor: SPEECH[2] },
      ]);
    });

    it("adds none where the host has no comments", async () => {
      const h = await make(SPEECH, { noComments: true });
      expect(h.host.capabilities.comments).toBe(false);
      await h.host.readDocument();
      expect(await h.host.addComments([finding(4, 3, 5, "请填写占位内容")])).toBe(0);
      expect(h.comments()).toEqual([]);
    });
  });

  describe("loadState / saveState", () => {
    it("starts empty and reads back what was saved", async () => {
      const h = await make(SPEECH);
      expect(await h.host.loadState()).toEqual({ ignoredFindings: [], ignoredRules: [] });
      const state = { ignoredFindings: ["typo|abc|3|布署"], ignoredRules: ["typo"] };
      await h.host.saveState(state);
      expect(await h.host.loadState()).toEqual(state);
    });
  });

  describe("撤销排版 takes back what 一键排版 added: the formatting and the page numbers", () => {
    async function formatAll(h: Host, spec: FormatSpec): Promise<DocModel> {
      const doc = await h.host.readDocument();
      const plan = formatPlan(doc, buildOutline(doc), spec);
      const r = await h.host.applyFixes([{ description: "一键排版", format: plan }], all(doc.paragraphs.map((p) => p.text)), { undoLabel: "一键排版" });
      expect(r.applied).toBe(1);
      return doc;
    }

    it.each([
      ["speech (centred numbers)", speechProfile().format],
      ["gongwen (odd/even numbers where Word can)", resolveProfile("gongwen").format],
    ])("%s", async (...[, spec]) => {
      const h = await make(SPEECH, { spec });
      const before = await formatAll(h, spec);
      expect(h.pageNumbers()).toBe(true);
      const u = await h.host.undo();
      expect(u).toMatchObject({ label: "一键排版", skipped: 0 });
      expect(h.pageNumbers()).toBe(false);
      expect(formatting(await h.host.readDocument())).toEqual(formatting(before));
      expect(h.host.undoLabel).toBeUndefined();
    });

    it("adds no page numbers where the profile wants none, and undo still takes back the formatting", async () => {
      const spec: FormatSpec = { ...speechProfile().format, pageNumbers: "none" };
      const h = await make(SPEECH, { spec });
      const before = await formatAll(h, spec);
      expect(h.pageNumbers()).toBe(false);
      await h.host.undo();
      expect(formatting(await h.host.readDocument())).toEqual(formatting(before));
    });

    it("a second 一键排版 keeps the numbers the first added; undoing both takes them away", async () => {
      const spec = speechProfile().format;
      const h = await make(SPEECH, { spec });
      await formatAll(h, spec);
      await formatAll(h, spec);
      await h.host.undo();
      expect(h.pageNumbers()).toBe(true);
      await h.host.undo();
      expect(h.pageNumbers()).toBe(false);
    });

    it("other fixes add no page numbers", async () => {
      const h = await make(SPEECH);
      await h.host.readDocument();
      await h.host.applyFixes([{ description: "居中", format: [{ paragraph: 0, set: { alignment: "center" } }] }], all(SPEECH));
      expect(h.pageNumbers()).toBe(false);
    });
  });

  describe("一键排版 gives the 公文 elements their full look (GB/T 9704), and 撤销排版 takes it back", () => {
    const GONGWEN = [
      "××市人民政府文件",
      "×府发〔2024〕3号",
      "××市人民政府关于开展安全检查的通知",
      "各乡镇人民政府：",
      "现将检查方案印发给你们，请认真贯彻执行。",
      "附件：安全检查方案和各乡镇安全生产检查情况统计表及填报说明",
      "××市人民政府",
      "2024年5月10日",
      "抄送：市委办公室，市人大常委会办公室，市政协办公室，市纪委监委，市中级人民法院，市人民检察院。",
      "××市人民政府办公室          2024年5月10日印发",
    ];
    const [ISSUER, DOC_NO, , , BODY, ATTACHMENT, SIGNATURE, , COPY_TO, PRINTER] = GONGWEN.map((_, i) => i);
    const gongwen = resolveProfile("gongwen").format;

    async function formatWith(h: Host, spec: FormatSpec, page?: Fix["page"]): Promise<void> {
      const doc = await h.host.readDocument();
      expect(rolesOf(doc)).toEqual(["issuer", "docNo", "title", "salutation", "body", "attachment", "signature", "date", "copyTo", "printer"]);
      const plan = formatPlan(doc, buildOutline(doc), spec);
      const fix: Fix = { description: FORMAT_DESCRIPTION, format: plan, ...(page ? { page } : {}) };
      const r = await h.host.applyFixes([fix], all(doc.paragraphs.map((p) => p.text)), { undoLabel: "一键排版" });
      expect(r).toEqual({ applied: 1, stale: 0 });
    }

    it("red 发文机关标志, hanging 附件说明 and 抄送, 版记 indents and lines; all as before after 撤销排版", async () => {
      const h = await make(GONGWEN, { spec: gongwen });
      const before = GONGWEN.map((_, i) => h.look(i));
      await formatWith(h, gongwen);
      // 5.2.4 / 7.2.4: the 发文机关标志 red; the body stays black.
      expect(h.look(ISSUER).color).toBe("FF0000");
      expect(h.look(BODY).color).toBe("000000");
      // 附件说明 (7.3.4): 左空二字, wrapped lines under the text after 「附件：」 — a 3-character hang at 三号.
      expect(h.look(ATTACHMENT)).toMatchObject({ leftPt: 5 * 16, firstLinePt: -3 * 16, rightPt: 0 });
      // 抄送 (7.4.2): 左空一字 with 「抄送：」 hanging, 右空一字, at 四号; 印发 likewise without the hang.
      expect(h.look(COPY_TO)).toMatchObject({ leftPt: 4 * 14, firstLinePt: -3 * 14, rightPt: 14 });
      expect(h.look(PRINTER)).toMatchObject({ leftPt: 14, firstLinePt: 0, rightPt: 14 });
      // The 署名 stands in from the right margin (its indent centres it over the date, 7.3.5).
      expect(h.look(SIGNATURE).rightPt).toBeGreaterThan(0);
      expect(h.look(BODY)).toMatchObject({ leftPt: 0, firstLinePt: 2 * 16, rightPt: 0 });
      if (h.drawsBorders) {
        // 7.2.7: the red line under the 发文字号; 7.4.1: thick over 抄送, thin between, thick under 印发.
        expect(h.look(DOC_NO).borderBottom).toBe("1pt FF0000");
        expect(h.look(COPY_TO)).toMatchObject({ borderTop: "1pt 000000", borderBottom: "0.75pt 000000" });
        expect(h.look(PRINTER).borderBottom).toBe("1pt 000000");
        expect(h.look(BODY).borderTop).toBeUndefined();
      }
      const u = await h.host.undo();
      expect(u).toMatchObject({ label: "一键排版", skipped: 0 });
      expect(GONGWEN.map((_, i) => h.look(i))).toEqual(before);
    });

    it("numbers the pages as the pane's 文稿类型 asks, not as the host's own profile", async () => {
      // The host was made for speeches (centred numbers); the pane formats a 公文 (odd/even).
      const h = await make(GONGWEN, { spec: speechProfile().format });
      await formatWith(h, gongwen);
      expect(h.pageNumbers()).toBe(true);
      expect(h.oddEven()).toBe(h.canOddEven);
      await h.host.undo();
      expect(h.pageNumbers()).toBe(false);
    });

    it("the other way round, and a host whose profile wants none still numbers a plan that asks for them", async () => {
      const h = await make(GONGWEN, { spec: { ...gongwen, pageNumbers: "none" } });
      await formatWith(h, speechProfile().format);
      expect(h.pageNumbers()).toBe(true);
      expect(h.oddEven()).toBe(false);
    });

    it("a fix's own page.pageNumbers wins over the plan's", async () => {
      const h = await make(GONGWEN, { spec: gongwen });
      await formatWith(h, gongwen, { pageNumbers: "none" });
      expect(h.pageNumbers()).toBe(false);
      expect(h.look(ISSUER).color).toBe("FF0000");
    });
  });
});

describe("一键排版 in Word when Word refuses the footers' OOXML (Word on the web can)", () => {
  it.each([
    ["Word on the web (WordApi 1.5)", { WordApi: "1.5" }],
    ["desktop Word (WordApiDesktop 1.3)", { WordApi: "1.5", WordApiDesktop: "1.3" }],
  ])("%s: still formats and numbers the pages; 撤销排版 restores the formatting and leaves the footer", async (...[, sets]) => {
    const h = await wordHost(sets)(SPEECH, { spec: speechProfile().format, footerOoxmlError: "GeneralException" });
    const doc = await h.host.readDocument();
    const plan = formatPlan(doc, buildOutline(doc), resolveProfile("gongwen").format);
    const r = await h.host.applyFixes([{ description: FORMAT_DESCRIPTION, format: plan }], all(SPEECH), { undoLabel: "一键排版" });
    expect(r.applied).toBe(1);
    expect(h.pageNumbers()).toBe(true);
    // The header's OOXML could not be read either, but this one is empty: odd/even where Word can.
    expect(h.oddEven()).toBe(h.canOddEven);
    const formatted = formatting(await h.host.readDocument());
    expect(formatted).not.toEqual(formatting(doc));
    const u = await h.host.undo();
    expect(u).toMatchObject({ label: "一键排版", skipped: 0 });
    expect(formatting(await h.host.readDocument())).toEqual(formatting(doc));
    // Nothing to put the footer back from: the numbers stay.
    expect(h.pageNumbers()).toBe(true);
  });
});
