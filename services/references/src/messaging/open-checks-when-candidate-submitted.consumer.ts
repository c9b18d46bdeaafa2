import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import type { PolicyPublished } from '@vetting/policy';
import type { ReferencesContext } from '../references-context';
import { eraseCandidateAnswers } from '../use-cases/erase-answers.use-case';
import { openReferenceSet } from '../use-cases/open-reference-set.use-case';

/** Each candidate revision gets its set of checks; every step is idempotent, so redelivery is harmless. */
export function createOpenChecksHandlers(ctx: ReferencesContext): Record<string, EventHandler> {
  const handle: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.submitted'];
    const result = await openReferenceSet({ ...data, submittedAt: event.time }, ctx, handlerCtx.logger);
    handlerCtx.logger.info({ candidateId: event.subject, ...result }, 'reference checks opened');
  };
  // Intake erased the person: forget the referee answers about them too (crypto-shredding, idempotent).
  const forget: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.erased'];
    const sets = await eraseCandidateAnswers(ctx, data.candidateId, `candidate.erased (${data.basis})`);
    handlerCtx.logger.info({ candidateId: data.candidateId, sets }, 'referee answers erased');
  };
  // One policy, published by clearance: the newest version received plans the next sets.
  const follow: EventHandler = async (event, handlerCtx) => {
    const stored = await ctx.policies.record(event.data as unknown as PolicyPublished);
    handlerCtx.logger.info({ version: (event.data as { version?: number }).version, stored }, 'vetting policy version received');
  };
  return { 'candidate.submitted': handle, 'candidate.updated': handle, 'candidate.erased': forget, 'clearance.policy-published': follow };
}
