import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { createEvent } from '../kafka/envelope';
import { createEventPublisher } from '../kafka/event-publisher';
import { createEventValidator } from '../kafka/event-validator';
import { createKafka } from '../kafka/kafka-client';
import { createTestTopics, readTopic } from '../testing/test-topics';
import { testInfra } from '../testing/test-infra';
import { randomName } from '../testing/wait-for';
import { createAggregateStore } from './aggregate-store';
import { createOutboxRelay } from './outbox-relay';

type Tally = { owner: string; country: string; seen: string[]; nested: { depth: { n: number } } };

/** The aggregate store against the real FerretDB, packed and unpacked alike. */
describe.each([
  { mode: 'unpacked', options: {} },
  { mode: 'packed', options: { packed: { viewFields: ['country'] } } },
])('aggregate store, $mode (real database)', ({ mode, options }) => {
  let db: Connection;
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName(`agg-${mode}`).replace(/-/g, '_'), logger });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  const add = (cause: string) => (current: { state: Tally } | undefined) => {
    const state = current?.state ?? { owner: 'o', country: 'GH', seen: [], nested: { depth: { n: 0 } } };
    return { state: { ...state, seen: [...state.seen, cause], nested: { depth: { n: state.nested.depth.n + 1 } } } };
  };

  it('when 20 causes are applied concurrently to one aggregate, then every one lands once and the view shows the newest state', async () => {
    const store = createAggregateStore<Tally>(db, 'tallies', options);
    await store.ensureIndexes([{ country: 1 }]);
    const causes = Array.from({ length: 20 }, (_, i) => `cause-${i}`);
    const outcomes = await Promise.all(causes.map((c) => store.apply('t1', c, add(c))));
    const again = await Promise.all(causes.slice(0, 5).map((c) => store.apply('t1', c, (cur) => (cur?.state.seen.includes(c) ? undefined : add(c)(cur)))));
    expect(outcomes.every((o) => o.outcome === 'applied')).toBe(true);
    expect(again.map((o) => o.outcome)).toEqual(Array(5).fill('duplicate'));
    const loaded = await store.load('t1');
    expect(loaded!.rev).toBe(20);
    expect([...loaded!.state.seen].sort()).toEqual([...causes].sort());
    expect(loaded!.state.nested.depth.n).toBe(20);
    const [row] = await store.find({ country: 'GH' });
    expect(row).toMatchObject({ _id: 't1', _rev: 20, country: 'GH', nested: { depth: { n: 20 } } });
    const raw = await store.view.findOne({ _id: 't1' as never });
    const rawRevision = await store.revisions.findOne({ aggregateId: 't1', rev: 20 });
    expect([typeof raw!._state, 'nested' in raw!, typeof rawRevision!.state]).toEqual(mode === 'packed' ? ['string', false, 'string'] : ['undefined', true, 'object']);
  });

  it('when many aggregates are created at once and scanned, then each is read back whole, in id order', async () => {
    const store = createAggregateStore<Tally>(db, 'bulk', options);
    const items = ['b', 'c', 'a'].map((id) => ({ id, causedBy: `create-${id}`, state: { owner: id, country: id === 'a' ? 'NP' : 'GH', seen: [id], nested: { depth: { n: 1 } } } }));
    expect((await store.createMany(items)).created).toHaveLength(3);
    expect((await store.createMany(items)).existing).toHaveLength(3);
    const rows = [];
    for await (const row of store.scan({}, { sort: { _id: 1 } })) rows.push(row);
    expect(rows.map((r) => [r._id, r.owner, r.seen[0], r._rev])).toEqual([['a', 'a', 'a', 1], ['b', 'b', 'b', 1], ['c', 'c', 'c', 1]]);
    expect((await store.find({ country: 'NP' })).map((r) => r._id)).toEqual(['a']);
  });

  it('when a change carries events, then the outbox relay publishes them once', async () => {
    const infra = await testInfra();
    const kafka = createKafka({ clientId: 'agg-test', brokers: infra.kafkaBrokers, logger });
    const prefix = `${randomName('agg')}.`;
    await createTestTopics(kafka, prefix, 1);
    const publisher = createEventPublisher({ kafka, validator: createEventValidator(), topicPrefix: prefix });
    await publisher.connect();
    const store = createAggregateStore<Tally>(db, 'evented', options);
    const subject = randomName('cand');
    const event = createEvent('test', { type: 'candidate.withdrawn', subject, data: { candidateId: subject, country: 'GH', reason: `${mode} relay` } });
    await store.apply(subject, 'withdraw', (cur) => ({ ...add('w')(cur), events: [event] }));
    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger, pollMs: 50 });
    relay.start();
    const seen = await readTopic(kafka, `${prefix}vetting.candidates`, 1);
    await relay.stop();
    await publisher.disconnect();
    expect(seen.map((m) => JSON.parse(m.value) as typeof event).map((e) => [e.id, e.data.reason])).toEqual([[event.id, `${mode} relay`]]);
    expect(await store.revisions.countDocuments({ outboxPending: true })).toBe(0);
  });
});
