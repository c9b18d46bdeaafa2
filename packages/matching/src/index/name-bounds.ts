/**
 * Sound pruning of the names retrieval found: a name is aligned only when nameScoreBound (an upper
 * bound of its name score, score/name-score-bound.ts) reaches the floor. The bound needs mayMatch
 * for every query word × name word; list words come back in name after name, so their mayMatch
 * results are tabulated per query name, keyed by store word id (a stamp says which query name
 * filled a slot, so nothing is cleared between queries).
 */
import type { NameScoreOptions, WeightedName } from '../score/name-alignment';
import { mayMatch } from '../score/match-possible';
import { nameScoreBound, nameScoreBoundFromMasks } from '../score/name-score-bound';
import type { NameStore } from './name-store';

/** Query names longer than this are bounded without the table (bit masks hold 31 words). */
const MAX_TABLE_WORDS = 31;

export interface NameBounds {
  /** The names of `touched` (in their order) whose bound reaches `floor` for at least one query name. */
  keep(queryNames: readonly WeightedName[], touched: readonly number[], floor: number): number[];
}

export function createNameBounds(store: NameStore, options: NameScoreOptions): NameBounds {
  const stamp = new Int32Array(store.words.length);
  const table = new Int32Array(store.words.length);
  let generation = 0;
  const kept = new Uint8Array(store.nameCount);
  const entry: WeightedName = { words: [], weights: [] };
  let masks = new Int32Array(16);

  function maskOf(query: WeightedName, id: number): number {
    if (stamp[id] === generation) return table[id]!;
    const e = store.words[id]!;
    let m = 0;
    for (let i = 0; i < query.words.length; i++) if (mayMatch(query.words[i]!, e)) m |= 1 << i;
    stamp[id] = generation;
    table[id] = m;
    return m;
  }

  function bound(query: WeightedName, n: number, floor: number): number {
    const start = store.nameStart[n]!;
    const count = store.nameStart[n + 1]! - start;
    if (masks.length < count) masks = new Int32Array(count * 2);
    entry.words.length = entry.weights.length = count;
    const useTable = query.words.length <= MAX_TABLE_WORDS;
    for (let j = 0; j < count; j++) {
      const id = store.nameWords[start + j]!;
      // the stored word without its per-name patronymic flag: the bound does not look at it
      entry.words[j] = store.words[id]!;
      entry.weights[j] = store.weights[id]!;
      if (useTable) masks[j] = maskOf(query, id);
    }
    return useTable ? nameScoreBoundFromMasks(query, entry, masks, options, floor) : nameScoreBound(query, entry, options, floor);
  }

  return {
    keep(queryNames, touched, floor) {
      for (const query of queryNames) {
        generation++;
        for (const n of touched) if (!kept[n] && bound(query, n, floor) >= floor) kept[n] = 1;
      }
      const out: number[] = [];
      for (const n of touched) {
        if (!kept[n]) continue;
        kept[n] = 0;
        out.push(n);
      }
      return out;
    },
  };
}
