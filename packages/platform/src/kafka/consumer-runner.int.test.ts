import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { createLogger } from '../logging/logger';
import { opaqueSealed } from '../testing/opaque-sealed';
import { createTestTopics, readTopic } from '../testing/test-topics';
import { testInfra } from '../testing/test-infra';
import { randomName, waitFor } from '../testing/wait-for';
import { createConsumerRunner, type ConsumerRunner, type EventHandler } from './consumer-runner';
import { createEvent, type EventEnvelope } from './envelope';
import { createEventPublisher, type EventPublisher } from './event-publisher';
import { createEventValidator } from './event-validator';
import { createKafka } from './kafka-client';

const logger = createLogger('test', 'silent');
const withdrawn = (subject: string) =>
  createEvent('intake', {
    type: 'candidate.withdrawn',
    subject,
    data: { candidateId: subject, country: 'GH', personal: opaqueSealed(subject) },
  });

describe('consumer runner (real Kafka)', () => {
  let kafka: ReturnType<typeof createKafka>;
  let publisher: EventPublisher;
  const prefix = `${randomName('cr')}.`;
  const runners: ConsumerRunner[] = [];
  const validator = createEventValidator();

  const start = async (group: string, handler: EventHandler, maxAttempts = 3) => {
    const runner = createConsumerRunner({
      kafka,
      groupId: group,
      topics: ['vetting.candidates'],
      handlers: { 'candidate.withdrawn': handler },
      validator,
      publisher,
      logger,
      topicPrefix: prefix,
      maxAttempts,
      sessionTimeoutMs: 6000,
    });
    runners.push(runner);
    await runner.start();
    return runner;
  };

  beforeAll(async () => {
    const infra = await testInfra();
    kafka = createKafka({ clientId: 'cr-test', brokers: infra.kafkaBrokers, logger });
    await createTestTopics(kafka, prefix, 4);
    publisher = createEventPublisher({ kafka, validator, topicPrefix: prefix });
    await publisher.connect();
  });
  afterAll(async () => {
    for (const r of runners) await r.stop();
    await publisher.disconnect();
  });

  it('when a message is not JSON or breaks its schema, then it lands in the DLQ with the reason and the consumer goes on', async () => {
    const topic = `${prefix}vetting.candidates`;
    const good = withdrawn('after-poison');
    const bad = { ...withdrawn('bad-schema'), data: { candidateId: 'bad-schema', country: 'Ghana', personal: opaqueSealed('bad-schema') } };
    await publisher.sendRaw(topic, [
      { key: 'poison', value: '{"not json' },
      { key: 'bad-schema', value: JSON.stringify(bad) },
      { key: 'after-poison', value: JSON.stringify(good) },
    ]);
    const handled: string[] = [];
    await start(randomName('dlq'), async (e) => void handled.push(e.subject));
    await waitFor(() => handled.includes('after-poison'), { message: 'the good message after the poison ones' });
    const dead = await readTopic(kafka, `${topic}.dlq`, 2);
    const byKey = Object.fromEntries(dead.map((m) => [m.key, m.headers]));
    expect(byKey.poison?.['dlq-error-code']).toBe('EVENT.MALFORMED_JSON');
    expect(byKey['bad-schema']?.['dlq-error-code']).toBe('EVENT.INVALID_DATA');
    expect(byKey['bad-schema']?.['dlq-error-fields']).toContain('/data/country');
    expect(byKey.poison?.['dlq-original-topic']).toBe(topic);
    expect(handled).not.toContain('bad-schema');
  });

  it('when a new group’s first batch throws, then nothing is skipped: the messages are retried and handled', async () => {
    const events = Array.from({ length: 8 }, (_, i) => withdrawn(`first-batch-${i}`));
    await publisher.publish(events);
    const seen = new Set<string>();
    let failures = 0;
    await start(
      randomName('first'),
      async (e) => {
        if (!e.subject.startsWith('first-batch-')) return;
        if (failures < 3) {
          failures++;
          throw new AppError('TEST.FLAKY', 'first attempts fail', { retriable: false });
        }
        seen.add(e.subject);
      },
      10,
    );
    await waitFor(() => seen.size === events.length, { message: 'all first-batch messages', timeoutMs: 60_000 });
    expect(failures).toBe(3);
  });

  it('when two consumers share a group over several partitions, then every message is handled and each by one member', async () => {
    const group = randomName('pair');
    const events: EventEnvelope[] = Array.from({ length: 40 }, (_, i) => withdrawn(`pair-${i}`));
    const byMember: Record<string, string[]> = { a: [], b: [] };
    const handler =
      (member: 'a' | 'b'): EventHandler =>
      async (e) => {
        if (e.subject.startsWith('pair-')) byMember[member]!.push(e.id);
      };
    const a = await start(group, handler('a'));
    const b = await start(group, handler('b'));
    await Promise.all([a.joined(), b.joined()]);
    await publisher.publish(events);
    await waitFor(() => byMember.a!.length + byMember.b!.length >= events.length, { timeoutMs: 60_000, message: 'all pair messages' });
    const all = [...byMember.a!, ...byMember.b!];
    expect(new Set(all).size).toBe(events.length);
    expect(byMember.a!.length).toBeGreaterThan(0);
    expect(byMember.b!.length).toBeGreaterThan(0);
  });

  it('when one partition holds several candidates’ events, then different candidates are handled at once and each candidate’s events in order', async () => {
    // One partition: any concurrency seen is within it.
    const single = `${randomName('cr1')}.`;
    await createTestTopics(kafka, single, 1);
    const singlePublisher = createEventPublisher({ kafka, validator, topicPrefix: single });
    await singlePublisher.connect();
    const keys = ['order-a', 'order-b', 'order-c', 'order-d'];
    // Published in rounds: a batch holds every key's events interleaved, each key's in this order.
    const events = Array.from({ length: 5 }, (_, round) =>
      keys.map((k) => ({ ...withdrawn(k), data: { candidateId: k, country: 'GH', revision: round + 1, personal: opaqueSealed(k) } })),
    ).flat();
    await singlePublisher.publish(events);
    await singlePublisher.disconnect();
    const seen: Record<string, string[]> = {};
    let inFlight = 0;
    let mostInFlight = 0;
    const handler: EventHandler = async (e) => {
      inFlight++;
      mostInFlight = Math.max(mostInFlight, inFlight);
      await new Promise((r) => setTimeout(r, 40));
      (seen[e.subject] ??= []).push(String((e.data as { revision: number }).revision - 1));
      inFlight--;
    };
    const runner = createConsumerRunner({
      kafka,
      groupId: randomName('keyed'),
      topics: ['vetting.candidates'],
      handlers: { 'candidate.withdrawn': handler },
      validator,
      publisher,
      logger,
      topicPrefix: single,
      keyConcurrency: 4,
    });
    runners.push(runner);
    await runner.start();
    await waitFor(() => Object.values(seen).flat().length === events.length, { timeoutMs: 60_000, message: 'every keyed message' });
    for (const k of keys) expect(seen[k]).toEqual(['0', '1', '2', '3', '4']);
    expect(mostInFlight).toBeGreaterThan(1);
  });
});
