import { docFromText } from "../../src/core/model";
import type { Fix } from "../../src/core/rules/types";
import { MemoryHost, memoryDocument } from "../../src/preview/memoryHost";
import { sampleDraft } from "../../src/preview/sampleDraft";

const textOf = (h: MemoryHost) => h.model.paragraphs.map((p) => p.text);

describe("MemoryHost", () => {
  test("is a preview host with comments", () => {
    const h = new MemoryHost(docFromText("a"));
    expect(h.kind).toBe("preview");
    expect(h.capabilities.comments).toBe(true);
  });

  test("select remembers the range and notifies selection handlers and subscribers", async () => {
    const h = new MemoryHost(sampleDraft());
    const onSel = jest.fn();
    const onAny = jest.fn();
    const off = h.onSelectionChanged(onSel);
    h.subscribe(onAny);
    await h.select(9, 3, 5);
    expect(h.currentSelection).toEqual({ paragraph: 9, start: 3, end: 5 });
    expect(onSel).toHaveBeenCalledTimes(1);
    expect(onAny).toHaveBeenCalledTimes(1);
    off();
    await h.select(3, 0, 2);
    expect(onSel).toHaveBeenCalledTimes(1);
    expect(onAny).toHaveBeenCalledTimes(2);
  });

  test("select with start = end selects the whole paragraph; a missing paragraph is a Chinese error", async () => {
    const h = new MemoryHost(docFromText("第一段\n第二段内容"));
    await h.select(1, 2, 2);
    expect(h.currentSelection).toEqual({ paragraph: 1, start: 0, end: 5 });
    await expect(h.select(7, 0, 0)).rejects.toThrow(/第 8 段不存在/);
  });

  test("applyFixes applies only where the paragraph still reads as expected", async () => {
    const h = new MemoryHost(docFromText("甲,乙\n丙,丁"));
    const fix = (p: number): Fix => ({ description: "改为全角逗号", text: [{ paragraph: p, start: 1, end: 2, text: "，" }] });
    const res = await h.applyFixes([fix(0), fix(1)], { 0: "甲,乙", 1: "丙,丁（旧）" });
    expect(res).toEqual({ applied: 1, stale: 1 });
    expect(textOf(h)).toEqual(["甲，乙", "丙,丁"]);
    // A fix for a paragraph with no expected text is stale too.
    expect(await h.applyFixes([fix(1)], {})).toEqual({ applied: 0, stale: 1 });
    expect(textOf(h)).toEqual(["甲，乙", "丙,丁"]);
  });

  test("several fixes in one paragraph use offsets of the checked text", async () => {
    const h = new MemoryHost(docFromText("一,二,三"));
    const at = (s: number): Fix => ({ description: "，", text: [{ paragraph: 0, start: s, end: s + 1, text: "，" }] });
    expect(await h.applyFixes([at(1), at(3)], { 0: "一,二,三" })).toEqual({ applied: 2, stale: 0 });
    expect(textOf(h)).toEqual(["一，二，三"]);
  });

  test("format fixes set paragraph properties and every run; page fixes set the sections", async () => {
    const doc = sampleDraft();
    const h = new MemoryHost(doc);
    const text = doc.paragraphs[11].text;
    const res = await h.applyFixes(
      [
        { description: "改为黑体", format: [{ paragraph: 11, set: { fontEastAsia: "黑体", sizePt: 16, firstLineIndentChars: 2 } }] },
        { description: "页边距", page: { marginLeftMm: 28 } },
      ],
      { 11: text },
    );
    expect(res.applied).toBe(2);
    const p = h.model.paragraphs[11];
    expect(p.text).toBe(text);
    expect(p.runs.every((r) => r.fontEastAsia === "黑体" && r.sizePt === 16)).toBe(true);
    expect(p.firstLineIndentChars).toBe(2);
    expect(h.model.sections[0].marginLeftMm).toBe(28);
    expect(doc.paragraphs[11].runs[0].fontEastAsia).toBe("宋体"); // the original model is not mutated
  });

  test("insertParagraphs goes after the cursor paragraph, styled by role, and moves the cursor", async () => {
    const h = new MemoryHost(sampleDraft());
    h.placeCursor(4, 2);
    await h.insertParagraphs([
      { role: "level1", text: "一、新标题" },
      { role: "body", text: "新正文。" },
    ]);
    const t = textOf(h);
    expect(t.slice(4, 7)).toEqual(["下面，我讲三点意见。", "一、新标题", "新正文。"]);
    expect(t).toHaveLength(27);
    expect(h.model.paragraphs.map((p) => p.index)).toEqual(t.map((_x, i) => i));
    expect(h.model.paragraphs[5].runs[0].fontEastAsia).toBe("黑体");
    expect(h.model.paragraphs[6].firstLineIndentChars).toBe(2);
    expect(h.currentSelection).toEqual({ paragraph: 6, start: 4, end: 4 });
  });

  test("insertParagraphs without a cursor appends; plain-text documents get no formatting", async () => {
    const h = new MemoryHost(docFromText("甲"));
    await h.insertParagraphs([{ role: "title", text: "乙" }]);
    expect(textOf(h)).toEqual(["甲", "乙"]);
    expect(h.model.paragraphs[1].runs).toEqual([]);
  });

  test("insertText replaces the selection and keeps runs tiling the text", async () => {
    const h = new MemoryHost(sampleDraft());
    h.placeCursor(2, 3); // 同志们|：
    await h.insertText("、朋友们");
    expect(h.model.paragraphs[2].text).toBe("同志们、朋友们：");
    h.placeCursor(4, 5, 7); // 下面，我讲[三点]意见。
    await h.insertText("两点");
    const p = h.model.paragraphs[4];
    expect(p.text).toBe("下面，我讲两点意见。");
    expect(p.runs.map((r) => r.text).join("")).toBe(p.text);
    expect(p.runs[p.runs.length - 1].end).toBe(p.text.length);
    expect(h.currentSelection).toEqual({ paragraph: 4, start: 7, end: 7 });
  });

  test("insertPhrase never splits or replaces a heading, nor a selection the pane made", async () => {
    const h = new MemoryHost(docFromText("一、提高思想认识\n要坚持XX导向。"));
    // the reported case: caret inside the heading
    h.placeCursor(0, 3);
    expect(await h.insertPhrase("甲。")).toBe("new-paragraph");
    expect(textOf(h)).toEqual(["一、提高思想认识", "甲。", "要坚持XX导向。"]);
    // the 大纲 tree selects the whole heading
    await h.select(0, 0, 0);
    expect(await h.insertPhrase("乙。")).toBe("new-paragraph");
    expect(textOf(h)).toEqual(["一、提高思想认识", "乙。", "甲。", "要坚持XX导向。"]);
    // the 检查 list selects a finding: the phrase goes after it, the text stays
    await h.select(3, 3, 5);
    expect(await h.insertPhrase("丙")).toBe("after-selection");
    expect(h.model.paragraphs[3].text).toBe("要坚持XX丙导向。");
    // the clerk selects the same kind of text by hand: replaced, as typing would
    h.placeCursor(3, 3, 5);
    expect(await h.insertPhrase("问题")).toBe("replace-selection");
    expect(h.model.paragraphs[3].text).toBe("要坚持问题丙导向。");
  });

  test("readCursor gives the cursor paragraph and the nearest heading above", async () => {
    const h = new MemoryHost(sampleDraft());
    expect(await h.readCursor()).toBeUndefined();
    h.placeCursor(7, 0);
    expect(await h.readCursor()).toEqual({
      paragraph: 7,
      text: sampleDraft().paragraphs[7].text,
      heading: { paragraph: 6, text: "（一）作风建设关系群众切身感受。", level: 2 },
      part: "section",
    });
    h.placeCursor(13, 0);
    expect((await h.readCursor())?.heading).toEqual({ paragraph: 12, text: "（一）精简会议文件。", level: 2 });
    h.placeCursor(5, 0);
    expect((await h.readCursor())?.heading?.paragraph).toBe(5);
    h.placeCursor(3, 0);
    expect((await h.readCursor())?.heading).toBeUndefined();
  });

  test("readCursor says which part of the speech the cursor is in", async () => {
    const h = new MemoryHost(sampleDraft());
    const paras = sampleDraft().paragraphs;
    const at = async (i: number) => (h.placeCursor(i, 0), (await h.readCursor())?.part);
    expect(await at(3)).toBe("opening");
    expect(await at(paras.findIndex((p) => p.text === "（三）强化督查问责。"))).toBe("section");
    expect(await at(paras.findIndex((p) => p.text.startsWith("机关各处室要结合自身职能")))).toBe("section");
    expect(await at(paras.findIndex((p) => p.text.startsWith("同志们，作风建设永远在路上")))).toBe("closing");
    expect(await at(paras.length - 1)).toBe("closing");
  });

  test("readCursor uses the list label of auto-numbered headings", async () => {
    const doc = docFromText("导语\n加强领导\n正文");
    doc.paragraphs[1].listLabel = "二、";
    const h = new MemoryHost(doc);
    h.placeCursor(2, 0);
    expect((await h.readCursor())?.heading).toEqual({ paragraph: 1, text: "二、加强领导", level: 1 });
  });

  test("state is kept with the document and survives reopening it", async () => {
    const mdoc = memoryDocument(docFromText("甲"));
    const h1 = new MemoryHost(mdoc);
    expect(await h1.loadState()).toEqual({ ignoredFindings: [], ignoredRules: [] });
    await h1.saveState({ ignoredFindings: ["k"], ignoredRules: ["typo"] });
    const h2 = new MemoryHost(mdoc);
    expect(await h2.loadState()).toEqual({ ignoredFindings: ["k"], ignoredRules: ["typo"] });
    // A different document does not see it.
    expect(await new MemoryHost(docFromText("甲")).loadState()).toEqual({ ignoredFindings: [], ignoredRules: [] });
  });

  test("addComments keeps the comments", async () => {
    const h = new MemoryHost(docFromText("甲,乙"));
    const n = await h.addComments([
      { rule: "r", category: "typo", severity: "error", paragraph: 0, start: 1, end: 2, excerpt: ",", message: "半角逗号" },
    ]);
    expect(n).toBe(1);
    expect(h.comments).toEqual([{ paragraph: 0, start: 1, end: 2, text: "半角逗号" }]);
  });

  test("comments stay on their text when paragraphs or a phrase are inserted before them", async () => {
    const h = new MemoryHost(docFromText("一、加强学习\n我们要学习,要实践。\n二、狠抓落实"));
    const finding = (paragraph: number, start: number, message: string) => ({ rule: "r", category: "typo" as const, severity: "error" as const, paragraph, start, end: start + 1, excerpt: "", message });
    await h.addComments([finding(1, 5, "半角逗号"), finding(2, 0, "序号")]);
    // after 一、: a new paragraph goes in between, the comments below move down one paragraph
    await h.select(0, 0, 0);
    await h.insertParagraphs([{ role: "body", text: "新增一段。" }]);
    expect(h.comments.map((c) => [c.paragraph, c.start, c.text])).toEqual([[2, 5, "半角逗号"], [3, 0, "序号"]]);
    // text put over a selection before the comment in the same paragraph: it moves along the line
    await h.select(2, 0, 1);
    await h.insertText("同志们，我");
    expect(h.comments.map((c) => [c.paragraph, c.start, h.model.paragraphs[c.paragraph].text.slice(c.start, c.end)])).toEqual([
      [2, 9, ","],
      [3, 0, "二"],
    ]);
  });
});
