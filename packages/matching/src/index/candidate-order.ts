/**
 * The candidates of one search, grouped by entry and visited in falling order of their bound,
 * without maps or a full sort (a common name on a million-name list has tens of thousands): each
 * entry's best name bound goes into one of BUCKETS bins; bins are visited from the top, and each
 * entry comes with its bin's upper edge, a bound of every entry visited after it.
 */
const BUCKETS = 1024;

export interface CandidateOrder {
  /** Starts a search. */
  reset(): void;
  /** Name n of entry e reached `bound` (≥ the search's floor). */
  add(n: number, e: number, bound: number): void;
  /**
   * Calls visit(entry, names, edge, bound) in falling order of bins, `edge` bounding every entry not
   * yet visited, `bound` the entry's own (the best bound of its names); stops when visit returns
   * false. `names` lists the entry's names added, in list order.
   */
  visit(visit: (e: number, names: number[], edge: number, bound: number) => boolean): void;
}

export function createCandidateOrder(nameEntry: Int32Array, entryCount: number): CandidateOrder {
  const entryFirstName = new Int32Array(entryCount + 1).fill(-1);
  for (let n = nameEntry.length - 1; n >= 0; n--) entryFirstName[nameEntry[n]!] = n;
  const nameStamp = new Int32Array(nameEntry.length);
  const entryStamp = new Int32Array(entryCount);
  const entryBound = new Float64Array(entryCount);
  const binCount = new Int32Array(BUCKETS + 1);
  let entries: number[] = [];
  let generation = 0;
  const bin = (b: number) => Math.min(BUCKETS, Math.max(0, Math.floor((1 - b) * BUCKETS)));
  return {
    reset() {
      generation++;
      entries = [];
    },
    add(n, e, bound) {
      nameStamp[n] = generation;
      if (entryStamp[e] !== generation) {
        entryStamp[e] = generation;
        entryBound[e] = bound;
        entries.push(e);
      } else if (bound > entryBound[e]!) entryBound[e] = bound;
    },
    visit(visit) {
      binCount.fill(0);
      for (const e of entries) binCount[bin(entryBound[e]!)]!++;
      const start = new Int32Array(BUCKETS + 2);
      for (let k = 0; k <= BUCKETS; k++) start[k + 1] = start[k]! + binCount[k]!;
      const sorted = new Int32Array(entries.length);
      const fill = start.slice();
      for (const e of entries) sorted[fill[bin(entryBound[e]!)]!++] = e;
      for (let k = 0; k <= BUCKETS; k++) {
        const edge = 1 - k / BUCKETS;
        for (let at = start[k]!; at < start[k + 1]!; at++) {
          const e = sorted[at]!;
          const names: number[] = [];
          for (let n = entryFirstName[e]!; n < nameEntry.length && nameEntry[n] === e; n++) if (nameStamp[n] === generation) names.push(n);
          if (!visit(e, names, Math.max(edge, entryBound[e]!), entryBound[e]!)) return;
        }
      }
    },
  };
}
