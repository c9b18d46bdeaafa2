import type { EventDataByType } from '@vetting/contracts';
import type { PersonalSealer } from '@vetting/platform';
import type { Candidate } from '../domain/candidate';
import type { CandidateRepository } from '../data/candidate.repository';
import { submissionEvent } from './candidate-events';

export interface RevettingDeps {
  repository: Pick<CandidateRepository, 'change'>;
  sealer: PersonalSealer;
  now: () => Date;
  onEvents: () => void;
}

const day = (iso: string) => iso.slice(0, 10);

/**
 * Clearance found the person due for periodic re-vetting: a new revision of the same person goes out
 * as `candidate.updated` (carrying the revettingId), so screening screens them again and references
 * opens the policy's checks again; the office sees it on the candidate's timeline. The status and the
 * decision stay: the clearance holds until the new decision or its own end. Once per re-vetting
 * (cause `revet:<revettingId>`); a withdrawn or erased person is never re-opened.
 */
export async function openRevettingRevision(data: EventDataByType['clearance.revetting-opened'], deps: RevettingDeps) {
  const { outcome } = await deps.repository.change(data.candidateId, `revet:${data.revettingId}`, async (c) => {
    if (c.status === 'withdrawn' || c.erased) return undefined;
    const at = deps.now().toISOString();
    const until = data.previousValidUntil ? ` (valid until ${day(data.previousValidUntil)})` : '';
    const next: Candidate = {
      ...c,
      revision: c.revision + 1,
      screeningDone: false,
      referencesDone: false,
      revetting: {
        revision: c.revision + 1,
        revettingId: data.revettingId,
        previousDecisionId: data.previousDecisionId,
        openedAt: data.openedAt,
        dueAt: data.dueAt,
      },
      timeline: [
        ...c.timeline,
        {
          at,
          status: c.status,
          event: `periodic re-vetting opened (due ${day(data.dueAt)}): screening and checks again for revision ${c.revision + 1}; the clearance holds until the new decision${until}`,
        },
      ],
      updatedAt: at,
    };
    const link = { revettingId: data.revettingId, previousDecisionId: data.previousDecisionId };
    return { candidate: next, events: [await submissionEvent(next, 'candidate.updated', deps.sealer, undefined, link)] };
  });
  if (outcome === 'applied') deps.onEvents();
  return { outcome };
}
