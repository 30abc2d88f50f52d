import type { Fix } from "../../src/core/rules/types";
import { STATE_KEY, WordDocumentHost } from "../../src/office/wordHost";
import { FakeWord, type FakeOptions, type ParaInit } from "./fakeWord";

const W13 = { WordApi: "1.3" };
const W15 = { WordApi: "1.5" };

function setup(paras: Array<ParaInit | string>, options: FakeOptions = { sets: W13 }) {
  const fake = new FakeWord(paras, options);
  fake.install();
  const host = new WordDocumentHost({ debounceMs: 20 });
  return { fake, host };
}

afterEach(() => FakeWord.uninstall());

/** n paragraphs of a speech: headings every 10th paragraph, body text otherwise. */
function speech(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    out.push(i % 10 === 0 ? `${"一二三四五六七八九十"[(i / 10) % 10]}、第${i}部分` : `第${i}段，要抓好落实,确保见效。`);
  }
  return out;
}

describe("readDocument", () => {
  it.each([10, 2000])("reads %i paragraphs in one sync from getOoxml, loading only text and table level", async (n) => {
    const { fake, host } = setup(speech(n));
    const doc = await host.readDocument();
    expect(fake.syncs).toBe(1);
    expect(fake.ooxmlCalls).toBe(1);
    expect(fake.loadLog).toEqual(["items/text,items/tableNestingLevel"]);
    expect(doc.source).toBe("word");
    expect(doc.paragraphs.map((p) => p.text)).toEqual(speech(n));
    expect(host.paragraphMap).toEqual(speech(n).map((_, i) => i));
  });

  it("takes East Asian fonts, sizes and line breaks from the OOXML", async () => {
    const { host } = setup([
      { text: "关于做好工作的通知", font: { name: "Times New Roman", nameFarEast: "方正小标宋简体", size: 22 }, alignment: "Centered" },
      { text: "第一行\u000b第二行", font: { name: "仿宋_GB2312", size: 16 }, firstLineIndent: 32 },
    ]);
    const doc = await host.readDocument();
    expect(doc.paragraphs[0].runs[0].fontEastAsia).toBe("方正小标宋简体");
    expect(doc.paragraphs[0].runs[0].sizePt).toBe(22);
    expect(doc.paragraphs[0].alignment).toBe("center");
    expect(doc.paragraphs[1].text).toBe("第一行\n第二行");
    expect(doc.paragraphs[1].firstLineIndentPt).toBe(32);
  });

  it("maps model paragraphs past a text-box paragraph that Word lists in the body", async () => {
    const { fake, host } = setup(["标题", "正文一", { text: "框内说明", textBox: true }, "正文二", "正文三"]);
    const doc = await host.readDocument();
    expect(fake.syncs).toBe(1);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["标题", "正文一", "正文二", "正文三"]);
    expect(doc.otherParagraphs.map((p) => p.text)).toContain("框内说明");
    expect(host.paragraphMap).toEqual([0, 1, 3, 4]);
  });

  it("maps one to one when Word leaves the text box out of its collection", async () => {
    const { host } = setup(["标题", "正文一", { text: "框内说明", textBox: true }, "正文二"], { sets: W13, includeTextBoxes: false });
    await host.readDocument();
    expect(host.paragraphMap).toEqual([0, 1, 2]);
  });

  it.each(["ResponsePayloadSizeLimitExceeded", "GeneralException"])("falls back to the paragraph collection when getOoxml fails (%s)", async (code) => {
    const { fake, host } = setup(
      [
        { text: "一、总体要求", font: { name: "黑体", size: 16, bold: true }, outlineLevel: 1 },
        { text: "要坚持问题导向。", font: { name: "仿宋_GB2312", size: 16 }, firstLineIndent: 32, alignment: "Justified" },
        { text: "加强组织领导", listString: "（一）", tableNestingLevel: 1 },
      ],
      { sets: W13, ooxmlError: code },
    );
    const doc = await host.readDocument();
    expect(fake.syncs).toBe(2);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["一、总体要求", "要坚持问题导向。", "加强组织领导"]);
    expect(doc.paragraphs[0].outlineLevel).toBe(0);
    expect(doc.paragraphs[0].runs[0]).toMatchObject({ fontLatin: "黑体", sizePt: 16, bold: true });
    expect(doc.paragraphs[0].runs[0].fontEastAsia).toBeUndefined();
    expect(doc.paragraphs[1]).toMatchObject({ firstLineIndentPt: 32, alignment: "justify" });
    expect(doc.paragraphs[1].outlineLevel).toBeUndefined();
    expect(doc.paragraphs[2]).toMatchObject({ listLabel: "（一）", inTable: true });
  });

  it("still reads without list labels when loading them fails too (tracked changes on the web)", async () => {
    const { fake, host } = setup([{ text: "加强组织领导", listString: "（一）" }, "正文"], { sets: W13, ooxmlError: "GeneralException", listError: true });
    const doc = await host.readDocument();
    expect(fake.syncs).toBe(3);
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["加强组织领导", "正文"]);
    expect(doc.paragraphs[0].listLabel).toBeUndefined();
  });

  it("falls back when the reader cannot read the package", async () => {
    const fake = new FakeWord(["甲", "乙"], { sets: W13 });
    fake.install();
    const host = new WordDocumentHost({
      parse: () => {
        throw new Error("unreadable package");
      },
    });
    const doc = await host.readDocument();
    expect(doc.paragraphs.map((p) => p.text)).toEqual(["甲", "乙"]);
    expect(fake.syncs).toBe(2);
  });

  it("does not swallow errors it cannot work around", async () => {
    const { host } = setup(["正文"], { sets: W13, ooxmlError: "AccessDenied" });
    await expect(host.readDocument()).rejects.toMatchObject({ code: "AccessDenied" });
  });

  it("keeps the same sync count for 2,000 paragraphs on the fallback path", async () => {
    const { fake, host } = setup(speech(2000), { sets: W13, ooxmlError: "RequestPayloadSizeLimitExceeded" });
    const doc = await host.readDocument();
    expect(doc.paragraphs).toHaveLength(2000);
    expect(fake.syncs).toBe(2);
  });
});

