/**
 * The features the second stage (second-stage.ts) reads from a scored pair of names: what the
 * explanation already shows (which words matched, how well, how much weight is left unmatched, the
 * script, the date of birth), as numbers. Word shares are weighted like the name score (IDF ×
 * length), so a common given name counts for little and the distinctive word for much.
 */
import type { FeatureContribution } from './evidence';
import type { NameAlignment, WeightedName } from './name-alignment';
import type { NameWord } from '../normalise/name-normaliser';
import { HONORIFICS } from '../normalise/name-vocabulary';
import { osaDistance } from './string-distance';
import type { MatchHow } from './word-similarity';

export interface PairFeatures {
  /** The name score of the best pair of names. */
  name: number;
  /** Words in the listed name (not a model input: a one-word name is never judged). */
  listedWords: number;
  /** Share of the listed name's weight carried by word pairs below STRONG (typos, look-alikes, sounds-alike). */
  weakShare: number;
  /** Share of the listed name's weight carried by look-alike spellings (isLookAlike). */
  lookAlikeShare: number;
  /** 1 when the heaviest word of the query or of the listed name is matched only as a look-alike (the distinctive name differs). */
  heavyLookAlike: number;
  /** Similarity of the listed name's heaviest (most distinctive) word; 0 when it is unmatched. */
  distinctive: number;
  /** Similarity of the listed name's second heaviest word; 1 when the name has one word. */
  second: number;
  /** Lowest similarity of any matched pair. */
  weakest: number;
  /** Share of weight left unmatched on both sides (alignment conflict) and on one side (surplus). */
  conflict: number;
  surplus: number;
  /** Share of the query's weight that matched nothing (a word only the query has: an added name, or another family name). */
  queryOnly: number;
  /** 1 when the query name was written in another script (transliterated before comparison). */
  otherScript: number;
  /** The date of birth's signed contribution (0 when either side has none). */
  dob: number;
  /**
   * How far the matched listed words narrow the list down: their weight in units of a word no other
   * listed name holds (capped at 3). "Saeed Ahmed" matched in full is about 1 (many people are
   * called so); a rare family name and a given name matched are about 2.
   */
  specificity: number;
  /** The heaviest query word that matched nothing, in the same units (capped at 1): a distinctive name only the query has (distinctiveLeftover). */
  leftover: number;
  /** The heaviest listed word that matched nothing, in the same units (capped at 1). */
  listedLeftover: number;
}

/** ln(1 + 1,000): the information unit of a list of 1,000 names, when none is given. */
const DEFAULT_INFORMATION = Math.log(1001);

/** A word pair at or above this is the same name spelt alike (exact, romanisation variant, clean transliteration). */
export const STRONG = 0.9;

/** How a spelling can be a look-alike: initials and other-script skeletons score low by nature and are not. */
const SPELLING: ReadonlySet<MatchHow> = new Set(['typo', 'phonetic', 'variant']);

/** Below this similarity a spelling pair may be a look-alike ("Shahid"/"Shafiq" 0.78, "Allen"/"Ali" 0.80). */
export const LOOK_ALIKE = 0.85;

/**
 * A matched spelling that is more than one slip away, in letters and in romanisation key alike, and
 * not close: "Shahid"/"Shafiq", "Allen"/"Ali", "Reza"/"Fezza". A typo is mostly one slip
 * ("Ahub"/"Ayub"). Initials, other-script skeletons and words read from an abjad (short vowels
 * missing) are apart by nature and never count.
 */
export function isLookAlike(how: MatchHow, similarity: number, q: NameWord, e: NameWord): boolean {
  return (
    SPELLING.has(how) &&
    similarity < LOOK_ALIKE &&
    !q.abjad &&
    !e.abjad &&
    osaDistance(q.text, e.text) >= 2 &&
    osaDistance(q.key, e.key) >= 2
  );
}

/**
 * Whether a query word left unmatched can be a name only the query has. Not a word read from an
 * abjad (an Arabic-script name carries honorifics and particles written onto words that a reading
 * without short vowels cannot match: "هجي" for Haji), nor a title one slip from a known one
 * ("Qfari" for Qari, which normalisation would have dropped).
 */
function distinctiveLeftover(w: NameWord): boolean {
  if (w.abjad || w.initial) return false;
  for (const h of HONORIFICS) if (h.length >= 4 && Math.abs(h.length - w.text.length) <= 1 && osaDistance(h, w.text) <= 1) return false;
  return true;
}

