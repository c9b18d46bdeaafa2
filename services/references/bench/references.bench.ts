/**
 * `npm run bench:references`: 10,000 checks through BullMQ on a private Redis, against the
 * simulators with latency and faults, while one worker process is SIGKILLed mid-run and Redis is
 * restarted once. Counts effects in the database: every check must have exactly one result.
 * Writes bench/results/references.json and .md.
 */
import type { ChildProcess } from 'node:child_process';
import { cpus } from 'node:os';
import { openReferenceSet } from '../src/use-cases/open-reference-set.use-case';
import { retryCheck } from '../src/use-cases/retry-check.use-case';
import { startHarness } from '../src/references.test-harness';
import { spawnWorker } from '../src/worker/spawn-worker';
import { startPrivateRedis } from './private-redis';
import { writeReport, type BenchReport } from './report';

const CHECKS = Number(process.env.BENCH_CHECKS ?? 10_000);
const PER_CANDIDATE = 3; // military contingent, no prior employer: national, disciplinary, UN
const CANDIDATES = Math.ceil(CHECKS / PER_CANDIDATE);
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 30 * 60_000);
const sims = { seed: 42, latency: { minMs: 100, maxMs: 500 }, callbackLatency: { minMs: 200, maxMs: 2000 }, asyncRate: 0.2, hangMs: 35_000, retryAfterSeconds: 1, failureRates: { serverError: 0.05, rateLimited: 0.002, timeout: 0.01, malformed: 0.01 } };
const settings = { CHECK_ATTEMPTS: '12', CHECK_BACKOFF_MS: '200', CHECK_TIMEOUT_MS: '30000', LOCK_DURATION_MS: '30000', STALLED_INTERVAL_MS: '15000', SWEEP_INTERVAL_MS: '30000', ORG_RATE_PER_SECOND: '2000', ORG_RATE_BURST: '200', WORKER_CONCURRENCY: '40', LOG_LEVEL: 'warn' };
const log = (msg: string) => process.stderr.write(`[bench references] ${msg}\n`);

const redis = await startPrivateRedis();
const h = await startHarness({ worker: false, sims, env: { ...settings, REDIS_URL: redis.url } });
const { checks, sets } = h.service.ctx;
const workers: ChildProcess[] = [spawnWorker(h.workerEnv), spawnWorker(h.workerEnv)];
const events: { at: number; what: string }[] = [];

async function resultsByCheck(): Promise<Map<string, number>> {
  const docs = await checks.revisions.find({ causedBy: { $regex: '^result:' } }, { projection: { aggregateId: 1 } }).toArray();
  const counts = new Map<string, number>();
  for (const d of docs) counts.set(String(d.aggregateId), (counts.get(String(d.aggregateId)) ?? 0) + 1);
  return counts;
}

const t0 = Date.now();
let next = 0;
await Promise.all(
  Array.from({ length: 16 }, async () => {
    for (let i = next++; i < CANDIDATES; i = next++) {
      const candidateId = `b${i.toString(36)}`;
      await openReferenceSet(
        { candidateId, country: 'GH', revision: 1, nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' }, person: { names: [{ full: `Bench Person ${i}` }] }, consent: { given: true, formVersion: 'v1', recordedAt: new Date().toISOString() } },
        h.service.ctx,
      );
    }
  }),
);
const opened = Date.now();
const total = CANDIDATES * PER_CANDIDATE;
log(`opened ${total} checks in ${((opened - t0) / 1000).toFixed(1)} s`);

let done = 0;
let failedNow = 0;
let retriedByOperator = 0;
let killed = false;
let restarted = false;
let lastProgress = Date.now();
while (done < total && Date.now() - t0 < TIMEOUT_MS && Date.now() - lastProgress < 5 * 60_000) {
  await new Promise((r) => setTimeout(r, 5000));
  const now = (await resultsByCheck()).size;
  if (now > done) lastProgress = Date.now();
  done = now;
  failedNow = await checks.view.countDocuments({ state: 'failed' });
  log(`${done}/${total} results, ${failedNow} failed, after ${((Date.now() - t0) / 1000).toFixed(0)} s`);
  if (restarted && done + failedNow >= total && failedNow > 0) {
    // Every check has a result or needs an operator: act as the operator (POST /checks/{id}/retry).
    for (const failed of await checks.list({ state: 'failed' }, 10_000)) {
      try {
        await retryCheck(h.service.ctx, failed.checkId);
        retriedByOperator++;
      } catch (error) {
        log(`retry of ${failed.checkId}: ${(error as Error).message}`); // e.g. already retried (the view lags)
      }
    }
    events.push({ at: Date.now() - t0, what: `operator retried ${retriedByOperator} failed checks so far` });
    log(events.at(-1)!.what);
  }
  if (!killed && done >= total * 0.3) {
    killed = true;
    workers[0]!.kill('SIGKILL');
    workers.push(spawnWorker(h.workerEnv));
    events.push({ at: Date.now() - t0, what: `worker process SIGKILLed at ${done} results; a new one started` });
    log(events.at(-1)!.what);
  }
  if (killed && !restarted && done >= total * 0.6) {
    restarted = true;
    const before = Date.now();
    await redis.restart();
    events.push({ at: before - t0, what: `Redis restarted at ${done} results (down ${Date.now() - before} ms)` });
    log(events.at(-1)!.what);
  }
}
const drained = Date.now();
const counts = await resultsByCheck();
const duplicated = [...counts.values()].filter((n) => n > 1).length;
const failed = await checks.view.countDocuments({ state: 'failed' });
const completions = await sets.collections[1]!.countDocuments({});
const stats = { ...h.sims.stats };
for (const key of Object.keys(stats)) if (key.startsWith('check ')) delete stats[key];

const report: BenchReport = {
  name: 'references',
  date: new Date().toISOString(),
  machine: { cpus: cpus().length, note: 'shared with other engineers; FerretDB (PostgreSQL backend), Kafka and the workers on the same 2 cores' },
  setup: { checks: total, candidates: CANDIDATES, workerProcesses: 2, concurrencyPerQueue: Number(settings.WORKER_CONCURRENCY), simulators: sims, settings },
  faults: events,
  results: {
    openSeconds: (opened - t0) / 1000,
    drainSeconds: (drained - t0) / 1000,
    throughputPerSecond: Math.round((counts.size / ((drained - t0) / 1000)) * 10) / 10,
    checksWithResult: counts.size,
    lost: total - counts.size,
    duplicatedResults: duplicated,
    failedChecks: failed,
    retriedByOperator,
    setsCompleted: completions,
    setsExpected: CANDIDATES,
    simulatorOutcomes: stats,
  },
};
await writeReport(report);
log(`done: ${JSON.stringify(report.results)}`);
for (const w of workers) w.kill('SIGTERM');
await h.stop();
await redis.stop();
process.exit(report.results.lost === 0 && duplicated === 0 ? 0 : 1);
