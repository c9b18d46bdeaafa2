import type { EventEnvelope, EventHandler } from '@vetting/platform';
import type { EventDataByType } from '@vetting/contracts';
import { nextStatus, type LifecycleEvent } from '../domain/candidate-status';
import type { CandidateRepository } from '../data/candidate.repository';

/** Reduces another service's event to what the candidate lifecycle needs. */
function toLifecycle(event: EventEnvelope): LifecycleEvent | undefined {
  switch (event.type) {
    case 'screening.completed': {
      const d = event.data as unknown as EventDataByType['screening.completed'];
      // Only the list versions are kept: hits never reach intake's state or an office.
      return { type: 'screening.completed', candidateRevision: d.candidateRevision, listVersions: d.listVersions };
    }
    case 'references.completed':
      return { type: event.type, candidateRevision: (event.data as unknown as EventDataByType['screening.completed']).candidateRevision };
    case 'clearance.decided': {
      const d = event.data as unknown as EventDataByType['clearance.decided'];
      return {
        type: 'clearance.decided',
        decision: {
          outcome: d.outcome,
          decidedAt: event.time,
          ...(d.candidateRevision ? { candidateRevision: d.candidateRevision } : {}),
          ...(d.validUntil ? { validUntil: d.validUntil } : {}),
          listVersions: d.inputs.screening.listVersions,
        },
      };
    }
    case 'clearance.revoked':
    case 'clearance.expired':
      return { type: event.type };
    default:
      return undefined;
  }
}

/** Keeps each candidate's status and timeline in step with screening, references and clearance. */
export function createTrackStatusHandlers(repository: CandidateRepository): Record<string, EventHandler> {
  const handle: EventHandler = async (event, ctx) => {
    const lifecycle = toLifecycle(event);
    if (!lifecycle) return;
    const result = await repository.applyOnce(event.subject, event.id, (c) => nextStatus(c, lifecycle), event.type, event.time);
    ctx.logger.debug({ candidateId: event.subject, result }, 'status tracked');
  };
  return Object.fromEntries(
    ['screening.completed', 'references.completed', 'clearance.decided', 'clearance.revoked', 'clearance.expired'].map((t) => [t, handle]),
  );
}
