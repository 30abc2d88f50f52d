#!/usr/bin/env node
/**
 * Phrase ranking benchmark (never a timed unit test). Compiles the core into lib/ first, then prints
 * one JSON object:
 *   suggestP95Ms    95th-percentile time of one suggest() on a 10,000-entry library (best of 5 rounds)
 *   suggestIndexMs  median time of buildIndex() on that library
 *   phraseP5        mean precision@5 of the real library on test/phrases/eval.json (the old 77 headings)
 *   phraseP5Dev     mean precision@5 on test/eval/phrases/dev.json (the half the ranking was tuned on)
 *   phraseP5Test    mean precision@5 on test/eval/phrases/test.json (held out; issue #11 wants ≥ 0.85).
 *                   Only this one number is computed from it: no heading, label or per-heading result
 *                   of the test half is printed or kept.
 *   phraseEntries   entries in the real library
 *   phraseDomains   domains (of DOMAINS) with at least 150 entries (issue #11's bar for each of the 16)
 * Each case of the new sets passes the part of the document its heading sits in (opening, section,
 * closing), as the host does with the cursor; nothing else of a case reaches the ranking.
 * The 10,000 entries are the real library plus deterministic variants of it (clauses recombined
 * between entries of the same kind, leads added), so texts differ and the vocabulary grows.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const root = path.resolve(__dirname, "..");
require("child_process").execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
const lib = path.join(root, "lib", "core", "phrases");
const { buildIndex, suggest } = require(path.join(lib, "index.js"));
const { loadLibrary } = require(path.join(lib, "library.js"));
const { evaluate } = require(path.join(lib, "evaluate.js"));

const TARGET = 10000;
const LEADS = ["切实", "进一步", "始终", "坚持", "着力", "不断", "扎实", "全面", "持续", "努力"];
const CLAUSE = /[，；、]/;

/** Deterministic variants of the real entries until there are TARGET distinct texts. */
function enlarge(real) {
  const byKind = new Map();
  for (const e of real) {
    if (!byKind.has(e.kind)) byKind.set(e.kind, []);
    byKind.get(e.kind).push(e);
  }
  const out = real.slice();
  const seen = new Set(real.map((e) => e.text));
  for (let round = 1; out.length < TARGET && round < 50; round++) {
    for (let i = 0; i < real.length && out.length < TARGET; i++) {
      const e = real[i];
      const peers = byKind.get(e.kind);
      const other = peers[(i * 7 + round * 13) % peers.length];
      const mine = e.text.split(CLAUSE);
      const theirs = other.text.split(CLAUSE);
      let text;
      if (mine.length > 1 && theirs.length > 1) {
        // First clause of this entry, the rest from a peer.
        text = mine[0] + "，" + theirs.slice(1).join("，");
      } else {
        text = LEADS[(i + round) % LEADS.length] + e.text;
      }
      if (round % 3 === 0) text = LEADS[(i * 3 + round) % LEADS.length] + text;
      if (seen.has(text)) continue;
      seen.add(text);
      out.push({ ...e, id: `${e.id}-v${round}`, text, themes: round % 2 ? e.themes : Array.from(new Set([...e.themes, ...other.themes])).slice(0, 3) });
    }
  }
  return out;
}

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function percentile(xs, p) {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)];
}

function seedHeadings() {
  const dir = path.join(root, "test", "fixtures", "seeds");
  const out = [];
  if (!fs.existsSync(dir)) return out;
  for (const f of fs.readdirSync(dir).filter((x) => x.endsWith(".txt")).sort()) {
    for (const line of fs.readFileSync(path.join(dir, f), "utf8").split(/\r?\n/)) {
      const t = line.trim();
      if (/^([一二三四五六七八九十]+、|（[一二三四五六七八九十]+）|\d+[.．]|第[一二三四五六七八九十]+，)/.test(t)) out.push(t.slice(0, 60));
    }
  }
  return out;
}

const real = loadLibrary();
const big = enlarge(real);
const cases = JSON.parse(fs.readFileSync(path.join(root, "test", "phrases", "eval.json"), "utf8"));

// buildIndex: median of several runs after a warm-up.
for (let i = 0; i < 2; i++) buildIndex(big);
const indexTimes = [];
let index;
for (let i = 0; i < 9; i++) {
  const t0 = performance.now();
  index = buildIndex(big);
  indexTimes.push(performance.now() - t0);
}

// suggest: eval headings, seed headings, odd input and positions, each a few times.
const long = "办公室工作要紧紧围绕中心、服务大局，切实提高参谋服务水平。".repeat(70).slice(0, 2000);
const queries = [
  ...cases.map((c) => ({ heading: c.heading, level: c.level })),
  ...seedHeadings().map((h) => ({ heading: h })),
  { heading: "" },
  { heading: "，。！" },
  { heading: "hello world" },
  { heading: long },
  { heading: "", context: { before: "同志们：" } },
  { heading: "", context: { after: "下面，我讲三点意见。" } },
  { heading: "", context: { position: "end" } },
];
for (let r = 0; r < 3; r++) for (const q of queries) suggest(index, q, 10);
// Five rounds of every query ten times; the reported p95 is the best round's, which sheds
// interference from other processes on a shared machine (each round alone is ~1,300 calls).
const rounds = [];
for (let round = 0; round < 5; round++) {
  const times = [];
  for (let r = 0; r < 10; r++) {
    for (const q of queries) {
      const t0 = performance.now();
      suggest(index, q, 10);
      times.push(performance.now() - t0);
    }
  }
  rounds.push({ p95: percentile(times, 95), p50: percentile(times, 50), n: times.length });
}
// The median round (not the best one): a fair figure on a shared machine.
const best = [...rounds].sort((a, b) => a.p95 - b.p95)[rounds.length >> 1];

const p5 = evaluate(real, cases).meanPrecision;
const realIndex = buildIndex(real);
/** Mean precision@5 of the real library over one file of the new set, or null when it is absent: the figure only. */
function heldOutReal(name) {
  const file = path.join(root, "test", "eval", "phrases", name);
  if (!fs.existsSync(file)) return null;
  const set = JSON.parse(fs.readFileSync(file, "utf8")).map((c) => ({ heading: c.heading, level: c.level, themes: c.themes, part: c.part }));
  return evaluate(realIndex, set).meanPrecision;
}
const p5Dev = heldOutReal("dev.json");
const p5Test = heldOutReal("test.json");
const { DOMAINS } = require(path.join(lib, "types.js"));
const perDomain = new Map();
for (const e of real) for (const d of Array.isArray(e.domains) ? e.domains : []) perDomain.set(d, (perDomain.get(d) ?? 0) + 1);
const round = (x, d = 3) => Math.round(x * 10 ** d) / 10 ** d;
process.stdout.write(
  JSON.stringify({
    suggestP95Ms: round(best.p95),
    suggestP50Ms: round(best.p50),
    suggestIndexMs: round(median(indexTimes), 1),
    phraseP5: round(p5),
    phraseP5Dev: p5Dev === null ? null : round(p5Dev),
    phraseP5Test: p5Test === null ? null : round(p5Test),
    phraseEntries: real.length,
    phraseDomains: DOMAINS.filter((d) => (perDomain.get(d) ?? 0) >= 150).length,
    entries: big.length,
    realEntries: real.length,
    queriesPerRound: best.n,
  }) + "\n",
);
