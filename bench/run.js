#!/usr/bin/env node
/**
 * Benchmarks (never timed unit tests). Uses the compiled core in lib/ (npm run build:cli).
 *
 *   npm run bench              a table
 *   npm run bench -- --json    one JSON object with the headline keys:
 *     checkVsZhlint       how many times faster our full default check is than zhlint (default preset) on the five seeds
 *     checkPerCharSpread  slowest ÷ fastest time per character over 10k, 100k and 1M characters
 *     docxReadMs          reading a 2,000-paragraph .docx into the model
 *     docxUnzipMs         merely unzipping the same file
 *     taskpaneInitialKiBGz the taskpane's initial JavaScript (the scripts taskpane.html loads), gzip -9, KiB
 *     maxSyncs            the most context.sync() calls any taskpane action took (fake Word, 2,000 paragraphs)
 *     suggestP95Ms        95th-percentile suggestion time with 10,000 phrase entries
 *     suggestIndexMs      building the phrase index over 10,000 entries
 *     phraseP5            mean precision@5 on the evaluation headings (test/phrases/eval.json)
 *     phraseP5Dev / phraseP5Test   mean precision@5 on the headings of issue #11 (test/eval/phrases; test ≥ 0.85)
 *     phraseEntries / phraseDomains  entries in the phrase library, and domains with at least 150 of them
 *     evalRecall / evalPrecision   recall and precision on our annotated dev set (test/eval/check; also evalHeldout*)
 *     reportsErrorsPer100k         error-level findings per 100,000 characters of the 2010–2025 official reports
 *     typoDevPrecision / typoDevRecall     typo checks, sentence level, on the never-tuned part of odw.train
 *     typoTunePrecision / typoTuneRecall   ... on the dev part (tuned on); scripts/eval-typo.js
 *     typoReportsPer100k  typo findings (any severity) per 100,000 characters of the 2010–2025 reports
 *     typoCharsPerSec     typo checks' throughput on 1M characters; typoModelKiBGz, typoLoadMs the model
 *     fuzzCases           random drafts the fuzz properties passed in this run (scripts/fuzz.js, random seed)
 *     worstRuleSpread     every rule alone on long runs of each character class, one paragraph and many
 *                         short ones, at 10k, 100k and 1M characters: the worst slowest ÷ fastest time per
 *                         character (bench/rule-spread.js; issue #9 wants ≤ 2)
 *     outlineSpread       the same for the outline every check builds first (with the sibling index and
 *                         the numbering shapes): no rule, kept apart (see bench/rule-spread.js)
 */
"use strict";
const fs = require("fs");
const path = require("path");
const { performance } = require("perf_hooks");

const root = path.resolve(__dirname, "..");
const lib = path.join(root, "lib");
// Always measure the current source: compile the core quietly first.
require("child_process").execFileSync(process.execPath, [require.resolve("typescript/bin/tsc"), "-p", path.join(root, "tsconfig.cli.json")], {
  cwd: root,
  stdio: ["ignore", "ignore", "inherit"],
});
const { check } = require(path.join(lib, "core", "engine.js"));
const { docFromText } = require(path.join(lib, "core", "model.js"));
const { readDocx } = require(path.join(lib, "core", "reader", "index.js"));
const { unzipSync } = require("fflate");
const { median, time } = require("./timing.js");

const json = process.argv.includes("--json");
const log = (...a) => {
  if (!json) console.log(...a);
};

function seeds() {
  const dir = path.join(root, "test", "fixtures", "seeds");
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .sort()
    .map((f) => fs.readFileSync(path.join(dir, f), "utf8"));
}

/** The size of the smallest text timed; larger ones repeat it. */
const UNIT_CHARS = 10_000;

/**
 * Text of n characters with the same mix of text (and of faults) per character at every size: a
 * unit of about 10,000 characters made of every k-th paragraph of the five seeds (taken round-robin,
 * so all five and all their parts — openings, headings, body, closings — are in it), repeated. The
 * first 10,000 characters of the seeds themselves would be their five openings (titles, 称谓, the
 * first headings), heavier per character for the numbering rules than the body the larger sizes
 * are mostly made of: the spread then measured the text, not the growth with size.
 */
