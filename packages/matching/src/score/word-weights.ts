/**
 * How much a word identifies a person: rarity (inverse document frequency over the list's names)
 * times length. "Mohammed", "Ali" and "Khan" weigh little on a list where they are common, so they
 * cannot carry a match on their own.
 */
import type { NameWord } from '../normalise/name-normaliser';

/** Word statistics of one list version; the index implements it. */
export interface WordStatistics {
  /** Number of names (primary and aliases) the statistics were computed over. */
  readonly nameCount: number;
  /** In how many names the word (by its folded text, or else its variant key) occurs. */
  documentFrequency(word: NameWord): number;
}

/** Given names and words so common in most lists that they weigh little even without statistics. */
const COMMON_WORDS = new Set([
  'muhammad',
  'ahmad',
  'ali',
  'abd',
  'abdallah',
  'hasan',
  'husayn',
  'khan',
  'umar',
  'ibrahim',
  'yusuf',
  'mahmud',
  'mustafa',
  'khalid',
  'ismail',
  'abu',
  'john',
  'james',
  'david',
  'michael',
  'maria',
  'jose',
  'juan',
  'smith',
  'kim',
  'lee',
  'li',
  'wang',
  'zhang',
  'nguyen',
  'singh',
  'kumar',
  'aleksandr',
  'sergei',
  'vladimir',
  'ivan',
  'jean',
  'pierre',
  'shah',
  'said',
  'saleh',
  'salih',
  'rahman',
  'hamid',
  'karim',
]);

/** Statistics for scoring a pair of records outside any list: a fixed list of common words. */
export const DEFAULT_WORD_STATISTICS: WordStatistics = {
  nameCount: 1000,
  documentFrequency: (word) => (COMMON_WORDS.has(word.key) || COMMON_WORDS.has(word.text) ? 100 : 1),
};

/** Weight of an initial: it narrows the name down, but hardly. */
const INITIAL_WEIGHT = 0.4;

export function wordWeight(word: NameWord, stats: WordStatistics): number {
  if (word.initial) return INITIAL_WEIGHT;
  const df = stats.documentFrequency(word);
  const idf = Math.log(1 + stats.nameCount / (df + 1));
  const lengthFactor = Math.min(1, 0.4 + 0.15 * word.text.length);
  return Math.max(0.3, idf) * lengthFactor;
}
