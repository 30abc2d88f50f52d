/**
 * The content rules on the five real speeches in test/fixtures/seeds: every finding there is a
 * real fault (checked by hand), and nothing else is reported.
 */
import { readFileSync, readdirSync } from "fs";
import { join } from "path";
import { check } from "../../../../src/core/engine";
import { docFromText } from "../../../../src/core/model";
import { resolveProfile } from "../../../../src/core/profiles";
import { CONTENT_RULES } from "../../../../src/core/rules/content";

const DIR = join(__dirname, "../../../fixtures/seeds");
const files = readdirSync(DIR).filter((f) => f.endsWith(".txt")).sort();
const read = (f: string): string => readFileSync(join(DIR, f), "utf8");

describe("content rules on the seed speeches", () => {
  const found = (prefix: string): string[] => {
    const f = files.find((x) => x.startsWith(prefix));
    if (!f) throw new Error(`seed ${prefix} missing`);
    return check(docFromText(read(f)), { rules: CONTENT_RULES, profile: resolveProfile("gongwen") }).map((x) => `${x.rule}:${x.excerpt}`);
  };

  it("000: 20xx / xx / ×××× / ** placeholders, 的的, 其它, 过份/份量 (异形词整理表: 过分/分量)", () => {
    expect(found("000")).toEqual([
      "placeholder:**",
      "placeholder:20xx",
      "placeholder:20xx",
      "typo:过份",
      "typo:其它",
      "typo:份量",
      "typo:份量",
      "placeholder:xx",
      "typo:其它",
      "typo:其它",
      "placeholder:××××",
      "typo:的的",
    ]);
  });
  it("001: 份量 (异形词整理表: 分量; the watermark garbage is the garbled rule's)", () => expect(found("001")).toEqual(["typo:份量"]));
  it("002: XX placeholders", () => expect(found("002")).toEqual(["placeholder:XX", "placeholder:XX", "placeholder:XX"]));
  it("003: 臵 for 置", () => expect(found("003")).toEqual(["typo:臵", "typo:臵", "typo:臵"]));
  it("004: ** placeholders, 其它", () => expect(found("004")).toEqual(["placeholder:**", "typo:其它", "placeholder:**"]));

  // Speed is the benchmarks' business (bench/rule-spread.js: every rule at 10k/100k/1M characters,
  // worstRuleSpread), never a wall-clock limit in a unit test: that only fails on a loaded machine.
  it("pathological input gets findings inside its paragraph, never an exception", () => {
    const nasty = ["1 ".repeat(200_000) + "a", "X".repeat(300_000) + "L", "〔".repeat(200_000), "截止".repeat(200_000), "的".repeat(300_000), "*".repeat(300_000)];
    const profile = resolveProfile("gongwen");
    for (const t of nasty) {
      const doc = docFromText(t);
      for (const rule of CONTENT_RULES) {
        const found = check(doc, { rules: [rule], profile, rethrow: true });
        for (const f of found) expect([rule.id, t.slice(0, 4), f.start >= 0 && f.end <= t.length && f.start <= f.end]).toEqual([rule.id, t.slice(0, 4), true]);
      }
    }
  });
});
