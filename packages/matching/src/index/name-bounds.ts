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
 */
import type { NameScoreOptions, WeightedName } from '../score/name-alignment';
import { joinedWord, STRONG_PARTNER } from '../score/name-alignment';
import { MIN_WORD_SIMILARITY } from '../score/word-similarity';
import { boundFromSums, nameScoreBound } from '../score/name-score-bound';
import { CompoundTables, nameSignatures } from './compound-tables';
import { similarityIfPossible } from './similarity-memo';
import { PairCache } from './pair-cache';
import { wordAt, type NameStore } from './name-store';
import { mayMatch } from '../score/match-possible';
import { ASK, derivedFeatures, INITIAL, mayMatchFeatures, NO, withoutArticles, wordFeatures, type PhoneticCodes, type WordFeatures } from './word-features';
import { makeWord, type NameWord } from '../normalise/name-normaliser';

/** Compound modes of a bound: none counted, marked by mayMatch of the joined word, or by its similarity. */
const NONE = 0;
const LOOSE = 1;
const STRICT = 2;
/** NONE, computed by the general path (singleBound's fallback for long query names). */
const LOOSE_NONE = 3;

/**
 * Features of every adjacent pair of words of every list name joined, at the first word's
 * occurrence (the compound test of the bounds reads them instead of building the joined word).
 */
function pairFeatures(store: NameStore, codes: PhoneticCodes): [WordFeatures, WordFeatures] {
  const last = new Uint8Array(store.nameWords.length);
  for (let n = 0; n < store.nameCount; n++) if (store.nameStart[n + 1]! > store.nameStart[n]!) last[store.nameStart[n + 1]! - 1] = 1;
  const recent = new Map<string, NameWord>();
  return derivedFeatures(store.nameWords.length, (j) => {
    if (last[j]) return undefined;
    const [a, b] = [store.words[store.nameWords[j]!]!, store.words[store.nameWords[j + 1]!]!];
    const text = a.text + b.text;
    const key = a.abjad ? `1${text}` : text;
    let w = recent.get(key);
    if (!w) {
      if (recent.size >= 100_000) recent.clear();
      // as joinedWord builds it, without filling its cache
      recent.set(key, (w = { ...makeWord(text, { abjad: a.abjad }, false), compound: true }));
    }
    return w;
  }, codes);
}

/** The similarity as the search's memo gives it (mayMatch, surelyBelowBar, then wordSimilarity), without the memo. */
const exactSimilarity = (a: NameWord, b: NameWord) => (mayMatch(a, b) ? similarityIfPossible(a, b) : 0);

/** Query names up to this long have their unmatched sums tabulated by mask. */
const TABLED_WORDS = 10;

/** Query names longer than this are bounded without the tables (bit masks hold 31 words). */
const MAX_TABLE_WORDS = 31;

/** The bounds of one query name; its tables are reused from query to query. */
class QueryNameBounds {
  query: WeightedName = { words: [], weights: [] };
  features!: WordFeatures;
  /** The same without a joined article. */
  stripped!: WordFeatures;
  /** The pair cache's rows of the query words and of each adjacent pair joined (at its first word). */
  rows: Map<number, number>[] = [];
  joinedRows: Map<number, number>[] = [];
  /** Query words i and i + 1 joined, at i; the same without a joined article. */
  joined!: WordFeatures;
  joinedStripped!: WordFeatures;
  readonly compounds = new CompoundTables();
  weightQ: number[] = [];
  softQ: number[] = [];
  /** By the mask of query words that may match (query names of up to TABLED_WORDS words): their unmatched weight, plain and soft, their count, and whether a soft one may match. */
  unmatchedByMask = new Float64Array(1);
  softByMask = new Float64Array(1);
  countByMask = new Uint8Array(1);
  softPossibleByMask = new Uint8Array(1);
  meaningfulQ = 0;
  generation = 0;
  /** Per vocabulary word, side by side (one cache line): the stamp and the mayMatch mask. */
  readonly possibleW: Int32Array;
  /** Per slot, side by side: the stamp, the similarity mask, the strong mask (see strongOf). */
  readonly slots: Int32Array;
  readonly bestS: Float64Array;

