import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { createCheckRepository } from '../data/check.repository';
import type { Check } from '../domain/check';
import { startHarness, type Harness } from '../testing/harness';
import { createRecordCheckAdapter, recordEndpoints } from './adapters/record-check.adapter';
import type { CheckAdapter } from './adapters/check-adapter';
import { createCheckProcessor, type CheckJobRun } from './check.processor';
import { createOrgRateLimiter } from './org-rate-limiter';

/**
 * A withdrawal and the worker's send race for the same check. Each test runs the worker's processor
 * on a real queued check and lands the office's withdrawal (through Kafka, as intake publishes it) at
 * the exact point of the race, so the interleaving is the same on every run.
 */
describe('a withdrawal racing the worker never lets a withdrawn person’s request leave (real Kafka, FerretDB, Redis; simulated authorities)', () => {
  let h: Harness;
  let redis: Redis;
  const logger = createLogger('withdrawal-race-test', 'silent');
  const load = (checkId: string) => h.service.ctx.checks.load(checkId);
  const withdrawnEvents = (checkId: string) =>
    h.events.filter((e) => e.type === 'reference.check-withdrawn' && (e.data as { checkId: string }).checkId === checkId);
  // The job as BullMQ hands it to the processor: first attempt of three (never delayed here: no rate limit is reached).
  const jobFor = (checkId: string): CheckJobRun => ({
    data: { checkId },
    attemptsMade: 0,
    opts: { attempts: 3 },
    moveToDelayed: async () => {
      throw new Error('not delayed in this test');
    },
  });

  /** Submits a person with no employer and returns their queued UN records check (no worker runs: it stays queued). */
  async function queuedCheck(name: string): Promise<{ id: string; checkId: string }> {
    const id = await h.submit({ names: [{ full: name }], dateOfBirth: '1990-02', nationalities: ['GH'] });
    const checkId = `${id}.1.un-records`;
    await waitFor(async () => (await load(checkId))?.state === 'requested', { timeoutMs: 60_000, message: `${checkId} queued` });
    return { id, checkId };
  }

  /** The office withdraws the nomination, and the references consumer has recorded it on the check. */
  async function withdrawNow(id: string, checkId: string) {
    await h.withdraw(id, 1);
    await waitFor(async () => !!(await load(checkId))?.withdrawal, { timeoutMs: 60_000, message: `${checkId} withdrawal recorded` });
  }

  /** Nothing reached the authority, and the check ended withdrawn with one event. */
  async function nothingSentWithdrawnOnce(checkId: string) {
    expect(h.sims.stats[`check ${checkId}`]).toBeUndefined();
    expect((await load(checkId))?.state).toBe('withdrawn');
    await waitFor(() => withdrawnEvents(checkId)[0], { timeoutMs: 30_000, message: 'reference.check-withdrawn' });
    expect(withdrawnEvents(checkId)).toHaveLength(1);
  }

  /** The job as the service queued it when it opened the check: it carries the check's revision 1 (sealed). */
  async function queuedJob(checkId: string): Promise<CheckJobRun> {
    // Queued just after the check is stored.
    const job = await waitFor(() => h.service.ctx.producer.queueOf('un-records').getJob(checkId), {
      timeoutMs: 30_000,
      message: `${checkId}'s job`,
    });
    expect(job.data.seen?.rev).toBe(1);
    return { ...jobFor(checkId), data: job.data };
  }

  function processor(overrides: {
    load?: (checkId: string) => Promise<Check | undefined>;
    openRevision?: (checkId: string, rev: number, sealed: string) => Promise<Check>;
    send?: CheckAdapter['send'];
    /** The worker's own check store, as in its process: it remembers nothing the service wrote. */
    ownStore?: boolean;
  }) {
    const real = createRecordCheckAdapter(recordEndpoints(h.config)['un-records']);
    const adapter: CheckAdapter = { send: overrides.send ? (c, o) => overrides.send!(c, o) : real.send };
    const store = overrides.ownStore ? createCheckRepository(h.service.runtime.db, { viewInBackground: true }) : h.service.ctx.checks;
    const checks = { ...store, ...(overrides.load ? { load: overrides.load } : {}) };
    const answers = { ...h.service.ctx.answers, ...(overrides.openRevision ? { openRevision: overrides.openRevision } : {}) };
    const limiter = createOrgRateLimiter(redis, { prefix: `${h.config.QUEUE_PREFIX}-race`, perSecond: 1000, burst: 1000 });
    return {
      real,
      run: createCheckProcessor({
        ctx: { ...h.service.ctx, checks, answers },
        adapters: { 'un-records': adapter, 'national-criminal-record': real, 'disciplinary-record': real, 'misconduct-disclosure': real },
        limiter,
        logger,
      }),
    };
  }

  beforeAll(async () => {
    h = await startHarness({ worker: false });
    redis = new Redis(h.config.REDIS_URL);
  });
  afterAll(async () => {
    redis?.disconnect();
    await h?.stop();
  });

  it('when the withdrawal lands after the worker read the check as queued but before it sent it, then nothing is sent and the check ends withdrawn once', async () => {
    const { id, checkId } = await queuedCheck('Abena Owusu');
    let raced = false;
    const { run } = processor({
      load: async (cid) => {
        const read = await h.service.ctx.checks.load(cid);
        if (!raced) {
          raced = true;
          await withdrawNow(id, checkId);
        }
        return read; // what the worker read: still queued
      },
    });
    await run(jobFor(checkId));
    expect(raced).toBe(true);
    await nothingSentWithdrawnOnce(checkId);
  }, 120_000);

  it('when the withdrawal lands after the job was queued with the check’s revision and the worker opened it, then its claim on that revision fails, nothing is sent and the check ends withdrawn once', async () => {
    const { id, checkId } = await queuedCheck('Yaw Mensah');
    const job = await queuedJob(checkId);
    let raced = false;
    const { run } = processor({
      openRevision: async (cid, rev, sealed) => {
        const seen = await h.service.ctx.answers.openRevision(cid, rev, sealed);
        raced = true;
        await withdrawNow(id, checkId);
        return seen; // what the job carried: still queued
      },
      ownStore: true,
    });
    await run(job);
    expect(raced).toBe(true);
    await nothingSentWithdrawnOnce(checkId);
  }, 120_000);

  it('when a worker dies after its claim, the office withdraws, and the stalled job runs again, then the rerun sends nothing and the check ends withdrawn once', async () => {
    const { id, checkId } = await queuedCheck('Akua Asante');
    const job = await queuedJob(checkId);
    let died = false;
    const first = processor({
      send: async () => {
        await withdrawNow(id, checkId);
        died = true;
        return new Promise(() => undefined); // the process died here: the call never ends
      },
      ownStore: true,
    });
    void first.run(job);
    await waitFor(() => died, { timeoutMs: 90_000, message: 'the first run to claim, then die' });
    // The rerun finds its own claim (the same attempt) stored, with the withdrawal recorded after it.
    await processor({ ownStore: true }).run(job);
    expect((await load(checkId))?.withdrawal?.from).toBe('requested');
    await nothingSentWithdrawnOnce(checkId);
  }, 120_000);

  it('when the withdrawal lands while the request is on its way and the attempt fails, then the check ends withdrawn and no further attempt is made', async () => {
    const { id, checkId } = await queuedCheck('Kofi Boateng');
    h.sims.script(checkId, ['server-error', 'server-error', 'server-error']);
    let seen: Check | undefined;
    const { real, run } = processor({
      send: async (opened, options) => {
        await withdrawNow(id, checkId);
        seen = await load(checkId);
        // The call's own timeout started before the withdrawal was waited for: a fresh one for the call.
        return real.send(opened, { ...options, signal: AbortSignal.timeout(10_000) });
      },
    });
    // No retry is asked for (a retry is a thrown error carrying its delay).
    await run(jobFor(checkId));
    // Recorded on the claimed request, not yet in effect: the request may have been on its way.
    expect(seen).toMatchObject({ state: 'requested', withdrawal: { from: 'requested' } });
    expect(h.sims.stats[`check ${checkId}`]).toBe(1);
    expect(await load(checkId)).toMatchObject({ state: 'withdrawn', withdrawal: { from: 'requested', revision: 1 } });
    await waitFor(() => withdrawnEvents(checkId)[0], { timeoutMs: 30_000, message: 'reference.check-withdrawn' });
    expect(withdrawnEvents(checkId)).toHaveLength(1);
  }, 120_000);
});
