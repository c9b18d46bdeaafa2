import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { openReferenceSet } from '../use-cases/open-reference-set.use-case';

/** Each candidate revision gets its set of checks; every step is idempotent, so redelivery is harmless. */
export function createOpenChecksHandlers(ctx: ReferencesContext): Record<string, EventHandler> {
  const handle: EventHandler = async (event, handlerCtx) => {
    const result = await openReferenceSet(event.data as unknown as EventDataByType['candidate.submitted'], ctx, handlerCtx.logger);
    handlerCtx.logger.info({ candidateId: event.subject, ...result }, 'reference checks opened');
  };
  return { 'candidate.submitted': handle, 'candidate.updated': handle };
}
