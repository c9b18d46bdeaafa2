import type { EventDataByType } from '@vetting/contracts';
import { createEvent, type EventEnvelope } from '@vetting/platform';
import { requiredChecks, type CheckPolicy } from '../domain/check-policy';
import type { ReferenceSetRepository } from '../data/reference-set.repository';

export interface OpenDeps {
  repository: ReferenceSetRepository;
  policy: CheckPolicy;
  now: () => Date;
  onEvents: () => void;
}

/**
 * Opens the checks a candidate's category requires. When none are required, the set is complete at
 * once and says so explicitly ("not required" is a recorded result, not an absence).
 */
export async function openReferenceSet(data: EventDataByType['candidate.submitted'], deps: OpenDeps) {
  const types = requiredChecks(deps.policy, data.nomination.category);
  const id = `${data.candidateId}:${data.revision}`;
  const checks = types.map((checkType) => ({ checkId: `${id}:${checkType}`, checkType, result: 'pending' as const }));
  const completed = checks.length === 0;
  const common = { subject: data.candidateId, tenant: data.country };
  const events: EventEnvelope[] = completed
    ? [
        createEvent('references', {
          ...common,
          type: 'references.completed',
          data: { candidateId: data.candidateId, country: data.country, candidateRevision: data.revision, checks: [] },
        }),
      ]
    : checks.map((c) =>
        createEvent('references', {
          ...common,
          type: 'reference.check-requested',
          data: { candidateId: data.candidateId, country: data.country, checkId: c.checkId, checkType: c.checkType },
        }),
      );
  const stored = await deps.repository.insertOnce(
    { id, candidateId: data.candidateId, country: data.country, candidateRevision: data.revision, checks, completed, createdAt: deps.now().toISOString() },
    events,
  );
  if (stored) deps.onEvents();
  return { id, stored, completed };
}
