import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { eraseFromRevetting } from '../domain/revetting';
import type { ClearanceCaseRepository } from '../data/clearance-case.repository';

/**
 * Intake erased the person: the case records it, so no re-vetting is ever opened for them and one in
 * progress ends without a decision (once per event: its id is the revision's cause).
 */
export function endRevettingWhenErased(deps: { repository: ClearanceCaseRepository; now: () => Date }): EventHandler {
  return async (event, ctx) => {
    const d = event.data as unknown as EventDataByType['candidate.erased'];
    const now = deps.now();
    const result = await deps.repository.apply(
      d.candidateId,
      d.country,
      event.id,
      (current, exists) => {
        const next = exists ? eraseFromRevetting(current, now) : undefined;
        return next ? { next, events: [] } : undefined;
      },
      { command: false },
    );
    ctx.logger.info({ candidateId: d.candidateId, outcome: result.outcome }, 'erasure recorded on the clearance case');
  };
}
