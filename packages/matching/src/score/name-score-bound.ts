/**
 * An upper bound of alignNames' score from the word pairs that could match at all (mayMatch, and
 * compounds whose lengths add up), without computing a single similarity. A search scores dozens of
 * names per query that share one word with it; most of them have words on both sides that cannot
 * match anything, a conflict that keeps them below the search's minimum score whatever the
 * similarities. The bound is sound, not a heuristic: every similarity is taken as 1 and every
 * possible pair as matched, and it mirrors alignNames' formula (keep the two in step).
 */
import type { NameWord } from '../normalise/name-normaliser';
import { mayMatch } from './match-possible';
import {
  DEFAULT_CONFLICT_PENALTY,
  MIN_COMPOUND_LENGTH,
  joinedWord,
  plausibleCompound,
  type NameScoreOptions,
  type WeightedName,
} from './name-alignment';

let possibleQ = new Uint8Array(32);
let possibleE = new Uint8Array(32);
let savedQ = new Uint8Array(32);
let savedE = new Uint8Array(32);

/** Marks words of `single` that may equal two adjacent words of `split` joined, and those two words. */
function markCompounds(single: NameWord[], split: NameWord[], markSingle: Uint8Array, markSplit: Uint8Array, loose: boolean): boolean {
  let any = false;
  for (let i = 0; i < single.length; i++) {
    const s = single[i]!;
    if (s.initial || s.text.length < MIN_COMPOUND_LENGTH) continue;
    for (let j = 0; j + 1 < split.length; j++) {
      const a = split[j]!;
      const b = split[j + 1]!;
      if (a.initial || b.initial || !plausibleCompound(s, a, b) || (!loose && !mayMatch(s, joinedWord(a, b)))) continue;
      markSingle[i] = markSplit[j] = markSplit[j + 1] = 1;
      any = true;
    }
  }
  return any;
}

function meaningful(words: NameWord[]): number {
  let count = 0;
  for (const w of words) if (!w.initial) count++;
  return count;
}

/**
 * The bound; with `floor`, compounds (the costly part: joined words are built) are only looked at
 * when the bound without them is below the floor (they can only raise it).
 */
export function nameScoreBound(query: WeightedName, entry: WeightedName, options: NameScoreOptions = {}, floor = Infinity): number {
  const nq = query.words.length;
  const ne = entry.words.length;
  clearMarks(nq, ne);
  for (let i = 0; i < nq; i++) {
    const q = query.words[i]!;
    for (let j = 0; j < ne; j++) {
      if ((possibleQ[i]! & possibleE[j]!) === 0 && mayMatch(q, entry.words[j]!)) possibleQ[i] = possibleE[j] = 1;
    }
  }
  return boundFromPossible(query, entry, options, floor);
}

/**
 * The same bound from word matches known beforehand (a search tabulates them per query, keyed by
 * list word): bit i of `masks[j]` says query word i may match entry word j (mayMatch, or the
 * similarity itself). At most 31 query words.
 */
export function nameScoreBoundFromMasks(
  query: WeightedName,
  entry: WeightedName,
  masks: ArrayLike<number>,
  options: NameScoreOptions = {},
  floor = Infinity,
): number {
  const nq = query.words.length;
  const ne = entry.words.length;
  clearMarks(nq, ne);
  let any = 0;
  for (let j = 0; j < ne; j++) {
    const m = masks[j]!;
    if (m !== 0) possibleE[j] = 1;
    any |= m;
  }
  for (let i = 0; i < nq; i++) if (any & (1 << i)) possibleQ[i] = 1;
  return boundFromPossible(query, entry, options, floor);
}

function clearMarks(nq: number, ne: number): void {
  if (possibleQ.length < nq) possibleQ = new Uint8Array(nq * 2);
  if (possibleE.length < ne) possibleE = new Uint8Array(ne * 2);
  possibleQ.fill(0, 0, nq);
  possibleE.fill(0, 0, ne);
}

/** The bound from the single-word marks in possibleQ/possibleE, compounds added when needed. */
function boundFromPossible(query: WeightedName, entry: WeightedName, options: NameScoreOptions, floor: number): number {
  const nq = query.words.length;
  const ne = entry.words.length;
  const single = boundFromMarks(query, entry, false, options);
  if (single >= floor) return single;
  // First every plausible compound counted as a match without building it (cheap, looser); only
  // when that reaches the floor are the joined words built and tested.
  if (savedQ.length < nq) savedQ = new Uint8Array(nq * 2);
  if (savedE.length < ne) savedE = new Uint8Array(ne * 2);
  savedQ.set(possibleQ.subarray(0, nq));
  savedE.set(possibleE.subarray(0, ne));
  const looseE = markCompounds(query.words, entry.words, possibleQ, possibleE, true);
  const looseQ = markCompounds(entry.words, query.words, possibleE, possibleQ, true);
  if (!looseE && !looseQ) return single;
  const loose = boundFromMarks(query, entry, true, options);
  if (loose < floor) return loose;
  possibleQ.set(savedQ.subarray(0, nq));
  possibleE.set(savedE.subarray(0, ne));
  const joinedE = markCompounds(query.words, entry.words, possibleQ, possibleE, false);
  const joinedQ = markCompounds(entry.words, query.words, possibleE, possibleQ, false);
  return joinedE || joinedQ ? boundFromMarks(query, entry, true, options) : single;
}

