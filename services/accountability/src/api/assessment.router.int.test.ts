import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { accountabilityConfigSchema } from '../config';
import { startAccountability } from '../start-accountability';

const evidence = [{ description: 'Approved policy document, November 2025', reference: 'GH-REC-POL-07' }];
const results = { policy: 'meets', people: 'partially-meets', procedures: 'meets', accountability: 'meets' };

describe('safeguarding self-assessment of a recruitment office (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let service: Awaited<ReturnType<typeof startAccountability>>;
  const clock = { offsetMs: 0 };
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const app = () => request(service.app);

  beforeAll(async () => {
    env = await createTestServiceEnv('accountability');
    service = await startAccountability(
      loadConfig(accountabilityConfigSchema, { ...env.env, ASSESSMENT_VALID_DAYS: '365' }),
      { jwks: env.issuer.jwks },
      { now: () => new Date(Date.now() + clock.offsetMs) },
    );
    const token = async (sub: string, roles: Parameters<TestServiceEnv['issuer']['token']>[0]['roles'], country?: string) =>
      `Bearer ${await env.issuer.token({ sub, roles, ...(country ? { country } : {}) })}`;
    Object.assign(tokens, {
      gh: await token('gh-office', ['tcc-officer'], 'GH'),
      np: await token('np-office', ['tcc-officer'], 'NP'),
      reviewer: await token('un-reviewer', ['un-screener']),
      auditor: await token('auditor-1', ['auditor']),
      admin: await token('admin-1', ['admin']),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await env?.cleanup();
  });

  it('when an office answers, is returned once, answers again and is accepted, then its dashboard shows it current with the results, and every step is kept', async () => {
    expect((await app().get('/assessments/standing').set('authorization', as('gh')).expect(200)).body.items).toEqual([
      { country: 'GH', office: 'national', status: 'never-assessed' },
    ]);
    const questionnaire = (await app().get('/questionnaires/1').set('authorization', as('gh')).expect(200)).body;
    const ids: string[] = questionnaire.standards.flatMap((s: { questions: { id: string }[] }) => s.questions.map((q) => q.id));
    expect(questionnaire.standards.map((s: { id: string }) => s.id)).toEqual(['policy', 'people', 'procedures', 'accountability']);
    expect(questionnaire.standards[0].title.fr).toMatch(/Politique/);

    const started = await app().post('/assessments').set('authorization', as('gh')).send({}).expect(201);
    const id = started.body.id;
    expect(started.body).toMatchObject({ country: 'GH', office: 'national', questionnaireVersion: 1, status: 'draft', round: 1 });
    expect((await app().post('/assessments').set('authorization', as('gh')).send({})).status).toBe(409);

    const all = Object.fromEntries(ids.map((q) => [q, { answer: 'yes', evidence }]));
    await app()
      .put(`/assessments/${id}/answers`)
      .set('authorization', as('gh'))
      .send({ answers: { ...all, 'people.2': { answer: 'partly', evidence: [] } } })
      .expect(200);
    const incomplete = await app().post(`/assessments/${id}/submission`).set('authorization', as('gh')).expect(400);
    expect(incomplete.body).toMatchObject({ code: 'ASSESSMENT.INCOMPLETE', errors: [{ field: '/answers/people.2/evidence' }] });
    await app()
      .put(`/assessments/${id}/answers`)
      .set('authorization', as('gh'))
      .send({ answers: { 'people.2': { answer: 'partly', evidence: [{ description: '14 of 20 staff trained' }] } } })
      .expect(200);
    expect((await app().post(`/assessments/${id}/submission`).set('authorization', as('gh')).expect(200)).body.status).toBe('submitted');

    const returned = await app()
      .post(`/assessments/${id}/review`)
      .set('authorization', as('reviewer'))
      .send({ decision: 'returned', summary: 'Attach training records', comments: { 'people.2': 'Which sessions?' } })
      .expect(200);
    expect(returned.body).toMatchObject({ status: 'draft', round: 2 });
    await app().post(`/assessments/${id}/submission`).set('authorization', as('gh')).expect(200);
    const accepted = await app()
      .post(`/assessments/${id}/review`)
      .set('authorization', as('reviewer'))
      .send({ decision: 'accepted', summary: 'Good', standards: results, overall: 'partially-meets' })
      .expect(200);
    expect(accepted.body.reviews.map((r: { decision: string; round: number }) => [r.decision, r.round])).toEqual([
      ['returned', 1],
      ['accepted', 2],
    ]);

    const standing = await waitFor(async () => {
      const res = await app().get('/assessments/standing').set('authorization', as('gh'));
      return res.body.items[0]?.status === 'current' ? res.body.items[0] : undefined;
    });
    expect(standing).toMatchObject({
      country: 'GH',
      office: 'national',
      latest: { assessmentId: id, overall: 'partially-meets', standards: results },
    });
    const history = (await app().get(`/assessments/${id}/history`).set('authorization', as('auditor')).expect(200)).body.items;
    expect(history.map((h: { status: string; round: number }) => `${h.status}/${h.round}`)).toEqual([
      'draft/1',
      'draft/1',
      'draft/1',
      'submitted/1',
      'draft/2',
      'submitted/2',
      'reviewed/2',
    ]);

    const events = await waitFor(async () => {
      const read = (await readTopic(env.kafka, `${env.prefix}vetting.assessments`, 10_000, 2_000)).map(
        (m) => JSON.parse(m.value) as EventEnvelope,
      );
      return read.filter((e) => e.subject === id).length >= 4 ? read.filter((e) => e.subject === id) : undefined;
    });
    expect(events.map((e) => `${e.type}:${(e.data as { decision?: string }).decision ?? ''}`)).toEqual([
      'assessment.submitted:',
      'assessment.reviewed:returned',
      'assessment.submitted:',
      'assessment.reviewed:accepted',
    ]);
    expect(events[0]!.data).toMatchObject({ country: 'GH', selfScores: { policy: 100, people: 88 } });

    clock.offsetMs = 400 * 86_400_000;
    expect((await app().get('/assessments/standing').set('authorization', as('gh')).expect(200)).body.items[0].status).toBe('due');
    clock.offsetMs = 0;
  });

  it("when another country's office, the submitter or an office acting as reviewer tries, then it is refused", async () => {
    const np = await app().post('/assessments').set('authorization', as('np')).send({ office: 'police' }).expect(201);
    const id = np.body.id;
    expect((await app().get(`/assessments/${id}`).set('authorization', as('gh'))).status).toBe(404);
    expect((await app().put(`/assessments/${id}/answers`).set('authorization', as('gh')).send({ answers: {} })).status).toBe(404);
    expect((await app().get('/assessments?country=NP').set('authorization', as('gh'))).status).toBe(403);
    expect(
      (
        await app()
          .post(`/assessments/${id}/review`)
          .set('authorization', as('np'))
          .send({ decision: 'accepted', summary: 'self-approved', standards: results, overall: 'meets' })
      ).status,
    ).toBe(403);
    expect((await app().post('/assessments').set('authorization', as('reviewer')).send({})).status).toBe(403);
    expect(
      (
        await app()
          .post(`/assessments/${id}/review`)
          .set('authorization', as('reviewer'))
          .send({ decision: 'accepted', summary: 'not submitted', standards: results, overall: 'meets' })
      ).status,
    ).toBe(409);
    const bad = await app()
      .put(`/assessments/${id}/answers`)
      .set('authorization', as('np'))
      .send({ answers: { 'policy.1': { answer: 'maybe', evidence: [] } } });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toMatch(/answers\/policy\.1\/answer/);
  });

  it('when an admin publishes a questionnaire version, then offices start on it, and an invalid one is refused naming the field', async () => {
    const v1 = (await app().get('/questionnaires/1').set('authorization', as('admin'))).body;
    const bad = await app()
      .post('/questionnaires')
      .set('authorization', as('admin'))
      .send({ title: v1.title, standards: [...v1.standards.slice(1), v1.standards[0]] });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('/standards');
    expect(
      (await app().post('/questionnaires').set('authorization', as('gh')).send({ title: v1.title, standards: v1.standards })).status,
    ).toBe(403);
    const v2 = await app()
      .post('/questionnaires')
      .set('authorization', as('admin'))
      .send({ title: v1.title, standards: v1.standards })
      .expect(201);
    expect(v2.body).toMatchObject({ version: 2, createdBy: 'admin-1' });
    const next = await app().post('/assessments').set('authorization', as('gh')).send({ office: 'police' }).expect(201);
    expect(next.body.questionnaireVersion).toBe(2);
    expect(
      (await app().get('/questionnaires').set('authorization', as('gh'))).body.items.map((q: { version: number }) => q.version),
    ).toEqual([2, 1]);
  });
});
