import { hostname } from 'node:os';
import type { Consumer, Kafka } from 'kafkajs';
import { AppError, CONSUMER_MAX_WAIT_MS, type EventPublisher, type Logger } from '@vetting/platform';
import type { Checkpoint } from '../domain/checkpoint';

/**
 * The checkpoints as published on their own topic (`vetting.audit-checkpoints`: one partition, kept
 * forever, written by the audit principal alone). Whoever owns the audit database and the checkpoint
 * volume cannot rewrite what is there: it is the history a verification and a restarted scheduler
 * hold the chain and the checkpoint file against. Read by a consumer of this process that follows
 * the topic from its beginning; `sync` waits until it has read everything published so far.
 */
export interface PublishedCheckpoints {
  publish(checkpoint: Checkpoint): Promise<void>;
  /** Every checkpoint on the topic up to now (of every chain: the caller filters). Throws AUDIT.PUBLISHED_UNREADABLE (503) when the topic cannot be read. */
  readAll(): Promise<Checkpoint[]>;
  stop(): Promise<void>;
}

const unreadable = (cause?: unknown) =>
  new AppError('AUDIT.PUBLISHED_UNREADABLE', 'The published checkpoints cannot be read now', { status: 503, retriable: true, cause });

export async function startPublishedCheckpoints(deps: {
  kafka: Kafka;
  publisher?: Pick<EventPublisher, 'sendRaw'>;
  topic: string;
  groupPrefix: string;
  logger: Logger;
  syncTimeoutMs?: number;
}): Promise<PublishedCheckpoints> {
  const seen: Checkpoint[] = [];
  let readTo = 0;
  const consumer: Consumer = deps.kafka.consumer({
    groupId: `${deps.groupPrefix}-${hostname()}-${process.pid}-${Date.now()}`,
    maxWaitTimeInMs: CONSUMER_MAX_WAIT_MS,
    allowAutoTopicCreation: false,
  });
  await consumer.connect();
  await consumer.subscribe({ topic: deps.topic, fromBeginning: true });
  await consumer.run({
    eachMessage: async ({ message }) => {
      try {
        seen.push(JSON.parse(message.value?.toString('utf8') ?? '') as Checkpoint);
      } catch {
        deps.logger.error({ topic: deps.topic, offset: message.offset }, 'a published checkpoint is not JSON');
      }
      readTo = Number(message.offset) + 1;
    },
  });
  const admin = deps.kafka.admin();
  await admin.connect();

  async function readAll(): Promise<Checkpoint[]> {
    let high: number;
    try {
      high = Math.max(0, ...(await admin.fetchTopicOffsets(deps.topic)).map((p) => Number(p.high)));
    } catch (error) {
      throw unreadable(error);
    }
    const deadline = Date.now() + (deps.syncTimeoutMs ?? 30_000);
    while (readTo < high) {
      if (Date.now() > deadline) throw unreadable();
      await new Promise((r) => setTimeout(r, 25));
    }
    return [...seen];
  }

  return {
    async publish(checkpoint) {
      if (!deps.publisher) throw new Error('This reader does not publish');
      await deps.publisher.sendRaw(deps.topic, [{ key: checkpoint.chainId, value: JSON.stringify(checkpoint) }]);
    },
    readAll,
    async stop() {
      await consumer.disconnect().catch(() => undefined);
      await admin.disconnect().catch(() => undefined);
    },
  };
}
