import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { createEvent } from '../kafka/envelope';
import { createEventPublisher } from '../kafka/event-publisher';
import { createEventValidator } from '../kafka/event-validator';
import { createKafka } from '../kafka/kafka-client';
import { opaqueSealed } from '../testing/opaque-sealed';
import { createTestTopics, readTopic } from '../testing/test-topics';
import { testInfra } from '../testing/test-infra';
import { randomName, waitFor } from '../testing/wait-for';
import { createAggregateStore } from './aggregate-store';
import { interceptedConnection } from '../testing/intercepted-connection';
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

  it('when a writer decides on a revision handed to it that another writer has moved past, then its insert fails and it decides again on the stored one', async () => {
    const service = createAggregateStore<Tally>(db, 'handed', options);
    await service.ensureIndexes();
    const first = await service.apply('h1', 'open', add('open'));
    await service.apply('h1', 'withdraw', add('withdraw'));
    // Another process's store, told of revision 1 only (a job carrying it): it reads nothing, then loses the insert of revision 2.
    const worker = createAggregateStore<Tally>(db, 'handed', options);
    worker.remember('h1', first.revision!);
    const seenBy: number[] = [];
    const claim = await worker.apply(
      'h1',
      'claim',
      (current) => (seenBy.push(current!.rev), current!.state.seen.includes('withdraw') ? undefined : add('claim')(current)),
    );
    expect(seenBy).toEqual([1, 2]);
    expect(claim.outcome).toBe('unchanged');
    expect((await worker.load('h1'))!.rev).toBe(2);
    // A revision older than one the store knows is not remembered over it.
    worker.remember('h1', first.revision!);
    expect(worker.remembered('h1')!.rev).toBe(2);
  });

  it('when 20 causes are applied concurrently to one aggregate, then every one lands once and the view shows the newest state', async () => {
    const store = createAggregateStore<Tally>(db, 'tallies', options);
    await store.ensureIndexes([{ country: 1 }]);
    const causes = Array.from({ length: 20 }, (_, i) => `cause-${i}`);
    const outcomes = await Promise.all(causes.map((c) => store.apply('t1', c, add(c))));
    const again = await Promise.all(
      causes.slice(0, 5).map((c) => store.apply('t1', c, (cur) => (cur?.state.seen.includes(c) ? undefined : add(c)(cur)))),
    );
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
    expect([typeof raw!._state, 'nested' in raw!, typeof rawRevision!.state]).toEqual(
      mode === 'packed' ? ['string', false, 'string'] : ['undefined', true, 'object'],
    );
  });

  it('when writers on four connections race on one aggregate, then each revision is won by exactly one insert and no cause is lost or doubled', async () => {
    // Four store instances on four connections stand for four service instances: the unique `_id`
    // `<id>#<n>` is the compare-and-set, decided by the database (FerretDB here; MongoDB in production).
    const infra = await testInfra();
    const connections = await Promise.all([1, 2, 3, 4].map(() => connectMongo({ url: infra.mongoUrl, dbName: db.name, logger })));
    try {
      const stores = connections.map((c) => createAggregateStore<Tally>(c, 'crossing', { ...options, writeGraceMs: 1000 }));
      await stores[0]!.ensureIndexes();
      const causes = Array.from({ length: 40 }, (_, i) => `cross-${i}`);
      const outcomes = await Promise.all(causes.map((c, i) => stores[i % 4]!.apply('x1', c, add(c))));
      expect(outcomes.every((o) => o.outcome === 'applied')).toBe(true);
      const history = await stores[0]!.history('x1');
      expect(history.map((r) => r.rev)).toEqual(causes.map((_, i) => i + 1));
      expect(history.map((r) => r.causedBy).sort()).toEqual([...causes].sort());
      // Each revision extends the one before it: no writer overwrote another's change.
      history.forEach((r, i) => expect(r.state.seen.length).toBe(i + 1));
      expect([...history.at(-1)!.state.seen].sort()).toEqual([...causes].sort());
      expect(new Set(outcomes.map((o) => o.revision!.rev)).size).toBe(40);
      await waitFor(async () => (await stores[0]!.find({ _id: 'x1' as never }))[0]?._rev === 40, {
        timeoutMs: 20_000,
        message: 'view on the newest revision',
      });
    } finally {
      await Promise.all(connections.map((c) => c.close()));
    }
  });

  it('when another process changed an aggregate this one remembers, then apply decides on the stored state', async () => {
    const [mine, theirs] = [
      createAggregateStore<Tally>(db, 'remembered', { ...options, cacheLatest: 100 }),
      createAggregateStore<Tally>(db, 'remembered', options),
    ];
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

  it('when decide asks for something first (passThrough), then it is thrown with no read; once the store forgets what it remembers, it decides on the stored state', async () => {
    const [mine, theirs] = [
      createAggregateStore<Tally>(db, 'pass-through', { ...options, cacheLatest: 100 }),
      createAggregateStore<Tally>(db, 'pass-through', options),
    ];
    await mine.ensureIndexes();
    await mine.apply('p1', 'one', add('one'));
    const reads = vi.spyOn(mine.revisions, 'find');
    const needed = new Error('needed first');
    const asking = () => {
      throw needed;
    };
    await expect(mine.apply('p1', 'two', asking, undefined, { passThrough: (e) => e === needed })).rejects.toBe(needed);
    expect(reads).not.toHaveBeenCalled();
    // Without it, the same error on remembered state is judged again on the stored state: one read.
    await expect(mine.apply('p1', 'two', asking)).rejects.toBe(needed);
    expect(reads).toHaveBeenCalledTimes(1);
    await theirs.apply('p1', 'three', add('three'));
    mine.forgetRemembered();
    expect(mine.remembered('p1')).toBeUndefined();
    expect((await mine.apply('p1', 'four', add('four'))).revision!.state.seen).toEqual(['one', 'three', 'four']);
    reads.mockRestore();
  });

  it('when many aggregates are created at once and scanned, then each is read back whole, in id order', async () => {
    const store = createAggregateStore<Tally>(db, 'bulk', options);
    const items = ['b', 'c', 'a'].map((id) => ({
      id,
      causedBy: `create-${id}`,
      state: { owner: id, country: id === 'a' ? 'NP' : 'GH', seen: [id], nested: { depth: { n: 1 } } },
    }));
    expect((await store.createMany(items)).created).toHaveLength(3);
    expect((await store.createMany(items)).existing).toHaveLength(3);
    const rows = [];
    for await (const row of store.scan({}, { sort: { _id: 1 } })) rows.push(row);
    expect(rows.map((r) => [r._id, r.owner, r.seen[0], r._rev])).toEqual([
      ['a', 'a', 'a', 1],
      ['b', 'b', 'b', 1],
      ['c', 'c', 'c', 1],
    ]);
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
    const event = createEvent('intake', {
      type: 'candidate.withdrawn',
      subject,
      data: { candidateId: subject, country: 'GH', personal: opaqueSealed(subject, `${mode} relay`) },
    });
    await store.apply(subject, 'withdraw', (cur) => ({ ...add('w')(cur), events: [event] }));
    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger, pollMs: 50 });
    relay.start();
    const seen = await readTopic(kafka, `${prefix}vetting.candidates`, 1);
    await relay.stop();
    await publisher.disconnect();
    expect(seen.map((m) => JSON.parse(m.value) as typeof event).map((e) => [e.id, e.data.personal])).toEqual([
      [event.id, opaqueSealed(subject, `${mode} relay`)],
    ]);
    expect(await store.revisions.countDocuments({ outboxPending: true })).toBe(0);
  });

  const interceptedAt = (name: string, method: 'bulkWrite' | 'insertMany', effect: () => Promise<never> | Promise<void>) =>
    interceptedConnection(db, name, method, effect);
  const killed = () => Promise.reject(new Error('process killed'));
  const noPublisher = { publish: async () => undefined } as never;

  it('when a writer dies between a revision and its view, then a relay projects the view once the grace is over, and publishes and clears the revision', async () => {
    const healthy = createAggregateStore<Tally>(db, 'interrupted', options);
    await healthy.ensureIndexes();
    await healthy.apply('i1', 'first', add('first'));
    const dying = createAggregateStore<Tally>(interceptedAt('interrupted', 'bulkWrite', killed), 'interrupted', options);
    await expect(dying.apply('i1', 'second', add('second'))).rejects.toThrow('process killed');
    // The defect this guards against: the revision is the newest, the view still shows the one before.
    expect([(await healthy.load('i1'))!.rev, (await healthy.find({ _id: 'i1' as never }))[0]!._rev]).toEqual([2, 1]);

    // A restarted process: its relay leaves another writer's pending revision alone during the grace.
    const restarted = createAggregateStore<Tally>(db, 'interrupted', options);
    const relay = createOutboxRelay({ collections: [restarted.revisions], publisher: noPublisher, logger });
    expect(await relay.repairViews({ graceMs: 60_000 })).toBe(0);
    expect(await relay.repairViews({ graceMs: 0 })).toBe(1);
    const [row] = await restarted.find({ _id: 'i1' as never });
    expect([row!._rev, row!.seen]).toEqual([2, ['first', 'second']]);
    expect(await restarted.revisions.countDocuments({ aggregateId: 'i1', outboxPending: true })).toBe(0);
    expect(await relay.repairViews({ graceMs: 0 })).toBe(0);
  });

  it("when a writer's view write lands after a newer writer's, then the newer writer checks again after the grace and the view ends on the newest revision", async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let holding = false;
    const slow = createAggregateStore<Tally>(
      interceptedAt('late', 'bulkWrite', () => (holding ? held : Promise.resolve())),
      'late',
      { ...options, writeGraceMs: 1500 },
    );
    const fast = createAggregateStore<Tally>(db, 'late', { ...options, writeGraceMs: 1500 });
    await fast.ensureIndexes();
    await slow.apply('l1', 'one', add('one'));
    holding = true;
    // Revision 2, decided on the slow writer's own revision 1: stored, its view write held back.
    const slowWrite = slow.apply('l1', 'two', add('two'));
    await waitFor(async () => (await fast.load('l1'))?.rev === 2, { timeoutMs: 10_000, message: 'revision 2 stored' });
    holding = false;
    // Decided on the slow writer's revision 2 while its view write is still to come: the writers cross.
    await fast.apply('l1', 'three', add('three'));
    release();
    await slowWrite;
    // The crossing itself: revision 2's view write landed last.
    expect((await fast.find({ _id: 'l1' as never }))[0]!._rev).toBe(2);
    await waitFor(async () => (await fast.find({ _id: 'l1' as never }))[0]?._rev === 3, {
      timeoutMs: 10_000,
      message: 'the crossing writer repaired the view',
    });
  });

  // Two aggregates: their revisions are pending. Thirty: one marker for the call.
  it.each([2, 30])('when a bulk creation of %i dies before its view rows, then the repair inserts them', async (count) => {
    const name = `bulk_interrupted_${count}`;
    const dying = createAggregateStore<Tally>(interceptedAt(name, 'insertMany', killed), name, options);
    const ids = Array.from({ length: count }, (_, i) => `x${String(i).padStart(2, '0')}`);
    const items = ids.map((id) => ({
      id,
      causedBy: `create-${id}`,
      state: { owner: id, country: 'GH', seen: [id], nested: { depth: { n: 1 } } },
    }));
    // Revisions go to `<name>_revisions`; the intercepted insert is the view's.
    await expect(dying.createMany(items)).rejects.toThrow('process killed');
    const restarted = createAggregateStore<Tally>(db, name, options);
    expect(await restarted.find({})).toEqual([]);
    const relay = createOutboxRelay({ collections: [restarted.revisions], publisher: noPublisher, logger });
    expect(await relay.repairViews({ graceMs: 0 })).toBe(count);
    expect((await restarted.find({}, { sort: { _id: 1 } })).map((r) => [r._id, r._rev, r.owner])).toEqual(ids.map((id) => [id, 1, id]));
    expect(await db.collection(`${name}_view_batches`).countDocuments()).toBe(0);
    expect(await restarted.revisions.countDocuments({ outboxPending: true })).toBe(0);
  });

  it('when writes complete and the relay has run, then nothing is left pending or marked', async () => {
    const store = createAggregateStore<Tally>(db, 'clean', options);
    await store.createMany([
      { id: 'c1', causedBy: 'create-c1', state: { owner: 'c', country: 'GH', seen: [], nested: { depth: { n: 0 } } } },
    ]);
    await store.apply('c1', 'more', add('more'));
    const relay = createOutboxRelay({ collections: [store.revisions], publisher: noPublisher, logger });
    await relay.runOnce();
    expect(await store.revisions.countDocuments({ outboxPending: true })).toBe(0);
    expect(await db.collection('clean_view_batches').countDocuments()).toBe(0);
    await relay.stop();
  });
});
