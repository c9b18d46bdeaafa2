/**
 * The fault run: a contingent goes through every service (own processes) on a private Kafka/FerretDB/
 * PostgreSQL/Redis stack while, at seeded random submissions, each service process and the references
 * worker is SIGKILLed and restarted, and the broker, Redis, FerretDB and PostgreSQL are restarted.
 * One poison message is published on purpose. Then, from the stores, the topics and the queue:
 * every accepted candidate has exactly one decision, no effect applied twice, no job lost, no decision
 * without its nomination, the audit chain verifies, and the DLQs hold the poison message only.
 * Short in `npm test`; `npm run test:fault` runs 5,000 candidates (FAULT_CANDIDATES, FAULT_SEED).
 */
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '@vetting/platform/testing';
import { unpackViewRow } from '@vetting/platform';
import { startSystem, type RunningSystem } from '../support/system';
import { nominationBody, submitNomination } from '../support/contingent';
import { startPrivateStack, type PrivateStack } from './support/private-stack';
import { faultPlan, type ScheduledFault } from './support/fault-plan';
import {
  deadLetters,
  decisionsByCandidate,
  duplicateFigures,
  failedJobs,
  unfinishedChecks,
  verifyAuditChain,
  viewsBehind,
} from './support/pipeline-checks';

const SEED = Number(process.env.FAULT_SEED ?? 20261127);
const COUNT = Number(process.env.FAULT_CANDIDATES ?? 40);
const ROUNDS = Number(process.env.FAULT_ROUNDS ?? Math.max(1, Math.floor(COUNT / 1000)));
// Slow enough in the short run that faults fall at distinct moments; the long run is a soak.
const RATE = Number(process.env.FAULT_RATE ?? (COUNT <= 100 ? 0.7 : 15));
const POISON_KEY = `poison-${SEED}`;
// Nominations waiting for an answer at once. The long run offers 15/s, more than this machine accepts:
// without a bound thousands of POSTs retried together and a nomination's 20-minute deadline ran out
// in the queue (a run of the load, not of the faults). A TCC office's client sends a few at a time.
const IN_FLIGHT = Number(process.env.FAULT_IN_FLIGHT ?? 32);

/** Runs at most `limit` of the given tasks at once, in the order they were asked for. */
function boundedRunner(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running >= limit) await new Promise<void>((resolve) => waiting.push(resolve));
    running++;
    try {
      return await task();
    } finally {
      running--;
      waiting.shift()?.();
    }
  };
}

