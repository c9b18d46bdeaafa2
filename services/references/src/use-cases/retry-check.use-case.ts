import { conflict, notFound } from '@vetting/platform';
import { retried } from '../domain/check';
import type { ReferencesContext } from '../references-context';

/**
 * An operator's retry of a failed check: a new round (fresh attempts, and for a disclosure request
 * a new link: the old one stops working). Redis is pinged first so an outage is a 503 with nothing
 * changed; should the enqueue still fail afterwards, the check is `requested` in the database and
 * the sweeper enqueues it.
 */
export async function retryCheck(ctx: ReferencesContext, checkId: string) {
  await ctx.producer.ping();
  const check = await ctx.checks.load(checkId);
  if (!check) throw notFound('CHECK.NOT_FOUND', `No check ${checkId}`);
  if (check.state !== 'failed')
    throw conflict('CHECK.NOT_FAILED', `Only a failed check can be retried; this one is ${check.state}`, { state: check.state });
  const outcome = await ctx.checks.apply(checkId, `retry:${checkId}:${check.round + 1}`, (c) => {
    const next = retried(c, ctx.now());
    return next ? { state: next } : undefined;
  });
  const current = outcome.revision?.state ?? (await ctx.checks.load(checkId))!;
  await ctx.producer.requeue(current);
  return current;
}
