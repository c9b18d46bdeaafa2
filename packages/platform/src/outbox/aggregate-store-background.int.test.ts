import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { createEvent } from '../kafka/envelope';
import { createEventPublisher } from '../kafka/event-publisher';
import { createEventValidator } from '../kafka/event-validator';
import { createKafka } from '../kafka/kafka-client';
import { interceptedConnection } from '../testing/intercepted-connection';
import { opaqueSealed } from '../testing/opaque-sealed';
import { testInfra } from '../testing/test-infra';
import { createTestTopics, readTopic } from '../testing/test-topics';
import { randomName, waitFor } from '../testing/wait-for';
import { createAggregateStore } from './aggregate-store';
import { createOutboxRelay } from './outbox-relay';

type Tally = { seen: string[]; country: string };

/** A store that writes its views in the background (`viewInBackground`), against the real FerretDB, packed and unpacked alike. */
describe.each([
  { mode: 'unpacked', options: {} },
  { mode: 'packed', options: { packed: { viewFields: ['country'] } } },
])('aggregate store with views in the background, $mode (real database)', ({ mode, options }) => {
  let db: Connection;
  const logger = createLogger('test', 'silent');
  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName(`agg-bg-${mode}`).replace(/-/g, '_'), logger });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });
  const add = (cause: string) => (current: { state: Tally } | undefined) => ({
    state: { country: 'GH', seen: [...(current?.state.seen ?? []), cause] },
  });
  const killed = () => Promise.reject(new Error('process killed'));

  it('when a store writes its views in the background, then its events leave before the row, the revision is cleared only once the row shows it, and a failed row is repaired before the clear', async () => {
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    let mode: 'hold' | 'fail' | 'pass' = 'pass';
    const hold = () => (mode === 'hold' ? held : mode === 'fail' ? killed() : Promise.resolve());
    const store = createAggregateStore<Tally>(interceptedConnection(db, 'background', 'bulkWrite', hold), 'background', {
      ...options,
      viewInBackground: true,
    });
    await store.ensureIndexes();
    const infra = await testInfra();
    const kafka = createKafka({ clientId: 'agg-bg-test', brokers: infra.kafkaBrokers, logger });
    const prefix = `${randomName('aggbg')}.`;
    await createTestTopics(kafka, prefix, 1);
    const publisher = createEventPublisher({ kafka, validator: createEventValidator(), topicPrefix: prefix });
    await publisher.connect();
    // One aggregate in the collection: its row is the first.
    const row = async () => (await store.find({}))[0];
    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger, pollMs: 60_000 });
    const subject = randomName('cand');
    const eventOf = (n: number) =>
      createEvent('intake', {
        type: 'candidate.withdrawn',
        subject,
        data: { candidateId: subject, country: 'GH', personal: opaqueSealed(subject, `bg ${n}`) },
      });
    await store.apply('b1', 'one', add('one'));
    await waitFor(async () => (await row())?._rev === 1, { timeoutMs: 10_000, message: 'row 1 written' });
    await relay.runOnce();
    mode = 'hold';
    const second = eventOf(2);
    // Resolves with the revision stored while its row is held back; the relay publishes it, and does not clear it.
    const applied = await store.apply('b1', 'two', (cur) => ({ ...add('two')(cur), events: [second] }));
    expect([applied.outcome, (await store.load('b1'))!.rev, (await row())?._rev]).toEqual(['applied', 2, 1]);
    await relay.runOnce();
    const seen = await readTopic(kafka, `${prefix}vetting.candidates`, (read) => read.some((m) => m.value.includes(second.id)));
    expect(seen.some((m) => m.value.includes(second.id))).toBe(true);
    expect(await store.revisions.countDocuments({ aggregateId: 'b1', outboxPending: true })).toBe(1);
    mode = 'pass';
    release();
    await waitFor(async () => (await row())?._rev === 2, { timeoutMs: 10_000, message: 'row 2 written' });
    await waitFor(
      async () => (await relay.runOnce(), (await store.revisions.countDocuments({ aggregateId: 'b1', outboxPending: true })) === 0),
      {
        timeoutMs: 10_000,
        message: 'revision 2 cleared',
      },
    );
    // The row write fails: the revision is published, and cleared only after the relay made the row show it.
    mode = 'fail';
    await store.apply('b1', 'three', add('three'));
    await waitFor(
      async () => (await relay.runOnce(), (await store.revisions.countDocuments({ aggregateId: 'b1', outboxPending: true })) === 0),
      {
        timeoutMs: 10_000,
        message: 'revision 3 cleared',
      },
    );
    const last = await row();
    expect([last?._rev, last?.seen]).toEqual([3, ['one', 'two', 'three']]);
    await relay.stop();
    await publisher.disconnect();
  });
});
