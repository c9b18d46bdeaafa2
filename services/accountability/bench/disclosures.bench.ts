/**
 * What answering disclosure requests costs on the real Kafka and database: recording a request
 * (sealing the person and the contact, verifying the requester), putting the consent on file,
 * answering (checked against the recorded findings), and computing the scheme's annual figures over
 * a year of requests and vetting facts. Writes bench/results/disclosures.json and .md.
 *   BENCH_REQUESTS=2000 BENCH_FACTS=50000 npm run bench:disclosures -w services/accountability
 */
import { performance } from 'node:perf_hooks';
import request from 'supertest';
import { createEvent, loadConfig } from '@vetting/platform';
import { createTestServiceEnv, percentile, waitFor, writeBenchReport } from '@vetting/platform/testing';
import { accountabilityConfigSchema } from '../src/config';
import { startAccountability } from '../src/start-accountability';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 2000);
const FACTS = Number(process.env.BENCH_FACTS ?? 50_000);
const PDF = Buffer.from('%PDF-1.4\n% signed consent and declaration\n').toString('base64');

const env = await createTestServiceEnv('accountability');
const service = await startAccountability(loadConfig(accountabilityConfigSchema, env.env), { jwks: env.issuer.jwks });
const un = `Bearer ${await env.issuer.token({ sub: 'bench-un', roles: ['un-screener'] })}`;
const app = () => request(service.app);
const producer = env.kafka.producer();
await producer.connect();
const employer = createEvent('references', {
  type: 'reference.employer-verified',
  subject: 'emp-bench',
  data: {
    employerId: 'emp-bench',
    name: 'Bench Relief',
    domains: ['bench.example'],
    contactCount: 1,
    status: 'active',
    verifiedBy: 'x',
    verifiedAt: new Date().toISOString(),
    revision: 1,
  },
});
await producer.send({ topic: `${env.prefix}vetting.references`, messages: [{ key: 'emp-bench', value: JSON.stringify(employer) }] });
await waitFor(async () => ((await service.facts.organisation('emp-bench')) ? true : undefined), { timeoutMs: 60_000 });

const timings = { receive: [] as number[], consent: [] as number[], answer: [] as number[] };
const timed = async (into: number[], run: () => Promise<unknown>) => {
  const started = performance.now();
  await run();
  into.push(performance.now() - started);
};
for (let i = 0; i < REQUESTS; i++) {
  let id = '';
  await timed(timings.receive, async () => {
    const res = await app()
      .post('/disclosure-requests')
      .set('authorization', un)
      .send({
        addressedTo: 'UN',
        candidateId: `cand-${i}`,
        country: 'GH',
        requester: { organisationId: 'emp-bench', contactName: 'HR', contactEmail: 'hr@bench.example' },
        person: { fullName: `Person ${i}` },
      });
    if (res.status !== 201) throw new Error(`receive: ${res.status} ${JSON.stringify(res.body)}`);
    id = res.body.id as string;
  });
  await timed(timings.consent, () =>
    app()
      .post(`/disclosure-requests/${id}/consent`)
      .set('authorization', un)
      .send({ contentType: 'application/pdf', contentBase64: PDF, signedOn: '2026-01-01', declarationSigned: true })
      .expect(200),
  );
  await timed(timings.answer, () =>
    app().post(`/disclosure-requests/${id}/answer`).set('authorization', un).send({ kind: 'none' }).expect(200),
  );
  if ((i + 1) % 100 === 0) console.error(`requests ${i + 1}/${REQUESTS}`);
}
const year = new Date().getUTCFullYear();
for (let i = 0; i < FACTS; i += 500) {
  await Promise.all(
    Array.from({ length: Math.min(500, FACTS - i) }, (_, j) =>
      service.facts.record(`evt-${i + j}`, {
        kind: (['recruited', 'not-cleared', 'disclosure-requested', 'disclosure-completed'] as const)[(i + j) % 4]!,
        year,
        country: (i + j) % 3 ? 'GH' : 'NP',
        candidateId: `c-${i + j}`,
        result: 'adverse',
        onNegativeOrAbsentDisclosure: (i + j) % 8 === 1,
      }),
    ),
  );
  console.error(`facts ${Math.min(i + 500, FACTS)}/${FACTS}`);
}
const figuresMs: number[] = [];
for (let k = 0; k < 5; k++)
  await timed(figuresMs, () => app().get(`/disclosure-requests/figures?year=${year}`).set('authorization', un).expect(200));

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const row = (metric: string, xs: number[], p: number) => ({ metric: `${metric} p${p}`, value: percentile(sorted(xs), p), unit: 'ms' });
writeBenchReport(
  'disclosures',
  'Disclosure requests: record, consent, answer, annual figures',
  [
    row('record a request (seal, verify)', timings.receive, 50),
    row('record a request (seal, verify)', timings.receive, 95),
    row('put the consent on file', timings.consent, 50),
    row('put the consent on file', timings.consent, 95),
    row('answer (checked against findings)', timings.answer, 50),
    row('answer (checked against findings)', timings.answer, 95),
    {
      metric: `annual figures over ${REQUESTS} requests and ${FACTS} facts, median of 5`,
      value: percentile(sorted(figuresMs), 50),
      unit: 'ms',
    },
  ],
  { requests: REQUESTS, facts: FACTS },
  [
    "One request at a time through the HTTP app (supertest), on the shared infrastructure; the figures scan the year's requests and facts in the service.",
  ],
);
await producer.disconnect();
await service.stop();
await env.cleanup();
