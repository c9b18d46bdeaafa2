import request from 'supertest';
import { MongoClient } from 'mongodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent, createEventPublisher, createEventValidator, loadConfig } from '@vetting/platform';
import { createTestServiceEnv, waitFor, type TestServiceEnv } from '@vetting/platform/testing';
import { accountabilityConfigSchema } from '../config';
import { startAccountability } from '../start-accountability';

const DAY = 86_400_000;
const SECRET = 'Kessleridge barracks';
const body = (candidateId: string) => ({
  country: 'GH',
  mission: 'MINUSCA',
  category: 'sea',
  substantiatedOn: '2026-01-20',
  candidateId,
  listEntry: { listId: 'un-sea', entryId: 'SEA-2026-099' },
  actions: [{ kind: 'investigation', dueBy: new Date(Date.now() + 30 * DAY).toISOString() }],
  summary: `Abuse at the ${SECRET} substantiated by OIOS; investigate and report.`,
});

describe('requests for action about an erased person (real Kafka and database)', () => {
  let env: TestServiceEnv;
  let service: Awaited<ReturnType<typeof startAccountability>>;
  const tokens: Record<string, string> = {};
  const app = () => request(service.app);

  beforeAll(async () => {
    env = await createTestServiceEnv('accountability');
    service = await startAccountability(loadConfig(accountabilityConfigSchema, { ...env.env, ACTION_REQUEST_SWEEP_MS: '3600000' }), {
      jwks: env.issuer.jwks,
    });
    tokens.un = `Bearer ${await env.issuer.token({ sub: 'un-adj-1', roles: ['un-adjudicator'] })}`;
    tokens.gh = `Bearer ${await env.issuer.token({ sub: 'gh-office', roles: ['tcc-officer'], country: 'GH' })}`;
  });
  afterAll(async () => {
    await service?.stop();
    await env?.cleanup();
  });

  it('when candidate.erased arrives (twice), then the requests about them are unreadable in the store, the other person’s are not, the figures still count them, and the erasure applies once', async () => {
    const [erasedId, otherId] = [`cand-${Date.now().toString(36)}-e`, `cand-${Date.now().toString(36)}-o`];
    const id = (await app().post('/action-requests').set('authorization', tokens.un!).send(body(erasedId)).expect(201)).body.id as string;
    const other = (await app().post('/action-requests').set('authorization', tokens.un!).send(body(otherId)).expect(201)).body.id as string;
    await app()
      .post(`/action-requests/${id}/responses`)
      .set('authorization', tokens.gh!)
      .send({ kind: 'final', covers: ['investigation'], outcome: 'sanctioned', text: `Sanctioned for the ${SECRET} abuse.` })
      .expect(200);
    await app()
      .post(`/action-requests/${id}/closure`)
      .set('authorization', tokens.un!)
      .send({ reason: `Closed: ${SECRET} case concluded.` })
      .expect(200);

    const erased = createEvent('intake', {
      type: 'candidate.erased',
      subject: erasedId,
      tenant: 'GH',
      data: { candidateId: erasedId, country: 'GH', erasedAt: new Date().toISOString(), basis: 'request' },
    });
    const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    await publisher.publish([erased]);
    await publisher.publish([{ ...erased }]); // redelivered
    await publisher.disconnect();

    const read = await waitFor(
      async () => {
        const res = (await app().get(`/action-requests/${id}`).set('authorization', tokens.un!)).body;
        return res.summary === '(erased)' ? res : undefined;
      },
      { message: 'the request unreadable', timeoutMs: 60_000 },
    );
    expect(read).toMatchObject({
      status: 'closed',
      country: 'GH',
      category: 'sea',
      closed: { reason: '(erased)' },
      responses: [{ outcome: 'sanctioned', text: '(erased)' }],
    });
    expect((await app().get(`/action-requests/${other}`).set('authorization', tokens.un!)).body.summary).toContain(SECRET);

    const client = await MongoClient.connect(env.env.MONGO_URL!);
    try {
      const db = client.db(env.env.MONGO_DB);
      // Every collection of the service, read raw: the requests' revisions and view, the outbox, the keys.
      const rows: string[] = [];
      for (const c of await db.listCollections().toArray())
        for (const doc of await db.collection(c.name).find({}).toArray()) rows.push(`${c.name}:${JSON.stringify(doc)}`);
      const mine = rows.filter((r) => r.includes(id));
      expect(mine.some((r) => r.startsWith('action_requests'))).toBe(true);
      expect(mine.filter((r) => r.includes(SECRET))).toEqual([]);
      // The other person's request keeps its key; the erased one's sealed copies in earlier revisions name a key that is gone.
      expect(rows.some((r) => r.startsWith('data_keys:') && r.includes(`"_id":"${other}"`))).toBe(true);
      expect(rows.filter((r) => r.startsWith('data_keys:') && r.includes(`"_id":"${id}","wrapped"`))).toEqual([]);
    } finally {
      await client.close();
    }
    const figures = (await app().get('/action-requests/figures?country=GH').set('authorization', tokens.un!)).body;
    expect(figures.byCountry.GH).toMatchObject({ sent: 2, closed: 1 });
    // Once: the two deliveries made one erasure revision.
    const history = await waitFor(
      async () => (await app().get(`/action-requests/${id}/history`).set('authorization', tokens.un!)).body.items as unknown[],
    );
    expect(history).toHaveLength(4);
  });

  it('when a request for action is sent about a person already erased, then it is refused with 410 CANDIDATE.ERASED naming the candidate, and nothing is stored', async () => {
    const [goneId, liveId] = [`cand-${Date.now().toString(36)}-g`, `cand-${Date.now().toString(36)}-l`];
    const publisher = createEventPublisher({ kafka: env.kafka, validator: createEventValidator(), topicPrefix: env.prefix });
    await publisher.connect();
    await publisher.publish([
      createEvent('intake', {
        type: 'candidate.erased',
        subject: goneId,
        tenant: 'GH',
        data: { candidateId: goneId, country: 'GH', erasedAt: new Date().toISOString(), basis: 'request' },
      }),
    ]);
    await publisher.disconnect();
    const client = await MongoClient.connect(env.env.MONGO_URL!);
    try {
      const remembered = client.db(env.env.MONGO_DB).collection<{ _id: string }>('erased_candidates');
      await waitFor(async () => (await remembered.findOne({ _id: goneId })) ?? undefined, {
        message: 'the erasure remembered',
        timeoutMs: 60_000,
      });
    } finally {
      await client.close();
    }

    const refused = await app()
      .post('/action-requests')
      .set('authorization', tokens.un!)
      .set('idempotency-key', `k-${goneId}`)
      .send(body(goneId));
    expect(refused.status).toBe(410);
    expect(refused.headers['content-type']).toContain('application/problem+json');
    expect(refused.body).toMatchObject({ code: 'CANDIDATE.ERASED', errors: [{ field: 'body/candidateId' }] });
    expect(refused.body.detail ?? refused.body.title).toContain(goneId);
    expect((await app().get(`/action-requests?candidateId=${goneId}`).set('authorization', tokens.un!).expect(200)).body.items).toEqual([]);
    // Someone else is still reachable: the refusal is about the erased person only.
    await app().post('/action-requests').set('authorization', tokens.un!).send(body(liveId)).expect(201);
  });
});
