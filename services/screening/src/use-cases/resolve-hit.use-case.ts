import { randomUUID } from 'node:crypto';
import {
  AppError,
  conflict,
  createEvent,
  forbidden,
  notFound,
  type AccessRecorder,
  type Actor,
  type EventEnvelope,
  type PersonalSealer,
} from '@vetting/platform';
import type { Resolution } from '@vetting/banlists';
import { countersignHit, decideHit, type FourEyesError, type HitDecision, type HitRef } from '../domain/hit-four-eyes';
import { needsSecondOfficer } from '../domain/second-officer';
import type { StoredResolution, SubjectState } from '../domain/subject';
import type { ResolutionRepository } from '../data/resolution.repository';
import type { ScreeningRepository } from '../data/screening.repository';
import type { SubjectRepository } from '../data/subject.repository';

export interface ResolveDeps {
  subjects: SubjectRepository;
  screenings: ScreeningRepository;
  resolutions: ResolutionRepository;
  sealer: PersonalSealer;
  access: AccessRecorder;
  now: () => Date;
  onEvents: () => void;
}

const problems: Record<FourEyesError, AppError> = {
  'SCREENING.SUPERSEDED': conflict(
    'SCREENING.SUPERSEDED',
    'A newer screening of this candidate replaced this one; review the current screening',
  ),
  'SCREENING.HIT_NOT_FOUND': notFound('SCREENING.HIT_NOT_FOUND', 'This screening has no such hit'),
  'SCREENING.HIT_ALREADY_RESOLVED': conflict('SCREENING.HIT_ALREADY_RESOLVED', 'This hit was already resolved'),
  'SCREENING.WITHDRAWN': conflict('SCREENING.WITHDRAWN', 'The candidate was withdrawn'),
  'SCREENING.ERASED': conflict('SCREENING.ERASED', 'The person’s data was erased'),
  'SCREENING.COUNTERSIGNATURE_REQUIRED': conflict(
    'SCREENING.COUNTERSIGNATURE_REQUIRED',
    'Ruling out an identifier match needs a second officer’s countersignature',
  ),
  'SCREENING.NO_OPEN_PROPOSAL': conflict('SCREENING.NO_OPEN_PROPOSAL', 'There is no proposal awaiting a countersignature on this hit'),
  'SCREENING.PROPOSAL_SUPERSEDED': conflict('SCREENING.PROPOSAL_SUPERSEDED', 'This proposal is no longer the open one'),
  'SCREENING.SAME_OFFICER': forbidden('SCREENING.SAME_OFFICER', 'The officer who proposed a false positive cannot countersign it'),
};

type Step = {
  cause: (screening: ScreeningRecord) => string;
  purpose: string;
  countersignatureReason?: string;
  decide: (state: SubjectState) => HitDecision;
};
type ScreeningRecord = NonNullable<Awaited<ReturnType<ScreeningRepository['byId']>>>;

/**
 * Runs one review step as one subject revision: the decision and, when a hit is settled,
 * `screening.match-resolved` (the written reasons sealed under the person's key) go in together.
 * Every step is recorded as an access to the person's screening, so the audit trail names each officer.
 */
