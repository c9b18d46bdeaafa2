import type { ListVersionRef } from './active-lists';
import type { ListHit, Resolution, ResolutionInfo, ScreeningOutcome } from '@vetting/banlists';
import { evaluateScreening } from './evaluate-screening';
import { secondOfficerRule } from './second-officer';
import { resolutionKey, type ScreenedPerson } from './screened-person';

/** What the subject keeps of each reviewable hit of its latest screening (the full hit is on the screening record). */
export interface HitSummary {
  listId: string;
  entryId: string;
  entryHash: string;
  band: ListHit['band'];
  score: number;
  resolution?: ResolutionInfo;
  /** A false positive proposed on an identifier match, waiting for a second officer (four eyes). */
  proposal?: HitProposal;
  /** Proposals the second officer turned down. */
  rejected?: RejectedProposal[];
}

export interface RejectedProposal extends HitProposal {
  rejectedBy: string;
  rejectedAt: string;
  rejectionReason: string;
}

export interface HitProposal {
  proposalId: string;
  resolution: 'false-positive';
  reason: string;
  proposedBy: string;
  proposedAt: string;
  screeningId: string;
}

export interface StoredResolution extends ResolutionInfo {
  key: string;
  /** The person data the decision was taken on. */
  fingerprint: string;
  listId: string;
  entryId: string;
}

/**
 * One screened candidate as the screening service keeps it: the minimised person data (to re-screen
 * when a list changes), the summary of the latest screening, and every decision reviewers took.
 * Stored as an aggregate (immutable revisions), so the consumer, the re-screening worker and a
 * reviewer changing it at the same time cannot lose each other's writes.
 */
export interface SubjectState extends Record<string, unknown> {
  candidateId: string;
  country: string;
  /** The nomination's mission (review-queue filter); absent for subjects screened before it was kept. */
  mission?: string;
  candidateRevision: number;
  person: ScreenedPerson;
  fingerprint: string;
  withdrawn: boolean;
  /** The person was erased (candidate.erased): nothing of them is kept, and they are never screened again. */
  erased?: boolean;
  screeningId: string;
  outcome: ScreeningOutcome;
  screenedAt: string;
  listVersions: ListVersionRef[];
  hits: HitSummary[];
  /** Weak hits (between the thresholds): a list change re-scores these people in full. */
  near: { listId: string; entryId: string }[];
  resolutions: StoredResolution[];
  pendingReview: boolean;
  pendingSince?: string;
  /** `<list>@<version>` of the re-screening that last changed the result (counts a batch redone after a crash right). */
  changedByRescreen?: string;
}

export const summariseHit = (h: ListHit): HitSummary => ({
  listId: h.listId,
  entryId: h.entryId,
  entryHash: h.entryHash,
  band: h.band,
  score: Math.round(h.score * 1000) / 1000,
  ...(h.resolution ? { resolution: h.resolution } : {}),
});

/** Attaches the decisions already taken on the same person and the same entry content. */
export function attachResolutions(
  hits: ListHit[],
  fingerprint: string,
  known: ReadonlyMap<string, StoredResolution>,
  screeningId: string,
): ListHit[] {
  return hits.map((h) => {
    const r = known.get(resolutionKey(fingerprint, h.listId, h.entryId, h.entryHash));
    if (!r) return h;
    const { key: _k, fingerprint: _f, listId: _l, entryId: _e, ...info } = r;
    return { ...h, resolution: { ...info, carriedOver: info.screeningId !== screeningId } };
  });
}

/** Entries reviewers confirmed for this person, per list: they must stay a match whatever their score. */
export function confirmedByList(state: SubjectState | undefined): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const r of state?.resolutions ?? []) {
    // A confirmation holds for the person it was taken on, whatever later edits to the entry.
    if (r.resolution !== 'confirmed' || r.fingerprint !== state!.fingerprint) continue;
    out.set(r.listId, [...(out.get(r.listId) ?? []), r.entryId]);
  }
  return out;
}

const signature = (hits: readonly HitSummary[]) =>
  hits
    .map((h) => `${h.listId}\u0001${h.entryId}\u0001${h.band}\u0001${h.resolution?.resolution ?? ''}`)
    .sort()
    .join('\u0002');

/** A screening result differs when its outcome or its set of reviewable hits (entry, band, decision) does. */
export function hitsChanged(before: readonly HitSummary[], after: readonly HitSummary[]): boolean {
  return evaluateScreening(before).outcome !== evaluateScreening(after).outcome || signature(before) !== signature(after);
}

