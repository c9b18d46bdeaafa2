import type { Consumer, Kafka, KafkaMessage } from 'kafkajs';
import { dlqTopic } from '@vetting/contracts';
import { AppError, isRetriable } from '../errors/app-error';
import { runWithContext } from '../logging/context';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { backoffDelay, sleep } from './backoff';
import type { EventEnvelope } from './envelope';
import type { EventPublisher } from './event-publisher';
import { forgedSource } from './event-source';
import type { EventValidator } from './event-validator';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  attempt: number;
  logger: Logger;
}

export type EventHandler = (event: EventEnvelope, ctx: HandlerContext) => Promise<void>;

export interface ConsumerRunnerOptions {
  kafka: Kafka;
  groupId: string;
  /** Logical topic names (without the test prefix). */
  topics: string[];
  /** Handlers by event type; other types on the topics are skipped. */
  handlers: Record<string, EventHandler>;
  validator: EventValidator;
  /** Used to write dead letters. */
  publisher: EventPublisher;
  logger: Logger;
  metrics?: Metrics;
  topicPrefix?: string;
  /** Attempts for a handler error that is not an infrastructure outage, before the DLQ. Default 5. */
  maxAttempts?: number;
  /** Partitions handled in parallel. Default 3. */
  concurrency?: number;
  /**
   * Messages of one partition handled at once, each key (an event's subject) in order: handlers mostly
   * wait on the database, and one message at a time per partition capped a service at a few events/s.
   * Default 4.
   */
  keyConcurrency?: number;
  /** How long a silent member keeps its partitions before a rebalance (a killed process). Default 30 s. */
  sessionTimeoutMs?: number;
  /**
   * Called each time this member (re)joins its group, before it handles a message of its new
   * assignment: what the process remembers of keys it handled may since have been changed by the
   * member that held their partitions in between.
   */
  onJoin?: () => void;
}

/**
 * How long the broker holds a fetch that finds nothing new, for every consumer of the platform (the
 * Java client's default is 0.5 s; kafkajs's own, 5 s). Stopping waits for the fetch in flight, so with
 * kafkajs's default each consumer of a process took up to 5 s to stop, one after the other; a message
 * still arrives as soon as it is written, whatever the wait.
 */
export const CONSUMER_MAX_WAIT_MS = 1000;

export interface ConsumerRunner {
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Resolves once the consumer has joined its group and been assigned partitions. */
  joined(): Promise<void>;
  readonly running: boolean;
}

type Outcome = { kind: 'handled' } | { kind: 'skipped' } | { kind: 'dead-letter'; error: unknown; attempts: number; forged?: string };

/**
 * Runs a consumer group. Offsets are committed only after a handler resolves, so the effect is
 * stored first; a crash in between redelivers, and idempotent handlers apply it once.
 * - Bad JSON or a contract violation: straight to `<topic>.dlq` with the reason (poison).
 * - An event whose `source` is not one of the topic's writers: straight to the DLQ, counted in
 *   `events_refused_total`, never handled (a forged event changes nothing).
 * - Infrastructure outage (database or broker restarting): retried without limit, heartbeating, so
 *   an outage never turns good messages into dead letters.
 * - Any other handler error: retried `maxAttempts` times with backoff, then dead-lettered.
 */
