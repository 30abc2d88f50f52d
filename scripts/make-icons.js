#!/usr/bin/env node
/**
 * Draws the add-in's icons (assets/icon-16.png … icon-128.png): a dark red rounded square with a
 * white writing brush drawn diagonally and a short stroke under its tip. Our own drawing, no image
 * library: pixels are computed here and written as PNG with zlib.
 */
"use strict";
const fs = require("fs");
const path = require("path");
const zlib = require("zlib");

function crc32(buf) {
  let c, crc = 0xffffffff;
  for (let n = 0; n < buf.length; n++) {
    c = (crc ^ buf[n]) & 0xff;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    crc = (crc >>> 8) ^ c;
  }
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const len = Buffer.alloc(4);
  len.writeUInt32BE(data.length);
  const td = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(td));
  return Buffer.concat([len, td, crc]);
}

function png(size, pixel) {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0;
    for (let x = 0; x < size; x++) {
      const [r, g, b, a] = pixel(x, y);
      const o = y * (size * 4 + 1) + 1 + x * 4;
      raw[o] = r; raw[o + 1] = g; raw[o + 2] = b; raw[o + 3] = a;
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; ihdr[9] = 6; ihdr[10] = 0; ihdr[11] = 0; ihdr[12] = 0;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk("IHDR", ihdr),
    chunk("IDAT", zlib.deflateSync(raw, { level: 9 })),
    chunk("IEND", Buffer.alloc(0)),
  ]);
}

/** Coverage of a pixel by a shape, with 4×4 supersampling. */
function coverage(x, y, inside) {
  let n = 0;
  for (let i = 0; i < 4; i++) for (let j = 0; j < 4; j++) if (inside(x + (i + 0.5) / 4, y + (j + 0.5) / 4)) n++;
  return n / 16;
}

function icon(size) {
  const s = size;
  const rad = s * 0.18;
  const inSquare = (px, py) => {
    const cx = Math.min(Math.max(px, rad), s - rad);
    const cy = Math.min(Math.max(py, rad), s - rad);
    return (px - cx) ** 2 + (py - cy) ** 2 <= rad * rad;
  };
  // The brush: a thick segment from upper right to lower left, narrowing to a tip.
  const ax = s * 0.74, ay = s * 0.2, bx = s * 0.3, by = s * 0.66;
  const inBrush = (px, py) => {
    const vx = bx - ax, vy = by - ay;
    const t = ((px - ax) * vx + (py - ay) * vy) / (vx * vx + vy * vy);
    if (t < 0 || t > 1.12) return false;
    const qx = ax + t * vx, qy = ay + t * vy;
    const d = Math.hypot(px - qx, py - qy);
    const w = t < 0.55 ? s * 0.085 : s * 0.085 * Math.max(0, (1.12 - t) / 0.57);
    return d <= Math.max(w, s * 0.012);
  };
  // The stroke the brush has written: a short horizontal bar under the tip.
  const inStroke = (px, py) => px >= s * 0.2 && px <= s * 0.8 && py >= s * 0.78 && py <= s * 0.78 + Math.max(1, s * 0.06);
  return png(size, (x, y) => {
    const sq = coverage(x, y, inSquare);
    if (sq === 0) return [0, 0, 0, 0];
    const w = coverage(x, y, (px, py) => inBrush(px, py) || inStroke(px, py));
    const r = Math.round(0xa8 * (1 - w) + 255 * w);
    const g = Math.round(0x1f * (1 - w) + 255 * w);
    const b = Math.round(0x24 * (1 - w) + 255 * w);
    return [r, g, b, Math.round(255 * sq)];
  });
}

const out = path.join(__dirname, "..", "assets");
fs.mkdirSync(out, { recursive: true });
for (const size of [16, 32, 64, 80, 128]) fs.writeFileSync(path.join(out, `icon-${size}.png`), icon(size));
console.log("icons written to assets/");
