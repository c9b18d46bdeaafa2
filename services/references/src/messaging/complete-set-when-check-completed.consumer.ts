import type { EventDataByType } from '@vetting/contracts';
import type { EventHandler } from '@vetting/platform';
import { CHECK_TYPES } from '../domain/check-policy';
import type { ReferencesContext } from '../references-context';
import { completeSetIfDone } from '../use-cases/record-result.use-case';

/** A check id is `<candidateId>.<revision>.<type>[.<n>]` and its set `<candidateId>.<revision>`. */
export function setIdOfCheck(candidateId: string, checkId: string): string | undefined {
  if (!checkId.startsWith(`${candidateId}.`)) return undefined;
  const revision = checkId.slice(candidateId.length + 1).split('.')[0];
  return revision && /^\d+$/.test(revision) ? `${candidateId}.${revision}` : undefined;
}

/**
 * The guarantee behind set completion. Whoever stores a result (the worker, a callback, the deadline)
 * completes the set right after, but a process can die or lose the database between the two steps,
 * and the authority that called back may never call again; without this consumer a fault run leaves
 * sets with every check completed and no `references.completed`. The result's revision carries
 * `reference.check-completed` in its outbox, so the event is published at least once whatever
 * happens to the writer; this consumer (its own group, on the service's own topic) completes the
 * set from it. Outages are retried by the runner, and the completion is insert-once, so completing
 * a set both ways publishes it once. The event names its check's result, and the check's
 * completion is final: it is remembered (no read of that check, now or for a sibling's event), the
 * set's other checks are read until the first open one (none once each one's own event told it), and the
 * insert-once completion says whether the set was complete already (then it is remembered, and the
 * set's later events cost nothing).
 */
export function createCompleteSetHandlers(ctx: ReferencesContext): Record<string, EventHandler> {
  const handle: EventHandler = async (event, handlerCtx) => {
    const data = event.data as unknown as EventDataByType['reference.check-completed'];
    const setId = setIdOfCheck(data.candidateId, data.checkId);
    if (!setId || ctx.sets.knownComplete(setId)) return;
    const checkType = CHECK_TYPES.find((t) => t === data.checkType);
    if (checkType)
      ctx.checks.learnCompleted({
        checkId: data.checkId,
        checkType,
        state: 'completed',
        result: data.result,
        ...(data.findings?.length ? { findings: data.findings } : {}),
      });
    if (await completeSetIfDone(ctx, setId))
      handlerCtx.logger.info(
        { candidateId: data.candidateId, setId, checkId: data.checkId },
        'reference set completed from its last check-completed event',
      );
  };
  return { 'reference.check-completed': handle };
}
