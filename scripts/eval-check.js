#!/usr/bin/env node
/**
 * Measures `biganzi check` against our own annotations (test/eval/check/{dev,heldout}.json).
 *
 *   npm run eval                       recall per class, overall recall and precision, dev and heldout
 *   npm run eval -- --verbose          ... plus every miss and false alarm on dev
 *   npm run eval -- --verbose --split heldout   ... details of heldout instead (spoils it for tuning!)
 *   npm run eval -- --json             {dev: {recall, precision, byClass, ...}, heldout: {...}}
 *
 * A case is {id, source, profile, text, faults?}; `text` carries the faults inline:
 * 「⟦faulty text|class⟧」, or 「⟦|class⟧」 for a fault at a point (e.g. a missing 称谓).
 * Paragraphs are separated by "\n". See test/eval/README.md.
 *
 * Counted findings: severity error or warning, category neither `typo` nor `format.*`.
 * A fault is found when a counted finding in the same paragraph overlaps its span; a point fault
 * (or an empty finding span) needs the finding to touch the point ±1; for the document-level
 * classes (speech-structure, promised-count, hierarchy) any counted finding in the paragraph does.
 * Precision = counted findings that match some fault ÷ all counted findings.
 *
 * Uses the compiled core in lib/: run as a script it compiles first (like bench/run.js); callers
 * that require it (bench/run.js) compile before calling evaluate().
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const dataDir = path.join(root, "test", "eval", "check");

const CLASSES = [
  "whitespace",
  "dash-range-ellipsis",
  "numbers",
  "markers",
  "heading-punctuation",
  "hierarchy",
  "sequence",
  "docno",
  "speech-structure",
  "promised-count",
  "debris",
  "halfwidth",
  "other-punctuation",
  "placeholder",
  "dates",
];
/** Classes whose fault is a property of the document more than of a span of text. */
const DOC_LEVEL = new Set(["speech-structure", "promised-count", "hierarchy"]);
const OPEN = "⟦";
const CLOSE = "⟧";

/**
 * Strips the markup from an annotated text. Returns the plain text, its paragraphs and the faults
 * as {paragraph, start, end, cls, text}; throws on malformed markup (nested, unclosed, no class,
 * a span across paragraphs).
 */
function parseAnnotated(annotated) {
  let plain = "";
  const faults = [];
  let i = 0;
  while (i < annotated.length) {
    const o = annotated.indexOf(OPEN, i);
    const c = annotated.indexOf(CLOSE, i);
    if (c !== -1 && (o === -1 || c < o)) throw new Error(`「${CLOSE}」 without 「${OPEN}」 at ${c}`);
    if (o === -1) {
      plain += annotated.slice(i);
      break;
    }
    plain += annotated.slice(i, o);
    if (c === -1) throw new Error(`unclosed 「${OPEN}」 at ${o}`);
    const inner = annotated.slice(o + 1, c);
    if (inner.includes(OPEN)) throw new Error(`nested 「${OPEN}」 at ${o}`);
    const bar = inner.lastIndexOf("|");
    if (bar === -1) throw new Error(`no class in 「${inner}」`);
    const span = inner.slice(0, bar);
    const cls = inner.slice(bar + 1);
    if (span.includes("\n")) throw new Error(`fault span 「${span}」 crosses a paragraph break`);
    const start = plain.length;
    plain += span;
    faults.push({ offset: start, length: span.length, cls, text: span });
    i = c + 1;
  }
  // Offsets in the whole text → paragraph and offsets inside it (same split as docFromText: "\n").
  const paragraphs = plain.split("\n");
  const starts = [];
  let pos = 0;
  for (const p of paragraphs) {
    starts.push(pos);
    pos += p.length + 1;
  }
  for (const f of faults) {
    let k = 0;
    while (k + 1 < starts.length && starts[k + 1] <= f.offset) k++;
    f.paragraph = k;
    f.start = f.offset - starts[k];
    f.end = f.start + f.length;
    delete f.offset;
    delete f.length;
  }
  return { text: plain, paragraphs, faults };
}

function loadSplit(name, dir = dataDir) {
  return JSON.parse(fs.readFileSync(path.join(dir, `${name}.json`), "utf8"));
}

/** Severity error or warning, and neither a typo nor a formatting finding. */
function isCounted(f) {
  return (f.severity === "error" || f.severity === "warning") && f.category !== "typo" && !f.category.startsWith("format.");
}

function matches(finding, fault) {
  if (finding.paragraph !== fault.paragraph) return false;
  if (DOC_LEVEL.has(fault.cls)) return true;
  const fs_ = finding.start;
  const fe = finding.end;
  if (fault.start === fault.end) return fs_ <= fault.end + 1 && fe >= fault.start - 1;
  if (fs_ === fe) return fs_ >= fault.start - 1 && fs_ <= fault.end + 1;
  return fs_ < fault.end && fault.start < fe;
}

