import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEvent, createEventPublisher, createEventValidator, loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestPersonKeys, createTestServiceEnv, waitFor, type TestPersonKeys, type TestServiceEnv } from '@vetting/platform/testing';
import { auditConfigSchema } from '../config';
import { startAudit } from '../start-audit';

export type AuditService = Awaited<ReturnType<typeof startAudit>>;

/** The story of one candidate as the other services tell it; `at` spreads the event times. */
export function candidateStory(candidateId: string, country: string, base: Date): EventEnvelope[] {
  const at = (minutes: number) => new Date(base.getTime() + minutes * 60_000);
  const submitted = createEvent('intake', {
    type: 'candidate.submitted',
    subject: candidateId,
    tenant: country,
    time: at(0),
    data: {
      candidateId,
      country,
      revision: 1,
      nomination: { mission: 'MINUSCA', rotation: 'R7', category: 'military-contingent' },
      person: { names: [{ full: 'Kwame Mensah' }], dateOfBirth: '1990-05', documents: [{ type: 'passport', number: 'G1234567' }] },
      consent: { given: true, formVersion: 'v1', recordedAt: at(0).toISOString() },
    },
  });
  const screened = createEvent('screening', {
    type: 'screening.completed',
    subject: candidateId,
    tenant: country,
    time: at(2),
    causationId: submitted.id,
    data: {
      candidateId,
      country,
      screeningId: `s-${candidateId}`,
      candidateRevision: 1,
      outcome: 'possible-match',
      listVersions: [{ listId: 'un-sea', version: 3, contentHash: 'abc' }],
      hits: [{ listId: 'un-sea', entryId: 'SEA-17', score: 0.81, band: 'possible-match' }],
    },
  });
  const resolved = createEvent('screening', {
    type: 'screening.match-resolved',
    subject: candidateId,
    tenant: country,
    time: at(30),
    causationId: screened.id,
    data: {
      candidateId,
      country,
      screeningId: `s-${candidateId}`,
      listId: 'un-sea',
      entryId: 'SEA-17',
      resolution: 'false-positive',
      resolvedBy: 'screener-1',
      reason: 'different date of birth',
      outcome: 'clear',
    },
  });
  const requested = createEvent('references', {
    type: 'reference.check-requested',
    subject: candidateId,
    tenant: country,
    time: at(3),
    causationId: submitted.id,
    data: { candidateId, country, checkId: `k-${candidateId}`, checkType: 'prior-employer' },
  });
  const answered = createEvent('references', {
    type: 'reference.check-completed',
    subject: candidateId,
    tenant: country,
    time: at(60),
    causationId: requested.id,
    data: { candidateId, country, checkId: `k-${candidateId}`, checkType: 'prior-employer', result: 'no-response' },
  });
  // The deciding service's clock runs behind: its event time is before its cause's.
  const decided = createEvent('clearance', {
    type: 'clearance.decided',
    subject: candidateId,
    tenant: country,
    time: at(59),
    causationId: answered.id,
    data: {
      candidateId,
      country,
      decisionId: `d-${candidateId}`,
      outcome: 'not-cleared',
      policyVersion: 2,
      decidedBy: 'officer-9',
      reasons: ['=HYPERLINK("http://x.example","no reference")'],
      inputs: {
        screening: { screeningId: `s-${candidateId}`, outcome: 'clear', listVersions: [] },
        references: [{ checkType: 'prior-employer', result: 'no-response' }],
      },
    },
  });
  return [submitted, screened, requested, resolved, answered, decided];
}

/** Publishes events as their producers do: personal fields sealed under the person's key. */
export async function publish(t: { env: TestServiceEnv; keys: TestPersonKeys }, plain: EventEnvelope[]) {
  const { env, keys } = t;
  const events = await Promise.all(plain.map((e) => keys.sealFields(e)));
  const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
  await publisher.connect();
  // Freshly created topics can take a moment to have leaders ("does not host this topic-partition").
  await waitFor(async () => (await publisher.publish(events), true), { timeoutMs: 30_000, message: 'events published' });
  await publisher.disconnect();
}

export async function startAuditForTest(extra: Record<string, string> = {}) {
  const env = await createTestServiceEnv('audit');
  const checkpointDir = await mkdtemp(join(tmpdir(), 'audit-checkpoints-'));
  const config = loadConfig(auditConfigSchema, {
    ...env.env,
    AUDIT_CHECKPOINT_DIR: checkpointDir,
    AUDIT_CHECKPOINT_EVERY: '5',
    AUDIT_CHECKPOINT_SECONDS: '3600',
    ...extra,
  });
  const keys = await createTestPersonKeys();
  const audit = await startAudit(config, { jwks: env.issuer.jwks, personKeys: keys.source });
  const auditor = `Bearer ${await env.issuer.token({ sub: 'auditor-1', roles: ['auditor'] })}`;
  return { env, keys, audit, config, checkpointDir, auditor };
}

export const untilHead = (audit: AuditService, seq: number) =>
  waitFor(async () => ((audit.appender.currentHead()?.seq ?? 0) >= seq ? true : undefined), {
    timeoutMs: 60_000,
    message: `chain head ${seq}`,
  });
