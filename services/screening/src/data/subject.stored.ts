import type { ScreenedPerson } from '../domain/screened-person';
import type { HitSummary, StoredResolution, SubjectState } from '../domain/subject';

/** What of a subject is the person's: sealed together under their screening key (`personal`). */
export interface SubjectPersonal {
  person: ScreenedPerson;
  fingerprint: string;
  resolutions: StoredResolution[];
  /** Reviewers' written reasons on the hits, by `<list>\0<entry>`. */
  reasons: Record<string, string>;
}

/**
 * A subject as stored: ids, outcomes, scores and list versions in clear (queries and re-screening
 * batches read them), the person, their fingerprint and every written reason sealed in `personal`
 * (absent once erased).
 */
export type StoredSubject = Pick<
  SubjectState,
  | 'candidateId'
  | 'country'
  | 'mission'
  | 'candidateRevision'
  | 'withdrawn'
  | 'erased'
  | 'screeningId'
  | 'outcome'
  | 'screenedAt'
  | 'listVersions'
  | 'hits'
  | 'near'
  | 'pendingReview'
  | 'pendingSince'
  | 'changedByRescreen'
> & { personal?: string } & Record<string, unknown>;

export const SUBJECT_FIELD = 'subject';
const hitKey = (h: { listId: string; entryId: string }) => `${h.listId}\u0000${h.entryId}`;
// Four-eyes texts (a proposal's reason, a rejection's two reasons) sit beside the decision's under their own keys.
const proposalKey = (h: { listId: string; entryId: string }) => `proposal\u0000${hitKey(h)}`;
const rejectedKey = (id: string, which: 'reason' | 'rejection') => `${which}\u0000${id}`;

/** A hit with every written reason moved into `reasons` (blanked on the hit). */
function withoutReasons(h: HitSummary, reasons: Record<string, string>): HitSummary {
  const out: HitSummary = { ...h };
  if (h.resolution) {
    if (h.resolution.reason) reasons[hitKey(h)] = h.resolution.reason;
    out.resolution = { ...h.resolution, reason: '' };
  }
  if (h.proposal) {
    reasons[proposalKey(h)] = h.proposal.reason;
    out.proposal = { ...h.proposal, reason: '' };
  }
  if (h.rejected) {
    out.rejected = h.rejected.map((r) => {
      reasons[rejectedKey(r.proposalId, 'reason')] = r.reason;
      reasons[rejectedKey(r.proposalId, 'rejection')] = r.rejectionReason;
      return { ...r, reason: '', rejectionReason: '' };
    });
  }
  return out;
}

/** The hit with its reasons put back (an erased person's read as blank). */
function withReasons(h: HitSummary, reasons: Record<string, string>): HitSummary {
  const out: HitSummary = { ...h };
  if (h.resolution) out.resolution = { ...h.resolution, reason: reasons[hitKey(h)] ?? h.resolution.reason };
  if (h.proposal) out.proposal = { ...h.proposal, reason: reasons[proposalKey(h)] ?? h.proposal.reason };
  if (h.rejected)
    out.rejected = h.rejected.map((r) => ({
      ...r,
      reason: reasons[rejectedKey(r.proposalId, 'reason')] ?? r.reason,
      rejectionReason: reasons[rejectedKey(r.proposalId, 'rejection')] ?? r.rejectionReason,
    }));
  return out;
}

export function splitSubject(state: SubjectState): { stored: StoredSubject; personal: SubjectPersonal } {
  const { person, fingerprint, resolutions, ...rest } = state;
  const reasons: Record<string, string> = {};
  const hits = state.hits.map((h) => withoutReasons(h, reasons));
  return { stored: { ...rest, hits }, personal: { person, fingerprint, resolutions, reasons } };
}

const NOBODY: SubjectPersonal = { person: { names: [], nationalities: [], documents: [] }, fingerprint: '', resolutions: [], reasons: {} };

/** The subject from its stored form and opened personal part (undefined: erased). */
export function joinSubject(stored: StoredSubject, personal: SubjectPersonal | undefined): SubjectState {
  const { personal: _p, _id: _i, _rev: _r, _updatedAt: _u, ...rest } = stored;
  const p = personal ?? NOBODY;
  const hits = stored.hits.map((h) => withReasons(h, p.reasons));
  return { ...(rest as unknown as SubjectState), hits, person: p.person, fingerprint: p.fingerprint, resolutions: p.resolutions };
}