describe("select", () => {
  it("selects the k-th occurrence of the excerpt", async () => {
    const { fake, host } = setup(["开头", "要抓落实，抓落实，再抓落实。"]);
    await host.readDocument();
    fake.syncs = 0;
    const text = fake.texts[1];
    const third = text.lastIndexOf("抓落实");
    await host.select(1, third, third + 3);
    expect(fake.selectedText).toBe("抓落实");
    expect(fake.syncs).toBeLessThanOrEqual(3);
    // The selection starts where the third occurrence is.
    fake.placeCursor(0);
    await host.select(1, text.indexOf("抓落实", 2), text.indexOf("抓落实", 2) + 3);
    expect(fake.selectedText).toBe("抓落实");
  });

  it("tells occurrences apart by position", async () => {
    const { fake, host } = setup(["甲乙甲乙甲"]);
    await host.readDocument();
    await host.select(0, 4, 5);
    // Selecting the third 甲 then extending is observable through the live selection range.
    expect(fake.selectedText).toBe("甲");
    expect(fake.selection.start.off).toBe(4);
    await host.select(0, 2, 3);
    expect(fake.selection.start.off).toBe(2);
  });

  it("selects the whole paragraph for an empty excerpt", async () => {
    const { fake, host } = setup(["第一段", "第二段内容"]);
    await host.readDocument();
    await host.select(1, 2, 2);
    expect(fake.selectedText).toBe("第二段内容");
  });

  it("escapes ^ and finds text with a manual line break", async () => {
    const { fake, host } = setup(["x^2 与 y^2\u000b第二行"]);
    const doc = await host.readDocument();
    const t = doc.paragraphs[0].text;
    await host.select(0, t.indexOf("y^2"), t.indexOf("y^2") + 3);
    expect(fake.selectedText).toBe("y^2");
    await host.select(0, t.indexOf("\n") - 1, t.indexOf("\n") + 2);
    expect(fake.selectedText).toBe("2\u000b第");
  });

  it("picks the exact hit when Word's search ignores full/half width", async () => {
    const { fake, host } = setup(["甲，乙,丙,丁"], { sets: W13, searchIgnoresWidth: true });
    await host.readDocument();
    await host.select(0, 3, 4); // the first half-width comma
    expect(fake.selectedText).toBe(",");
    expect(fake.selection.start.off).toBe(3);
  });

  it("selects a slice longer than Word's 255-character search limit", async () => {
    const long = Array.from({ length: 120 }, (_, i) => `第${i}句话。`).join("");
    const { fake, host } = setup([long]);
    await host.readDocument();
    await host.select(0, 5, 400);
    expect(fake.selectedText).toBe(long.slice(5, 400));
  });

  it("finds the excerpt near its old place after the paragraph was edited", async () => {
    const { fake, host } = setup(["要抓落实，抓落实。"]);
    await host.readDocument();
    fake.paras[0].text = "我们要抓落实，抓落实。";
    await host.select(0, 5, 8); // second 抓落实 in the text as checked
    expect(fake.selectedText).toBe("抓落实");
    expect(fake.selection.start.off).toBe(7);
  });
});

