/**
 * The round-trip budget: every action the taskpane takes costs the same, small number of
 * context.sync() calls for a 10- and a 2,000-paragraph document. The counts are written to
 * test-output/syncs.json, which `npm run bench` reports as maxSyncs.
 */
import * as fs from "fs";
import * as path from "path";
import { check } from "../../src/core/engine";
import type { Fix } from "../../src/core/edits";
import { buildOutline } from "../../src/core/numbering";
import { formatPlan } from "../../src/core/outline";
import { speechProfile } from "../../src/core/profiles";
import { WordDocumentHost } from "../../src/office/wordHost";
import { sectionsOf } from "./fakeSections";
import { FakeWord } from "./fakeWord";

const SIZES = [10, 2000] as const;
const BUDGET = 3;

function draft(n: number): string[] {
  const out = ["在全市办公室工作会议上的讲话", "同志们:"];
  for (let i = 2; i < n; i++) {
    if (i % 20 === 2) out.push(`${"一二三四五六七八九"[((i - 2) / 20) % 9]}、第${i}部分`);
    // A run-in heading: 一键排版 sets its heading sentence apart (a search and a range font).
    else if (i % 20 === 7) out.push(`（一）第${i}项工作。要抓好落实,确保见效。`);
    else out.push(`第${i}段要抓好落实,确保见效,立即处臵。`);
  }
  return out.slice(0, n);
}

type Action = (host: WordDocumentHost, fake: FakeWord) => Promise<unknown>;

const ACTIONS: Record<string, Action> = {
  readDocument: (h) => h.readDocument(),
  "readDocument (fallback without OOXML)": (h) => h.readDocument(),
  select: async (h) => {
    await h.readDocument();
    return h.select(3, 3, 4);
  },
  applyAllFixes: async (h) => {
    const doc = await h.readDocument();
    const fixes: Fix[] = check(doc).flatMap((f) => (f.fix?.text ? [f.fix] : []));
    const expected: Record<number, string> = {};
    for (const p of doc.paragraphs) expected[p.index] = p.text;
    return h.applyFixes(fixes, expected);
  },
  // 一键排版: a format edit on every paragraph (fonts incl. East Asian, size, indent, spacing, level).
  formatAll: async (h) => {
    const doc = await h.readDocument();
    const expected: Record<number, string> = {};
    for (const p of doc.paragraphs) expected[p.index] = p.text;
    const fixes: Fix[] = doc.paragraphs.map((p) => ({
      description: "一键排版",
      format: [
        {
          paragraph: p.index,
          set: /^[一二三四五六七八九]、/.test(p.text)
            ? { fontEastAsia: "黑体", sizePt: 16, bold: false, firstLineIndentChars: 2, lineSpacing: { rule: "exact", value: 28 }, outlineLevel: 0 }
            : { fontEastAsia: "仿宋_GB2312", sizePt: 16, firstLineIndentChars: 2, alignment: "justify", lineSpacing: { rule: "exact", value: 28 } },
        },
      ],
    }));
    return h.applyFixes(fixes, expected);
  },
  // 一键排版 as the 大纲 tab runs it: the plan by detected role, run-in headings set in two parts.
  formatPlan: async (h) => {
    const doc = await h.readDocument();
    const expected: Record<number, string> = {};
    for (const p of doc.paragraphs) expected[p.index] = p.text;
    const plan = formatPlan(doc, buildOutline(doc), speechProfile().format);
    expect(plan.some((e) => e.start !== undefined)).toBe(true);
    return h.applyFixes([{ description: "一键排版", format: plan }], expected);
  },
  // 撤销 after each: only the undo is counted (the harness takes off one read, made again here).
  undoAllFixes: async (h, f) => {
    await ACTIONS.applyAllFixes(h, f);
    f.syncs = 0;
    await h.readDocument();
    return h.undo();
  },
  // 撤销排版 also takes back the page numbers 一键排版 wrote into the footer, in the same syncs.
  undoFormatPlan: async (h, f) => {
    await ACTIONS.formatPlan(h, f);
    const footer = sectionsOf(f)[0].footers.Primary;
    expect(footer.text).not.toBe("");
    f.syncs = 0;
    await h.readDocument();
    const result = await h.undo();
    expect(footer.text).toBe("");
    return result;
  },
  insertSkeleton: (h) =>
    h.insertParagraphs([
      { text: "在〔会议名称〕上的讲话", role: "title" },
      { text: "同志们：", role: "salutation" },
      { text: "下面，我讲两点意见。", role: "body" },
      { text: "一、〔标题〕", role: "level1" },
      { text: "（一）〔标题〕", role: "level2" },
      { text: "二、〔标题〕", role: "level1" },
    ]),
  readCursor: async (h, f) => {
    await h.readDocument();
    f.placeCursor(f.paras.length - 1);
    return h.readCursor();
  },
  insertPhrase: async (h, f) => {
    f.placeCursor(f.paras.length - 1, 1);
    return h.insertPhrase("要把任务分解到岗、责任落实到人。");
  },
  addComments: async (h) => {
    const doc = await h.readDocument();
    return h.addComments(check(doc).slice(0, 50));
  },
};

const counts: Record<string, Record<number, number>> = {};

afterEach(() => FakeWord.uninstall());

afterAll(() => {
  const out = path.join(__dirname, "..", "..", "test-output");
  fs.mkdirSync(out, { recursive: true });
  const maxSyncs = Math.max(...Object.values(counts).flatMap((c) => Object.values(c)));
  fs.writeFileSync(path.join(out, "syncs.json"), JSON.stringify({ maxSyncs, budget: BUDGET, sizes: SIZES, actions: counts }, null, 2));
});

describe.each(Object.keys(ACTIONS))("%s", (name) => {
  it(`costs at most ${BUDGET} syncs, the same for ${SIZES.join(" and ")} paragraphs`, async () => {
    const seen: number[] = [];
    for (const n of SIZES) {
      // Actions that first read the document: the read is counted on its own.
      const readsFirst = !name.startsWith("readDocument") && name !== "insertSkeleton";
      const readCost = readsFirst ? await readCostOf(n) : 0;
      const fake = new FakeWord(draft(n), {
        sets: { WordApi: "1.5" },
        ...(name.includes("fallback") ? { ooxmlError: "ResponsePayloadSizeLimitExceeded" } : {}),
      });
      fake.install();
      const result = await ACTIONS[name](new WordDocumentHost({ debounceMs: 0 }), fake);
      if (name === "applyAllFixes") expect((result as { applied: number }).applied).toBeGreaterThan(n / 2);
      if (name === "formatAll") expect(result).toEqual({ applied: n, stale: 0 });
      if (name === "formatPlan") expect(result).toEqual({ applied: 1, stale: 0 });
      seen.push(fake.syncs - readCost);
      FakeWord.uninstall();
    }
    counts[name] = Object.fromEntries(SIZES.map((n, i) => [n, seen[i]]));
    expect(seen[0]).toBe(seen[1]);
    for (const s of seen) {
      expect(s).toBeGreaterThan(0);
      expect(s).toBeLessThanOrEqual(BUDGET);
    }
  });
});

async function readCostOf(n: number): Promise<number> {
  const fake = new FakeWord(draft(n), { sets: { WordApi: "1.5" } });
  fake.install();
  await new WordDocumentHost({ debounceMs: 0 }).readDocument();
  FakeWord.uninstall();
  return fake.syncs;
}
