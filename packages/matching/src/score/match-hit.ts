/** The result of scoring one list entry: plain JSON-serialisable data. */
import type { EntryName } from '../model';
import type { FeatureContribution } from './evidence';
import type { Band } from './thresholds';
import type { MatchHow } from './word-similarity';

export interface WordMatch {
  /** The query word (folded). */
  query: string;
  /** The list word it matched (folded). */
  listed: string;
  similarity: number;
  how: MatchHow;
}

export interface MatchHit {
  entryId: string;
  /** In [0,1]. */
  score: number;
  band: Band;
  /** The entry's name (primary or alias) that matched best. */
  matchedName: { full: string; kind: EntryName['kind']; script?: string };
  /** The query name that matched it. */
  queryName: string;
  /** Per-feature contributions; `name` first, its contribution being the name score. */
  features: FeatureContribution[];
  /** Word pairs that matched, in query order. */
  words: WordMatch[];
  /** One line for the review screen. */
  summary: string;
}
