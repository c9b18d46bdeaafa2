import type { Job } from 'bullmq';
import { reminderSent, type Check } from '../domain/check';
import type { ReferencesContext } from '../references-context';
import { completeSetIfDone, recordResult } from '../use-cases/record-result.use-case';
import type { TimerJob } from './queues';
import { refereeUrl, roundLink } from './referee-request';
import { refereeMail } from '../mail/referee-mail';

/**
 * Schedules the deadline (and, for referees, the reminders) of a check awaiting an answer. Timer
 * job ids are deterministic, so scheduling twice (a rerun, the sweeper) adds nothing.
 */
export async function scheduleTimers(ctx: Pick<ReferencesContext, 'producer' | 'config' | 'now'>, check: Check) {
  if (!check.deadline) return;
  const now = ctx.now();
  const deadline = new Date(check.deadline);
  await ctx.producer.schedule({ kind: 'deadline', checkId: check.checkId, round: check.round }, deadline, now);
  if (check.checkType !== 'misconduct-disclosure') return;
  // Reminders count from the request, i.e. from the link's deadline back, so rescheduling keeps the times.
  const requestedAt = deadline.getTime() - ctx.config.REFEREE_DEADLINE_MS;
  for (const [i, after] of ctx.config.REMINDER_AFTER_MS.entries()) {
    const at = new Date(requestedAt + after);
    if (at < deadline && i + 1 > check.remindersSent)
      await ctx.producer.schedule({ kind: 'reminder', checkId: check.checkId, round: check.round, n: i + 1 }, at, now);
  }
}

/**
 * Reminders and deadlines. After the deadline an unanswered check is recorded as `no-response`,
 * an explicit result the clearance policy weighs; a late answer then finds the round closed.
 */
export function createTimerProcessor(ctx: ReferencesContext) {
  return async (job: Job<TimerJob>) => {
    const { kind, checkId, round, n = 0 } = job.data;
    const check = await ctx.checks.load(checkId);
    // A rerun after its first run stored the result but died before completing the set finishes that.
    if (check?.state === 'completed') {
      await ctx.checks.repairView(checkId);
      return { skipped: true, setCompleted: await completeSetIfDone(ctx, check.setId, check) };
    }
    if (!check || check.round !== round || check.state !== 'awaiting-answer') return { skipped: true };
    if (kind === 'deadline') {
      const outcome = await recordResult(ctx, checkId, round, 'no-response', 'deadline');
      return { outcome: outcome.outcome };
    }
    // The person was erased (the set's key is gone): nobody to remind about, and no link to send.
    const erased = (error: unknown) => {
      if ((error as { code?: string }).code === 'CRYPTO.ERASED') return undefined;
      throw error;
    };
    const issued = await roundLink(ctx, check, false).catch(erased);
    if (!issued) return { skipped: true };
    const subject = await ctx.answers.openSubject(check).catch(erased);
    if (!subject) return { skipped: true };
    const { link, token } = issued;
    // The reminder goes where the request went: the verified contact, never the address an office typed.
    if (!subject.employer?.requestTo) return { skipped: true };
    await ctx.mailer.send({
      id: `${checkId}.${round}.reminder.${n}`,
      to: subject.employer.requestTo,
      ...refereeMail({ subject }, refereeUrl(ctx, token), new Date(link.expiresAt), true),
    });
    const outcome = await ctx.checks.apply(checkId, `reminder:${checkId}:${round}:${n}`, (c) => {
      const next = reminderSent(c, round, n, ctx.now());
      return next ? { state: next } : undefined;
    });
    return { reminder: n, outcome: outcome.outcome };
  };
}
