import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, serviceKafkaEnv, testInfra, type TestServiceEnv, waitFor } from '@vetting/platform/testing';
// The audit service runs beside intake here: erasure must leave its hash chain verifiable.
import { auditConfigSchema } from '../../../audit/src/config';
import { startAudit } from '../../../audit/src/start-audit';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS, inService } from '../test-support/nomination.fixtures';

const SECRETS = {
  name: 'Akosua Frimpong-Boatemaa',
  document: 'P7654321',
  service: 'GA-99887',
  explanation: 'Arrested in 2019, released without charge',
  employmentForm: 'EMPDECL-7731',
  role: 'Logistics Subjectrole',
};
const nomination = (rotation: string, name = SECRETS.name) => ({
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

describe('personal data at rest, erasure and the access export (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let audit: Awaited<ReturnType<typeof startAudit>>;
  let gh: string;
  let admin: string;
  let auditor: string;

  /** Every stored document of intake as text, except the outbox copies of events (Kafka carries those). */
  const rawDatabase = async () => {
    const names = [
      'candidates',
      'candidates_revisions',
      'candidate_keys',
      'candidate_search',
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

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(
      loadConfig(intakeConfigSchema, {
        ...env.env,
        KEYS_DIR: mkdtempSync(`${tmpdir()}/intake-keys-`),
        EMPLOYMENT_DECLARATION_FORMS: SECRETS.employmentForm,
      }),
      { jwks: env.issuer.jwks },
    );
    // The audit service speaks as its own Kafka principal (it reads every topic; intake's may not).
    const auditEnv = {
      ...env.env,
      ...serviceKafkaEnv(await testInfra(), 'audit'),
      SERVICE_NAME: 'audit',
      MONGO_DB: `${env.env.MONGO_DB}_audit`,
      AUDIT_CHECKPOINT_DIR: mkdtempSync(`${tmpdir()}/audit-cp-`),
      AUDIT_CHECKPOINT_EVERY: '3',
    };
    audit = await startAudit(loadConfig(auditConfigSchema, auditEnv), { jwks: env.issuer.jwks });
    gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    admin = `Bearer ${await env.issuer.token({ sub: 'admin-1', roles: ['admin'] })}`;
    auditor = `Bearer ${await env.issuer.token({ sub: 'auditor-1', roles: ['auditor'] })}`;
  }, 120_000);
  afterAll(async () => {
    await audit?.stop();
    await intake?.stop();
    await env?.cleanup();
  });

  it(
    'when a person is nominated, then no name, number, employer or declaration answer is stored in clear, the same person is still caught, and prior employers reach the event',
    { timeout: 120_000 },
    async () => {
      const created = await request(intake.app).post('/candidates').set('authorization', gh).send(nomination('R-AT-REST')).expect(201);
      const raw = await rawDatabase();
      // Not vacuous: the candidate, their data key and their dedupe keys are all in the dump.
      expect(raw).toContain(created.body.id);
      expect(await intake.runtime.db.collection('data_keys').countDocuments({ _id: created.body.id as never })).toBe(1);
      // One claim document holds the three keys (document number, service number, name + date of birth).
      const [claim, ...more] = await intake.runtime.db.collection('candidate_keys').find({ candidateId: created.body.id }).toArray();
      expect(more).toHaveLength(0);
      expect([claim?.doc, claim?.svc, claim?.name].every((k) => typeof k === 'string')).toBe(true);
      for (const secret of [...Object.values(SECRETS), 'Frimpong', 'relief.example', '1988-04-12']) expect(raw).not.toContain(secret);
      // Dedupe works on blind indexes: the same passport under another spelling of the name is the same person.
      const again = await request(intake.app)
        .post('/candidates')
        .set('authorization', gh)
        .send(nomination('R-AT-REST', 'BOATEMAA, Akosua'))
        .expect(409);
      expect(again.body).toMatchObject({ candidateId: created.body.id, matchedOn: 'document-number' });
      const shown = await request(intake.app).get(`/candidates/${created.body.id}`).set('authorization', gh).expect(200);
      expect(shown.body.person.documents[0].number).toBe('•••••321');
      const [submitted] = await published(created.body.id, 'candidate.submitted');
      // The event carries the person only sealed under their key: nothing in clear, everything once opened.
      for (const secret of [...Object.values(SECRETS), 'hr@relief.example']) expect(JSON.stringify(submitted!.data)).not.toContain(secret);
      const opened = await intake.sealer.open<'candidate.submitted'>(submitted!);
      expect(opened!.person.previousEmployers).toEqual([
        { name: 'Relief Works', role: SECRETS.role, contactEmail: 'hr@relief.example', country: 'KE', from: '2021-03', to: '2024-06' },
      ]);
      expect(opened).toMatchObject({ employment: { periods: [{ from: '2021-03', to: '2024-06' }], declaredNoOtherEmployer: true } });
    },
  );

  it(
    'when the owning office asks for the access export, then it gets everything held, opened, and the read is recorded',
    { timeout: 120_000 },
    async () => {
      const created = await request(intake.app).post('/candidates').set('authorization', gh).send(nomination('R-EXPORT')).expect(201);
      const res = await request(intake.app).get(`/candidates/${created.body.id}/export`).set('authorization', gh).expect(200);
      expect(res.body.candidate.person).toMatchObject({
        names: [{ full: SECRETS.name }],
        documents: [{ number: SECRETS.document }],
        serviceNumber: SECRETS.service,
      });
      expect(res.body.candidate.selfDeclaration).toMatchObject({ criminalOffence: true, explanation: SECRETS.explanation });
      expect(res.body.candidate.employmentDeclaration).toMatchObject({ noOtherEmployer: true, formVersion: SECRETS.employmentForm });
      expect(res.body.revisions).toEqual([
        expect.objectContaining({
          revision: 1,
          cause: 'submit',
          status: 'screening',
          person: expect.objectContaining({ serviceNumber: SECRETS.service }),
        }),
      ]);
      const access = await intake.runtime.db.collection('access_outbox').find({}).toArray();
      expect(
        access
          .flatMap((d) => d.outbox as EventEnvelope[])
          .some((e) => e.subject === created.body.id && (e.data as { resource: string }).resource === 'intake/candidate-export'),
      ).toBe(true);
      const np = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
      await request(intake.app).get(`/candidates/${created.body.id}/export`).set('authorization', np).expect(404);
    },
  );

  it(
    'when an admin erases a person, then their data is unreadable everywhere, they show as erased, candidate.erased is published once, and the audit chain still verifies',
    { timeout: 240_000 },
    async () => {
      const created = await request(intake.app).post('/candidates').set('authorization', gh).send(nomination('R-ERASE')).expect(201);
      const id = created.body.id as string;
      // Wait until the submission is published and in the audit chain, so erasure happens to a person the trail already holds.
      await waitFor(
        async () => ((await request(audit.app).get(`/trails/${id}`).set('authorization', auditor)).body.steps?.length ? true : undefined),
        { timeoutMs: 60_000, message: 'submission in the audit trail' },
      );
      await waitFor(
        async () =>
          (await intake.runtime.db.collection('candidates_revisions').countDocuments({ aggregateId: id, outboxPending: true })) === 0
            ? true
            : undefined,
        { message: 'submission published' },
      );

      await request(intake.app)
        .post(`/candidates/${id}/erasure`)
        .set('authorization', gh)
        .send({ reason: 'data-subject request' })
        .expect(403);
      const erased = await request(intake.app)
        .post(`/candidates/${id}/erasure`)
        .set('authorization', admin)
        .send({ reason: 'data-subject request 2026-114' })
        .expect(200);
      expect(erased.body).toMatchObject({ id, displayName: '(erased)', erased: { reason: 'data-subject request 2026-114' } });
      expect(erased.body.person).toBeUndefined();
      await request(intake.app).post(`/candidates/${id}/erasure`).set('authorization', admin).send({ reason: 'again' }).expect(200);

      const shown = await request(intake.app).get(`/candidates/${id}`).set('authorization', gh).expect(200);
      expect(shown.body).toMatchObject({ displayName: '(erased)', status: 'screening', caseReference: created.body.caseReference });
      const exported = await request(intake.app).get(`/candidates/${id}/export`).set('authorization', admin).expect(200);
      expect(JSON.stringify(exported.body)).not.toContain(SECRETS.service);
      expect(exported.body.erased).toMatchObject({ reason: 'data-subject request 2026-114' });
      // Nothing of the person in clear, not even in the published copies of their events, and their data key is gone.
      const revisions = await intake.runtime.db.collection('candidates_revisions').find({ aggregateId: id }).toArray();
      for (const secret of [SECRETS.document, SECRETS.service, SECRETS.name]) expect(JSON.stringify(revisions)).not.toContain(secret);
      expect(await intake.runtime.db.collection('data_keys').countDocuments({ _id: id as never, wrapped: { $exists: true } })).toBe(0);
      expect(await intake.runtime.db.collection('candidate_keys').countDocuments({ candidateId: id })).toBe(0);
      // The person can be nominated again (their dedupe keys went with them).
      await request(intake.app).post('/candidates').set('authorization', gh).send(nomination('R-ERASE')).expect(201);

      const erasures = await published(id, 'candidate.erased');
      expect(erasures).toHaveLength(1);
      expect(await intake.runtime.db.collection('candidates_revisions').countDocuments({ causedBy: `erase:${id}` })).toBe(1);
      expect(erasures[0]!.data).toEqual({ candidateId: id, country: 'GH', erasedAt: expect.any(String), basis: 'request' });

      const trail = await waitFor(
        async () => {
          const res = await request(audit.app).get(`/trails/${id}`).set('authorization', auditor);
          return res.body.steps?.some((s: { type: string }) => s.type === 'candidate.erased') ? res.body : undefined;
        },
        { timeoutMs: 60_000, message: 'erasure in the audit trail' },
      );
      expect(JSON.stringify(trail)).not.toContain(SECRETS.document);
      const verified = await request(audit.app).get('/chain/verify').set('authorization', auditor).expect(200);
      expect(verified.body).toMatchObject({ ok: true });
      expect(verified.body.checked).toBeGreaterThan(0);
    },
  );

  it(
    'when a retention period ends, then the purge job erases that person and only them, and announces it',
    { timeout: 240_000 },
    async () => {
      // A second intake whose withdrawn nominations are kept 0 days; its job runs only when asked.
      const short = await startIntake(
        loadConfig(intakeConfigSchema, {
          ...env.env,
          MONGO_DB: `${env.env.MONGO_DB}_ret`,
          KEYS_DIR: mkdtempSync(`${tmpdir()}/intake-keys-`),
          EMPLOYMENT_DECLARATION_FORMS: SECRETS.employmentForm,
          RETENTION_WITHDRAWN_DAYS: '0',
          RETENTION_INTERVAL_MS: '3600000',
        }),
        { jwks: env.issuer.jwks },
      );
      try {
        const gone = await request(short.app).post('/candidates').set('authorization', gh).send(nomination('R-RETAIN')).expect(201);
        const kept = await request(short.app)
          .post('/candidates')
          .set('authorization', gh)
          .send({
            ...nomination('R-RETAIN', 'Yaw Owusu'),
            person: { names: [{ full: 'Yaw Owusu' }], serviceNumber: 'GA-1', previousEmployers: [inService] },
          })
          .expect(201);
        await request(short.app)
          .post(`/candidates/${gone.body.id}/withdrawal`)
          .set('authorization', gh)
          .send({ reason: 'did not deploy' })
          .expect(200);
        expect(await short.retention.runOnce()).toBe(1);
        const after = await request(short.app).get(`/candidates/${gone.body.id}`).set('authorization', gh).expect(200);
        expect(after.body).toMatchObject({
          status: 'withdrawn',
          displayName: '(erased)',
          erased: { reason: expect.stringMatching(/retention period for withdrawn/) },
        });
        expect((await request(short.app).get(`/candidates/${kept.body.id}`).set('authorization', gh).expect(200)).body.displayName).toBe(
          'Yaw Owusu',
        );
        expect(await short.retention.runOnce()).toBe(0);
        const [erased] = await published(gone.body.id, 'candidate.erased');
        expect(erased!.data).toMatchObject({ basis: 'retention' });
      } finally {
        await short.runtime.db.dropDatabase().catch(() => undefined);
        await short.stop();
      }
    },
  );

  it(
    'when an uploaded person is erased, then neither the staged rows nor the upload outbox keep their data',
    { timeout: 240_000 },
    async () => {
      const csv = `name,date_of_birth,service_number,consent_given,consent_form_version,consent_signed_at,consent_method,${IN_SERVICE_COLUMNS}\nEfua Sarpong,1991-02-03,GA-55501,yes,v1,2026-01-10,electronic-signature,${IN_SERVICE_CELLS}\nKojo Ansah,1992-03-04,GA-55502,yes,v1,2026-01-10,electronic-signature,${IN_SERVICE_CELLS}\n`;
      const res = await request(intake.app)
        .post('/uploads?mode=all-or-nothing&mission=UNMISS&rotation=R-UP-ERASE&category=staff-officer')
        .set('authorization', gh)
        .set('content-type', 'text/csv')
        .send(csv)
        .expect(202);
      await waitFor(
        async () =>
          (await request(intake.app).get(`/uploads/${res.body.id}`).set('authorization', gh)).body.state === 'completed' ? true : undefined,
        { message: 'upload stored' },
      );
      const roll = (await request(intake.app).get('/candidates?rotation=R-UP-ERASE').set('authorization', gh).expect(200)).body.items as {
        id: string;
        displayName: string;
      }[];
      const efua = roll.find((c) => c.displayName === 'Efua Sarpong')!;
      const outboxText = async () => JSON.stringify(await intake.runtime.db.collection('upload_outbox').find({}).toArray());
      // An upload publishes its candidate.submitted events itself: no outbox copy of them is ever stored.
      expect(await outboxText()).toBe('[]');
      await request(intake.app)
        .post(`/candidates/${efua.id}/erasure`)
        .set('authorization', admin)
        .send({ reason: 'data-subject request' })
        .expect(200);
      const staged = JSON.stringify(await intake.runtime.db.collection('upload_chunks').find({ uploadId: res.body.id }).toArray());
      const outbox = await outboxText();
      expect(staged).toContain(res.body.id); // the staged chunk (its problems) is still there, its rows sealed
      for (const secret of ['GA-55501', 'Efua', 'Sarpong']) {
        expect(staged).not.toContain(secret);
        expect(outbox).not.toContain(secret);
      }
      expect((await request(intake.app).get(`/candidates/${efua.id}`).set('authorization', gh).expect(200)).body.displayName).toBe(
        '(erased)',
      );
    },
  );
});