describe("applyFixes", () => {
  function halfComma(paragraph: number, text: string): Fix {
    const i = text.indexOf(",");
    return { description: "改为全角逗号", text: [{ paragraph, start: i, end: i + 1, text: "，" }] };
  }

  it("applies text edits and changes the document", async () => {
    const { fake, host } = setup(["标题", "一是抓落实,二是抓督查,三是抓考核"]);
    const doc = await host.readDocument();
    const t = doc.paragraphs[1].text;
    const fixes: Fix[] = [];
    let at = t.indexOf(",");
    while (at >= 0) {
      fixes.push({ description: "改为全角逗号", text: [{ paragraph: 1, start: at, end: at + 1, text: "，" }] });
      at = t.indexOf(",", at + 1);
    }
    fake.syncs = 0;
    const r = await host.applyFixes(fixes, { 1: t });
    expect(r).toEqual({ applied: 2, stale: 0 });
    expect(fake.texts[1]).toBe("一是抓落实，二是抓督查，三是抓考核");
    expect(fake.syncs).toBeLessThanOrEqual(3);
  });

  it("skips a fix whose paragraph changed since the check", async () => {
    const { fake, host } = setup(["甲,乙", "丙,丁"]);
    const doc = await host.readDocument();
    const expected = { 0: doc.paragraphs[0].text, 1: doc.paragraphs[1].text };
    fake.paras[1].text = "丙,丁（已改）";
    const r = await host.applyFixes([halfComma(0, "甲,乙"), halfComma(1, "丙,丁")], expected);
    expect(r).toEqual({ applied: 1, stale: 1 });
    expect(fake.texts).toEqual(["甲，乙", "丙,丁（已改）"]);
  });

  it("handles deletion, insertion, replacement of a repeated word and a format patch together", async () => {
    const { fake, host } = setup(["的的确确要要落实", "三是", "", "正文段落"]);
    const doc = await host.readDocument();
    const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
    const fixes: Fix[] = [
      { description: "删除重复的“要”", text: [{ paragraph: 0, start: 5, end: 6, text: "" }] },
      { description: "补冒号", text: [{ paragraph: 1, start: 2, end: 2, text: "：" }] },
      { description: "句首插入", text: [{ paragraph: 1, start: 0, end: 0, text: "（" }] },
      { description: "空段落插入", text: [{ paragraph: 2, start: 0, end: 0, text: "新" }] },
      {
        description: "正文格式",
        format: [{ paragraph: 3, set: { fontEastAsia: "仿宋_GB2312", sizePt: 16, firstLineIndentChars: 2, alignment: "justify", bold: false } }],
      },
      { description: "页面", page: { marginTopMm: 37 } },
    ];
    const r = await host.applyFixes(fixes, expected);
    expect(r).toEqual({ applied: 5, stale: 0 });
    expect(fake.texts.slice(0, 3)).toEqual(["的的确确要落实", "（三是：", "新"]);
    expect(fake.para(3)).toMatchObject({ firstLineIndent: 32, alignment: "Justified" });
    expect(fake.para(3).font).toMatchObject({ name: "仿宋_GB2312", size: 16, bold: false });
  });

  it("uses the paragraph's font size for character indents when the patch has none", async () => {
    const { fake, host } = setup([{ text: "小四号的正文", font: { size: 12 } }]);
    const doc = await host.readDocument();
    await host.applyFixes([{ description: "缩进", format: [{ paragraph: 0, set: { firstLineIndentChars: 2 } }] }], { 0: doc.paragraphs[0].text });
    expect(fake.para(0).firstLineIndent).toBe(24);
  });

  it("applies 2,000 fixes over 2,000 paragraphs in at most three syncs", async () => {
    const texts = Array.from({ length: 2000 }, (_, i) => `第${i}条,要落实,要见效`);
    const { fake, host } = setup(texts);
    const doc = await host.readDocument();
    const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
    const fixes = texts.map((t, i) => {
      const at = t.lastIndexOf(",");
      return { description: "改为全角逗号", text: [{ paragraph: i, start: at, end: at + 1, text: "，" }] } as Fix;
    });
    fake.syncs = 0;
    const r = await host.applyFixes(fixes, expected);
    expect(r).toEqual({ applied: 2000, stale: 0 });
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.texts[1999]).toBe("第1999条,要落实，要见效");
  });

  it("applies on the right paragraph when Word lists a text box the model does not have", async () => {
    const { fake, host } = setup(["标题", { text: "框,内", textBox: true }, "正文,一"]);
    const doc = await host.readDocument();
    const r = await host.applyFixes([halfComma(1, doc.paragraphs[1].text)], { 1: doc.paragraphs[1].text });
    expect(r.applied).toBe(1);
    expect(fake.texts).toEqual(["标题", "框,内", "正文，一"]);
  });

  it("sets the East Asian font itself where WordApiDesktop 1.3 offers nameFarEast", async () => {
    const { fake, host } = setup([{ text: "正文", font: { name: "Times New Roman", nameFarEast: "宋体" } }], { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } });
    const doc = await host.readDocument();
    await host.applyFixes([{ description: "字体", format: [{ paragraph: 0, set: { fontEastAsia: "仿宋_GB2312" } }] }], { 0: doc.paragraphs[0].text });
    expect(fake.para(0).font).toMatchObject({ name: "Times New Roman", nameFarEast: "仿宋_GB2312" });
  });

  it("does not touch change tracking", async () => {
    const { fake, host } = setup(["甲,乙"], { sets: { WordApi: "1.4" } });
    await host.readDocument();
    await host.applyFixes([halfComma(0, "甲,乙")], { 0: "甲,乙" });
    expect(fake.trackingModeChanged).toBe(false);
  });
});

describe("insertParagraphs", () => {
  const skeleton = [
    { text: "在全市工作会议上的讲话", role: "title" as const },
    { text: "同志们：", role: "salutation" as const },
    { text: "一、统一思想", role: "level1" as const },
    { text: "（一）提高认识", role: "level2" as const },
    { text: "1.明确任务", role: "level3" as const },
    { text: "正文内容。", role: "body" as const },
  ];

  it("inserts after the cursor paragraph with fonts by role, in at most three syncs", async () => {
    const { fake, host } = setup(["已有段落", "后面的段落"]);
    fake.placeCursor(0, 2);
    await host.insertParagraphs(skeleton);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.texts).toEqual(["已有段落", ...skeleton.map((s) => s.text), "后面的段落"]);
    expect(fake.para(1)).toMatchObject({ alignment: "Centered", firstLineIndent: 0 });
    // WordApi 1.3 has no nameFarEast: the OOXML package carries the East Asian font, Latin is Times New Roman.
    expect(fake.para(1).font).toMatchObject({ nameFarEast: "方正小标宋简体", name: "Times New Roman", size: 22 });
    expect(fake.para(2)).toMatchObject({ firstLineIndent: 0, alignment: "Left" });
    expect(fake.para(3).font.nameFarEast).toBe("黑体");
    expect(fake.para(3).outlineLevel).toBe(1);
    expect(fake.para(4).font.nameFarEast).toBe("楷体_GB2312");
    expect(fake.para(5).font.nameFarEast).toBe("仿宋_GB2312");
    expect(fake.para(6)).toMatchObject({ firstLineIndent: 32, outlineLevel: 10 });
    expect(fake.stylesAdded).toBe(0); // WordApi 1.3: no styles API
  });

  it("fills an empty cursor paragraph instead of leaving it blank", async () => {
    const { fake, host } = setup([""]);
    await host.insertParagraphs(skeleton.slice(0, 3));
    expect(fake.texts).toEqual(["在全市工作会议上的讲话", "同志们：", "一、统一思想"]);
    expect(fake.para(0).font.nameFarEast).toBe("方正小标宋简体");
  });

  it("creates the named styles once where WordApi 1.5 exists, and applies them", async () => {
    const { fake, host } = setup(["已有段落"], { sets: W15 });
    await host.insertParagraphs(skeleton);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect([...fake.styles.keys()].sort()).toEqual(["一级标题", "三级标题", "二级标题", "公文标题", "四级标题", "正文"].sort());
    expect(fake.styles.get("一级标题")).toMatchObject({ font: { name: "黑体", size: 16 }, paragraphFormat: { outlineLevel: "OutlineLevel1" } });
    expect(fake.para(1).style).toBe("公文标题");
    expect(fake.para(3).style).toBe("一级标题");
    expect(fake.para(6).style).toBe("正文");
    fake.syncs = 0;
    fake.placeCursor(6);
    await host.insertParagraphs([{ text: "二、狠抓落实", role: "level1" }]);
    expect(fake.stylesAdded).toBe(6);
    expect(fake.texts[7]).toBe("二、狠抓落实");
  });

  it("keeps a constant number of syncs for a long skeleton", async () => {
    const { fake, host } = setup(["甲"], { sets: W15 });
    const many = Array.from({ length: 500 }, (_, i) => ({ text: `第${i}段`, role: "body" as const }));
    await host.insertParagraphs(many);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.paras).toHaveLength(501);
  });
});

