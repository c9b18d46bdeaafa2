import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { eraseRequest, type ActionRequest } from '../domain/action-request';
import type { CaseFileRepository } from '../data/case-file.repository';
import type { TextSealer } from '../data/sealed-text';

export interface ForgetDeps {
  requests: CaseFileRepository<ActionRequest>;
  sealer: Pick<TextSealer, 'shred'>;
  now: () => Date;
}

/**
 * Intake erased the person: every request for action about them becomes unreadable. Each request's
 * own data key is destroyed (crypto-shredding: the summary, responses and closing reason in every
 * kept revision), then a revision drops the sealed copies and marks it erased, keeping the skeleton
 * the figures count. Both steps are idempotent and the revision's cause is fixed per request, so a
 * redelivered erasure changes nothing.
 */
export function createForgetHandlers(deps: ForgetDeps): Record<string, EventHandler> {
  return {
    'candidate.erased': async (event, ctx) => {
      const d = event.data as unknown as EventDataByType['candidate.erased'];
      const at = deps.now().toISOString();
      let erased = 0;
      for await (const r of deps.requests.scan({ candidateId: d.candidateId })) {
        await deps.sealer.shred(r.id);
        const result = await deps.requests.change(r.id, `erase:${r.id}`, (current) => {
          const next = current && eraseRequest(current, at);
          return next ? { state: next, events: [] } : undefined;
        });
        if (result.outcome === 'applied') erased++;
      }
      ctx.logger.info({ candidateId: d.candidateId, erased }, 'requests for action about an erased person made unreadable');
    },
  };
}
