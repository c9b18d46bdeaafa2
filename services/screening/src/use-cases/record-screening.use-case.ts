import { createEvent, type EventEnvelope, type PersonalSealer } from '@vetting/platform';
import type { ActiveLists } from '../domain/active-lists';
import type { ListHit } from '@vetting/banlists';
import { resolutionKey } from '../domain/screened-person';
import type { StoredResolution, SubjectState } from '../domain/subject';
import type { ResolutionRepository } from '../data/resolution.repository';
import type { Screening, ScreeningRepository } from '../data/screening.repository';
import type { OpenedSubject, SubjectRepository } from '../data/subject.repository';

export interface ScreeningDeps {
  lists: ActiveLists;
  subjects: SubjectRepository;
  screenings: ScreeningRepository;
  resolutions: ResolutionRepository;
  /** Seals the personal blocks of screening's events under the person's key (from intake). */
  sealer: PersonalSealer;
  /** Screening's keyed hash of a person's canonical data (see personFingerprint). */
  fingerprint: (canonical: string) => string;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Decisions already taken on this person for these hits: the subject's own, and any taken on the
 * same person data under another nomination (looked up only when there are hits).
 */
export async function knownResolutions(state: SubjectState | undefined, fingerprint: string, hits: ListHit[], repo: ResolutionRepository) {
  const known = new Map<string, StoredResolution>((state?.resolutions ?? []).map((r) => [r.key, r]));
  const missing = hits.map((h) => resolutionKey(fingerprint, h.listId, h.entryId, h.entryHash)).filter((k) => !known.has(k));
  for (const r of await repo.byKeys(missing)) known.set(r.key, r);
  return known;
}

/**
 * `screening.completed` (and `screening.review-required` when a human must look) for a screening
 * made current. What a hit says about the person (the list name it matched, the explanation of its
 * score) travels sealed under the person's key; ids, scores and bands stay in clear for clearance.
 */
export async function screeningEvents(screening: Screening, state: SubjectState, sealer: PersonalSealer): Promise<EventEnvelope[]> {
  const common = { subject: screening.candidateId, tenant: screening.country };
  const hits = screening.hits.slice(0, 50);
  const completed = createEvent('screening', {
    ...common,
    type: 'screening.completed',
    data: {
      candidateId: screening.candidateId,
      country: screening.country,
      screeningId: screening.id,
      candidateRevision: screening.candidateRevision,
      outcome: state.outcome,
      trigger: screening.trigger,
      listVersions: screening.listVersions,
      hits: hits.map((h) => ({
        listId: h.listId,
        entryId: h.entryId,
        score: Math.round(h.score * 1000) / 1000,
        band: h.band === 'match' ? 'match' : 'possible-match',
        ...(h.entryStatus ? { entryStatus: h.entryStatus } : {}),
        resolution: h.resolution?.resolution ?? 'unresolved',
      })),
    },
  });
  const personal = hits.map((h) => ({
    listId: h.listId,
    entryId: h.entryId,
    matchedName: h.matchedName.full.slice(0, 300),
    features: h.features.map((f) => ({ feature: f.feature, contribution: f.contribution, ...(f.detail ? { detail: f.detail } : {}) })),
  }));
  // No hits, nothing personal: no block, and no key to fetch (most screenings are clear).
  const events: EventEnvelope[] = [hits.length ? await sealer.sealEvent<'screening.completed'>(completed, { hits: personal }) : completed];
  const unresolved = state.hits.filter((h) => !h.resolution).length;
  if (state.pendingReview)
    events.push(
      createEvent('screening', {
        ...common,
        type: 'screening.review-required',
        data: { candidateId: screening.candidateId, country: screening.country, screeningId: screening.id, hitCount: unresolved },
      }),
    );
  return events;
}

/**
 * Makes a screening current: the record is inserted once, then the subject revision (with the
 * events) is applied only if the subject is still at the revision the screening was computed from.
 * Returns `stale` when someone else changed the subject meanwhile (the caller screens again).
 */
export async function commitScreening(
  deps: Pick<ScreeningDeps, 'subjects' | 'screenings' | 'onEvents'>,
  screening: Screening,
  state: SubjectState,
  causedBy: string,
  expectedRev: number,
  events: EventEnvelope[],
  known?: OpenedSubject,
): Promise<'applied' | 'duplicate' | 'stale'> {
  await deps.screenings.insertOnce(screening);
  const result = await deps.subjects.apply(
    screening.candidateId,
    causedBy,
    (current) => ((current?.rev ?? 0) === expectedRev ? { state, events } : undefined),
    known,
  );
  if (result.outcome === 'applied') deps.onEvents();
  return result.outcome === 'unchanged' ? 'stale' : result.outcome;
}
