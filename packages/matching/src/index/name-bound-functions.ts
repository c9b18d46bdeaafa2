/**
 * The bound of one list name for one query name (see name-bounds.ts): masks of the query words that
 * may match each list word, compound marks, and the sums score/name-score-bound.ts turns into a bound.
 */
import type { WeightedName } from '../score/name-alignment';
import { joinedWord } from '../score/name-alignment';
import { MIN_WORD_SIMILARITY } from '../score/word-similarity';
import { boundFromSums, nameScoreBound } from '../score/name-score-bound';
import { CompoundTables } from './compound-tables';
import { wordAt } from './name-store';
import { mayMatch } from '../score/match-possible';
import { ASK, INITIAL, mayMatchFeatures, NO } from './word-features';
import {
  exactSimilarity,
  fillMatching,
  LOOSE_NONE,
  matching,
  NONE,
  possible,
  STRICT,
  TABLED_WORDS,
  type BoundsContext,
  type QueryNameBounds,
} from './name-bounds-context';

/**
 * Compound marks of name n (start, count) into c.markQ/c.markE, for the c.pairs the tables find
 * plausible: by mayMatch of the joined word (mode LOOSE) or by its similarity (STRICT). Returns
 * the best similarity of a marked compound (1 for LOOSE marks, 0 when none is marked). As in
 * alignNames, a word with a strong partner on the other side is no compound's single word
 * (`strongQ`, and c.strongE per list word; known only from the similarities, else none).
 */
export function markCompounds(c: BoundsContext, b: QueryNameBounds, start: number, count: number, mode: number, strongQ: number): number {
  const t = b.compounds;
  const q = b.query.words;
  let best = 0;
  for (let j = start; j + 1 < start + count; j++) {
    const wa = c.nameWords[j]!;
    const wb = c.nameWords[j + 1]!;
    if (!t.pairPlausible(c.vocabulary, wa, wb)) continue;
    for (const i of t.singles) {
      if (strongQ & (1 << i) || !CompoundTables.plausible(b.features, i, c.vocabulary, wa, wb)) continue;
      let s = 1;
      if (mode === STRICT)
        s =
          b.rows[i]!.get(-1 - j) ??
          c.cache.put(b.rows[i]!, -1 - j, exactSimilarity(q[i]!, joinedWord(wordAt(c.store, j), wordAt(c.store, j + 1))));
      else {
        const may = mayMatchFeatures(b.features, b.stripped, i, c.pairs, c.pairsStripped, j);
        if (may === ASK ? !mayMatch(q[i]!, joinedWord(wordAt(c.store, j), wordAt(c.store, j + 1))) : may === NO) s = 0;
      }
      if (s < MIN_WORD_SIMILARITY) continue;
      best = Math.max(best, s);
      c.markQ[i] = c.markE[j - start] = c.markE[j + 1 - start] = 1;
    }
  }
  for (let j = start; j < start + count; j++) {
    const we = c.nameWords[j]!;
    if (c.strongE[j - start] || !t.wordPlausible(c.vocabulary, we)) continue;
    for (const i of t.pairs) {
      if (!CompoundTables.plausible(c.vocabulary, we, b.features, i, i + 1)) continue;
      let s = 1;
      if (mode === STRICT) {
        const slot = we * 2 + (c.nameFlags[j]! & 1);
        s =
          b.joinedRows[i]!.get(slot) ??
          c.cache.put(b.joinedRows[i]!, slot, exactSimilarity(joinedWord(q[i]!, q[i + 1]!), wordAt(c.store, j)));
      } else {
        const may = mayMatchFeatures(b.joined, b.joinedStripped, i, c.vocabulary, c.vocabularyStripped, we);
        if (may === ASK ? !mayMatch(joinedWord(q[i]!, q[i + 1]!), c.store.words[we]!) : may === NO) s = 0;
      }
      if (s < MIN_WORD_SIMILARITY) continue;
      best = Math.max(best, s);
      c.markE[j - start] = c.markQ[i] = c.markQ[i + 1] = 1;
    }
  }
  return best;
}

export function plausibleCompound(c: BoundsContext, b: QueryNameBounds, n: number, start: number, count: number): boolean {
  const t = b.compounds;
  if (!t.mayHave(c.signatures, n)) return false;
  if (t.singles.length > 0)
    for (let j = start; j + 1 < start + count; j++) if (t.pairPlausible(c.vocabulary, c.nameWords[j]!, c.nameWords[j + 1]!)) return true;
  if (t.pairs.length > 0) for (let j = start; j < start + count; j++) if (t.wordPlausible(c.vocabulary, c.nameWords[j]!)) return true;
  return false;
}

/**
 * The bound of name n (start, count) for one query name: c.masks from mayMatch (`similarity`
 * undefined) or from the similarities; `mode` adds the compound marks (markCompounds); the
 * quality term is bounded by the best similarity of a word that may match.
 */
