import { randomUUID } from 'node:crypto';
import { countryScope, notFound, type AccessRecorder, type Actor } from '@vetting/platform';
import { acknowledgeFlag, officeView, partyOf } from '../domain/acknowledge-flag';
import type { Flag, FlagAcknowledgement } from '../domain/clearance-case';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';
import { acknowledgedEvent } from './clearance.events';

export interface AcknowledgeDeps {
  repository: ClearanceCaseRepository;
  access: AccessRecorder;
  now: () => Date;
  onEvents: () => void;
}

/**
 * POST /cases/{id}/flags/{flagId}/acknowledgement. Stored as one revision of the case with its
 * `clearance.flag-acknowledged` event (the audit trail's record of who and when); a retried command
 * (same Idempotency-Key) answers as the first time. A TCC officer of another country gets a 404.
 */
export async function acknowledgeCaseFlag(
  actor: Actor,
  candidateId: string,
  flagId: string,
  input: { note?: string },
  deps: AcknowledgeDeps,
  key: string = randomUUID(),
) {
  const party = partyOf(actor);
  const scope = countryScope(actor);
  const found = await deps.repository.find(candidateId);
  if (!found || (scope && found.country !== scope)) throw notFound('CLEARANCE.NOT_FOUND', 'No clearance case for this candidate');
  const ack: FlagAcknowledgement = { party, by: actor.id, at: deps.now().toISOString(), ...(input.note ? { note: input.note } : {}) };
  let flag: Flag | undefined;
  const stored = await deps.repository.apply(candidateId, found.country, `acknowledge:${actor.id}:${key}`, (current) => {
    const change = acknowledgeFlag(current, flagId, ack);
    flag = change.flag;
    return { next: change.next, events: [acknowledgedEvent(current, change.flag, ack)] };
  });
  if (stored.outcome === 'applied') deps.onEvents();
  // A replay answers from the stored case: the acknowledgement this actor made then.
  const now = stored.case?.flags.find((f) => f.flagId === flagId) ?? flag!;
  const mine = now.acknowledgements?.findLast((a) => a.party === party && a.by === actor.id) ?? ack;
  await deps.access.record({
    actor,
    subjectId: candidateId,
    resource: 'clearance/flag',
    purpose: 'acknowledge revocation flag',
    fields: ['flags'],
  });
  const shown = party === 'office' ? officeView(now) : now;
  return { candidateId, flag: shown, acknowledgement: mine, replayed: stored.outcome === 'duplicate' };
}
