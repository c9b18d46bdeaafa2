import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { eraseSubject, screenCandidate, withdrawCandidate } from '../use-cases/screen-candidate.use-case';
import type { ScreeningDeps } from '../use-cases/record-screening.use-case';

/**
 * Screens every submitted or updated candidate (the person opened from the event's sealed block); a
 * redelivered event finds that revision already screened. A person whose key intake destroyed is
 * erased: their submission is not screened. `candidate.erased` makes screening forget them.
 */
export function createScreenCandidateHandlers(
  deps: ScreeningDeps & { shred: (candidateId: string) => Promise<unknown> },
): Record<string, EventHandler> {
  const handler =
    (trigger: 'submitted' | 'updated'): EventHandler =>
    async (event, ctx) => {
      const data = event.data as unknown as EventDataByType['candidate.submitted'];
      const opened = await deps.sealer.openOrErased<'candidate.submitted'>(event);
      if (!opened.personal) return void ctx.logger.info({ candidateId: data.candidateId }, 'person erased: not screened');
      const result = await screenCandidate({ ...data, person: opened.personal.person }, trigger, event.id, deps);
      ctx.logger.info({ candidateId: data.candidateId, screeningId: result.screeningId, outcome: result.outcome }, 'candidate screened');
    };
  return {
    'candidate.submitted': handler('submitted'),
    'candidate.updated': handler('updated'),
    'candidate.withdrawn': async (event) => {
      await withdrawCandidate((event.data as unknown as EventDataByType['candidate.withdrawn']).candidateId, event.id, deps);
    },
    'candidate.erased': async (event, ctx) => {
      const { candidateId } = event.data as unknown as EventDataByType['candidate.erased'];
      const result = await eraseSubject(candidateId, `erase:${candidateId}`, deps);
      ctx.logger.info({ candidateId, ...result }, 'person erased from screening');
    },
  };
}

/** Another instance published a list version: load it, so every instance screens against the same lists. */
export function createListReloadHandlers(
  reload: (listId: string) => Promise<void>,
  after: () => void = () => undefined,
): Record<string, EventHandler> {
  return {
    'banlist.published': async (event) => {
      await reload((event.data as unknown as EventDataByType['banlist.published']).list.listId);
      after();
    },
  };
}
