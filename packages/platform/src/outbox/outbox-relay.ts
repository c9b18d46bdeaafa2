import type { Collection, Document } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';
import type { EventPublisher } from '../kafka/event-publisher';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { sleep } from '../kafka/backoff';
import { viewRepairerOf } from './aggregate-store';

interface OutboxDoc extends Document {
  /** The events, or their JSON text (packed aggregate stores). */
  outbox: EventEnvelope[] | string;
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
  /** How often the views of aggregate-store revisions a crash left behind are repaired. Default 5,000 ms. */
  viewRepairMs?: number;
}

export interface OutboxRelay {
  start(): void;
  /** Wakes the relay now (called after a write that added events). */
  kick(): void;
  /** One pass over every collection; returns the number of events published. */
  runOnce(): Promise<number>;
  /** Repairs the views of the aggregate stores among the collections (see `repairViews`); returns how many. */
  repairViews(options?: { graceMs?: number }): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Publishes outbox events, then marks them published; every few seconds it also repairs the views of
 * aggregate-store revisions among its collections (a crash between a revision and its view). Outbox documents must be insert-only
 * (aggregate revisions, access records, screening cases). The database has no change streams (FerretDB), so it
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
  let lastRepair = Date.now();

  async function repairViews(repairOptions?: { graceMs?: number }): Promise<number> {
    let repaired = 0;
    for (const collection of options.collections) repaired += (await viewRepairerOf(collection)?.(repairOptions)) ?? 0;
    if (repaired) log.warn({ repaired }, 'views left behind by an interrupted write were projected again');
    return repaired;
  }

  async function runOnce(): Promise<number> {
    let total = 0;
    for (const collection of options.collections) {
      const docs = (await collection
        .find({ outboxPending: true }, { projection: { outbox: 1 } })
        .limit(batchSize)
        .toArray()) as unknown as OutboxDoc[];
      if (!docs.length) continue;
      const events = docs.flatMap((d) => (typeof d.outbox === 'string' ? (JSON.parse(d.outbox) as EventEnvelope[]) : (d.outbox ?? [])));
      await options.publisher.publish(events);
      // Outbox documents are written once and never updated by anyone but the relay, so clearing the
      // flag cannot overwrite a concurrent change (FerretDB v1 updates are read-modify-write).
      // One update per document by exact _id, 50 at a time: FerretDB v1 pushes `_id` equality down to
      // its backend but evaluates `_id: { $in: [...] }` by scanning the collection (measured here: an
      // updateMany over 1,000 ids of a 2,000-document collection took minutes; 100 updateOne, seconds).
      const publishedAt = new Date().toISOString();
      for (let i = 0; i < docs.length; i += 50)
        await Promise.all(docs.slice(i, i + 50).map((d) => collection.updateOne({ _id: d._id }, { $set: { outboxPending: false, publishedAt } })));
      for (const e of events) options.metrics?.eventsPublished.inc({ type: e.type });
      total += events.length;
    }
    if (Date.now() - lastRepair >= (options.viewRepairMs ?? 5000)) {
      lastRepair = Date.now();
      await repairViews();
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
    repairViews,
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      await sleep(0);
    },
  };
}
