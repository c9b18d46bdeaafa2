import { buildIndex, type MatchingIndex, type PersonQuery } from '@vetting/matching';
import { reviewableHits, screeningOutcome, type ScreeningOutcome } from '../screening-outcome';
import type { ListBundleContent } from './list-bundle';

export interface OfflineHit {
  listId: string;
  entryId: string;
  score: number;
  band: 'match' | 'possible-match';
}

export interface OfflineResult {
  outcome: ScreeningOutcome;
  /** Hits a person must look at (matches and possible matches), best first. */
  hits: OfflineHit[];
}

/**
 * Screens people against an opened bundle with the platform's own engine, thresholds and outcome
 * rule. An offline result is provisional: it is uploaded and screened again against the lists of
 * the day it arrives.
 */
export function createBundleScreener(bundle: ListBundleContent) {
  const indexes: { listId: string; index: MatchingIndex }[] = bundle.lists.map((l) => ({
    listId: l.listId,
    index: buildIndex(l.entries, { thresholds: bundle.thresholds }),
  }));
  return {
    versions: bundle.lists.map((l) => ({ listId: l.listId, version: l.version, contentHash: l.contentHash })),
    screen(query: PersonQuery): OfflineResult {
      const hits = indexes.flatMap(({ listId, index }) => index.search(query, { limit: 10 }).map((h) => ({ ...h, listId })));
      const shown = reviewableHits(hits).map((h) => ({
        listId: h.listId,
        entryId: h.entryId,
        score: Math.round(h.score * 1000) / 1000,
        band: h.band as OfflineHit['band'],
      }));
      return { outcome: screeningOutcome(hits), hits: shown };
    },
  };
}
