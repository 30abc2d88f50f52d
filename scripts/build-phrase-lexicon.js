#!/usr/bin/env node
/**
 * Grows the learned half of the 提示语 theme lexicon (src/core/phrases/lexicon.ts) from real headings
 * labelled by hand (scripts/phrase-lexicon/labels.tsv, listed for labelling by
 * scripts/phrase-lexicon/extract.js). Only the headings of the public-domain reports
 * (../shared/corpus/reports) are used: the lexicon ships with the add-in, the seed speeches may not.
 *
 * THE SPLIT RULE — keep it: only headings whose sha1(heading, utf8) starts with a hex digit 0–9 may
 * be used here. The held-out evaluation (test/eval/phrases/test.json) takes its headings from the
 * same reports and seeds — those whose sha1 starts with a–f — so a lexicon grown from them would be
 * measuring itself. This script refuses to build when labels.tsv holds any other heading.
 *
 * What it learns: for every run of 2–4 Chinese characters found in at least MIN_COUNT labelled
 * headings, how much more often headings holding it carry each theme than headings in general
 * (smoothed towards the overall theme shares). Runs that point to a theme clearly (lift ≥ MIN_LIFT,
 * share ≥ MIN_SHARE) are kept with a weight = smoothed share × count / (count + K). A heading's first
 * theme counts fully, the others at SECONDARY.
 *
 *   node scripts/build-phrase-lexicon.js           writes src/core/phrases/lexicon.ts
 *   node scripts/build-phrase-lexicon.js --check   exits 1 when lexicon.ts is not what labels.tsv gives
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { isDevSide } = require("./phrase-lexicon/extract");

const root = path.resolve(__dirname, "..");
const LABELS = path.join(__dirname, "phrase-lexicon", "labels.tsv");
const OUT = path.join(root, "src", "core", "phrases", "lexicon.ts");

// The themes in THEMES order (src/core/phrases/types.ts); checked against the source below.
const THEMES = ["开场", "过渡", "成绩", "问题", "形势", "重要性", "政治", "学习", "素质能力", "作风", "服务", "创新", "落实", "协调", "廉洁", "保密", "队伍建设", "结尾"];
const typesSrc = fs.readFileSync(path.join(root, "src", "core", "phrases", "types.ts"), "utf8");
const declared = /export const THEMES = \[([^\]]*)\]/.exec(typesSrc)[1].match(/"([^"]+)"/g).map((s) => s.slice(1, -1));
if (declared.join() !== THEMES.join()) throw new Error("THEMES in types.ts changed: update build-phrase-lexicon.js");

const MIN_COUNT = 3;
const SMOOTH = 2;
const MIN_LIFT = 1.5;
const MIN_SHARE = 0.25;
const K = 2;
const SECONDARY = 0.6;

function readLabels() {
  const out = [];
  const bad = [];
  fs.readFileSync(LABELS, "utf8")
    .split(/\r?\n/)
    .forEach((line, i) => {
      if (!line || line.startsWith("#")) return;
      const [themes, heading] = line.split("\t");
      if (!heading) return bad.push(`line ${i + 1}: no heading`);
      if (!isDevSide(heading)) return bad.push(`line ${i + 1}: 「${heading}」 is a test-side heading (sha1 a–f) and may not be used`);
      if (themes === "-") return;
      // Only the public-domain reports ship (as statistics) with the add-in; the seed speeches are
      // for testing only (README, 数据与许可), so their labelled headings are not used here.
      if (!line.split("\t")[2]?.startsWith("reports:")) return;
      const list = themes.split(",");
      for (const t of list) if (!THEMES.includes(t)) bad.push(`line ${i + 1}: unknown theme ${t}`);
      if (list.length < 1 || list.length > 3) bad.push(`line ${i + 1}: 1–3 themes`);
      const [, , source, part, level] = line.split("\t");
      out.push({ heading, themes: list, source, part, level: Number(level) || undefined });
    });
  if (bad.length) throw new Error(`labels.tsv:\n${bad.join("\n")}`);
  return out;
}

/** The distinct 2–4 character runs of the Chinese stretches of a text. */
function grams(text) {
  const out = new Set();
  for (const run of text.split(/[^\u3400-\u9fff]+/)) {
    for (let n = 2; n <= 4; n++) for (let i = 0; i + n <= run.length; i++) out.add(run.slice(i, i + n));
  }
  return out;
}

function build(labels, opts = {}) {
  const { MIN_COUNT: minCount = MIN_COUNT, SMOOTH: smooth = SMOOTH, MIN_LIFT: minLift = MIN_LIFT, MIN_SHARE: minShare = MIN_SHARE, K: k = K, SECONDARY: secondary = SECONDARY } = opts;
  const nT = THEMES.length;
  const prior = new Float64Array(nT);
  const counts = new Map();
  for (const { heading, themes } of labels) {
    themes.forEach((t, i) => (prior[THEMES.indexOf(t)] += i ? secondary : 1));
    for (const g of grams(heading)) {
      let v = counts.get(g);
      if (!v) counts.set(g, (v = new Float64Array(nT + 1)));
      v[nT]++;
      themes.forEach((t, i) => (v[THEMES.indexOf(t)] += i ? secondary : 1));
    }
  }
  const total = prior.reduce((a, b) => a + b, 0);
  const share = Array.from(prior, (p) => p / total);
  const rows = [];
  for (const [g, v] of [...counts].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0))) {
    const c = v[nT];
    if (c < minCount) continue;
    const cells = [];
    for (let t = 0; t < nT; t++) {
      const p = (v[t] + smooth * share[t]) / (c + smooth);
      if (p >= minShare && p / share[t] >= minLift) cells.push(`${t}:${Math.round(p * (c / (c + k)) * 100)}`);
    }
    if (cells.length) rows.push(`${g} ${cells.join(",")}`);
  }
  return rows;
}

function render(rows, n) {
  return `/**
 * GENERATED by scripts/build-phrase-lexicon.js from scripts/phrase-lexicon/labels.tsv (${n} real
 * headings labelled by hand; only dev-side headings, sha1 0–9, see the script). Do not edit: change
 * the labels and run \`node scripts/build-phrase-lexicon.js\`.
 *
 * One row per character run: "<run> <theme index>:<weight × 100>,…" (theme index into THEMES).
 */
export const LEARNED_LEXICON = ${JSON.stringify(rows.join("\n"))};
`;
}

module.exports = { readLabels, build, render, OUT };
if (require.main !== module) return;

const labels = readLabels();
const text = render(build(labels), labels.length);
if (process.argv.includes("--check")) {
  const now = fs.existsSync(OUT) ? fs.readFileSync(OUT, "utf8") : "";
  if (now !== text) {
    process.stderr.write("src/core/phrases/lexicon.ts is out of date: run node scripts/build-phrase-lexicon.js\n");
    process.exit(1);
  }
} else {
  fs.writeFileSync(OUT, text);
  process.stdout.write(`lexicon.ts: ${text.split("\\n").length} runs from ${labels.length} headings, ${Buffer.byteLength(text)} bytes\n`);
}
