import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { openReferenceSet, type OpenDeps } from '../use-cases/open-reference-set.use-case';

export function createOpenChecksHandlers(deps: OpenDeps): Record<string, EventHandler> {
  const handle: EventHandler = async (event, ctx) => {
    const result = await openReferenceSet(event.data as unknown as EventDataByType['candidate.submitted'], deps);
    ctx.logger.info({ candidateId: event.subject, ...result }, 'reference checks opened');
  };
  return { 'candidate.submitted': handle, 'candidate.updated': handle };
}
