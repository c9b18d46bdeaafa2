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
 * (absent once erased). Rows written before sealing hold `person`, `fingerprint` and
 * `resolutions` in clear and still read.
 */
export type StoredSubject = Pick<
  SubjectState,
  'candidateId' | 'country' | 'mission' | 'candidateRevision' | 'withdrawn' | 'erased' | 'screeningId' | 'outcome' | 'screenedAt' | 'listVersions' | 'hits' | 'near' | 'pendingReview' | 'pendingSince' | 'changedByRescreen'
> & { personal?: string } & Record<string, unknown>;

export const SUBJECT_FIELD = 'subject';
const hitKey = (h: { listId: string; entryId: string }) => `${h.listId}\u0000${h.entryId}`;

export function splitSubject(state: SubjectState): { stored: StoredSubject; personal: SubjectPersonal } {
  const { person, fingerprint, resolutions, ...rest } = state;
  const reasons: Record<string, string> = {};
  const hits: HitSummary[] = state.hits.map((h) => {
    if (!h.resolution) return h;
    if (h.resolution.reason) reasons[hitKey(h)] = h.resolution.reason;
    return { ...h, resolution: { ...h.resolution, reason: '' } };
  });
  return { stored: { ...rest, hits }, personal: { person, fingerprint, resolutions, reasons } };
}

const NOBODY: SubjectPersonal = { person: { names: [], nationalities: [], documents: [] }, fingerprint: '', resolutions: [], reasons: {} };

/** The subject from its stored form and opened personal part (undefined: erased, or an old clear row). */
export function joinSubject(stored: StoredSubject, personal: SubjectPersonal | undefined): SubjectState {
  const { personal: _p, _id: _i, _rev: _r, _updatedAt: _u, ...rest } = stored;
  const legacy = rest as unknown as Partial<SubjectPersonal>;
  const p = personal ?? (legacy.person ? { ...NOBODY, person: legacy.person, fingerprint: legacy.fingerprint ?? '', resolutions: legacy.resolutions ?? [] } : NOBODY);
  const hits = stored.hits.map((h) => (h.resolution ? { ...h, resolution: { ...h.resolution, reason: p.reasons[hitKey(h)] ?? h.resolution.reason } } : h));
  return { ...(rest as unknown as SubjectState), hits, person: p.person, fingerprint: p.fingerprint, resolutions: p.resolutions };
}
