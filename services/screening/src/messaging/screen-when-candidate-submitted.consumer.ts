import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { screenCandidate, type ScreenDeps } from '../use-cases/screen-candidate.use-case';

/** Screens every submitted or updated candidate; a redelivered event finds the screening already stored. */
export function createScreenCandidateHandlers(deps: ScreenDeps): Record<string, EventHandler> {
  const handler =
    (trigger: 'submitted' | 'updated'): EventHandler =>
    async (event, ctx) => {
      const { screening, stored } = await screenCandidate(event.data as unknown as EventDataByType['candidate.submitted'], trigger, deps);
      ctx.logger.info({ candidateId: screening.candidateId, outcome: screening.outcome, duplicate: !stored }, 'candidate screened');
    };
  return { 'candidate.submitted': handler('submitted'), 'candidate.updated': handler('updated') };
}

/** Another instance published a list version: load it, so every instance screens against the same lists. */
export function createListReloadHandlers(reload: (listId: string) => Promise<void>): Record<string, EventHandler> {
  return {
    'banlist.published': async (event) => {
      await reload((event.data as unknown as EventDataByType['banlist.published']).list.listId);
    },
  };
}
