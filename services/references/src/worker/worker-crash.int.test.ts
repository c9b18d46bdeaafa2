import type { ChildProcess } from 'node:child_process';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { referencesConfigSchema } from '../config';
import { startHarness, type Harness } from '../testing/harness';
import { spawnWorker } from './spawn-worker';
import { startReferencesWorker } from './start-worker';

describe('worker crash and queue outage (real Kafka, FerretDB, Redis)', () => {
  let h: Harness;
  let child: ChildProcess | undefined;
  let replacement: Awaited<ReturnType<typeof startReferencesWorker>> | undefined;

  beforeAll(async () => {
    h = await startHarness({
      worker: false,
      sims: { slowMs: 3000 },
      env: { LOCK_DURATION_MS: '2000', STALLED_INTERVAL_MS: '1000', CHECK_TIMEOUT_MS: '10000' },
    });
  });
  afterAll(async () => {
    child?.kill('SIGKILL');
    await replacement?.stop();
    await h?.stop();
  });

  it('when a worker is killed with SIGKILL during a check, then the stalled job is recovered and its result applied once', async () => {
    child = spawnWorker(h.workerEnv);
    const id = await h.submit({ names: [{ full: 'SLOW Kojo Antwi' }] }, 'civilian');
    const checkId = `${id}.1.un-records`;
    await waitFor(() => (h.sims.stats[`check ${checkId}`] ?? 0) >= 1, { timeoutMs: 90_000, message: 'the worker to call the simulator' });
    child.kill('SIGKILL');
    await new Promise((resolve) => child!.once('exit', resolve));
    expect((await h.service.ctx.checks.load(checkId))?.state).toBe('requested');
    replacement = await startReferencesWorker(loadConfig(referencesConfigSchema, h.workerEnv));
    await waitFor(async () => (await h.service.ctx.checks.load(checkId))?.state === 'completed', {
      timeoutMs: 90_000,
      message: 'the recovered check',
    });
    expect(h.sims.stats[`check ${checkId}`]).toBe(2);
    expect(await h.service.ctx.checks.countRevisions({ causedBy: `result:${checkId}:1` })).toBe(1);
    // Both events, in either order: they leave through different outbox documents and may be read in any order.
    const completed = () =>
      h.events.filter((e) => e.type === 'reference.check-completed' && (e.data as { checkId: string }).checkId === checkId);
    await waitFor(() => h.events.some((e) => e.type === 'references.completed' && e.subject === id) && completed().length > 0, {
      timeoutMs: 20_000,
    });
    expect(completed()).toHaveLength(1);
  }, 240_000);
});

describe('queue outage at the producer', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await startHarness({ worker: false, env: { REDIS_URL: 'redis://127.0.0.1:1' } });
  });
  afterAll(async () => h?.stop());

  it('when Redis is down, then an operator retry fails fast with 503 problem+json and readiness says why', async () => {
    const res = await request(h.service.app)
      .post('/checks/c-x.1.un-records/retry')
      .set('authorization', await h.token(['admin']));
    expect(res.status).toBe(503);
    expect(res.type).toBe('application/problem+json');
    expect(res.body.code).toBe('REFERENCES.QUEUE_UNAVAILABLE');
    const ready = await request(h.service.app).get('/readyz');
    expect(ready.status).toBe(503);
    expect(ready.body.checks.redis).toBeDefined();
  });
});
