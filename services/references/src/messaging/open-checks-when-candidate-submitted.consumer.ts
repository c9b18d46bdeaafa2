import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { eraseCandidateAnswers } from '../use-cases/erase-answers.use-case';
import { openReferenceSet } from '../use-cases/open-reference-set.use-case';

/** Each candidate revision gets its set of checks; every step is idempotent, so redelivery is harmless. */
export function createOpenChecksHandlers(ctx: ReferencesContext): Record<string, EventHandler> {
  const handle: EventHandler = async (event, handlerCtx) => {
    const result = await openReferenceSet(event.data as unknown as EventDataByType['candidate.submitted'], ctx, handlerCtx.logger);
    handlerCtx.logger.info({ candidateId: event.subject, ...result }, 'reference checks opened');
  };
  // Intake erased the person: forget the referee answers about them too (crypto-shredding, idempotent).
  const forget: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.erased'];
    const sets = await eraseCandidateAnswers(ctx, data.candidateId, `candidate.erased (${data.basis})`);
    handlerCtx.logger.info({ candidateId: data.candidateId, sets }, 'referee answers erased');
  };
  return { 'candidate.submitted': handle, 'candidate.updated': handle, 'candidate.erased': forget };
}
