/**
 * Decoding of the spelling model file (assets/spell/spell.bin, built by scripts/build-typo-model.js).
 * Pure TypeScript, no Node or DOM APIs: the taskpane worker calls it on the fetched bytes.
 *
 * The file stores what compresses well (sorted words as delta-coded character ids, n-gram keys as
 * varint deltas); the lookup structures (hash tables, history totals) are rebuilt here in one pass
 * each, which is cheaper to ship than to store.
 */
import type { CharLM, SpellModel } from "./types";

export const SPELL_MODEL_VERSION = 1;
const MAGIC = [0x42, 0x53, 0x50, 0x4c]; // "BSPL"

/** Words at least this frequent in the dictionary (quantised log2 × 8) can be a correction's target. */
const MASK_MIN_Q = Math.round(Math.log2(20) * 8);
const MASK_MAX_LEN = 5;
/** Id that never names a character: stands for the masked position in mask keys. */
const MASK_ID = 0xffff;

const FNV_OFFSET = 0x811c9dc5 | 0;
const FNV_PRIME = 0x01000193;

/** Hash step over character ids: FNV-1a on the whole id, with a shift so high bits reach the low ones. */
export function hashStep(h: number, id: number): number {
  const x = Math.imul(h ^ id, FNV_PRIME);
  return x ^ (x >>> 15);
}
export const HASH_START = FNV_OFFSET;
export const MASK_HASH_ID = MASK_ID;
const PAIR_BITS = 1 << 22;
const PREFIX_BITS = 1 << 24;
const MASK_BITS = 1 << 22;
/**
 * The mask index's bit set is blocked: a pattern (the window's hash with the masked position) picks
 * one line of 512 bits and each sound of the masked character one bit in it, so trying every sound
 * of a window touches one cache line.
 */
export function maskLine(bits: Uint32Array, patternHash: number): number {
  return hashSlot(patternHash ^ 0x5bd1e995, (bits.length >>> 4) - 1) << 4;
}
/** May the mask index hold the pattern's line (maskLine) with the sound key (soundKey)? */
export function maybeMaskKey(bits: Uint32Array, line: number, key: number): boolean {
  const b = hashSlot(key, 511);
  return (bits[line + (b >>> 5)] & (1 << (b & 31))) !== 0;
}
/**
 * May a word start with the span whose hash is h (two characters or more)? False only when none does.
 * The bit next to a prefix's bit (same 32-bit word, so no further cache miss) says whether the span
 * may be a whole word (maybeWord).
 */
export function maybePrefix(bits: Uint32Array, h: number): boolean {
  const b = hashSlot(h, PREFIX_BITS - 1) & ~1;
  return (bits[b >>> 5] & (1 << (b & 31))) !== 0;
}
/** May the span whose hash is h (two characters or more) be a word? False only when it is none. */
export function maybeWord(bits: Uint32Array, h: number): boolean {
  const b = hashSlot(h, PREFIX_BITS - 1) | 1;
  return (bits[b >>> 5] & (1 << (b & 31))) !== 0;
}
/** Bit of the pair (a, b) in SpellModel.pairBits. */
export function pairSlot(a: number, b: number): number {
  return hashSlot(hashStep(hashStep(FNV_OFFSET, a), b), PAIR_BITS - 1);
}

/** Adds the toneless sound class of the masked character to a mask pattern's hash. */
export function soundKey(h: number, toneless: number): number {
  return hashStep(h, 0x10000 + toneless);
}

/** Table slot of a hash (murmur3's finaliser: every input bit moves every slot bit). */
export function hashSlot(h: number, mask: number): number {
  let x = h ^ (h >>> 16);
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  return (x ^ (x >>> 16)) & mask;
}

class Reader {
  private pos = 0;
  constructor(private readonly bytes: Uint8Array) {}
  u32(): number {
    const b = this.bytes;
    const p = this.pos;
    if (p + 4 > b.length) throw new Error("拼写模型文件不完整");
    this.pos = p + 4;
    return (b[p] | (b[p + 1] << 8) | (b[p + 2] << 16) | (b[p + 3] << 24)) >>> 0;
  }
  tag(): string {
    const b = this.bytes;
    const p = this.pos;
    if (p + 4 > b.length) throw new Error("拼写模型文件不完整");
    this.pos = p + 4;
    return String.fromCharCode(b[p], b[p + 1], b[p + 2], b[p + 3]);
  }
  /** The parts of a section: each a u32 length, the bytes, padding to 4. */
  parts(len: number): Uint8Array[] {
    const end = this.pos + len;
    if (end > this.bytes.length) throw new Error("拼写模型文件不完整");
    const out: Uint8Array[] = [];
    while (this.pos < end) {
      const n = this.u32();
      if (this.pos + n > end) throw new Error("拼写模型文件损坏");
      out.push(this.bytes.subarray(this.pos, this.pos + n));
      this.pos += Math.ceil(n / 4) * 4;
    }
    this.pos = end;
    return out;
  }
}

