import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { createAggregateStore } from '../outbox/aggregate-store';
import { createEvent } from './envelope';
import { createEventPublisher } from './event-publisher';
import { createEventValidator } from './event-validator';
import { createKafka } from './kafka-client';
import { createTestTopics, readTopic } from '../testing/test-topics';
import { opaqueSealed } from '../testing/opaque-sealed';
import { testInfra } from '../testing/test-infra';
import { randomName, waitFor } from '../testing/wait-for';

const worker = fileURLToPath(new URL('../testing/crash-worker.ts', import.meta.url));

describe('crash recovery with real processes killed by SIGKILL', () => {
  const logger = createLogger('test', 'silent');
  let env: Record<string, string>;
  let kafka: ReturnType<typeof createKafka>;
  let outFile: string;
  const prefix = `${randomName('crash')}.`;

  function run(mode: string, extra: Record<string, string> = {}): Promise<{ code: number | null; signal: NodeJS.Signals | null }> {
    return new Promise((resolve) => {
      const child = spawn(process.execPath, ['--import', 'tsx', worker, mode], {
        env: { ...process.env, ...env, ...extra },
        stdio: 'inherit',
      });
      child.on('exit', (code, signal) => resolve({ code, signal }));
    });
  }
  const outcomes = () =>
    existsSync(outFile)
      ? readFileSync(outFile, 'utf8')
          .trim()
          .split('\n')
          .filter(Boolean)
          .map((l) => JSON.parse(l))
      : [];

  beforeAll(async () => {
    const infra = await testInfra();
    kafka = createKafka({ clientId: 'crash-test', brokers: infra.kafkaBrokers, logger });
    await createTestTopics(kafka, prefix, 2);
    outFile = `${mkdtempSync(`${tmpdir()}/crash-`)}/out.jsonl`;
    env = {
      KAFKA_BROKERS: infra.kafkaBrokers.join(','),
      MONGO_URL: infra.mongoUrl,
      MONGO_DB: randomName('crash').replace(/-/g, '_'),
      TOPIC_PREFIX: prefix,
      OUT_FILE: outFile,
    };
  });
  afterAll(() => undefined);

  it('when a consumer is killed after storing its effect and before committing the offset, then on restart the event is redelivered and applied exactly once', async () => {
    const publisher = createEventPublisher({ kafka, validator: createEventValidator(), topicPrefix: prefix });
    await publisher.connect();
    const subject = randomName('cand');
    const event = createEvent('intake', {
      type: 'candidate.withdrawn',
      subject,
      data: { candidateId: subject, country: 'GH', personal: opaqueSealed(subject) },
    });
    await publisher.publish([event]);
    await publisher.disconnect();
    const group = randomName('g');

    const crashed = await run('consume', { GROUP: group, CRASH_AFTER_EFFECT: '1' });
    expect(crashed.signal).toBe('SIGKILL');
    const admin = kafka.admin();
    await admin.connect();
    const offsets = await admin.fetchOffsets({ groupId: group, topics: [`${prefix}vetting.candidates`] });
    expect(offsets[0]!.partitions.every((p) => p.offset === '-1')).toBe(true);
    await admin.disconnect();

    const restarted = spawn(process.execPath, ['--import', 'tsx', worker, 'consume'], {
      env: { ...process.env, ...env, GROUP: group },
      stdio: 'inherit',
    });
    await waitFor(() => outcomes().filter((o) => o.event === event.id).length >= 2, {
      timeoutMs: 60_000,
      message: 'redelivery after restart',
    });
    restarted.kill('SIGTERM');
    expect(
      outcomes()
        .filter((o) => o.event === event.id)
        .map((o) => o.outcome),
    ).toEqual(['applied', 'duplicate']);

    const db = await connectMongo({ url: env.MONGO_URL!, dbName: env.MONGO_DB!, logger });
    const store = createAggregateStore<{ withdrawals: number }>(db, 'things');
    expect((await store.load(subject))?.state.withdrawals).toBe(1);
    expect(await store.history(subject)).toHaveLength(1);
    await db.close();
  });

  it('when a writer is killed after storing a change and before any relay ran, then the relay publishes its event; a relay killed after publishing publishes again and the effect is still once', async () => {
    const subject = randomName('cand');
    expect((await run('write', { SUBJECT: subject })).signal).toBe('SIGKILL');
    const stored = outcomes().find((o) => o.stored)!.stored as string;

    expect((await run('relay', { CRASH_AFTER_PUBLISH: '1' })).signal).toBe('SIGKILL');
    expect((await run('relay')).code).toBe(0);
    const copies = (read: { value: string }[]) => read.filter((m) => JSON.parse(m.value).id === stored);
    const messages = copies(await readTopic(kafka, `${prefix}vetting.candidates`, (read) => copies(read).length >= 2, 15_000));
    expect(messages.length).toBe(2); // published, crash before marking, published again: at least once

    const group = randomName('g2');
    const consumer = spawn(process.execPath, ['--import', 'tsx', worker, 'consume'], {
      env: { ...process.env, ...env, GROUP: group },
      stdio: 'inherit',
    });
    await waitFor(() => outcomes().filter((o) => o.event === stored).length >= 2, { timeoutMs: 60_000, message: 'both copies consumed' });
    consumer.kill('SIGTERM');
    expect(
      outcomes()
        .filter((o) => o.event === stored)
        .map((o) => o.outcome),
    ).toEqual(['applied', 'duplicate']);
  });
});
