/**
 * 撤销 in Word through the strict fake: the round trips it costs, 撤销排版 restoring formatting with
 * and without the East Asian font API, what it leaves alone, and the pure edit inversion.
 */
import { check } from "../../src/core/engine";
import type { Fix } from "../../src/core/edits";
import { undoRefusal } from "../../src/core/host";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { speechProfile } from "../../src/core/profiles";
import { diffEdit, inverseEdits } from "../../src/office/undo";
import { WordDocumentHost } from "../../src/office/wordHost";
import { FakeWord, type FakeOptions, type ParaInit } from "./fakeWord";

afterEach(() => FakeWord.uninstall());

function setup(paras: Array<ParaInit | string>, options: FakeOptions = { sets: { WordApi: "1.3" } }) {
  const fake = new FakeWord(paras, options);
  fake.install();
  return { fake, host: new WordDocumentHost({ debounceMs: 0 }) };
}

function draft(n: number): string[] {
  const out = ["在全市办公室工作会议上的讲话", "同志们:"];
  for (let i = 2; i < n; i++) {
    if (i % 20 === 2) out.push(`${"一二三四五六七八九"[((i - 2) / 20) % 9]}、第${i}部分`);
    else if (i % 20 === 7) out.push(`（一）第${i}项工作。要抓好落实,确保见效。`);
    else out.push(`第${i}段要抓好落实,确保见效,立即处臵。`);
  }
  return out.slice(0, Math.max(1, n));
}

const expectedAll = (texts: string[]) => Object.fromEntries(texts.map((t, i) => [i, t]));

/** Every property 一键排版 may set, per paragraph, and the runs as getOoxml would write them. */
function formattingOf(fake: FakeWord) {
  return fake.paras.map((p, i) => ({
    style: p.style,
    alignment: p.alignment,
    firstLineIndent: p.firstLineIndent,
    rightIndent: p.rightIndent,
    lineSpacing: p.lineSpacing,
    outlineLevel: p.outlineLevel,
    runs: fake.runsOf(i),
  }));
}

describe("撤销 costs a constant number of syncs", () => {
  it.each([
    ["all fixes", "fix"],
    ["一键排版", "format"],
  ] as const)("after %s: the same for 1 and 500 paragraphs, at most 3", async (_n, kind) => {
    const seen: number[] = [];
    for (const n of [1, 500]) {
      // One paragraph: for 一键排版 a run-in heading, whose heading sentence is formatted (and restored) as a part.
      const texts = n > 1 ? draft(n) : kind === "fix" ? ["第一段要抓好落实,确保见效,立即处臵。"] : ["（一）第一项工作。要抓好落实，确保见效。"];
      const { fake, host } = setup(texts, { sets: { WordApi: "1.5" } });
      const doc = await host.readDocument();
      if (kind === "fix") {
        const fixes: Fix[] = check(doc).flatMap((f) => (f.fix?.text ? [f.fix] : []));
        const r = await host.applyFixes(fixes, expectedAll(texts));
        expect(r.applied).toBeGreaterThan(0);
      } else {
        const plan = formatPlan(doc, buildOutline(doc), speechProfile().format);
        await host.applyFixes([{ description: "一键排版", format: plan }], expectedAll(texts), { undoLabel: "一键排版" });
      }
      const before = fake.syncs;
      const u = await host.undo();
      expect(u.skipped).toBe(0);
      seen.push(fake.syncs - before);
      if (kind === "fix") expect(fake.texts).toEqual(texts);
      FakeWord.uninstall();
    }
    expect(seen[0]).toBe(seen[1]);
    expect(seen[1]).toBeLessThanOrEqual(3);
  });

  it("recording for 撤销 adds no sync to a fix batch", async () => {
    const { fake, host } = setup(["甲,乙"]);
    await host.readDocument();
    const before = fake.syncs;
    await host.applyFixes([{ description: "逗号", text: [{ paragraph: 0, start: 1, end: 2, text: "，" }] }], { 0: "甲,乙" });
    expect(fake.syncs - before).toBe(3);
  });
});

describe("撤销排版", () => {
  it.each([
    ["with Font.nameFarEast (WordApiDesktop 1.3)", { WordApi: "1.3", WordApiDesktop: "1.3" }],
    ["through the one font name (WordApi 1.3)", { WordApi: "1.3" }],
  ])("puts back fonts, size, bold, alignment, indents, spacing and level %s", async (_n, sets) => {
    const texts = draft(30);
    const paras: ParaInit[] = texts.map((text, i) => ({
      text,
      font: { name: i % 3 === 0 ? "楷体_GB2312" : "宋体", size: 12 + (i % 4), bold: i % 5 === 0, italic: i % 7 === 0, ...("WordApiDesktop" in sets ? { nameFarEast: "宋体" } : {}) },
      alignment: i % 2 === 0 ? "Left" : "Right",
      firstLineIndent: i % 3,
      rightIndent: i % 2,
      lineSpacing: 18 + i,
      outlineLevel: 10,
      style: "Normal",
    }));
    const { fake, host } = setup(paras, { sets });
    const was = formattingOf(fake);
    const doc = await host.readDocument();
    const plan = formatPlan(doc, buildOutline(doc), speechProfile().format);
    await host.applyFixes([{ description: "一键排版", format: plan }], expectedAll(texts), { undoLabel: "一键排版" });
    expect(formattingOf(fake)).not.toEqual(was);
    const u = await host.undo();
    expect(u).toMatchObject({ label: "一键排版", skipped: 0 });
    expect(formattingOf(fake)).toEqual(was);
    expect(fake.texts).toEqual(texts);
  });

  it("puts a named style back where 一键排版 applied one", async () => {
    const texts = ["在全市办公室工作会议上的讲话", "同志们：", "一、第一部分", "正文要抓好落实。"];
    const { fake, host } = setup(texts, { sets: { WordApi: "1.5" } });
    // Our styles exist and are in use (a skeleton inserted earlier), so 一键排版 applies them.
    fake.placeCursor(3, texts[3].length);
    await host.insertParagraphs([
      { text: "一、〔标题〕", role: "level1" },
      { text: "正文", role: "body" },
    ]);
    const doc = await host.readDocument();
    const was = formattingOf(fake);
    const plan = formatPlan(doc, buildOutline(doc), speechProfile().format);
    await host.applyFixes([{ description: "一键排版", format: plan }], expectedAll(doc.paragraphs.map((p) => p.text)), { undoLabel: "一键排版" });
    expect(fake.paras.some((p, i) => p.style !== was[i].style)).toBe(true);
    await host.undo();
    expect(formattingOf(fake)).toEqual(was);
  });
});

