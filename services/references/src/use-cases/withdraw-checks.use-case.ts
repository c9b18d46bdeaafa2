import { createEvent, type Logger } from '@vetting/platform';
import { checkEventData, type Check } from '../domain/check';
import { checkWithdrawn, withdrawalTakesEffect } from '../domain/withdrawal';
import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'checks' | 'sets' | 'now' | 'onEvents'>;

/** `reference.check-withdrawn`: which check ended unsent with the nomination, and from which state (no employer, no reason: events carry no details). */
function withdrawnEvent(c: Check, candidateRevision: number, withdrawnRevision?: number) {
  return createEvent('references', {
    type: 'reference.check-withdrawn',
    subject: c.candidateId,
    tenant: c.country,
    data: {
      ...checkEventData(c),
      candidateRevision,
      ...(withdrawnRevision !== undefined ? { withdrawnRevision } : {}),
      previousState: c.withdrawal!.from as 'awaiting-contact' | 'requested' | 'failed',
    },
  });
}

/**
 * The office withdrew the nomination: every check of the candidate (every revision) not yet sent —
 * held for a screening officer, planned or queued for the worker, or failed and waiting for a retry —
 * ends as `withdrawn`, a recorded transition with `reference.check-withdrawn` in its outbox. The
 * worker then never sends it and a screening officer cannot confirm it (409). Checks already sent or
 * answered are left as they are. The cause `withdraw:<checkId>` applies it once however often the
 * event is redelivered, and each transition reads the check's exact state (not the view), so a check
 * opened just before is not missed and a confirmation that won the race stands.
 */
export async function withdrawChecks(
  candidateId: string,
  withdrawnRevision: number | undefined,
  ctx: Ctx,
  logger?: Logger,
): Promise<number> {
  const at = ctx.now();
  // Remembered first: a nomination replayed after the withdrawal opens checks that end withdrawn at once (open-reference-set.use-case.ts).
  await ctx.sets.recordWithdrawal(candidateId, at.toISOString(), withdrawnRevision);
  const sets = await ctx.sets.allFor(candidateId);
  let count = 0;
  for (const set of sets) {
    for (const { checkId } of set.checks) {
      const outcome = await ctx.checks.apply(checkId, `withdraw:${checkId}`, (c) => {
        const next = checkWithdrawn(c, at, withdrawnRevision);
        if (!next) return undefined;
        return next.state === 'withdrawn'
          ? { state: next, events: [withdrawnEvent(next, set.candidateRevision, withdrawnRevision)] }
          : { state: next };
      });
      if (outcome.outcome !== 'applied') continue;
      if (outcome.revision.state.state !== 'withdrawn') {
        logger?.info(
          { candidateId, checkId },
          'withdrawal recorded on a request on its way: it ends the check unless the request is delivered',
        );
        continue;
      }
      count++;
      logger?.info(
        { candidateId, checkId, from: outcome.revision.state.withdrawal?.from },
        'check withdrawn with the nomination: never sent',
      );
    }
  }
  if (count) ctx.onEvents();
  return count;
}

/**
 * The worker's attempt on a request that was on its way when the office withdrew ended without
 * delivering it (or found the withdrawal before sending): the check ends `withdrawn` now, with its
 * event, once. Returns whether the check is withdrawn (so the worker makes no further attempt).
 */
export async function withdrawalOnItsWayTakesEffect(ctx: Ctx, checkId: string, round: number, logger?: Logger): Promise<boolean> {
  const outcome = await ctx.checks.apply(checkId, `withdrawn-unsent:${checkId}:${round}`, (c) => {
    const next = c?.round === round ? withdrawalTakesEffect(c, ctx.now()) : undefined;
    return next ? { state: next, events: [withdrawnEvent(next, next.candidateRevision ?? 1, next.withdrawal!.revision)] } : undefined;
  });
  if (outcome.outcome === 'applied') {
    ctx.onEvents();
    logger?.info({ checkId }, 'check withdrawn with the nomination: its attempt did not deliver it, and none follows');
  }
  const current = outcome.revision?.state ?? (await ctx.checks.load(checkId));
  return current?.state === 'withdrawn';
}
