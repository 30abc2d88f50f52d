/**
 * Just enough of the Compound File Binary format (the container of legacy .doc files and
 * of password-protected .docx files) to list the names of its streams.
 */

export const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isCfb(b: Uint8Array): boolean {
  if (b.length < 8) return false;
  for (let i = 0; i < 8; i++) if (b[i] !== CFB_MAGIC[i]) return false;
  return true;
}

const ENDOFCHAIN = 0xfffffffe;
const MAX_REGSECT = 0xfffffffa;

/** Names of the directory entries of a compound file; undefined when the structure is unreadable. */
export function cfbEntryNames(b: Uint8Array): string[] | undefined {
  if (!isCfb(b) || b.length < 512) return undefined;
  const dv = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const sectorShift = dv.getUint16(0x1e, true);
  if (sectorShift !== 9 && sectorShift !== 12) return undefined;
  const sectorSize = 1 << sectorShift;
  const numFatSectors = dv.getUint32(0x2c, true);
  const firstDirSector = dv.getUint32(0x30, true);
  const firstDifat = dv.getUint32(0x44, true);
  const numDifat = dv.getUint32(0x48, true);
  const sectorOffset = (s: number) => (s + 1) * sectorSize;
  const u32 = (off: number) => (off + 4 <= b.length ? dv.getUint32(off, true) : ENDOFCHAIN);

  // FAT sector list: 109 entries in the header, then DIFAT sectors.
  const fatSectors: number[] = [];
  for (let i = 0; i < 109 && fatSectors.length < numFatSectors; i++) {
    const s = u32(0x4c + i * 4);
    if (s <= MAX_REGSECT) fatSectors.push(s);
  }
  let difat = firstDifat;
  for (let k = 0; k < numDifat && difat <= MAX_REGSECT && fatSectors.length < numFatSectors; k++) {
    const base = sectorOffset(difat);
    const per = sectorSize / 4 - 1;
    for (let i = 0; i < per && fatSectors.length < numFatSectors; i++) {
      const s = u32(base + i * 4);
      if (s <= MAX_REGSECT) fatSectors.push(s);
    }
    difat = u32(base + per * 4);
  }
  const perFat = sectorSize / 4;
  const next = (s: number): number => {
    const fs = fatSectors[Math.floor(s / perFat)];
    if (fs === undefined) return ENDOFCHAIN;
    return u32(sectorOffset(fs) + (s % perFat) * 4);
  };

  const names: string[] = [];
  let s = firstDirSector;
  const seen = new Set<number>();
  while (s <= MAX_REGSECT && !seen.has(s)) {
    seen.add(s);
    const base = sectorOffset(s);
    if (base + sectorSize > b.length) return names.length ? names : undefined;
    for (let e = 0; e < sectorSize / 128; e++) {
      const off = base + e * 128;
      const nameLen = dv.getUint16(off + 0x40, true);
      const type = b[off + 0x42];
      if (type === 0 || nameLen < 2 || nameLen > 64) continue;
      let name = "";
      for (let i = 0; i < nameLen - 2; i += 2) name += String.fromCharCode(dv.getUint16(off + i, true));
      names.push(name);
    }
    s = next(s);
  }
  return names;
}

function containsUtf16(b: Uint8Array, text: string): boolean {
  const first = text.charCodeAt(0);
  outer: for (let i = 0; i + text.length * 2 <= b.length; i++) {
    if (b[i] !== first || b[i + 1] !== 0) continue;
    for (let k = 1; k < text.length; k++) {
      if (b[i + 2 * k] !== text.charCodeAt(k) || b[i + 2 * k + 1] !== 0) continue outer;
    }
    return true;
  }
  return false;
}

/** True when a compound file holds an encrypted OOXML package (EncryptionInfo / EncryptedPackage streams). */
export function isEncryptedPackage(b: Uint8Array): boolean {
  const names = cfbEntryNames(b);
  if (names) return names.includes("EncryptionInfo") || names.includes("EncryptedPackage");
  // Unreadable directory: look for the stream names themselves.
  return containsUtf16(b, "EncryptedPackage") || containsUtf16(b, "EncryptionInfo");
}