export function createConsumerRunner(options: ConsumerRunnerOptions): ConsumerRunner {
  const prefix = options.topicPrefix ?? '';
  const maxAttempts = options.maxAttempts ?? 5;
  const log = options.logger.child({ component: 'consumer', group: options.groupId });
  let consumer: Consumer | undefined;
  let running = false;
  let stopping = false;
  let markJoined: () => void = () => undefined;
  const joinedPromise = new Promise<void>((resolve) => (markJoined = resolve));

  async function process(message: KafkaMessage, topic: string, partition: number, heartbeat: () => Promise<void>): Promise<Outcome> {
    let event: EventEnvelope;
    try {
      const parsed: unknown = JSON.parse(message.value?.toString('utf8') ?? '');
      if (
        parsed &&
        typeof parsed === 'object' &&
        !options.handlers[(parsed as { type?: string }).type ?? ''] &&
        options.validator.knows((parsed as { type: string }).type)
      )
        return { kind: 'skipped' };
      options.validator.assertValid(parsed);
      event = parsed;
    } catch (error) {
      const reason = error instanceof SyntaxError ? new AppError('EVENT.MALFORMED_JSON', `Not valid JSON: ${error.message}`) : error;
      return { kind: 'dead-letter', error: reason, attempts: 1 };
    }
    const forged = forgedSource(event, topic, prefix);
    if (forged) return { kind: 'dead-letter', error: forged, attempts: 1, forged: event.source };
    const handler = options.handlers[event.type];
    if (!handler) return { kind: 'skipped' };
    for (let attempt = 1; ; attempt++) {
      try {
        await runWithContext({ correlationId: event.correlationid, causationId: event.id, tenant: event.tenant }, () =>
          handler(event, { topic, partition, offset: message.offset, attempt, logger: log.child({ eventId: event.id, type: event.type }) }),
        );
        return { kind: 'handled' };
      } catch (error) {
        if (stopping) throw error; // leave the offset uncommitted; another member redelivers
        const outage = isRetriable(error);
        if (!outage && attempt >= maxAttempts) return { kind: 'dead-letter', error, attempts: attempt };
        options.metrics?.consumerRetries.inc({ group: options.groupId, type: event.type });
        log.warn({ err: error, eventId: event.id, type: event.type, attempt, outage }, 'handler failed, retrying');
        await sleep(backoffDelay(Math.min(attempt, 6), 200, outage ? 5000 : 2000));
        await heartbeat().catch(() => undefined);
      }
    }
  }

  async function deadLetter(message: KafkaMessage, topic: string, partition: number, outcome: Extract<Outcome, { kind: 'dead-letter' }>) {
    const error = outcome.error as Error & { code?: string; errors?: unknown };
    await options.publisher.sendRaw(dlqTopic(topic), [
      {
        key: message.key?.toString() ?? null,
        value: message.value,
        headers: {
          'dlq-error-code': String(error?.code ?? error?.name ?? 'UNKNOWN'),
          'dlq-error-message': String(error?.message ?? error).slice(0, 2000),
          'dlq-error-fields': JSON.stringify(error?.errors ?? []).slice(0, 4000),
          'dlq-original-topic': topic,
          'dlq-original-partition': String(partition),
          'dlq-original-offset': message.offset,
          'dlq-consumer-group': options.groupId,
          'dlq-attempts': String(outcome.attempts),
          'dlq-at': new Date().toISOString(),
        },
      },
    ]);
    log.error({ err: error, topic, partition, offset: message.offset }, 'message dead-lettered');
  }

  return {
    get running() {
      return running;
    },
    async start() {
      consumer = options.kafka.consumer({
        groupId: options.groupId,
        sessionTimeout: options.sessionTimeoutMs ?? 30_000,
        heartbeatInterval: 1000,
        maxWaitTimeInMs: CONSUMER_MAX_WAIT_MS,
        allowAutoTopicCreation: false,
      });
      consumer.on(consumer.events.CRASH, (e) => log.error({ err: e.payload.error, restart: e.payload.restart }, 'consumer crashed'));
      consumer.on(consumer.events.GROUP_JOIN, () => {
        options.onJoin?.();
        markJoined();
      });
      await consumer.connect();
      // fromBeginning: a new group must never skip what was published before it first joined.
      await consumer.subscribe({ topics: options.topics.map((t) => prefix + t), fromBeginning: true });
      const keyConcurrency = options.keyConcurrency ?? 4;
      await consumer.run({
        autoCommit: true,
        eachBatchAutoResolve: false,
        partitionsConsumedConcurrently: options.concurrency ?? 3,
        // A batch's messages run as one chain per key, `keyConcurrency` chains at a time. Its offset is
        // resolved only once every message is handled: a batch cut short (stop, revocation) is
        // redelivered whole, and idempotent handlers apply each message once.
        eachBatch: async ({ batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary }) => {
          const chains = new Map<string, KafkaMessage[]>();
          for (const message of batch.messages) {
            const key = message.key?.toString() ?? '';
            const chain = chains.get(key);
            if (chain) chain.push(message);
            else chains.set(key, [message]);
          }
          const pending = [...chains.values()];
          let cutShort = false;
          const work = async () => {
            for (let chain = pending.shift(); chain; chain = pending.shift()) {
              for (const message of chain) {
                if (!isRunning() || isStale()) {
                  cutShort = true;
                  return;
                }
                const outcome = await process(message, batch.topic, batch.partition, heartbeat);
                if (outcome.kind === 'dead-letter') await deadLetter(message, batch.topic, batch.partition, outcome);
                if (outcome.kind === 'dead-letter' && outcome.forged !== undefined)
                  options.metrics?.eventsRefused.inc({
                    group: options.groupId,
                    topic: batch.topic.slice(prefix.length),
                    source: outcome.forged.slice(0, 64),
                  });
                const type = message.headers?.['ce-type']?.toString() ?? 'unknown';
                options.metrics?.eventsHandled.inc({ group: options.groupId, type, result: outcome.kind });
                await heartbeat().catch(() => undefined);
              }
            }
          };
          await Promise.all(Array.from({ length: Math.min(keyConcurrency, pending.length) }, work));
          if (cutShort) return;
          resolveOffset(batch.lastOffset());
          await commitOffsetsIfNecessary();
        },
      });
      running = true;
    },
    joined: () => joinedPromise,
    async stop() {
      stopping = true;
      running = false;
      await consumer?.disconnect();
    },
  };
}