describe("cursor, text, comments, state and events", () => {
  it("reads the cursor paragraph and the heading above it", async () => {
    const { fake, host } = setup(["讲话标题", "同志们：", "一、统一思想", "正文一", "（一）提高认识", "正文二", "正文三"]);
    await host.readDocument();
    fake.placeCursor(5, 1);
    fake.syncs = 0;
    const c = await host.readCursor();
    expect(fake.syncs).toBe(1);
    expect(c).toEqual({ paragraph: 5, text: "正文二", selectionEnd: 5, heading: { paragraph: 4, text: "（一）提高认识", level: 2 }, part: "section" });
    fake.placeCursor(1);
    expect((await host.readCursor())?.heading).toBeUndefined();
  });

  it("says which part of the speech the cursor is in (opening, section, closing), in one sync", async () => {
    const { fake, host } = setup(["讲话标题", "同志们：", "今天召开这次会议。", "一、统一思想", "正文一", "二、狠抓落实", "正文二", "同志们，让我们共同努力！"]);
    await host.readDocument();
    fake.placeCursor(2);
    fake.syncs = 0;
    expect(await host.readCursor()).toMatchObject({ paragraph: 2, part: "opening" });
    expect(fake.syncs).toBe(1);
    fake.placeCursor(6);
    expect(await host.readCursor()).toMatchObject({ part: "section", heading: { text: "二、狠抓落实", level: 1 } });
    fake.placeCursor(7);
    expect(await host.readCursor()).toMatchObject({ paragraph: 7, part: "closing" });
  });

  it("gives model indices past a text-box paragraph", async () => {
    const { fake, host } = setup(["一、总体要求", { text: "框", textBox: true }, "正文"]);
    await host.readDocument();
    fake.placeCursor(2);
    expect(await host.readCursor()).toEqual({ paragraph: 1, text: "正文", selectionEnd: 1, heading: { paragraph: 0, text: "一、总体要求", level: 1 }, part: "section" });
  });

  it("inserts plain text at the selection", async () => {
    const { fake, host } = setup(["要坚持XX导向"]);
    fake.setSelection(fake.paras[0], 3, fake.paras[0], 5);
    await host.insertText("问题");
    expect(fake.texts[0]).toBe("要坚持问题导向");
  });

  describe("insertPhrase never damages the text around it", () => {
    it("caret inside a heading (the reported 「一、提」+ phrase +「高思想认识」): a new body paragraph after it, in 2 syncs", async () => {
      const { fake, host } = setup([{ text: "一、提高思想认识", style: "Heading 1", outlineLevel: 1, font: { name: "黑体", size: 16, bold: true, italic: false } }, "要坚持问题导向。"]);
      fake.setSelection(fake.paras[0], 3, fake.paras[0], 3);
      const before = fake.syncs;
      expect(await host.insertPhrase("要把思想统一到部署上来。")).toBe("new-paragraph");
      expect(fake.syncs - before).toBe(2);
      expect(fake.texts).toEqual(["一、提高思想认识", "要把思想统一到部署上来。", "要坚持问题导向。"]);
      const np = fake.para(1);
      expect(np.style).toBe("Normal");
      expect(np.outlineLevel).toBe(10);
      expect(np.font.name).toBe("仿宋_GB2312");
      expect(np.font.bold).toBe(false);
    });

    it("an auto-numbered heading: the new paragraph is not numbered", async () => {
      const { fake, host } = setup([{ text: "提高思想认识", listString: "一、" }, "正文。"]);
      fake.setSelection(fake.paras[0], 2, fake.paras[0], 2);
      expect(await host.insertPhrase("甲。")).toBe("new-paragraph");
      expect(fake.texts).toEqual(["提高思想认识", "甲。", "正文。"]);
      expect(fake.para(1).listString).toBeUndefined();
    });

    it("a heading selected by the pane (大纲 tree) is kept whole", async () => {
      const { fake, host } = setup(["一、提高思想认识", "正文。"]);
      await host.readDocument();
      await host.select(0, 0, 0);
      expect(await host.insertPhrase("甲。")).toBe("new-paragraph");
      expect(fake.texts).toEqual(["一、提高思想认识", "甲。", "正文。"]);
    });

    it("a finding the pane selected stays; a selection the clerk made is replaced; a caret inserts", async () => {
      const { fake, host } = setup(["要坚持XX导向。"]);
      await host.readDocument();
      await host.select(0, 3, 5);
      expect(await host.insertPhrase("丙")).toBe("after-selection");
      expect(fake.texts[0]).toBe("要坚持XX丙导向。");
      fake.setSelection(fake.paras[0], 3, fake.paras[0], 5);
      expect(await host.insertPhrase("问题")).toBe("replace-selection");
      expect(fake.texts[0]).toBe("要坚持问题丙导向。");
      fake.setSelection(fake.paras[0], 0, fake.paras[0], 0);
      expect(await host.insertPhrase("我们")).toBe("caret");
      expect(fake.texts[0]).toBe("我们要坚持问题丙导向。");
    });
  });

  it("adds comments in a constant number of syncs where WordApi 1.4 exists", async () => {
    const { fake, host } = setup(["甲,乙", "丙"], { sets: { WordApi: "1.4" } });
    expect(host.capabilities.comments).toBe(true);
    await host.readDocument();
    fake.syncs = 0;
    const n = await host.addComments([
      { rule: "r", category: "punctuation.width", severity: "error", paragraph: 0, start: 1, end: 2, excerpt: ",", message: "半角逗号" },
      { rule: "r", category: "typo", severity: "warning", paragraph: 1, start: 0, end: 0, excerpt: "", message: "整段" },
    ]);
    expect(n).toBe(2);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.comments).toEqual([
      { text: "【笔杆子】半角逗号", anchor: "," },
      { text: "【笔杆子】整段", anchor: "丙" },
    ]);
  });

  it("adds no comments without WordApi 1.4", async () => {
    const { fake, host } = setup(["甲,乙"]);
    expect(host.capabilities.comments).toBe(false);
    expect(await host.addComments([{ rule: "r", category: "typo", severity: "error", paragraph: 0, start: 1, end: 2, excerpt: ",", message: "m" }])).toBe(0);
    expect(fake.comments).toEqual([]);
  });

  it("saves state in the document settings and reads it back", async () => {
    const { fake, host } = setup(["甲"]);
    expect(await host.loadState()).toEqual({ ignoredFindings: [], ignoredRules: [] });
    await host.saveState({ ignoredFindings: ["typo|abc|3|布署"], ignoredRules: ["typo"] });
    expect(JSON.parse(String(fake.settingsSaved.get(STATE_KEY)))).toEqual({ ignoredFindings: ["typo|abc|3|布署"], ignoredRules: ["typo"] });
    expect(await host.loadState()).toEqual({ ignoredFindings: ["typo|abc|3|布署"], ignoredRules: ["typo"] });
    fake.settingsMemory.set(STATE_KEY, "{not json");
    expect(await host.loadState()).toEqual({ ignoredFindings: [], ignoredRules: [] });
  });

  it("debounces selection changes and unsubscribes", async () => {
    const { fake, host } = setup(["甲"]);
    const calls: number[] = [];
    const off = host.onSelectionChanged(() => calls.push(Date.now()));
    fake.fireSelectionChanged();
    fake.fireSelectionChanged();
    fake.fireSelectionChanged();
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toHaveLength(1);
    off();
    expect(fake.handlers).toHaveLength(0);
    fake.fireSelectionChanged();
    await new Promise((r) => setTimeout(r, 60));
    expect(calls).toHaveLength(1);
  });
});

