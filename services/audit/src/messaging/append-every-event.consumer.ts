import type { KafkaMessage } from 'kafkajs';
import { dlqTopic } from '@vetting/contracts';
import {
  AppError,
  CONSUMER_MAX_WAIT_MS,
  backoffDelay,
  forgedSource,
  sleep,
  type EventEnvelope,
  type ServiceRuntime,
} from '@vetting/platform';
import type { ChainAppender } from '../data/chain-appender';

type Parsed = { ok: true; event: EventEnvelope } | { ok: false; error: Error & { code?: string; errors?: unknown } };

/**
 * Consumes every topic in batches (eachBatch) and appends each batch to the chain in as few
 * round trips as the appender can manage. The offset of a batch is resolved only after all its
 * entries are stored; a crash in between redelivers them and the appender reports duplicates.
 * Malformed or off-contract messages, and events whose `source` is not one of the topic's writers
 * (a forgery: it must not enter the trail as a fact), go to `<topic>.dlq` at once; a database outage is retried
 * (heartbeating) for as long as the batch is ours, so nothing becomes a dead letter for that.
 */
export async function startAppendConsumer(runtime: ServiceRuntime, appender: ChainAppender, topics: string[]) {
  const prefix = runtime.config.TOPIC_PREFIX;
  const group = `${prefix}audit`;
  const log = runtime.logger.child({ component: 'consumer', group });
  const consumer = runtime.kafka.consumer({
    groupId: group,
    sessionTimeout: 30_000,
    heartbeatInterval: 3000,
    maxWaitTimeInMs: CONSUMER_MAX_WAIT_MS,
    allowAutoTopicCreation: false,
  });
  let running = false;
  let markJoined: () => void = () => undefined;
  const joined = new Promise<void>((resolve) => (markJoined = resolve));
  consumer.on(consumer.events.GROUP_JOIN, () => markJoined());
  consumer.on(consumer.events.CRASH, (e) => log.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer crashed'));

  function parse(message: KafkaMessage, topic: string): Parsed {
    try {
      const parsed: unknown = JSON.parse(message.value?.toString('utf8') ?? '');
      runtime.validator.assertValid(parsed);
      const forged = forgedSource(parsed, topic, prefix);
      if (forged) {
        runtime.metrics.eventsRefused.inc({ group, topic: topic.slice(prefix.length), source: parsed.source.slice(0, 64) });
        return { ok: false, error: forged };
      }
      return { ok: true, event: parsed };
    } catch (error) {
      return {
        ok: false,
        error: error instanceof SyntaxError ? new AppError('EVENT.MALFORMED_JSON', `Not valid JSON: ${error.message}`) : (error as Error),
      };
    }
  }

  async function deadLetter(topic: string, partition: number, message: KafkaMessage, error: Error & { code?: string; errors?: unknown }) {
    await runtime.publisher.sendRaw(dlqTopic(topic), [
      {
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: {
          'dlq-error-code': String(error.code ?? error.name ?? 'UNKNOWN'),
          'dlq-error-message': String(error.message).slice(0, 2000),
          'dlq-error-fields': JSON.stringify(error.errors ?? []).slice(0, 4000),
          'dlq-original-topic': topic,
          'dlq-original-partition': String(partition),
          'dlq-original-offset': message.offset,
          'dlq-consumer-group': group,
          'dlq-attempts': '1',
          'dlq-at': new Date().toISOString(),
        },
      },
    ]);
    log.error({ err: error, topic, partition, offset: message.offset }, 'message dead-lettered');
  }

  await consumer.connect();
  // fromBeginning: a new group must never skip what was published before it first joined.
  await consumer.subscribe({ topics: topics.map((t) => prefix + t), fromBeginning: true });
  await consumer.run({
    eachBatchAutoResolve: false,
    partitionsConsumedConcurrently: 6,
    eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
      const events: EventEnvelope[] = [];
      for (const message of batch.messages) {
        const parsed = parse(message, batch.topic);
        if (parsed.ok) events.push(parsed.event);
        else await deadLetter(batch.topic, batch.partition, message, parsed.error);
      }
      for (let attempt = 1; events.length > 0; attempt++) {
        if (!isRunning() || isStale()) return; // revoked or stopping: leave the offsets for the next owner
        try {
          const results = await appender.appendMany(events);
          results.forEach((result, i) =>
            runtime.metrics.eventsHandled.inc({ group, type: events[i]!.type, result: result === 'appended' ? 'handled' : 'skipped' }),
          );
          break;
        } catch (error) {
          runtime.metrics.consumerRetries.inc({ group, type: 'batch' });
          log.warn({ err: error, attempt, size: events.length }, 'audit batch not stored, retrying');
          await sleep(backoffDelay(Math.min(attempt, 6), 200, 5000));
          await heartbeat().catch(() => undefined);
        }
      }
      const lastMessage = batch.messages[batch.messages.length - 1];
      if (lastMessage) resolveOffset(lastMessage.offset);
      await commitOffsetsIfNecessary();
      await heartbeat();
    },
  });
  running = true;
  runtime.readiness['consumer:audit'] = async () => {
    if (!running) throw new Error('consumer not running');
  };
  return {
    joined: () => joined,
    async stop() {
      running = false;
      await consumer.disconnect();
    },
  };
}
