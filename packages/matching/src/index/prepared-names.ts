import type { PreparedName } from '../score/person-scorer';
import type { NameWord } from '../normalise/name-normaliser';
import { wordAt, type NameStore } from './name-store';

/**
 * Entry e's names as prepared names, rebuilt from the store (no normalisation) and kept in a
 * bounded cache: the same list names come back query after query. Only the names that retrieval
 * found are returned (a sparse array indexed like entry.names): the others share too little with
 * the query to be its best match.
 */
export function entryNames(store: NameStore, cache: Map<number, PreparedName>, e: number, only: number[] | 'all'): PreparedName[] {
  const out: PreparedName[] = [];
  if (only === 'all') {
    // names of an entry are contiguous in the store: find the first by binary search on nameEntry
    let lo = 0;
    let hi = store.nameCount;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (store.nameEntry[mid]! < e) lo = mid + 1;
      else hi = mid;
    }
    for (let n = lo; n < store.nameCount && store.nameEntry[n] === e; n++) out[store.nameSlot[n]!] = preparedName(store, cache, n);
  } else {
    for (const n of only) out[store.nameSlot[n]!] = preparedName(store, cache, n);
  }
  return out;
}

const PREPARED_CACHE_SIZE = 100_000;

function preparedName(store: NameStore, cache: Map<number, PreparedName>, n: number): PreparedName {
  let p = cache.get(n);
  if (p) return p;
  const words: NameWord[] = [];
  const weights: number[] = [];
  let kunya = 0;
  for (let i = store.nameStart[n]!, k = 0; i < store.nameStart[n + 1]!; i++, k++) {
    words.push(wordAt(store, i));
    weights.push(store.weights[store.nameWords[i]!]!);
    if (store.nameFlags[i]! & 2 && k < 31) kunya |= 1 << k;
  }
  const raw = store.entries[store.nameEntry[n]!]!.names[store.nameSlot[n]!]!.full;
  p = { name: { raw, display: words.map((w) => w.text).join(' '), words, dropped: [], kunya }, words, weights, kunya };
  if (cache.size >= PREPARED_CACHE_SIZE) cache.clear();
  cache.set(n, p);
  return p;
}
