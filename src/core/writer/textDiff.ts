/**
 * The smallest set of replacements that turns one paragraph text into another (Myers' O(ND)
 * diff on UTF-16 code units), so a writer can splice only what changed and every character in
 * between keeps its run and its formatting. Bounded: when the texts differ in too many places to
 * be worth it (cost above `maxCost` steps), the answer is one replacement of the changed middle.
 */

/** Replace [start, end) of the old text with `text`. Replacements never touch: one character at least lies between two. */
export interface TextChange {
  start: number;
  end: number;
  text: string;
}

/** Read one entry of a saved diagonal frontier (k in [-d, d]). */
function at(frontier: Int32Array, d: number, k: number): number {
  return frontier[k + d];
}

export function diffText(a: string, b: string, maxCost = 20_000_000): TextChange[] {
  if (a === b) return [];
  const shortest = Math.min(a.length, b.length);
  let pre = 0;
  while (pre < shortest && a.charCodeAt(pre) === b.charCodeAt(pre)) pre++;
  let suf = 0;
  while (suf < shortest - pre && a.charCodeAt(a.length - 1 - suf) === b.charCodeAt(b.length - 1 - suf)) suf++;
  const n = a.length - pre - suf;
  const m = b.length - pre - suf;
  const whole: TextChange[] = [{ start: pre, end: pre + n, text: b.slice(pre, pre + m) }];
  if (n === 0 || m === 0) return whole;
  const total = n + m;
  // Each round d costs up to n + m steps and keeps a frontier of 2d + 1 entries.
  const limit = Math.min(total, Math.floor(maxCost / total), 4000);
  const off = limit + 1;
  const v = new Int32Array(2 * limit + 3);
  const trace: Int32Array[] = [];
  const A = (i: number) => a.charCodeAt(pre + i);
  const B = (j: number) => b.charCodeAt(pre + j);
  let found = -1;
  for (let d = 0; d <= limit && found < 0; d++) {
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && v[off + k - 1] < v[off + k + 1]) ? v[off + k + 1] : v[off + k - 1] + 1;
      let y = x - k;
      while (x < n && y < m && A(x) === B(y)) {
        x++;
        y++;
      }
      v[off + k] = x;
      if (x >= n && y >= m) {
        found = d;
        break;
      }
    }
    trace.push(v.slice(off - d, off + d + 1));
  }
  if (found < 0) return whole;

  // Walk back from the end, collecting the diagonals (runs of equal characters).
  const snakes: Array<[number, number, number]> = [];
  let x = n;
  let y = m;
  for (let d = found; d > 0; d--) {
    const k = x - y;
    const prev = trace[d - 1];
    const down = k === -d || (k !== d && at(prev, d - 1, k - 1) < at(prev, d - 1, k + 1));
    const prevK = down ? k + 1 : k - 1;
    const prevX = at(prev, d - 1, prevK);
    const prevY = prevX - prevK;
    const startX = down ? prevX : prevX + 1;
    const startY = startX - k;
    if (x > startX) snakes.push([startX, startY, x - startX]);
    x = prevX;
    y = prevY;
  }
  if (x > 0) snakes.push([0, 0, x]);
  snakes.reverse();

  const out: TextChange[] = [];
  let pa = 0;
  let pb = 0;
  const gap = (ea: number, eb: number) => {
    if (ea > pa || eb > pb) out.push({ start: pre + pa, end: pre + ea, text: b.slice(pre + pb, pre + eb) });
  };
  for (const [sx, sy, len] of snakes) {
    gap(sx, sy);
    pa = sx + len;
    pb = sy + len;
  }
  gap(n, m);
  return out;
}
