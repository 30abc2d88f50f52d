/**
 * Reads the pixels of a PNG (8-bit RGB or RGBA, not interlaced: what Chromium's screenshots and
 * pdftoppm write), so a test can judge a picture by what a person would see in it. No browser
 * and no image package: Node's zlib inflates, the five PNG filters are undone here.
 */
import { inflateSync } from "zlib";

export interface Pixels {
  width: number;
  height: number;
  /** RGBA, 4 bytes a pixel, row by row. */
  rgba: Uint8Array;
}

const SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

export function decodePng(png: Uint8Array): Pixels {
  if (SIGNATURE.some((b, i) => png[i] !== b)) throw new Error("not a PNG");
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  let width = 0;
  let height = 0;
  let channels = 0;
  const idat: Uint8Array[] = [];
  for (let at = 8; at + 8 <= png.length; ) {
    const length = view.getUint32(at);
    const type = String.fromCharCode(...png.subarray(at + 4, at + 8));
    const data = png.subarray(at + 8, at + 8 + length);
    if (type === "IHDR") {
      width = view.getUint32(at + 8);
      height = view.getUint32(at + 12);
      const [depth, colour, , , interlace] = data.subarray(8, 13);
      channels = colour === 6 ? 4 : colour === 2 ? 3 : 0;
      if (depth !== 8 || channels === 0 || interlace !== 0) throw new Error(`unsupported PNG (depth ${depth}, colour type ${colour}, interlace ${interlace})`);
    } else if (type === "IDAT") idat.push(data);
    else if (type === "IEND") break;
    at += 12 + length;
  }
  const raw = new Uint8Array(inflateSync(Buffer.concat(idat)));
  const stride = width * channels;
  const rows = new Uint8Array(stride * height);
  const none = new Uint8Array(stride);
  for (let y = 0; y < height; y++) {
    const from = y * (stride + 1);
    const row = rows.subarray(y * stride, (y + 1) * stride);
    unfilter(raw[from], raw.subarray(from + 1, from + 1 + stride), row, y > 0 ? rows.subarray((y - 1) * stride, y * stride) : none, channels);
  }
  if (channels === 4) return { width, height, rgba: rows };
  const rgba = new Uint8Array(width * height * 4);
  for (let i = 0, j = 0; i < rows.length; i += 3, j += 4) {
    rgba[j] = rows[i];
    rgba[j + 1] = rows[i + 1];
    rgba[j + 2] = rows[i + 2];
    rgba[j + 3] = 255;
  }
  return { width, height, rgba };
}

/** Undoes one row's filter (PNG spec 9.2): `row` gets the bytes, from `src` and the row above, `up`. */
function unfilter(filter: number, src: Uint8Array, row: Uint8Array, up: Uint8Array, bpp: number): void {
  const n = row.length;
  switch (filter) {
    case 0:
      row.set(src);
      return;
    case 1:
      for (let x = 0; x < n; x++) row[x] = src[x] + (x >= bpp ? row[x - bpp] : 0);
      return;
    case 2:
      for (let x = 0; x < n; x++) row[x] = src[x] + up[x];
      return;
    case 3:
      for (let x = 0; x < n; x++) row[x] = src[x] + (((x >= bpp ? row[x - bpp] : 0) + up[x]) >> 1);
      return;
    case 4:
      for (let x = 0; x < n; x++) {
        const a = x >= bpp ? row[x - bpp] : 0;
        const b = up[x];
        const c = x >= bpp ? up[x - bpp] : 0;
        // |p − a|, |p − b|, |p − c| for p = a + b − c, without a call per byte.
        let pa = b - c;
        let pb = a - c;
        let pc = pa + pb;
        if (pa < 0) pa = -pa;
        if (pb < 0) pb = -pb;
        if (pc < 0) pc = -pc;
        row[x] = src[x] + (pa <= pb && pa <= pc ? a : pb <= pc ? b : c);
      }
      return;
    default:
      throw new Error(`bad PNG filter ${filter}`);
  }
}

/** A square of the picture that is (almost) all of one kind of pixel. */
export interface Tile {
  x: number;
  y: number;
  size: number;
  /** Share of its pixels that are of the kind asked for. */
  share: number;
}

/**
 * The tiles of `size` px (the picture cut into a grid) in which at least `minShare` of the pixels
 * satisfy `kind`: large areas of that kind, where thin text or a border never fills a tile.
 */
export function tilesOf(px: Pixels, kind: (r: number, g: number, b: number) => boolean, size = 32, minShare = 0.9): Tile[] {
  const out: Tile[] = [];
  for (let ty = 0; ty + size <= px.height; ty += size) {
    for (let tx = 0; tx + size <= px.width; tx += size) {
      let hits = 0;
      for (let y = ty; y < ty + size; y++) {
        for (let x = tx; x < tx + size; x++) {
          const i = (y * px.width + x) * 4;
          if (kind(px.rgba[i], px.rgba[i + 1], px.rgba[i + 2])) hits++;
        }
      }
      const share = hits / (size * size);
      if (share >= minShare) out.push({ x: tx, y: ty, size, share });
    }
  }
  return out;
}

/** Share of all pixels that satisfy `kind`. */
export function shareOf(px: Pixels, kind: (r: number, g: number, b: number) => boolean): number {
  let hits = 0;
  for (let i = 0; i < px.rgba.length; i += 4) if (kind(px.rgba[i], px.rgba[i + 1], px.rgba[i + 2])) hits++;
  return hits / (px.width * px.height);
}

/** White or so light that a person sees a white area (every channel ≥ 224). */
export const nearWhite = (r: number, g: number, b: number) => r >= 224 && g >= 224 && b >= 224;
/** Black or so dark that a person sees a dark area (every channel < 90). */
export const nearDark = (r: number, g: number, b: number) => r < 90 && g < 90 && b < 90;
