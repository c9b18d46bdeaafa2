/**
 * Word-level alignment of two names and the name score. Each query word matches at most one list
 * word and vice versa ("Vladimir" cannot match "VLADIMIROV, Vladimir Vladimirovich" three times);
 * order does not matter (swapped given and family names align the same way).
 *
 * The score separates two kinds of unmatched words:
 * - surplus: words on one side only (a dropped middle name, a missing patronymic) – mild penalty;
 * - conflict: words left over on both sides (a different surname, a different patronymic) – strong
 *   penalty, because the two names then say different things.
 */
import { makeWord, type NameWord } from '../normalise/name-normaliser';
import { compoundPartsAgree } from './compound-parts';
import { MIN_WORD_SIMILARITY, type MatchHow, type WordSimilarity } from './word-similarity';

export interface WeightedName {
  words: NameWord[];
  weights: number[];
  /** Bit i set: word i is a kunya (it followed "Abu"); see NormalisedName.kunya. Default none. */
  kunya?: number;
}

export interface AlignedPair {
  query: number;
  entry: number;
  /** Set when two adjacent words of one side form one word of the other ("Abdul Rahman"/"Abdulrahman", "Nur Allah"/"Nurullah"). */
  joined?: 'query' | 'entry';
  similarity: number;
  how: MatchHow;
}

export interface NameAlignment {
  /** Name score in [0,1]. */
  score: number;
  pairs: AlignedPair[];
  /** Share of weight left unmatched when both sides have unmatched words (the larger side share). */
  conflict: number;
  /** Share of weight unmatched on one side only. */
  surplus: number;
  /** A single matching word against a longer listed name: capped below review level. */
  singleWord: boolean;
}

/** Penalty per unit of conflicting weight (see alignNames). */
export const DEFAULT_CONFLICT_PENALTY = 2.4;

/** Tunables of the name score; the defaults are documented in the README. */
export interface NameScoreOptions {
  /** Penalty per unit of conflicting weight. Default 2.4: a word that differs on both sides says "another person". */
  conflictPenalty?: number;
  /** Penalty per unit of one-sided surplus weight. Default 0.35. */
  surplusPenalty?: number;
  /** Highest score when only one word matches and either name has more (kept below the upper threshold). Default 0.45. */
  singleWordCap?: number;
}

/**
 * Word similarity as it counts in the name score: spread out over the matching range, so that a
 * pair of near-misses (0.75, "Suleiman"/"Sultan") weighs half an exact word, not three quarters.
 */
function stretch(similarity: number): number {
  return Math.max(0, (similarity - 0.4) / 0.6);
}

/** Weight of the words left unmatched; in the surplus view a missing patronymic or initial counts half (a gap, not a contradiction). */
function unmatched(name: WeightedName, used: Uint8Array, surplusView: boolean): number {
  let sum = 0;
  for (let i = 0; i < name.words.length; i++) {
    if (used[i]) continue;
    const soft = surplusView && (name.words[i]!.patronymic || name.words[i]!.initial);
    sum += name.weights[i]! * (soft ? 0.5 : 1);
  }
  return sum;
}

function hasUnmatchedPatronymic(name: WeightedName, used: Uint8Array): boolean {
  for (let i = 0; i < name.words.length; i++) if (!used[i] && name.words[i]!.patronymic) return true;
  return false;
}

/** Both names one word, a kunya on one side only. Longer names keep their score: the word order may be reversed ("Ammar Abou Yahia"/"Yahia Abou Ammar"). */
function onlyKunyaAgainstName(query: WeightedName, entry: WeightedName): boolean {
  return query.words.length === 1 && entry.words.length === 1 && ((query.kunya ?? 0) & 1) !== ((entry.kunya ?? 0) & 1);
}

function meaningful(n: WeightedName): number {
  let count = 0;
  for (const w of n.words) if (!w.initial) count++;
  return count;
}

const EMPTY: NameAlignment = { score: 0, pairs: [], conflict: 1, surplus: 0, singleWord: false };

