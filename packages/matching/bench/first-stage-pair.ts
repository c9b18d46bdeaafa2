/**
 * A hit re-scored as the first stage saw it (second stage off), with the scored pair of names the
 * second stage reads its features from. Shared by the trainer (bench/train-second-stage.ts) and the
 * quality bench's account of why a false alarm stayed raised (false-alarm-limits.ts).
 */
import { prepareName, prepareQuery, type ListEntry, type MatchingIndex, type PersonQuery } from '../src/index';
import { scoreEntry } from '../src/score/person-scorer';
import type { pairFeatures } from '../src/score/second-stage-features';

export interface FirstStagePair {
  /** The score before the second stage. */
  score: number;
  /** Identical document or confirmed identity: the second stage never judges it. */
  decisive: boolean;
  /** The arguments of pairFeatures for the best pair of names (undefined when no name compared). */
  pair?: Parameters<typeof pairFeatures>;
  /** The listed name of that pair, as written on the list. */
  listedName?: string;
}

export function firstStagePair(index: MatchingIndex, query: PersonQuery, entry: ListEntry): FirstStagePair | undefined {
  const prepared = prepareQuery(query, index.statistics);
  const scored = scoreEntry(
    prepared,
    entry,
    entry.names.map((n) => prepareName(n.full, index.statistics)),
    undefined,
    { secondStage: false },
  );
  if (!scored) return undefined;
  const best = scored.best;
  return {
    score: scored.score,
    decisive: scored.decisive,
    pair: best && [
      best.a,
      { words: best.q.words, weights: best.q.weights, raw: best.q.name.raw },
      { words: best.e.words, weights: best.e.weights },
      scored.features,
      prepared.information,
    ],
    listedName: best?.e.name.raw,
  };
}