/**
 * alignNames' formula with every possible word matched at similarity 1 and the rest unmatched.
 * Cases as alignNames distinguishes them: words left on both sides (conflict, at least as large as
 * with the fewest words left), or every word of one side matched (no conflict, but the other side's
 * unmatched words are surplus).
 */
function boundFromMarks(query: WeightedName, entry: WeightedName, joined: boolean, options: NameScoreOptions): number {
  let unmatchedQ = 0;
  let softQ = 0;
  let countQ = 0;
  for (let i = 0; i < query.words.length; i++) {
    if (possibleQ[i]) countQ++;
    else {
      const w = query.words[i]!;
      unmatchedQ += query.weights[i]!;
      softQ += query.weights[i]! * (w.patronymic || w.initial ? 0.5 : 1);
    }
  }
  let unmatchedE = 0;
  let softE = 0;
  let totalE = 0;
  let countE = 0;
  for (let j = 0; j < entry.words.length; j++) {
    totalE += entry.weights[j]!;
    if (possibleE[j]) countE++;
    else {
      const w = entry.words[j]!;
      unmatchedE += entry.weights[j]!;
      softE += entry.weights[j]! * (w.patronymic || w.initial ? 0.5 : 1);
    }
  }
  return boundFromSums(
    unmatchedQ,
    softQ,
    countQ,
    meaningful(query.words),
    unmatchedE,
    softE,
    totalE,
    countE,
    meaningful(entry.words),
    joined,
    options,
  );
}

/** alignNames' surplus factor (a module function: a closure per call costs on this hot path). */
function surplusFactor(surplusPenalty: number, x: number): number {
  return Math.max(0, 1 - surplusPenalty * x - 0.5 * x * x);
}

/**
 * boundFromMarks from its sums: the unmatched weight (plain and soft: patronymics and initials
 * half) and the possible words of each side, their meaningful (not initial) words, the list name's
 * weight; `joined` when compounds were counted. `quality` bounds alignNames' quality term (the
 * weighted mean of the matched pairs' stretched similarities: at most that of the best pair);
 * `softPossible` says whether a query word that may match is a patronymic or an initial (see below).
 */
export function boundFromSums(
  unmatchedQ: number,
  softQ: number,
  countQ: number,
  meaningfulQ: number,
  unmatchedE: number,
  softE: number,
  totalE: number,
  countE: number,
  meaningfulE: number,
  joined: boolean,
  options: NameScoreOptions,
  quality = 1,
  softPossible = true,
): number {
  const { conflictPenalty = DEFAULT_CONFLICT_PENALTY, surplusPenalty = 0.35, singleWordCap = 0.45 } = options;
  if (countQ === 0 || countE === 0) return 0;
  // Words left on both sides: the conflict is at least the shares of the fewest words left (both
  // shares grow with every further word left unmatched).
  const fracQ = unmatchedQ / (totalE - unmatchedE + unmatchedQ);
  const fracE = unmatchedE / totalE;
  let bound = Math.max(0, 1 - conflictPenalty * Math.max(fracQ, fracE));
  // Every list word matched: no conflict. The query's surplus share is (soft unmatched)/(list
  // weight + unmatched): each further query word left unmatched adds its soft weight above and its
  // weight below, so the share only grows when those words count fully, and can fall towards ½
  // (never below the smaller of the two) when one of them is a patronymic or an initial.
  const shareQ = softQ / (totalE + unmatchedQ);
  if (unmatchedE === 0) bound = Math.max(bound, surplusFactor(surplusPenalty, softPossible ? Math.min(shareQ, 0.5) : shareQ));
  // Every query word matched: no conflict; the list name's surplus share only grows.
  if (unmatchedQ === 0) bound = Math.max(bound, surplusFactor(surplusPenalty, softE / totalE));
  bound *= quality;
  const conflictFree = unmatchedQ === 0 || unmatchedE === 0;
  // at most one pair possible: alignNames' single-word cap applies
  if (!joined && Math.min(countQ, countE) <= 1 && Math.max(meaningfulE, meaningfulQ) >= 2) {
    bound = Math.min(bound, !conflictFree && Math.max(fracQ, fracE) > 0.05 ? singleWordCap * 0.65 : singleWordCap);
  }
  return Math.min(1, bound);
}
