import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type EventEnvelope } from '@vetting/platform';
import { createTestServiceEnv, readTopic, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { accountabilityConfigSchema } from '../config';
import { startAccountability } from '../start-accountability';

const DAY = 86_400_000;
const summary = 'Sexual exploitation substantiated by OIOS case 0417; investigate, hold accountable and report the outcome.';
const sendBody = (over: Record<string, unknown> = {}) => ({
  country: 'GH',
  mission: 'MINUSCA',
  category: 'sea',
  substantiatedOn: '2026-01-20',
  candidateId: 'cand-gh-1',
  listEntry: { listId: 'un-sea', entryId: 'SEA-2026-017' },
  actions: [
    { kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() },
    { kind: 'outcome-report', dueBy: new Date(Date.now() + 60 * DAY).toISOString() },
  ],
  summary,
  ...over,
});

describe('requests for action from the UN to a deploying country (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let service: Awaited<ReturnType<typeof startAccountability>>;
  const clock = { offsetMs: 0 };
  const tokens: Record<string, string> = {};
  const as = (who: string) => tokens[who]!;
  const app = () => request(service.app);
  const events = async (subject: string, atLeast: number) =>
    waitFor(async () => {
      const read = (await readTopic(env.kafka, `${env.prefix}vetting.action-requests`, 10_000, 2_000))
        .map((m) => JSON.parse(m.value) as EventEnvelope)
        .filter((e) => e.subject === subject);
      return read.length >= atLeast ? read : undefined;
    });

  beforeAll(async () => {
    env = await createTestServiceEnv('accountability');
    service = await startAccountability(
      loadConfig(accountabilityConfigSchema, { ...env.env, ACTION_REQUEST_SWEEP_MS: '3600000' }),
      { jwks: env.issuer.jwks },
      { now: () => new Date(Date.now() + clock.offsetMs) },
    );
    const token = async (
      sub: string,
      roles: Parameters<TestServiceEnv['issuer']['token']>[0]['roles'],
      extra: { country?: string; missions?: string[] } = {},
    ) => `Bearer ${await env.issuer.token({ sub, roles, ...extra })}`;
    Object.assign(tokens, {
      gh: await token('gh-office', ['tcc-officer'], { country: 'GH' }),
      np: await token('np-office', ['tcc-officer'], { country: 'NP' }),
      adjudicator: await token('un-adj-1', ['un-adjudicator']),
      unmiss: await token('un-unmiss', ['un-screener'], { missions: ['UNMISS'] }),
      auditor: await token('auditor-1', ['auditor']),
    });
  });
  afterAll(async () => {
    await service?.stop();
    await env?.cleanup();
  });

  it('when the UN sends a request and the office acknowledges, reports and answers, then the UN closes it, every step is an event and the figures count it', async () => {
    const sent = await app()
      .post('/action-requests')
      .set('authorization', as('adjudicator'))
      .set('idempotency-key', 'send-gh-0001')
      .send(sendBody())
      .expect(201);
    const id = sent.body.id as string;
    expect(sent.body).toMatchObject({
      country: 'GH',
      mission: 'MINUSCA',
      status: 'sent',
      summary,
      listEntry: { listId: 'un-sea', entryId: 'SEA-2026-017' },
      candidateId: 'cand-gh-1',
    });
    expect(
      (
        await app()
          .post('/action-requests')
          .set('authorization', as('adjudicator'))
          .set('idempotency-key', 'send-gh-0001')
          .send(sendBody())
          .expect(200)
      ).body.id,
    ).toBe(id);

    const listed = await app().get('/action-requests?entryId=SEA-2026-017').set('authorization', as('gh')).expect(200);
    expect(listed.body.items.map((r: { id: string }) => r.id)).toEqual([id]);
    expect(listed.body.items[0].summary).toBeUndefined();
    expect((await app().post(`/action-requests/${id}/acknowledgement`).set('authorization', as('gh')).expect(200)).body.status).toBe(
      'acknowledged',
    );
    await app()
      .post(`/action-requests/${id}/responses`)
      .set('authorization', as('gh'))
      .send({ kind: 'interim', covers: ['investigation'], text: 'A board of inquiry was convened on 3 March.' })
      .expect(200);
    const answered = await app()
      .post(`/action-requests/${id}/responses`)
      .set('authorization', as('gh'))
      .send({
        kind: 'final',
        covers: ['investigation', 'outcome-report'],
        outcome: 'dismissed-from-service',
        text: 'Dismissed from service on 12 May; referred to the prosecutor.',
      })
      .expect(200);
    expect(answered.body).toMatchObject({
      status: 'answered',
      responses: [
        { kind: 'interim' },
        { kind: 'final', outcome: 'dismissed-from-service', text: 'Dismissed from service on 12 May; referred to the prosecutor.' },
      ],
    });
    const closed = await app()
      .post(`/action-requests/${id}/closure`)
      .set('authorization', as('adjudicator'))
      .send({ reason: 'Outcome reported.' })
      .expect(200);
    expect(closed.body).toMatchObject({ status: 'closed', closed: { by: 'un-adj-1', reason: 'Outcome reported.' } });

    const history = (await app().get(`/action-requests/${id}/history`).set('authorization', as('auditor')).expect(200)).body.items;
    expect(history.map((h: { status: string }) => h.status)).toEqual(['sent', 'acknowledged', 'acknowledged', 'answered', 'closed']);
    const published = await events(id, 5);
    expect(published.map((e) => e.type)).toEqual([
      'action-request.sent',
      'action-request.acknowledged',
      'action-request.responded',
      'action-request.responded',
      'action-request.closed',
    ]);
    expect(JSON.stringify(published)).not.toContain('OIOS case 0417');
    expect(JSON.stringify(published)).not.toContain('prosecutor');
    expect(published[3]!.data).toMatchObject({ responseKind: 'final', outcome: 'dismissed-from-service', country: 'GH' });

    const figures = await waitFor(async () => {
      const res = await app().get('/action-requests/figures').set('authorization', as('adjudicator'));
      return res.body.byCountry?.GH?.closed === 1 ? res.body : undefined;
    });
    expect(figures.byCountry.GH).toMatchObject({ sent: 1, responded: 1, closed: 1, overdue: 0 });
  });

  it('when what a request asks and the answer are stored, then the database holds them sealed, and each read is recorded for the audit trail', async () => {
    const sent = await app()
      .post('/action-requests')
      .set('authorization', as('adjudicator'))
      .send(sendBody({ candidateId: 'cand-gh-sealed' }))
      .expect(201);
    await app().get(`/action-requests/${sent.body.id}`).set('authorization', as('gh')).expect(200);
    for (const name of (await service.runtime.db.db!.listCollections().toArray()).map((c) => c.name)) {
      const docs = await service.runtime.db.db!.collection(name).find({}).toArray();
      expect(JSON.stringify(docs), name).not.toContain('OIOS case 0417');
    }
    const reads = await waitFor(async () => {
      const read = (await readTopic(env.kafka, `${env.prefix}vetting.access`, 10_000, 2_000)).map(
        (m) => JSON.parse(m.value) as EventEnvelope<{ actor: string; subjectId: string; resource: string }>,
      );
      const mine = read.filter((e) => e.data.subjectId === 'cand-gh-sealed' && e.data.actor === 'gh-office');
      return mine.length ? mine : undefined;
    });
    expect(reads[0]!.data.resource).toBe('accountability/action-request');
  });

  it("when another country's office, the office itself or the UN steps outside its part, then it is refused", async () => {
    const id = (
      await app()
        .post('/action-requests')
        .set('authorization', as('adjudicator'))
        .send(sendBody({ candidateId: 'cand-gh-2' }))
        .expect(201)
    ).body.id as string;
    // another country's office can neither read, list, acknowledge nor answer it
    expect((await app().get(`/action-requests/${id}`).set('authorization', as('np'))).status).toBe(404);
    expect((await app().get(`/action-requests/${id}/history`).set('authorization', as('np'))).status).toBe(404);
    expect((await app().get('/action-requests').set('authorization', as('np')).expect(200)).body.items).toEqual([]);
    expect((await app().get('/action-requests?country=GH').set('authorization', as('np'))).status).toBe(403);
    expect((await app().post(`/action-requests/${id}/acknowledgement`).set('authorization', as('np'))).status).toBe(404);
    expect(
      (
        await app()
          .post(`/action-requests/${id}/responses`)
          .set('authorization', as('np'))
          .send({ kind: 'final', covers: ['investigation'], outcome: 'no-action-taken', text: 'Nothing to report here at all.' })
      ).status,
    ).toBe(404);
    // the office cannot close, remind or send; the UN cannot answer for the country
    expect(
      (await app().post(`/action-requests/${id}/closure`).set('authorization', as('gh')).send({ reason: 'Done with it' })).status,
    ).toBe(403);
    expect((await app().post(`/action-requests/${id}/reminders`).set('authorization', as('gh'))).status).toBe(403);
    expect((await app().post('/action-requests').set('authorization', as('gh')).send(sendBody())).status).toBe(403);
    expect(
      (
        await app()
          .post(`/action-requests/${id}/responses`)
          .set('authorization', as('adjudicator'))
          .send({ kind: 'final', covers: ['investigation'], outcome: 'sanctioned', text: 'Answered on the country’s behalf.' })
      ).status,
    ).toBe(403);
    // a UN officer scoped to another mission does not see it
    expect((await app().get(`/action-requests/${id}`).set('authorization', as('unmiss'))).status).toBe(404);
    const detail = (await app().get(`/action-requests/${id}`).set('authorization', as('adjudicator')).expect(200)).body;
    expect(detail).toMatchObject({ status: 'sent', responses: [] });
  });

  it('when a body is wrong, then a 400 problem+json names the field and nothing is stored', async () => {
    const badCategory = await app()
      .post('/action-requests')
      .set('authorization', as('adjudicator'))
      .send(sendBody({ category: 'rumour', candidateId: 'cand-bad' }));
    expect(badCategory.status).toBe(400);
    expect(badCategory.headers['content-type']).toMatch(/application\/problem\+json/);
    expect(badCategory.body.errors.map((e: { field: string }) => e.field).join()).toMatch(/category/);
    const past = await app()
      .post('/action-requests')
      .set('authorization', as('adjudicator'))
      .send(sendBody({ candidateId: 'cand-bad', actions: [{ kind: 'investigation', dueBy: '2020-01-01T00:00:00.000Z' }] }));
    expect(past.status).toBe(400);
    expect(past.body.errors[0].field).toBe('body/actions/0/dueBy');
    expect(
      (await app().get('/action-requests?candidateId=cand-bad').set('authorization', as('adjudicator')).expect(200)).body.items,
    ).toEqual([]);
    const id = (
      await app()
        .post('/action-requests')
        .set('authorization', as('adjudicator'))
        .send(sendBody({ candidateId: 'cand-gh-3' }))
        .expect(201)
    ).body.id as string;
    const noOutcome = await app()
      .post(`/action-requests/${id}/responses`)
      .set('authorization', as('gh'))
      .send({ kind: 'final', covers: ['investigation'], text: 'We did what was asked of us.' });
    expect(noOutcome.status).toBe(400);
    expect(noOutcome.body).toMatchObject({ code: 'ACTION_REQUEST.OUTCOME_REQUIRED', errors: [{ field: 'body/outcome' }] });
    const notAsked = await app()
      .post(`/action-requests/${id}/responses`)
      .set('authorization', as('gh'))
      .send({ kind: 'interim', covers: ['victim-support'], text: 'Support was offered to the victim.' });
    expect(notAsked.body.errors[0].field).toBe('body/covers');
    expect((await app().get(`/action-requests/${id}`).set('authorization', as('gh')).expect(200)).body.responses).toEqual([]);
  });

  it('when the deadline passes without a final response, then the reminder job marks it overdue once and the figures count it overdue', async () => {
    const id = (
      await app()
        .post('/action-requests')
        .set('authorization', as('adjudicator'))
        .send(sendBody({ country: 'NP', candidateId: 'cand-np-1' }))
        .expect(201)
    ).body.id as string;
    clock.offsetMs = 61 * DAY;
    try {
      await service.reminders.runNow();
      await service.reminders.runNow();
      const overdue = (await app().get(`/action-requests/${id}`).set('authorization', as('np')).expect(200)).body;
      expect(overdue.status).toBe('overdue');
      expect(overdue.reminders).toHaveLength(1);
      const published = await events(id, 2);
      expect(published.map((e) => e.type)).toEqual(['action-request.sent', 'action-request.overdue']);
      const figures = await waitFor(async () => {
        const res = await app().get('/action-requests/figures?country=NP').set('authorization', as('np'));
        return res.body.byCountry?.NP?.overdue === 1 ? res.body : undefined;
      });
      expect(figures.totals).toEqual({ sent: 1, responded: 0, overdue: 1 });
      expect(
        (await app().get('/action-requests?status=overdue').set('authorization', as('np')).expect(200)).body.items.map(
          (r: { id: string }) => r.id,
        ),
      ).toEqual([id]);
    } finally {
      clock.offsetMs = 0;
    }
  });
});
