import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { EventEnvelope } from '@vetting/platform';
import { SECRETS, nomination, startPrivacyHarness, type PrivacyHarness } from '../testing/privacy';

describe('personal data at rest and the access export (real Kafka and database)', () => {
  let h: PrivacyHarness;
  let env: PrivacyHarness['env'];
  let intake: PrivacyHarness['intake'];
  let gh: string;
  let rawDatabase: PrivacyHarness['rawDatabase'];
  let published: PrivacyHarness['published'];

  beforeAll(async () => {
    h = await startPrivacyHarness();
    ({ env, intake, gh, rawDatabase, published } = h);
  }, 120_000);
  afterAll(async () => h?.stop());

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
});