export function alignNames(
  query: WeightedName,
  entry: WeightedName,
  similarity: (q: NameWord, e: NameWord) => WordSimilarity,
  options: NameScoreOptions = {},
): NameAlignment {
  const { conflictPenalty = DEFAULT_CONFLICT_PENALTY, surplusPenalty = 0.35, singleWordCap = 0.45 } = options;
  const candidates: AlignedPair[] = [];
  for (let i = 0; i < query.words.length; i++) {
    for (let j = 0; j < entry.words.length; j++) {
      const s = similarity(query.words[i]!, entry.words[j]!);
      if (s.similarity >= MIN_WORD_SIMILARITY) candidates.push({ query: i, entry: j, similarity: s.similarity, how: s.how });
    }
  }
  addJoinedCandidates(query, entry, similarity, candidates);
  if (candidates.length === 0) return EMPTY;
  // Greedy by similarity, heavier list words first on ties: optimal for the small sizes of names.
  candidates.sort((a, b) => b.similarity - a.similarity || entry.weights[b.entry]! - entry.weights[a.entry]!);
  const usedQ = new Uint8Array(query.words.length);
  const usedE = new Uint8Array(entry.words.length);
  const pairs: AlignedPair[] = [];
  let matchedWeight = 0;
  let matchedScore = 0;
  for (const c of candidates) {
    if (usedQ[c.query] || usedE[c.entry]) continue;
    if (c.joined === 'entry' && usedE[c.entry + 1]) continue;
    if (c.joined === 'query' && usedQ[c.query + 1]) continue;
    usedQ[c.query] = 1;
    usedE[c.entry] = 1;
    if (c.joined === 'entry') usedE[c.entry + 1] = 1;
    if (c.joined === 'query') usedQ[c.query + 1] = 1;
    pairs.push(c);
    // A typo'd or transliterated query word weighs what the list word it matched weighs.
    const w = entry.weights[c.entry]! + (c.joined === 'entry' ? entry.weights[c.entry + 1]! : 0);
    matchedWeight += w;
    matchedScore += w * stretch(c.similarity);
  }
  const uq = unmatched(query, usedQ, false);
  const ue = unmatched(entry, usedE, false);
  const fracQ = uq / (matchedWeight + uq);
  const fracE = ue / (matchedWeight + ue);
  // A word left on each side is a contradiction, as strong as the more informative of the two
  // sides: a rare listed word replaced by a common one ("Ezatullah" → "Abdullah") and a common
  // listed given name replaced by a rare one ("Ali" → "Kazemi", a sibling) both say "another person".
  const conflict = fracQ > 0 && fracE > 0 ? Math.max(fracQ, fracE) : 0;
  const softQ = unmatched(query, usedQ, true) / (matchedWeight + uq);
  const softE = unmatched(entry, usedE, true) / (matchedWeight + ue);
  const surplus = Math.max(0, Math.max(softQ, softE) - conflict);
  const quality = matchedScore / matchedWeight;
  // Surplus grows quadratically: one dropped middle name is normal, a name mostly absent is not.
  const surplusFactor = Math.max(0, 1 - surplusPenalty * surplus - 0.5 * surplus * surplus);
  let score = quality * Math.max(0, 1 - conflictPenalty * conflict) * surplusFactor;
  // One shared word never identifies a person, whichever side has the other words: nor with
  // initials beside it that the query does not spell out (a listed "Ahmed, A" against "Ahmad
  // Alexei", "Tariq S.M." against a listed "Tariq"), nor when it is a compound that one side writes
  // apart ("Allah Dad Vanshavankar" against a listed "Allahdad"). Initials of the query agreeing
  // with listed names ("R. El Habhab") are its own abbreviation and count as words.
  let words = 0;
  let initials = 0;
  let used = 0;
  for (const p of pairs) {
    used += p.joined ? 3 : 2;
    if (p.how !== 'initial') words++;
    else if (query.words[p.query]!.initial) initials++;
  }
  const singleWord =
    words === 1 && initials === 0
      ? used < query.words.length + entry.words.length || pairs.length > 1
      : pairs.length === 1 && !pairs[0]!.joined && Math.max(meaningful(entry), meaningful(query)) >= 2;
  // ...and one shared word next to a contradiction ("George Bush"/"George Habbash") is clear.
  if (singleWord) score = Math.min(score, conflict > 0.05 ? singleWordCap * 0.65 : singleWordCap);
  // A kunya is not the name in it: "Abu Hussain" (Hussain's father) against a "Hussain", "EL Anas"
  // against "Abu Anas" say two different people.
  if (onlyKunyaAgainstName(query, entry)) score = Math.min(score, singleWordCap);
  // A different father's name is a contradiction on its own (a missing one is only a gap).
  if (hasUnmatchedPatronymic(query, usedQ) && hasUnmatchedPatronymic(entry, usedE)) score *= 0.7;
  return { score: Math.max(0, Math.min(1, score)), pairs, conflict, surplus, singleWord };
}

