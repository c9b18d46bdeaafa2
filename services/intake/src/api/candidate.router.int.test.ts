import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, createEvent, createEventPublisher, createEventValidator, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { intakeConfigSchema } from '../config';
import { startIntake } from '../start-intake';

let serial = 0;
/** A new person each call (a repeated person is a duplicate nomination). */
const submission = (overrides: Record<string, unknown> = {}) => ({
  nomination: { mission: 'MINUSCA', rotation: 'R1', category: 'military-contingent' },
  person: { names: [{ full: `Kwame Mensah ${++serial}` }], dateOfBirth: '1990-05', nationalities: ['GH'], serviceNumber: `GA-${serial}` },
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
    expect(forms.body).toEqual({ consent: ['v1'], selfDeclaration: ['v1'] });
    const before = (await request(intake.app).get('/candidates').set('authorization', officerNP)).body.items.length;
    const consent = await request(intake.app).post('/candidates').set('authorization', officerNP).send(submission({ consent: { given: true, formVersion: 'made-up', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature' } }));
    expect(consent.status).toBe(400);
    expect(consent.body.errors).toEqual([expect.objectContaining({ field: 'body/consent/formVersion' })]);
    const declaration = { formVersion: 'v9', signedAt: '2026-01-01T00:00:00Z', method: 'electronic-signature', criminalOffence: false, humanRightsViolation: false, repatriatedOnDisciplinaryGrounds: false };
    const declared = await request(intake.app).post('/candidates').set('authorization', officerNP).send(submission({ selfDeclaration: declaration }));
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
    const first = await request(intake.app).post('/candidates').set('authorization', officerNP).set('idempotency-key', key).send(submission());
    const second = await request(intake.app).post('/candidates').set('authorization', officerNP).set('idempotency-key', key).send(submission());
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
      data: { candidateId: id, country: 'GH', decisionId: 'd1', outcome: 'cleared', policyVersion: 1, decidedBy: 'policy', reasons: ['clean'], inputs: { screening: { screeningId: 's', outcome: 'clear', listVersions: [] }, references: [] } },
    });
    const screened = createEvent('screening', {
      type: 'screening.completed',
      subject: id,
      data: { candidateId: id, country: 'GH', screeningId: 's', candidateRevision: 1, outcome: 'clear', listVersions: [], hits: [] },
    });
    await publisher.publish([decided, screened, decided, screened]);
    await publisher.disconnect();
    const view = await waitFor(async () => {
      const res = await request(intake.app).get(`/candidates/${id}`).set('authorization', officerGH);
      return res.body.timeline.length >= 4 ? res.body : undefined;
    }, { message: 'status events applied' });
    expect(view.status).toBe('cleared');
    expect(view.timeline.map((t: { event: string }) => t.event).filter((e: string) => e === 'clearance.decided')).toHaveLength(1);
    expect(view.timeline.map((t: { event: string }) => t.event).filter((e: string) => e === 'screening.completed')).toHaveLength(1);
  });
});
