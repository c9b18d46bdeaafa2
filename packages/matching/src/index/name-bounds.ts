/**
 * Sound pruning of the names retrieval found: a name is aligned only when an upper bound of its
 * name score (score/name-score-bound.ts: every word pair that matches taken at similarity 1, the
 * alignment's conflict and surplus from the words that cannot match) reaches the floor. Which
 * query words match a list word is tabulated per query name, keyed by store word id and the
 * word's patronymic flag (it changes the similarity): list words come back in name after name. A
 * stamp says which query name filled a slot, so nothing is cleared between queries. The
 * similarities are the search's memoised ones, so the names kept are aligned at no extra cost.
 */
import type { NameScoreOptions, WeightedName } from '../score/name-alignment';
import type { NameWord } from '../normalise/name-normaliser';
import { mayMatch } from '../score/match-possible';
import type { SimilarityFn } from '../score/person-scorer';
import { MIN_WORD_SIMILARITY } from '../score/word-similarity';
import { MIN_COMPOUND_LENGTH, plausibleCompound } from '../score/name-alignment';
import { boundFromSums, nameScoreBound, nameScoreBoundFromMasks } from '../score/name-score-bound';
import { wordAt, type NameStore } from './name-store';

/** Query names longer than this are bounded without the table (bit masks hold 31 words). */
const MAX_TABLE_WORDS = 31;

export interface NameBounds {
  /** The names of `touched` (in their order) whose bound reaches `floor` for at least one query name. */
  keep(queryNames: readonly WeightedName[], touched: readonly number[], floor: number, similarity: SimilarityFn): number[];
}