describe("errors reach the taskpane in Chinese", () => {
  it("turns an Office error code into a WordError with a plain message", async () => {
    const { fake, host } = setup(["甲"]);
    const original = (globalThis as unknown as { Word: { run: (b: unknown) => Promise<unknown> } }).Word.run;
    (globalThis as unknown as { Word: { run: (b: unknown) => Promise<unknown> } }).Word.run = () =>
      Promise.reject(Object.assign(new Error("The document is read-only."), { code: "AccessDenied" }));
    try {
      await expect(host.readDocument()).rejects.toMatchObject({ name: "WordError", code: "AccessDenied", message: "文档处于只读或受保护状态，无法修改。", retryable: false });
    } finally {
      (globalThis as unknown as { Word: { run: unknown } }).Word.run = original;
    }
    expect(fake.syncs).toBe(0);
  });
});

describe("insertParagraphs: named styles and East Asian fonts", () => {
  const skeleton = [
    { text: "在全市工作会议上的讲话", role: "title" as const },
    { text: "同志们：", role: "salutation" as const },
    { text: "下面，我讲两点意见。", role: "body" as const },
    { text: "一、统一思想", role: "level1" as const },
    { text: "（一）提高认识", role: "level2" as const },
    { text: "1.明确任务", role: "level3" as const },
    { text: "（1）细化分工", role: "level4" as const },
    { text: "二、狠抓落实", role: "level1" as const },
  ];
  const EA = ["方正小标宋简体", "仿宋_GB2312", "仿宋_GB2312", "黑体", "楷体_GB2312", "仿宋_GB2312", "仿宋_GB2312", "黑体"];
  const STYLES = ["公文标题", "正文", "正文", "一级标题", "二级标题", "三级标题", "四级标题", "一级标题"];

  /** The inserted paragraphs as Word's OOXML reports them afterwards. */
  async function readBack(host: WordDocumentHost, from: number) {
    const doc = await host.readDocument();
    return doc.paragraphs.slice(from, from + skeleton.length);
  }

  it("W13: inserts one OOXML package after the cursor; the East Asian fonts, outline levels and styles come through", async () => {
    const { fake, host } = setup(["已有段落", { text: "后面的段落", font: { name: "宋体", size: 12 } }]);
    fake.placeCursor(0, 2);
    await host.insertParagraphs(skeleton);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.insertedOoxml).toHaveLength(1);
    expect(fake.texts).toEqual(["已有段落", ...skeleton.map((s) => s.text), "后面的段落"]);
    expect(fake.para(skeleton.length + 1).font).toMatchObject({ name: "宋体", size: 12 });
    const back = await readBack(host, 1);
    expect(back.map((p) => p.runs[0].fontEastAsia)).toEqual(EA);
    expect(back.map((p) => p.runs[0].sizePt)).toEqual([22, 16, 16, 16, 16, 16, 16, 16]);
    // Navigation pane: headings at levels 1–4 (0-based here), body text without.
    expect(back.map((p) => p.outlineLevel)).toEqual([undefined, undefined, undefined, 0, 1, 2, 3, 0]);
    expect(back[2]).toMatchObject({ firstLineIndentPt: 32, alignment: "justify" });
    expect(back[0]).toMatchObject({ firstLineIndentPt: 0, alignment: "center" });
    // All but the last (merged into the new paragraph, #2914) are in their named styles.
    expect(back.slice(0, -1).map((p) => p.styleName)).toEqual(STYLES.slice(0, -1));
    // The merged last paragraph got its role's formatting restated.
    expect(fake.para(skeleton.length)).toMatchObject({ outlineLevel: 1, firstLineIndent: 32, lineSpacing: 28.95, alignment: "Justified" });
  });

  it("W13: creates the six named styles on first use, with their East Asian fonts, from the package", async () => {
    const { fake, host } = setup(["已有段落"]);
    await host.insertParagraphs(skeleton);
    expect([...fake.styles.keys()].sort()).toEqual(["一级标题", "三级标题", "二级标题", "公文标题", "四级标题", "正文"].sort());
    expect(fake.styles.get("一级标题")!.font).toMatchObject({ nameFarEast: "黑体", size: 16 });
    expect(fake.styles.get("二级标题")!.font.nameFarEast).toBe("楷体_GB2312");
    expect(fake.styles.get("正文")!.paragraphFormat).toMatchObject({ firstLineIndent: 32, lineSpacing: 28.95, outlineLevel: "OutlineLevelBodyText" });
    expect(fake.styles.get("三级标题")!.paragraphFormat.outlineLevel).toBe("OutlineLevel3");
    expect(fake.stylesAdded).toBe(0);
  });

  it("W13: a same-named style already in the document keeps its definition, and the fonts still apply", async () => {
    const { fake, host } = setup(["已有段落"]);
    fake.defineStyle({ name: "正文", font: { name: "宋体", nameFarEast: "宋体", size: 12 }, paragraphFormat: { firstLineIndent: 0 } });
    fake.defineStyle({ name: "一级标题", font: { name: "宋体", nameFarEast: "宋体", size: 12, bold: true }, paragraphFormat: {} });
    await host.insertParagraphs(skeleton);
    expect(fake.styles.get("正文")!.font.nameFarEast).toBe("宋体");
    const back = await readBack(host, 1);
    expect(back.map((p) => p.runs[0].fontEastAsia)).toEqual(EA);
    expect(back[2].runs[0].sizePt).toBe(16);
    expect(back[3].runs[0]).toMatchObject({ bold: false, sizePt: 16 });
    expect(back[2].firstLineIndentPt).toBe(32);
  });

  it("W13: fills an empty cursor paragraph with the package", async () => {
    const { fake, host } = setup([""]);
    await host.insertParagraphs(skeleton.slice(0, 4));
    expect(fake.texts).toEqual(skeleton.slice(0, 4).map((s) => s.text));
    expect(fake.para(3)).toMatchObject({ outlineLevel: 1 });
    const doc = await host.readDocument();
    expect(doc.paragraphs.map((p) => p.runs[0].fontEastAsia)).toEqual(EA.slice(0, 4));
  });

  it("W15: creates the styles through the styles API once and inserts the paragraphs as OOXML", async () => {
    const { fake, host } = setup(["已有段落"], { sets: W15 });
    await host.insertParagraphs(skeleton);
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.stylesAdded).toBe(6);
    expect(fake.insertedOoxml).toHaveLength(1);
    expect(fake.styles.get("二级标题")).toMatchObject({ font: { name: "楷体_GB2312", size: 16 }, paragraphFormat: { outlineLevel: "OutlineLevel2", lineSpacing: 28.95 } });
    // No WordApiDesktop 1.3: the style has no East Asian font of its own; the paragraphs carry it.
    expect(fake.styles.get("二级标题")!.font.nameFarEast).toBeUndefined();
    const back = await readBack(host, 1);
    expect(back.map((p) => p.runs[0].fontEastAsia)).toEqual(EA);
    expect(fake.paras.slice(1).map((p) => p.style)).toEqual(STYLES);
    fake.placeCursor(skeleton.length);
    await host.insertParagraphs([{ text: "三、加强领导", role: "level1" }]);
    expect(fake.stylesAdded).toBe(6);
    expect(fake.texts[skeleton.length + 1]).toBe("三、加强领导");
  });

  it("W15 with WordApiDesktop 1.3: sets the East Asian font through the API, no OOXML", async () => {
    const { fake, host } = setup(["已有段落"], { sets: { WordApi: "1.5", WordApiDesktop: "1.3" } });
    await host.insertParagraphs(skeleton);
    expect(fake.insertedOoxml).toHaveLength(0);
    expect(fake.styles.get("一级标题")!.font.nameFarEast).toBe("黑体");
    expect(fake.paras.slice(1).map((p) => p.font.nameFarEast)).toEqual(EA);
    const back = await readBack(host, 1);
    expect(back.map((p) => p.runs[0].fontEastAsia)).toEqual(EA);
  });
});

