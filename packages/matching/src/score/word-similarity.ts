/**
 * Similarity of two name words, and how they matched. The blend of Jaro-Winkler and edit distance
 * keeps short names fair: plain Jaro-Winkler on whole names rates "Jon Smith"/"John Smith" poorly,
 * and plain Levenshtein punishes one letter in a four-letter name as 25 % wrong.
 */
import { ARTICLE, DIGIT_BIT, articleLength, makeWord, type NameWord } from '../normalise/name-normaliser';
import { canonicalName } from '../normalise/romanisation-variants';
import { jaroWinkler, osaDistance, osaWithin } from './string-distance';

export type MatchHow = 'exact' | 'variant' | 'transliteration' | 'typo' | 'phonetic' | 'initial';

export interface WordSimilarity {
  similarity: number;
  how: MatchHow;
}

/** Below this a word pair is not a match at all. */
export const MIN_WORD_SIMILARITY = 0.7;

const NO_MATCH: WordSimilarity = { similarity: 0, how: 'typo' };

/** Spelling similarity of two folded strings in [0,1]. */
export function spellingSimilarity(a: string, b: string): number {
  if (a === b) return 1;
  const longest = Math.max(a.length, b.length);
  const distance = osaDistance(a, b);
  // One edit costs less in a short word than edit/length says: "jon"/"john" is a typical variant.
  const editSim = Math.max(0, 1 - distance / (longest + 1));
  return 0.5 * jaroWinkler(a, b) + 0.5 * editSim;
}

export { ARTICLE };
const stripped = new Map<string, NameWord>();

/** The word without its joined Arabic article (only for words with `article` set). */
export function withoutArticle(long: NameWord): NameWord {
  const key = long.abjad ? `1${long.text}` : long.text;
  let word = stripped.get(key);
  if (!word) {
    if (stripped.size > 50_000) stripped.clear();
    stripped.set(key, (word = makeWord(long.text.slice(articleLength(long)), { abjad: long.abjad })));
  }
  return word;
}

/** Compares again without a joined Arabic article on one side; undefined when there is none. */
function articleStripped(q: NameWord, e: NameWord): WordSimilarity | undefined {
  if (q.article === e.article) return undefined;
  const [long, other] = q.article ? [q, e] : [e, q];
  const rest = long.text.slice(articleLength(long));
  if (Math.abs(rest.length - other.text.length) * 2 >= Math.max(rest.length, other.text.length)) return undefined;
  const s = wordSimilarity(withoutArticle(long), other);
  return s.similarity >= MIN_WORD_SIMILARITY ? { similarity: s.similarity * 0.97, how: s.how } : undefined;
}

export function phoneticAgree(a: NameWord, b: NameWord): boolean {
  const [a1, a2] = a.phonetic;
  const [b1, b2] = b.phonetic;
  return a1.length > 1 && (a1 === b1 || a1 === b2 || a2 === b1);
}

