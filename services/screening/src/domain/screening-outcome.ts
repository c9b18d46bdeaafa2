import type { MatchHit } from '@vetting/matching';

export type ScreeningOutcome = 'clear' | 'possible-match' | 'match';

export interface ListHit extends MatchHit {
  listId: string;
}

/**
 * A decisive identifier match (document or service number) is a `match`; any hit at or above the
 * upper threshold is a `possible-match` for a person to review; weaker hits leave the candidate clear.
 * Nobody is refused on this outcome alone: clearance sends both non-clear outcomes to a human.
 */
export function screeningOutcome(hits: ListHit[]): ScreeningOutcome {
  if (hits.some((h) => h.band === 'match')) return 'match';
  if (hits.some((h) => h.band === 'possible-match')) return 'possible-match';
  return 'clear';
}

/** Hits worth recording on the case: everything a reviewer must see, best first. */
export function reviewableHits(hits: ListHit[], max = 20): ListHit[] {
  return hits
    .filter((h) => h.band === 'match' || h.band === 'possible-match')
    .sort((a, b) => (a.band === 'match' ? -1 : 0) - (b.band === 'match' ? -1 : 0) || b.score - a.score)
    .slice(0, max);
}