async function runStep(actor: Actor, ref: HitRef, step: Step, deps: ResolveDeps) {
  const screening = await deps.screenings.byId(ref.screeningId);
  if (!screening) throw notFound('SCREENING.NOT_FOUND', 'No such screening');
  let decided: Exclude<HitDecision, { error: FourEyesError }> | undefined;
  const result = await deps.subjects.apply(screening.candidateId, step.cause(screening), async (current) => {
    if (!current) throw notFound('SCREENING.NOT_FOUND', 'No such screening');
    const d = step.decide(current.state);
    if ('error' in d) throw problems[d.error];
    decided = d;
    return {
      state: d.state,
      events: d.kind === 'resolved' ? [await resolvedEvent(screening, d.stored, d.state.outcome, step.countersignatureReason, deps)] : [],
    };
  });
  const state = result.revision?.state;
  if (!state) throw new AppError('SCREENING.RESOLUTION_LOST', 'The decision could not be stored', { status: 500 });
  await deps.access.record({
    actor,
    subjectId: screening.candidateId,
    resource: 'screening/review',
    purpose: step.purpose,
    fields: ['hits'],
  });
  const settled = state.resolutions.find((r) => r.screeningId === ref.screeningId && r.listId === ref.listId && r.entryId === ref.entryId);
  const stored = decided?.kind === 'resolved' ? decided.stored : settled;
  if (stored) await deps.resolutions.insertOnce(stored);
  if (result.outcome === 'applied') deps.onEvents();
  const base = {
    screeningId: ref.screeningId,
    listId: ref.listId,
    entryId: ref.entryId,
    outcome: state.outcome,
    pendingReview: state.pendingReview,
  };
  if (decided?.kind === 'proposed') {
    const { reason: _r, ...proposal } = decided.proposal;
    return { ...base, status: 'awaiting-countersignature' as const, proposal };
  }
  if (decided?.kind === 'rejected') return { ...base, status: 'rejected' as const };
  if (!stored) throw new AppError('SCREENING.RESOLUTION_LOST', 'The decision could not be found', { status: 500 });
  return {
    ...base,
    status: 'resolved' as const,
    resolution: stored.resolution,
    ...(stored.countersignedBy ? { countersignedBy: stored.countersignedBy } : {}),
  };
}

async function resolvedEvent(
  screening: ScreeningRecord,
  r: StoredResolution,
  outcome: SubjectState['outcome'],
  countersignatureReason: string | undefined,
  deps: ResolveDeps,
): Promise<EventEnvelope> {
  const event = createEvent('screening', {
    type: 'screening.match-resolved',
    subject: screening.candidateId,
    tenant: screening.country,
    data: {
      candidateId: screening.candidateId,
      country: screening.country,
      screeningId: r.screeningId,
      listId: r.listId,
      entryId: r.entryId,
      resolution: r.resolution,
      resolvedBy: r.resolvedBy,
      ...(r.countersignedBy ? { countersignedBy: r.countersignedBy } : {}),
      outcome,
    },
  });
  // The written reasons are about the person: they travel sealed.
  const personal = { ...(r.reason ? { reason: r.reason } : {}), ...(countersignatureReason ? { countersignatureReason } : {}) };
  return Object.keys(personal).length ? deps.sealer.sealEvent<'screening.match-resolved'>(event, personal) : event;
}

const hitCause = (r: HitRef) => `resolve:${r.screeningId}:${r.listId}:${r.entryId}`;

/**
 * A reviewer resolves one hit of the candidate's current screening as a false positive or a
 * confirmed match; ruling out an identifier match is only proposed (four eyes,
 * domain/hit-four-eyes.ts). A decision also follows the same person into later screenings
 * (`resolutions`). One decision per hit (its cause); proposals are many, each replacing the open one.
 */
export async function resolveScreeningHit(
  actor: Actor,
  input: HitRef & { resolution: Resolution; reason: string },
  deps: ResolveDeps,
  key: string = randomUUID(),
) {
  const at = deps.now().toISOString();
  const proposing = (s: ScreeningRecord) =>
    needsSecondOfficer(
      s.hits.find((h) => h.listId === input.listId && h.entryId === input.entryId),
      input.resolution,
    );
  return runStep(
    actor,
    input,
    {
      cause: (s) => (proposing(s) ? `propose:${input.screeningId}:${input.listId}:${input.entryId}:${actor.id}:${key}` : hitCause(input)),
      purpose: 'resolve a possible ban-list match',
      decide: (state) => decideHit(state, { ...input, officer: actor.id, at, proposalId: key }),
    },
    deps,
  );
}

/** A second officer approves (the false positive takes effect) or rejects (the hit stays open) the open proposal on a hit. */
export async function countersignScreeningHit(
  actor: Actor,
  input: HitRef & { proposalId: string; approve: boolean; reason: string },
  deps: ResolveDeps,
) {
  const at = deps.now().toISOString();
  return runStep(
    actor,
    input,
    {
      cause: () => (input.approve ? hitCause(input) : `reject:${input.proposalId}:${actor.id}`),
      purpose: input.approve
        ? 'countersign a false positive on an identifier match'
        : 'reject a proposed false positive on an identifier match',
      countersignatureReason: input.reason,
      decide: (state) => countersignHit(state, { ...input, officer: actor.id, at }),
    },
    deps,
  );
}
