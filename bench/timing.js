"use strict";
/** The timing protocol every benchmark here uses (the same for our check and for zhlint). */
const { performance } = require("perf_hooks");

function median(xs) {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/**
 * Time per call of fn, in ms: the median of `samples` samples, after warming up for `warmMs`.
 * Each sample repeats fn until it has run for at least `sampleMs`, so fast and slow functions are
 * measured alike (the same protocol for our check and for zhlint).
 */
function time(fn, { samples = 15, sampleMs = 30, warmMs = 400 } = {}) {
  const t0 = performance.now();
  do fn();
  while (performance.now() - t0 < warmMs);
  const per = [];
  for (let i = 0; i < samples; i++) {
    let n = 0;
    const s = performance.now();
    let el;
    do {
      fn();
      n++;
      el = performance.now() - s;
    } while (el < sampleMs);
    per.push(el / n);
  }
  return median(per);
}

module.exports = { median, time };
