/**
 * A bounded zip reader for .docx packages. The central directory is walked by hand so that
 * nothing is inflated until a part is asked for, and each part is inflated in small slices
 * through fflate's streaming Inflate while its real output is counted: a part that grows past
 * the per-part or total cap, or past a plausible compression ratio, is refused at that moment.
 * Sizes and counts the zip declares are never trusted (they only bound what we look at).
 *
 * The raw (still compressed) entries are exposed too, so the format writer can copy every part
 * it does not edit without inflating it (src/core/writer/zipRepack.ts).
 */
import { Inflate } from "fflate";
import {
  LIMITS,
  MAX_COMPRESSION_RATIO,
  MAX_PART_BYTES,
  MAX_UNZIPPED_BYTES,
  MAX_ZIP_ENTRIES,
  MESSAGES,
  RATIO_FLOOR_BYTES,
  ReaderError,
} from "./errors";

export interface ZipEntry {
  /** The name as stored (decoded as UTF-8). */
  name: string;
  /** The raw bytes of the name, kept so a copy is byte-identical. */
  nameBytes: Uint8Array;
  flags: number;
  method: number;
  time: number;
  date: number;
  crc: number;
  compressedSize: number;
  /** As declared: only copied through, never used to size a buffer. */
  declaredSize: number;
  /** Offset of the compressed data in the file. */
  dataStart: number;
}

const SIG_EOCD = 0x06054b50;
const SIG_EOCD64 = 0x06064b50;
const SIG_EOCD64_LOC = 0x07064b50;
const SIG_CENTRAL = 0x02014b50;
const SIG_LOCAL = 0x04034b50;

function corrupt(): ReaderError {
  return new ReaderError("corrupt", MESSAGES.corrupt);
}

function u16(b: Uint8Array, o: number): number {
  if (o + 2 > b.length) throw corrupt();
  return b[o] | (b[o + 1] << 8);
}

function u32(b: Uint8Array, o: number): number {
  if (o + 4 > b.length) throw corrupt();
  return (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16)) + b[o + 3] * 0x1000000;
}

function u64(b: Uint8Array, o: number): number {
  // Anything above 2^53 is nonsense for a file of at most 30 MB: it fails the bounds checks.
  return u32(b, o) + u32(b, o + 4) * 0x100000000;
}

function findEocd(b: Uint8Array): number {
  const stop = Math.max(0, b.length - 22 - 0xffff);
  for (let i = b.length - 22; i >= stop; i--) {
    if (b[i] === 0x50 && b[i + 1] === 0x4b && b[i + 2] === 5 && b[i + 3] === 6) return i;
  }
  return -1;
}

const utf8 = new TextDecoder("utf-8");

/** Parses the central directory of `bytes`. Throws ReaderError (corrupt, or the entry limit). */
export function readZipEntries(bytes: Uint8Array): ZipEntry[] {
  const eocd = findEocd(bytes);
  if (eocd < 0 || u32(bytes, eocd) !== SIG_EOCD) throw corrupt();
  let count = u16(bytes, eocd + 10);
  let cdSize = u32(bytes, eocd + 12);
  let cdOffset = u32(bytes, eocd + 16);
  if (eocd >= 20 && u32(bytes, eocd - 20) === SIG_EOCD64_LOC) {
    const at = u64(bytes, eocd - 12);
    if (at + 56 > bytes.length || u32(bytes, at) !== SIG_EOCD64) throw corrupt();
    count = u64(bytes, at + 32);
    cdSize = u64(bytes, at + 40);
    cdOffset = u64(bytes, at + 48);
  }
  // A claim is enough to refuse; it is never enough to accept (the records are counted below).
  if (count > MAX_ZIP_ENTRIES) throw LIMITS.entries();
  if (cdOffset + cdSize > bytes.length) throw corrupt();
  const entries: ZipEntry[] = [];
  const end = cdOffset + cdSize;
  let p = cdOffset;
  while (p + 46 <= end && u32(bytes, p) === SIG_CENTRAL) {
    if (entries.length >= MAX_ZIP_ENTRIES) throw LIMITS.entries();
    const flags = u16(bytes, p + 8);
    const method = u16(bytes, p + 10);
    const time = u16(bytes, p + 12);
    const date = u16(bytes, p + 14);
    const crc = u32(bytes, p + 16);
    let compressedSize = u32(bytes, p + 20);
    let declaredSize = u32(bytes, p + 24);
    const nameLen = u16(bytes, p + 28);
    const extraLen = u16(bytes, p + 30);
    const commentLen = u16(bytes, p + 32);
    let localOffset = u32(bytes, p + 42);
    const nameStart = p + 46;
    const extraStart = nameStart + nameLen;
    if (extraStart + extraLen + commentLen > end) throw corrupt();
    // Zip64 extra field: the 8-byte values stand in for those written as 0xFFFFFFFF, in this order.
    for (let x = extraStart; x + 4 <= extraStart + extraLen; ) {
      const id = u16(bytes, x);
      const len = u16(bytes, x + 2);
      if (id === 1) {
        let f = x + 4;
        if (declaredSize === 0xffffffff) (declaredSize = u64(bytes, f)), (f += 8);
        if (compressedSize === 0xffffffff) (compressedSize = u64(bytes, f)), (f += 8);
        if (localOffset === 0xffffffff) localOffset = u64(bytes, f);
      }
      x += 4 + len;
    }
    const nameBytes = bytes.subarray(nameStart, extraStart);
    if (localOffset + 30 > bytes.length || u32(bytes, localOffset) !== SIG_LOCAL) throw corrupt();
    const dataStart = localOffset + 30 + u16(bytes, localOffset + 26) + u16(bytes, localOffset + 28);
    if (dataStart + compressedSize > bytes.length) throw corrupt();
    entries.push({ name: utf8.decode(nameBytes), nameBytes, flags, method, time, date, crc, compressedSize, declaredSize, dataStart });
    p = extraStart + extraLen + commentLen;
  }
  return entries;
}

