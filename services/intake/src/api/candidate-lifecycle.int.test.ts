import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { inService } from '../testing/nominations';

let serial = 0;
const submission = (overrides: Record<string, unknown> = {}) => ({
  nomination: { mission: 'UNMISS', rotation: 'L1', category: 'formed-police-unit' },
  person: {
    names: [{ full: `Amina Yusuf ${++serial}` }],
    dateOfBirth: '1988-04-02',
    nationalities: ['NG'],
    documents: [{ type: 'passport', number: `A${serial}0001`, country: 'NG' }],
    previousEmployers: [inService],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'wet-signature-scanned' },
  ...overrides,
});
const declaration = (yes: boolean) => ({
  formVersion: 'v1',
  signedAt: '2026-01-01T00:00:00Z',
  method: 'electronic-signature',
  criminalOffence: false,
  humanRightsViolation: yes,
  repatriatedOnDisciplinaryGrounds: false,
  ...(yes ? { explanation: 'Named in a 2015 inquiry, later cleared' } : {}),
});

describe('candidate lifecycle (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let ng: string;
  let screener: string;
  /** The candidate's events once at least `atLeast` of them are on the topic (reads the whole topic each try). */
  const events = (id: string, atLeast: number) =>
    waitFor(
      async () => {
        const all = (await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 10_000, 2_000)).map(
          (m) => JSON.parse(m.value) as EventEnvelope,
        );
        const mine = all.filter((e) => e.subject === id).sort((a, b) => Number(a.data.revision ?? 0) - Number(b.data.revision ?? 0));
        return mine.length >= atLeast ? mine : undefined;
      },
      { message: `${atLeast} events of ${id}`, timeoutMs: 30_000 },
    );

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    ng = `Bearer ${await env.issuer.token({ sub: 'ng-office', roles: ['tcc-officer'], country: 'NG' })}`;
    screener = `Bearer ${await env.issuer.token({ sub: 'un-1', roles: ['un-screener'] })}`;
  });
  afterAll(async () => intake?.stop());

  it('when the same person is nominated twice for a rotation, then the second is a 409 naming the existing candidate', async () => {
    const body = submission();
    const first = await request(intake.app).post('/candidates').set('authorization', ng).send(body);
    const again = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send({ ...body, person: { ...body.person, names: [{ full: 'A. Yusuf' }] } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ code: 'CANDIDATE.ALREADY_NOMINATED', candidateId: first.body.id, matchedOn: 'document-number' });
    const otherRotation = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send({ ...body, nomination: { ...body.nomination, rotation: 'L2' } });
    expect(otherRotation.status).toBe(201);
  });

  it('when dates are impossible or countries unknown, then a 400 names each field and nothing is stored', async () => {
    const body = submission();
    const res = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send({ ...body, person: { ...body.person, dateOfBirth: '1988-02-30', nationalities: ['QQ'] } });
    expect(res.status).toBe(400);
    expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['body/person/dateOfBirth', 'body/person/nationalities/0']);
  });

  it('when a self-declaration answers yes, then it is recorded and flagged to the UN, and the event carries the items answered yes, never the explanation', async () => {
    const res = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send(submission({ selfDeclaration: declaration(true) }));
    expect(res.status).toBe(201);
    expect(res.body.selfDeclaration).toEqual({ recorded: true, flagged: true });
    const [event] = await events(res.body.id, 1);
    // In clear only that it was recorded and flagged; the items answered yes travel sealed with the person.
    expect(event?.data.selfDeclaration).toEqual({ recorded: true, flagged: true });
    expect(JSON.stringify(event)).not.toContain('humanRightsViolation');
    expect(await intake.sealer.open<'candidate.submitted'>(event!)).toMatchObject({ declared: ['humanRightsViolation'] });
    expect(JSON.stringify(event)).not.toContain('inquiry');
    const flagged = await request(intake.app).get('/candidates?country=NG&declarationFlagged=true').set('authorization', screener);
    expect(flagged.body.items.map((c: { id: string }) => c.id)).toEqual([res.body.id]);
  });

  it('when an office corrects a nomination, then revision 2 is stored, candidate.updated published and screening starts again', async () => {
    const created = await request(intake.app).post('/candidates').set('authorization', ng).send(submission());
    const body = submission();
    const res = await request(intake.app)
      .patch(`/candidates/${created.body.id}`)
      .set('authorization', ng)
      .send({ person: { ...body.person, rank: 'Inspector' } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ revision: 2, status: 'screening' });
    const published = await events(created.body.id, 2);
    expect(published.map((e) => [e.type, e.data.revision])).toEqual([
      ['candidate.submitted', 1],
      ['candidate.updated', 2],
    ]);
    const view = await request(intake.app).get(`/candidates/${created.body.id}`).set('authorization', ng);
    expect(view.body.person.documents[0].number).toMatch(/^•+001$/);
    expect(view.body.timeline.at(-1).event).toMatch(/revision 2/);
  });

  it('when a correction makes a candidate the same person as another, then it is a 409 and the candidate keeps its own keys', async () => {
    const a = submission();
    const b = submission();
    const first = await request(intake.app).post('/candidates').set('authorization', ng).send(a).expect(201);
    const other = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send({ ...b, person: { ...b.person, serviceNumber: `NPF-${serial}` } })
      .expect(201);
    // The correction names the candidate's own passport again, plus the other person's service number.
    const clash = await request(intake.app)
      .patch(`/candidates/${first.body.id}`)
      .set('authorization', ng)
      .send({ person: { ...a.person, serviceNumber: `NPF-${serial}` } });
    expect(clash.status).toBe(409);
    expect(clash.body).toMatchObject({ candidateId: other.body.id, matchedOn: 'service-number' });
    // Its own passport still identifies it: the failed correction gave back nothing it held before.
    const again = await request(intake.app)
      .post('/candidates')
      .set('authorization', ng)
      .send({ ...a, person: { ...a.person, names: [{ full: 'Someone Else' }] } });
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({ candidateId: first.body.id, matchedOn: 'document-number' });
  });

  it('when an office withdraws a nomination (twice), then candidate.withdrawn is published once and it can no longer be changed', async () => {
    const created = await request(intake.app).post('/candidates').set('authorization', ng).send(submission());
    const id = created.body.id as string;
    const first = await request(intake.app)
      .post(`/candidates/${id}/withdrawal`)
      .set('authorization', ng)
      .send({ reason: 'Medical grounds' });
    const second = await request(intake.app)
      .post(`/candidates/${id}/withdrawal`)
      .set('authorization', ng)
      .send({ reason: 'Medical grounds' });
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(second.body).toMatchObject({ status: 'withdrawn', withdrawal: { reason: 'Medical grounds' } });
    const published = await events(id, 2);
    await intake.outbox.runOnce();
    expect(published.filter((e) => e.type === 'candidate.withdrawn')).toHaveLength(1);
    const patch = await request(intake.app)
      .patch(`/candidates/${id}`)
      .set('authorization', ng)
      .send({ selfDeclaration: declaration(false) });
    expect(patch.status).toBe(409);
  });
});
