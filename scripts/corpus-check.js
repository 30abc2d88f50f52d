#!/usr/bin/env node
/**
 * The false-alarm budget: runs the full check over the official prose in ../shared/corpus/reports/
 * and counts findings per rule (and per check). Recent texts (2010–2025) are correct prose, so every
 * error-level finding there is read by hand and is either a real fault or a false alarm to remove.
 * Older texts carry real faults of their time (full-width and spaced digits, old dash forms).
 *
 *   node scripts/corpus-check.js                      counts for the recent texts, by rule/check and severity
 *   node scripts/corpus-check.js --old                the same for the older texts
 *   node scripts/corpus-check.js --show RULE[/CHECK]  every error-level finding of that rule, with context
 *   node scripts/corpus-check.js --show RULE --all    ... of every severity
 *   node scripts/corpus-check.js --json               {chars, errors, errorsPer100k, byRule}
 *   --profile gongwen                                 another profile (default speech)
 *
 * Uses the compiled core in lib/ (compiled first, like the benchmarks).
 */
"use strict";
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const reportsDir = process.env.BIGANZI_REPORTS || path.join(root, "..", "shared", "corpus", "reports");

/** 2010–2025: government work reports by year, congress reports 18–20, NPC resolutions from 十一届三次. */
function isRecent(file) {
  const base = path.basename(file, ".txt");
  let m = /^gwr-(\d{4})$/.exec(base);
  if (m) return Number(m[1]) >= 2010;
  m = /^cpc-congress-(\d+)$/.exec(base);
  if (m) return Number(m[1]) >= 18;
  m = /^npc-resolution-(.+)-(.+)$/.exec(base);
  if (m) {
    const n = { 十一: 11, 十二: 12, 十三: 13, 十四: 14 }[m[1]];
    const s = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 }[m[2]];
    if (!n || !s) return false;
    return n > 11 || s >= 3;
  }
  return false;
}

function corpus(recent) {
  if (!fs.existsSync(reportsDir)) return [];
  return fs
    .readdirSync(reportsDir)
    .filter((f) => f.endsWith(".txt") && isRecent(f) === recent)
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(reportsDir, f), "utf8") }));
}

function run({ recent = true, profile = "speech", compile = true } = {}) {
  if (compile) {
    require("child_process").execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
      cwd: root,
      stdio: ["ignore", "ignore", "inherit"],
    });
  }
  const { check } = require(path.join(root, "lib", "core", "engine.js"));
  const { docFromText } = require(path.join(root, "lib", "core", "model.js"));
  const { resolveProfile } = require(path.join(root, "lib", "core", "profiles.js"));
  const files = corpus(recent);
  const results = [];
  let chars = 0;
  for (const f of files) {
    const doc = docFromText(f.text);
    chars += f.text.length;
    const findings = check(doc, { profile: resolveProfile(profile) });
    results.push({ file: f.name, doc, findings });
  }
  return { files: files.length, chars, results };
}

function summarize({ chars, results }) {
  const byRule = {};
  let errors = 0;
  for (const r of results) {
    for (const f of r.findings) {
      const key = f.messageId ? `${f.rule}/${f.messageId}` : f.rule;
      byRule[key] = byRule[key] || { error: 0, warning: 0, info: 0 };
      byRule[key][f.severity]++;
      if (f.severity === "error") errors++;
    }
  }
  return { chars, errors, errorsPer100k: chars ? Math.round((errors / chars) * 1e5 * 100) / 100 : 0, byRule };
}

module.exports = { run, summarize, isRecent };

if (require.main === module) {
  const args = process.argv.slice(2);
  const opt = (name) => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const data = run({ recent: !args.includes("--old"), profile: opt("--profile") || "speech" });
  const show = opt("--show");
  if (show) {
    const all = args.includes("--all");
    let n = 0;
    for (const r of data.results) {
      for (const f of r.findings) {
        const key = f.messageId ? `${f.rule}/${f.messageId}` : f.rule;
        if (key !== show && f.rule !== show) continue;
        if (!all && f.severity !== "error") continue;
        const t = r.doc.paragraphs[f.paragraph].text;
        const ctx = `${t.slice(Math.max(0, f.start - 25), f.start)}【${t.slice(f.start, f.end)}】${t.slice(f.end, f.end + 25)}`;
        console.log(`${r.file} 段${f.paragraph + 1} [${f.severity}] ${key}: ${f.message}\n    ${ctx.replace(/\n/g, "⏎")}`);
        n++;
      }
    }
    console.log(`${n} findings`);
  } else if (args.includes("--json")) {
    console.log(JSON.stringify(summarize(data)));
  } else {
    const s = summarize(data);
    console.log(`${data.files} files, ${s.chars} characters, ${s.errors} errors (${s.errorsPer100k} per 100k)`);
    for (const [k, v] of Object.entries(s.byRule).sort()) console.log(`${k.padEnd(40)} error ${v.error}  warning ${v.warning}  info ${v.info}`);
  }
}
