import { randomUUID } from 'node:crypto';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestPersonKeys, createTestServiceEnv, readTopic, type ReadMessage, type TestServiceEnv } from '@vetting/platform/testing';
import { clearanceConfigSchema } from './config';
import { startClearance } from './start-clearance';

/**
 * The clearance service on the real Kafka, FerretDB and Redis (random database and topics), a
 * publisher for the events it consumes, and a clock the tests can move forward (validity, expiry).
 */
export async function startClearanceForTest() {
  const env: TestServiceEnv = await createTestServiceEnv('clearance');
  const keys = await createTestPersonKeys();
  const clock = { offsetMs: 0 };
  const service = await startClearance(loadConfig(clearanceConfigSchema, { ...env.env, EXPIRY_INTERVAL_MS: '3600000' }), { jwks: env.issuer.jwks, personKeys: keys.source }, { now: () => new Date(Date.now() + clock.offsetMs) });
  const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
  await publisher.connect();
  const bearer = async (sub: string, role: 'un-adjudicator' | 'un-screener' | 'admin' | 'auditor' | 'tcc-officer', country?: string) =>
    `Bearer ${await env.issuer.token({ sub, roles: [role], ...(country ? { country } : {}) })}`;
  /** The candidate's events on vetting.clearances (keyed by candidate id), once at least `atLeast` of them are there. */
  const clearanceEvents = async (candidateId: string, atLeast: number) => {
    const mine = (read: ReadMessage[]) => read.filter((m) => m.key === candidateId);
    const read = await readTopic(env.kafka, `${env.prefix}vetting.clearances`, (r) => mine(r).length >= atLeast, 90_000);
    return mine(read).map((m) => JSON.parse(m.value) as EventEnvelope);
  };
  return {
    env,
    keys,
    clock,
    service,
    app: service.app,
    /** Publishes events as their producers do (personal fields sealed under the test's person keys). */
    publish: async (...events: EventEnvelope[]) => publisher.publish(await Promise.all(events.map((e) => keys.sealFields(e)))),
    bearer,
    clearanceEvents,
    stop: async () => {
      await publisher.disconnect();
      await service.stop();
      await env.cleanup();
      await keys.close();
    },
  };
}

/** Each event as its producer publishes it: consumers refuse an event whose source does not own its topic. */
const producerOf = (type: string) => ({ candidate: 'intake', screening: 'screening', reference: 'references', references: 'references' })[type.split('.')[0]!] ?? type;
const ev = (type: string, candidateId: string, data: Record<string, unknown>) =>
  createEvent(producerOf(type), { type, subject: candidateId, tenant: 'GH', data: { candidateId, country: 'GH', ...data } });

type Hit = { listId: string; entryId: string; score: number; band: 'match' | 'possible-match' | 'weak'; resolution?: string };

/** The events of the other services, as they publish them. */
export const events = {
  submitted: (id: string, category = 'military-contingent', revision = 1) =>
    ev(revision === 1 ? 'candidate.submitted' : 'candidate.updated', id, {
      revision,
      nomination: { mission: 'MINUSCA', rotation: 'R1', category },
      person: { names: [{ full: 'Test Person' }] },
      consent: { given: true, formVersion: 'v1', recordedAt: '2026-01-01T00:00:00Z' },
    }),
  screened: (id: string, opts: { outcome?: 'clear' | 'possible-match' | 'match'; hits?: Hit[]; trigger?: string; screeningId?: string; revision?: number } = {}) =>
    ev('screening.completed', id, {
      screeningId: opts.screeningId ?? randomUUID(),
      candidateRevision: opts.revision ?? 1,
      outcome: opts.outcome ?? 'clear',
      listVersions: [{ listId: 'un-sea', version: 1, contentHash: 'sha256:abc' }],
      hits: opts.hits ?? [],
      trigger: opts.trigger ?? 'submitted',
    }),
  matchResolved: (id: string, screeningId: string, resolution: 'false-positive' | 'confirmed', outcome: 'clear' | 'possible-match' | 'match') =>
    ev('screening.match-resolved', id, { screeningId, listId: 'un-sea', entryId: 'e1', resolution, resolvedBy: 'screener-1', outcome }),
  references: (id: string, checks: { checkId?: string; checkType: string; result: string }[] = []) => ev('references.completed', id, { candidateRevision: 1, checks }),
  check: (id: string, checkId: string, checkType: string, result: string) => ev('reference.check-completed', id, { checkId, checkType, result }),
  withdrawn: (id: string) => ev('candidate.withdrawn', id, { reason: 'no longer nominated' }),
};

export const possibleHit = (entryId = 'e1'): Hit => ({ listId: 'un-sea', entryId, score: 0.91, band: 'possible-match' });
export const newCandidateId = () => `cand-${randomUUID().slice(0, 8)}`;
