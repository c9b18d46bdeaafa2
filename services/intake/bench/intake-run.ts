/**
 * One benchmark run in its own process (so its RSS is its own): starts intake against the real
 * infrastructure, uploads a contingent of N rows over HTTP (streamed from a file) and times until the
 * upload is stored and every candidate.submitted event is published. Prints one JSON line.
 */
import { createReadStream, rmSync, statSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { loadConfig } from '@vetting/platform';
import { createTestServiceEnv, waitFor } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../src/config';
import { startIntake } from '../src/start-intake';
import { writeContingent } from './contingent-file';

const rows = Number(process.argv[2] ?? 1000);
const file = `${tmpdir()}/intake-bench-${process.pid}-${rows}.csv`;
await writeContingent(file, rows);
const env = await createTestServiceEnv('intake');
// The service as deployed: the outbox poll at its configured default, not the test environment's 100 ms
// (on FerretDB 1.24 each poll scans the whole revisions collection: ~60-80 ms at 10,000 candidates).
const { OUTBOX_POLL_MS: _testPoll, ...serviceEnv } = env.env;
const intake = await startIntake(loadConfig(intakeConfigSchema, { ...serviceEnv, LOG_LEVEL: 'silent' }), { jwks: env.issuer.jwks });
const token = await env.issuer.token({ sub: 'bench-office', roles: ['tcc-officer'], country: 'GH' });
const pending = () =>
  Promise.all(
    ['candidates_revisions', 'upload_outbox'].map((c) => intake.runtime.db.collection(c).countDocuments({ outboxPending: true })),
  );

global.gc?.();
const baseline = process.memoryUsage().rss;
const heapBaseline = process.memoryUsage().heapUsed;
let peak = baseline;
const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 50);

const started = performance.now();
const response = await new Promise<{ status: number; body: { id: string } }>((resolve, reject) => {
  const req = request(
    {
      host: '127.0.0.1',
      port: intake.port,
      method: 'POST',
      path: `/uploads?mode=all-or-nothing&mission=MINUSCA&rotation=BENCH-${rows}&category=military-contingent`,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'text/csv', 'content-length': statSync(file).size },
    },
    (res) => {
      let text = '';
      res.on('data', (c: Buffer) => (text += c.toString()));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(text) as { id: string } }));
    },
  );
  req.on('error', reject);
  createReadStream(file).pipe(req);
});
const received = performance.now();
if (response.status !== 202) throw new Error(`upload answered ${response.status}: ${JSON.stringify(response.body)}`);
const upload = await waitFor(
  async () => {
    const u = await intake.runtime.db.collection('uploads').findOne({ _id: response.body.id as never });
    return u?.state === 'completed' ? u : undefined;
  },
  { timeoutMs: 600_000, intervalMs: 100, message: 'upload stored' },
);
const stored = performance.now();
await waitFor(async () => (await pending()).every((n) => n === 0), { timeoutMs: 900_000, intervalMs: 100, message: 'events published' });
const published = performance.now();
clearInterval(sampler);
// What the upload left behind once garbage is collected: the live memory, apart from V8's lazy collection.
global.gc?.();
const heapRetained = process.memoryUsage().heapUsed - heapBaseline;
const result = {
  rows,
  fileBytes: statSync(file).size,
  stored: (upload.rows as { stored: number }).stored,
  receiveAndValidateMs: Math.round(received - started),
  storeMs: Math.round(stored - received),
  publishMs: Math.round(published - stored),
  totalMs: Math.round(published - started),
  rssBaselineMiB: Math.round(baseline / 2 ** 20),
  rssPeakMiB: Math.round(peak / 2 ** 20),
  rssGrowthMiB: Math.round((peak - baseline) / 2 ** 20),
  heapRetainedMiB: Math.round((heapRetained / 2 ** 20) * 10) / 10,
};
await intake.runtime.db.dropDatabase().catch(() => undefined);
await intake.stop();
rmSync(file, { force: true });
console.log(JSON.stringify(result));
process.exit(0);