/** Indices of a name's words by falling weight. */
function byWeight(name: WeightedName): number[] {
  return name.words.map((_, i) => i).sort((a, b) => name.weights[b]! - name.weights[a]!);
}

/** Similarity each listed word got in the alignment, and whether it was a look-alike spelling (a joined pair counts for both of its words). */
function listedMatches(
  a: NameAlignment,
  query: WeightedName,
  listed: WeightedName,
  otherScript: boolean,
): { sims: number[]; lookAlike: boolean[] } {
  const sims = listed.words.map(() => 0);
  const lookAlike = listed.words.map(() => false);
  for (const p of a.pairs) {
    for (const i of p.joined === 'entry' ? [p.entry, p.entry + 1] : [p.entry]) {
      sims[i] = Math.max(sims[i]!, p.similarity);
      lookAlike[i] = !otherScript && !p.joined && isLookAlike(p.how, p.similarity, query.words[p.query]!, listed.words[i]!);
    }
  }
  return { sims, lookAlike };
}

/** Written in a script other than Latin: romanised by one convention of several. */
const OTHER_SCRIPT = /[^\u0000-\u024f\s'’.,()-]/;

export function pairFeatures(
  a: NameAlignment,
  query: WeightedName & { raw: string },
  listed: WeightedName,
  evidence: readonly FeatureContribution[],
  information = DEFAULT_INFORMATION,
): PairFeatures {
  // A name romanised from another script differs from a listed romanisation by convention, not by
  // slips ("Евгений" → "evgenii" vs a listed "Yevgeny"): none of its pairs counts as a look-alike.
  const otherScript = OTHER_SCRIPT.test(query.raw);
  const { sims, lookAlike: looks } = listedMatches(a, query, listed, otherScript);
  const order = byWeight(listed);
  let total = 0;
  let weak = 0;
  let lookAlike = 0;
  for (let i = 0; i < listed.words.length; i++) {
    total += listed.weights[i]!;
    if (sims[i]! > 0 && sims[i]! < STRONG) weak += listed.weights[i]!;
    if (looks[i]) lookAlike += listed.weights[i]!;
  }
  const heavyQuery = byWeight(query)[0];
  const used = new Set(a.pairs.flatMap((p) => (p.joined === 'query' ? [p.query, p.query + 1] : [p.query])));
  const queryTotal = query.weights.reduce((x, y) => x + y, 0);
  const queryUnmatched = query.weights.reduce((x, w, i) => (used.has(i) ? x : x + w), 0);
  const queryLeftover = query.weights.reduce((x, w, i) => (used.has(i) || !distinctiveLeftover(query.words[i]!) ? x : Math.max(x, w)), 0);
  const listedMatched = listed.weights.reduce((x, w, i) => (sims[i]! > 0 ? x + w : x), 0);
  const listedLeftover = listed.weights.reduce((x, w, i) => (sims[i]! > 0 ? x : Math.max(x, w)), 0);
  const heavyLookAlike =
    !otherScript &&
    a.pairs.some(
      (p) =>
        !p.joined &&
        (p.query === heavyQuery || p.entry === order[0]) &&
        isLookAlike(p.how, p.similarity, query.words[p.query]!, listed.words[p.entry]!),
    );
  return {
    name: a.score,
    listedWords: listed.words.length,
    heavyLookAlike: heavyLookAlike ? 1 : 0,
    weakShare: total > 0 ? weak / total : 0,
    lookAlikeShare: total > 0 ? lookAlike / total : 0,
    distinctive: order.length ? sims[order[0]!]! : 0,
    second: order.length > 1 ? sims[order[1]!]! : 1,
    weakest: a.pairs.length ? Math.min(...a.pairs.map((p) => p.similarity)) : 0,
    conflict: a.conflict,
    surplus: a.surplus,
    queryOnly: queryTotal > 0 ? queryUnmatched / queryTotal : 0,
    otherScript: otherScript ? 1 : 0,
    dob: evidence.find((f) => f.feature === 'dob')?.contribution ?? 0,
    specificity: Math.min(3, listedMatched / information),
    leftover: Math.min(1, queryLeftover / information),
    listedLeftover: Math.min(1, listedLeftover / information),
  };
}