function scoreSplit(cases, core) {
  const byClass = {};
  for (const c of CLASSES) byClass[c] = { faults: 0, found: 0, recall: null };
  const misses = [];
  const falseAlarms = [];
  let nFindings = 0;
  let nMatched = 0;
  for (const cs of cases) {
    const { text, paragraphs, faults } = parseAnnotated(cs.text);
    const doc = core.docFromText(text);
    const findings = core.check(doc, { profile: core.resolveProfile(cs.profile) }).filter(isCounted);
    const hit = new Array(findings.length).fill(false);
    for (const fault of faults) {
      const bucket = byClass[fault.cls] || (byClass[fault.cls] = { faults: 0, found: 0, recall: null });
      bucket.faults++;
      let found = false;
      findings.forEach((f, k) => {
        if (matches(f, fault)) {
          found = true;
          hit[k] = true;
        }
      });
      if (found) bucket.found++;
      else misses.push({ id: cs.id, cls: fault.cls, paragraph: fault.paragraph, start: fault.start, text: fault.text, context: around(paragraphs[fault.paragraph], fault.start, fault.end) });
    }
    nFindings += findings.length;
    findings.forEach((f, k) => {
      if (hit[k]) nMatched++;
      else
        falseAlarms.push({
          id: cs.id,
          rule: f.messageId ? `${f.rule}/${f.messageId}` : f.rule,
          severity: f.severity,
          paragraph: f.paragraph,
          start: f.start,
          context: around(paragraphs[f.paragraph] ?? "", f.start, f.end),
          message: f.message,
        });
    });
  }
  let total = 0;
  let found = 0;
  for (const b of Object.values(byClass)) {
    total += b.faults;
    found += b.found;
    b.recall = b.faults ? round(b.found / b.faults) : null;
  }
  return {
    cases: cases.length,
    faults: total,
    found,
    findings: nFindings,
    matched: nMatched,
    recall: total ? round(found / total) : null,
    precision: nFindings ? round(nMatched / nFindings) : null,
    byClass,
    misses,
    falseAlarms,
  };
}

function around(p, start, end) {
  const a = Math.max(0, start - 12);
  const b = Math.min(p.length, end + 12);
  return `${a > 0 ? "…" : ""}${p.slice(a, start)}【${p.slice(start, end)}】${p.slice(end, b)}${b < p.length ? "…" : ""}`;
}

const round = (x) => Math.round(x * 1000) / 1000;

/**
 * Scores the compiled checker (lib/) on both splits. Call after compiling (tsc -p tsconfig.cli.json).
 * Returns {dev, heldout}, each {cases, faults, found, findings, matched, recall, precision, byClass,
 * misses, falseAlarms}.
 */
function evaluate(options = {}) {
  const lib = options.lib || path.join(root, "lib");
  const core = {
    check: require(path.join(lib, "core", "engine.js")).check,
    docFromText: require(path.join(lib, "core", "model.js")).docFromText,
    resolveProfile: require(path.join(lib, "core", "profiles.js")).resolveProfile,
  };
  const dir = options.dataDir || dataDir;
  return { dev: scoreSplit(loadSplit("dev", dir), core), heldout: scoreSplit(loadSplit("heldout", dir), core) };
}

function pct(x) {
  return x === null ? "  —  " : `${(x * 100).toFixed(1).padStart(5)}%`;
}

function main() {
  const argv = process.argv.slice(2);
  const json = argv.includes("--json");
  const verbose = argv.includes("--verbose");
  const si = argv.indexOf("--split");
  const detail = si !== -1 ? argv[si + 1] : "dev";
  if (detail !== "dev" && detail !== "heldout") {
    console.error("--split takes dev or heldout");
    process.exit(2);
  }
  require("child_process").execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
    cwd: root,
    stdio: ["ignore", "ignore", "inherit"],
  });
  const res = evaluate();
  if (json) {
    const slim = (s) => ({ recall: s.recall, precision: s.precision, faults: s.faults, found: s.found, findings: s.findings, matched: s.matched, byClass: s.byClass });
    console.log(JSON.stringify({ dev: slim(res.dev), heldout: slim(res.heldout) }, null, 2));
    return;
  }
  const { dev, heldout } = res;
  console.log(`${"class".padEnd(22)}${"dev".padStart(16)}${"heldout".padStart(16)}`);
  const cell = (b) => (b && b.faults ? `${pct(b.recall)} ${String(b.found).padStart(3)}/${String(b.faults).padEnd(3)}` : "      —       ").padStart(16);
  for (const c of Object.keys({ ...dev.byClass, ...heldout.byClass })) console.log(`${c.padEnd(22)}${cell(dev.byClass[c])}${cell(heldout.byClass[c])}`);
  console.log(`${"recall".padEnd(22)}${cell({ faults: dev.faults, found: dev.found, recall: dev.recall })}${cell({ faults: heldout.faults, found: heldout.found, recall: heldout.recall })}`);
  console.log(
    `${"precision".padEnd(22)}${`${pct(dev.precision)} ${String(dev.matched).padStart(3)}/${String(dev.findings).padEnd(3)}`.padStart(16)}${`${pct(heldout.precision)} ${String(heldout.matched).padStart(3)}/${String(heldout.findings).padEnd(3)}`.padStart(16)}`,
  );
  console.log(`cases: dev ${dev.cases}, heldout ${heldout.cases}`);
  if (verbose) {
    const s = res[detail];
    if (detail === "heldout") console.log("\n(heldout details: do not tune rules on what follows)");
    console.log(`\n== misses (${detail}, ${s.misses.length}) ==`);
    for (const m of s.misses) console.log(`${m.id} [${m.cls}] ¶${m.paragraph}:${m.start} ${m.context}`);
    console.log(`\n== false alarms (${detail}, ${s.falseAlarms.length}) ==`);
    for (const f of s.falseAlarms) console.log(`${f.id} ${f.rule} (${f.severity}) ¶${f.paragraph}:${f.start} ${f.context} — ${f.message}`);
  }
}

module.exports = { evaluate, parseAnnotated, CLASSES, DOC_LEVEL, isCounted, matches };

if (require.main === module) main();
