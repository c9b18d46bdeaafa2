/**
 * `npm run bench:references`: 10,000 checks through BullMQ on a private Redis, against the
 * simulators with latency and faults, while one worker process is SIGKILLed mid-run and Redis is
 * restarted once. Counts effects in the database: every check must have exactly one result.
 * Writes bench/results/references.json and .md.
 */
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { openReferenceSets, type Submitted } from '../src/use-cases/open-reference-set.use-case';
import { retryCheck } from '../src/use-cases/retry-check.use-case';
import { CALLBACK_SECRETS, callbackSecretsSetting, startHarness } from '../src/testing/harness';
import { spawnWorker } from '../src/worker/spawn-worker';
import { countResults, progress } from './bench-counts';
import { startPrivateRedis } from './private-redis';
import { startSimulatorProcess } from './sims-process';
import { writeReport, type BenchReport } from './report';
import { sumDbOps } from './db-ops';
import { databaseCpu } from './db-cpu';
import { createGinIndexes } from './pg-gin-indexes';

/** A setting of the shared infrastructure (.data/infra.env), when the environment does not give it. */
const infraSetting = (name: string) =>
  (() => {
    try {
      return readFileSync(fileURLToPath(new URL('../../../.data/infra.env', import.meta.url)), 'utf8');
    } catch {
      return '';
    }
  })()
    .split('\n')
    .find((l) => l.startsWith(`${name}=`))
    ?.slice(name.length + 1);

// Every process of the run (this one, the workers) counts its database operations into one folder.
process.env.DB_OPS_DIR = mkdtempSync(join(tmpdir(), 'references-db-ops-'));
const counter = new URL('./count-db-ops.mjs', import.meta.url);
process.env.NODE_OPTIONS = `${process.env.NODE_OPTIONS ?? ''} --import ${fileURLToPath(counter)}`.trim();
await import(counter.href);

const CHECKS = Number(process.env.BENCH_CHECKS ?? 10_000);
const PER_CANDIDATE = 3; // military contingent, no prior employer: national, disciplinary, UN
const CANDIDATES = Math.ceil(CHECKS / PER_CANDIDATE);
const OPEN_BATCH = 100; // candidates per openReferenceSets call (≈300 checks: four round trips)
const TIMEOUT_MS = Number(process.env.BENCH_TIMEOUT_MS ?? 15 * 60_000);
// Latencies scaled down from "100 ms to minutes" so 10,000 checks drain in minutes; every fault kept.
const sims = {
  seed: 42,
  latency: { minMs: 100, maxMs: 500 },
  callbackLatency: { minMs: 500, maxMs: 5000 },
  asyncRate: 0.2,
  hangMs: 12_000,
  failureRates: { serverError: 0.05, rateLimited: 0.002, timeout: 0.01, malformed: 0.01 },
};
const settings = {
  ANSWER_DEADLINE_MS: '120000',
  CHECK_ATTEMPTS: '12',
  CHECK_BACKOFF_MS: '200',
  CHECK_TIMEOUT_MS: '8000',
  LOCK_DURATION_MS: '30000',
  STALLED_INTERVAL_MS: '15000',
  SWEEP_INTERVAL_MS: '30000',
  ORG_RATE_PER_SECOND: '200',
  ORG_RATE_BURST: '100',
  WORKER_CONCURRENCY: process.env.BENCH_CONCURRENCY ?? '16',
  LOG_LEVEL: 'warn',
};
const log = (msg: string) => process.stderr.write(`[bench references] ${msg}\n`);
const load = () => loadavg().map((l) => Math.round(l * 10) / 10);

const loadAtStart = load();
const redis = await startPrivateRedis();
const simulators = await startSimulatorProcess(sims, callbackSecretsSetting(CALLBACK_SECRETS));
const h = await startHarness({ worker: false, env: { ...settings, ...simulators.urls, REDIS_URL: redis.url } });
const { checks, sets } = h.service.ctx;
const workers: ChildProcess[] = [spawnWorker(h.workerEnv), spawnWorker(h.workerEnv)];
const events: { at: number; what: string }[] = [];
const loadSamples: number[] = [];

