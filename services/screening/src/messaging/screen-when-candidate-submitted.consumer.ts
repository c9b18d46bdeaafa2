import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { screenCandidate, withdrawCandidate } from '../use-cases/screen-candidate.use-case';
import type { ScreeningDeps } from '../use-cases/record-screening.use-case';

/** Screens every submitted or updated candidate; a redelivered event finds that revision already screened. */
export function createScreenCandidateHandlers(deps: ScreeningDeps): Record<string, EventHandler> {
  const handler =
    (trigger: 'submitted' | 'updated'): EventHandler =>
    async (event, ctx) => {
      const data = event.data as unknown as EventDataByType['candidate.submitted'];
      const result = await screenCandidate(data, trigger, event.id, deps);
      ctx.logger.info({ candidateId: data.candidateId, screeningId: result.screeningId, outcome: result.outcome }, 'candidate screened');
    };
  return {
    'candidate.submitted': handler('submitted'),
    'candidate.updated': handler('updated'),
    'candidate.withdrawn': async (event) => {
      await withdrawCandidate((event.data as unknown as EventDataByType['candidate.withdrawn']).candidateId, event.id, deps);
    },
  };
}

/** Another instance published a list version: load it, so every instance screens against the same lists. */
export function createListReloadHandlers(reload: (listId: string) => Promise<void>, after: () => void = () => undefined): Record<string, EventHandler> {
  return {
    'banlist.published': async (event) => {
      await reload((event.data as unknown as EventDataByType['banlist.published']).list.listId);
      after();
    },
  };
}