describe("applyFixes: 一键排版 format edits", () => {
  const ROLE = {
    level1: { fontEastAsia: "黑体", sizePt: 16, bold: false, alignment: "justify", firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28.95 }, outlineLevel: 0 },
    body: { fontEastAsia: "仿宋_GB2312", sizePt: 16, bold: false, alignment: "justify", firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28.95 } },
  } as const;

  function planFor(texts: string[]): Fix {
    return {
      description: "一键排版",
      format: texts.map((t, i) => ({ paragraph: i, set: /^[一二三四五六七八九十]、/.test(t) ? { ...ROLE.level1 } : { ...ROLE.body } })),
    };
  }

  it("formats 2,000 paragraphs by level in at most three syncs, texts unchanged", async () => {
    const texts = speech(2000);
    const { fake, host } = setup(texts.map((text) => ({ text, font: { name: "宋体", size: 12 }, alignment: "Left", lineSpacing: 12 })));
    const doc = await host.readDocument();
    const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
    const before = [...fake.texts];
    fake.syncs = 0;
    const r = await host.applyFixes([planFor(texts)], expected);
    expect(r).toEqual({ applied: 1, stale: 0 });
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.texts).toEqual(before);
    expect(fake.para(0)).toMatchObject({ outlineLevel: 1, firstLineIndent: 32, lineSpacing: 28.95, alignment: "Justified" });
    expect(fake.para(0).font).toMatchObject({ name: "黑体", size: 16, bold: false });
    expect(fake.para(1999)).toMatchObject({ outlineLevel: 10, firstLineIndent: 32, lineSpacing: 28.95 });
    expect(fake.para(1999).font).toMatchObject({ name: "仿宋_GB2312", size: 16 });
  });

  /** A document that already uses our named styles (as after a skeleton was inserted). */
  function styledDoc(sets: Record<string, string>, extra: ParaInit[] = []) {
    const { fake, host } = setup(
      [
        { text: "一、统一思想", style: "一级标题", font: { name: "黑体", nameFarEast: "黑体" }, outlineLevel: 1 },
        { text: "已排好的正文。", style: "正文" },
        { text: "宋体的正文，要改成仿宋。", font: { name: "Times New Roman", nameFarEast: "宋体", size: 12 } },
        { text: "整段斜体的正文。", font: { name: "Times New Roman", nameFarEast: "宋体", italic: true, bold: true } },
        ...extra,
      ],
      { sets },
    );
    fake.defineStyle({ name: "一级标题", font: { name: "黑体", nameFarEast: "黑体", size: 16, bold: false }, paragraphFormat: { outlineLevel: "OutlineLevel1" } });
    fake.defineStyle({ name: "正文", font: { name: "仿宋_GB2312", nameFarEast: "仿宋_GB2312", size: 16, bold: false }, paragraphFormat: { firstLineIndent: 32, lineSpacing: 28 } });
    return { fake, host };
  }

  async function formatAll(host: WordDocumentHost, fake: FakeWord, set: (i: number) => Fix["format"] extends (infer E)[] | undefined ? E extends { set: infer S } ? S : never : never) {
    const doc = await host.readDocument();
    const expected = Object.fromEntries(doc.paragraphs.map((p, i) => [i, p.text]));
    const before = [...fake.texts];
    const r = await host.applyFixes([{ description: "一键排版", format: doc.paragraphs.map((_, i) => ({ paragraph: i, set: set(i) })) }], expected);
    expect(fake.texts).toEqual(before);
    return r;
  }

  it("without nameFarEast, applies the named style that carries the East Asian font, then the direct properties", async () => {
    const { fake, host } = styledDoc(W13);
    const r = await formatAll(host, fake, (i) => (i === 0 ? { ...ROLE.level1 } : { ...ROLE.body }));
    expect(r.applied).toBe(1);
    expect(fake.para(2).style).toBe("正文");
    expect(fake.para(2).font).toMatchObject({ nameFarEast: "仿宋_GB2312", size: 16 });
    expect(fake.para(0).style).toBe("一级标题");
    const doc = await host.readDocument();
    expect(doc.paragraphs.map((p) => p.runs[0].fontEastAsia)).toEqual(["黑体", "仿宋_GB2312", "仿宋_GB2312", "仿宋_GB2312"]);
  });

  it("keeps whole-paragraph italic through the style change, and bold unless the patch sets it", async () => {
    const { fake, host } = styledDoc(W13);
    await formatAll(host, fake, () => ({ fontEastAsia: "仿宋_GB2312", sizePt: 16 }));
    expect(fake.para(3).style).toBe("正文");
    expect(fake.para(3).font).toMatchObject({ italic: true, bold: true, nameFarEast: "仿宋_GB2312" });
    await formatAll(host, fake, () => ({ ...ROLE.body }));
    expect(fake.para(3).font).toMatchObject({ italic: true, bold: false });
  });

  it("does not apply a style to a list item, nor a style that is numbered, nor one the document does not have", async () => {
    const { fake, host } = styledDoc(W13, [{ text: "自动编号的段落", listString: "1.", font: { name: "Times New Roman", nameFarEast: "宋体" } }]);
    await formatAll(host, fake, () => ({ ...ROLE.body }));
    expect(fake.para(4).style).toBe("Normal");
    expect(fake.para(4).font.name).toBe("仿宋_GB2312");
    expect(fake.para(4).listString).toBe("1.");

    // 正文 in use by a numbered paragraph: applying it could add a number.
    const numbered = styledDoc(W13, [{ text: "带编号的正文", style: "正文", listString: "（1）" }]);
    await formatAll(numbered.host, numbered.fake, () => ({ ...ROLE.body }));
    expect(numbered.fake.para(2).style).toBe("Normal");

    // A fresh document: no named style to apply (setting one would fail the whole batch).
    const fresh = setup([{ text: "正文", font: { name: "Times New Roman", nameFarEast: "宋体" } }]);
    const r = await formatAll(fresh.host, fresh.fake, () => ({ ...ROLE.body }));
    expect(r.applied).toBe(1);
    expect(fresh.fake.para(0).style).toBe("Normal");
    expect(fresh.fake.para(0).font).toMatchObject({ name: "仿宋_GB2312", nameFarEast: "宋体" }); // the API cannot do more
  });

  it("does not apply a heading style for a patch without an outline level", async () => {
    const { fake, host } = styledDoc(W13);
    await formatAll(host, fake, () => ({ fontEastAsia: "黑体", sizePt: 16 }));
    expect(fake.para(2).style).toBe("Normal");
    expect(fake.para(2).outlineLevel).toBe(10);
  });

  it("with nameFarEast sets the East Asian font directly and leaves styles alone", async () => {
    const { fake, host } = styledDoc({ WordApi: "1.3", WordApiDesktop: "1.3" });
    await formatAll(host, fake, () => ({ ...ROLE.body }));
    expect(fake.para(2).style).toBe("Normal");
    expect(fake.para(2).font).toMatchObject({ name: "Times New Roman", nameFarEast: "仿宋_GB2312", size: 16 });
  });
});

