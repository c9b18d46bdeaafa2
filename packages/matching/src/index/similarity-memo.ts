/**
 * Word similarity memoised for one query: the same list words come back in many candidate names.
 * A memo kept across queries grew to hundreds of thousands of pairs, most never met again, and cost
 * more in map upkeep (and in a long pause when cleared) than it saved. NameWord objects are shared
 * per spelling (makeWord's cache), so identity is a sound key. Pairs that cannot match (mayMatch,
 * surelyBelowBar) are remembered as such without computing the similarity: callers only ever ask
 * whether a pair reaches MIN_WORD_SIMILARITY, and what it is when it does.
 */
import type { NameWord } from '../normalise/name-normaliser';
import { mayMatch } from '../score/match-possible';
import { surelyBelowBar, wordSimilarity, type WordSimilarity } from '../score/word-similarity';

/** What the memo says for a pair that cannot match (never used as a match). */
const NO_MATCH: WordSimilarity = { similarity: 0, how: 'typo' };

/**
 * The similarity of a pair mayMatch already allows, or 0 when surelyBelowBar rules it out: for
 * the bounds, which meet each pair once per query name and keep the answer in their own tables.
 */
export function similarityIfPossible(a: NameWord, b: NameWord): number {
  return surelyBelowBar(a, b) ? 0 : wordSimilarity(a, b).similarity;
}

export interface SimilarityMemo {
  similarity(a: NameWord, b: NameWord): WordSimilarity;
  /** Forgets every pair (at the start of each query). */
  reset(): void;
}

export function createSimilarityMemo(): SimilarityMemo {
  let memo = new Map<NameWord, Map<NameWord, WordSimilarity>>();
  let lastWord: NameWord | undefined;
  let lastRow: Map<NameWord, WordSimilarity> | undefined;
  return {
    similarity(a, b) {
      let row = lastRow;
      if (a !== lastWord) {
        row = memo.get(a);
        if (!row) memo.set(a, (row = new Map()));
        lastWord = a;
        lastRow = row;
      }
      let s = row!.get(b);
      if (!s) row!.set(b, (s = !mayMatch(a, b) || surelyBelowBar(a, b) ? NO_MATCH : wordSimilarity(a, b)));
      return s;
    },
    reset() {
      memo = new Map();
      lastWord = lastRow = undefined;
    },
  };
}
