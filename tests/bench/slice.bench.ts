/**
 * The thin slice under load: BENCH_SLICE_COUNT candidates submitted through intake at a steady rate,
 * each timed from the start of its POST to the moment its `clearance.decided` event is on Kafka, with
 * every service running as its own process on the real infrastructure. One step of the pipeline
 * benchmark (pipeline.bench.ts), kept for its history in bench/results/slice.*.
 */
import { writeBenchReport } from '@vetting/platform/testing';
import { awaitDecisions, figures, loadAverage, ms, startPipeline, submitAtRate } from './pipeline-harness';

const COUNT = Number(process.env.BENCH_SLICE_COUNT ?? 200);
const RATE = Number(process.env.BENCH_SLICE_RATE ?? 20); // submissions per second

const p = await startPipeline();
const started = performance.now();
const ids = await submitAtRate(p, 'Bench', COUNT, RATE);
await awaitDecisions(p, ids, 300_000);
const seconds = (performance.now() - started) / 1000;
const f = figures(p, ids);
await p.stop();

writeBenchReport(
  'slice',
  'Thin slice: submit → clearance decision',
  [
    { metric: 'candidates decided', value: `${f.decided}/${COUNT}`, unit: '' },
    { metric: 'submission rate', value: RATE, unit: '/s' },
    { metric: 'submit → decision p50', value: ms(f.latencyMs.p50), unit: 'ms' },
    { metric: 'submit → decision p95', value: ms(f.latencyMs.p95), unit: 'ms' },
    { metric: 'submit → decision p99', value: ms(f.latencyMs.p99), unit: 'ms' },
    { metric: 'wall time', value: seconds, unit: 's' },
  ],
  { count: COUNT, rate: RATE, stagesMs: f.stagesMs },
  [
    'Every service its own process (tsx), Kafka 3.9, FerretDB 1.24 on PostgreSQL, all on this 2-core machine: intake → screening and references (three record checks per candidate as BullMQ jobs against the simulated authorities, 5–50 ms each) → clearance.',
    'Per-organisation rate limits of the authorities lifted for this run (they are what bounds latency in production).',
    `Machine load average at the end of the run: ${loadAverage().join(' ')} (1/5/15 min).`,
  ],
);
console.log('wrote bench/results/slice.{json,md}');
process.exit(0);
