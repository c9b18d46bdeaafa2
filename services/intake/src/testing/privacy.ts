import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, serviceKafkaEnv, testInfra, type TestServiceEnv } from '@vetting/platform/testing';
// The audit service runs beside intake where asked: erasure must leave its hash chain verifiable.
import { auditConfigSchema } from '../../../audit/src/config';
import { startAudit } from '../../../audit/src/start-audit';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';

/** What an office enters about the person that must never be stored or published in clear. */
export const SECRETS = {
  name: 'Akosua Frimpong-Boatemaa',
  document: 'P7654321',
  service: 'GA-99887',
  explanation: 'Arrested in 2019, released without charge',
  employmentForm: 'EMPDECL-7731',
  role: 'Logistics Subjectrole',
};
export const nomination = (rotation: string, name = SECRETS.name) => ({
  nomination: { mission: 'UNMISS', rotation, category: 'staff-officer' },
  person: {
    names: [{ full: name }],
    dateOfBirth: '1988-04-12',
    documents: [{ type: 'passport', number: SECRETS.document, country: 'GH' }],
    serviceNumber: SECRETS.service,
    previousEmployers: [
      { name: 'Relief Works', role: SECRETS.role, contactEmail: 'hr@relief.example', country: 'KE', from: '2021-03', to: '2024-06' },
    ],
  },
  // The history leaves gaps; the candidate declared no other employer (sealed like the rest).
  employmentDeclaration: {
    noOtherEmployer: true,
    formVersion: SECRETS.employmentForm,
    signedAt: '2026-01-10T09:00:00Z',
    method: 'wet-signature-scanned',
  },
  consent: { given: true, formVersion: 'UN-HRSP-2024.1', signedAt: '2026-01-10T09:00:00Z', method: 'electronic-signature' },
  selfDeclaration: {
    formVersion: 'HRSP-SC-2024',
    signedAt: '2026-01-10T09:00:00Z',
    method: 'electronic-signature',
    criminalOffence: true,
    humanRightsViolation: false,
    repatriatedOnDisciplinaryGrounds: false,
    explanation: SECRETS.explanation,
  },
});

/**
 * Intake on the real Kafka and database with tokens for an office, an administrator and an auditor,
 * and, with `audit`, the audit service reading the same topics.
 */
export async function startPrivacyHarness(options: { audit?: boolean } = {}) {
  const env: TestServiceEnv = await createTestServiceEnv('intake');
  const intake = await startIntake(
    loadConfig(intakeConfigSchema, {
      ...env.env,
      KEYS_DIR: mkdtempSync(`${tmpdir()}/intake-keys-`),
      EMPLOYMENT_DECLARATION_FORMS: SECRETS.employmentForm,
    }),
    { jwks: env.issuer.jwks },
  );
  const audit = options.audit ? await startAuditBeside(env) : undefined;

  /** Every stored document of intake as text, except the outbox copies of events (Kafka carries those). */
  const rawDatabase = async () => {
    const names = [
      'candidates',
      'candidates_revisions',
      'candidate_keys',
      'candidate_search',
      'roll_order',
      'data_keys',
      'upload_chunks',
      'access_outbox',
    ];
    const docs = await Promise.all(
      names.map((n) =>
        intake.runtime.db
          .collection(n)
          .find({}, { projection: { outbox: 0 } })
          .toArray(),
      ),
    );
    return JSON.stringify(docs);
  };

  /** The events of one type about one candidate on the candidates topic (read until one is there). */
  const published = async (id: string, type: string) => {
    const matches = (value: string) => {
      const e = JSON.parse(value) as EventEnvelope;
      return e.subject === id && e.type === type;
    };
    const read = await readTopic(
      env.kafka,
      `${env.prefix}vetting.candidates`,
      (messages) => messages.some((m) => matches(m.value)),
      60_000,
    );
    return read.filter((m) => matches(m.value)).map((m) => JSON.parse(m.value) as EventEnvelope);
  };

  return {
    env,
    intake,
    audit,
    gh: `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`,
    admin: `Bearer ${await env.issuer.token({ sub: 'admin-1', roles: ['admin'] })}`,
    auditor: `Bearer ${await env.issuer.token({ sub: 'auditor-1', roles: ['auditor'] })}`,
    rawDatabase,
    published,
    async stop() {
      await audit?.stop();
      await intake.stop();
      await env.cleanup();
    },
  };
}

export type PrivacyHarness = Awaited<ReturnType<typeof startPrivacyHarness>>;

/** The audit service on intake's test environment, speaking as its own Kafka principal (it reads every topic; intake's may not). */
async function startAuditBeside(env: TestServiceEnv) {
  const auditEnv = {
    ...env.env,
    ...serviceKafkaEnv(await testInfra(), 'audit'),
    SERVICE_NAME: 'audit',
    MONGO_DB: `${env.env.MONGO_DB}_audit`,
    AUDIT_CHECKPOINT_DIR: mkdtempSync(`${tmpdir()}/audit-cp-`),
    AUDIT_CHECKPOINT_EVERY: '3',
  };
  return startAudit(loadConfig(auditConfigSchema, auditEnv), { jwks: env.issuer.jwks });
}