const joinedWords = new Map<string, NameWord>();

export function joinedWord(a: NameWord, b: NameWord): NameWord {
  const text = a.text + b.text;
  // keyed by script too: the same letters from Arabic script compare on their skeleton
  const key = a.abjad ? `1${text}` : text;
  let w = joinedWords.get(key);
  if (!w) {
    if (joinedWords.size > 20_000) joinedWords.clear();
    joinedWords.set(key, (w = { ...makeWord(text, { abjad: a.abjad }), compound: true }));
  }
  return w;
}

/**
 * Shortest word compared with two joined words: Korean given names are two syllables that lists
 * write apart or together ("Munil"/"Mun Il", "Hojin"/"Ho-jin").
 */
export const MIN_COMPOUND_LENGTH = 5;

/** A word with a partner this similar on the other side is never one side of a compound. */
export const STRONG_PARTNER = 0.85;

/**
 * Cheap test before building the joined word: same start (in letters or in romanisation key: Cyrillic
 * "Хонгсоп" is "khongsop" against "Hong-sop"), and lengths that add up.
 */
export function plausibleCompound(s: NameWord, a: NameWord, b: NameWord): boolean {
  if (s.abjad !== a.abjad) {
    const sk = s.skeleton;
    return sk.length > 0 && sk[0] === a.skeleton[0] && Math.abs(sk.length - a.skeleton.length - b.skeleton.length) <= 2;
  }
  return (s.text[0] === a.text[0] || s.key[0] === a.key[0]) && Math.abs(s.text.length - a.text.length - b.text.length) <= 3;
}

/**
 * Candidate pairs of one word against two adjacent words of the other side, joined: Arabic script
 * writes "عزت الله" where a Latin list has "Ezatullah", and lists split "Abdul Rahman" or not.
 * Only tried when the lengths make a compound plausible, which keeps it cheap.
 */
function addJoinedCandidates(
  query: WeightedName,
  entry: WeightedName,
  similarity: (q: NameWord, e: NameWord) => WordSimilarity,
  out: AlignedPair[],
): void {
  // only words without a strong partner can be compounds
  const strongQ = new Uint8Array(query.words.length);
  const strongE = new Uint8Array(entry.words.length);
  for (const c of out) {
    if (c.similarity < STRONG_PARTNER) continue;
    strongQ[c.query] = 1;
    strongE[c.entry] = 1;
  }
  scanCompounds(query, entry, 'entry', strongQ, similarity, out);
  scanCompounds(entry, query, 'query', strongE, similarity, out);
}

/** One side's single words against the other side's adjacent pairs (a module function: no closure per call on the hot path). */
function scanCompounds(
  single: WeightedName,
  split: WeightedName,
  side: 'query' | 'entry',
  strong: Uint8Array,
  similarity: (q: NameWord, e: NameWord) => WordSimilarity,
  out: AlignedPair[],
): void {
  for (let i = 0; i < single.words.length; i++) {
    const s = single.words[i]!;
    if (s.initial || strong[i] || s.text.length < MIN_COMPOUND_LENGTH) continue;
    for (let j = 0; j + 1 < split.words.length; j++) {
      const a = split.words[j]!;
      const b = split.words[j + 1]!;
      if (a.initial || b.initial || !plausibleCompound(s, a, b)) continue;
      const joined = joinedWord(a, b);
      const r = side === 'entry' ? similarity(s, joined) : similarity(joined, s);
      if (r.similarity < MIN_WORD_SIMILARITY || !compoundPartsAgree(s, a, b)) continue;
      out.push(
        side === 'entry'
          ? { query: i, entry: j, joined: 'entry', similarity: r.similarity, how: r.how }
          : { query: j, entry: i, joined: 'query', similarity: r.similarity, how: r.how },
      );
    }
  }
}