export function bitCount(x: number): number {
  let v = x - ((x >>> 1) & 0x55555555);
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (((v + (v >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
}

/**
 * False when two words are surely more than `reach` edits apart (optimal string alignment), from
 * their lengths, their letter sets and the letters each holds twice or more: an edit changes the
 * length by at most one, and takes away at most one of the letters a word holds beyond the other
 * (counted up to twice per letter; a transposition takes none), so the distance is at least the
 * larger of the two surpluses. The letter sets are tested first: most pairs a search meets fail there.
 */
export function mayBeWithinEdits(
  lengthA: number,
  lengthB: number,
  lettersA: number,
  lettersB: number,
  doubledA: number,
  doubledB: number,
  reach: number,
): boolean {
  if (Math.abs(lengthA - lengthB) > reach) return false;
  const onlyA = bitCount(lettersA & ~lettersB);
  const onlyB = bitCount(lettersB & ~lettersA);
  if (onlyA > reach || onlyB > reach) return false;
  return onlyA + bitCount(doubledA & ~doubledB) <= reach && onlyB + bitCount(doubledB & ~doubledA) <= reach;
}

/** Similarity given to a look-alike beyond typo reach: below MIN_WORD_SIMILARITY, so never a match. */
const LOOKALIKE = 0.6;

/**
 * Edits a typo can explain, by the longer word's length: one in a short name, two in a long one,
 * three in a very long one. Romanisation differences are not edits here: the keys fold them.
 */
export function typoReach(length: number): number {
  return length <= 5 ? 1 : length <= 9 ? 2 : 3;
}

function withinTypoReach(q: NameWord, e: NameWord): boolean {
  // a compound joined from two words has lost what stood between them ("Abd el-Halim" → "abdhalim")
  const reach = typoReach(Math.max(q.text.length, e.text.length)) + (q.compound || e.compound ? 2 : 0);
  return osaWithin(q.key, e.key, reach) || osaWithin(q.text, e.text, reach);
}

/**
 * True when the pair provably scores below MIN_WORD_SIMILARITY, decided without the similarity's
 * string distances: within one script, a pair that is not equal in text or key, does not agree in
 * sound and is beyond typo reach in text and key can only be a look-alike (wordSimilarity's own
 * rules); with the joined article on one side only, the same must hold without it. Far cheaper than wordSimilarity for the
 * many unrelated pairs a search meets; when false, wordSimilarity decides.
 */
export function surelyBelowBar(q: NameWord, e: NameWord): boolean {
  if (q.abjad !== e.abjad || q.initial || e.initial || q.text === e.text || q.key === e.key) return false;
  if (phoneticAgree(q, e) || withinTypoReach(q, e)) return false;
  if (q.article === e.article) return true;
  // the article joined on one side only: wordSimilarity compares again without it
  return q.article ? surelyBelowBar(withoutArticle(q), e) : surelyBelowBar(withoutArticle(e), q);
}

/** Compares two words. Digits must agree exactly: numbers in names are never fuzzy. */
export function wordSimilarity(q: NameWord, e: NameWord): WordSimilarity {
  if (q.text === e.text) return { similarity: 1, how: 'exact' };
  if (q.initial || e.initial) {
    if (q.initial && e.initial) return NO_MATCH;
    return q.text[0] === e.text[0] ? { similarity: 0.75, how: 'initial' } : NO_MATCH;
  }
  if ((q.letters | e.letters) & DIGIT_BIT) return NO_MATCH;
  if (q.key === e.key) return { similarity: 0.95, how: 'variant' };
  // Two well-known names from different groups are different names, however alike they sound
  // ("Hussein"/"Hassan", "Mohamed"/"Mahmoud").
  const qc = canonicalName(q.text);
  const ec = qc === undefined ? undefined : canonicalName(e.text);
  if (qc !== undefined && ec !== undefined) return { similarity: 0.5, how: 'typo' };
  // Cheap rejection: words of very different lengths cannot be spellings of each other (except
  // across scripts, where vowels are missing, and compounds, which are joined before comparing).
  if (q.abjad === e.abjad) {
    if (Math.abs(q.text.length - e.text.length) * 2 >= Math.max(q.text.length, e.text.length)) return NO_MATCH;
    // Spellings of one name share most of their letters; this test is far cheaper than the distances.
    if (2 * bitCount(q.letters & e.letters) < Math.min(bitCount(q.letters), bitCount(e.letters))) return NO_MATCH;
  }
  let best: WordSimilarity = { similarity: spellingSimilarity(q.text, e.text), how: 'typo' };
  if (best.similarity >= 0.5) {
    // Keys fold vowels and digraphs, so only near-equal keys say "variant"; loose key similarity
    // would pair "Bashir" with "Yasser".
    const keySim = spellingSimilarity(q.key, e.key);
    if (keySim >= 0.85 && 0.92 * keySim > best.similarity) best = { similarity: 0.92 * keySim, how: 'variant' };
  }
  // A spelling further away than a typo reaches, in letters and in romanisation key alike, is
  // another name that merely looks alike ("Thomas"/"Thoraya", "Saima"/"Aiman", "Desta"/"Dost").
  if (q.abjad === e.abjad && best.similarity >= MIN_WORD_SIMILARITY && !withinTypoReach(q, e))
    best = { similarity: LOOKALIKE, how: 'typo' };
  if (q.abjad !== e.abjad) {
    // Arabic script leaves out short vowels: compare what both spellings must share.
    const skeletonSim =
      q.skeleton === e.skeleton ? (q.skeleton.length >= 3 ? 0.92 : 0.85) : 0.9 * spellingSimilarity(q.skeleton, e.skeleton);
    if (skeletonSim > best.similarity) best = { similarity: skeletonSim, how: 'transliteration' };
  }
  // The Arabic article written joined ("Alrazzak" from Cyrillic or Arabic script vs "al-Razzaq").
  const article = articleStripped(q, e);
  if (article && article.similarity > best.similarity) best = article;
  // "Vladimir" is not "Vladimirovich": a patronymic derived from a given name is another word.
  if (q.patronymic !== e.patronymic && (q.text.startsWith(e.text) || e.text.startsWith(q.text))) {
    best = { similarity: best.similarity * 0.8, how: best.how };
  }
  // Sounding alike only supports a spelling that is already close; it never makes a match alone.
  if (best.similarity >= 0.65 && best.similarity < 0.88 && phoneticAgree(q, e)) {
    best = { similarity: Math.min(0.88, best.similarity + 0.08), how: 'phonetic' };
  }
  return best;
}
