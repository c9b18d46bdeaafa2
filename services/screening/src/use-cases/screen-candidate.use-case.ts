import { createEvent, type EventEnvelope } from '@vetting/platform';
import type { PersonQuery } from '@vetting/matching';
import type { EventDataByType } from '@vetting/contracts';
import type { ActiveLists } from '../domain/active-lists';
import { reviewableHits, screeningOutcome } from '../domain/screening-outcome';
import type { ScreeningRepository } from '../data/screening.repository';

type Submitted = EventDataByType['candidate.submitted'];

export function toPersonQuery(person: Submitted['person']): PersonQuery {
  return {
    names: person.names.map((n) => n.full),
    ...(person.dateOfBirth ? { dateOfBirth: person.dateOfBirth } : {}),
    ...(person.nationalities ? { nationalities: person.nationalities } : {}),
    ...(person.gender ? { gender: person.gender } : {}),
    documents: person.documents ?? [],
    serviceNumbers: person.serviceNumber ? [person.serviceNumber] : [],
  };
}

export interface ScreenDeps {
  lists: ActiveLists;
  screenings: ScreeningRepository;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Screens a submitted or updated candidate against every active list and stores the case with its
 * events in one insert. Idempotent: the same candidate revision is screened once.
 */
export async function screenCandidate(data: Submitted, trigger: 'submitted' | 'updated', deps: ScreenDeps) {
  const { versions, hits } = deps.lists.screen(toPersonQuery(data.person));
  const kept = reviewableHits(hits);
  const outcome = screeningOutcome(kept);
  const id = `${data.candidateId}:${data.revision}`;
  const screening = {
    id,
    candidateId: data.candidateId,
    country: data.country,
    candidateRevision: data.revision,
    trigger,
    outcome,
    listVersions: versions,
    hits: kept,
    screenedAt: deps.now().toISOString(),
  };
  const common = { subject: data.candidateId, tenant: data.country };
  const events: EventEnvelope[] = [
    createEvent('screening', {
      ...common,
      type: 'screening.completed',
      data: {
        candidateId: data.candidateId,
        country: data.country,
        screeningId: id,
        candidateRevision: data.revision,
        outcome,
        trigger,
        listVersions: versions,
        hits: kept.map((h) => ({
          listId: h.listId,
          entryId: h.entryId,
          score: Math.round(h.score * 1000) / 1000,
          band: h.band === 'match' ? 'match' : 'possible-match',
          matchedName: h.matchedName.full,
          features: h.features.map((f) => ({ feature: f.feature, contribution: f.contribution, detail: f.detail })),
          resolution: 'unresolved',
        })),
      },
    }),
  ];
  if (outcome !== 'clear')
    events.push(
      createEvent('screening', {
        ...common,
        type: 'screening.review-required',
        data: { candidateId: data.candidateId, country: data.country, screeningId: id, hitCount: kept.length },
      }),
    );
  const stored = await deps.screenings.insertOnce(screening, events);
  if (stored) deps.onEvents();
  return { screening, stored };
}
