import type { Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { createEvent, type EventEnvelope } from '../kafka/envelope';
import { createEventPublisher, type EventPublisher } from '../kafka/event-publisher';
import { createEventValidator } from '../kafka/event-validator';
import { createKafka } from '../kafka/kafka-client';
import { createTestTopics, deleteTestTopics, readTopic } from '../testing/test-topics';
import { opaqueSealed } from '../testing/opaque-sealed';
import { testInfra } from '../testing/test-infra';
import { randomName } from '../testing/wait-for';
import { createAccessRecorder } from '../runtime/access-recorder';
import { createAggregateStore } from './aggregate-store';
import { createOutboxRelay } from './outbox-relay';

type Person = { country: string; name: string };
const SECRET = 'Amina Secret-Surname';
/** The event's payload as it travels: the text stands for the sealed reason, found by its encoding. */
const PAYLOAD = opaqueSealed('p', `${SECRET} asked to leave`).ct;

/** What the relay keeps of published events, against the real FerretDB and Kafka. */
describe.each([
  { mode: 'unpacked', options: {} },
  { mode: 'packed', options: { packed: { viewFields: ['country'] } } },
])('outbox relay, $mode store (real database and Kafka)', ({ mode, options }) => {
  let db: Connection;
  let kafka: Kafka;
  let publisher: EventPublisher;
  const prefix = `${randomName('relay')}.`;
  const logger = createLogger('test', 'silent');

  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName(`relay-${mode}`).replace(/-/g, '_'), logger });
    kafka = createKafka({ clientId: 'relay-test', brokers: infra.kafkaBrokers, logger });
    await createTestTopics(kafka, prefix, 1);
    publisher = createEventPublisher({ kafka, validator: createEventValidator(), topicPrefix: prefix });
    await publisher.connect();
  });
  afterAll(async () => {
    await publisher?.disconnect();
    await deleteTestTopics(kafka, prefix);
    await db?.dropDatabase();
    await db?.close();
  });

  const withdrawn = (subject: string) =>
    createEvent('intake', {
      type: 'candidate.withdrawn',
      subject,
      data: { candidateId: subject, country: 'GH', personal: opaqueSealed(subject, `${SECRET} asked to leave`) },
    });

  it('when the relay has published an event, then the raw revision keeps its envelope but not its payload, and the state is untouched', async () => {
    const store = createAggregateStore<Person>(db, 'people', options);
    await store.ensureIndexes();
    const subject = randomName('cand');
    const event = withdrawn(subject);
    await store.apply(subject, 'withdraw', () => ({ state: { country: 'GH', name: SECRET }, events: [event] }));
    const before = JSON.stringify(await store.revisions.find({ aggregateId: subject }).toArray());
    expect(before.match(new RegExp(SECRET, 'g'))).toHaveLength(1); // in the state
    expect(before).toContain(PAYLOAD); // and the payload in the outbox

    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger });
    expect(await relay.runOnce()).toBe(1);
    const seen = await readTopic(kafka, `${prefix}vetting.candidates`, (read) => read.some((m) => m.value.includes(event.id)));
    expect(seen.map((m) => JSON.parse(m.value) as EventEnvelope).find((e) => e.id === event.id)?.data).toEqual(event.data);

    const [raw] = await store.revisions.find({ aggregateId: subject }).toArray();
    expect(raw).toMatchObject({ outboxPending: false });
    const outbox = (typeof raw!.outbox === 'string' ? JSON.parse(raw!.outbox) : raw!.outbox) as EventEnvelope[];
    expect(outbox).toEqual([expect.objectContaining({ id: event.id, type: 'candidate.withdrawn', subject })]);
    expect(outbox[0]).not.toHaveProperty('data');
    expect(JSON.stringify(raw).match(new RegExp(SECRET, 'g'))).toHaveLength(1); // the state alone
    expect(JSON.stringify(raw)).not.toContain(PAYLOAD);
    const loaded = await store.load(subject);
    expect(loaded?.state).toEqual({ country: 'GH', name: SECRET });
    expect(loaded?.events.map((e) => e.type)).toEqual(['candidate.withdrawn']);
    expect((await store.find({ country: 'GH' })).map((r) => r.name)).toContain(SECRET);
  });

  it('when a pass publishes a whole batch, then every document of it is cleared and nothing is published twice', async () => {
    const store = createAggregateStore<Person>(db, 'batch', options);
    await store.ensureIndexes();
    const items = Array.from({ length: 120 }, () => randomName('bulk'));
    await store.createMany(
      items.map((id) => ({ id, causedBy: `open:${id}`, state: { country: 'GH', name: SECRET }, events: [withdrawn(id)] })),
    );
    const relay = createOutboxRelay({ collections: [store.revisions], publisher, logger, batchSize: 200 });
    expect(await relay.runOnce()).toBe(120);
    expect(await relay.runOnce()).toBe(0);
    expect(await store.revisions.countDocuments({ outboxPending: true })).toBe(0);
    const raws = await store.revisions.find({}).toArray();
    expect(raws.every((r) => !JSON.stringify(r.outbox).includes(PAYLOAD))).toBe(true);
  });

  it('when an access record is published, then it keeps its payload: it is the audit record of the read', async () => {
    const access = createAccessRecorder(db, 'test');
    const subject = randomName('cand');
    await access.record({
      actor: { id: 'officer-1', roles: ['tcc-officer'], country: 'GH' } as never,
      subjectId: subject,
      resource: `intake/candidates/${subject}`,
      purpose: 'review',
    });
    await createOutboxRelay({ collections: [access.collection], publisher, logger }).runOnce();
    const [raw] = await access.collection.find({}).toArray();
    expect(raw).toMatchObject({
      outboxPending: false,
      outbox: [{ type: 'access.recorded', data: { actor: 'officer-1', resource: `intake/candidates/${subject}` } }],
    });
  });
});