describe("readCursor: selectionEnd", () => {
  it("gives the model index of the last selected paragraph, in one sync", async () => {
    const { fake, host } = setup(["一、总体要求", "正文一", { text: "框", textBox: true }, "正文二", "正文三"]);
    await host.readDocument();
    fake.setSelection(fake.paras[1], 1, fake.paras[3], 2);
    fake.syncs = 0;
    const c = await host.readCursor();
    expect(fake.syncs).toBe(1);
    expect(c).toEqual({ paragraph: 1, text: "正文一", selectionEnd: 2, heading: { paragraph: 0, text: "一、总体要求", level: 1 }, part: "section" });
    fake.setSelection(fake.paras[3], 0, fake.paras[4], 3);
    expect(await host.readCursor()).toMatchObject({ paragraph: 2, selectionEnd: 3 });
    fake.placeCursor(4, 1);
    expect(await host.readCursor()).toMatchObject({ paragraph: 3, selectionEnd: 3 });
  });
});

describe("applyFixes: ranged format edits (run-in headings)", () => {
  const TEXT = "（一）加强学习。要认真学习有关文件精神。";
  const plan = (): Fix => ({
    description: "一键排版",
    format: [
      { paragraph: 0, set: { fontEastAsia: "仿宋_GB2312", fontLatin: "Times New Roman", sizePt: 16, alignment: "justify", firstLineIndentChars: 2 } },
      { paragraph: 0, start: 0, end: 8, set: { fontEastAsia: "楷体_GB2312", fontLatin: "Times New Roman", sizePt: 16, alignment: "center" } },
    ],
  });

  it("with nameFarEast: the heading sentence in the heading font, the rest in the body font, text unchanged", async () => {
    const { fake, host } = setup([{ text: TEXT, font: { name: "Arial", nameFarEast: "宋体", size: 12 } }], { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } });
    await host.readDocument();
    fake.syncs = 0;
    expect(await host.applyFixes([plan()], { 0: TEXT })).toEqual({ applied: 1, stale: 0 });
    expect(fake.syncs).toBeLessThanOrEqual(3);
    expect(fake.texts).toEqual([TEXT]);
    expect(fake.runsOf(0).map((r) => [r.text, r.font.nameFarEast, r.font.name, r.font.size])).toEqual([
      ["（一）加强学习。", "楷体_GB2312", "Times New Roman", 16],
      ["要认真学习有关文件精神。", "仿宋_GB2312", "Times New Roman", 16],
    ]);
    // A ranged edit sets character formatting only: the paragraph stays justified.
    expect(fake.para(0).alignment).toBe("Justified");
    const back = await host.readDocument();
    expect(back.paragraphs[0].runs.map((r) => [r.text, r.fontEastAsia])).toEqual([
      ["（一）加强学习。", "楷体_GB2312"],
      ["要认真学习有关文件精神。", "仿宋_GB2312"],
    ]);
  });

  it("without nameFarEast: the one font name carries the East Asian font of each part", async () => {
    const { fake, host } = setup([{ text: TEXT, font: { name: "宋体", size: 12 } }]);
    await host.readDocument();
    expect(await host.applyFixes([plan()], { 0: TEXT })).toEqual({ applied: 1, stale: 0 });
    expect(fake.runsOf(0).map((r) => [r.text, r.font.name])).toEqual([
      ["（一）加强学习。", "楷体_GB2312"],
      ["要认真学习有关文件精神。", "仿宋_GB2312"],
    ]);
  });

  it("a range no longer where it was is left alone; the rest of the plan still applies", async () => {
    const { fake, host } = setup([{ text: TEXT, font: { name: "宋体", size: 12 } }]);
    await host.readDocument();
    const fix = plan();
    fix.format![1] = { ...fix.format![1], start: 30, end: 40 };
    expect(await host.applyFixes([fix], { 0: TEXT })).toEqual({ applied: 1, stale: 0 });
    expect(fake.runsOf(0).map((r) => [r.text, r.font.name])).toEqual([[TEXT, "仿宋_GB2312"]]);
  });
});
