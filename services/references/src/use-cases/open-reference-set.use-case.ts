import type { EventDataByType } from '@vetting/contracts';
import { createEvent, type EventEnvelope, type Logger } from '@vetting/platform';
import { planChecks } from '../domain/check-plan';
import { newCheck } from '../domain/check';
import type { ReferencesContext } from '../references-context';

type Ctx = Pick<ReferencesContext, 'checks' | 'sets' | 'policy' | 'producer' | 'now' | 'onEvents'>;

/**
 * Opens the checks a candidate revision needs, in three idempotent steps, each safe to repeat after
 * a crash or a redelivered event: the set (insert-once), each check (`open:<checkId>` applies once,
 * emitting `reference.check-requested`), each job (job id = check id). A set with no checks is
 * complete at once and says so ("not required" is a recorded result, not an absence). If Redis is
 * down the checks stay `requested` in the database and the worker's sweeper enqueues them later.
 */
export async function openReferenceSet(data: EventDataByType['candidate.submitted'], ctx: Ctx, logger?: Logger) {
  const now = ctx.now();
  const setId = `${data.candidateId}.${data.revision}`;
  const nominee = { candidateId: data.candidateId, country: data.country, revision: data.revision, category: data.nomination.category, person: data.person };
  const planned = planChecks(ctx.policy, nominee, now);
  const common = { subject: data.candidateId, tenant: data.country };
  const completedAtOnce: EventEnvelope[] = planned.length
    ? []
    : [
        createEvent('references', {
          ...common,
          type: 'references.completed',
          data: { candidateId: data.candidateId, country: data.country, candidateRevision: data.revision, checks: [] },
        }),
      ];
  const stored = await ctx.sets.insertOnce(
    {
      id: setId,
      candidateId: data.candidateId,
      country: data.country,
      candidateRevision: data.revision,
      category: data.nomination.category,
      policyVersion: ctx.policy.version,
      checks: planned.map((p) => ({ checkId: p.checkId, checkType: p.checkType })),
      createdAt: now.toISOString(),
    },
    completedAtOnce,
  );
  if (!planned.length) {
    if (stored) await ctx.sets.complete(setId, now.toISOString(), []);
    if (stored) ctx.onEvents();
    return { setId, stored, checks: 0 };
  }
  for (const p of planned) {
    const outcome = await ctx.checks.apply(p.checkId, `open:${p.checkId}`, (current) => {
      if (current) return undefined;
      const check = newCheck(p, { setId, candidateId: data.candidateId, country: data.country, category: data.nomination.category }, now);
      const requested = createEvent('references', {
        ...common,
        type: 'reference.check-requested',
        data: { candidateId: data.candidateId, country: data.country, checkId: p.checkId, checkType: p.checkType },
      });
      return { state: check, events: [requested] };
    });
    if (outcome.outcome === 'applied') ctx.onEvents();
  }
  for (const p of planned) {
    try {
      await ctx.producer.enqueue(p);
    } catch (error) {
      logger?.warn({ err: error, checkId: p.checkId }, 'check not enqueued now; the sweeper will enqueue it');
    }
  }
  return { setId, stored, checks: planned.length };
}
