import type { Resolution } from '@vetting/banlists';
import { needsSecondOfficer } from './second-officer';
import { resolveHit, type HitProposal, type HitSummary, type ResolveError, type StoredResolution, type SubjectState } from './subject';

export type FourEyesError = ResolveError | 'SCREENING.NO_OPEN_PROPOSAL' | 'SCREENING.PROPOSAL_SUPERSEDED' | 'SCREENING.SAME_OFFICER';

export interface HitRef {
  screeningId: string;
  listId: string;
  entryId: string;
}

export type HitDecision =
  | { kind: 'resolved'; state: SubjectState; stored: StoredResolution }
  | { kind: 'proposed'; state: SubjectState; proposal: HitProposal }
  | { kind: 'rejected'; state: SubjectState; proposal: HitProposal }
  | { error: FourEyesError };

function openHit(state: SubjectState, ref: HitRef): HitSummary | { error: FourEyesError } {
  if (state.erased) return { error: 'SCREENING.ERASED' };
  if (state.withdrawn) return { error: 'SCREENING.WITHDRAWN' };
  if (state.screeningId !== ref.screeningId) return { error: 'SCREENING.SUPERSEDED' };
  const hit = state.hits.find((h) => h.listId === ref.listId && h.entryId === ref.entryId);
  if (!hit) return { error: 'SCREENING.HIT_NOT_FOUND' };
  if (hit.resolution) return { error: 'SCREENING.HIT_ALREADY_RESOLVED' };
  return hit;
}

const withHit = (state: SubjectState, hit: HitSummary, next: HitSummary): SubjectState => ({
  ...state,
  hits: state.hits.map((h) => (h === hit ? next : h)),
});

/**
 * The first officer's decision on a hit. Confirming a match, or ruling out a name-only possible match,
 * takes effect at once. Ruling out an identifier match (band `match`: the same document or service
 * number) becomes a proposal: the hit stays open, the outcome stays `match`, until a second, different
 * officer countersigns. A new proposal replaces an open one (its author may correct the reason).
 */
export function decideHit(
  state: SubjectState,
  d: HitRef & { resolution: Resolution; reason: string; officer: string; at: string; proposalId: string },
): HitDecision {
  const hit = openHit(state, d);
  if ('error' in hit) return hit;
  if (!needsSecondOfficer(hit, d.resolution)) {
    const r = resolveHit(state, { ...d, resolvedBy: d.officer, resolvedAt: d.at });
    return 'error' in r ? r : { kind: 'resolved', ...r };
  }
  const proposal: HitProposal = {
    proposalId: d.proposalId,
    resolution: 'false-positive',
    reason: d.reason,
    proposedBy: d.officer,
    proposedAt: d.at,
    screeningId: d.screeningId,
  };
  return { kind: 'proposed', state: withHit(state, hit, { ...hit, proposal }), proposal };
}

/**
 * The second officer approves or rejects the open proposal. The proposer cannot countersign their
 * own (403); a proposal replaced, or one on a screening a newer one superseded, is refused (409).
 * Approved, the false positive is the proposer's decision countersigned by this officer.
 */
export function countersignHit(
  state: SubjectState,
  d: HitRef & { proposalId: string; approve: boolean; reason: string; officer: string; at: string },
): HitDecision {
  const hit = openHit(state, d);
  if ('error' in hit) return hit;
  const p = hit.proposal;
  if (!p) return { error: 'SCREENING.NO_OPEN_PROPOSAL' };
  if (p.proposalId !== d.proposalId) return { error: 'SCREENING.PROPOSAL_SUPERSEDED' };
  if (p.proposedBy === d.officer) return { error: 'SCREENING.SAME_OFFICER' };
  if (!d.approve) {
    const { proposal: _p, ...rest } = hit;
    const rejected = { ...p, rejectedBy: d.officer, rejectedAt: d.at, rejectionReason: d.reason };
    return { kind: 'rejected', state: withHit(state, hit, { ...rest, rejected: [...(hit.rejected ?? []), rejected] }), proposal: p };
  }
  const r = resolveHit(state, {
    ...d,
    resolution: p.resolution,
    reason: p.reason,
    resolvedBy: p.proposedBy,
    resolvedAt: d.at,
    countersignedBy: d.officer,
  });
  return 'error' in r ? r : { kind: 'resolved', ...r };
}
