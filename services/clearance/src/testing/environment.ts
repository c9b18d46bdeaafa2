import { randomUUID } from 'node:crypto';
import request from 'supertest';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import {
  createTestPersonKeys,
  createTestServiceEnv,
  readTopic,
  waitFor,
  type ReadMessage,
  type TestServiceEnv,
} from '@vetting/platform/testing';
import { clearanceConfigSchema } from '../config';
import { startClearance } from '../start-clearance';
import type { caseView } from '../use-cases/read-cases.use-case';

/**
 * The clearance service on the real Kafka, FerretDB and Redis (random database and topics), a
 * publisher for the events it consumes, and a clock the tests can move forward (validity, expiry).
 */
export async function startClearanceForTest(settings: Record<string, string> = {}) {
  const env: TestServiceEnv = await createTestServiceEnv('clearance');
  const keys = await createTestPersonKeys();
  const clock = { offsetMs: 0 };
  const service = await startClearance(
    loadConfig(clearanceConfigSchema, { ...env.env, EXPIRY_INTERVAL_MS: '3600000', ...settings }),
    { jwks: env.issuer.jwks, personKeys: keys.source },
    { now: () => new Date(Date.now() + clock.offsetMs) },
  );
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
const producerOf = (type: string) =>
  ({ candidate: 'intake', screening: 'screening', reference: 'references', references: 'references' })[type.split('.')[0]!] ?? type;
const ev = (type: string, candidateId: string, data: Record<string, unknown>) =>
  createEvent(producerOf(type), { type, subject: candidateId, tenant: 'GH', data: { candidateId, country: 'GH', ...data } });

type Hit = {
  listId: string;
  entryId: string;
  score: number;
  band: 'match' | 'possible-match' | 'weak';
  entryStatus?: string;
  resolution?: string;
};

/** A soldier whose only employer in the look-back window is their national service, declared so. */
export const serviceOnly = { periods: [{ from: '2012', nationalService: true }], declaredNoOtherEmployer: true };

/** The record checks the built-in policy requires of such a soldier, all clean. */
export const cleanRecords = [
  { checkId: 'k-ncr', checkType: 'national-criminal-record', result: 'no-adverse' },
  { checkId: 'k-dr', checkType: 'disciplinary-record', result: 'no-adverse' },
  { checkId: 'k-un', checkType: 'un-records', result: 'no-adverse' },
];

type Employment = { periods: { from?: string; to?: string; nationalService?: boolean }[]; declaredNoOtherEmployer: boolean };

/** The events of the other services, as they publish them. */
export const events = {
  submitted: (
    id: string,
    category = 'military-contingent',
    revision = 1,
    extra: { employment?: Employment | null; declared?: string[] } = {},
  ) =>
    ev(revision === 1 ? 'candidate.submitted' : 'candidate.updated', id, {
      revision,
      nomination: { mission: 'MINUSCA', rotation: 'R1', category },
      person: { names: [{ full: 'Test Person' }] },
      consent: { given: true, formVersion: 'v1', recordedAt: '2026-01-01T00:00:00Z' },
      ...(extra.employment === null ? {} : { employment: extra.employment ?? serviceOnly }),
      // The declared items travel sealed with the person (sealFields moves them into the block).
      ...(extra.declared ? { selfDeclaration: { recorded: true, flagged: true }, declared: extra.declared } : {}),
    }),
  screened: (
    id: string,
    opts: { outcome?: 'clear' | 'possible-match' | 'match'; hits?: Hit[]; trigger?: string; screeningId?: string; revision?: number } = {},
  ) =>
    ev('screening.completed', id, {
      screeningId: opts.screeningId ?? randomUUID(),
      candidateRevision: opts.revision ?? 1,
      outcome: opts.outcome ?? 'clear',
      listVersions: [{ listId: 'un-sea', version: 1, contentHash: 'sha256:abc' }],
      hits: opts.hits ?? [],
      trigger: opts.trigger ?? 'submitted',
    }),
  matchResolved: (
    id: string,
    screeningId: string,
    resolution: 'false-positive' | 'confirmed',
    outcome: 'clear' | 'possible-match' | 'match',
    entryId = 'e1',
  ) => ev('screening.match-resolved', id, { screeningId, listId: 'un-sea', entryId, resolution, resolvedBy: 'screener-1', outcome }),
  /** The set's results: the clean record checks and `checks` (`only` replaces the record checks). */
  references: (id: string, checks: { checkId?: string; checkType: string; result: string; findings?: string[] }[] = [], only = false) =>
    ev('references.completed', id, { candidateRevision: 1, checks: only ? checks : [...cleanRecords, ...checks] }),
  check: (id: string, checkId: string, checkType: string, result: string) =>
    ev('reference.check-completed', id, { checkId, checkType, result }),
  /** References superseded a held disclosure request of revision 1 when revision 2 was opened. */
  superseded: (id: string, checkId: string, reason: 'employer-asked-again' | 'employer-not-in-correction') =>
    ev('reference.check-superseded', id, {
      checkId,
      checkType: 'misconduct-disclosure',
      candidateRevision: 1,
      supersededByRevision: 2,
      reason,
      ...(reason === 'employer-asked-again' ? { replacedBy: `${id}.2.misconduct-disclosure.1` } : {}),
    }),
  withdrawn: (id: string) => ev('candidate.withdrawn', id, { reason: 'no longer nominated' }),
  erased: (id: string) => ev('candidate.erased', id, { erasedAt: new Date().toISOString(), basis: 'request' }),
};

export const possibleHit = (entryId = 'e1', entryStatus?: string): Hit => ({
  listId: 'un-sea',
  entryId,
  score: 0.91,
  band: 'possible-match',
  ...(entryStatus ? { entryStatus } : {}),
});
export const newCandidateId = () => `cand-${randomUUID().slice(0, 8)}`;

type CaseBody = ReturnType<typeof caseView>;

/** A case as GET /cases/:id answers it, and a wait for a case in a given state (it waits for conditions, never for time). */
export function caseReader(app: () => Parameters<typeof request>[0], authorization: () => string) {
  const caseOf = async (id: string): Promise<CaseBody> =>
    (await request(app()).get(`/cases/${id}`).set('authorization', authorization())).body;
  const until = (id: string, ok: (c: CaseBody) => boolean, message: string) =>
    waitFor(async () => ((c) => (ok(c) ? c : undefined))(await caseOf(id)), { message, timeoutMs: 90_000 });
  return { caseOf, until };
}
