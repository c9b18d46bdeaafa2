import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestPersonKeys, createTestServiceEnv, type TestPersonKeys, type TestServiceEnv } from '@vetting/platform/testing';
import { screeningConfigSchema } from '../config';
import { startScreening, type ScreeningOverrides } from '../start-screening';

export type Screening = Awaited<ReturnType<typeof startScreening>>;

/** A running screening service on its own database and topics, with tokens for each role and a person-key store. */
export async function startTestScreening(settings: Record<string, string> = {}, overrides: ScreeningOverrides = {}) {
  const env = await createTestServiceEnv('screening');
  const keys = await createTestPersonKeys();
  const config = loadConfig(screeningConfigSchema, { ...env.env, CHECK_RATE_KEY_PREFIX: `${env.prefix}checks:`, ...settings });
  const service = await startScreening(config, { jwks: env.issuer.jwks, personKeys: keys.source, ...overrides });
  const bearer = async (sub: string, roles: Parameters<TestServiceEnv['issuer']['token']>[0]['roles'], country?: string) =>
    `Bearer ${await env.issuer.token({ sub, roles, ...(country ? { country } : {}) })}`;
  return {
    env,
    keys,
    config,
    service,
    screener: await bearer('officer-un-1', ['un-screener']),
    tcc: await bearer('office-gh', ['tcc-officer'], 'GH'),
    bearer,
    /** Starts another instance on the same database and topics (a restart after a crash). */
    restart: (more: ScreeningOverrides = {}) => startScreening(config, { jwks: env.issuer.jwks, personKeys: keys.source, ...more }),
  };
}

export interface EntryInput {
  id: string;
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  passport?: string;
  status?: 'barred' | 'left-pending-allegation' | 'listed';
}

export const entry = (e: EntryInput) => ({
  id: e.id,
  names: [{ full: e.name, kind: 'primary' }],
  datesOfBirth: e.dateOfBirth ? [e.dateOfBirth] : [],
  placesOfBirth: [],
  nationalities: e.nationality ? [e.nationality] : [],
  documents: e.passport ? [{ type: 'passport', number: e.passport }] : [],
  serviceNumbers: [],
  category: 'sea',
  status: e.status ?? 'barred',
  listingDate: '2020-01-01',
  sourceReference: `CASE-${e.id}`,
});

export const platformFile = (entries: EntryInput[]) => ({ format: 'vetting-banlist', version: 1, entries: entries.map(entry) });

/**
 * Imports `entries` as the list's new version. A version that takes someone off the list waits for a
 * second officer (202): pass `countersigner` (another officer's bearer) to countersign it as a test
 * that means to replace the list would; without one, anything but an immediate publication fails.
 */
export async function publishList(app: Screening['app'], auth: string, listId: string, entries: EntryInput[], countersigner?: string) {
  const res = await request(app).post(`/lists/${listId}/versions`).set('authorization', auth).send(platformFile(entries));
  if (res.status === 202 && countersigner) {
    const signed = await request(app)
      .post(`/lists/${listId}/pending-versions/${encodeURIComponent(res.body.proposalId)}/countersignature`)
      .set('authorization', countersigner)
      .send({ approve: true, reason: 'replacing the list in a test' });
    if (signed.status !== 200) throw new Error(`countersignature failed: ${signed.status} ${JSON.stringify(signed.body)}`);
    return signed.body.published as { listId: string; version: number; contentHash: string };
  }
  if (res.status !== 201) throw new Error(`publish failed: ${res.status} ${JSON.stringify(res.body)}`);
  return res.body as { listId: string; version: number; contentHash: string };
}

export interface CandidateInput {
  candidateId?: string;
  revision?: number;
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  passport?: string;
  type?: 'candidate.submitted' | 'candidate.updated';
  /** The nominating country (default GH) and mission (default MINUSCA). */
  country?: string;
  mission?: string;
}

/** A candidate event as intake builds it, with the person still in clear (`publishCandidates` seals it). */
export function candidateEvent(c: CandidateInput): EventEnvelope {
  const candidateId = c.candidateId ?? randomUUID();
  return createEvent('intake', {
    type: c.type ?? 'candidate.submitted',
    subject: candidateId,
    tenant: c.country ?? 'GH',
    data: {
      candidateId,
      country: c.country ?? 'GH',
      revision: c.revision ?? 1,
      nomination: { mission: c.mission ?? 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
      person: {
        names: [{ full: c.name }],
        ...(c.dateOfBirth ? { dateOfBirth: c.dateOfBirth } : {}),
        ...(c.nationality ? { nationalities: [c.nationality] } : {}),
        ...(c.passport ? { documents: [{ type: 'passport', number: c.passport }] } : {}),
      },
      consent: { given: true, formVersion: 'v1', recordedAt: '2026-01-01T00:00:00Z' },
    },
  });
}

/** Publishes candidate events as intake would: the person sealed under their key, validated against the schemas. */
export async function publishCandidates(t: { env: TestServiceEnv; keys: TestPersonKeys }, events: EventEnvelope[]) {
  const sealed = await Promise.all(
    events.map(async (e) => {
      const { person, ...data } = e.data as { person?: Record<string, unknown> };
      return person ? t.keys.seal({ ...e, data }, { person }) : e;
    }),
  );
  const publisher = createEventPublisher({ kafka: t.env.kafka, validator: createEventValidator(), topicPrefix: t.env.prefix });
  await publisher.connect();
  await publisher.publish(sealed);
  await publisher.disconnect();
}

/** Every message on a topic up to its current end (read directly by partition, no consumer group). */
async function readAll(env: TestServiceEnv, topic: string): Promise<string[]> {
  const admin = env.kafka.admin();
  await admin.connect();
  const ends = await admin.fetchTopicOffsets(topic);
  await admin.disconnect();
  const pending = ends.filter((p) => Number(p.high) > Number(p.low));
  if (!pending.length) return [];
  const consumer = env.kafka.consumer({ groupId: `reader-${randomUUID()}` });
  const values: string[] = [];
  const left = new Map(pending.map((p) => [p.partition, Number(p.high)]));
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading ${topic} timed out`)), 20_000);
    void consumer.run({
      eachMessage: async ({ partition, message }) => {
        values.push(message.value?.toString() ?? '');
        if (Number(message.offset) + 1 >= (left.get(partition) ?? 0)) left.delete(partition);
        if (left.size === 0) {
          clearTimeout(timer);
          resolve();
        }
      },
    });
  });
  await consumer.disconnect();
  return values;
}

/** Every event of the given type on a topic so far. */
export async function eventsOfType<T = Record<string, unknown>>(
  env: TestServiceEnv,
  topic: string,
  type: string,
): Promise<EventEnvelope<T>[]> {
  return (await readAll(env, `${env.prefix}${topic}`)).map((v) => JSON.parse(v) as EventEnvelope<T>).filter((e) => e.type === type);
}