function textOfSize(n, base) {
  const lists = base.map((t) => t.split("\n").filter((l) => l.trim()));
  const mixed = [];
  for (let i = 0; mixed.length < lists.reduce((a, l) => a + l.length, 0); i++) {
    for (const l of lists) if (i < l.length) mixed.push(l[i]);
  }
  const total = mixed.reduce((a, p) => a + p.length + 1, 0);
  const stride = Math.max(1, Math.round(total / UNIT_CHARS));
  const unit = [];
  for (let i = 0; i < mixed.length; i += stride) unit.push(mixed[i]);
  const out = [];
  let len = 0;
  for (let i = 0; len < n; i++) {
    const p = unit[i % unit.length];
    out.push(p);
    len += p.length + 1;
  }
  return out.join("\n").slice(0, n);
}

/** Warm-up before each timed series (see section 1). */
const WARM_MS = 3000;

async function main() {
  const result = {};
  const texts = seeds();
  const chars = texts.reduce((a, t) => a + t.length, 0);

  // 1. Our full default check vs zhlint (default preset) on the five seeds.
  const zhlint = await import("zhlint");
  // zhlint lints nothing without a rule set: run its default preset, silently.
  const ZHLINT_OPTIONS = { rules: { preset: "default" }, logger: { log() {}, warn() {}, error() {} } };
  const c0 = performance.now();
  for (const t of texts) zhlint.run(t, ZHLINT_OPTIONS);
  const coldZhlintMs = performance.now() - c0;
  const zv = zhlint.run(texts[0], ZHLINT_OPTIONS).validations.length;
  // Steady state for both (the same protocol): V8 tiers a large rule set up to optimised code only
  // after a few seconds of running, so a short warm-up measured our check half-compiled.
  const ourMs = time(() => {
    for (const t of texts) check(docFromText(t));
  }, { warmMs: WARM_MS });
  const zhlintMs = time(() => {
    for (const t of texts) zhlint.run(t, ZHLINT_OPTIONS);
  }, { samples: 9, warmMs: WARM_MS });
  // The first call of each, in a fresh process, for the record (cold start).
  result.zhlintColdMs = round(coldZhlintMs);
  result.seedChars = chars;
  result.zhlintFindingsSeed0 = zv;
  result.checkSeedsMs = round(ourMs);
  result.zhlintSeedsMs = round(zhlintMs);
  result.checkVsZhlint = round(zhlintMs / ourMs, 1);
  log(`五篇样稿 ${chars} 字：笔杆子 ${ourMs.toFixed(2)} ms，zhlint ${zhlintMs.toFixed(1)} ms，快 ${(zhlintMs / ourMs).toFixed(1)} 倍`);

  // 2. Linear cost: time per character at 10k, 100k, 1M characters.
  const perChar = {};
  for (const n of [10_000, 100_000, 1_000_000]) {
    const doc = docFromText(textOfSize(n, texts));
    const ms = time(() => check(doc), { samples: n >= 1_000_000 ? 9 : 15, sampleMs: 50, warmMs: WARM_MS });
    perChar[n] = ms / n;
    result[`check${n / 1000}kMs`] = round(ms);
    log(`检查 ${n} 字：${ms.toFixed(2)} ms（每千字 ${((ms / n) * 1000).toFixed(3)} ms）`);
  }
  const pcs = Object.values(perChar);
  result.checkPerCharSpread = round(Math.max(...pcs) / Math.min(...pcs), 2);
  log(`每字耗时 最慢÷最快 = ${result.checkPerCharSpread}`);

  // 3. Reading a 2,000-paragraph .docx vs merely unzipping it.
  const { makeBigDocx } = require(path.join(root, "scripts", "fixtures", "big-docx.js"));
  const bytes = new Uint8Array(await makeBigDocx(2000));
  const readMs = time(() => readDocx(bytes));
  const unzipMs = time(() => unzipSync(bytes));
  const model = readDocx(bytes);
  result.docxBytes = bytes.length;
  result.docxParagraphs = model.paragraphs.length;
  result.docxReadMs = round(readMs);
  result.docxUnzipMs = round(unzipMs);
  log(`读取 2000 段 .docx（${(bytes.length / 1024).toFixed(0)} KiB，${model.paragraphs.length} 段）：${readMs.toFixed(1)} ms；仅解压：${unzipMs.toFixed(1)} ms`);

  // 4. The taskpane's initial JavaScript, from a fresh production build.
  const { execFileSync } = require("child_process");
  const zlib = require("zlib");
  execFileSync(process.execPath, [require.resolve("webpack-cli/bin/cli.js"), "--mode", "production"], { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
  const dist = path.join(root, "dist");
  const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8");
  const initial = [...html.matchAll(/<script[^>]*\ssrc="?([^"\s>]+)/g)].map((m) => m[1]).filter((src) => !/^https?:/.test(src));
  const gz = initial.reduce((a, f) => a + zlib.gzipSync(fs.readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  result.taskpaneInitialFiles = initial;
  result.taskpaneInitialKiBGz = round(gz / 1024, 1);
  log(`任务窗格初始脚本（${initial.join("、")}）：gzip 后 ${(gz / 1024).toFixed(1)} KiB`);

  // 5. Round trips: the sync budget test records every action's context.sync() count.
  const jestBin = path.join(root, "node_modules", "jest", "bin", "jest.js");
  execFileSync(process.execPath, [jestBin, "--selectProjects", "core", "test/office/syncBudget.test.ts", "--silent"], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
  const syncs = JSON.parse(fs.readFileSync(path.join(root, "test-output", "syncs.json"), "utf8"));
  result.maxSyncs = syncs.maxSyncs;
  result.syncsByAction = Object.fromEntries(Object.entries(syncs.actions).map(([k, v]) => [k, v["2000"]]));
  log(`每个操作的 context.sync() 次数（2000 段）：${JSON.stringify(result.syncsByAction)}，最多 ${syncs.maxSyncs}`);

  // 6. Stock phrases: suggestion latency and index build over 10,000 entries, and precision@5.
  const ph = JSON.parse(execFileSync(process.execPath, [path.join(__dirname, "phrases.js")], { cwd: root, encoding: "utf8" }).trim().split("\n").pop());
  result.suggestP95Ms = ph.suggestP95Ms;
  result.suggestIndexMs = ph.suggestIndexMs;
  result.phraseP5 = ph.phraseP5;
  result.phraseP5Dev = ph.phraseP5Dev;
  result.phraseP5Test = ph.phraseP5Test;
  result.phraseEntries = ph.phraseEntries;
  result.phraseDomains = ph.phraseDomains;
  log(`提示语：${ph.entries} 条时建索引 ${ph.suggestIndexMs} ms，推荐 p95 ${ph.suggestP95Ms} ms；评测集平均 precision@5 = ${ph.phraseP5}`);
  log(`提示语库 ${ph.phraseEntries} 条，${ph.phraseDomains} 个领域各有 150 条以上；新评测集 precision@5：dev ${ph.phraseP5Dev}，test ${ph.phraseP5Test}`);

  // 7. Fuzzing the whole engine: the properties of test/fuzz with more cases and a random seed.
  const FUZZ_RUNS = 3000;
  let fz;
  try {
    fz = execFileSync(process.execPath, [path.join(root, "scripts", "fuzz.js"), "--json", "--runs", String(FUZZ_RUNS)], { cwd: root, encoding: "utf8" });
  } catch (e) {
    // A property failed: fuzz.js still printed its JSON line (with the seed to replay).
    fz = String(e.stdout || "");
  }
  const fuzz = JSON.parse(fz.trim().split("\n").pop());
  result.fuzzCases = fuzz.failed ? 0 : fuzz.cases;
  result.fuzzSeed = fuzz.seed;
  result.fuzzFailed = fuzz.failed;
  result.fuzzKnownIssues = fuzz.knownHits;
  log(
    `随机草稿检查（fuzz，种子 ${fuzz.seed}）：${fuzz.failed ? "失败！重放：node scripts/fuzz.js --seed " + fuzz.seed + " --runs " + FUZZ_RUNS : fuzz.cases + " 例全部通过"}` +
      `${Object.keys(fuzz.knownHits).length ? "；已知问题 " + JSON.stringify(fuzz.knownHits) : ""}。更长的运行：node scripts/fuzz.js --runs 100000`,
  );

  // 8. Judgement: our own annotated drafts (test/eval/check; dev = tuned on, heldout = never) and
  // the false-alarm budget on correct official prose (2010–2025 reports).
  const { evaluate } = require(path.join(root, "scripts", "eval-check.js"));
  const ev = evaluate();
  result.evalRecall = ev.dev.recall;
  result.evalPrecision = ev.dev.precision;
  result.evalHeldoutRecall = ev.heldout.recall;
  result.evalHeldoutPrecision = ev.heldout.precision;
  log(`自标注评测（dev / heldout）：查全率 ${ev.dev.recall} / ${ev.heldout.recall}，查准率 ${ev.dev.precision} / ${ev.heldout.precision}（npm run eval）`);
  const corpusCheck = require(path.join(root, "scripts", "corpus-check.js"));
  const budget = corpusCheck.summarize(corpusCheck.run({ recent: true, compile: false }));
  if (budget.chars > 0) {
    result.reportsErrorsPer100k = budget.errorsPer100k;
    log(`2010–2025 年正式文本：${budget.chars} 字，错误级问题 ${budget.errors} 处，每 10 万字 ${budget.errorsPer100k} 处（node scripts/corpus-check.js --show <规则>）`);
  } else {
    log("没有找到 ../shared/corpus/reports/，跳过误报预算。");
  }

  // 8b. The spelling check (issue #10, scripts/eval-typo.js): odw.train split (heldout = typoDev*, as
  // the issue names them; dev, tuned on = typoTune*), false alarms on the 2010–2025 reports, speed.
  if (fs.existsSync(path.join(root, "assets", "spell", "spell.bin"))) {
    const typo = require(path.join(root, "scripts", "eval-typo.js")).benchKeys({ compileFirst: false });
    Object.assign(result, typo);
    log(
      `错别字（odw.train 留出/调参）：查准率 ${typo.typoDevPrecision} / ${typo.typoTunePrecision}，查全率 ${typo.typoDevRecall} / ${typo.typoTuneRecall}；` +
        `2010–2025 年报告每 10 万字 ${typo.typoReportsPer100k} 处；${typo.typoCharsPerSec} 字/秒；模型 ${typo.typoModelKiBGz} KiB（gzip），载入 ${typo.typoLoadMs} ms（npm run eval:typo）`,
    );
  } else {
    log("没有拼写模型（npm run build:spell），跳过错别字评测。");
  }

  // 9. Linear time of every rule alone on long runs of each character class.
  let spreadOut = "";
  try {
    spreadOut = execFileSync(process.execPath, ["--expose-gc", path.join(__dirname, "rule-spread.js"), "--json"], { cwd: root, encoding: "utf8", maxBuffer: 1 << 24 });
  } catch (e) {
    spreadOut = String(e.stdout || "");
  }
  const spread = JSON.parse(spreadOut.trim().split("\n").pop());
  result.worstRuleSpread = spread.worstRuleSpread;
  result.worstRuleSpreadAt = spread.worstRuleSpreadAt;
  result.ruleSpreadOver2 = spread.ruleSpreadOver2;
  if (spread.outlineSpread !== undefined) {
    result.outlineSpread = spread.outlineSpread;
    result.outlineSpreadAt = spread.outlineSpreadAt;
    log(`大纲（每次检查先建）：每字耗时 最慢÷最快 ${spread.outlineSpread}（${spread.outlineSpreadAt.perCharNs.join(" / ")} ns；${JSON.stringify(spread.outlineSpreadAt.cls)}）`);
  }
  log(`各规则单独运行（${spread.ruleSpreadCases} 种 规则×字符类×形态，${(spread.ruleSpreadMs / 1000).toFixed(0)} s）：每字耗时 最慢÷最快 最大 ${spread.worstRuleSpread}，超过 2 的 ${spread.ruleSpreadOver2} 种`);
  log("  最差的（倍数；每字 ns：1万 / 10万 / 100万字；规则；字符类；形态）：");
  for (const o of spread.offenders.slice(0, 10)) {
    log(`  ${(o.partial ? "≥" : "") + o.spread.toFixed(2)}  ${o.perCharNs.join(" / ")}${o.partial ? " / （太慢未测）" : ""}  ${o.rule}  ${JSON.stringify(o.cls)}  ${o.shape === "one paragraph" ? "一段" : "多个短段"}`);
  }
  log("  单独复测：node --expose-gc bench/rule-spread.js --rule <规则> --class <字符类>");

  if (json) console.log(JSON.stringify(result));
}

function round(x, d = 3) {
  const f = 10 ** d;
  return Math.round(x * f) / f;
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