/** bound(c, ) without compounds, in one pass (every touched name goes through it). */
export function singleBound(c: BoundsContext, b: QueryNameBounds, start: number, count: number, exact: boolean): number {
  const gen = b.generation;
  const { slots, bestS, possibleW } = b;
  const flags = c.vocabulary.flags;
  let any = 0;
  let best = 0;
  let unmatchedE = 0;
  let softE = 0;
  let totalE = 0;
  let countE = 0;
  let meaningfulE = 0;
  for (let j = start; j < start + count; j++) {
    const id = c.nameWords[j]!;
    const patronymic = c.nameFlags[j]! & 1;
    let m: number;
    if (exact) {
      const slot = id * 2 + patronymic;
      m = slots[slot * 3] === gen ? slots[slot * 3 + 1]! : fillMatching(c, b, j, slot);
      if (m !== 0 && bestS[slot]! > best) best = bestS[slot]!;
    } else m = possibleW[id * 2] === gen ? possibleW[id * 2 + 1]! : possible(c, b, id);
    const weight = c.weights[id]!;
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
    return boundFromSums(
      b.unmatchedByMask[any]!,
      b.softByMask[any]!,
      b.countByMask[any]!,
      b.meaningfulQ,
      unmatchedE,
      softE,
      totalE,
      countE,
      meaningfulE,
      false,
      c.options,
      quality,
      b.softPossibleByMask[any] === 1,
    );
  }
  return bound(c, b, start, count, exact, LOOSE_NONE);
}

export function bound(c: BoundsContext, b: QueryNameBounds, start: number, count: number, exact: boolean, mode: number): number {
  if (mode === NONE) return singleBound(c, b, start, count, exact);
  if (mode === LOOSE_NONE) mode = NONE;
  const nq = b.query.words.length;
  if (c.masks.length < count) {
    c.masks = new Int32Array(count * 2);
    c.markE = new Uint8Array(count * 2);
    c.strongE = new Uint8Array(count * 2);
  }
  if (c.markQ.length < nq) c.markQ = new Uint8Array(nq * 2);
  let any = 0;
  let strongQ = 0;
  let best = 0;
  for (let j = start; j < start + count; j++) {
    const m = exact ? matching(c, b, j) : possible(c, b, c.nameWords[j]!);
    c.masks[j - start] = m;
    any |= m;
    if (exact && m !== 0) {
      const slot = c.nameWords[j]! * 2 + (c.nameFlags[j]! & 1);
      best = Math.max(best, b.bestS[slot]!);
      strongQ |= b.slots[slot * 3 + 2]!;
      c.strongE[j - start] = b.slots[slot * 3 + 2] === 0 ? 0 : 1;
    } else c.strongE[j - start] = 0;
  }
  const compounds = mode !== NONE;
  if (compounds) {
    c.markQ.fill(0, 0, nq);
    c.markE.fill(0, 0, count);
  }
  const joinedBest = compounds ? markCompounds(c, b, start, count, mode, strongQ) : 0;
  best = Math.max(best, joinedBest);
  let unmatchedE = 0;
  let softE = 0;
  let totalE = 0;
  let countE = 0;
  let meaningfulE = 0;
  for (let j = start; j < start + count; j++) {
    const id = c.nameWords[j]!;
    const weight = c.weights[id]!;
    const initial = c.vocabulary.flags[id]! & INITIAL;
    totalE += weight;
    if (!initial) meaningfulE++;
    if (c.masks[j - start] !== 0 || (compounds && c.markE[j - start])) countE++;
    else {
      unmatchedE += weight;
      softE += weight * (c.nameFlags[j]! & 1 || initial ? 0.5 : 1);
    }
  }
  let unmatchedQ = 0;
  let softUnmatchedQ = 0;
  let countQ = 0;
  let softPossible = false;
  const q = b.query.words;
  for (let i = 0; i < q.length; i++) {
    if (any & (1 << i) || (compounds && c.markQ[i])) {
      countQ++;
      if (b.softQ[i] !== b.weightQ[i]) softPossible = true;
    } else {
      unmatchedQ += b.weightQ[i]!;
      softUnmatchedQ += b.softQ[i]!;
    }
  }
  const quality = exact ? Math.max(0, (best - 0.4) / 0.6) : 1;
  // a compound marked: no single-word cap (alignNames applies it to one pair of single words only)
  return boundFromSums(
    unmatchedQ,
    softUnmatchedQ,
    countQ,
    b.meaningfulQ,
    unmatchedE,
    softE,
    totalE,
    countE,
    meaningfulE,
    joinedBest > 0,
    c.options,
    quality,
    softPossible,
  );
}

/** nameScoreBound on the objects, for query names too long for the c.masks. */
export function longBound(c: BoundsContext, query: WeightedName, start: number, count: number, floor: number): number {
  c.entry.words.length = c.entry.weights.length = count;
  for (let j = 0; j < count; j++) {
    c.entry.words[j] = wordAt(c.store, start + j);
    c.entry.weights[j] = c.weights[c.nameWords[start + j]!]!;
  }
  return nameScoreBound(query, c.entry, c.options, floor);
}
