import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, createEvent, createEventPublisher, createEventValidator, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';
import { BUILT_IN_RULES } from '@vetting/policy';
import { inService } from '../testing/nominations';

let serial = 0;
/** A new person each call (a repeated person is a duplicate nomination). */
const submission = (overrides: Record<string, unknown> = {}) => ({
  nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
  person: {
    names: [{ full: `Kwame Mensah ${++serial}` }],
    dateOfBirth: '1990-05',
    nationalities: ['GH'],
    serviceNumber: `GA-${serial}`,
    previousEmployers: [inService],
  },
  consent: { given: true, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' },
  ...overrides,
});

describe('intake candidates API (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let intake: Awaited<ReturnType<typeof startIntake>>;
  let officerGH: string;
  let officerNP: string;

  beforeAll(async () => {
    env = await createTestServiceEnv('intake');
    intake = await startIntake(loadConfig(intakeConfigSchema, env.env), { jwks: env.issuer.jwks });
    officerGH = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
    officerNP = `Bearer ${await env.issuer.token({ sub: 'np-office', roles: ['tcc-officer'], country: 'NP' })}`;
  });
  afterAll(async () => {
    await intake?.stop();
    await env?.cleanup();
  });

  it('when an office nominates a person, then the candidate is stored for its country and candidate.submitted is published once', async () => {
    const res = await request(intake.app).post('/candidates').set('authorization', officerGH).send(submission());
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ country: 'GH', status: 'screening' });
    const messages = await readTopic(env.kafka, `${env.prefix}vetting.candidates`, 1);
    const events = messages.map((m) => JSON.parse(m.value) as EventEnvelope).filter((e) => e.subject === res.body.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: 'candidate.submitted', tenant: 'GH', data: { candidateId: res.body.id, revision: 1 } });
  });

  it('when consent is not given, then nothing is stored and the field is named', async () => {
    const res = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerGH)
      .send(submission({ consent: { given: false, formVersion: 'v1', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' } }));
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('body/consent/given');
    const list = await request(intake.app).get('/candidates').set('authorization', officerGH);
    expect(list.body.items.every((c: { id: string }) => c.id)).toBe(true);
    expect(list.body.items).toHaveLength(1);
  });

  it('when a consent or self-declaration names a form that is not configured, then nothing is stored and the field is named; the configured forms are listed', async () => {
    const forms = await request(intake.app).get('/forms').set('authorization', officerGH);
    expect(forms.body).toEqual({
      consent: ['UN-HRSP-2024.1', 'v1'],
      selfDeclaration: ['HRSP-SC-2024', 'v1'],
      employmentDeclaration: ['UN-EMP-2026.1', 'v1'],
    });
    const before = (await request(intake.app).get('/candidates').set('authorization', officerNP)).body.items.length;
    const consent = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerNP)
      .send(
        submission({ consent: { given: true, formVersion: 'made-up', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' } }),
      );
    expect(consent.status).toBe(400);
    expect(consent.body.errors).toEqual([expect.objectContaining({ field: 'body/consent/formVersion' })]);
    const declaration = {
      formVersion: 'v9',
      signedAt: '2026-01-01T00:00:00Z',
      method: 'electronic-signature',
      criminalOffence: false,
      humanRightsViolation: false,
      repatriatedOnDisciplinaryGrounds: false,
    };
    const declared = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerNP)
      .send(submission({ selfDeclaration: declaration }));
    expect(declared.status).toBe(400);
    expect(declared.body.errors).toEqual([expect.objectContaining({ field: 'body/selfDeclaration/formVersion' })]);
    expect((await request(intake.app).get('/candidates').set('authorization', officerNP)).body.items).toHaveLength(before);
  });

  it('when another country’s office asks for a candidate, then it is not found for them', async () => {
    const created = await request(intake.app).post('/candidates').set('authorization', officerGH).send(submission());
    const res = await request(intake.app).get(`/candidates/${created.body.id}`).set('authorization', officerNP);
    expect(res.status).toBe(404);
    const mine = await request(intake.app).get(`/candidates/${created.body.id}`).set('authorization', officerGH);
    expect(mine.status).toBe(200);
  });

  it('when the same request is retried with its Idempotency-Key, then one candidate exists', async () => {
    const key = 'retry-key-0001';
    const first = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerNP)
      .set('idempotency-key', key)
      .send(submission());
    const second = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerNP)
      .set('idempotency-key', key)
      .send(submission());
    expect(second.body.id).toBe(first.body.id);
    const list = await request(intake.app).get('/candidates').set('authorization', officerNP);
    expect(list.body.items.filter((c: { id: string }) => c.id === first.body.id)).toHaveLength(1);
  });

  it('when screening, references and a decision arrive (in any order, some twice), then the status follows and each applies once', async () => {
    const created = await request(intake.app).post('/candidates').set('authorization', officerGH).send(submission());
    const id = created.body.id as string;
    const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    const decided = createEvent('clearance', {
      type: 'clearance.decided',
      subject: id,
      data: {
        candidateId: id,
        country: 'GH',
        decisionId: 'd1',
        outcome: 'cleared',
        policyVersion: 1,
        decidedBy: 'policy',
        reasons: ['clean'],
        inputs: { screening: { screeningId: 's', outcome: 'clear', listVersions: [] }, references: [] },
      },
    });
    const screened = createEvent('screening', {
      type: 'screening.completed',
      subject: id,
      data: { candidateId: id, country: 'GH', screeningId: 's', candidateRevision: 1, outcome: 'clear', listVersions: [], hits: [] },
    });
    await publisher.publish([decided, screened, decided, screened]);
    await publisher.disconnect();
    const view = await waitFor(
      async () => {
        const res = await request(intake.app).get(`/candidates/${id}`).set('authorization', officerGH);
        return res.body.timeline.length >= 4 ? res.body : undefined;
      },
      { message: 'status events applied' },
    );
    expect(view.status).toBe('cleared');
    expect(view.timeline.map((t: { event: string }) => t.event).filter((e: string) => e === 'clearance.decided')).toHaveLength(1);
    expect(view.timeline.map((t: { event: string }) => t.event).filter((e: string) => e === 'screening.completed')).toHaveLength(1);
  });
  it('when a nomination carries neither employment history nor the candidate’s declaration, then it is refused naming the field and nothing is stored', async () => {
    const body = submission();
    const { previousEmployers: _e, ...person } = body.person as Record<string, unknown>;
    const before = (await request(intake.app).get('/candidates').set('authorization', officerGH)).body.items.length;
    const res = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerGH)
      .send({ ...body, person });
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(res.body).toMatchObject({
      code: 'CANDIDATE.EMPLOYMENT_INCOMPLETE',
      errors: [{ field: 'body/person/previousEmployers', reason: expect.stringMatching(/last 5 years.*employmentDeclaration/) }],
    });
    const gap = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerGH)
      .send({
        ...body,
        person: {
          ...person,
          previousEmployers: [{ name: 'Relief Works', role: 'Driver', contactEmail: 'hr@relief.example', from: '2015', to: '2019' }],
        },
      });
    expect(gap.body.errors).toEqual([{ field: 'body/person/previousEmployers', reason: expect.stringMatching(/^does not cover/) }]);
    expect((await request(intake.app).get('/candidates').set('authorization', officerGH)).body.items).toHaveLength(before);

    // The candidate's signed declaration of no other employer completes it; the event carries periods, no names.
    const employmentDeclaration = {
      noOtherEmployer: true,
      formVersion: 'UN-EMP-2026.1',
      signedAt: '2026-01-05T10:00:00Z',
      method: 'wet-signature-scanned',
    };
    const declared = await request(intake.app)
      .post('/candidates')
      .set('authorization', officerGH)
      .send({ ...body, person, employmentDeclaration });
    expect(declared.status).toBe(201);
    expect(declared.body.employmentDeclaration).toEqual({ recorded: true, signedAt: '2026-01-05T10:00:00Z' });
    const messages = await readTopic(env.kafka, `${env.prefix}vetting.candidates`, (read) => read.some((m) => m.key === declared.body.id));
    const event = messages.map((m) => JSON.parse(m.value) as EventEnvelope).find((e) => e.subject === declared.body.id)!;
    expect(event.data).not.toHaveProperty('employment'); // sealed with the person
    expect(await intake.sealer.open<'candidate.submitted'>(event)).toMatchObject({
      employment: { periods: [], declaredNoOtherEmployer: true },
    });
    expect(JSON.stringify(event.data)).not.toContain('UN-EMP-2026.1');
  });

  it('when an office corrects a nomination so that its history no longer covers the window, then the correction is refused', async () => {
    const body = submission();
    const created = await request(intake.app).post('/candidates').set('authorization', officerGH).send(body).expect(201);
    const short = {
      ...body.person,
      previousEmployers: [{ name: 'Ghana Armed Forces', role: 'Private', from: '2025-01', nationalService: true }],
    };
    const res = await request(intake.app).patch(`/candidates/${created.body.id}`).set('authorization', officerGH).send({ person: short });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ field: 'body/person/previousEmployers', reason: expect.stringMatching(/does not cover/) });
  });

  it('when clearance publishes a longer look-back window, then nominations are held to it', async () => {
    const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    const rules = { ...BUILT_IN_RULES, employmentLookbackYears: 25 };
    await publisher.publish([
      createEvent('clearance', {
        type: 'clearance.policy-published',
        subject: 'clearance-policy',
        data: { version: 2, createdBy: 'admin-1', createdAt: new Date().toISOString(), rules },
      }),
    ]);
    await publisher.disconnect();
    // Service since 2010 covers five years, not twenty-five.
    const res = await waitFor(
      async () =>
        ((r) => (r.status === 400 ? r : undefined))(
          await request(intake.app).post('/candidates').set('authorization', officerGH).send(submission()),
        ),
      { timeoutMs: 60_000, message: 'the 25-year window applied' },
    );
    expect(res.body.errors[0]).toMatchObject({
      field: 'body/person/previousEmployers',
      reason: expect.stringMatching(/25-year look-back window/),
    });
    const restore = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await restore.connect();
    await restore.publish([
      createEvent('clearance', {
        type: 'clearance.policy-published',
        subject: 'clearance-policy',
        data: { version: 3, createdBy: 'admin-1', createdAt: new Date().toISOString(), rules: BUILT_IN_RULES },
      }),
    ]);
    await restore.disconnect();
    await waitFor(
      async () =>
        (await request(intake.app).post('/candidates').set('authorization', officerGH).send(submission())).status === 201
          ? true
          : undefined,
      { timeoutMs: 60_000, message: 'back to five years' },
    );
  });
});
