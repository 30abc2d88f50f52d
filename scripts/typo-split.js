/**
 * The fixed split of ECSpell's official-document set (../shared/corpus/ecspell-odw/odw.train) for
 * the spelling check (issue #10). Fixed on 2026-12-03 before any tuning; never change it.
 *
 * The file's 1,720 lines hold far fewer distinct correct sentences (each correct sentence appears
 * with several corrupted versions and once as itself), so the split is by correct sentence: a line
 * belongs to the part chosen by the first hex digit of sha1(correct sentence) — 0–9 dev (tune on it),
 * a–f heldout (never look at its misses or false alarms while tuning; report its totals only).
 *
 * Neither part may be shipped as language-model data or word lists: the published test split
 * shares many of these correct sentences.
 */
"use strict";
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const ODW = path.resolve(__dirname, "..", "..", "shared", "corpus", "ecspell-odw", "odw.train");

/** "dev" or "heldout" for a correct sentence. */
function partOf(correct) {
  const h = crypto.createHash("sha1").update(correct, "utf8").digest("hex");
  return parseInt(h[0], 16) < 10 ? "dev" : "heldout";
}

/** Lines of odw.train as {label, src, tgt, part}; [] when the corpus is not on this machine. */
function loadOdw(file = ODW) {
  if (!fs.existsSync(file)) return [];
  const out = [];
  for (const line of fs.readFileSync(file, "utf8").split(/\r?\n/)) {
    if (!line.trim()) continue;
    const [label, src, tgt] = line.split("\t");
    if (src === undefined || tgt === undefined) continue;
    out.push({ label: Number(label), src, tgt, part: partOf(tgt) });
  }
  return out;
}

module.exports = { partOf, loadOdw, ODW };

if (require.main === module) {
  const rows = loadOdw();
  for (const part of ["dev", "heldout"]) {
    const r = rows.filter((x) => x.part === part);
    const distinct = new Set(r.map((x) => x.tgt)).size;
    const wrong = r.filter((x) => x.src !== x.tgt).length;
    console.log(`${part}: ${r.length} lines, ${distinct} correct sentences, ${wrong} with errors, ${r.length - wrong} correct`);
  }
}
