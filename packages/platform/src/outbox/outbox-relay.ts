import type { AnyBulkWriteOperation, Collection, Document } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';
import type { EventPublisher } from '../kafka/event-publisher';
import type { Logger } from '../logging/logger';
import type { Metrics } from '../metrics/metrics';
import { sleep } from '../kafka/backoff';
import { WRITE_GRACE_MS } from './aggregate-store';
import { UPDATE_CHUNK } from './bulk-writes';
import { listenForOutbox, storesOf, writerOf, type AnnouncedDoc } from './outbox-registry';
import { keepAccessRecords, outboxOf, publishedForm } from './published-form';
export { publishedForm } from './published-form';

interface OutboxDoc extends AnnouncedDoc {
  /** Aggregate-store revisions only. */
  aggregateId?: string;
  writer?: string;
  at?: string;
  /** Insert-only outbox documents stamped by `initialOutbox`. */
  writtenAt?: string;
}

export interface OutboxRelayOptions {
  /** Collections whose documents carry an outbox. */
  collections: Collection[];
  publisher: EventPublisher;
  logger: Logger;
  metrics?: Metrics;
  /** How often the collections are polled for what no writer of this process handed over. Default 250 ms. */
  pollMs?: number;
  /** Documents read per poll and collection. Default 200. */
  batchSize?: number;
  /** How often interrupted bulk creations are repaired (see bulk-markers.ts). Default 5,000 ms. */
  viewRepairMs?: number;
  /** How long another writer's pending revision is left to it before its view is checked and it is published. Default WRITE_GRACE_MS. */
  orphanGraceMs?: number;
  /**
   * How long published documents may wait to be cleared, so that one bulk update clears many (fewer
   * than 25 waiting: at most this long; 25: at once). A crash meanwhile publishes them again (at
   * least once). Default 500 ms; far below the write grace, after which other relays would publish them.
   */
  clearDelayMs?: number;
  /**
   * Which published events keep their payload (`data`) in the stored outbox. The others are cut down
   * to their envelope (id, type, subject, time, correlation) in the same update that marks them
   * published, so personal data (e.g. candidate.submitted) is not kept in revision documents
   * once it has left through Kafka. Default: only `access.recorded` keeps it (an access record is
   * itself audit data: who read which resource; it holds no answers or identity data).
   */
  keepPublishedPayload?: (event: EventEnvelope) => boolean;
}

/** Documents handed over by writers that one pass publishes at most. */
const ANNOUNCED_PER_PASS = 500;
/** Published ids remembered to skip a late hand-over of a document a poll published first. */
const RECENT_IDS = 20_000;

export interface OutboxRelay {
  start(): void;
  /**
   * Wakes the relay for what writers handed over (`announceOutbox`; the aggregate store does it for
   * every revision). A document inserted without being handed over is found by the next poll.
   */
  kick(): void;
  /** One pass: what writers handed over, then a poll of every collection; returns the number of events published. */
  runOnce(): Promise<number>;
  /** A poll that treats other writers' pending revisions as left behind after `graceMs` (tests, operators); returns the views it wrote. */
  repairViews(options?: { graceMs?: number }): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Publishes outbox events, then marks them published and drops their payloads (see
 * `keepPublishedPayload`). Outbox documents must be insert-only (aggregate revisions, access records,
 * insert-once records). Writers of this process hand their documents over (`announceOutbox`), so the
 * relay publishes them from memory and clears them in bulk; the database has no change streams
 * (FerretDB), so a poll finds the rest: documents of other processes, and revisions a killed writer
 * left (after the grace, with their view made to show the newest revision first). A crash between
 * publish and clear publishes again (at least once); consumers are idempotent, so the effect is once.
 */
export function createOutboxRelay(options: OutboxRelayOptions): OutboxRelay {
  const log = options.logger.child({ component: 'outbox-relay' });
  const batchSize = options.batchSize ?? 200;
  const keep = options.keepPublishedPayload ?? keepAccessRecords;
  const pollMs = options.pollMs ?? 250;
  let stopped = false;
  let loop: Promise<void> | undefined;
  let wake: (() => void) | undefined;
  let pollRequested = true;
  let lastPoll = 0;
  let lastRepair = Date.now();
  const handedOver: { collection: Collection; doc: OutboxDoc }[] = [];
  /** Published and not cleared yet, per collection, by `_id`. */
  const published = new Map<Collection, Map<string, OutboxDoc>>(options.collections.map((c) => [c, new Map()]));
  /**
   * Ids published lately: a poll may find an insert-only document between its insert and its
   * writer's hand-over, and publish it first; the hand-over is then skipped, not published twice.
   */
  const recent = new Set<string>();
  const remember = (id: string) => {
    recent.add(id);
    if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value!);
  };
  const unlisten = options.collections.map((collection) =>
    listenForOutbox(collection, (docs) => {
      for (const doc of docs) handedOver.push({ collection, doc });
      wake?.();
    }),
  );

