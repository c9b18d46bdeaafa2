import { CompressionTypes, type Kafka, type Producer } from 'kafkajs';
import { topicForEventType } from '@vetting/contracts';
import type { EventEnvelope } from './envelope';
import type { EventValidator } from './event-validator';

export interface EventPublisher {
  connect(): Promise<void>;
  /** Publishes in order per subject; resolves once every event is acknowledged by all in-sync replicas. */
  publish(events: EventEnvelope[]): Promise<void>;
  /** Sends raw bytes to a fully named topic (dead letters, which may not be valid events). */
  sendRaw(
    topic: string,
    messages: { key?: string | null; value: Buffer | string | null; headers?: Record<string, string> }[],
  ): Promise<void>;
  disconnect(): Promise<void>;
  readonly connected: boolean;
}

/**
 * An idempotent producer (acks=all, one request in flight) that validates every event against its
 * contract before it leaves the process, and batches sends by topic.
 */
export function createEventPublisher(deps: { kafka: Kafka; validator: EventValidator; topicPrefix?: string }): EventPublisher {
  const producer: Producer = deps.kafka.producer({ idempotent: true, maxInFlightRequests: 1, allowAutoTopicCreation: false });
  const prefix = deps.topicPrefix ?? '';
  let connected = false;
  producer.on(producer.events.DISCONNECT, () => (connected = false));
  producer.on(producer.events.CONNECT, () => (connected = true));
  return {
    get connected() {
      return connected;
    },
    async connect() {
      await producer.connect();
      connected = true;
    },
    async publish(events) {
      if (!events.length) return;
      const byTopic = new Map<string, { key: string; value: string; headers: Record<string, string> }[]>();
      for (const event of events) {
        deps.validator.assertValid(event);
        const topic = prefix + topicForEventType(event.type);
        const list = byTopic.get(topic) ?? [];
        list.push({
          key: event.subject,
          value: JSON.stringify(event),
          headers: { 'ce-type': event.type, 'ce-id': event.id, correlationid: event.correlationid },
        });
        byTopic.set(topic, list);
      }
      await producer.sendBatch({
        acks: -1,
        compression: CompressionTypes.None,
        topicMessages: [...byTopic].map(([topic, messages]) => ({ topic, messages })),
      });
    },
    async sendRaw(topic, messages) {
      await producer.send({ topic, acks: -1, messages });
    },
    async disconnect() {
      await producer.disconnect();
      connected = false;
    },
  };
}
