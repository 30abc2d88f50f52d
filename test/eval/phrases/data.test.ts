/**
 * Holds the held-out heading set (issue #11) to its own rules: format, labels from the fixed lists,
 * the sha1 split, size and coverage, no duplicates, and real headings really taken from their source.
 * It never runs the ranking: scores are reported by the evaluation, not asserted here.
 */
import { createHash } from "crypto";
import * as fs from "fs";
import * as path from "path";
import type { EvalCase } from "../../../src/core/phrases/evaluate";
import { DOMAINS, THEMES, type Domain, type Theme } from "../../../src/core/phrases/types";

interface HeadingRecord extends EvalCase {
  heading: string;
  level: 1 | 2 | 3;
  themes: Theme[];
  domain: Domain;
  part: "opening" | "section" | "closing";
  source: string;
}

const KEYS = ["heading", "level", "themes", "domain", "part", "source"];
const PARTS = ["opening", "section", "closing"];
const root = path.resolve(__dirname, "../../..");
const shared = path.join(root, "..", "shared");
const reportsDir = process.env.BIGANZI_REPORTS || path.join(shared, "corpus", "reports");
const seedsDir = path.join(shared, "seeds");

function readSet(name: string): HeadingRecord[] {
  const data: unknown = JSON.parse(fs.readFileSync(path.join(__dirname, name), "utf8"));
  if (!Array.isArray(data)) throw new Error(`${name} is not a JSON array`);
  return data as HeadingRecord[];
}

const dev = readSet("dev.json");
const testSet = readSet("test.json");
const all = [...dev, ...testSet];

/** The split rule of README.md: first hex digit of sha1(heading) 0–9 → dev, a–f → test. */
function splitOf(heading: string): "dev" | "test" {
  const first = createHash("sha1").update(heading, "utf8").digest("hex")[0];
  return first >= "0" && first <= "9" ? "dev" : "test";
}

// A marker left in front of the text would make the heading a different string from what the
// engine receives (the outline strips markers before ranking).
const MARKER = /^\s*(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\([一二三四五六七八九十]+\)|第[一二三四五六七八九十]+[，,、]|[0-9０-９]+[.．、]|[一二三四五六七八九十][是要](?!求))/;

const isReal = (r: HeadingRecord) => r.source !== "written";

/** Every fault of one record, as readable lines (empty when the record is well formed). */
function faultsOf(r: HeadingRecord): string[] {
  const f: string[] = [];
  const keys = Object.keys(r).sort();
  if (keys.join() !== [...KEYS].sort().join()) f.push(`keys ${keys.join(",")}`);
  if (typeof r.heading !== "string" || r.heading.length < 2) return [...f, "heading missing or too short"];
  if (r.heading.trim() !== r.heading) f.push("heading has outer whitespace");
  if (MARKER.test(r.heading)) f.push("heading keeps its marker");
  if (r.heading.endsWith("。")) f.push("heading ends with 。");
  if (![1, 2, 3].includes(r.level)) f.push(`level ${String(r.level)}`);
  if (!Array.isArray(r.themes) || r.themes.length < 1 || r.themes.length > 3) f.push("themes: need 1–3");
  else {
    if (new Set(r.themes).size !== r.themes.length) f.push("themes repeat");
    for (const t of r.themes) if (!(THEMES as readonly string[]).includes(t)) f.push(`unknown theme ${t}`);
  }
  if (!(DOMAINS as readonly string[]).includes(r.domain)) f.push(`unknown domain ${String(r.domain)}`);
  if (!PARTS.includes(r.part)) f.push(`unknown part ${String(r.part)}`);
  if (!/^(?:written|reports:[^/\\]+\.txt|seed:[^/\\]+\.txt)$/.test(String(r.source))) f.push(`bad source ${String(r.source)}`);
  return f;
}