describe("撤销排版 of a paragraph with mixed formatting", () => {
  it.each([
    ["with Font.nameFarEast", { WordApi: "1.3", WordApiDesktop: "1.3" }],
    ["through the one font name", { WordApi: "1.3" }],
  ])("puts back the runs Word reports as mixed, from the document as last read (%s)", async (_n, sets) => {
    const text = "要加强学习,提高本领";
    const { fake, host } = setup([{ text, font: { name: "宋体", size: 12, ...("WordApiDesktop" in sets ? { nameFarEast: "宋体" } : {}) } }], { sets });
    await host.readDocument();
    // A bold stretch in 黑体 14 pt in the middle of the paragraph: bold, font and size are mixed.
    await host.applyFixes(
      [{ description: "加粗", format: [{ paragraph: 0, start: 2, end: 5, set: { bold: true, fontEastAsia: "黑体", fontLatin: "黑体", sizePt: 14 } }] }],
      { 0: text },
    );
    const was = fake.runsOf(0);
    expect(was.length).toBe(3);
    await host.readDocument();
    await host.applyFixes(
      [{ description: "一键排版", format: [{ paragraph: 0, set: { fontEastAsia: "仿宋_GB2312", fontLatin: "Times New Roman", sizePt: 16, bold: false } }] }],
      { 0: text },
      { undoLabel: "一键排版" },
    );
    expect(fake.runsOf(0).length).toBe(1);
    await host.undo();
    expect(fake.runsOf(0)).toEqual(was);
  });
});

describe("what 撤销 leaves alone", () => {
  it("keeps formatting inside the paragraph that the fix did not touch", async () => {
    const { fake, host } = setup(["要加强学习,提高本领"], { sets: { WordApi: "1.3", WordApiDesktop: "1.3" } });
    await host.readDocument();
    // A bold stretch in the middle of the paragraph (set as a part, as run-in headings are).
    await host.applyFixes([{ description: "加粗", format: [{ paragraph: 0, start: 0, end: 5, set: { bold: true } }] }], { 0: "要加强学习,提高本领" });
    const bold = fake.runsOf(0);
    expect(bold.length).toBe(2);
    await host.applyFixes([{ description: "逗号", text: [{ paragraph: 0, start: 5, end: 6, text: "，" }] }], { 0: "要加强学习,提高本领" });
    await host.undo();
    expect(fake.texts).toEqual(["要加强学习,提高本领"]);
    expect(fake.runsOf(0)).toEqual(bold);
  });

  it("refuses when the clerk added or removed paragraphs since (the indices moved)", async () => {
    const { fake, host } = setup(["甲,乙", "丙"]);
    await host.readDocument();
    await host.applyFixes([{ description: "逗号", text: [{ paragraph: 0, start: 1, end: 2, text: "，" }] }], { 0: "甲,乙" });
    fake.paras.splice(0, 0, fake.paras[1]);
    await expect(host.undo()).rejects.toThrow(undoRefusal("修复 1 处"));
    expect(host.undoLabel).toBeUndefined();
  });

  it("is not offered after the pane inserted paragraphs", async () => {
    const { host } = setup(["甲,乙", "丙"]);
    await host.readDocument();
    await host.applyFixes([{ description: "逗号", text: [{ paragraph: 0, start: 1, end: 2, text: "，" }] }], { 0: "甲,乙" });
    expect(host.undoLabel).toBe("修复 1 处");
    await host.insertParagraphs([{ text: "新段落", role: "body" }]);
    expect(host.undoLabel).toBeUndefined();
  });
});

describe("inverseEdits / diffEdit", () => {
  it("inverts each edit in the after text's offsets", () => {
    const before = "甲,乙  丙";
    const after = "甲，乙丙。";
    const inv = inverseEdits(before, after, [
      { start: 1, end: 2, text: "，" },
      { start: 3, end: 5, text: "" },
      { start: 6, end: 6, text: "。" },
    ]);
    expect(inv).toEqual([
      { start: 1, end: 2, text: "," },
      { start: 3, end: 3, text: "  " },
      { start: 4, end: 5, text: "" },
    ]);
  });

  it("falls back to one edit over the changed middle when Word left something else", () => {
    expect(inverseEdits("abc", "aXYc", [{ start: 1, end: 2, text: "X" }])).toEqual([{ start: 1, end: 3, text: "b" }]);
    expect(diffEdit("same", "same")).toEqual([]);
    expect(diffEdit("", "new")).toEqual([{ start: 0, end: 3, text: "" }]);
    expect(diffEdit("aaa", "aa")).toEqual([{ start: 2, end: 2, text: "a" }]);
  });
});
