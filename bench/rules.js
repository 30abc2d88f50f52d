#!/usr/bin/env node
/**
 * Per-rule cost on the five seeds (and on 1M characters with --big): where the check's time goes.
 * Uses lib/ — run `npm run build:cli` first.  node bench/rules.js [--big]
 */
"use strict";
const fs = require("fs");
const path = require("path");
const lib = path.join(__dirname, "..", "lib", "core");
const { check } = require(path.join(lib, "engine.js"));
const { docFromText } = require(path.join(lib, "model.js"));
const { ALL_RULES } = require(path.join(lib, "rules", "index.js"));
const { buildOutline } = require(path.join(lib, "numbering", "index.js"));
const { time } = require("./timing.js");

const dir = path.join(__dirname, "..", "test", "fixtures", "seeds");
let texts = fs.readdirSync(dir).sort().map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
if (process.argv.includes("--big")) {
  const all = texts.join("\n");
  texts = [all.repeat(Math.ceil(1e6 / all.length)).slice(0, 1e6)];
}
const docs = texts.map(docFromText);

const rows = [["all rules", time(() => docs.forEach((d) => check(d)))], ["outline", time(() => docs.forEach((d) => buildOutline(d)))]];
for (const r of ALL_RULES) rows.push([r.id, time(() => docs.forEach((d) => check(d, { rules: [r] })))]);
const chars = texts.reduce((a, t) => a + t.length, 0);
console.log(`${chars} characters, median ms (a rule that uses the outline includes building it)`);
for (const [name, ms] of rows) console.log(`${name.padEnd(22)} ${ms.toFixed(2).padStart(8)}`);
