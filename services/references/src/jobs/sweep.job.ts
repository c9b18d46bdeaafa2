import { startPeriodicTask, type Logger } from '@vetting/platform';
import type { ReferencesContext } from '../references-context';
import { scheduleTimers } from '../worker/timer.processor';

/**
 * The database is the record, the queue is not: checks the database says must run get a runnable
 * job again (after Redis lost data, a producer could not reach Redis, or a job failed on stalls),
 * and checks awaiting an answer get their deadline and reminders again. Idempotent by job id.
 */
export async function sweepOnce(ctx: ReferencesContext, batch = 5000): Promise<{ requeued: number; timers: number }> {
  const requested = await ctx.checks.list({ state: 'requested' }, batch);
  await inChunks(requested, (check) => ctx.producer.requeue(check));
  const awaiting = await ctx.checks.list({ state: 'awaiting-answer' }, batch);
  await inChunks(awaiting, (check) => scheduleTimers(ctx, check));
  return { requeued: requested.length, timers: awaiting.length };
}

/** Redis commands of a chunk go out together (ioredis pipelines concurrent commands): not one round trip each. */
async function inChunks<T>(items: T[], fn: (item: T) => Promise<unknown>, size = 200) {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(fn));
}

export function startSweeper(ctx: ReferencesContext, logger: Logger, intervalMs: number) {
  return startPeriodicTask('sweep', intervalMs, logger, async () => {
    const r = await sweepOnce(ctx);
    if (r.requeued + r.timers > 0) logger.debug(r, 'sweep');
  });
}
