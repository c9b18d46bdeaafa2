import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { ActionRequest } from '../domain/action-request';
import type { CaseFileRepository } from '../data/case-file.repository';
import type { ErasedCandidatesRepository } from '../data/erased-candidates.repository';
import type { TextSealer } from '../data/sealed-text';
import { forgetActionRequest } from '../use-cases/forget-action-request.use-case';

export interface ForgetDeps {
  requests: CaseFileRepository<ActionRequest>;
  erased: Pick<ErasedCandidatesRepository, 'record'>;
  sealer: Pick<TextSealer, 'shred'>;
  now: () => Date;
}

/**
 * Intake erased the person: every request for action about them becomes unreadable (each once, so a
 * redelivered erasure changes nothing). The erasure is remembered first: a request sent afterwards is
 * refused, and one sent while this runs is found either by this scan or by the sender's own re-check.
 */
export function createForgetHandlers(deps: ForgetDeps): Record<string, EventHandler> {
  return {
    'candidate.erased': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['candidate.erased'];
      const at = deps.now().toISOString();
      await deps.erased.record(d.candidateId, d.erasedAt);
      let erased = 0;
      for await (const r of deps.requests.scan({ candidateId: d.candidateId })) if (await forgetActionRequest(r.id, at, deps)) erased++;
      ctx.logger.info({ candidateId: d.candidateId, erased }, 'requests for action about an erased person made unreadable');
    },
  };
}