function asU16(b: Uint8Array): Uint16Array {
  const copy = b.byteOffset % 2 === 0 ? b : b.slice();
  return new Uint16Array(copy.buffer, copy.byteOffset, copy.byteLength >> 1);
}
function asU32(b: Uint8Array): Uint32Array {
  const copy = b.byteOffset % 4 === 0 ? b : b.slice();
  return new Uint32Array(copy.buffer, copy.byteOffset, copy.byteLength >> 2);
}

/** Decodes unsigned varints (values may exceed 2^32: plain arithmetic, no bit operators). */
function varints(b: Uint8Array, count: number): Float64Array {
  const out = new Float64Array(count);
  let p = 0;
  for (let i = 0; i < count; i++) {
    let v = 0;
    let mul = 1;
    for (;;) {
      if (p >= b.length) throw new Error("拼写模型文件损坏");
      const x = b[p++];
      v += (x & 0x7f) * mul;
      if (x < 0x80) break;
      mul *= 128;
    }
    out[i] = v;
  }
  return out;
}

function prefixSum(deltas: Float64Array): Float64Array {
  let acc = 0;
  for (let i = 0; i < deltas.length; i++) {
    acc += deltas[i];
    deltas[i] = acc;
  }
  return deltas;
}

function pow2Above(n: number): number {
  let s = 1;
  while (s < n) s <<= 1;
  return s;
}

/** A toneless syllable with its initial blurred: z/zh, c/ch, s/sh, n/l. */
function blurInitial(s: string): string {
  if (/^[zcs]h/.test(s)) return s[0] + s.slice(2);
  if (s.length > 1 && s[0] === "n" && s !== "ng") return "l" + s.slice(1);
  return s;
}
/** A toneless syllable with its final blurred: an/ang, en/eng, in/ing (ong stays). */
function blurFinal(s: string): string {
  return s.length > 2 && /[aei]ng$/.test(s) ? s.slice(0, -1) : s;
}

function classIds(names: string[], f: (s: string) => string): Uint16Array {
  const ids = new Map<string, number>();
  const out = new Uint16Array(names.length);
  for (let i = 0; i < names.length; i++) {
    const k = f(names[i]);
    let v = ids.get(k);
    if (v === undefined) ids.set(k, (v = ids.size));
    out[i] = v;
  }
  return out;
}

/** Hash of an n-gram of character ids (the same for building and lookup). */
export function ngramHash(a: number, b: number, c: number): number {
  return hashStep(hashStep(hashStep(FNV_OFFSET, a), b), c);
}

/** Open-addressing table of index+1 by n-gram hash, for sorted n-gram keys (n = 2 or 3). */
function keyTable(keys: Float64Array, base: number, n: number): Int32Array {
  const size = pow2Above(keys.length * 2);
  const t = new Int32Array(size);
  for (let i = 0; i < keys.length; i++) {
    const k = keys[i];
    const c = k % base;
    const ab = (k - c) / base;
    const b = ab % base;
    const a = n === 3 ? (ab - b) / base : -1;
    let slot = hashSlot(ngramHash(a, b, c), size - 1);
    while (t[slot] !== 0) slot = (slot + 1) & (size - 1);
    t[slot] = i + 1;
  }
  return t;
}

