/**
 * The learned half of the theme lexicon (src/core/phrases/lexicon.ts), grown from real headings
 * labelled by hand in scripts/phrase-lexicon/labels.tsv by scripts/build-phrase-lexicon.js.
 */
import * as crypto from "crypto";
import * as fs from "fs";
import { LEARNED_LEXICON } from "../../../src/core/phrases/lexicon";
import { headingThemes, learnedThemes, topThemes } from "../../../src/core/phrases/themes";
import { THEMES, type Theme } from "../../../src/core/phrases/types";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const builder = require("../../../scripts/build-phrase-lexicon.js") as {
  readLabels(): Array<{ heading: string; themes: string[] }>;
  build(labels: Array<{ heading: string; themes: string[] }>): string[];
  render(rows: string[], n: number): string;
  OUT: string;
};
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { isDevSide } = require("../../../scripts/phrase-lexicon/extract.js") as { isDevSide(h: string): boolean };

const labels = builder.readLabels();

describe("the labelled headings", () => {
  it("are many, each with 1–3 known themes", () => {
    expect(labels.length).toBeGreaterThanOrEqual(800);
    for (const l of labels) {
      expect(l.themes.length).toBeGreaterThanOrEqual(1);
      expect(l.themes.length).toBeLessThanOrEqual(3);
      for (const t of l.themes) expect(THEMES).toContain(t);
    }
  });

  it("are all on the dev side of the split (sha1 starts with 0–9): none can be a test heading", () => {
    const sha = (h: string) => crypto.createHash("sha1").update(h, "utf8").digest("hex");
    const wrong = labels.filter((l) => !/^[0-9]/.test(sha(l.heading))).map((l) => l.heading);
    expect(wrong).toEqual([]);
    expect(isDevSide("2021年工作的总体要求")).toBe(/^[0-9]/.test(sha("2021年工作的总体要求")));
  });
});

describe("lexicon.ts", () => {
  it("is what the labels give (run node scripts/build-phrase-lexicon.js after changing them)", () => {
    expect(fs.readFileSync(builder.OUT, "utf8")).toBe(builder.render(builder.build(labels), labels.length));
  });

  it("rows are well formed: a run of 2–4 characters, then theme:weight cells", () => {
    const rows = LEARNED_LEXICON.split("\n");
    expect(rows.length).toBeGreaterThan(500);
    for (const row of rows) expect(row).toMatch(/^[\u3400-\u9fff]{2,4} (?:\d{1,2}:\d{1,3})(?:,\d{1,2}:\d{1,3})*$/);
  });
});

describe("learnedThemes / headingThemes", () => {
  const main = (h: string) => topThemes(headingThemes(h), 0.99)[0];

  it.each<[string, Theme[]]>([
    // Headings of the kinds the reports have, none of them in the labels.
    ["深化县域医疗卫生体制改革", ["创新"]],
    ["加强基层党组织建设", ["队伍建设"]],
    ["持续深化作风建设", ["作风"]],
    ["过去五年的主要工作成绩", ["成绩"]],
    ["切实保障和改善民生", ["服务"]],
    ["坚定不移推进全面从严治党", ["廉洁", "政治"]],
    // The three headings quoted in issue #11.
    ["进一步增强纪律意识", ["廉洁", "作风"]],
    ["要有钉钉子精神", ["作风"]],
    ["2021年工作的总体要求", ["形势"]],
  ])("「%s」→ %s", (heading, themes) => {
    expect(themes).toContain(main(heading));
  });

  it("never throws and is linear: odd and long input", () => {
    for (const s of ["", "，。", "abc", "\ud800改革", "改革创新".repeat(50000)]) {
      const w = learnedThemes(s);
      expect(w).toHaveLength(THEMES.length);
      for (const x of headingThemes(s)) expect(Number.isFinite(x)).toBe(true);
    }
  });
});
