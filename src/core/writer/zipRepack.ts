/**
 * Writes a .docx back with a few parts replaced or added, copying every other entry's compressed
 * bytes as they are: images, fonts and embedded objects are never inflated (a 6 MB file holding
 * 1 GB "images" costs 6 MB here). fflate's zipSync can only write entries from their inflated
 * bytes, so the container is written by hand: local headers, data, central directory, end record.
 */
import { deflateSync } from "fflate";
import { MESSAGES, ReaderError } from "../reader/errors";
import { normalizePartName, type BoundedZip, type ZipEntry } from "../reader/zip";

let crcTable: Int32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Int32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c;
    }
  }
  let crc = -1;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ -1) >>> 0;
}

interface OutEntry {
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  size: number;
  data: Uint8Array;
}

/** DOS time and date of now, as zip stores them. */
function dosNow(): { time: number; date: number } {
  const d = new Date();
  return {
    time: (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1),
    date: ((Math.max(1980, d.getFullYear()) - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate(),
  };
}

function fresh(nameBytes: Uint8Array, content: Uint8Array, like?: ZipEntry): OutEntry {
  const data = deflateSync(content, { level: 6 });
  const { time, date } = like ?? dosNow();
  return {
    nameBytes,
    // Bit 11: the name is UTF-8. Bit 3 (sizes after the data) is not used: they are known here.
    flags: (like ? like.flags & 0x800 : 0x800),
    method: 8,
    time,
    date,
    crc: crc32(content),
    compressedSize: data.length,
    size: content.length,
    data,
  };
}

function copied(zip: BoundedZip, e: ZipEntry): OutEntry {
  if (e.declaredSize > 0xfffffffe || e.compressedSize > 0xfffffffe) throw new ReaderError("corrupt", MESSAGES.corrupt);
  return {
    nameBytes: e.nameBytes,
    flags: e.flags & ~0x8,
    method: e.method,
    time: e.time,
    date: e.date,
    crc: e.crc,
    compressedSize: e.compressedSize,
    size: e.declaredSize,
    data: zip.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize),
  };
}

/**
 * The zip of `zip` with the parts in `replace` (part name → new content) replaced, or added at
 * the end when the zip has no such part. Every other entry is copied compressed, in its order.
 */
export function repackZip(zip: BoundedZip, replace: Map<string, Uint8Array>): Uint8Array {
  const pending = new Map<string, [string, Uint8Array]>();
  for (const [name, bytes] of replace) pending.set(normalizePartName(name).toLowerCase(), [name, bytes]);
  const out: OutEntry[] = [];
  const seen = new Set<string>();
  for (const e of zip.entries) {
    const key = normalizePartName(e.name).toLowerCase();
    const rep = pending.get(key);
    // A name stored twice keeps one copy (the one the reader read: the last).
    if (seen.has(key) || zip.entry(key) !== e) continue;
    seen.add(key);
    out.push(rep ? fresh(e.nameBytes, rep[1], e) : copied(zip, e));
  }
  const enc = new TextEncoder();
  for (const [key, [name, bytes]] of pending) if (!seen.has(key)) out.push(fresh(enc.encode(normalizePartName(name)), bytes));

  let size = 22;
  for (const e of out) size += 30 + e.nameBytes.length + e.data.length + 46 + e.nameBytes.length;
  const buf = new Uint8Array(size);
  const view = new DataView(buf.buffer);
  let p = 0;
  const offsets: number[] = [];
  const header = (e: OutEntry, central: boolean, offset: number) => {
    view.setUint32(p, central ? 0x02014b50 : 0x04034b50, true);
    p += 4;
    if (central) {
      view.setUint16(p, 20, true);
      p += 2;
    }
    view.setUint16(p, 20, true);
    view.setUint16(p + 2, e.flags, true);
    view.setUint16(p + 4, e.method, true);
    view.setUint16(p + 6, e.time, true);
    view.setUint16(p + 8, e.date, true);
    view.setUint32(p + 10, e.crc, true);
    view.setUint32(p + 14, e.compressedSize, true);
    view.setUint32(p + 18, e.size, true);
    view.setUint16(p + 22, e.nameBytes.length, true);
    view.setUint16(p + 24, 0, true); // no extra field
    p += 26;
    if (central) {
      // Comment length, disk, internal and external attributes: zero; then the local header offset.
      p += 10;
      view.setUint32(p, offset, true);
      p += 4;
    }
    buf.set(e.nameBytes, p);
    p += e.nameBytes.length;
  };
  for (const e of out) {
    offsets.push(p);
    header(e, false, 0);
    buf.set(e.data, p);
    p += e.data.length;
  }
  const cdStart = p;
  out.forEach((e, i) => header(e, true, offsets[i]));
  const cdSize = p - cdStart;
  view.setUint32(p, 0x06054b50, true);
  view.setUint16(p + 8, out.length, true);
  view.setUint16(p + 10, out.length, true);
  view.setUint32(p + 12, cdSize, true);
  view.setUint32(p + 16, cdStart, true);
  return buf;
}
