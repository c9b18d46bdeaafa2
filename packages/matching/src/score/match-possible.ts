/**
 * A quick necessary test for a word match (wordSimilarity ≥ MIN_WORD_SIMILARITY), far cheaper than
 * the string distances. Most pairs a search compares are unrelated words that pass wordSimilarity's
 * own length and shared-letter tests, and each then cost a Jaro-Winkler and two edit distances.
 *
 * Within one script a pair matches only when it is exact, shares its variant key, is within typo
 * reach (in letters or in key), agrees phonetically (the phonetic lift can carry a pair beyond typo
 * reach from just under the bar to just over it), or matches once the Arabic article glued on one
 * side only is taken off.
 * Typo reach is tested on lower bounds of the edit distance (mayBeWithinEdits): the length difference,
 * and the letters one word has and the other lacks, counted again for a letter it holds twice or
 * more and the other at most once (each edit adds or removes one letter).
 * Across scripts the skeletons decide: always computed. An initial matches exactly the words that
 * begin with its letter. Keep this in step with wordSimilarity
 * (match-possible.unit.test.ts checks it over a real list's vocabulary).
 */
import type { NameWord } from '../normalise/name-normaliser';
import { mayBeWithinEdits, phoneticAgree, typoReach, withoutArticle } from './word-similarity';

/** False when the two words cannot match; true when wordSimilarity must decide. */
export function mayMatch(q: NameWord, e: NameWord): boolean {
  // an initial matches what begins with its letter (itself included), nothing else
  if (q.initial || e.initial) return q.text[0] === e.text[0];
  if (q.abjad !== e.abjad) return true;
  const reach = typoReach(Math.max(q.text.length, e.text.length)) + (q.compound || e.compound ? 2 : 0);
  // equal texts or keys have a lower bound of 0
  if (
    mayBeWithinEdits(q.text.length, e.text.length, q.letters, e.letters, q.doubled, e.doubled, reach) ||
    mayBeWithinEdits(q.key.length, e.key.length, q.keyLetters, e.keyLetters, q.keyDoubled, e.keyDoubled, reach) ||
    phoneticAgree(q, e)
  ) {
    return true;
  }
  // the article joined on one side only: wordSimilarity compares again without it
  if (q.article === e.article) return false;
  return q.article ? mayMatch(withoutArticle(q), e) : mayMatch(q, withoutArticle(e));
}