  /** One publication at a time (hand-overs and the poll may meet): a document found by both leaves once. */
  let publishing: Promise<unknown> = Promise.resolve();
  function publish(all: { collection: Collection; doc: OutboxDoc }[]): Promise<number> {
    const run = publishing.then(() => publishNow(all));
    publishing = run.catch(() => undefined);
    return run;
  }

  async function publishNow(all: { collection: Collection; doc: OutboxDoc }[]): Promise<number> {
    const items = all.filter((i) => !recent.has(`${i.collection.collectionName}/${String(i.doc._id)}`));
    if (!items.length) return 0;
    const events = items.flatMap((i) => outboxOf(i.doc));
    await options.publisher.publish(events);
    for (const { collection, doc } of items) {
      published.get(collection)!.set(String(doc._id), doc);
      remember(`${collection.collectionName}/${String(doc._id)}`);
    }
    for (const e of events) options.metrics?.eventsPublished.inc({ type: e.type });
    return events.length;
  }

  /**
   * A revision whose writer may still write or check its view is not cleared yet (it would look
   * settled to a later poll); one whose view write failed (published before its view, by a store
   * writing views in the background) has its view made to show the newest revision first.
   */
  async function clearable(collection: Collection, doc: OutboxDoc): Promise<boolean> {
    if (doc.aggregateId === undefined) return true;
    const owner = storesOf(collection).find((s) => s.writer === doc.writer);
    const state = owner?.stateOf(String(doc._id));
    if (state === 'failed') return owner!.settleView(doc.aggregateId).then(() => true);
    return state !== 'writing' && state !== 'recheck';
  }

  let oldestUncleared = 0;
  async function clear(force: boolean): Promise<void> {
    const waiting = [...published.values()].reduce((n, docs) => n + docs.size, 0);
    if (!waiting) return;
    if (!oldestUncleared) oldestUncleared = Date.now();
    if (!force && waiting < UPDATE_CHUNK && Date.now() - oldestUncleared < (options.clearDelayMs ?? 500)) return;
    oldestUncleared = 0;
    const publishedAt = new Date().toISOString();
    for (const [collection, docs] of published) {
      const ready: OutboxDoc[] = [];
      for (const d of docs.values()) if (await clearable(collection, d)) ready.push(d);
      // Exact-_id updates (FerretDB v1 scans for `_id: { $in }`), 25 statements per command; outbox
      // documents are updated by nobody but the relay, so a clear cannot overwrite a concurrent change.
      for (let i = 0; i < ready.length; i += UPDATE_CHUNK) {
        const chunk = ready.slice(i, i + UPDATE_CHUNK);
        const clears: AnyBulkWriteOperation<Document>[] = chunk.map((d) => {
          const kept = publishedForm(outboxOf(d), keep);
          return {
            updateOne: {
              filter: { _id: d._id as never },
              update: { $set: { outboxPending: false, publishedAt, outbox: typeof d.outbox === 'string' ? JSON.stringify(kept) : kept } },
            },
          };
        });
        await collection.bulkWrite(clears, { ordered: false });
        for (const d of chunk) docs.delete(String(d._id));
        for (const store of storesOf(collection)) store.forget(chunk.map((d) => String(d._id)));
      }
    }
  }

  /** Whether a polled document may be published now; a left-behind revision gets its view checked first. */
  async function ready(collection: Collection, doc: OutboxDoc, graceMs: number, repaired: { views: number }): Promise<boolean> {
    // Insert-only documents: unstamped (older) ones are anyone's; another writer's wait out the grace.
    if (doc.aggregateId === undefined)
      return doc.writer === undefined || doc.writer === writerOf(collection) || Date.parse(doc.writtenAt ?? '') <= Date.now() - graceMs;
    const stores = storesOf(collection);
    const owner = stores.find((s) => s.writer === doc.writer);
    const state = owner?.stateOf(String(doc._id));
    if (state === 'writing' || state === 'recheck') return false;
    if (state === 'settled') return true;
    if (state !== 'failed' && Date.parse(doc.at ?? '') > Date.now() - graceMs) return false; // another writer's, maybe mid-write
    const store = owner ?? stores[0];
    if (store && (await store.settleView(doc.aggregateId))) repaired.views++;
    return true;
  }

