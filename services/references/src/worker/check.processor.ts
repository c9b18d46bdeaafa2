import { DelayedError, UnrecoverableError, type Job } from 'bullmq';
import { createEvent, describeError, isErased, type Logger } from '@vetting/platform';
import { accepted, attemptFailed, failed, type Check, type OpenedCheck } from '../domain/check';
import type { CheckType } from '../domain/check-policy';
import { maySend, sendClaimed } from '../domain/send-claim';
import { endedUnsent } from '../domain/withdrawal';
import type { ReferencesContext } from '../references-context';
import { completeSetIfDone, recordResult } from '../use-cases/record-result.use-case';
import { PermanentCheckError, RateLimitedError, type CheckAdapter } from './adapters/check-adapter';
import type { OrgRateLimiter } from './org-rate-limiter';
import { checkRetryDelayMs, type CheckJob } from './queues';
import { issueRefereeLink } from './referee-request';
import { callbackUrl } from '../use-cases/receive-callback.use-case';
import { scheduleTimers } from './timer.processor';
import { withdrawalOnItsWayTakesEffect } from '../use-cases/withdraw-checks.use-case';

/** What the processor reads of a BullMQ job (a whole `Job` satisfies it). */
export type CheckJobRun = Pick<Job<CheckJob>, 'data' | 'attemptsMade' | 'opts' | 'moveToDelayed'>;

export interface CheckProcessorDeps {
  ctx: ReferencesContext;
  adapters: Record<CheckType, CheckAdapter>;
  limiter: OrgRateLimiter;
  logger: Logger;
}

async function recordFailure(deps: CheckProcessorDeps, check: Check, error: string, attempts: number) {
  const { ctx } = deps;
  const outcome = await ctx.checks.apply(check.checkId, `failed:${check.checkId}:${check.round}`, (c) => {
    const next = failed(c, check.round, error, attempts, ctx.now());
    if (!next) return undefined;
    const event = createEvent('references', {
      type: 'reference.check-failed',
      subject: next.candidateId,
      tenant: next.country,
      data: {
        candidateId: next.candidateId,
        country: next.country,
        checkId: next.checkId,
        checkType: next.checkType,
        error: next.lastError ?? error,
      },
    });
    return { state: next, events: [event] };
  });
  if (outcome.outcome === 'applied') ctx.onEvents();
}

/**
 * An attempt failed and the queue will try again: the check records the attempt, the reason and when
 * the next attempt runs, and the error carries that delay to the worker's backoff strategy.
 */
async function recordRetry(deps: CheckProcessorDeps, check: Check, error: unknown, message: string, attempts: number): Promise<never> {
  const { ctx } = deps;
  const delay = checkRetryDelayMs(attempts, ctx.config.CHECK_BACKOFF_MS);
  const next = new Date(ctx.now().getTime() + delay);
  await ctx.checks.apply(check.checkId, `attempt:${check.checkId}:${check.round}:${attempts}`, (c) => {
    const state = attemptFailed(c, check.round, message, attempts, next, ctx.now());
    return state ? { state } : undefined;
  });
  deps.logger.info({ checkId: check.checkId, attempts, nextAttemptAt: next.toISOString(), err: message }, 'check attempt failed; retrying');
  throw Object.assign(error instanceof Error ? error : new Error(message), { retryDelayMs: delay });
}

/** The subject, opened for this run only; a check whose person was erased fails for good (nobody left to ask about). */
async function openSubject(deps: CheckProcessorDeps, check: Check, attempts: number): Promise<OpenedCheck> {
  try {
    return { ...check, subject: await deps.ctx.answers.openSubject(check) };
  } catch (error) {
    if ((error as { code?: string }).code !== 'CRYPTO.ERASED') throw error;
    await recordFailure(deps, check, 'the person was erased', attempts);
    throw new UnrecoverableError('the person was erased');
  }
}

/**
 * Claims the request just before it leaves (domain/send-claim.ts): `send`, or the exact state when it
 * must not go (the office withdrew the nomination first, and the check then ends withdrawn; or the
 * check moved on). The claim is decided on the state the caller holds and its insert is the
 * compare-and-set on that revision, so a newer one (a withdrawal's) is decided on instead.
 */
async function claimed(deps: CheckProcessorDeps, check: Check, attempt: number): Promise<'send' | { current: Check | undefined }> {
  const { ctx } = deps;
  const outcome = await ctx.checks.apply(check.checkId, `send:${check.checkId}:${check.round}:${attempt}`, (c) => {
    const next = sendClaimed(c, check.round, attempt, ctx.now());
    return next ? { state: next } : undefined;
  });
  // Only an applied claim is the newest state; a duplicate's revision is an earlier run's claim, which a withdrawal may have followed.
  const current = outcome.outcome === 'applied' ? outcome.revision.state : await ctx.checks.load(check.checkId);
  if (maySend(current, check.round)) return 'send';
  if (current?.withdrawal) await withdrawalOnItsWayTakesEffect(ctx, check.checkId, check.round, deps.logger);
  return { current };
}

/**
 * The check as its job saw it (the revision its producer stored, opened and remembered: the claim
 * decides on it with no read), or undefined when the job carries none or its set's key is gone.
 */
