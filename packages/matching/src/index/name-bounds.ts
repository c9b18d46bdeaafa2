/**
 * Sound upper bounds of the name score of the names retrieval found, in two passes (both mirror
 * alignNames through score/name-score-bound.ts: every word pair that may match taken as matched,
 * the conflict and surplus of the words that cannot):
 * - `first`: which query words may match each list word by `mayMatch`, tested on typed arrays
 *   (index/word-features.ts), compounds where the tables (index/compound-tables.ts) find one
 *   plausible counted without building them. Cheap; every touched name goes through it.
 * - `second`: the same from the word similarities themselves (memoised per query), compounds by
 *   the similarity of the joined word, and the quality term bounded by the best similarity of each
 *   list word. Only for the names a search is about to align, in falling order of `first`.
 * Per query name, tables keyed by store word id (and patronymic flag: it changes the similarity)
 * hold the masks; a stamp says which query filled a slot, so nothing is cleared between queries.
 * The state and tables are in name-bounds-context.ts, the bound of one name in name-bound-functions.ts.
 */
import type { NameScoreOptions, WeightedName } from '../score/name-alignment';
import { bound, longBound, plausibleCompound } from './name-bound-functions';
import { createBoundsContext, LOOSE, MAX_TABLE_WORDS, NONE, QueryNameBounds, setQuery, STRICT } from './name-bounds-context';
import type { NameStore } from './name-store';

export interface NameBounds {
  /** Sets the query names of the next calls. */
  prepare(queryNames: readonly WeightedName[]): void;
  /** The first, cheap bound of name n over the query names (max), or -1 when below `floor` for all. */
  first(n: number, floor: number): number;
  /**
   * Whether the second, tighter bound of name n (from the similarities) passes `accept` for some
   * query name; `accept` must be monotone (a higher bound passes whenever a lower one does).
   */
  second(n: number, accept: (bound: number) => boolean): boolean;
}

/**
 * For each name, the first name with the same words and flags: a bound depends on nothing else, and
 * common names repeat (a third of a synthetic list's names, "Wang Wei" hundreds of times).
 */
function sameWords(store: NameStore): Int32Array {
  const first = new Int32Array(store.nameCount);
  const seen = new Map<string, number>();
  for (let n = 0; n < store.nameCount; n++) {
    let key = '';
    for (let j = store.nameStart[n]!; j < store.nameStart[n + 1]!; j++) key += `${store.nameWords[j]!}.${store.nameFlags[j]!} `;
    const known = seen.get(key);
    if (known === undefined) seen.set(key, n);
    first[n] = known ?? n;
  }
  return first;
}

export function createNameBounds(store: NameStore, options: NameScoreOptions): NameBounds {
  const c = createBoundsContext(store, options);
  const { nameStart } = c;
  const pool: QueryNameBounds[] = [];
  let active: QueryNameBounds[] = [];
  let long: WeightedName[] = [];
  // the first bound of each distinct name of the current query (and floor), kept at its first name
  const twin = sameWords(store);
  const firstStamp = new Int32Array(store.nameCount);
  const firstValue = new Float64Array(store.nameCount);
  let generation = 0;
  let lastFloor = NaN;

  function firstOf(n: number, floor: number): number {
    const start = nameStart[n]!;
    const count = nameStart[n + 1]! - start;
    let out = -1;
    for (const b of active) {
      // compounds can only raise the bound: counted where one is plausible
      const x = bound(c, b, start, count, true, plausibleCompound(c, b, n, start, count) ? LOOSE : NONE);
      if (x >= floor && x > out) out = x;
    }
    for (const query of long) {
      const x = longBound(c, query, start, count, Infinity);
      if (x >= floor && x > out) out = x;
    }
    return out;
  }

  return {
    prepare(queryNames) {
      generation++;
      lastFloor = NaN;
      active = [];
      long = [];
      for (const query of queryNames) {
        if (query.words.length > MAX_TABLE_WORDS) {
          long.push(query);
          continue;
        }
        if (pool.length <= active.length) pool.push(new QueryNameBounds(store.words.length));
        const b = pool[active.length]!;
        setQuery(c, b, query);
        active.push(b);
      }
    },
    first(n, floor) {
      if (floor !== lastFloor) {
        generation++;
        lastFloor = floor;
      }
      const t = twin[n]!;
      if (firstStamp[t] === generation) return firstValue[t]!;
      firstStamp[t] = generation;
      return (firstValue[t] = firstOf(n, floor));
    },
    second(n, accept) {
      const start = nameStart[n]!;
      const count = nameStart[n + 1]! - start;
      for (const b of active) {
        // cheapest first: without compounds, then (where one is plausible) with them counted
        // loosely, then with the similarity of the joined words; each only raises the bound
        if (accept(bound(c, b, start, count, true, NONE))) return true;
        if (!plausibleCompound(c, b, n, start, count) || !accept(bound(c, b, start, count, true, LOOSE))) continue;
        if (accept(bound(c, b, start, count, true, STRICT))) return true;
      }
      for (const query of long) if (accept(longBound(c, query, start, count, Infinity))) return true;
      return false;
    },
  };
}