export function decodeSpellModel(bytes: Uint8Array): SpellModel {
  if (bytes.length < 12) throw new Error("拼写模型文件不完整");
  for (let i = 0; i < 4; i++) if (bytes[i] !== MAGIC[i]) throw new Error("不是拼写模型文件");
  const r = new Reader(bytes);
  r.tag();
  const version = r.u32();
  if (version !== SPELL_MODEL_VERSION) throw new Error(`拼写模型版本 ${version} 与程序（${SPELL_MODEL_VERSION}）不符`);
  const count = r.u32();
  const sec = new Map<string, Uint8Array[]>();
  for (let i = 0; i < count; i++) {
    const tag = r.tag();
    const len = r.u32();
    sec.set(tag, r.parts(len));
  }
  const need = (tag: string, n: number): Uint8Array[] => {
    const p = sec.get(tag);
    if (!p || p.length < n) throw new Error(`拼写模型缺少 ${tag}`);
    return p;
  };

  const meta = asU32(need("META", 1)[0]);
  const nChars = meta[0];
  const wordCount = meta[1];
  const totalFreq = meta[2];
  const runCount = meta[3];
  const nSyl = meta[4];
  const nBi = meta[5];
  const nTri = meta[6];
  const logTotal = Math.log(totalFreq);

  // characters
  const charCode = new Uint16Array(nChars);
  charCode.set(asU16(need("CHAR", 1)[0]), 1);
  const charId = new Uint16Array(0x10000);
  for (let k = 1; k < nChars; k++) charId[charCode[k]] = k;

  // readings
  const sylNames = new TextDecoder().decode(need("SYLS", 1)[0]).split(",");
  if (sylNames.length !== nSyl) throw new Error("拼写模型损坏（读音表）");
  const [csCount, csIds] = need("CSYL", 2);
  const sylStart = new Uint32Array(nChars + 1);
  for (let k = 0; k < nChars; k++) sylStart[k + 1] = sylStart[k] + csCount[k];
  const sylIds = asU16(csIds);
  const bases = sylNames.map((x) => x.replace(/[0-5]$/, ""));
  // (the classes below are numbered in order of first appearance, so tonelessNames can be rebuilt)
  const sylToneless = classIds(bases, (x) => x);
  // blurred classes keep the other half exact, so 镇 zhen and 增 zeng (both halves blurred) stay apart
  const sylNearInitial = classIds(bases, blurInitial);
  const sylNearFinal = classIds(bases, blurFinal);

  // shapes
  const [shCount, shIds] = need("SHAP", 2);
  const shapeStart = new Uint32Array(nChars + 1);
  for (let k = 0; k < nChars; k++) shapeStart[k + 1] = shapeStart[k] + shCount[k];
  const shapeIds = asU16(shIds);

  // words
  const singleQ = need("CSGL", 1)[0];
  const singleLogP = new Float32Array(nChars);
  for (let k = 0; k < nChars; k++) singleLogP[k] = singleQ[k] ? (singleQ[k] / 8) * Math.LN2 - logTotal : -logTotal - 4;
  const wordLen = need("WLEN", 1)[0];
  const wordQ = need("WFRQ", 1)[0];
  const wordFlags = need("WFLG", 1)[0];
  const wordStart = new Uint32Array(wordCount + 1);
  for (let w = 0; w < wordCount; w++) wordStart[w + 1] = wordStart[w] + wordLen[w];
  const totalWordChars = wordStart[wordCount];
  const wchr = need("WCHR", 1)[0];
  const wordChars = new Uint16Array(totalWordChars);
  {
    let p = 0;
    let prev = 0;
    for (let i = 0; i < totalWordChars; i++) {
      let v = 0;
      let shift = 0;
      for (;;) {
        if (p >= wchr.length) throw new Error("拼写模型损坏（词表）");
        const x = wchr[p++];
        v |= (x & 0x7f) << shift;
        if (x < 0x80) break;
        shift += 7;
      }
      const d = v & 1 ? -((v + 1) >>> 1) : v >>> 1;
      prev += d;
      wordChars[i] = prev;
    }
  }
  const wordLogP = new Float32Array(wordCount);
  for (let w = 0; w < wordCount; w++) wordLogP[w] = (wordQ[w] / 8) * Math.LN2 - logTotal;

  // exact-word hash table and every prefix (of two characters or more) of every word as a bit set
  // (a scan stops extending a span as soon as no word starts with it), in one pass over the words
  const wsize = pow2Above(wordCount * 2);
  const wmask = wsize - 1;
  const wordTable = new Int32Array(wsize);
  const prefixBits = new Uint32Array(PREFIX_BITS >>> 5);
  for (let w = 0; w < wordCount; w++) {
    const s0 = wordStart[w];
    const len = wordLen[w];
    let h = hashStep(FNV_OFFSET, wordChars[s0]);
    for (let j = 1; j < len; j++) {
      h = hashStep(h, wordChars[s0 + j]);
      const bt = hashSlot(h, PREFIX_BITS - 1) & ~1;
      prefixBits[bt >>> 5] |= 1 << (bt & 31);
    }
    if (len >= 2) {
      const bw = hashSlot(h, PREFIX_BITS - 1) | 1;
      prefixBits[bw >>> 5] |= 1 << (bw & 31);
    }
    let slot = hashSlot(h, wmask);
    while (wordTable[slot] !== 0) slot = (slot + 1) & wmask;
    wordTable[slot] = w + 1;
  }

  // the distinct toneless sounds of each character, flat
  const tlStart = new Uint32Array(nChars + 1);
  const tlIds = new Uint16Array(sylIds.length);
  {
    let e = 0;
    for (let c = 0; c < nChars; c++) {
      tlStart[c] = e;
      for (let k = sylStart[c]; k < sylStart[c + 1]; k++) {
        const t = sylToneless[sylIds[k]];
        let seen = false;
        for (let q = tlStart[c]; q < e; q++) if (tlIds[q] === t) seen = true;
        if (!seen) tlIds[e++] = t;
      }
    }
    tlStart[nChars] = e;
  }

  let nMask = 0;
  for (let w = 0; w < wordCount; w++) {
    if (wordLen[w] > MASK_MAX_LEN || wordQ[w] < MASK_MIN_Q) continue;
    const s0 = wordStart[w];
    for (let p = 0; p < wordLen[w]; p++) nMask += tlStart[wordChars[s0 + p] + 1] - tlStart[wordChars[s0 + p]];
  }
  const msize = pow2Above(nMask);
  const mmask = msize - 1;
  const maskHead = new Int32Array(msize).fill(-1);
  const maskNext = new Int32Array(nMask);
  const maskWord = new Int32Array(nMask);
  const maskPos = new Uint8Array(nMask);
  const maskSound = new Uint16Array(nMask);
  const maskBits = new Uint32Array(MASK_BITS >>> 5);
  {
    let e = 0;
    for (let w = 0; w < wordCount; w++) {
      const len = wordLen[w];
      if (len > MASK_MAX_LEN || wordQ[w] < MASK_MIN_Q) continue;
      const s0 = wordStart[w];
      for (let p = 0; p < len; p++) {
        let h = FNV_OFFSET;
        for (let j = 0; j < len; j++) h = hashStep(h, j === p ? MASK_ID : wordChars[s0 + j]);
        const line = maskLine(maskBits, h);
        const cp = wordChars[s0 + p];
        for (let q = tlStart[cp]; q < tlStart[cp + 1]; q++) {
          const t = tlIds[q];
          const key = soundKey(h, t);
          const slot = hashSlot(key, mmask);
          const bit = hashSlot(key, 511);
          maskBits[line + (bit >>> 5)] |= 1 << (bit & 31);
          maskWord[e] = w;
          maskPos[e] = p;
          maskSound[e] = t;
          maskNext[e] = maskHead[slot];
          maskHead[slot] = e;
          e++;
        }
      }
    }
  }
  // adjacent character pairs inside the target words, as a bit set (a quick "can c make a word here?")
  const pairBits = new Uint32Array(PAIR_BITS >>> 5);
  for (let w = 0; w < wordCount; w++) {
    if (wordLen[w] > MASK_MAX_LEN || wordQ[w] < MASK_MIN_Q) continue;
    const s0 = wordStart[w];
    for (let j = 0; j + 1 < wordLen[w]; j++) {
      const b = pairSlot(wordChars[s0 + j], wordChars[s0 + j + 1]);
      pairBits[b >>> 5] |= 1 << (b & 31);
    }
  }

  // near sounds of each toneless sound (one half blurred: z/zh… or an/ang…)
  const tonelessNames: string[] = [];
  for (let sy = 0; sy < nSyl; sy++) tonelessNames[sylToneless[sy]] = bases[sy];
  const nTl = tonelessNames.length;
  const byBlur = new Map<string, number[]>();
  for (let t = 0; t < nTl; t++) {
    for (const key of ["i:" + blurInitial(tonelessNames[t]), "f:" + blurFinal(tonelessNames[t])]) {
      const list = byBlur.get(key) ?? [];
      list.push(t);
      byBlur.set(key, list);
    }
  }
  const nearLists: number[][] = [];
  for (let t = 0; t < nTl; t++) {
    const out: number[] = [];
    for (const key of ["i:" + blurInitial(tonelessNames[t]), "f:" + blurFinal(tonelessNames[t])]) {
      for (const u of byBlur.get(key) ?? []) if (u !== t && out.indexOf(u) < 0) out.push(u);
    }
    nearLists.push(out.sort((a, b) => a - b));
  }
  const nearStart = new Uint32Array(nTl + 1);
  for (let t = 0; t < nTl; t++) nearStart[t + 1] = nearStart[t] + nearLists[t].length;
  const nearIds = Uint16Array.from(nearLists.flat());

  // two-character words by toneless reading
  const [wpW, wpS] = need("WPIN", 2);
  const pinWord = new Int32Array(asU32(wpW));
  for (let k = 1; k < pinWord.length; k++) pinWord[k] += pinWord[k - 1];
  const pinSyl = asU16(wpS);
  const nPin = pinWord.length;
  const psize = pow2Above(nPin * 2);
  const pinHead = new Int32Array(psize).fill(-1);
  const pinNext = new Int32Array(nPin);
  for (let e = 0; e < nPin; e++) {
    const slot = hashSlot(hashStep(hashStep(HASH_START, sylToneless[pinSyl[2 * e]]), sylToneless[pinSyl[2 * e + 1]]), psize - 1);
    pinNext[e] = pinHead[slot];
    pinHead[slot] = e;
  }

  // language model
  const uniCounts = varints(need("UNIG", 1)[0], nChars);
  let uniTotal = 0;
  for (let k = 1; k < nChars; k++) uniTotal += uniCounts[k];
  const uniLogP = new Float32Array(nChars);
  for (let k = 0; k < nChars; k++) uniLogP[k] = Math.log((uniCounts[k] + 1) / (uniTotal + nChars + runCount));
  // the end of a run is predicted like a character, as often as runs end
  uniLogP[0] = Math.log((runCount + 1) / (uniTotal + nChars + runCount));
  const [biK, biC] = need("BIGR", 2);
  const biKeys = prefixSum(varints(biK, nBi));
  const biCountsF = varints(biC, nBi);
  const biCounts = new Uint32Array(nBi);
  const histCount = new Uint32Array(nChars);
  const histTypes = new Uint32Array(nChars);
  for (let i = 0; i < nBi; i++) {
    const c = biCountsF[i];
    biCounts[i] = c;
    const a = Math.floor(biKeys[i] / nChars);
    histCount[a] += c;
    histTypes[a]++;
  }
  const [triK, triC] = need("TRIG", 2);
  const triKeys = prefixSum(varints(triK, nTri));
  const triCountsF = varints(triC, nTri);
  const triCounts = new Uint32Array(nTri);
  const triHistCount = new Uint32Array(nBi);
  const triHistTypes = new Uint32Array(nBi);
  {
    let bi = 0;
    for (let i = 0; i < nTri; i++) {
      const c = triCountsF[i];
      triCounts[i] = c;
      const hist = Math.floor(triKeys[i] / nChars);
      while (bi < nBi && biKeys[bi] < hist) bi++;
      if (bi < nBi && biKeys[bi] === hist) {
        triHistCount[bi] += c;
        triHistTypes[bi]++;
      }
    }
  }
  const biTable = keyTable(biKeys, nChars, 2);
  const triTable = keyTable(triKeys, nChars, 3);
  const lm: CharLM = { uniLogP, biKeys, biCounts, biTable, histCount, histTypes, triKeys, triCounts, triTable, triHistCount, triHistTypes };

  return {
    version,
    nChars,
    charId,
    charCode,
    sylStart,
    sylIds,
    sylToneless,
    sylNearInitial,
    sylNearFinal,
    sylNames,
    shapeStart,
    shapeIds,
    singleLogP,
    wordCount,
    wordStart,
    wordLen,
    wordChars,
    wordLogP,
    wordFlags,
    wordTable,
    maskHead,
    maskNext,
    maskWord,
    maskPos,
    maskSound,
    maskBits,
    nearStart,
    nearIds,
    pairBits,
    prefixBits,
    targetMinLogP: (MASK_MIN_Q / 8) * Math.LN2 - logTotal - 1e-6,
    pinHead,
    pinNext,
    pinWord,
    pinSyl,
    lm,
  };
}
