/**
 * Clearance service figures on the real Kafka and FerretDB: decisions per second from consumed
 * events, one decision's latency, the re-vetting and expiry jobs' speed, and replays per second.
 * Run: `npm run bench -w @vetting/clearance` → bench/results/clearance.{json,md}
 */
import { loadavg } from 'node:os';
import { percentile, writeBenchReport } from '@vetting/platform/testing';
import { startClearanceForTest, events, newCandidateId } from '../src/testing/environment';
import { expireDueClearances } from '../src/use-cases/expire-clearances.use-case';
import { openDueRevettings } from '../src/use-cases/open-due-revettings.use-case';
import { replayDecision } from '../src/domain/replay-decision';

const N = Number(process.env.BENCH_CANDIDATES ?? 300);
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));
const loadBefore = loadavg()[0]!;
const t = await startClearanceForTest();
const { repository, policies } = t.service;
const cleared = async (limit: number) => (await repository.listByStatus(['cleared'], limit)).length;

// The database round trip on this machine right now, for scale (an event costs about six).
const pings: number[] = [];
for (let i = 0; i < 50; i++) {
  const p0 = performance.now();
  await repository.find('no-such-candidate');
  pings.push(performance.now() - p0);
}

// One candidate at a time: from publishing its three inputs to its stored decision.
const latencies: number[] = [];
for (let i = 0; i < 30; i++) {
  const id = newCandidateId();
  const t0 = performance.now();
  await t.publish(events.submitted(id), events.screened(id), events.references(id));
  while ((await repository.find(id))?.status !== 'cleared') await pause(5);
  latencies.push(performance.now() - t0);
}
console.log(`latency samples: ${latencies.map((l) => l.toFixed(0)).join(' ')}`);

// Throughput: N candidates, three events each, published in batches.
const base = await cleared(100_000);
const ids = Array.from({ length: N }, () => newCandidateId());
const t0 = performance.now();
for (let i = 0; i < N; i += 200)
  await t.publish(...ids.slice(i, i + 200).flatMap((id) => [events.submitted(id), events.screened(id), events.references(id)]));
for (let done = 0; done < base + N;) {
  await pause(1000);
  done = await cleared(100_000);
  console.log(`decided ${done - base}/${N} after ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}
const decideSeconds = (performance.now() - t0) / 1000;

// Periodic re-vetting: every clearance past the built-in interval (11 months) is opened once, in batches of 100.
const revetDeps = { repository, policies, now: () => new Date(Date.now() + 340 * 86_400_000), onEvents: () => undefined };
const v0 = performance.now();
const revetted = await openDueRevettings(revetDeps, 100);
const revettingSeconds = (performance.now() - v0) / 1000;
const again = await openDueRevettings(revetDeps, 100);

// Expiry: every clearance past its end, in batches of 100.
const deps = { repository, now: () => new Date(Date.now() + 400 * 86_400_000), onEvents: () => undefined };
const e0 = performance.now();
const expired = await expireDueClearances(deps, 100);
const expirySeconds = (performance.now() - e0) / 1000;

// Replay: every stored decision with the policy version it names (pure, in process).
const decisions = (await Promise.all(ids.slice(0, 500).map((id) => repository.find(id)))).flatMap((c) => c?.decisions ?? []);
const policy = await policies.version(1);
const r0 = performance.now();
let replays = 0;
let consistent = 0;
for (let round = 0; round < 20; round++)
  for (const d of decisions) {
    replays++;
    if (replayDecision(d, policy).consistent) consistent++;
  }
const replaySeconds = (performance.now() - r0) / 1000;

await t.stop();
writeBenchReport(
  'clearance',
  'Clearance: decisions from consumed events, expiry, replay',
  [
    {
      metric: 'database read of the latest revision (for scale), p50',
      value: percentile(
        [...pings].sort((a, b) => a - b),
        50,
      ),
      unit: 'ms',
    },
    {
      metric: 'one decision, inputs published → decision stored, p50',
      value: percentile(
        [...latencies].sort((a, b) => a - b),
        50,
      ),
      unit: 'ms',
    },
    {
      metric: 'one decision, p95',
      value: percentile(
        [...latencies].sort((a, b) => a - b),
        95,
      ),
      unit: 'ms',
    },
    { metric: `decisions from ${N} candidates × 3 events`, value: N / decideSeconds, unit: 'decisions/s' },
    { metric: `re-vetting job over ${revetted} due clearances`, value: revetted / revettingSeconds, unit: 'openings/s' },
    { metric: `expiry job over ${expired} due clearances`, value: expired / expirySeconds, unit: 'expiries/s' },
    { metric: 'replay of a recorded decision', value: replays / replaySeconds, unit: 'replays/s' },
  ],
  {
    candidates: N,
    revetted,
    revettedByASecondPass: again,
    expired,
    replays,
    consistent,
    latencySamples: latencies.length,
    loadAverage: { start: loadBefore, end: loadavg()[0] },
  },
  [
    `Real Kafka 3.9 (KRaft) and FerretDB v1 (backend as \`node scripts/infra.mjs status\` shows) on this machine, shared with other work: load average ${loadBefore.toFixed(1)} at the start, ${loadavg()[0]!.toFixed(1)} at the end, on 2 cores. One service instance, 3 partitions per topic.`,
    'Each event is one aggregate-store revision (read latest + insert); a decision and its clearance.decided are one insert.',
    `All ${consistent} of ${replays} replays agreed with their records. A second re-vetting pass opened ${again} (each clearance is re-opened once).`,
  ],
);
console.log('wrote bench/results/clearance.{json,md}');
process.exit(0);