async function seenByJob(deps: CheckProcessorDeps, job: CheckJobRun): Promise<Check | undefined> {
  const { seen, checkId } = job.data;
  if (!seen) return undefined;
  try {
    const check = await deps.ctx.answers.openRevision(checkId, seen.rev, seen.sealed);
    deps.ctx.checks.remember(checkId, seen.rev, check);
    return check;
  } catch (error) {
    if (!isErased(error)) throw error;
    return undefined; // erased: the stored check says what is left (it fails for good)
  }
}

/**
 * Runs one check. At least once (a stalled job runs again), so every effect is idempotent: the
 * database state decides what is left to do, results apply once per round, links and mails are
 * insert-once. The database, not the queue, is the record.
 */
export function createCheckProcessor(deps: CheckProcessorDeps) {
  const { ctx } = deps;
  return async (job: CheckJobRun, token?: string) => {
    // The state the job carries, else the exact state (one read, remembered: the write below needs no other).
    const seen = await seenByJob(deps, job);
    return run(job, token, seen ?? (await ctx.checks.load(job.data.checkId)), seen !== undefined);
  };

  /** `fromJob`: the state is the job's and may be behind; a refused claim goes on from the stored state. */
  async function run(job: CheckJobRun, token: string | undefined, check: Check | undefined, fromJob: boolean): Promise<void> {
    deps.logger.debug({ checkId: job.data.checkId, state: check?.state, attemptsMade: job.attemptsMade, fromJob }, 'check job');
    if (!check) throw new UnrecoverableError(`unknown check ${job.data.checkId}`);
    // A job finding its check past `requested` is a rerun (stall, sweeper): its first run may have died
    // before projecting its view or completing the set (which reads the views).
    if (check.state !== 'requested') await ctx.checks.repairView(check.checkId);
    if (check.state === 'completed') return void (await completeSetIfDone(ctx, check.setId, check));
    if (check.state === 'failed') return; // an operator retry re-queues it
    // Held until a screening officer confirms where the request goes, or ended unsent (superseded by a correction, withdrawn with the nomination): never sent from here.
    if (check.state === 'awaiting-contact' || endedUnsent(check.state)) return;
    if (check.state === 'awaiting-answer') return void (await scheduleTimers(ctx, check));
    const wait = await deps.limiter.take(check.organisation);
    if (wait > 0) {
      // Over the organisation's rate: wait without spending an attempt.
      await job.moveToDelayed(Date.now() + wait, token);
      throw new DelayedError();
    }
    const opened = await openSubject(deps, check, job.attemptsMade + 1);
    const claim = await claimed(deps, check, job.attemptsMade + 1);
    if (claim !== 'send') {
      // The job's state was behind (a rerun, an operator's retry): what the stored state asks for. A
      // withdrawal was handled above. A request leaves only on a claim stored as the newest revision.
      if (fromJob && claim.current && !claim.current.withdrawal) return run(job, token, claim.current, false);
      return;
    }
    // Sent with the subject of the job's state: a `requested` check's subject and organisation stay
    // as they are within a round (only a held request's confirmation sets them), and `maySend`
    // checked the round.
    // No job progress or result is written to Redis: the check's record in the database says where it
    // stands (and a result is personal data, kept out of the queue); each write would be a Lua script
    // call per check, a measurable share of the worker's CPU (docs/decisions/pipeline-cpu-bound.md).
    try {
      const link = check.checkType === 'misconduct-disclosure' ? await issueRefereeLink(ctx, opened) : undefined;
      const answer = await deps.adapters[check.checkType].send(opened, {
        callbackUrl: callbackUrl(ctx, check.checkId),
        ...(link ? { replyUrl: link.url } : {}),
        signal: AbortSignal.timeout(ctx.config.CHECK_TIMEOUT_MS),
      });
      if (answer.kind === 'result') {
        await recordResult(ctx, check.checkId, check.round, answer.result, 'response');
        return;
      }
      // A referee has until the link expires; an authority until the answer deadline.
      const deadline = link?.expiresAt ?? new Date(ctx.now().getTime() + ctx.config.ANSWER_DEADLINE_MS);
      const outcome = await ctx.checks.apply(check.checkId, `accepted:${check.checkId}:${check.round}`, (c) => {
        const next = accepted(c, check.round, answer.externalRef, deadline, ctx.now());
        return next ? { state: next } : undefined;
      });
      const current = outcome.revision?.state ?? (await ctx.checks.load(check.checkId));
      if (current?.state === 'awaiting-answer') await scheduleTimers(ctx, current);
      return;
    } catch (error) {
      if (error instanceof RateLimitedError) {
        await deps.limiter.pause(check.organisation, error.retryAfterMs);
        await job.moveToDelayed(Date.now() + error.retryAfterMs, token);
        throw new DelayedError();
      }
      // Not delivered, and the office withdrew meanwhile: the check ends withdrawn, no further attempt.
      if (await withdrawalOnItsWayTakesEffect(ctx, check.checkId, check.round, deps.logger)) return;
      const message = describeError(error);
      const permanent = error instanceof PermanentCheckError;
      const attempts = job.attemptsMade + 1;
      if (!permanent && attempts < (job.opts.attempts ?? 1)) return recordRetry(deps, check, error, message, attempts);
      await recordFailure(deps, check, message, attempts);
      deps.logger.warn({ checkId: check.checkId, attempts, err: message }, 'check failed; an operator can retry it');
      if (permanent) throw new UnrecoverableError(message);
      throw error;
    }
  }
}
