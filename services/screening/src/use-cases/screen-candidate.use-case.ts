import type { EventDataByType, EventPersonalByType } from '@vetting/contracts';
import { AppError } from '@vetting/platform';
import { nearHits, reviewableHits } from '@vetting/banlists';
import { minimisePerson, personFingerprint, toPersonQuery } from '../domain/screened-person';
import { afterScreening, attachResolutions, confirmedByList, erasedSubject } from '../domain/subject';
import { screeningAdmission, withdrawnSubject } from '../domain/subject-lifecycle';
import type { Screening } from '../data/screening.repository';
import { commitScreening, knownResolutions, screeningEvents, type ScreeningDeps } from './record-screening.use-case';

/** A submission with its person opened from the event's sealed block. */
export type Submitted = Omit<EventDataByType['candidate.submitted'], 'personal'> & {
  person: EventPersonalByType['candidate.submitted']['person'];
};

/**
 * Screens a submitted or updated candidate against every active list, keeps the minimised person
 * data for re-screening, and carries over decisions already taken on the same person and entry
 * content. Idempotent: a candidate revision is screened once (a redelivered or older event is
 * ignored), and a concurrent re-screen makes it compute again rather than overwrite. An erased
 * person is never screened again, whatever arrives late.
 */
export async function screenCandidate(data: Submitted, trigger: 'submitted' | 'updated', causedBy: string, deps: ScreeningDeps) {
  const person = minimisePerson(data.person);
  const fingerprint = personFingerprint(person, deps.fingerprint);
  for (let attempt = 0; attempt < 10; attempt++) {
    const current = await deps.subjects.load(data.candidateId);
    const admission = screeningAdmission(current?.state, data.revision);
    if (current && admission.kind !== 'screen') return { outcome: admission.kind, screeningId: current.state.screeningId };
    const screeningId = `${data.candidateId}:${data.revision}`;
    const { versions, hits } = deps.lists.screen(toPersonQuery(person), { confirmed: confirmedByList(current?.state) });
    const reviewable = reviewableHits(hits);
    const known = await knownResolutions(current?.state, fingerprint, reviewable, deps.resolutions);
    const withDecisions = attachResolutions(reviewable, fingerprint, known, screeningId);
    const screenedAt = deps.now().toISOString();
    const state = afterScreening(current?.state, {
      candidateId: data.candidateId,
      country: data.country,
      mission: data.nomination.mission,
      candidateRevision: data.revision,
      person,
      fingerprint,
      screeningId,
      screenedAt,
      listVersions: versions,
      hits: withDecisions,
      near: nearHits(hits).map((h) => ({ listId: h.listId, entryId: h.entryId })),
    });
    const screening: Screening = {
      id: screeningId,
      candidateId: data.candidateId,
      country: data.country,
      candidateRevision: data.revision,
      trigger,
      outcome: state.outcome,
      listVersions: versions,
      hits: withDecisions,
      person,
      fingerprint,
      screenedAt,
    };
    const committed = await commitScreening(
      deps,
      screening,
      state,
      causedBy,
      current?.rev ?? 0,
      await screeningEvents(screening, state, deps.sealer),
      current,
    );
    if (committed !== 'stale') return { outcome: committed, screeningId, result: state.outcome };
  }
  throw new AppError('SCREENING.CONTENDED', `Candidate ${data.candidateId} kept changing while being screened`, { retriable: true });
}

/** A withdrawn candidate leaves the review queue and is no longer re-screened. */
export async function withdrawCandidate(candidateId: string, causedBy: string, deps: Pick<ScreeningDeps, 'subjects'>) {
  return deps.subjects.apply(candidateId, causedBy, (current) => {
    const state = withdrawnSubject(current?.state);
    return state ? { state } : undefined;
  });
}

/**
 * The person was erased (candidate.erased): the subject keeps ids and outcomes only and is never
 * screened again; then screening's key of the person is destroyed (every sealed revision, screening
 * record and decision of theirs unreadable) and the decisions taken on them deleted. Each step is
 * idempotent: a crash in between is repaired by the redelivered event.
 */
export async function eraseSubject(
  candidateId: string,
  causedBy: string,
  deps: Pick<ScreeningDeps, 'subjects' | 'resolutions'> & { shred: (candidateId: string) => Promise<unknown> },
) {
  const result = await deps.subjects.apply(candidateId, causedBy, (current) =>
    current && !current.state.erased ? { state: erasedSubject(current.state) } : undefined,
  );
  await deps.shred(candidateId);
  const decisions = await deps.resolutions.forget(candidateId);
  return { outcome: result.outcome, decisions };
}
