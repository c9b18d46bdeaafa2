import { Queue, type JobsOptions } from 'bullmq';
import { Redis } from 'ioredis';
import { unavailable } from '@vetting/platform';
import type { Check } from '../domain/check';
import type { CheckType } from '../domain/check-policy';
import { CHECK_TYPES } from '../domain/check-policy';

/** One queue per check type: a slow national registry never holds up UN look-ups. */
export const checkQueueName = (type: CheckType) => `references-${type}`;
/** Delayed jobs: referee reminders and answer deadlines. */
export const TIMER_QUEUE = 'references-timers';

export interface QueueSettings {
  REDIS_URL: string;
  QUEUE_PREFIX: string;
  CHECK_ATTEMPTS: number;
  CHECK_BACKOFF_MS: number;
}

export interface CheckJob {
  checkId: string;
  /**
   * The revision its producer stored when it queued the job, sealed under the set's data key
   * (answers.sealRevisions): the worker decides on it with no read, its claim's insert being the
   * compare-and-set on `rev`. Absent from jobs queued without it (the sweeper, an operator's retry).
   */
  seen?: { rev: number; sealed: string };
}
/** A check to queue, with the revision its job carries when the producer has it. */
export type CheckToQueue = Pick<Check, 'checkId' | 'checkType'> & { seen?: CheckJob['seen'] };
export interface TimerJob {
  kind: 'reminder' | 'deadline';
  checkId: string;
  round: number;
  n?: number;
}

/** The backoff of check jobs: the processor chooses each delay and records it on the check (`nextAttemptAt`). */
export const CHECK_BACKOFF = 'check-retry';

/** Exponential backoff with jitter, as BullMQ's own: the n-th retry waits between ½ and 1 × base × 2^(n-1). */
export function checkRetryDelayMs(attemptsMade: number, baseMs: number, random: () => number = Math.random): number {
  const max = Math.round(2 ** Math.max(0, attemptsMade - 1) * baseMs);
  return Math.floor(max / 2 + random() * (max / 2));
}

/**
 * The worker's backoff strategy: the delay the processor chose and recorded (carried on the error), so
 * the check's `nextAttemptAt` is when the queue really runs it; the plain formula otherwise.
 */
export function checkBackoffStrategy(baseMs: number) {
  return (attemptsMade: number, _type?: string, error?: Error): number => {
    const chosen = (error as { retryDelayMs?: unknown } | undefined)?.retryDelayMs;
    return typeof chosen === 'number' && chosen >= 0 ? chosen : checkRetryDelayMs(attemptsMade, baseMs);
  };
}

/** Jobs kept a while after completion (the database is the record). */
export const checkJobOptions = (s: QueueSettings, checkId: string): JobsOptions => ({
  jobId: checkId,
  attempts: s.CHECK_ATTEMPTS,
  backoff: { type: CHECK_BACKOFF, delay: s.CHECK_BACKOFF_MS },
  removeOnComplete: { age: 24 * 3600, count: 100_000 },
  removeOnFail: { age: 90 * 24 * 3600 },
});

const redisDown = (error: unknown) => unavailable('REFERENCES.QUEUE_UNAVAILABLE', 'The job queue is unavailable; try again shortly', error);

/**
 * Producer side (HTTP handlers, the Kafka consumer): fails fast when Redis is down
 * (`enableOfflineQueue: false`), so callers answer 503 instead of hanging.
 */
export async function createCheckProducer(s: QueueSettings) {
  const connection = new Redis(s.REDIS_URL, { enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  connection.on('error', () => undefined); // reported through failed commands; ioredis reconnects
  // Commands before the first connect would fail at once; give it a moment, then start anyway (503s until Redis is back).
  await new Promise((resolve) => {
    const timer = setTimeout(resolve, 5000);
    connection.once('ready', () => (clearTimeout(timer), resolve(undefined)));
  });
  const queues = new Map(CHECK_TYPES.map((t) => [t, new Queue<CheckJob>(checkQueueName(t), { connection, prefix: s.QUEUE_PREFIX })]));
  const timers = new Queue<TimerJob>(TIMER_QUEUE, { connection, prefix: s.QUEUE_PREFIX });
  // Outages surface as failed commands (503); the queues' own error events would only repeat them.
  for (const queue of [...queues.values(), timers]) queue.on('error', () => undefined);
  const queueOf = (type: CheckType) => queues.get(type)!;
  const guard = async <T>(fn: () => Promise<T>): Promise<T> => {
    try {
      return await fn();
    } catch (error) {
      throw redisDown(error);
    }
  };
  return {
    queueOf,
    timers,
    /** Idempotent: the job id is the check id, so an existing job is left as it is. */
    enqueue: (check: Pick<Check, 'checkId' | 'checkType'>) =>
      guard(() => queueOf(check.checkType).add('check', { checkId: check.checkId }, checkJobOptions(s, check.checkId))),
    /** Many checks at once: one round trip per check type (`addBulk`), idempotent by job id. */
    async enqueueMany(checks: CheckToQueue[]) {
      const byType = new Map<CheckType, CheckToQueue[]>();
      for (const c of checks) byType.set(c.checkType, [...(byType.get(c.checkType) ?? []), c]);
      const data = (c: CheckToQueue): CheckJob => ({ checkId: c.checkId, ...(c.seen ? { seen: c.seen } : {}) });
      await guard(() =>
        Promise.all(
          [...byType].map(([type, list]) =>
            queueOf(type).addBulk(list.map((c) => ({ name: 'check', data: data(c), opts: checkJobOptions(s, c.checkId) }))),
          ),
        ),
      );
    },
    /** Makes sure a check that must run has a runnable job: a failed job is retried, a finished one replaced. */
    async requeue(check: Pick<Check, 'checkId' | 'checkType'>) {
      await guard(async () => {
        const queue = queueOf(check.checkType);
        const job = await queue.getJob(check.checkId);
        const state = job ? await job.getState() : 'missing';
        if (job && state === 'failed') return job.retry('failed', { resetAttemptsMade: true, resetAttemptsStarted: true });
        if (job && state === 'completed') await job.remove();
        if (!job || state === 'completed' || state === 'unknown')
          await queue.add('check', { checkId: check.checkId }, checkJobOptions(s, check.checkId));
      });
    },
    schedule: (timer: TimerJob, at: Date, now: Date) =>
      guard(() =>
        timers.add(timer.kind, timer, {
          jobId: `${timer.kind}.${timer.checkId}.${timer.round}${timer.n ? `.${timer.n}` : ''}`,
          delay: Math.max(0, at.getTime() - now.getTime()),
          attempts: 20,
          backoff: { type: 'exponential', delay: 1000, jitter: 0.5 },
          removeOnComplete: { age: 24 * 3600 },
          removeOnFail: { age: 90 * 24 * 3600 },
        }),
      ),
    ping: () => guard(() => connection.ping()),
    /** True the first time `key` is claimed within `ttlMs` (shared by every process through Redis). */
    claimOnce: (key: string, ttlMs: number) =>
      guard(async () => (await connection.set(`${s.QUEUE_PREFIX}:once:${key}`, '1', 'PX', ttlMs, 'NX')) === 'OK'),
    /** Gives a claim back (its work failed: the same request may come again). */
    release: (key: string) => guard(async () => void (await connection.del(`${s.QUEUE_PREFIX}:once:${key}`))),
    async close() {
      await Promise.all([...queues.values(), timers].map((q) => q.close().catch(() => undefined)));
      connection.disconnect();
    },
  };
}

export type CheckProducer = Awaited<ReturnType<typeof createCheckProducer>>;
