/** The preview host's 撤销, in-place editing, comments and reveal (scroll-to) notifications. */
import { docFromText } from "../../src/core/model";
import type { Fix } from "../../src/core/edits";
import type { Finding } from "../../src/core/findings";
import { MemoryHost } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";

const textOf = (h: MemoryHost) => h.model.paragraphs.map((p) => p.text);
const comma = (p: number, at: number): Fix => ({ description: "改为全角逗号", text: [{ paragraph: p, start: at, end: at + 1, text: "，" }] });
const finding = (paragraph: number, start: number, end: number, message: string): Finding => ({
  rule: "r",
  category: "punctuation.width",
  severity: "error",
  paragraph,
  start,
  end,
  excerpt: "",
  message,
});

describe("MemoryHost 撤销", () => {
  test("takes back the last fix batch, then the one before; says what it took back", async () => {
    const h = new MemoryHost(docFromText("甲,乙\n丙,丁\n戊,己"));
    expect(h.undoLabel).toBeUndefined();
    await h.applyFixes([comma(0, 1)], { 0: "甲,乙" });
    await h.applyFixes([comma(1, 1), comma(2, 1)], { 1: "丙,丁", 2: "戊,己" });
    expect(textOf(h)).toEqual(["甲，乙", "丙，丁", "戊，己"]);
    expect(h.undoLabel).toBe("修复 2 处");
    expect((await h.undo()).label).toBe("修复 2 处");
    expect(textOf(h)).toEqual(["甲，乙", "丙,丁", "戊,己"]);
    expect(h.undoLabel).toBe("修复 1 处");
    await h.undo();
    expect(textOf(h)).toEqual(["甲,乙", "丙,丁", "戊,己"]);
    expect(h.undoLabel).toBeUndefined();
    await expect(h.undo()).rejects.toThrow("没有可以撤销的修改。");
  });

  test("restores formatting and page setup that a fix changed, with the runs as they were", async () => {
    const doc = sampleDraft();
    const h = new MemoryHost(doc);
    const before = h.model.paragraphs[11];
    await h.applyFixes(
      [
        { description: "改为黑体", format: [{ paragraph: 11, set: { fontEastAsia: "黑体" } }] },
        { description: "页边距", page: { marginLeftMm: 30 } },
      ],
      { 11: before.text },
    );
    expect(h.model.paragraphs[11].runs[0].fontEastAsia).toBe("黑体");
    await h.undo();
    expect(h.model.paragraphs[11]).toEqual(before);
    expect(h.model.sections).toEqual(doc.sections);
  });

  test("refuses, in Chinese, when the paragraph was changed after the fix; the history is dropped", async () => {
    const h = new MemoryHost(docFromText("甲,乙\n丙"));
    await h.applyFixes([comma(0, 1)], { 0: "甲,乙" });
    h.placeCursor(0, 3);
    await h.insertText("。"); // typed after the fix, not through 撤销's history
    await expect(h.undo()).rejects.toThrow("「修复 1 处」之后文档又有改动，无法撤销。");
    expect(textOf(h)).toEqual(["甲，乙。", "丙"]);
    expect(h.undoLabel).toBeUndefined();
  });

  test("is not offered once paragraphs were inserted (the fix's paragraphs moved)", async () => {
    const h = new MemoryHost(docFromText("甲,乙\n丙"));
    await h.applyFixes([comma(0, 1)], { 0: "甲,乙" });
    h.placeCursor(1, 0);
    await h.insertParagraphs([{ role: "body", text: "新段落" }]);
    expect(h.undoLabel).toBeUndefined();
    await expect(h.undo()).rejects.toThrow(/无法撤销/);
    expect(textOf(h)).toEqual(["甲，乙", "丙", "新段落"]);
  });

  test("a stale fix (nothing applied) leaves nothing to undo; opening another document clears the history", async () => {
    const h = new MemoryHost(docFromText("甲,乙"));
    await h.applyFixes([comma(0, 1)], { 0: "别的文字" });
    expect(h.undoLabel).toBeUndefined();
    await h.applyFixes([comma(0, 1)], { 0: "甲,乙" });
    h.open(docFromText("新文档"));
    expect(h.undoLabel).toBeUndefined();
  });

  test("tells the document view where to scroll after undo", async () => {
    const h = new MemoryHost(docFromText("甲\n乙,丙"));
    const seen: number[] = [];
    h.onReveal((at) => seen.push(at.paragraph));
    await h.applyFixes([comma(1, 1)], { 1: "乙,丙" });
    await h.undo();
    expect(seen).toEqual([1]);
  });
});

