/**
 * The thin slice under load: 200 candidates submitted through intake at a steady rate, each timed
 * from the start of its POST to the moment its `clearance.decided` event is on Kafka, with every
 * service running as its own process on the real infrastructure.
 */
import { createConsumerRunner, createEventPublisher, createEventValidator, createLogger, type EventEnvelope } from '@vetting/platform';
import { percentile, randomName, writeBenchReport } from '@vetting/platform/testing';
import { startSystem } from '../support/system';

const COUNT = Number(process.env.BENCH_SLICE_COUNT ?? 200);
const RATE = Number(process.env.BENCH_SLICE_RATE ?? 20); // submissions per second

// The national authorities' rate limit (5 requests/s per organisation by default) would make this a
// benchmark of the simulated authorities; lifted here to measure the platform's own pipeline.
const system = await startSystem({ env: { references: { ORG_RATE_PER_SECOND: '1000', ORG_RATE_BURST: '1000', WORKER_CONCURRENCY: '50' } } });
const logger = createLogger('bench', 'silent');
const validator = createEventValidator();
const publisher = createEventPublisher({ kafka: system.kafka, validator, topicPrefix: system.prefix });
await publisher.connect();
const submittedAt = new Map<string, number>();
const latencies: number[] = [];
const watcher = createConsumerRunner({
  kafka: system.kafka, groupId: randomName('bench-watch'), topics: ['vetting.clearances'], validator, publisher, logger, topicPrefix: system.prefix,
  handlers: { 'clearance.decided': async (e: EventEnvelope) => { const t = submittedAt.get(e.subject); if (t !== undefined) latencies.push(performance.now() - t); } },
});
await watcher.start();
await watcher.joined();

const token = await system.issuer.token({ sub: 'bench-office', roles: ['tcc-officer'], country: 'GH' });
const body = (i: number) => JSON.stringify({
  nomination: { mission: 'MINUSCA', rotation: 'BENCH-1', category: 'military-contingent' },
  person: { names: [{ full: `Kofi Bench${i} Mensah` }], dateOfBirth: '1990-01-01', nationalities: ['GH'], serviceNumber: `B-${i}` },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
});
const started = performance.now();
const requests: Promise<void>[] = [];
for (let i = 0; i < COUNT; i++) {
  const due = started + (i * 1000) / RATE;
  const wait = due - performance.now();
  if (wait > 0) await new Promise((r) => setTimeout(r, wait));
  const t = performance.now();
  requests.push(
    fetch(`${system.url('intake')}/candidates`, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, body: body(i) })
      .then((r) => r.json() as Promise<{ id: string }>)
      .then(({ id }) => void submittedAt.set(id, t)),
  );
}
await Promise.all(requests);
const deadline = performance.now() + 300_000;
while (latencies.length < COUNT && performance.now() < deadline) await new Promise((r) => setTimeout(r, 50));
const seconds = (performance.now() - started) / 1000;
await watcher.stop();
await publisher.disconnect();
await system.stop();

latencies.sort((a, b) => a - b);
writeBenchReport('slice', 'Thin slice: submit → clearance decision', [
  { metric: 'candidates decided', value: `${latencies.length}/${COUNT}`, unit: '' },
  { metric: 'submission rate', value: RATE, unit: '/s' },
  { metric: 'submit → decision p50', value: percentile(latencies, 50), unit: 'ms' },
  { metric: 'submit → decision p95', value: percentile(latencies, 95), unit: 'ms' },
  { metric: 'submit → decision p99', value: percentile(latencies, 99), unit: 'ms' },
  { metric: 'wall time', value: seconds, unit: 's' },
], { count: COUNT, rate: RATE }, [
  'Every service its own process (tsx), Kafka 3.9, FerretDB 1.24 on PostgreSQL, all on this 2-core machine: intake → screening and references (three record checks per candidate as BullMQ jobs against the simulated authorities, 5–50 ms each) → clearance.',
  'Per-organisation rate limits of the authorities lifted for this run (they are what bounds latency in production).',
  `Machine load average at the end of the run: ${(await import('node:os')).loadavg()[0]!.toFixed(1)} (other engineers' suites were running).`,
]);
console.log('wrote bench/results/slice.{json,md}');
process.exit(0);