// Time the pipeline, not the workers' start (tsx compiles them: tens of seconds under load).
const queue = h.service.ctx.producer.queueOf('un-records');
while ((await queue.getWorkersCount()) < workers.length) await new Promise((r) => setTimeout(r, 500));
log(`workers ready (load ${load().join(' ')})`);
const postgresUrl = process.env.POSTGRES_URL ?? infraSetting('POSTGRES_URL');
if (process.env.BENCH_PG_GIN && postgresUrl) {
  createGinIndexes(postgresUrl, h.config.MONGO_DB);
  log('experiment: GIN indexes on the equality fields created in PostgreSQL (BENCH_PG_GIN)');
}
const dbCpu = databaseCpu(h.config.MONGO_URL, postgresUrl);
const t0 = Date.now();
const submitted: Submitted[] = Array.from({ length: CANDIDATES }, (_, i) => ({
  candidateId: `b${i.toString(36)}`,
  country: 'GH',
  revision: 1,
  nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' as const },
  person: { names: [{ full: `Bench Person ${i}` }] as [{ full: string }] },
  consent: { given: true, formVersion: 'v1', recordedAt: new Date().toISOString() },
}));
for (let i = 0; i < submitted.length; i += OPEN_BATCH) await openReferenceSets(submitted.slice(i, i + OPEN_BATCH), h.service.ctx);
const opened = Date.now();
const total = CANDIDATES * PER_CANDIDATE;
log(`opened ${total} checks in ${((opened - t0) / 1000).toFixed(1)} s (load ${load().join(' ')})`);

let done = 0;
let retriedByOperator = 0;
let killed = false;
let restarted = false;
let lastProgress = Date.now();
while (done < total && Date.now() - t0 < TIMEOUT_MS && Date.now() - lastProgress < 5 * 60_000) {
  await new Promise((r) => setTimeout(r, 2000));
  const now = await progress(checks);
  if (now.completed > done) lastProgress = Date.now();
  done = now.completed;
  loadSamples.push(loadavg()[0]!);
  log(`${done}/${total} completed, ${now.failed} failed, after ${((Date.now() - t0) / 1000).toFixed(0)} s (load ${load()[0]})`);
  if (restarted && now.failed > 0) {
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
  // Faults at 30 % and 60 % of the results, or of the time limit on a machine too loaded to get there.
  const elapsed = (Date.now() - t0) / TIMEOUT_MS;
  if (!killed && (done >= total * 0.3 || elapsed >= 0.3)) {
    killed = true;
    workers[0]!.kill('SIGKILL');
    workers.push(spawnWorker(h.workerEnv));
    events.push({ at: Date.now() - t0, what: `worker process SIGKILLed at ${done} results; a new one started` });
    log(events.at(-1)!.what);
  }
  if (killed && !restarted && (done >= total * 0.6 || elapsed >= 0.6)) {
    restarted = true;
    const before = Date.now();
    await redis.restart();
    events.push({ at: before - t0, what: `Redis restarted at ${done} results (down ${Date.now() - before} ms)` });
    log(events.at(-1)!.what);
  }
}
const drained = Date.now();
const databaseCpuDuringRun = dbCpu.used();
const dbOpsDuringRun = sumDbOps(process.env.DB_OPS_DIR);
const counts = await countResults(checks, sets);
const stats = await simulators.stats();
for (const key of Object.keys(stats)) if (key.startsWith('check ')) delete stats[key];

const report: BenchReport = {
  name: 'references',
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    loadAverageAtStart: loadAtStart,
    loadAverageAtEnd: load(),
    loadAverageMaxDuringRun: Math.max(...loadSamples, 0),
    note: 'shared with other engineers; FerretDB (PostgreSQL backend), Kafka, the service, the simulators and the workers on the same 2 cores',
  },
  setup: {
    pgGinIndexesExperiment: Boolean(process.env.BENCH_PG_GIN),
    checks: total,
    candidates: CANDIDATES,
    openBatch: OPEN_BATCH,
    workerProcesses: 2,
    concurrencyPerQueue: Number(settings.WORKER_CONCURRENCY),
    queues: 3,
    simulators: sims,
    settings,
  },
  faults: events,
  results: {
    openSeconds: (opened - t0) / 1000,
    drainSeconds: (drained - t0) / 1000,
    throughputPerSecond: Math.round((counts.withResult / ((drained - t0) / 1000)) * 10) / 10,
    checksWithResult: counts.withResult,
    lost: total - counts.withResult,
    timedOut: counts.withResult < total && Date.now() - t0 >= TIMEOUT_MS,
    noResponseResults: counts.noResponse,
    duplicatedResults: counts.duplicated,
    failedChecks: counts.failed,
    retriedByOperator,
    setsCompleted: counts.completions,
    setsExpected: CANDIDATES,
    simulatorOutcomes: stats,
    databaseOperations: dbOpsDuringRun.total,
    databaseOperationsPerCheck: Math.round((dbOpsDuringRun.total / total) * 10) / 10,
    databaseOperationsByKind: dbOpsDuringRun.byKind,
    databaseCpuSeconds: databaseCpuDuringRun,
  },
};
await writeReport(report, CHECKS === 10_000 ? 'references' : `references-${CHECKS}`);
log(`done: ${JSON.stringify(report.results)}`);
for (const w of workers) w.kill('SIGTERM');
await h.stop();
await redis.stop();
simulators.stop();
process.exit(report.results.lost === 0 && counts.duplicated === 0 ? 0 : 1);
