import type { SubjectState } from './subject';

/** Whether a candidate revision that arrives is screened. */
export type ScreeningAdmission = { kind: 'erased' | 'duplicate' | 'screen'; reason: string };

/**
 * A candidate revision is screened once: a redelivered event, or an older revision arriving late,
 * changes nothing. An erased person is never screened again, whatever arrives after the erasure.
 */
export function screeningAdmission(current: SubjectState | undefined, revision: number): ScreeningAdmission {
  if (current?.erased) return { kind: 'erased', reason: 'the person was erased: never screened again' };
  if (current && current.candidateRevision >= revision)
    return { kind: 'duplicate', reason: `revision ${revision} is not newer than the screened revision ${current.candidateRevision}` };
  return { kind: 'screen', reason: current ? `revision ${revision} replaces revision ${current.candidateRevision}` : 'first screening' };
}

/**
 * The subject once its candidate is withdrawn: out of the review queue and no longer re-screened.
 * Undefined when there is nothing to change (unknown, already withdrawn, or erased).
 */
export function withdrawnSubject(current: SubjectState | undefined): SubjectState | undefined {
  if (!current || current.withdrawn || current.erased) return undefined;
  return { ...current, withdrawn: true, pendingReview: false };
}