  async function poll(graceMs: number): Promise<{ published: number; views: number }> {
    lastPoll = Date.now();
    pollRequested = false;
    const repaired = { views: 0 };
    let total = 0;
    const waiting = new Set(handedOver.map((h) => String(h.doc._id)));
    for (const collection of options.collections) {
      const docs = (await collection
        .find({ outboxPending: true }, { projection: { outbox: 1, aggregateId: 1, writer: 1, at: 1, writtenAt: 1 } })
        .limit(batchSize)
        .toArray()) as unknown as OutboxDoc[];
      const items: { collection: Collection; doc: OutboxDoc }[] = [];
      for (const doc of docs) {
        const id = String(doc._id);
        if (published.get(collection)!.has(id) || waiting.has(id)) continue;
        if (await ready(collection, doc, graceMs, repaired)) items.push({ collection, doc });
      }
      total += await publish(items);
    }
    if (repaired.views) log.warn({ repaired: repaired.views }, 'views left behind by an interrupted write were projected again');
    return { published: total, views: repaired.views };
  }

  async function repairBulk(graceMs: number): Promise<number> {
    let repaired = 0;
    for (const collection of options.collections) for (const store of storesOf(collection)) repaired += await store.repairBulk(graceMs);
    if (repaired) log.warn({ repaired }, 'views left behind by an interrupted bulk creation were projected');
    return repaired;
  }

  /** The poll (when due), the clears and the repair of interrupted bulk creations; returns the events the poll published. */
  async function upkeep(force: boolean): Promise<number> {
    let total = 0;
    if (force || pollRequested || Date.now() - lastPoll >= pollMs) total += (await poll(options.orphanGraceMs ?? WRITE_GRACE_MS)).published;
    await clear(force);
    if (Date.now() - lastRepair >= (options.viewRepairMs ?? 5000)) {
      lastRepair = Date.now();
      await repairBulk(WRITE_GRACE_MS);
    }
    return total;
  }

  async function pass(force: boolean): Promise<number> {
    return (await publish(handedOver.splice(0, ANNOUNCED_PER_PASS))) + (await upkeep(force));
  }

  async function run() {
    let failures = 0;
    let upkeepFailures = 0;
    let upkeeping: Promise<void> | undefined;
    while (!stopped) {
      try {
        // Hand-overs leave at once; the upkeep runs beside them, one at a time: under load its commands take
        // seconds (a clear of 25: 0.6–3.5 s), and a check's result waited behind them (13.8 s to Kafka, p50).
        upkeeping ??= upkeep(false)
          .then(
            () => void (upkeepFailures = 0),
            (error: unknown) => void log.warn({ err: error, failures: ++upkeepFailures }, 'outbox upkeep failed; will retry'),
          )
          .finally(() => (upkeeping = undefined));
        const published = await publish(handedOver.splice(0, ANNOUNCED_PER_PASS));
        failures = 0;
        if (published > 0 || handedOver.length) continue;
      } catch (error) {
        failures++;
        log.warn({ err: error, failures }, 'outbox pass failed; will retry');
      }
      const uncleared = [...published.values()].some((docs) => docs.size > 0);
      const failing = Math.max(failures, upkeepFailures);
      await new Promise<void>((resolve) => {
        wake = resolve;
        setTimeout(
          resolve,
          failing ? Math.min(5000, 250 * 2 ** failing) : uncleared ? Math.min(pollMs, options.clearDelayMs ?? 500) : pollMs,
        );
      });
      wake = undefined;
    }
    await upkeeping;
  }

  return {
    start() {
      loop ??= run();
    },
    kick() {
      wake?.();
    },
    runOnce: () => pass(true),
    async repairViews(repairOptions?: { graceMs?: number }) {
      const graceMs = repairOptions?.graceMs ?? WRITE_GRACE_MS;
      const { views } = await poll(graceMs);
      await clear(true);
      return views + (await repairBulk(graceMs));
    },
    async stop() {
      stopped = true;
      wake?.();
      await loop;
      for (const off of unlisten) off();
      // What was published is cleared before the process goes (else the next start publishes it again).
      await clear(true).catch((error: unknown) =>
        log.warn({ err: error }, 'published outbox documents not cleared at stop; they will be published again'),
      );
      await sleep(0);
    },
  };
}
