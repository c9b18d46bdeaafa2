import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { openRevettingRevision, type RevettingDeps } from '../use-cases/open-revetting.use-case';

/** `clearance.revetting-opened`: the person is nominated again to screening and checks (once per re-vetting). */
export function createRevetWhenDueHandlers(deps: RevettingDeps): Record<string, EventHandler> {
  return {
    'clearance.revetting-opened': async (event, ctx) => {
      const data = event.data as unknown as EventDataByType['clearance.revetting-opened'];
      const result = await openRevettingRevision(data, deps);
      ctx.logger.info({ candidateId: data.candidateId, revettingId: data.revettingId, ...result }, 'periodic re-vetting');
    },
  };
}
