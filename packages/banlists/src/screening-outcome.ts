import type { MatchHit } from '@vetting/matching';

export type ScreeningOutcome = 'clear' | 'possible-match' | 'match';
export type Resolution = 'false-positive' | 'confirmed';

/** A reviewer's decision on one hit, as attached to the hit it applies to. */
export interface ResolutionInfo {
  resolution: Resolution;
  reason: string;
  resolvedBy: string;
  resolvedAt: string;
  /** The screening on which the decision was taken. */
  screeningId: string;
  /** True when taken on an earlier screening of the same person against the same entry content. */
  carriedOver?: boolean;
  /** The second officer who confirmed a false positive on an identifier match (four eyes). */
  countersignedBy?: string;
}

export interface ListHit extends MatchHit {
  listId: string;
  /** Content hash of the list entry the hit is on: a decision applies to this content only. */
  entryHash: string;
  /** The entry's status on its list (barred, left-pending-allegation, listed). */
  entryStatus?: 'barred' | 'left-pending-allegation' | 'listed';
  resolution?: ResolutionInfo;
}

type Outcomeable = Pick<ListHit, 'band'> & { resolution?: Pick<ResolutionInfo, 'resolution'> };

/**
 * A confirmed hit, or an identifier match (document or service number) nobody ruled out, is a
 * `match`; an unresolved hit at or above the upper threshold is a `possible-match` for a person to
 * review; hits resolved as false positives and weaker hits leave the candidate clear. Nobody is
 * refused on this outcome alone: clearance sends both non-clear outcomes to a human.
 */
export function screeningOutcome(hits: readonly Outcomeable[]): ScreeningOutcome {
  if (hits.some((h) => h.resolution?.resolution === 'confirmed' || (h.band === 'match' && !h.resolution))) return 'match';
  if (hits.some((h) => !h.resolution && h.band === 'possible-match')) return 'possible-match';
  return 'clear';
}

/** A human still has to look at this screening. */
export function needsReview(hits: readonly Outcomeable[]): boolean {
  return hits.some((h) => !h.resolution && (h.band === 'match' || h.band === 'possible-match'));
}

/** Hits worth recording on the case: everything a reviewer must see, identifier matches first, then best score. */
export function reviewableHits<T extends Pick<ListHit, 'band' | 'score'>>(hits: readonly T[], max = 20): T[] {
  return hits
    .filter((h) => h.band === 'match' || h.band === 'possible-match')
    .sort((a, b) => Number(b.band === 'match') - Number(a.band === 'match') || b.score - a.score)
    .slice(0, max);
}

/** Weak hits (between the thresholds): not reviewed, but remembered so a list change re-scores them in full. */
export function nearHits<T extends Pick<ListHit, 'band'>>(hits: readonly T[]): T[] {
  return hits.filter((h) => h.band === 'weak');
}
