import type { AskedEmployer } from './check-plan';
import type { Check } from './check';
import { employerKey } from './employer-directory';

/**
 * Why a held disclosure request of an earlier revision was superseded by a corrected nomination:
 * - `employer-asked-again`: the newest revision asks the same employer (`replacedBy` is its check),
 *   so the queue keeps one request per employer per candidate;
 * - `employer-not-in-correction`: the newest revision no longer asks this employer (dropped from the
 *   history, or outside its look-back window). The newest revision's plan decides what is required;
 *   the superseded request stays in the check's history and the audit trail, so a correction that
 *   drops an employer never makes its request vanish without trace.
 */
export type SupersedeReason = 'employer-asked-again' | 'employer-not-in-correction';

export interface Supersession {
  /** The candidate revision whose checks replace this one's. */
  byRevision: number;
  reason: SupersedeReason;
  replacedBy?: string;
  at: string;
}

/** A disclosure check of the newest revision with the employer it asks (opened in memory). */
export interface NewestDisclosure {
  checkId: string;
  employer?: Pick<AskedEmployer, 'name' | 'directoryId'>;
}

const sameEmployer = (a: Pick<AskedEmployer, 'name' | 'directoryId'>, b: Pick<AskedEmployer, 'name' | 'directoryId'>) =>
  (!!a.directoryId && a.directoryId === b.directoryId) || (!!employerKey(a.name) && employerKey(a.name) === employerKey(b.name));

/** Whether the newest revision asks the held request's employer again, and by which check. */
export function supersessionOf(
  held: Pick<AskedEmployer, 'name' | 'directoryId'> | undefined,
  newest: readonly NewestDisclosure[],
  byRevision: number,
  now: Date,
): Supersession {
  const again = held ? newest.find((n) => n.employer && sameEmployer(held, n.employer)) : undefined;
  return again
    ? { byRevision, reason: 'employer-asked-again', replacedBy: again.checkId, at: now.toISOString() }
    : { byRevision, reason: 'employer-not-in-correction', at: now.toISOString() };
}

/**
 * A held request (nothing sent, nothing answered) of a revision older than `byRevision` ends as
 * `superseded` with its reason; anything else (already confirmed, sent, answered, or of the newest
 * revision) is left as it is, so applying it again changes nothing.
 */
export function superseded(c: Check | undefined, s: Supersession): Check | undefined {
  if (!c || c.state !== 'awaiting-contact') return undefined;
  if (c.candidateRevision === undefined || c.candidateRevision >= s.byRevision) return undefined;
  return { ...c, state: 'superseded', supersession: s, updatedAt: s.at, completedAt: s.at };
}