export interface ScreeningResult {
  candidateId: string;
  country: string;
  /** From the nomination; a re-screen keeps the one already known. */
  mission?: string;
  candidateRevision: number;
  person: ScreenedPerson;
  fingerprint: string;
  screeningId: string;
  screenedAt: string;
  listVersions: ListVersionRef[];
  hits: ListHit[];
  near: { listId: string; entryId: string }[];
}

/** The subject after a screening: the review clock keeps running while the same person stays pending. */
export function afterScreening(prev: SubjectState | undefined, r: ScreeningResult): SubjectState {
  const hits = r.hits.map(summariseHit);
  const { outcome, pendingReview } = evaluateScreening(hits);
  const pendingSince = pendingReview ? (prev?.pendingReview && prev.pendingSince ? prev.pendingSince : r.screenedAt) : undefined;
  return {
    candidateId: r.candidateId,
    country: r.country,
    ...((r.mission ?? prev?.mission) ? { mission: r.mission ?? prev?.mission } : {}),
    candidateRevision: r.candidateRevision,
    person: r.person,
    fingerprint: r.fingerprint,
    withdrawn: prev?.withdrawn ?? false,
    ...(prev?.erased ? { erased: true } : {}),
    screeningId: r.screeningId,
    outcome,
    screenedAt: r.screenedAt,
    listVersions: r.listVersions,
    hits,
    near: r.near,
    resolutions: prev?.resolutions ?? [],
    pendingReview,
    ...(pendingSince ? { pendingSince } : {}),
  };
}

export type ResolveError =
  | 'SCREENING.SUPERSEDED'
  | 'SCREENING.HIT_NOT_FOUND'
  | 'SCREENING.HIT_ALREADY_RESOLVED'
  | 'SCREENING.WITHDRAWN'
  | 'SCREENING.ERASED'
  | 'SCREENING.COUNTERSIGNATURE_REQUIRED';

/** The subject once the person is erased: ids and outcomes stay, everything about the person goes. */
export function erasedSubject(state: SubjectState): SubjectState {
  const { pendingSince: _p, ...rest } = state;
  return {
    ...rest,
    person: { names: [], nationalities: [], documents: [] },
    fingerprint: '',
    erased: true,
    pendingReview: false,
    hits: state.hits.map(({ resolution, proposal: _proposal, rejected: _rejected, ...h }) =>
      resolution ? { ...h, resolution: { ...resolution, reason: '' } } : h,
    ),
    resolutions: [],
  };
}

/**
 * A reviewer's decision on one hit of the latest screening. A false positive on an identifier match
 * takes effect only with the second officer's name (`countersignedBy`, see hit-four-eyes.ts).
 */
export function resolveHit(
  state: SubjectState,
  d: {
    screeningId: string;
    listId: string;
    entryId: string;
    resolution: Resolution;
    reason: string;
    resolvedBy: string;
    resolvedAt: string;
    countersignedBy?: string;
  },
): { state: SubjectState; stored: StoredResolution } | { error: ResolveError } {
  if (state.erased) return { error: 'SCREENING.ERASED' };
  if (state.withdrawn) return { error: 'SCREENING.WITHDRAWN' };
  if (state.screeningId !== d.screeningId) return { error: 'SCREENING.SUPERSEDED' };
  const hit = state.hits.find((h) => h.listId === d.listId && h.entryId === d.entryId);
  if (!hit) return { error: 'SCREENING.HIT_NOT_FOUND' };
  if (hit.resolution) return { error: 'SCREENING.HIT_ALREADY_RESOLVED' };
  if (!secondOfficerRule(hit, d).satisfied) return { error: 'SCREENING.COUNTERSIGNATURE_REQUIRED' };
  const info: ResolutionInfo = {
    resolution: d.resolution,
    reason: d.reason,
    resolvedBy: d.resolvedBy,
    resolvedAt: d.resolvedAt,
    screeningId: d.screeningId,
    ...(d.countersignedBy ? { countersignedBy: d.countersignedBy } : {}),
  };
  const stored: StoredResolution = {
    key: resolutionKey(state.fingerprint, d.listId, d.entryId, hit.entryHash),
    fingerprint: state.fingerprint,
    listId: d.listId,
    entryId: d.entryId,
    ...info,
  };
  // A decision settles the hit: an open proposal on it is moot.
  const settled = (({ proposal: _p, ...h }: HitSummary): HitSummary => ({ ...h, resolution: info }))(hit);
  const hits = state.hits.map((h) => (h === hit ? settled : h));
  const { outcome, pendingReview } = evaluateScreening(hits);
  const { pendingSince: _p, ...rest } = state;
  return {
    stored,
    state: {
      ...rest,
      hits,
      outcome,
      pendingReview,
      ...(pendingReview && state.pendingSince ? { pendingSince: state.pendingSince } : {}),
      resolutions: [...state.resolutions, stored],
    },
  };
}