  constructor(words: number) {
    this.possibleW = new Int32Array(words * 2);
    this.slots = new Int32Array(words * 2 * 3);
    this.bestS = new Float64Array(words * 2);
  }
}

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

export function createNameBounds(store: NameStore, options: NameScoreOptions): NameBounds {
  const codes: PhoneticCodes = new Map();
  const vocabulary = wordFeatures(store.words, codes, true);
  const vocabularyStripped = wordFeatures(withoutArticles(store.words), codes, true);
  const [pairs, pairsStripped] = pairFeatures(store, codes);
  const { nameWords, nameFlags, weights, nameStart } = store;
  const signatures = nameSignatures(vocabulary, nameStart, nameWords);
  const pool: QueryNameBounds[] = [];
  const cache = new PairCache();
  let active: QueryNameBounds[] = [];
  let long: WeightedName[] = [];
  const entry: WeightedName = { words: [], weights: [] };
  let markQ = new Uint8Array(32);
  let markE = new Uint8Array(64);
  let strongE = new Uint8Array(64);
  let masks = new Int32Array(64);

  function setQuery(b: QueryNameBounds, query: WeightedName): void {
    b.generation++;
    b.query = query;
    b.features = wordFeatures(query.words, codes, false);
    b.stripped = wordFeatures(withoutArticles(query.words), codes, false);
    const joined = query.words.map((w, i) => (i + 1 < query.words.length ? joinedWord(w, query.words[i + 1]!) : w));
    b.rows = query.words.map((w) => cache.row(w));
    b.joinedRows = joined.map((w) => cache.row(w));
    b.joined = wordFeatures(joined, codes, false);
    b.joinedStripped = wordFeatures(withoutArticles(joined), codes, false);
    b.weightQ = query.weights.slice();
    b.softQ = query.words.map((w, i) => query.weights[i]! * (w.patronymic || w.initial ? 0.5 : 1));
    b.meaningfulQ = query.words.filter((w) => !w.initial).length;
    const nq = query.words.length;
    if (nq <= TABLED_WORDS) {
      const size = 1 << nq;
      if (b.unmatchedByMask.length < size) {
        b.unmatchedByMask = new Float64Array(size);
        b.softByMask = new Float64Array(size);
        b.countByMask = new Uint8Array(size);
        b.softPossibleByMask = new Uint8Array(size);
      }
      for (let mask = 0; mask < size; mask++) {
        let u = 0;
        let soft = 0;
        let c = 0;
        let sp = 0;
        for (let i = 0; i < nq; i++) {
          if (mask & (1 << i)) {
            c++;
            if (b.softQ[i] !== b.weightQ[i]) sp = 1;
          } else {
            u += b.weightQ[i]!;
            soft += b.softQ[i]!;
          }
        }
        b.unmatchedByMask[mask] = u;
        b.softByMask[mask] = soft;
        b.countByMask[mask] = c;
        b.softPossibleByMask[mask] = sp;
      }
    }
    b.compounds.set(b.features, query.words.length);
  }

  /** The mayMatch mask of vocabulary word id against the query name. */
  function possible(b: QueryNameBounds, id: number): number {
    if (b.possibleW[id * 2] === b.generation) return b.possibleW[id * 2 + 1]!;
    let m = 0;
    const q = b.query.words;
    for (let i = 0; i < q.length; i++) {
      const may = mayMatchFeatures(b.features, b.stripped, i, vocabulary, vocabularyStripped, id);
      if (may === ASK ? mayMatch(q[i]!, store.words[id]!) : may !== NO) m |= 1 << i;
    }
    b.possibleW[id * 2] = b.generation;
    b.possibleW[id * 2 + 1] = m;
    return m;
  }

  /** The similarity mask of name occurrence j (its word with its patronymic flag), with the best similarity in bestS. */
  function matching(b: QueryNameBounds, j: number): number {
    const slot = nameWords[j]! * 2 + (nameFlags[j]! & 1);
    return b.slots[slot * 3] === b.generation ? b.slots[slot * 3 + 1]! : fillMatching(b, j, slot);
  }

  function fillMatching(b: QueryNameBounds, j: number, slot: number): number {
    const may = possible(b, nameWords[j]!);
    let m = 0;
    let strong = 0;
    let best = 0;
    if (may !== 0) {
      const e = wordAt(store, j);
      const q = b.query.words;
      for (let i = 0; i < q.length; i++) {
        if (!(may & (1 << i))) continue;
        const s = b.rows[i]!.get(slot) ?? cache.put(b.rows[i]!, slot, similarityIfPossible(q[i]!, e));
        if (s < MIN_WORD_SIMILARITY) continue;
        m |= 1 << i;
        if (s >= STRONG_PARTNER) strong |= 1 << i;
        if (s > best) best = s;
      }
    }
    b.slots[slot * 3] = b.generation;
    b.slots[slot * 3 + 1] = m;
    b.bestS[slot] = best;
    b.slots[slot * 3 + 2] = strong;
    return m;
  }

  /**
   * Compound marks of name n (start, count) into markQ/markE, for the pairs the tables find
   * plausible: by mayMatch of the joined word (mode LOOSE) or by its similarity (STRICT). Returns
   * the best similarity of a marked compound (1 for LOOSE marks, 0 when none is marked). As in
   * alignNames, a word with a strong partner on the other side is no compound's single word
   * (`strongQ`, and strongE per list word; known only from the similarities, else none).
   */
  function markCompounds(b: QueryNameBounds, start: number, count: number, mode: number, strongQ: number): number {
    const t = b.compounds;
    const q = b.query.words;
    let best = 0;
    for (let j = start; j + 1 < start + count; j++) {
      const wa = nameWords[j]!;
      const wb = nameWords[j + 1]!;
      if (!t.pairPlausible(vocabulary, wa, wb)) continue;
      for (const i of t.singles) {
        if (strongQ & (1 << i) || !CompoundTables.plausible(b.features, i, vocabulary, wa, wb)) continue;
        let s = 1;
        if (mode === STRICT) s = b.rows[i]!.get(-1 - j) ?? cache.put(b.rows[i]!, -1 - j, exactSimilarity(q[i]!, joinedWord(wordAt(store, j), wordAt(store, j + 1))));
        else {
          const may = mayMatchFeatures(b.features, b.stripped, i, pairs, pairsStripped, j);
          if (may === ASK ? !mayMatch(q[i]!, joinedWord(wordAt(store, j), wordAt(store, j + 1))) : may === NO) s = 0;
        }
        if (s < MIN_WORD_SIMILARITY) continue;
        best = Math.max(best, s);
        markQ[i] = markE[j - start] = markE[j + 1 - start] = 1;
      }
    }
    for (let j = start; j < start + count; j++) {
      const we = nameWords[j]!;
      if (strongE[j - start] || !t.wordPlausible(vocabulary, we)) continue;
      for (const i of t.pairs) {
        if (!CompoundTables.plausible(vocabulary, we, b.features, i, i + 1)) continue;
        let s = 1;
        if (mode === STRICT) {
          const slot = we * 2 + (nameFlags[j]! & 1);
          s = b.joinedRows[i]!.get(slot) ?? cache.put(b.joinedRows[i]!, slot, exactSimilarity(joinedWord(q[i]!, q[i + 1]!), wordAt(store, j)));
        }
        else {
          const may = mayMatchFeatures(b.joined, b.joinedStripped, i, vocabulary, vocabularyStripped, we);
          if (may === ASK ? !mayMatch(joinedWord(q[i]!, q[i + 1]!), store.words[we]!) : may === NO) s = 0;
        }
        if (s < MIN_WORD_SIMILARITY) continue;
        best = Math.max(best, s);
        markE[j - start] = markQ[i] = markQ[i + 1] = 1;
      }
    }
    return best;
  }

  function plausibleCompound(b: QueryNameBounds, n: number, start: number, count: number): boolean {
    const t = b.compounds;
    if (!t.mayHave(signatures, n)) return false;
    if (t.singles.length > 0) for (let j = start; j + 1 < start + count; j++) if (t.pairPlausible(vocabulary, nameWords[j]!, nameWords[j + 1]!)) return true;
    if (t.pairs.length > 0) for (let j = start; j < start + count; j++) if (t.wordPlausible(vocabulary, nameWords[j]!)) return true;
    return false;
  }

  /**
   * The bound of name n (start, count) for one query name: masks from mayMatch (`similarity`
   * undefined) or from the similarities; `mode` adds the compound marks (markCompounds); the
   * quality term is bounded by the best similarity of a word that may match.
   */
  /** bound() without compounds, in one pass (every touched name goes through it). */
  function singleBound(b: QueryNameBounds, start: number, count: number, exact: boolean): number {
    const gen = b.generation;
    const { slots, bestS, possibleW } = b;
    const flags = vocabulary.flags;
    let any = 0;
    let best = 0;
    let unmatchedE = 0;
    let softE = 0;
    let totalE = 0;
    let countE = 0;
    let meaningfulE = 0;
    for (let j = start; j < start + count; j++) {
      const id = nameWords[j]!;
      const patronymic = nameFlags[j]! & 1;
      let m: number;
      if (exact) {
        const slot = id * 2 + patronymic;
        m = slots[slot * 3] === gen ? slots[slot * 3 + 1]! : fillMatching(b, j, slot);
        if (m !== 0 && bestS[slot]! > best) best = bestS[slot]!;
      } else m = possibleW[id * 2] === gen ? possibleW[id * 2 + 1]! : possible(b, id);
      const weight = weights[id]!;
      const initial = flags[id]! & INITIAL;
      totalE += weight;
      if (!initial) meaningfulE++;
      if (m !== 0) {
        countE++;
        any |= m;
      } else {
        unmatchedE += weight;
        softE += weight * (patronymic || initial ? 0.5 : 1);
      }
    }
    const quality = exact ? Math.max(0, (best - 0.4) / 0.6) : 1;
    if (b.query.words.length <= TABLED_WORDS) {
      return boundFromSums(b.unmatchedByMask[any]!, b.softByMask[any]!, b.countByMask[any]!, b.meaningfulQ, unmatchedE, softE, totalE, countE, meaningfulE, false, options, quality, b.softPossibleByMask[any] === 1);
    }
    return bound(b, start, count, exact, LOOSE_NONE);
  }

  function bound(b: QueryNameBounds, start: number, count: number, exact: boolean, mode: number): number {
    if (mode === NONE) return singleBound(b, start, count, exact);
    if (mode === LOOSE_NONE) mode = NONE;
    const nq = b.query.words.length;
    if (masks.length < count) {
      masks = new Int32Array(count * 2);
      markE = new Uint8Array(count * 2);
      strongE = new Uint8Array(count * 2);
    }
    if (markQ.length < nq) markQ = new Uint8Array(nq * 2);
    let any = 0;
    let strongQ = 0;
    let best = 0;
    for (let j = start; j < start + count; j++) {
      const m = exact ? matching(b, j) : possible(b, nameWords[j]!);
      masks[j - start] = m;
      any |= m;
      if (exact && m !== 0) {
        const slot = nameWords[j]! * 2 + (nameFlags[j]! & 1);
        best = Math.max(best, b.bestS[slot]!);
        strongQ |= b.slots[slot * 3 + 2]!;
        strongE[j - start] = b.slots[slot * 3 + 2] === 0 ? 0 : 1;
      } else strongE[j - start] = 0;
    }
    const compounds = mode !== NONE;
    if (compounds) {
      markQ.fill(0, 0, nq);
      markE.fill(0, 0, count);
    }
    const joinedBest = compounds ? markCompounds(b, start, count, mode, strongQ) : 0;
    best = Math.max(best, joinedBest);
    let unmatchedE = 0;
    let softE = 0;
    let totalE = 0;
    let countE = 0;
    let meaningfulE = 0;
    for (let j = start; j < start + count; j++) {
      const id = nameWords[j]!;
      const weight = weights[id]!;
      const initial = vocabulary.flags[id]! & INITIAL;
      totalE += weight;
      if (!initial) meaningfulE++;
      if (masks[j - start] !== 0 || (compounds && markE[j - start])) countE++;
      else {
        unmatchedE += weight;
        softE += weight * (nameFlags[j]! & 1 || initial ? 0.5 : 1);
      }
    }
    let unmatchedQ = 0;
    let softUnmatchedQ = 0;
    let countQ = 0;
    let softPossible = false;
    const q = b.query.words;
    for (let i = 0; i < q.length; i++) {
      if (any & (1 << i) || (compounds && markQ[i])) {
        countQ++;
        if (b.softQ[i] !== b.weightQ[i]) softPossible = true;
      } else {
        unmatchedQ += b.weightQ[i]!;
        softUnmatchedQ += b.softQ[i]!;
      }
    }
    const quality = exact ? Math.max(0, (best - 0.4) / 0.6) : 1;
    // a compound marked: no single-word cap (alignNames applies it to one pair of single words only)
    return boundFromSums(unmatchedQ, softUnmatchedQ, countQ, b.meaningfulQ, unmatchedE, softE, totalE, countE, meaningfulE, joinedBest > 0, options, quality, softPossible);
  }

  /** nameScoreBound on the objects, for query names too long for the masks. */
  function longBound(query: WeightedName, start: number, count: number, floor: number): number {
    entry.words.length = entry.weights.length = count;
    for (let j = 0; j < count; j++) {
      entry.words[j] = wordAt(store, start + j);
      entry.weights[j] = weights[nameWords[start + j]!]!;
    }
    return nameScoreBound(query, entry, options, floor);
  }

  return {
    prepare(queryNames) {
      active = [];
      long = [];
      for (const query of queryNames) {
        if (query.words.length > MAX_TABLE_WORDS) {
          long.push(query);
          continue;
        }
        if (pool.length <= active.length) pool.push(new QueryNameBounds(store.words.length));
        const b = pool[active.length]!;
        setQuery(b, query);
        active.push(b);
      }
    },
    first(n, floor) {
      const start = nameStart[n]!;
      const count = nameStart[n + 1]! - start;
      let out = -1;
      for (const b of active) {
        // compounds can only raise the bound: counted where one is plausible
        const x = bound(b, start, count, true, plausibleCompound(b, n, start, count) ? LOOSE : NONE);
        if (x >= floor && x > out) out = x;
      }
      for (const query of long) {
        const x = longBound(query, start, count, Infinity);
        if (x >= floor && x > out) out = x;
      }
      return out;
    },
    second(n, accept) {
      const start = nameStart[n]!;
      const count = nameStart[n + 1]! - start;
      for (const b of active) {
        // cheapest first: without compounds, then (where one is plausible) with them counted
        // loosely, then with the similarity of the joined words; each only raises the bound
        if (accept(bound(b, start, count, true, NONE))) return true;
        if (!plausibleCompound(b, n, start, count) || !accept(bound(b, start, count, true, LOOSE))) continue;
        if (accept(bound(b, start, count, true, STRICT))) return true;
      }
      for (const query of long) if (accept(longBound(query, start, count, Infinity))) return true;
      return false;
    },
  };
}
