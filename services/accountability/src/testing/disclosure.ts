import request from 'supertest';
import { createEvent, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { accountabilityConfigSchema } from '../config';
import { startAccountability } from '../start-accountability';

export const DAY = 86_400_000;

/** A PDF's first bytes: the consent's content must agree with its declared type. */
export const PDF = Buffer.from('%PDF-1.4\n% signed consent and declaration of the person\n').toString('base64');
export const consentBody = (over: Record<string, unknown> = {}) => ({
  filename: 'consent.pdf',
  contentType: 'application/pdf',
  contentBase64: PDF,
  signedOn: '2026-01-15',
  declarationSigned: true,
  ...over,
});

/** The accountability service on the real Kafka and database, with tokens for each role and a way to publish other services' events. */
export async function startDisclosureHarness() {
  const env: TestServiceEnv = await createTestServiceEnv('accountability');
  const clock = { offsetMs: 0 };
  const service = await startAccountability(
    loadConfig(accountabilityConfigSchema, { ...env.env, ACTION_REQUEST_SWEEP_MS: '3600000' }),
    { jwks: env.issuer.jwks },
    { now: () => new Date(Date.now() + clock.offsetMs) },
  );
  const token = async (sub: string, roles: Parameters<TestServiceEnv['issuer']['token']>[0]['roles'], extra: { country?: string } = {}) =>
    `Bearer ${await env.issuer.token({ sub, roles, ...extra })}`;
  const tokens = {
    gh: await token('gh-office', ['tcc-officer'], { country: 'GH' }),
    gh2: await token('gh-office-2', ['tcc-officer'], { country: 'GH' }),
    np: await token('np-office', ['tcc-officer'], { country: 'NP' }),
    screener: await token('un-scr-1', ['un-screener']),
    adjudicator: await token('un-adj-1', ['un-adjudicator']),
    auditor: await token('auditor-1', ['auditor']),
  };
  const producer = env.kafka.producer();
  await producer.connect();
  const app = () => request(service.app);
  return {
    env,
    service,
    tokens,
    /** Moves the service's clock (deadlines) forward. */
    clock,
    app,
    /** Receives a request (addressed to the UN unless `over` says otherwise) as `who`; returns the stored request. */
    receive: async (over: Record<string, unknown> = {}, who: keyof typeof tokens = 'screener') =>
      (await app().post('/disclosure-requests').set('authorization', tokens[who]).send(receiveBody(over)).expect(201)).body,
    /** A substantiated finding recorded on the platform: a request for action naming the person. */
    recordFinding: (candidateId: string) =>
      app()
        .post('/action-requests')
        .set('authorization', tokens.adjudicator)
        .send({
          country: 'GH',
          mission: 'MINUSCA',
          category: 'sea',
          substantiatedOn: '2025-11-02',
          candidateId,
          listEntry: { listId: 'un-sea', entryId: `SEA-${candidateId}` },
          actions: [{ kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() }],
          summary: 'Sexual exploitation substantiated; investigate and report.',
        })
        .expect(201),
    /** Publishes an event as its owner would, on its topic under the test prefix. */
    async publish(topic: string, source: string, type: string, subject: string, data: Record<string, unknown>, id?: string) {
      const event = createEvent(source, { type, subject, data, ...(id ? { id } : {}) });
      await producer.send({ topic: `${env.prefix}${topic}`, messages: [{ key: subject, value: JSON.stringify(event) }] });
      return event;
    },
    events: async (subject: string, atLeast: number) =>
      waitFor(async () => {
        const read = (await readTopic(env.kafka, `${env.prefix}vetting.disclosures`, 10_000, 2_000))
          .map((m) => JSON.parse(m.value) as EventEnvelope)
          .filter((e) => e.subject === subject);
        return read.length >= atLeast ? read : undefined;
      }),
    async stop() {
      await producer.disconnect();
      await service.stop();
      await env.cleanup();
    },
  };
}

export type DisclosureHarness = Awaited<ReturnType<typeof startDisclosureHarness>>;

/** The harness with Relief Now International in the employer directory (as references verified it), once the service has it. */
export async function startDisclosureDesk(): Promise<DisclosureHarness> {
  const h = await startDisclosureHarness();
  await h.publish('vetting.references', 'references', 'reference.employer-verified', 'emp-relief-now', employer());
  await waitFor(async () =>
    (await h.app().get('/disclosure-requests/organisations').set('authorization', h.tokens.screener)).body.items?.length ? true : undefined,
  );
  return h;
}

export const employer = (over: Record<string, unknown> = {}) => ({
  employerId: 'emp-relief-now',
  name: 'Relief Now International',
  domains: ['reliefnow.example'],
  contactCount: 1,
  status: 'active',
  verifiedBy: 'un-scr-1',
  verifiedAt: new Date().toISOString(),
  revision: 1,
  ...over,
});

export const receiveBody = (over: Record<string, unknown> = {}) => ({
  addressedTo: 'UN',
  candidateId: 'cand-gh-1',
  country: 'GH',
  requester: {
    organisationId: 'emp-relief-now',
    contactName: 'Ama Mensah',
    contactEmail: 'hr@reliefnow.example',
    theirReference: 'HR-2026-114',
  },
  person: { fullName: 'Kwame Boateng Asante', dateOfBirth: '1988-04-12', periods: 'MINUSCA 2023-2024' },
  ...over,
});
