/** One-off scoring of a query against an entry, without an index (tests, batch comparisons). */
import type { ListEntry, PersonQuery } from '../model';
import { normaliseName } from '../normalise/name-normaliser';
import type { MatchHit } from './match-hit';
import { scorePrepared, type PreparedName, type PreparedQuery, type ScoreOptions } from './person-scorer';
import { DEFAULT_WORD_STATISTICS, wordWeight, type WordStatistics } from './word-weights';

export function prepareName(raw: string, stats: WordStatistics = DEFAULT_WORD_STATISTICS): PreparedName {
  const name = normaliseName(raw);
  return { name, words: name.words, weights: name.words.map((w) => wordWeight(w, stats)), kunya: name.kunya };
}

export function prepareQuery(query: PersonQuery, stats: WordStatistics = DEFAULT_WORD_STATISTICS): PreparedQuery {
  return {
    query,
    names: query.names.map((n) => prepareName(n, stats)).filter((n) => n.words.length > 0),
    information: Math.log(1 + stats.nameCount),
  };
}

export interface ScorePairOptions extends ScoreOptions {
  /** Word statistics for weights; default: a built-in list of common words. Pass `index.statistics` to weigh as a list does. */
  statistics?: WordStatistics;
}

/** Scores a query against one entry. Always returns a hit; its band may be `clear`. */
export function scorePair(query: PersonQuery, entry: ListEntry, options: ScorePairOptions = {}): MatchHit {
  const stats = options.statistics ?? DEFAULT_WORD_STATISTICS;
  return scorePrepared(
    prepareQuery(query, stats),
    entry,
    entry.names.map((n) => prepareName(n.full, stats)),
    undefined,
    options,
  )!;
}
