import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
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
  /**
   * Which published events keep their payload (`data`) in the stored outbox. The others are cut down
   * to their envelope (id, type, subject, time, correlation) in the same update that marks them
   * published, so personal data (e.g. candidate.submitted) is no longer kept in revision documents
   * once it has left through Kafka. Default: only `access.recorded` keeps it (an access record is
   * itself audit data: who read which resource; it holds no answers or identity data).
   */
  keepPublishedPayload?: (event: EventEnvelope) => boolean;
}

/** Update statements per bulkWrite (see the pool note where it is used). */
const CLEAR_CHUNK = 25;

const keepAccessRecords = (event: EventEnvelope) => event.type === 'access.recorded';

/** An event as kept after publication: its envelope, and its payload only when `keep` says so. */
export function publishedForm(events: EventEnvelope[], keep: (event: EventEnvelope) => boolean = keepAccessRecords): EventEnvelope[] {
  return events.map((event) => {
    if (keep(event)) return event;
    const { data: _payload, ...envelope } = event;
    return envelope as EventEnvelope;
  });
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
 * Publishes outbox events, then marks them published and drops their payloads (see
 * `keepPublishedPayload`); every few seconds it also repairs the views of
 * aggregate-store revisions among its collections (a crash between a revision and its view). Outbox documents must be insert-only
 * (aggregate revisions, access records, screening cases). The database has no change streams (FerretDB), so it
 * polls, and writers kick it for low latency. A crash between publish and removal publishes again
 * (at least once); consumers are idempotent, so the effect is still once.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 200;
  const keep = options.keepPublishedPayload ?? keepAccessRecords;
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
      const outboxes = docs.map((d) => (typeof d.outbox === 'string' ? (JSON.parse(d.outbox) as EventEnvelope[]) : (d.outbox ?? [])));
      const events = outboxes.flat();
      await options.publisher.publish(events);
      // Outbox documents are written once and never updated by anyone but the relay, so clearing the
      // flag cannot overwrite a concurrent change (FerretDB v1 updates are read-modify-write).
      // Bulk writes of exact-_id updates: FerretDB v1 pushes `_id` equality down but evaluates
      // `_id: { $in: [...] }` by scanning the collection, and each document gets its own cut-down
      // outbox anyway. At most 25 statements per command, one command at a time: FerretDB v1 holds a
      // pooled PostgreSQL connection per statement until the command ends, and a bulkWrite of 200
      // took the whole pool and deadlocked the server (docs/DEVELOPING.md).
      const publishedAt = new Date().toISOString();
      const clears: AnyBulkWriteOperation<Document>[] = docs.map((d, i) => {
        const kept = publishedForm(outboxes[i]!, keep);
        return { updateOne: { filter: { _id: d._id }, update: { $set: { outboxPending: false, publishedAt, outbox: typeof d.outbox === 'string' ? JSON.stringify(kept) : kept } } } };
      });
      for (let i = 0; i < clears.length; i += CLEAR_CHUNK) await collection.bulkWrite(clears.slice(i, i + CLEAR_CHUNK), { ordered: false });
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
