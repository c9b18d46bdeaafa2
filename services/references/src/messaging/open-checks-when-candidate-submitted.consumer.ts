import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler, PersonalSealer } from '@vetting/platform';
import type { PolicyPublished } from '@vetting/policy';
import type { ReferencesContext } from '../references-context';
import { eraseCandidateAnswers } from '../use-cases/erase-answers.use-case';
import { createReferenceSetOpener } from '../use-cases/open-reference-set.use-case';
import { withdrawChecks } from '../use-cases/withdraw-checks.use-case';

/**
 * Each candidate revision gets its set of checks (the person opened from the event's sealed block);
 * every step is idempotent, so redelivery is harmless. A person intake already erased gets none. A
 * withdrawn nomination ends the checks not yet sent.
 */
export function createOpenChecksHandlers(ctx: ReferencesContext, sealer: PersonalSealer): Record<string, EventHandler> {
  // Candidates handled at once open together (a few round trips for the lot).
  const open = createReferenceSetOpener(ctx);
  const handle: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.submitted'];
    const opened = await sealer.openOrErased<'candidate.submitted'>(event);
    if (!opened.personal) return void handlerCtx.logger.info({ candidateId: event.subject }, 'person erased: no checks opened');
    const batch = await open({ ...data, person: opened.personal.person, submittedAt: event.time }, handlerCtx.logger);
    handlerCtx.logger.info({ candidateId: event.subject, revision: data.revision, batch }, 'reference checks opened');
  };
  // Intake erased the person: forget the referee answers, the check subjects and the mails about them too (crypto-shredding, idempotent).
  const forget: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.erased'];
    const sets = await eraseCandidateAnswers(ctx, data.candidateId, `candidate.erased (${data.basis})`);
    const mails = await ctx.mailbox.forget(data.candidateId);
    handlerCtx.logger.info({ candidateId: data.candidateId, sets, mails }, 'referee answers erased');
  };
  // The office withdrew the nomination: whatever was not sent yet never is (recorded, once per check).
  const withdraw: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['candidate.withdrawn'];
    const withdrawn = await withdrawChecks(data.candidateId, data.revision, ctx, handlerCtx.logger);
    handlerCtx.logger.info({ candidateId: data.candidateId, withdrawn }, 'nomination withdrawn: unsent checks ended');
  };
  // One policy, published by clearance: the newest version received plans the next sets.
  const follow: EventHandler = async (event, handlerCtx) => {
    const stored = await ctx.policies.record(event.data as unknown as PolicyPublished);
    handlerCtx.logger.info({ version: (event.data as { version?: number }).version, stored }, 'vetting policy version received');
  };
  return {
    'candidate.submitted': handle,
    'candidate.updated': handle,
    'candidate.withdrawn': withdraw,
    'candidate.erased': forget,
    'clearance.policy-published': follow,
  };
}
