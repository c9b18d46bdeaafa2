/**
 * String distances on short strings (name words). Allocation-free: the scratch buffers are reused,
 * which matters when a query compares against thousands of candidate words.
 */

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);
let rowC = new Int32Array(64);
let flagsA = new Uint8Array(64);
let flagsB = new Uint8Array(64);

function ensure(n: number): void {
  if (rowA.length > n) return;
  const size = n * 2;
  rowA = new Int32Array(size);
  rowB = new Int32Array(size);
  rowC = new Int32Array(size);
  flagsA = new Uint8Array(size);
  flagsB = new Uint8Array(size);
}

/** Optimal string alignment distance: Levenshtein plus adjacent transpositions ("Mohmamed"). */
export function osaDistance(a: string, b: string): number {
  if (a === b) return 0;
  const m = a.length;
  const n = b.length;
  if (m === 0) return n;
  if (n === 0) return m;
  ensure(n + 1);
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  for (let j = 0; j <= n; j++) prev[j] = j;
  for (let i = 1; i <= m; i++) {
    cur[0] = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= n; j++) {
      const cb = b.charCodeAt(j - 1);
      const cost = ca === cb ? 0 : 1;
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + cost);
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      cur[j] = v;
    }
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]!;
}

/** Jaro-Winkler similarity in [0,1] with the standard prefix scale 0.1 over at most 4 characters. */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const m = a.length;
  const n = b.length;
  if (m === 0 || n === 0) return 0;
  ensure(Math.max(m, n));
  const window = Math.max(0, Math.floor(Math.max(m, n) / 2) - 1);
  flagsA.fill(0, 0, m);
  flagsB.fill(0, 0, n);
  let matches = 0;
  for (let i = 0; i < m; i++) {
    const lo = Math.max(0, i - window);
    const hi = Math.min(n - 1, i + window);
    for (let j = lo; j <= hi; j++) {
      if (flagsB[j] || a.charCodeAt(i) !== b.charCodeAt(j)) continue;
      flagsA[i] = 1;
      flagsB[j] = 1;
      matches++;
      break;
    }
  }
  if (matches === 0) return 0;
  let transpositions = 0;
  let k = 0;
  for (let i = 0; i < m; i++) {
    if (!flagsA[i]) continue;
    while (!flagsB[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) transpositions++;
    k++;
  }
  const jaro = (matches / m + matches / n + (matches - transpositions / 2) / matches) / 3;
  let prefix = 0;
  while (prefix < 4 && prefix < m && prefix < n && a.charCodeAt(prefix) === b.charCodeAt(prefix)) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/**
 * Whether the optimal string alignment distance of a and b is at most k, computed only as far as
 * needed: the lengths decide first, only the cells within k of the diagonal are computed (a path
 * through any other cell costs more than k), every value above k is kept as k + 1 (the answer is
 * the same), and the rows stop as soon as two in a row exceed k (most word pairs a search meets are
 * far apart and stop after a row or two).
 */
export function osaWithin(a: string, b: string, k: number): boolean {
  const m = a.length;
  const n = b.length;
  if (Math.abs(m - n) > k) return false;
  if (m === 0 || n === 0) return Math.max(m, n) <= k;
  ensure(n + 1);
  const out = k + 1;
  let prev2 = rowA;
  let prev = rowB;
  let cur = rowC;
  const top = Math.min(n, k);
  for (let j = 0; j <= top; j++) prev[j] = j;
  if (top < n) prev[top + 1] = out;
  let prevMin = 0;
  for (let i = 1; i <= m; i++) {
    const lo = Math.max(1, i - k);
    const hi = Math.min(n, i + k);
    // the cell left of the band: the first column within it, else beyond k
    cur[lo - 1] = lo === 1 ? i : out;
    let rowMin = lo === 1 ? i : out;
    const ca = a.charCodeAt(i - 1);
    for (let j = lo; j <= hi; j++) {
      const cb = b.charCodeAt(j - 1);
      let v = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (ca === cb ? 0 : 1));
      if (i > 1 && j > 1 && ca === b.charCodeAt(j - 2) && a.charCodeAt(i - 2) === cb) v = Math.min(v, prev2[j - 2]! + 1);
      if (v > out) v = out;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    // the cell right of the band, read by the next row
    if (hi < n) cur[hi + 1] = out;
    // a cell never falls below the smallest of the two rows before it (a transposition reaches back two)
    if (rowMin > k && prevMin > k) return false;
    prevMin = rowMin;
    const t = prev2;
    prev2 = prev;
    prev = cur;
    cur = t;
  }
  return prev[n]! <= k;
}