describe("held-out heading set: format", () => {
  test("every record has the fields, values and label lists of README.md", () => {
    const faults = all.flatMap((r, i) => faultsOf(r).map((m) => `#${i} 「${String(r.heading)}」: ${m}`));
    expect(faults).toEqual([]);
  });

  test("the format check rejects malformed records", () => {
    const good = all[0];
    expect(faultsOf(good)).toEqual([]);
    const bad: unknown[] = [
      { ...good, heading: "一、" + good.heading },
      { ...good, heading: good.heading + "。" },
      { ...good, level: 4 },
      { ...good, themes: [] },
      { ...good, themes: ["开场", "过渡", "成绩", "问题"] },
      { ...good, themes: ["不存在"] },
      { ...good, domain: "外交" },
      { ...good, part: "middle" },
      { ...good, source: "web:example" },
      { ...good, extra: 1 },
    ];
    for (const b of bad) expect(faultsOf(b as HeadingRecord).length).toBeGreaterThan(0);
  });
});

describe("held-out heading set: split and size", () => {
  test("every heading sits in the file the sha1 rule assigns", () => {
    const misplaced = [
      ...dev.filter((r) => splitOf(r.heading) !== "dev").map((r) => `dev: ${r.heading}`),
      ...testSet.filter((r) => splitOf(r.heading) !== "test").map((r) => `test: ${r.heading}`),
    ];
    expect(misplaced).toEqual([]);
  });

  test("no heading appears twice, within or across the files (also after NFKC and whitespace folding)", () => {
    const seen = new Map<string, string>();
    const dups: string[] = [];
    for (const r of all) {
      const key = r.heading.normalize("NFKC").replace(/\s+/g, "");
      if (seen.has(key)) dups.push(`${seen.get(key)} / ${r.heading}`);
      else seen.set(key, r.heading);
    }
    expect(dups).toEqual([]);
  });

  test("at least 340 headings, at least 150 of them real", () => {
    expect(all.length).toBeGreaterThanOrEqual(340);
    expect(all.filter(isReal).length).toBeGreaterThanOrEqual(150);
    expect(dev.length).toBeGreaterThan(0);
    expect(testSet.length).toBeGreaterThan(0);
  });

  test("every domain has at least 10 headings, and at least 10 written for it", () => {
    const thin: string[] = [];
    for (const d of DOMAINS) {
      const total = all.filter((r) => r.domain === d).length;
      const written = all.filter((r) => r.domain === d && !isReal(r)).length;
      if (total < 10 || written < 10) thin.push(`${d}: ${total} in all, ${written} written`);
    }
    expect(thin).toEqual([]);
  });

  test("the test file covers every domain and every part", () => {
    for (const d of DOMAINS) expect(testSet.some((r) => r.domain === d)).toBe(true);
    for (const p of PARTS) expect(testSet.some((r) => r.part === p)).toBe(true);
  });
});

describe("held-out heading set: independence and provenance", () => {
  test("no heading of the old 77-heading set (the one the ranking was built with) is reused", () => {
    const old = JSON.parse(fs.readFileSync(path.join(root, "test", "phrases", "eval.json"), "utf8")) as EvalCase[];
    const strip = (h: string) => h.replace(MARKER, "").replace(/。$/, "").trim();
    const oldSet = new Set(old.map((c) => strip(c.heading)));
    expect(all.filter((r) => oldSet.has(r.heading)).map((r) => r.heading)).toEqual([]);
  });

  // The corpus lives beside the repository (../shared); without it this check cannot run.
  const haveCorpus = fs.existsSync(reportsDir) && fs.existsSync(seedsDir);
  (haveCorpus ? test : test.skip)("every real heading occurs verbatim in the file it names", () => {
    const cache = new Map<string, string>();
    const missing: string[] = [];
    for (const r of all.filter(isReal)) {
      const [kind, file] = r.source.split(":");
      const full = path.join(kind === "reports" ? reportsDir : seedsDir, file);
      if (!cache.has(full)) cache.set(full, fs.existsSync(full) ? fs.readFileSync(full, "utf8") : "");
      if (!cache.get(full)!.includes(r.heading)) missing.push(`${r.source}: ${r.heading}`);
    }
    expect(missing).toEqual([]);
  });
});
