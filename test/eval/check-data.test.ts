/**
 * Validates the annotated evaluation set for `biganzi check` (test/eval/check/*.json).
 * It checks the data only, never the checker's scores: scores are measured by
 * `npm run eval` (scripts/eval-check.js) and move as rules change.
 */
import * as fs from "fs";
import * as path from "path";

interface Fault {
  paragraph: number;
  start: number;
  end: number;
  cls: string;
  text: string;
}
interface EvalCheck {
  parseAnnotated(t: string): { text: string; paragraphs: string[]; faults: Fault[] };
  CLASSES: string[];
  matches(finding: { paragraph: number; start: number; end: number }, fault: Fault): boolean;
}
interface Case {
  id: string;
  source: string;
  profile: string;
  text: string;
  faults: string[];
}

// The scorer is a plain Node script (run by `npm run eval`); the test reads the same parser.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const evalCheck = require("../../scripts/eval-check.js") as EvalCheck;
const { parseAnnotated, CLASSES, matches } = evalCheck;

const dir = path.join(__dirname, "check");
const load = (name: string): Case[] => JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8")) as Case[];
const dev = load("dev");
const heldout = load("heldout");
const all = [...dev, ...heldout];

describe("evaluation set for the checker", () => {
  it("has well-formed cases whose markup parses and whose fault list matches it", () => {
    for (const c of all) {
      expect(typeof c.id).toBe("string");
      expect(c.id).toMatch(/^[a-z0-9][a-z0-9.-]*$/);
      expect(["speech", "gongwen"]).toContain(c.profile);
      expect(c.source.length).toBeGreaterThan(0);
      const parsed = parseAnnotated(c.text);
      expect(parsed.text).not.toMatch(/[⟦⟧]/);
      expect(parsed.faults.map((f) => f.cls)).toEqual(c.faults);
      for (const f of parsed.faults) {
        expect(CLASSES).toContain(f.cls);
        expect(f.end).toBeLessThanOrEqual(parsed.paragraphs[f.paragraph].length);
        expect(parsed.paragraphs[f.paragraph].slice(f.start, f.end)).toBe(f.text);
      }
      // One paragraph a line, as docFromText splits it: no empty paragraphs, no CR.
      expect(parsed.paragraphs.every((p) => p.length > 0)).toBe(true);
      expect(parsed.text).not.toMatch(/\r/);
    }
  });

  it("holds at least 300 faults, at least 15 of every class, and at least 100 trap paragraphs", () => {
    const byClass: Record<string, number> = {};
    for (const c of all) for (const k of c.faults) byClass[k] = (byClass[k] ?? 0) + 1;
    expect(all.reduce((n, c) => n + c.faults.length, 0)).toBeGreaterThanOrEqual(300);
    for (const k of CLASSES) expect([k, (byClass[k] ?? 0) >= 15]).toEqual([k, true]);
    const trapParagraphs = all.filter((c) => c.faults.length === 0).reduce((n, c) => n + c.text.split("\n").length, 0);
    expect(trapParagraphs).toBeGreaterThanOrEqual(100);
  });

  it("keeps dev and heldout apart, each with every class and some traps, about 60/40 by case", () => {
    const devIds = new Set(dev.map((c) => c.id));
    expect(devIds.size).toBe(dev.length);
    expect(new Set(heldout.map((c) => c.id)).size).toBe(heldout.length);
    for (const c of heldout) expect(devIds.has(c.id)).toBe(false);
    for (const split of [dev, heldout]) {
      const seen = new Set(split.flatMap((c) => c.faults));
      for (const k of CLASSES) expect([k, seen.has(k)]).toEqual([k, true]);
      expect(split.some((c) => c.faults.length === 0)).toBe(true);
    }
    const share = dev.length / all.length;
    expect(share).toBeGreaterThan(0.5);
    expect(share).toBeLessThan(0.7);
  });

  it("parses the markup of the scorer as documented", () => {
    const p = parseAnnotated("⟦|speech-structure⟧今天开会⟦,|halfwidth⟧大家好。\n共⟦1 2|numbers⟧起");
    expect(p.text).toBe("今天开会,大家好。\n共1 2起");
    expect(p.faults).toEqual([
      { paragraph: 0, start: 0, end: 0, cls: "speech-structure", text: "" },
      { paragraph: 0, start: 4, end: 5, cls: "halfwidth", text: "," },
      { paragraph: 1, start: 1, end: 4, cls: "numbers", text: "1 2" },
    ]);
    expect(() => parseAnnotated("⟦a⟦b|x⟧|y⟧")).toThrow();
    expect(() => parseAnnotated("⟦ab")).toThrow();
    expect(() => parseAnnotated("a⟧")).toThrow();
    expect(() => parseAnnotated("⟦a\nb|whitespace⟧")).toThrow();
  });

  it("matches findings to faults by paragraph and overlap, points by ±1, document-level classes by paragraph", () => {
    const span: Fault = { paragraph: 1, start: 4, end: 6, cls: "halfwidth", text: ",," };
    expect(matches({ paragraph: 1, start: 5, end: 9 }, span)).toBe(true);
    expect(matches({ paragraph: 1, start: 6, end: 9 }, span)).toBe(false);
    expect(matches({ paragraph: 0, start: 4, end: 6 }, span)).toBe(false);
    const point: Fault = { paragraph: 0, start: 3, end: 3, cls: "debris", text: "" };
    expect(matches({ paragraph: 0, start: 4, end: 5 }, point)).toBe(true);
    expect(matches({ paragraph: 0, start: 5, end: 7 }, point)).toBe(false);
    const doc: Fault = { paragraph: 2, start: 0, end: 0, cls: "promised-count", text: "" };
    expect(matches({ paragraph: 2, start: 10, end: 14 }, doc)).toBe(true);
    expect(matches({ paragraph: 3, start: 0, end: 2 }, doc)).toBe(false);
  });
});
