import { AppError, conflict, createEvent, notFound, type Actor } from '@vetting/platform';
import type { Resolution } from '@vetting/banlists';
import { resolveHit as decideResolution, type ResolveError, type StoredResolution } from '../domain/subject';
import type { ResolutionRepository } from '../data/resolution.repository';
import type { ScreeningRepository } from '../data/screening.repository';
import type { SubjectRepository } from '../data/subject.repository';

export interface ResolveDeps {
  subjects: SubjectRepository;
  screenings: ScreeningRepository;
  resolutions: ResolutionRepository;
  now: () => Date;
  onEvents: () => void;
}

const problems: Record<ResolveError, AppError> = {
  'SCREENING.SUPERSEDED': conflict('SCREENING.SUPERSEDED', 'A newer screening of this candidate replaced this one; review the current screening'),
  'SCREENING.HIT_NOT_FOUND': notFound('SCREENING.HIT_NOT_FOUND', 'This screening has no such hit'),
  'SCREENING.HIT_ALREADY_RESOLVED': conflict('SCREENING.HIT_ALREADY_RESOLVED', 'This hit was already resolved'),
  'SCREENING.WITHDRAWN': conflict('SCREENING.WITHDRAWN', 'The candidate was withdrawn'),
};

/**
 * A reviewer resolves one hit of the candidate's current screening as a false positive or a
 * confirmed match. The decision and `screening.match-resolved` (with the resulting outcome) are one
 * subject revision; the decision is also stored under its person-and-entry key so it follows the
 * same person into later screenings. A retried request is recognised by its cause and answered alike.
 */
export async function resolveScreeningHit(
  actor: Actor,
  input: { screeningId: string; listId: string; entryId: string; resolution: Resolution; reason: string },
  deps: ResolveDeps,
) {
  const screening = await deps.screenings.byId(input.screeningId);
  if (!screening) throw notFound('SCREENING.NOT_FOUND', 'No such screening');
  let stored: StoredResolution | undefined;
  const causedBy = `resolve:${input.screeningId}:${input.listId}:${input.entryId}`;
  const result = await deps.subjects.apply(screening.candidateId, causedBy, (current) => {
    if (!current) throw notFound('SCREENING.NOT_FOUND', 'No such screening');
    const decided = decideResolution(current.state, { ...input, resolvedBy: actor.id, resolvedAt: deps.now().toISOString() });
    if ('error' in decided) throw problems[decided.error];
    stored = decided.stored;
    const event = createEvent('screening', {
      type: 'screening.match-resolved',
      subject: screening.candidateId,
      tenant: screening.country,
      data: {
        candidateId: screening.candidateId,
        country: screening.country,
        screeningId: input.screeningId,
        listId: input.listId,
        entryId: input.entryId,
        resolution: input.resolution,
        resolvedBy: actor.id,
        reason: input.reason,
        outcome: decided.state.outcome,
      },
    });
    return { state: decided.state, events: [event] };
  });
  const state = result.revision?.state;
  if (!state) throw new AppError('SCREENING.RESOLUTION_LOST', 'The decision could not be stored', { status: 500 });
  const decision = stored ?? state.resolutions.find((r) => r.screeningId === input.screeningId && r.listId === input.listId && r.entryId === input.entryId);
  if (decision) await deps.resolutions.insertOnce(decision);
  if (result.outcome === 'applied') deps.onEvents();
  return { screeningId: input.screeningId, listId: input.listId, entryId: input.entryId, resolution: decision?.resolution ?? input.resolution, outcome: state.outcome, pendingReview: state.pendingReview };
}
