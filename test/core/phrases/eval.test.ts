/**
 * The ranking on the real library, scored against test/phrases/eval.json (headings from the seed
 * speeches and our own, each with the themes a good suggestion has).
 */
import * as fs from "fs";
import * as path from "path";
import { evaluate, precisionAtK, type EvalCase } from "../../../src/core/phrases/evaluate";
import { analyzeQuery, type Suggestion } from "../../../src/core/phrases";
import { loadLibrary } from "../../../src/core/phrases/library";
import { THEMES, type PhraseEntry, type Theme } from "../../../src/core/phrases/types";
import { FIXTURE } from "./fixture";

const cases: EvalCase[] = JSON.parse(fs.readFileSync(path.join(__dirname, "..", "..", "phrases", "eval.json"), "utf8"));
const library = loadLibrary();

describe("the evaluation set", () => {
  it("has at least 60 headings, each with 1–3 valid themes", () => {
    expect(cases.length).toBeGreaterThanOrEqual(60);
    expect(new Set(cases.map((c) => c.heading)).size).toBe(cases.length);
    for (const c of cases) {
      expect(typeof c.heading).toBe("string");
      expect(c.themes.length).toBeGreaterThanOrEqual(1);
      expect(c.themes.length).toBeLessThanOrEqual(3);
      for (const t of c.themes) expect(THEMES).toContain(t);
    }
  });

  it("covers every theme and heading levels 1–3", () => {
    const themes = new Set(cases.flatMap((c) => c.themes));
    expect([...THEMES].filter((t) => !themes.has(t))).toEqual([]);
    const levels = new Set(cases.map((c) => analyzeQuery(c).level));
    for (const l of [1, 2, 3]) expect(levels).toContain(l);
  });
});

describe("precisionAtK", () => {
  const s = (themes: Theme[]): Suggestion => ({ entry: { id: "x", text: "x", kind: "正文", themes } as PhraseEntry, score: 1 });
  it("counts suggestions whose themes meet the expected ones, over k", () => {
    const list = [s(["作风"]), s(["保密", "作风"]), s(["学习"]), s(["落实"]), s(["作风", "落实"])];
    expect(precisionAtK(list, ["作风"], 5)).toBeCloseTo(3 / 5);
    expect(precisionAtK(list, ["作风", "学习"], 5)).toBeCloseTo(4 / 5);
    expect(precisionAtK(list.slice(0, 2), ["作风"], 5)).toBeCloseTo(2 / 5); // missing suggestions count as misses
    expect(precisionAtK(list, ["廉洁"], 5)).toBe(0);
    expect(precisionAtK(list, ["作风"], 0)).toBe(0);
  });

  it("evaluate averages over the cases", () => {
    const r = evaluate(FIXTURE, [
      { heading: "一、严守保密纪律", themes: ["保密"] },
      { heading: "一、严守保密纪律", themes: ["廉洁"] },
    ]);
    expect(r.cases[0].precision).toBeGreaterThan(0.5);
    expect(r.cases[1].precision).toBeLessThan(0.5);
    expect(r.meanPrecision).toBeCloseTo((r.cases[0].precision + r.cases[1].precision) / 2);
  });
});

describe("precision@5 on the real library", () => {
  const result = evaluate(library, cases);

  it("runs on whatever the library holds", () => {
    expect(Number.isFinite(result.meanPrecision)).toBe(true);
    expect(result.cases).toHaveLength(cases.length);
  });

  (library.length >= 1500 ? it : it.skip)("is at least 0.8 with the full library (≥ 1,500 entries)", () => {
    const weak = result.cases.filter((c) => c.precision < 0.6).map((c) => `${c.precision.toFixed(1)} ${c.heading}`);
    // The weak cases are listed in the failure message to help tune.
    expect({ p5: result.meanPrecision >= 0.8, weak }).toEqual({ p5: true, weak: expect.any(Array) });
  });
});

describe("headings of other offices and of the shapes named in issue #11 (real library)", () => {
  const big = library.length >= 4000 ? it.each : it.skip.each;
  big<[string, Theme[]]>([
    ["进一步增强纪律意识", ["廉洁", "作风"]],
    ["要有钉钉子精神", ["作风"]],
    ["2021年工作的总体要求", ["形势", "落实"]],
    ["增强大局意识", ["政治"]],
    ["全县教育事业迈上新台阶", ["成绩"]],
    ["主要经济指标走在全市前列", ["成绩"]],
    ["实施义务教育薄弱环节改善工程", ["落实"]],
    ["开展安全生产隐患排查整治行动", ["落实", "问题"]],
    ["坚持把安全生产放在首位", ["重要性"]],
    ["加强乡村教师队伍建设", ["队伍建设"]],
  ])("「%s」: at least four of the top five carry %s", (heading, themes) => {
    const r = evaluate(library, [{ heading, themes }]);
    expect(r.cases[0].precision).toBeGreaterThanOrEqual(0.8);
  });

  (library.length >= 4000 ? it : it.skip)("a closing paragraph gets closing phrases", () => {
    const r = evaluate(library, [{ heading: "同志们，教育是国之大计、党之大计", themes: ["结尾"], part: "closing" }]);
    expect(r.cases[0].precision).toBe(1);
    expect(r.cases[0].suggestions.every((s) => s.entry.kind === "结尾")).toBe(true);
  });
});

// The dev half of the held-out set (test/eval/phrases/dev.json, issue #11): tuned on, so a floor
// here guards against regressions. The test half is never read by tests; bench/phrases.js reports it.
const devFile = path.join(__dirname, "..", "..", "eval", "phrases", "dev.json");
(fs.existsSync(devFile) && library.length >= 4000 ? describe : describe.skip)("precision@5 on the dev headings", () => {
  it("is at least 0.85", () => {
    const dev: EvalCase[] = JSON.parse(fs.readFileSync(devFile, "utf8"));
    expect(dev.length).toBeGreaterThanOrEqual(150);
    expect(evaluate(library, dev).meanPrecision).toBeGreaterThanOrEqual(0.85);
  });
});
