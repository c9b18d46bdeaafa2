import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, type TestServiceEnv } from '@vetting/platform/testing';
import { screeningConfigSchema } from '../config';
import { startScreening, type ScreeningOverrides } from '../start-screening';

export type Screening = Awaited<ReturnType<typeof startScreening>>;

/** A running screening service on its own database and topics, with tokens for each role. */
export async function startTestScreening(settings: Record<string, string> = {}, overrides: ScreeningOverrides = {}) {
  const env = await createTestServiceEnv('screening');
  const config = loadConfig(screeningConfigSchema, { ...env.env, CHECK_RATE_KEY_PREFIX: `${env.prefix}checks:`, ...settings });
  const service = await startScreening(config, { jwks: env.issuer.jwks, ...overrides });
  const bearer = async (sub: string, roles: Parameters<TestServiceEnv['issuer']['token']>[0]['roles'], country?: string) =>
    `Bearer ${await env.issuer.token({ sub, roles, ...(country ? { country } : {}) })}`;
  return {
    env,
    config,
    service,
    screener: await bearer('officer-un-1', ['un-screener']),
    tcc: await bearer('office-gh', ['tcc-officer'], 'GH'),
    bearer,
    /** Starts another instance on the same database and topics (a restart after a crash). */
    restart: (more: ScreeningOverrides = {}) => startScreening(config, { jwks: env.issuer.jwks, ...more }),
  };
}

export interface EntryInput {
  id: string;
  name: string;
  dateOfBirth?: string;
  nationality?: string;
  passport?: string;
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
  status: 'barred',
  listingDate: '2020-01-01',
  sourceReference: `CASE-${e.id}`,
});

export const platformFile = (entries: EntryInput[]) => ({ format: 'vetting-banlist', version: 1, entries: entries.map(entry) });

export async function publishList(app: Screening['app'], auth: string, listId: string, entries: EntryInput[]) {
  const res = await request(app).post(`/lists/${listId}/versions`).set('authorization', auth).send(platformFile(entries));
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
}

export function candidateEvent(c: CandidateInput): EventEnvelope {
  const candidateId = c.candidateId ?? randomUUID();
  return createEvent('intake', {
    type: c.type ?? 'candidate.submitted',
    subject: candidateId,
    tenant: 'GH',
    data: {
      candidateId,
      country: 'GH',
      revision: c.revision ?? 1,
      nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
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

/** Publishes candidate events as intake would (validated against their schemas). */
export async function publishCandidates(env: TestServiceEnv, events: EventEnvelope[]) {
  const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
  await publisher.connect();
  await publisher.publish(events);
  await publisher.disconnect();
}

/** Every event of the given type on a topic so far. */
export async function eventsOfType<T = Record<string, unknown>>(env: TestServiceEnv, topic: string, type: string, atLeast = 1): Promise<EventEnvelope<T>[]> {
  const messages = await readTopic(env.kafka, `${env.prefix}${topic}`, atLeast, 5_000);
  return messages.map((m) => JSON.parse(m.value) as EventEnvelope<T>).filter((e) => e.type === type);
}
