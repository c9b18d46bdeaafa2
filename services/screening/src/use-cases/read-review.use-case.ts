import { notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import type { ListRepository } from '../data/list.repository';
import type { ScreeningRepository } from '../data/screening.repository';
import type { ReviewQueueFilter, SubjectRepository } from '../data/subject.repository';

export interface ReviewDeps {
  subjects: SubjectRepository;
  screenings: ScreeningRepository;
  repository: ListRepository;
  access: AccessRecorder;
}

/** Pending possible matches, oldest first, filtered. Carries ids and scores only: no personal data is read. */
export async function reviewQueue(filter: ReviewQueueFilter, limit: number, offset: number, deps: Pick<ReviewDeps, 'subjects'>) {
  const page = await deps.subjects.reviewQueue(filter, limit, offset);
  return {
    limit,
    offset,
    total: page.total,
    items: page.items.map((s) => {
      const open = s.hits.filter((h) => !h.resolution);
      return {
        screeningId: s.screeningId,
        candidateId: s.candidateId,
        country: s.country,
        ...(s.mission ? { mission: s.mission } : {}),
        outcome: s.outcome,
        pendingSince: s.pendingSince ?? s.screenedAt,
        unresolvedHits: open.length,
        ...(open.length ? { topScore: Math.max(...open.map((h) => h.score)) } : {}),
      };
    }),
  };
}

/**
 * One screening for review: the person data as screened, and for every hit the list entry as it
 * stood in the version screened against, the explanation and the decision (current for the latest
 * screening). The read of the candidate and of the listed people is recorded first.
 */
export async function readReview(actor: Actor, screeningId: string, deps: ReviewDeps) {
  const screening = await deps.screenings.byId(screeningId);
  if (!screening) throw notFound('SCREENING.NOT_FOUND', 'No such screening');
  const subject = (await deps.subjects.load(screening.candidateId))?.state;
  const current = subject?.screeningId === screeningId;
  const entries = new Map<string, unknown>();
  for (const ref of screening.listVersions) {
    const ids = screening.hits.filter((h) => h.listId === ref.listId).map((h) => h.entryId);
    for (const e of await deps.repository.entriesByIds(ref, ids)) entries.set(`${ref.listId}\u0000${e.id}`, e);
  }
  await deps.access.record({
    actor,
    subjectId: screening.candidateId,
    resource: 'screening/review',
    purpose: 'resolve possible ban-list matches',
    fields: ['names', 'dateOfBirth', 'nationalities', 'gender', 'documents', 'serviceNumber', 'hits', 'listEntries'],
  });
  const liveHit = (listId: string, entryId: string) =>
    current ? subject!.hits.find((h) => h.listId === listId && h.entryId === entryId) : undefined;
  const decisionOf = (listId: string, entryId: string) =>
    liveHit(listId, entryId)?.resolution ?? screening.hits.find((h) => h.listId === listId && h.entryId === entryId)?.resolution;
  return {
    screening: { ...screening, person: undefined, fingerprint: undefined, erased: undefined },
    person: screening.person,
    current,
    outcome: current ? subject!.outcome : screening.outcome,
    hits: screening.hits.map((hit) => {
      const decision = decisionOf(hit.listId, hit.entryId);
      const proposal = decision ? undefined : liveHit(hit.listId, hit.entryId)?.proposal;
      const { resolution: _r, ...plain } = hit;
      return {
        hit: plain,
        entry: entries.get(`${hit.listId}\u0000${hit.entryId}`),
        resolution: decision
          ? {
              status: decision.resolution,
              reason: decision.reason,
              resolvedBy: decision.resolvedBy,
              resolvedAt: decision.resolvedAt,
              ...(decision.carriedOver ? { carriedOver: true } : {}),
              ...(decision.countersignedBy ? { countersignedBy: decision.countersignedBy } : {}),
            }
          : { status: 'unresolved' },
        ...(proposal
          ? {
              proposal: {
                proposalId: proposal.proposalId,
                resolution: proposal.resolution,
                reason: proposal.reason,
                proposedBy: proposal.proposedBy,
                proposedAt: proposal.proposedAt,
              },
            }
          : {}),
      };
    }),
  };
}
