#!/usr/bin/env node
/**
 * A longer fuzz run of the whole check engine (issue #8): the properties of
 * test/fuzz/engine.fuzz.test.ts with many more cases and a random seed, printed first so a
 * failure can be replayed.
 *
 *   node scripts/fuzz.js                  20,000 plain-text drafts + 10,000 formatted documents
 *   node scripts/fuzz.js --runs 100000    more
 *   node scripts/fuzz.js --seed 12345     replay a run (the seed it printed)
 *   node scripts/fuzz.js --json           one JSON line: seed, cases run, known issues met, failed
 *   node scripts/fuzz.js --verbose        list every fix that left another fault of its own check
 *
 * CI runs the same file with a fixed seed and few cases (jest, core project). A failure prints the
 * shrunk counterexample; add it to the regressions in the test file once the rule is fixed.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { spawnSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const argv = process.argv.slice(2);
const arg = (name, dflt) => {
  const i = argv.indexOf(name);
  return i >= 0 && argv[i + 1] !== undefined ? argv[i + 1] : dflt;
};
const json = argv.includes("--json");
const runs = Number(arg("--runs", 20000));
const seed = Number(arg("--seed", Math.floor(Math.random() * 0x7fffffff)));
if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
  console.error("usage: node scripts/fuzz.js [--runs N] [--seed S] [--json]");
  process.exit(2);
}
const out = path.join(root, "test-output", `fuzz-${process.pid}.json`);
if (!json) console.log(`fuzz: seed ${seed}, ${runs} runs per property (replay: node scripts/fuzz.js --seed ${seed} --runs ${runs})`);

const jest = path.join(root, "node_modules", "jest", "bin", "jest.js");
const r = spawnSync(process.execPath, [jest, "--selectProjects", "core", "--runTestsByPath", "test/fuzz/engine.fuzz.test.ts"], {
  cwd: root,
  env: { ...process.env, FUZZ_SEED: String(seed), FUZZ_RUNS: String(runs), FUZZ_OUT: out },
  encoding: "utf8",
  stdio: ["ignore", "pipe", "pipe"],
});
let summary = { properties: {}, knownHits: {}, interactions: [], followUps: [] };
try {
  summary = JSON.parse(fs.readFileSync(out, "utf8"));
  fs.unlinkSync(out);
} catch {
  // jest failed before the test file wrote its summary; its output below says why.
}
const cases = Object.values(summary.properties).reduce((a, p) => a + p.cases, 0);
const failed = r.status !== 0;
if (json) {
  console.log(JSON.stringify({ seed, runs, cases, failed, knownHits: summary.knownHits, interactions: summary.interactions.length }));
} else {
  for (const [name, p] of Object.entries(summary.properties)) {
    console.log(`  ${name}: ${p.cases} cases, ${p.findings} findings, ${p.fixed} fixes applied, ${p.interactions} fix interactions`);
  }
  for (const [id, n] of Object.entries(summary.knownHits)) console.log(`  known issue met ${n}×: ${id}`);
  for (const s of summary.interactions.slice(0, 10)) console.log(`  interaction: ${s}`);
  const follow = summary.followUps || [];
  if (follow.length) console.log(`  ${follow.length} fixes left another fault of the same check in the text they rewrote (not failed; worth a look), e.g.:`);
  for (const s of follow.slice(0, argv.includes("--verbose") ? 200 : 5)) console.log(`    ${s}`);
  if (failed) console.log((r.stdout + r.stderr).trim());
  console.log(failed ? `fuzz: FAILED (seed ${seed})` : `fuzz: ${cases} cases passed`);
}
process.exit(failed ? 1 : 0);
