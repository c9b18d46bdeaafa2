/**
 * The shared state of the name bounds (name-bounds.ts): the list's word and word-pair features, the
 * pair cache and the scratch buffers, and per query name its tables (QueryNameBounds); with the
 * functions that fill those tables. The bounds themselves are in name-bound-functions.ts.
 */
import type { NameScoreOptions, WeightedName } from '../score/name-alignment';
import { joinedWord, STRONG_PARTNER } from '../score/name-alignment';
import { MIN_WORD_SIMILARITY } from '../score/word-similarity';
import { CompoundTables, nameSignatures } from './compound-tables';
import { similarityIfPossible } from './similarity-memo';
import { PairCache } from './pair-cache';
import { wordAt, type NameStore } from './name-store';
import { mayMatch } from '../score/match-possible';
import {
  ASK,
  derivedFeatures,
  mayMatchFeatures,
  NO,
  withoutArticles,
  wordFeatures,
  type PhoneticCodes,
  type WordFeatures,
} from './word-features';
import { makeWord, type NameWord } from '../normalise/name-normaliser';

/** Compound modes of a bound: none counted, marked by mayMatch of the joined word, or by its similarity. */
export const NONE = 0;
export const LOOSE = 1;
export const STRICT = 2;
/** NONE, computed by the general path (singleBound's fallback for long query names). */
export const LOOSE_NONE = 3;

/**
 * Features of every adjacent pair of words of every list name joined, at the first word's
 * occurrence (the compound test of the bounds reads them instead of building the joined word).
 */
function pairFeatures(store: NameStore, codes: PhoneticCodes): [WordFeatures, WordFeatures] {
  const last = new Uint8Array(store.nameWords.length);
  for (let n = 0; n < store.nameCount; n++) if (store.nameStart[n + 1]! > store.nameStart[n]!) last[store.nameStart[n + 1]! - 1] = 1;
  const recent = new Map<string, NameWord>();
  return derivedFeatures(
    store.nameWords.length,
    (j) => {
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
    },
    codes,
  );
}

/** The similarity as the search's memo gives it (mayMatch, surelyBelowBar, then wordSimilarity), without the memo. */
export const exactSimilarity = (a: NameWord, b: NameWord) => (mayMatch(a, b) ? similarityIfPossible(a, b) : 0);

/** Query names up to this long have their unmatched sums tabulated by mask. */
export const TABLED_WORDS = 10;

/** Query names longer than this are bounded without the tables (bit masks hold 31 words). */
export const MAX_TABLE_WORDS = 31;

/** The bounds of one query name; its tables are reused from query to query. */
export class QueryNameBounds {
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

/** What every bound function reads: the list's features and the scratch buffers (grown, never shrunk). */
export interface BoundsContext {
  store: NameStore;
  options: NameScoreOptions;
  codes: PhoneticCodes;
  vocabulary: WordFeatures;
  vocabularyStripped: WordFeatures;
  pairs: WordFeatures;
  pairsStripped: WordFeatures;
  nameWords: NameStore['nameWords'];
  nameFlags: NameStore['nameFlags'];
  weights: NameStore['weights'];
  nameStart: NameStore['nameStart'];
  signatures: ReturnType<typeof nameSignatures>;
  cache: PairCache;
  entry: WeightedName;
  markQ: Uint8Array;
  markE: Uint8Array;
  strongE: Uint8Array;
  masks: Int32Array;
}

export function createBoundsContext(store: NameStore, options: NameScoreOptions): BoundsContext {
  const codes: PhoneticCodes = new Map();
  const vocabulary = wordFeatures(store.words, codes, true);
  const vocabularyStripped = wordFeatures(withoutArticles(store.words), codes, true);
  const [pairs, pairsStripped] = pairFeatures(store, codes);
  const { nameWords, nameFlags, weights, nameStart } = store;
  return {
    store,
    options,
    codes,
    vocabulary,
    vocabularyStripped,
    pairs,
    pairsStripped,
    nameWords,
    nameFlags,
    weights,
    nameStart,
    signatures: nameSignatures(vocabulary, nameStart, nameWords),
    cache: new PairCache(),
    entry: { words: [], weights: [] },
    markQ: new Uint8Array(32),
    markE: new Uint8Array(64),
    strongE: new Uint8Array(64),
    masks: new Int32Array(64),
  };
}

export function setQuery(c: BoundsContext, b: QueryNameBounds, query: WeightedName): void {
  b.generation++;
  b.query = query;
  b.features = wordFeatures(query.words, c.codes, false);
  b.stripped = wordFeatures(withoutArticles(query.words), c.codes, false);
  const joined = query.words.map((w, i) => (i + 1 < query.words.length ? joinedWord(w, query.words[i + 1]!) : w));
  b.rows = query.words.map((w) => c.cache.row(w));
  b.joinedRows = joined.map((w) => c.cache.row(w));
  b.joined = wordFeatures(joined, c.codes, false);
  b.joinedStripped = wordFeatures(withoutArticles(joined), c.codes, false);
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

/** The mayMatch mask of c.vocabulary word id against the query name. */
export function possible(c: BoundsContext, b: QueryNameBounds, id: number): number {
  if (b.possibleW[id * 2] === b.generation) return b.possibleW[id * 2 + 1]!;
  let m = 0;
  const q = b.query.words;
  for (let i = 0; i < q.length; i++) {
    const may = mayMatchFeatures(b.features, b.stripped, i, c.vocabulary, c.vocabularyStripped, id);
    if (may === ASK ? mayMatch(q[i]!, c.store.words[id]!) : may !== NO) m |= 1 << i;
  }
  b.possibleW[id * 2] = b.generation;
  b.possibleW[id * 2 + 1] = m;
  return m;
}

/** The similarity mask of name occurrence j (its word with its patronymic flag), with the best similarity in bestS. */
export function matching(c: BoundsContext, b: QueryNameBounds, j: number): number {
  const slot = c.nameWords[j]! * 2 + (c.nameFlags[j]! & 1);
  return b.slots[slot * 3] === b.generation ? b.slots[slot * 3 + 1]! : fillMatching(c, b, j, slot);
}

export function fillMatching(c: BoundsContext, b: QueryNameBounds, j: number, slot: number): number {
  const may = possible(c, b, c.nameWords[j]!);
  let m = 0;
  let strong = 0;
  let best = 0;
  if (may !== 0) {
    const e = wordAt(c.store, j);
    const q = b.query.words;
    for (let i = 0; i < q.length; i++) {
      if (!(may & (1 << i))) continue;
      const s = b.rows[i]!.get(slot) ?? c.cache.put(b.rows[i]!, slot, similarityIfPossible(q[i]!, e));
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
