import type { Logger } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { scheduleTimers } from './timer.processor';

/**
 * The database is the record, the queue is not: checks the database says must run get a runnable
 * job again (after Redis lost data, a producer could not reach Redis, or a job failed on stalls),
 * and checks awaiting an answer get their deadline and reminders again. Idempotent by job id.
 */
export async function sweepOnce(ctx: ReferencesContext, batch = 5000): Promise<{ requeued: number; timers: number }> {
  const requested = await ctx.checks.list({ state: 'requested' }, batch);
  for (const check of requested) await ctx.producer.requeue(check);
  const awaiting = await ctx.checks.list({ state: 'awaiting-answer' }, batch);
  for (const check of awaiting) await scheduleTimers(ctx, check);
  return { requeued: requested.length, timers: awaiting.length };
}

export function startSweeper(ctx: ReferencesContext, logger: Logger, intervalMs: number) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = sweepOnce(ctx)
      .then((r) => r.requeued + r.timers > 0 && logger.debug(r, 'sweep'))
      .catch((error: unknown) => logger.warn({ err: error }, 'sweep failed; next interval retries'))
      .finally(() => (running = undefined));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