/** What a user would call a part, for the limit messages. */
export function partLabel(name: string): string {
  const n = name.toLowerCase();
  if (n.endsWith(".rels")) return "关系";
  if (n.includes("content_types")) return "内容类型";
  const file = n.slice(n.lastIndexOf("/") + 1);
  const labels: Array<[string, string]> = [
    ["document", "正文"],
    ["styles", "样式"],
    ["numbering", "编号"],
    ["theme", "主题"],
    ["settings", "设置"],
    ["header", "页眉"],
    ["footer", "页脚"],
    ["footnotes", "脚注"],
    ["endnotes", "尾注"],
    ["comments", "批注"],
  ];
  for (const [k, v] of labels) if (file.startsWith(k)) return v;
  return name;
}

/** The caps a BoundedZip enforces (the defaults are the reader's; tests lower them). */
export interface ZipCaps {
  partBytes: number;
  totalBytes: number;
  ratio: number;
  ratioFloor: number;
}

const DEFAULT_CAPS: ZipCaps = {
  partBytes: MAX_PART_BYTES,
  totalBytes: MAX_UNZIPPED_BYTES,
  ratio: MAX_COMPRESSION_RATIO,
  ratioFloor: RATIO_FLOOR_BYTES,
};

/** Compressed bytes pushed per step: at deflate's best ratio (~1:1032) one step yields at most ~8 MB. */
const SLICE = 8 * 1024;

/**
 * Inflates entries on demand under the caps, counting every byte that comes out. One instance
 * per document: the total cap covers all the parts it inflates.
 */
export class BoundedZip {
  readonly entries: ZipEntry[];
  private byLower = new Map<string, ZipEntry>();
  private inflated = 0;

  private caps: ZipCaps;

  constructor(
    readonly bytes: Uint8Array,
    caps: Partial<ZipCaps> = {},
  ) {
    this.caps = { ...DEFAULT_CAPS, ...caps };
    this.entries = readZipEntries(bytes);
    for (const e of this.entries) this.byLower.set(normalizePartName(e.name).toLowerCase(), e);
  }

  /** The entry of a part name (case-insensitive, without a leading slash), or undefined. */
  entry(name: string): ZipEntry | undefined {
    return this.byLower.get(normalizePartName(name).toLowerCase());
  }

  /** The inflated bytes of a part, or undefined when there is no such part. */
  read(name: string): Uint8Array | undefined {
    const e = this.entry(name);
    return e ? this.inflate(e) : undefined;
  }

  private count(e: ZipEntry, n: number, soFar: number): void {
    const caps = this.caps;
    if (soFar > caps.partBytes) throw LIMITS.part(partLabel(e.name));
    if (this.inflated + n > caps.totalBytes) throw LIMITS.total();
    if (soFar > caps.ratioFloor && soFar > e.compressedSize * caps.ratio) throw LIMITS.ratio(partLabel(e.name));
    this.inflated += n;
  }

  private inflate(e: ZipEntry): Uint8Array {
    // Encrypted entries (bit 0) cannot be read; Word never writes them inside a .docx.
    if (e.flags & 1) throw corrupt();
    const data = this.bytes.subarray(e.dataStart, e.dataStart + e.compressedSize);
    if (e.method === 0) {
      this.count(e, data.length, data.length);
      return data;
    }
    if (e.method !== 8) throw corrupt();
    const chunks: Uint8Array[] = [];
    let total = 0;
    let done = false;
    const inf = new Inflate((chunk, final) => {
      total += chunk.length;
      this.count(e, chunk.length, total);
      chunks.push(chunk);
      if (final) done = true;
    });
    try {
      if (data.length === 0) inf.push(data, true);
      for (let off = 0; off < data.length && !done; off += SLICE) {
        const stop = Math.min(data.length, off + SLICE);
        inf.push(data.subarray(off, stop), stop === data.length);
      }
    } catch (err) {
      if (err instanceof ReaderError) throw err;
      throw corrupt();
    }
    if (chunks.length === 1) return chunks[0];
    const out = new Uint8Array(total);
    let at = 0;
    for (const c of chunks) {
      out.set(c, at);
      at += c.length;
    }
    return out;
  }
}

/** "/word/./document.xml" → "word/document.xml". */
export function normalizePartName(path: string): string {
  const out: string[] = [];
  for (const seg of path.replace(/\\/g, "/").split("/")) {
    if (seg === "" || seg === ".") continue;
    if (seg === "..") out.pop();
    else out.push(seg);
  }
  return out.join("/");
}