export function createNameBounds(store: NameStore, options: NameScoreOptions): NameBounds {
  // slot 2·id for the word, 2·id + 1 for it as a patronymic
  const stamp = new Int32Array(store.words.length * 2);
  const possible = new Int32Array(store.words.length * 2);
  const matching = new Int32Array(store.words.length * 2);
  let generation = 0;
  const kept = new Uint8Array(store.nameCount);
  const entry: WeightedName = { words: [], weights: [] };
  let masks = new Int32Array(16);
  // per store word, read in the hot loop without touching the NameWord objects
  const initialWord = Uint8Array.from(store.words, (w) => (w.initial ? 1 : 0));

  /** Fills the slot's two masks: mayMatch (cheap) now, the similarity (-1: not yet) when needed. */
  function possibleOf(query: WeightedName, slot: number, e: NameWord): number {
    if (stamp[slot] === generation) return possible[slot]!;
    let m = 0;
    for (let i = 0; i < query.words.length; i++) if (mayMatch(query.words[i]!, e)) m |= 1 << i;
    stamp[slot] = generation;
    possible[slot] = m;
    matching[slot] = m === 0 ? 0 : -1;
    return m;
  }

  function matchingOf(query: WeightedName, slot: number, e: NameWord, similarity: SimilarityFn): number {
    let m = matching[slot]!;
    if (m !== -1) return m;
    m = 0;
    const may = possible[slot]!;
    for (let i = 0; i < query.words.length; i++) if (may & (1 << i) && similarity(query.words[i]!, e).similarity >= MIN_WORD_SIMILARITY) m |= 1 << i;
    matching[slot] = m;
    return m;
  }

  // the query name's unmatched weight per word, plain and soft (patronymics and initials half)
  let weightQ: number[] = [];
  let softQ: number[] = [];
  let meaningfulQ = 0;

  function setQuery(query: WeightedName): void {
    generation++;
    weightQ = query.weights.slice();
    softQ = query.words.map((w, i) => query.weights[i]! * (w.patronymic || w.initial ? 0.5 : 1));
    meaningfulQ = query.words.filter((w) => !w.initial).length;
  }

  /** Whether a word of one side may be two adjacent words of the other joined (the bound then counts compounds). */
  function compoundPossible(query: WeightedName, start: number, count: number): boolean {
    const words = store.words;
    for (const s of query.words) {
      if (s.initial || s.text.length < MIN_COMPOUND_LENGTH) continue;
      for (let j = start; j + 1 < start + count; j++) {
        const a = words[store.nameWords[j]!]!;
        const b = words[store.nameWords[j + 1]!]!;
        if (!a.initial && !b.initial && plausibleCompound(s, a, b)) return true;
      }
    }
    for (let j = start; j < start + count; j++) {
      const s = words[store.nameWords[j]!]!;
      if (s.initial || s.text.length < MIN_COMPOUND_LENGTH) continue;
      for (let i = 0; i + 1 < query.words.length; i++) {
        const a = query.words[i]!;
        const b = query.words[i + 1]!;
        if (!a.initial && !b.initial && plausibleCompound(s, a, b)) return true;
      }
    }
    return false;
  }

  /**
   * The bound without compounds, from sums (nothing built): from mayMatch, or with `similarity`
   * from the word similarities (each slot's mayMatch mask is filled first).
   */
  function singleBound(query: WeightedName, start: number, count: number, similarity?: SimilarityFn): number {
    let any = 0;
    let unmatchedE = 0;
    let softE = 0;
    let totalE = 0;
    let countE = 0;
    let meaningfulE = 0;
    const { nameWords, nameFlags, weights } = store;
    for (let j = start; j < start + count; j++) {
      const id = nameWords[j]!;
      const weight = weights[id]!;
      const initial = initialWord[id]!;
      totalE += weight;
      if (!initial) meaningfulE++;
      const slot = id * 2 + (nameFlags[j]! & 1);
      // the mayMatch mask straight from the table when this query name filled it already
      const m = similarity ? matchingOf(query, slot, wordAt(store, j), similarity) : stamp[slot] === generation ? possible[slot]! : possibleOf(query, slot, store.words[id]!);
      if (m !== 0) {
        countE++;
        any |= m;
      } else {
        unmatchedE += weight;
        softE += weight * (nameFlags[j]! & 1 || initial ? 0.5 : 1);
      }
    }
    let unmatchedQ = 0;
    let softUnmatchedQ = 0;
    let countQ = 0;
    for (let i = 0; i < query.words.length; i++) {
      if (any & (1 << i)) countQ++;
      else {
        unmatchedQ += weightQ[i]!;
        softUnmatchedQ += softQ[i]!;
      }
    }
    return boundFromSums(unmatchedQ, softUnmatchedQ, countQ, meaningfulQ, unmatchedE, softE, totalE, countE, meaningfulE, false, options);
  }

  /** nameScoreBound with compounds, the masks from mayMatch or from the similarities. */
  function fullBound(query: WeightedName, start: number, count: number, floor: number, similarity?: SimilarityFn): number {
    if (masks.length < count) masks = new Int32Array(count * 2);
    entry.words.length = entry.weights.length = count;
    for (let j = 0; j < count; j++) {
      // with its per-name patronymic flag: it changes the similarity, and a missing patronymic is only half a surplus
      entry.words[j] = wordAt(store, start + j);
      entry.weights[j] = store.weights[store.nameWords[start + j]!]!;
    }
    if (query.words.length > MAX_TABLE_WORDS) return nameScoreBound(query, entry, options, floor);
    for (let j = 0; j < count; j++) {
      const slot = slotOf(start + j);
      masks[j] = similarity ? matchingOf(query, slot, entry.words[j]!, similarity) : possibleOf(query, slot, entry.words[j]!);
    }
    return nameScoreBoundFromMasks(query, entry, masks, options, floor);
  }

  /**
   * Cheapest first: from mayMatch without compounds (most names stop here), with compounds when one
   * is plausible, then the same from the similarities. Only compared with `floor`: a value at or
   * above it may leave compounds out.
   */
  function reaches(query: WeightedName, n: number, floor: number, similarity: SimilarityFn): boolean {
    const start = store.nameStart[n]!;
    const count = store.nameStart[n + 1]! - start;
    if (query.words.length > MAX_TABLE_WORDS) return fullBound(query, start, count, floor) >= floor;
    let compounds: boolean | undefined;
    if (singleBound(query, start, count) < floor) {
      compounds = compoundPossible(query, start, count);
      if (!compounds || fullBound(query, start, count, floor) < floor) return false;
    }
    if (singleBound(query, start, count, similarity) >= floor) return true;
    return (compounds ?? compoundPossible(query, start, count)) && fullBound(query, start, count, floor, similarity) >= floor;
  }

  const slotOf = (occurrence: number) => store.nameWords[occurrence]! * 2 + (store.nameFlags[occurrence]! & 1);

  return {
    keep(queryNames, touched, floor, similarity) {
      for (const query of queryNames) {
        setQuery(query);
        for (const n of touched) if (!kept[n] && reaches(query, n, floor, similarity)) kept[n] = 1;
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
