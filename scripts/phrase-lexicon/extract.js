#!/usr/bin/env node
/**
 * Lists the real headings the theme lexicon may be grown from, for labelling by hand
 * (scripts/phrase-lexicon/labels.tsv; built by scripts/build-phrase-lexicon.js).
 *
 * THE SPLIT RULE: only headings whose sha1(heading, utf8) starts with a hex digit 0–9 may be used.
 * The held-out evaluation (test/eval/phrases/test.json) takes its headings from the same reports and
 * seeds, namely those whose sha1 starts with a–f; a lexicon grown from those would be measuring
 * itself. This script never prints an a–f heading, and build-phrase-lexicon.js refuses one.
 *
 * Sources: ../shared/corpus/reports/*.txt (numbered headings 一、 （一） 第一， 一是; the first sentence of
 * the opening and closing paragraphs) and ../shared/seeds/*.txt. A heading is stored the way the
 * evaluation stores it: marker stripped, cut at the first 。！？；, no trailing punctuation.
 *
 *   node scripts/phrase-lexicon/extract.js            all dev-side headings, one per line: source<TAB>level<TAB>heading
 *   node scripts/phrase-lexicon/extract.js --todo     only those not yet in labels.tsv
 */
"use strict";
const fs = require("fs");
const path = require("path");
const crypto = require("crypto");

const root = path.resolve(__dirname, "..", "..");
const shared = path.resolve(root, "..", "shared");

/** The split rule (see above): true for a heading that may be used. */
function isDevSide(heading) {
  return /^[0-9]/.test(crypto.createHash("sha1").update(heading, "utf8").digest("hex"));
}

const MARKER = /^(?:([一二三四五六七八九十]+)、|[（(]([一二三四五六七八九十]+)[）)]|第([一二三四五六七八九十]+)[，,、]|([一二三四五六七八九十]+)[是要](?=[^\s]))/;

function clean(text) {
  let h = text;
  const end = h.search(/[。！？；]/);
  if (end >= 0) h = h.slice(0, end);
  return h.replace(/^[\s：:，,]+|[\s：:，,、]+$/g, "").trim();
}

function headingsOf(file, source) {
  const out = [];
  const paras = fs
    .readFileSync(file, "utf8")
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  // The body starts after the greeting line (各位代表： / 同志们：) when there is one.
  const greet = paras.findIndex((p) => /^(?:各位代表|同志们|代表们)[：:！!]?$/.test(p));
  const body = greet >= 0 ? paras.slice(greet + 1) : paras.slice(1);
  let firstNumbered = -1;
  let lastNumbered = -1;
  body.forEach((p, i) => {
    const m = MARKER.exec(p);
    if (!m) return;
    const level = m[1] ? 1 : m[2] ? 2 : 3;
    const h = clean(p.slice(m[0].length));
    if (h.length < 4 || h.length > 60) return;
    if (level === 1) {
      if (firstNumbered < 0) firstNumbered = i;
      lastNumbered = i;
    }
    out.push({ source, level, part: "section", heading: h });
  });
  // The opening's first sentence and the closing paragraph's first sentence.
  if (firstNumbered > 0) {
    const h = clean(body[0]);
    if (h.length >= 4 && h.length <= 60) out.push({ source, level: 1, part: "opening", heading: h });
  }
  if (lastNumbered >= 0 && body.length - 1 > lastNumbered) {
    const last = body[body.length - 1];
    const h = clean(last.replace(/^(?:各位代表|同志们|代表们)[！!，,：:]/, ""));
    if (h.length >= 4 && h.length <= 60 && !MARKER.test(last)) out.push({ source, level: 1, part: "closing", heading: h });
  }
  return out;
}

function allHeadings() {
  const out = [];
  const seen = new Set();
  const add = (list) => {
    for (const x of list) {
      if (seen.has(x.heading) || !isDevSide(x.heading)) continue;
      seen.add(x.heading);
      out.push(x);
    }
  };
  const reports = path.join(shared, "corpus", "reports");
  for (const f of fs.readdirSync(reports).filter((x) => x.endsWith(".txt")).sort()) add(headingsOf(path.join(reports, f), `reports:${f}`));
  const seeds = path.join(shared, "seeds");
  if (fs.existsSync(seeds)) for (const f of fs.readdirSync(seeds).filter((x) => x.endsWith(".txt")).sort()) add(headingsOf(path.join(seeds, f), `seed:${f}`));
  return out;
}

module.exports = { isDevSide, allHeadings };

if (require.main === module) {
  let list = allHeadings();
  if (process.argv.includes("--todo")) {
    const file = path.join(__dirname, "labels.tsv");
    const done = new Set(
      fs.existsSync(file)
        ? fs
            .readFileSync(file, "utf8")
            .split(/\r?\n/)
            .filter((l) => l && !l.startsWith("#"))
            .map((l) => l.split("\t")[1])
        : [],
    );
    list = list.filter((x) => !done.has(x.heading));
  }
  for (const x of list) process.stdout.write(`${x.source}\t${x.part}\t${x.level}\t${x.heading}\n`);
}
