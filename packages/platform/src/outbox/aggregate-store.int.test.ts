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

  it('when two processes write one aggregate at once, then every cause lands once and the view ends on the newest', async () => {
    // Two store instances on one collection stand for two service instances (in-process writers queue).
    const [a, b] = [createAggregateStore<Tally>(db, 'crossing', { ...options, cacheLatest: 100 }), createAggregateStore<Tally>(db, 'crossing', { ...options, cacheLatest: 100 })];
    await a.ensureIndexes();
    const causes = Array.from({ length: 16 }, (_, i) => `cross-${i}`);
    const outcomes = await Promise.all(causes.map((c, i) => (i % 2 ? a : b).apply('x1', c, add(c))));
    expect(outcomes.every((o) => o.outcome === 'applied')).toBe(true);
    const loaded = await a.load('x1');
    expect([loaded!.rev, [...loaded!.state.seen].sort()]).toEqual([16, [...causes].sort()]);
    expect((await a.find({ _id: 'x1' as never }))[0]!._rev).toBe(16);
    // Markers left by writers that saw each other go to the repair once their grace is over.
    await a.repairViews({ graceMs: 0 });
    expect(await db.collection('crossing_view_batches').countDocuments()).toBe(0);
  });

  it('when another process changed an aggregate this one remembers, then apply decides on the stored state', async () => {
    const [mine, theirs] = [createAggregateStore<Tally>(db, 'remembered', { ...options, cacheLatest: 100 }), createAggregateStore<Tally>(db, 'remembered', options)];
    await mine.ensureIndexes();
    await mine.apply('r1', 'one', add('one'));
    await theirs.apply('r1', 'two', add('two'));
    // On remembered state 'two' is not there yet; the stored state has it, so nothing changes.
    const again = await mine.apply('r1', 'two-again', (cur) => (cur?.state.seen.includes('two') ? undefined : add('two')(cur)));
    expect(again.outcome).toBe('unchanged');
    expect((await mine.apply('r1', 'three', add('three'))).revision!.rev).toBe(3);
    expect((await mine.load('r1'))!.state.seen).toEqual(['one', 'two', 'three']);
    // Redelivered causes, cached or not, are duplicates (the unique cause), never applied twice.
    expect((await mine.apply('r1', 'one', add('one'))).outcome).toBe('duplicate');
    expect((await mine.load('r1'))!.rev).toBe(3);
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
    const event = createEvent('intake', { type: 'candidate.withdrawn', subject, data: { candidateId: subject, country: 'GH', reason: `${mode} relay` } });
    await store.apply(subject, 'withdraw', (cur) => ({ ...add('w')(cur), events: [event] }));
    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger, pollMs: 50 });
    relay.start();
    const seen = await readTopic(kafka, `${prefix}vetting.candidates`, 1);
    await relay.stop();
    await publisher.disconnect();
    expect(seen.map((m) => JSON.parse(m.value) as typeof event).map((e) => [e.id, e.data.reason])).toEqual([[event.id, `${mode} relay`]]);
    expect(await store.revisions.countDocuments({ outboxPending: true })).toBe(0);
  });

  /**
   * A connection whose view collection fails the given write, as a process killed between the
   * revision insert and the view write would leave things: the revision stored, the view not.
   */
  const interruptedAt = (name: string, method: 'replaceOne' | 'insertMany'): Connection =>
    new Proxy(db, {
      get(target, prop, receiver) {
        if (prop !== 'collection') return Reflect.get(target, prop, receiver) as unknown;
        return (collectionName: string) => {
          const collection = target.collection(collectionName);
          if (collectionName !== name) return collection;
          return new Proxy(collection, {
            get: (c, p, r) => (p === method ? () => Promise.reject(new Error('process killed')) : (Reflect.get(c, p, r) as unknown)),
          });
        };
      },
    });

  it('when a writer dies between a revision and its view, then the next relay pass projects the view again', async () => {
    const healthy = createAggregateStore<Tally>(db, 'interrupted', options);
    await healthy.ensureIndexes();
    await healthy.apply('i1', 'first', add('first'));
    const dying = createAggregateStore<Tally>(interruptedAt('interrupted', 'replaceOne'), 'interrupted', options);
    await expect(dying.apply('i1', 'second', add('second'))).rejects.toThrow('process killed');
    // The defect this guards against: the revision is the newest, the view still shows the one before.
    expect([(await healthy.load('i1'))!.rev, (await healthy.find({ _id: 'i1' as never }))[0]!._rev]).toEqual([2, 1]);

    // A restarted process: its relay only repairs what stayed pending past the grace period.
    const restarted = createAggregateStore<Tally>(db, 'interrupted', options);
    const relay = createOutboxRelay({ collections: [restarted.revisions], publisher: { publish: async () => undefined } as never, logger });
    expect(await relay.repairViews({ graceMs: 60_000 })).toBe(0);
    expect(await relay.repairViews({ graceMs: 0 })).toBe(1);
    const [row] = await restarted.find({ _id: 'i1' as never });
    expect([row!._rev, row!.seen]).toEqual([2, ['first', 'second']]);
    expect(await restarted.revisions.countDocuments({ viewPending: true })).toBe(0);
    expect(await relay.repairViews({ graceMs: 0 })).toBe(0);
  });

  it('when a bulk creation dies before its view rows, then the repair inserts them', async () => {
    const dying = createAggregateStore<Tally>(interruptedAt('bulk_interrupted', 'insertMany'), 'bulk_interrupted', options);
    const items = ['x', 'y'].map((id) => ({ id, causedBy: `create-${id}`, state: { owner: id, country: 'GH', seen: [id], nested: { depth: { n: 1 } } } }));
    await expect(dying.createMany(items)).rejects.toThrow('process killed');
    const restarted = createAggregateStore<Tally>(db, 'bulk_interrupted', options);
    expect(await restarted.find({})).toEqual([]);
    expect(await restarted.repairViews({ graceMs: 0 })).toBe(2);
    expect((await restarted.find({}, { sort: { _id: 1 } })).map((r) => [r._id, r._rev, r.owner])).toEqual([['x', 1, 'x'], ['y', 1, 'y']]);
    expect(await restarted.revisions.countDocuments({ viewPending: true })).toBe(0);
  });

  it('when writes complete, then no revision or marker is left for repair', async () => {
    const store = createAggregateStore<Tally>(db, 'clean', options);
    await store.createMany([{ id: 'c1', causedBy: 'create-c1', state: { owner: 'c', country: 'GH', seen: [], nested: { depth: { n: 0 } } } }]);
    await store.apply('c1', 'more', add('more'));
    expect(await store.revisions.countDocuments({ viewPending: true })).toBe(0);
    expect(await store.revisions.countDocuments({ viewBatch: { $exists: true } })).toBe(0);
    expect(await db.collection('clean_view_batches').countDocuments()).toBe(0);
  });
});