describe("MemoryHost editParagraph (filling in placeholders in the preview)", () => {
  test("replaces only the changed middle: the runs around it keep their fonts", () => {
    const doc = docFromText("x");
    doc.hasFormatting = true;
    doc.paragraphs = [
      {
        index: 0,
        part: "body",
        text: "由XX牵头，会同有关部门",
        runs: [
          { text: "由XX牵头，", start: 0, end: 6, fontEastAsia: "仿宋_GB2312", sizePt: 16 },
          { text: "会同有关部门", start: 6, end: 12, fontEastAsia: "黑体", sizePt: 16 },
        ],
      },
    ];
    const h = new MemoryHost(doc);
    expect(h.editParagraph(0, "由市委办公室牵头，会同有关部门")).toBe(true);
    const p = h.model.paragraphs[0];
    expect(p.text).toBe("由市委办公室牵头，会同有关部门");
    expect(p.runs.map((r) => [r.text, r.fontEastAsia, r.start, r.end])).toEqual([
      ["由市委办公室牵头，", "仿宋_GB2312", 0, 9],
      ["会同有关部门", "黑体", 9, 15],
    ]);
    // The caret after what was typed, as in Word.
    expect(h.currentSelection).toEqual({ paragraph: 0, start: 6, end: 6 });
    expect(h.undoLabel).toBe("编辑第 1 段");
  });

  test("is undoable; unchanged text or a missing paragraph changes nothing", async () => {
    const h = new MemoryHost(docFromText("【单位名称】：\n乙"));
    expect(h.editParagraph(0, "【单位名称】：")).toBe(false);
    expect(h.editParagraph(5, "x")).toBe(false);
    expect(h.undoLabel).toBeUndefined();
    h.editParagraph(0, "市教育局：");
    expect(textOf(h)).toEqual(["市教育局：", "乙"]);
    await h.undo();
    expect(textOf(h)).toEqual(["【单位名称】：", "乙"]);
  });

  test("comments after the edit move with their text; one on the replaced text now covers what replaced it", async () => {
    const h = new MemoryHost(docFromText("由XX牵头，会同有关部门,开展"));
    await h.addComments([finding(0, 1, 3, "占位符"), finding(0, 12, 13, "半角逗号")]);
    h.editParagraph(0, "由市委办公室牵头，会同有关部门,开展");
    const text = h.model.paragraphs[0].text;
    expect(h.comments.map((c) => text.slice(c.start, c.end))).toEqual(["市委办公室", ","]);
    expect(h.comments.map((c) => c.start)).toEqual([1, 15]);
  });

  test("never throws on odd text: lone surrogates, zero-width characters, empty", () => {
    const h = new MemoryHost(docFromText("\ud83d\ude00甲\u200b"));
    for (const t of ["", "\ud800", "\u200b\u200b", "甲\ud83d\ude00", "、、、"]) {
      expect(() => h.editParagraph(0, t)).not.toThrow();
      expect(h.model.paragraphs[0].text).toBe(t);
    }
  });
});

describe("MemoryHost comments and reveal", () => {
  test("写入批注 twice does not stack the same notes; paragraphs that are gone are skipped", async () => {
    const h = new MemoryHost(docFromText("甲,乙"));
    const fs = [finding(0, 1, 2, "半角逗号"), finding(7, 0, 1, "不存在")];
    expect(await h.addComments(fs)).toBe(1);
    expect(await h.addComments(fs)).toBe(0);
    expect(h.comments).toHaveLength(1);
  });

  test("select (the pane's locate) asks the view to reveal the place; a click in the document does not", async () => {
    const h = new MemoryHost(sampleDraft());
    const seen: unknown[] = [];
    const off = h.onReveal((at) => seen.push(at));
    await h.select(9, 30, 32);
    h.placeCursor(3, 0);
    await h.select(4, 0, 0);
    expect(seen).toEqual([
      { paragraph: 9, start: 30, end: 32 },
      { paragraph: 4, start: 0, end: sampleDraft().paragraphs[4].text.length },
    ]);
    off();
    await h.select(9, 0, 1);
    expect(seen).toHaveLength(2);
  });
});
