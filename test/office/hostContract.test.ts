/**
 * The DocumentHost undo contract, run against both hosts: the Word gateway over the strict fake
 * Word, and the preview's in-memory host. Whatever holds the document, 撤销 takes back the last
 * batch where the paragraphs still read as it left them, skips the ones changed since, and says so.
 */
import type { Fix } from "../../src/core/edits";
import { NOTHING_TO_UNDO, undoMessage, undoRefusal, UNDO_DEPTH, type DocumentHost } from "../../src/core/host";
import { docFromText, type DocModel } from "../../src/core/model";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { speechProfile } from "../../src/core/profiles";
import { WordDocumentHost } from "../../src/office/wordHost";
import { MemoryHost } from "../../src/preview/memoryHost";
import { FakeWord } from "./fakeWord";

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
