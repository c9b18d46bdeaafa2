import type { Collection, Document } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';
import type { EventPublisher } from '../kafka/event-publisher';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { sleep } from '../kafka/backoff';

interface OutboxDoc extends Document {
  outbox: EventEnvelope[];
  outboxRev: number;
}

export interface OutboxRelayOptions {
  /** Collections whose documents carry an outbox. */
  collections: Collection[];
  publisher: EventPublisher;
  logger: Logger;
  metrics?: Metrics;
  /** Polling interval when nothing wakes the relay. Default 250 ms. */
  pollMs?: number;
  /** Documents read per pass and collection. Default 200. */
  batchSize?: number;
}

export interface OutboxRelay {
  start(): void;
  /** Wakes the relay now (called after a write that added events). */
  kick(): void;
  /** One pass over every collection; returns the number of events published. */
  runOnce(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Publishes outbox events, then removes them. The database has no change streams (FerretDB), so it
 * polls, and writers kick it for low latency. A crash between publish and removal publishes again
 * (at least once); consumers are idempotent, so the effect is still once.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 200;
  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let kicked = false;

  async function removePublished(collection: Collection, doc: OutboxDoc, published: Set<string>) {
    let current: OutboxDoc | null = doc;
    while (current) {
      const remaining = current.outbox.filter((e) => !published.has(e.id));
      const res = await collection.updateOne(
        { _id: current._id, outboxRev: current.outboxRev },
        { $set: { outbox: remaining, outboxPending: remaining.length > 0 } },
      );
      if (res.matchedCount === 1) return;
      // Changed since we read it (a new event was added): re-read and remove only what we published.
      current = (await collection.findOne({ _id: current._id }, { projection: { outbox: 1, outboxRev: 1 } })) as OutboxDoc | null;
    }
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (const collection of options.collections) {
      const docs = (await collection
        .find({ outboxPending: true }, { projection: { outbox: 1, outboxRev: 1 } })
        .limit(batchSize)
        .toArray()) as unknown as OutboxDoc[];
      if (!docs.length) continue;
      const events = docs.flatMap((d) => d.outbox ?? []);
      await options.publisher.publish(events);
      const published = new Set(events.map((e) => e.id));
      await Promise.all(docs.map((d) => removePublished(collection, d, published)));
      for (const e of events) options.metrics?.eventsPublished.inc({ type: e.type });
      total += events.length;
    }
    return total;
  }

  async function run() {
    let failures = 0;
    while (!stopped) {
      kicked = false;
      try {
        const published = await runOnce();
        failures = 0;
        if (published > 0 || kicked) continue;
      } catch (error) {
        failures++;
        log.warn({ err: error, failures }, 'outbox pass failed; will retry');
      }
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(resolve, failures ? Math.min(5000, 250 * 2 ** failures) : (options.pollMs ?? 250));
      });
      wake = undefined;
    }
  }

  return {
    start() {
      loop ??= run();
    },
    kick() {
      kicked = true;
      wake?.();
    },
    runOnce,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await sleep(0);
    },
  };
}
