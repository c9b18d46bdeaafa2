/**
 * Similarity of two name words, and how they matched. The blend of Jaro-Winkler and edit distance
 * keeps short names fair: plain Jaro-Winkler on whole names rates "Jon Smith"/"John Smith" poorly,
 * and plain Levenshtein punishes one letter in a four-letter name as 25 % wrong.
 */
import type { NameWord } from '../normalise/name-normaliser';
import { jaroWinkler, osaDistance } from './string-distance';

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

function phoneticAgree(a: NameWord, b: NameWord): boolean {
  const [a1, a2] = a.phonetic;
  const [b1, b2] = b.phonetic;
  return a1.length > 1 && (a1 === b1 || a1 === b2 || a2 === b1);
}

/** Compares two words. Digits must agree exactly: numbers in names are never fuzzy. */
export function wordSimilarity(q: NameWord, e: NameWord): WordSimilarity {
  if (q.text === e.text) return { similarity: 1, how: 'exact' };
  if (q.initial || e.initial) {
    if (q.initial && e.initial) return NO_MATCH;
    return q.text[0] === e.text[0] ? { similarity: 0.75, how: 'initial' } : NO_MATCH;
  }
  if (/\d/.test(q.text) || /\d/.test(e.text)) return NO_MATCH;
  if (q.key === e.key) return { similarity: 0.95, how: 'variant' };
  let best: WordSimilarity = { similarity: spellingSimilarity(q.text, e.text), how: 'typo' };
  const keySim = 0.95 * spellingSimilarity(q.key, e.key);
  if (keySim > best.similarity) best = { similarity: keySim, how: 'variant' };
  if (q.abjad !== e.abjad) {
    // Arabic script leaves out short vowels: compare what both spellings must share.
    const skeletonSim =
      q.skeleton === e.skeleton
        ? q.skeleton.length >= 3 ? 0.92 : 0.85
        : 0.9 * spellingSimilarity(q.skeleton, e.skeleton);
    if (skeletonSim > best.similarity) best = { similarity: skeletonSim, how: 'transliteration' };
  }
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
