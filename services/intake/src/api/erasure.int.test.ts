import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '@vetting/platform';
import { waitFor } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { IN_SERVICE_CELLS, IN_SERVICE_COLUMNS, inService } from '../testing/nominations';
import { SECRETS, nomination, startPrivacyHarness, type PrivacyHarness } from '../testing/privacy';

describe('erasure by an administrator, by the retention job and of an uploaded person (real Kafka and database, audit beside)', () => {
  let h: PrivacyHarness;
  let env: PrivacyHarness['env'];
  let intake: PrivacyHarness['intake'];
  let audit: NonNullable<PrivacyHarness['audit']>;
  let gh: string;
  let admin: string;
  let auditor: string;
  let published: PrivacyHarness['published'];

  beforeAll(async () => {
    h = await startPrivacyHarness({ audit: true });
    ({ env, intake, gh, admin, auditor, published } = h);
    audit = h.audit!;
  }, 120_000);
  afterAll(async () => h?.stop());

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
        expect(await short.retention.runNow()).toBe(1);
        const after = await request(short.app).get(`/candidates/${gone.body.id}`).set('authorization', gh).expect(200);
        expect(after.body).toMatchObject({
          status: 'withdrawn',
          displayName: '(erased)',
          erased: { reason: expect.stringMatching(/retention period for withdrawn/) },
        });
        expect((await request(short.app).get(`/candidates/${kept.body.id}`).set('authorization', gh).expect(200)).body.displayName).toBe(
          'Yaw Owusu',
        );
        expect(await short.retention.runNow()).toBe(0);
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