describe(`fault run (seed ${SEED}, ${COUNT} candidates, ${ROUNDS} round(s) of faults)`, () => {
  let stack: PrivateStack;
  let system: RunningSystem;
  let mongo: MongoClient;
  const accepted = new Map<number, string>();
  const injected: (ScheduledFault & { atMs: number; tookMs: number })[] = [];
  const figures: Record<string, unknown> = { seed: SEED, candidates: COUNT };
  let runStarted = 0;

  beforeAll(
    async () => {
      stack = await startPrivateStack();
      system = await startSystem({ infra: stack.urls, readyTimeoutMs: 900_000 });
      mongo = await MongoClient.connect(stack.urls.mongoUrl);
      const { faults, poisonAt } = faultPlan(SEED, COUNT, ROUNDS);
      const token = () => system.issuer.token({ sub: 'fault-office', roles: ['tcc-officer'], country: 'GH' });
      const producer = system.kafka.producer();
      await producer.connect();
      const started = (runStarted = Date.now());
      const submissions: Promise<void>[] = [];
      const bounded = boundedRunner(IN_FLIGHT);
      const injections: Promise<void>[] = [];
      let restarting = Promise.resolve(); // engines restart one after another (infra.mjs holds a lock anyway)
      // Kills of one process run one after another: overlapping ones would find it already dead and start it twice.
      const killing = new Map<string, Promise<void>>();
      for (let i = 0; i < COUNT; i++) {
        const due = started + (i * 1000) / RATE;
        if (due > Date.now()) await new Promise((r) => setTimeout(r, due - Date.now()));
        for (const fault of faults.filter((f) => f.at === i)) {
          const atMs = Date.now();
          const inject = async () => {
            if (fault.kind === 'kill') {
              await system.kill(fault.target);
              await system.start(fault.target);
            } else await stack.restart(fault.target);
            injected.push({ ...fault, atMs, tookMs: Date.now() - atMs });
          };
          if (fault.kind === 'restart') injections.push((restarting = restarting.then(inject)));
          else {
            const after = (killing.get(fault.target) ?? Promise.resolve()).then(inject);
            killing.set(fault.target, after);
            injections.push(after);
          }
        }
        if (i === poisonAt) {
          // Deliberate poison: not JSON at all. Retried while the broker may be restarting.
          injections.push(
            waitFor(
              async () =>
                !!(await producer
                  .send({ topic: `${system.prefix}vetting.candidates`, messages: [{ key: POISON_KEY, value: '{not json' }] })
                  .catch(() => false)),
              { timeoutMs: 120_000, message: 'poison published' },
            ).then(() => undefined),
          );
        }
        submissions.push(
          bounded(() =>
            submitNomination(() => system.url('intake'), token, `fault-${SEED}-${i}`, nominationBody('Fault', i), 1_200_000),
          ).then(({ id }) => void accepted.set(i, id)),
        );
      }
      await Promise.all([...submissions, ...injections]);
      await producer.disconnect();
      const decided = async () => [...(await decisionsByCandidate(mongo, system)).values()].filter((d) => d.length > 0).length;
      await waitFor(async () => (await decided()) >= COUNT, {
        timeoutMs: Math.max(900_000, COUNT * 1000),
        intervalMs: 2000,
        message: 'every candidate decided',
      });
      figures.secondsToAllDecided = (Date.now() - started) / 1000;
      figures.processesRestartedAfterDyingOnTheirOwn = system.crashes().length;
    },
    Math.max(1_800_000, COUNT * 1500),
  );

  afterAll(async () => {
    console.log(`fault figures: ${JSON.stringify(figures, null, 1)}`);
    await mongo?.close();
    await system?.stop();
    await stack?.destroy();
  }, 180_000);

  it('when every process was killed and every engine restarted, then every accepted candidate has exactly one decision and none lacks its nomination', async () => {
    const decisions = await decisionsByCandidate(mongo, system);
    expect(accepted.size).toBe(COUNT);
    expect([...decisions.keys()].sort()).toEqual([...accepted.values()].sort());
    for (const [id, list] of decisions) expect(list.length, `decisions of ${id}`).toBe(1);
    const nominations = await mongo.db(system.database('intake')).collection('candidates').find({}).project({ _id: 1 }).toArray();
    const nominated = new Set(nominations.map((n) => String(n._id)));
    expect([...decisions.keys()].filter((id) => !nominated.has(id))).toEqual([]);
    // Recovery per fault: how long the process/engine took to be back (ready), and from then how long
    // until the pipeline decided its next candidate (other faults may still be in progress).
    const decidedTimes = [...decisions.values()].map((d) => Date.parse(d[0]!.decidedAt)).sort((a, b) => a - b);
    figures.faults = injected.length;
    figures.recovery = injected.map((f) => {
      const back = f.atMs + f.tookMs;
      const next = decidedTimes.find((t) => t >= back);
      return {
        fault: `${f.kind} ${f.target}`,
        atCandidate: f.at,
        backAfterS: f.tookMs / 1000,
        nextDecisionAfterBackS: next === undefined ? null : (next - back) / 1000,
      };
    });
    // Decisions per 10 s since the first submission: shows the stalls the faults caused.
    const buckets: number[] = [];
    for (const t of decidedTimes)
      buckets[Math.floor((t - runStarted) / 10_000)] = (buckets[Math.floor((t - runStarted) / 10_000)] ?? 0) + 1;
    figures.decisionsPer10s = Array.from(buckets, (n) => n ?? 0).join(' ');
  });

  it('when events were redelivered after the faults, then no effect was applied twice', async () => {
    const { republished, causedByTwice, revisions } = await duplicateFigures(mongo, system);
    figures.duplicates = { republishedEventCopies: republished, revisions, causedByRecordedTwice: causedByTwice };
    expect(causedByTwice).toBe(0);
    // The intake view is packed (the state as JSON text, its timeline JSON text inside): read as the service reads it.
    const candidates = (await mongo.db(system.database('intake')).collection('candidates').find({}).toArray()).map((doc) =>
      unpackViewRow<{ timeline: string | { event: string }[] }>(doc),
    );
    let timelineTwice = 0;
    for (const c of candidates) {
      const timeline = typeof c.timeline === 'string' ? (JSON.parse(c.timeline) as { event: string }[]) : c.timeline;
      expect(timeline.length, `timeline of ${c._id}`).toBeGreaterThan(0);
      const events = timeline.map((t) => t.event).filter((e) => e.includes('.'));
      timelineTwice += events.length - new Set(events).size;
    }
    expect(timelineTwice).toBe(0);
  });

  it('when processes were killed between a revision and its view, then every view comes to show its newest revision', async () => {
    // The outbox relay repairs views every 5 s, for revisions pending longer than 5 s.
    let behind: string[] = [];
    await waitFor(async () => (behind = await viewsBehind(mongo, system)).length === 0, {
      timeoutMs: 60_000,
      intervalMs: 3000,
      message: 'views caught up',
    }).catch(() => undefined);
    figures.viewsBehindAfterRepair = behind.length;
    expect(behind).toEqual([]);
  });

  it('when the worker and Redis were killed mid-run, then no reference check job was lost', async () => {
    const unfinished = await unfinishedChecks(mongo, system);
    const failed = await failedJobs(stack.urls.redisUrl);
    figures.jobs = { unfinishedChecks: unfinished, failedJobs: failed };
    expect(unfinished).toBe(0);
    expect(failed).toBe(0);
  });

  it('when the run is over, then the audit chain verifies and the DLQs hold only the deliberate poison', async () => {
    const chain = await verifyAuditChain(system);
    expect(chain, JSON.stringify(chain)).toMatchObject({ ok: true });
    const dead = await deadLetters(system);
    figures.deadLetters = dead.length;
    expect(dead.length).toBeGreaterThan(0);
    expect(dead.filter((d) => d.key !== POISON_KEY).map((d) => `${d.topic} ${d.key} ${d.headers['dlq-error-code']}`)).toEqual([]);
    expect(new Set(dead.map((d) => d.headers['dlq-error-code']))).toEqual(new Set(['EVENT.MALFORMED_JSON']));
  });
});
