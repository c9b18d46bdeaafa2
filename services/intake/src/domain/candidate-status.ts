import type { Candidate, CandidateStatus, Decision, ListVersionRef } from './candidate';

/** What the other services told us, reduced to what the lifecycle needs. */
export type LifecycleEvent =
  | { type: 'screening.completed'; candidateRevision: number; listVersions?: ListVersionRef[] }
  | { type: 'references.completed'; candidateRevision: number }
  | { type: 'clearance.decided'; decision: Decision }
  | { type: 'clearance.revoked' }
  | { type: 'clearance.expired' };

const FINAL: CandidateStatus[] = ['withdrawn'];

export interface StatusChange {
  status: CandidateStatus;
  screeningDone: boolean;
  referencesDone: boolean;
  decision?: Decision;
  /** The list versions the current revision was screened against (kept for rotation certificates). */
  screenedAgainst?: ListVersionRef[];
}

/**
 * The candidate lifecycle: nominated → screening → references → decision pending → cleared /
 * not cleared; withdrawn and expired from anywhere. Results for an older revision of the person
 * (superseded by an update) are ignored. Returns undefined when the event changes nothing.
 */
export function nextStatus(
  c: Pick<Candidate, 'status' | 'revision' | 'screeningDone' | 'referencesDone'>,
  e: LifecycleEvent,
): StatusChange | undefined {
  if (FINAL.includes(c.status)) return undefined;
  let { screeningDone, referencesDone } = c;
  let screenedAgainst: ListVersionRef[] | undefined;
  switch (e.type) {
    case 'screening.completed':
      if (e.candidateRevision !== c.revision) return undefined;
      screeningDone = true;
      screenedAgainst = e.listVersions;
      break;
    case 'references.completed':
      if (e.candidateRevision !== c.revision) return undefined;
      referencesDone = true;
      break;
    case 'clearance.decided': {
      const status: CandidateStatus =
        e.decision.outcome === 'cleared' ? 'cleared' : e.decision.outcome === 'not-cleared' ? 'not-cleared' : 'decision-pending';
      return { status, screeningDone, referencesDone, decision: e.decision };
    }
    case 'clearance.revoked':
      return { status: 'not-cleared', screeningDone, referencesDone };
    case 'clearance.expired':
      return { status: 'expired', screeningDone, referencesDone };
  }
  const extra = screenedAgainst ? { screenedAgainst } : {};
  if (c.status === 'cleared' || c.status === 'not-cleared' || c.status === 'expired')
    return { status: c.status, screeningDone, referencesDone, ...extra };
  const status: CandidateStatus = !screeningDone ? 'screening' : !referencesDone ? 'references' : 'decision-pending';
  return { status, screeningDone, referencesDone, ...extra };
}
