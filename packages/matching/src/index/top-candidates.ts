/**
 * Picks the names with the highest accumulated retrieval score without sorting the whole touched
 * set (a common word can touch tens of thousands of names on a large list): a 64-bucket histogram
 * finds the cut-off, then only the names above it are sorted.
 */
export function selectTop(touched: readonly number[], acc: Float32Array, limit: number): number[] {
  if (touched.length <= limit) return [...touched];
  let max = 0;
  for (const n of touched) if (acc[n]! > max) max = acc[n]!;
  const buckets = new Int32Array(64);
  const bucketOf = (v: number) => Math.min(63, Math.floor((v / max) * 64));
  for (const n of touched) buckets[bucketOf(acc[n]!)]!++;
  let cut = 63;
  let count = buckets[63]!;
  while (cut > 0 && count < limit) count += buckets[--cut]!;
  const selected = touched.filter((n) => bucketOf(acc[n]!) >= cut);
  selected.sort((a, b) => acc[b]! - acc[a]!);
  return selected.slice(0, limit);
}
