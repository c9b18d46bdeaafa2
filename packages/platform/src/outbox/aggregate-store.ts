import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import type { Collection as MongoCollection, Document } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';
import type { AggregateStoreOptions, AppendOutcome, Change, Revision, RevisionDoc } from './aggregate-types';
import { insertEach, insertManyOnce, type InsertOutcome } from '../mongo/insert-once';
import { createGroupCommit } from './group-commit';
import { createKeyedQueue } from './keyed-queue';
import { createLatestRevisions } from './latest-revisions';
import { announceOutbox, registerStore } from './outbox-registry';
import { revisionId, toRevision } from './revision-codec';
import { createBulkMarkers } from './bulk-markers';
import { createViewProjector } from './view-projector';
import { createViewQueries } from './view-queries';
import { createWriteStates } from './write-states';
import { createViewFinisher } from './view-finisher';

export type { AggregateStoreOptions, AppendOutcome, Change, Revision, ViewRow } from './aggregate-types';
export { unpackViewRow } from './revision-codec';

/**
 * How long a revision may take from its insert to its view write. A relay leaves another writer's
 * pending revision alone this long before it treats the writer as dead (it checks the view, then
 * publishes and clears); a writer that decided on another writer's recent revision checks its view
 * again this long after (that writer's view write may land after its own); a writer slower than half
 * of it checks its own view at once.
 */
export const WRITE_GRACE_MS = 10_000;
/** A revision of another writer stamped within this window may still have its view write in flight (clocks of different hosts may differ by seconds). */
const CROSSING_WINDOW_MS = 60_000;
/** Revisions inserted per group commit. */
const REVISION_BATCH = 100;
/** Latest revisions remembered per store unless `cacheLatest` says otherwise. */
const DEFAULT_CACHE = 5_000;
/** Creations of up to this many aggregates need no marker (see `createMany`). */
const SMALL_CREATION = 25;

/**
 * An aggregate stored as immutable revisions: every change inserts revision n+1 with the whole new
 * state and its outbox events, then writes the aggregate's row in the view collection. The unique
 * `_id` (`<id>#<n+1>`) is the compare-and-set: of writers racing from revision n exactly one insert
 * succeeds, which the database decides atomically (a unique-index insert: atomic on FerretDB v1 and
 * MongoDB alike, where FerretDB's updates are not, see docs/DEVELOPING.md); the unique `causedBy`
 * makes a redelivered event or a retried command apply once.
 *
 * Round trips per change: the insert and the view write, each a group commit shared with the
 * concurrent changes of other aggregates; the latest revision is read only when this instance does
 * not remember it. Every revision is inserted with `outboxPending` and the writer's id, and handed to
 * the outbox relay of the process, which publishes its events and clears the flag (in bulk) once
 * the writer says its view is written. A writer killed between the insert and the view write leaves
 * its revision pending; a relay finds it after `WRITE_GRACE_MS`, makes the view show the newest
 * revision, then publishes and clears it. Writers that cross (see WRITE_GRACE_MS) check their view.
 * Reads by id use the revisions and are exact; the view is eventually consistent.
 */
export function createAggregateStore<S extends Record<string, unknown>>(db: Connection, name: string, options: AggregateStoreOptions = {}) {
  const revisions = db.collection(`${name}_revisions`) as unknown as MongoCollection<RevisionDoc<S>>;
  const view = db.collection(name) as unknown as MongoCollection<Document>;
  /** One writer at a time per aggregate in this process: concurrent handlers of one aggregate would only race on the insert. */
  const queue = createKeyedQueue();
  const packed = options.packed;
  const writer = randomUUID();
  const graceMs = options.writeGraceMs ?? WRITE_GRACE_MS;

  async function latestDoc(id: string): Promise<RevisionDoc<S> | null> {
    return revisions.find({ aggregateId: id }).sort({ rev: -1 }).limit(1).next();
  }
  const views = createViewProjector<S>(view, packed, latestDoc);
  const bulkMarkers = createBulkMarkers(db, name, views.settle);
  const insertRevision = createGroupCommit<Document, InsertOutcome>((docs) => insertEach(revisions, docs), REVISION_BATCH);

  const latest = createLatestRevisions<S>(options.cacheLatest ?? DEFAULT_CACHE);
  const states = createWriteStates(views.settle, graceMs);
  const finishView = createViewFinisher<S>({ views, states, latest, writer, graceMs });
  registerStore(revisions, {
    writer,
    stateOf: states.get,
    settleView: views.settle,
    forget: (ids) => ids.forEach((id) => states.forget(id)),
    repairBulk: bulkMarkers.repair,
  });

  const packedOrNot = <T>(value: T): T | string => (packed ? JSON.stringify(value) : value);

  return {
    /** Revisions carry the outbox; the relay polls this collection. */
    revisions: revisions as unknown as MongoCollection,
    view,

    async ensureIndexes(viewIndexes: Record<string, 1 | -1>[] = []) {
      await revisions.createIndex({ aggregateId: 1, rev: -1 });
      await revisions.createIndex({ causedBy: 1 }, { unique: true });
      await revisions.createIndex({ outboxPending: 1 });
      for (const index of viewIndexes) await view.createIndex(index);
    },

    /** The newest revision (exact: read from the revisions); remembered, so an `apply` after it needs no read. */
    async load(id: string): Promise<Revision<S> | undefined> {
      const doc = await latestDoc(id);
      if (doc && (latest.get(id)?.rev ?? 0) < doc.rev) latest.remember(id, doc);
      return doc ? toRevision(doc) : undefined;
    },

    /**
     * The newest revision this instance remembers (its own writes, `load`s and reads before a write),
     * or undefined: no read. Another process may have written a newer one since; use it only where
     * an older state is safe to act on (a terminal state, or a decision `apply` checks anyway).
     */
    remembered(id: string): Revision<S> | undefined {
      const doc = latest.get(id);
      return doc ? toRevision(doc) : undefined;
    },

    /**
     * Remembers a revision this instance learned elsewhere (a job carrying the state its producer
     * stored), unless it remembers a newer one: no read. The next `apply` decides on it, and its
     * insert of the next revision is the compare-and-set on it: a newer stored revision (another
     * writer's change since) makes the insert fail, and `apply` decides again on the stored one.
     * Writer and publication unknown: a change decided on it checks its view as after a crossing.
     */
    remember(id: string, revision: Pick<Revision<S>, 'rev' | 'at' | 'state'>): void {
      if ((latest.get(id)?.rev ?? 0) >= revision.rev) return;
      latest.remember(id, {
        _id: revisionId(id, revision.rev),
        aggregateId: id,
        rev: revision.rev,
        state: packedOrNot(revision.state),
        causedBy: `remembered:${id}#${revision.rev}`,
        at: revision.at,
        outbox: packedOrNot([]),
        outboxPending: true,
      });
    },

    /** Forgets every remembered revision: the next `apply` of each aggregate decides on the stored one. */
    forgetRemembered(): void {
      latest.forgetAll();
    },

    async history(id: string): Promise<Revision<S>[]> {
      return (await revisions.find({ aggregateId: id }).sort({ rev: 1 }).toArray()).map(toRevision);
    },

    /**
     * Applies one cause exactly once: decide (pure) on the latest revision, insert the next one.
     * A concurrent writer wins the insert race → decide again on fresh state; the cause already
     * recorded → 'duplicate'; nothing to change → 'unchanged' (not recorded; with `tellDuplicate:
     * false` also for a cause already recorded). The remembered revision is decided on first (the
     * insert checks it); a refusal or no change on remembered state is judged again on the stored one.
     */
    async apply(
      id: string,
      causedBy: string,
      decide: (current: Revision<S> | undefined) => Change<S> | undefined,
      now: () => Date = () => new Date(),
      /**
       * `tellDuplicate: false`: when nothing changes, answer 'unchanged' without looking the cause up (default true).
       * `passThrough`: errors of `decide` that say nothing of the state (the caller prepares, then applies again): thrown at once, no read.
       */
      { tellDuplicate = true, passThrough }: { tellDuplicate?: boolean; passThrough?: (error: unknown) => boolean } = {},
    ): Promise<AppendOutcome<S>> {
      return queue(id, async () => {
        let fresh = !latest.enabled;
        for (;;) {
          const current = fresh ? await latestDoc(id) : (latest.get(id) ?? null);
          if (fresh) latest.remember(id, current);
          let change: Change<S> | undefined;
          try {
            change = decide(current ? toRevision(current) : undefined);
          } catch (error) {
            if (fresh || passThrough?.(error)) throw error;
            fresh = true;
            continue;
          }
          if (!change && !fresh) {
            fresh = true;
            continue;
          }
          if (!change) {
            if (!tellDuplicate) return { outcome: 'unchanged' };
            const seen = await revisions.findOne({ causedBy });
            return { outcome: seen ? 'duplicate' : 'unchanged', ...(seen ? { revision: toRevision(seen) } : {}) };
          }
          const rev = (current?.rev ?? 0) + 1;
          const stateText = packed ? JSON.stringify(change.state) : undefined;
          const events = change.events ?? [];
          const doc: RevisionDoc<S> = {
            _id: revisionId(id, rev),
            aggregateId: id,
            rev,
            state: stateText ?? change.state,
            causedBy,
            at: now().toISOString(),
            outbox: packedOrNot(events),
            outboxPending: true,
            writer,
          };
          const startedAt = performance.now();
          states.track(doc._id, 'writing');
          let inserted: InsertOutcome;
          try {
            inserted = await insertRevision(doc);
          } catch (error) {
            states.track(doc._id, 'failed'); // it may be stored: the relay checks its view if it finds it
            latest.forget(id); // and what this instance remembers may then be older than it
            throw error;
          }
          if (inserted !== 'inserted') {
            states.forget(doc._id);
            if (inserted !== 'duplicate') throw inserted.error;
            latest.forget(id);
            const seen = await revisions.findOne({ causedBy });
            if (seen) return { outcome: 'duplicate', revision: toRevision(seen) };
            fresh = true; // another writer has revision `rev`: decide again on the stored state
            continue;
          }
          // Crossed: decided on another writer's recent revision, whose view write may land after this
          // one's. Not revision 1: its row is inserted, never replaced, so it cannot land over a newer one.
          // Not a revision read cleared: a relay clears a revision only once its view is written.
          const crossed =
            current !== null &&
            current.rev > 1 &&
            current.writer !== writer &&
            current.outboxPending !== false &&
            Date.parse(current.at) > Date.now() - CROSSING_WINDOW_MS;
          const row = views.rowOf(id, change.state, rev, doc.at, stateText);
          latest.remember(id, doc); // stored: remembered even if its row fails
          if (options.viewInBackground) {
            // Stored: the events leave now; the relay clears the revision once its row is written.
            announceOutbox(revisions, [doc]);
            void finishView(id, doc, row, startedAt, crossed);
          } else {
            latest.remember(id, await finishView(id, doc, row, startedAt, crossed, true));
            announceOutbox(revisions, [doc]);
          }
          return { outcome: 'applied', revision: toRevision(doc) };
        }
      });
    },

    /**
     * Creates many new aggregates at once (revision 1 of each, one insert per call) for bulk
     * imports. Ids must be new or deterministic: an id whose revision 1 already exists (a resumed
     * import) is skipped and reported in `existing`, never overwritten. The view rows are inserted,
     * never replaced, so a later revision already projected is kept. A crash between the revisions and
     * the rows is repaired by the relay: from the pending revisions (up to 25 aggregates per call),
     * or from one marker per call (more: revisions without events are then not pending, so a
     * 10,000-row import costs the relay no clears).
     */
    async createMany(
      items: { id: string; causedBy: string; state: S; events?: EventEnvelope[] }[],
      now: () => Date = () => new Date(),
    ): Promise<{ created: string[]; existing: string[] }> {
      if (!items.length) return { created: [], existing: [] };
      const at = now().toISOString();
      // A few aggregates (a reference set's checks): each revision is pending, like an `apply`'s, and a
      // crash before the rows is repaired like one. Many (an upload's chunk): one marker for the call,
      // and only revisions with events are pending (10,000 clears would cost more than two commands).
      const small = items.length <= SMALL_CREATION;
      const marker = small
        ? undefined
        : await bulkMarkers.open(
            items.map((i) => i.id),
            `${items[0]!.causedBy}@${at}`,
            at,
          );
      const texts = items.map((item) => (packed ? JSON.stringify(item.state) : undefined));
      const docs = items.map((item, i) => {
        const events = item.events ?? [];
        return {
          _id: revisionId(item.id, 1),
          aggregateId: item.id,
          rev: 1,
          state: texts[i] ?? item.state,
          causedBy: item.causedBy,
          at,
          outbox: packedOrNot(events),
          outboxPending: small || events.length > 0,
          writer,
        };
      });
      for (const doc of docs) states.track(doc._id, 'writing');
      let created: { item: (typeof items)[number]; doc: (typeof docs)[number]; text: string | undefined }[] = [];
      try {
        const stored = await insertManyOnce(revisions, docs);
        docs.forEach((doc, i) => !stored.has(i) && states.forget(doc._id));
        created = items.flatMap((item, i) => (stored.has(i) ? [{ item, doc: docs[i]!, text: texts[i] }] : []));
        await insertManyOnce(
          view,
          created.map(({ item, text }) => views.rowOf(item.id, item.state, 1, at, text)),
        );
      } catch (error) {
        for (const doc of docs) if (states.get(doc._id) === 'writing') states.track(doc._id, 'failed');
        throw error;
      }
      if (marker) await bulkMarkers.close(marker);
      for (const { item, doc } of created) {
        states.track(doc._id, 'settled');
        latest.remember(item.id, doc as RevisionDoc<S>);
      }
      announceOutbox(
        revisions,
        created.filter((c) => c.doc.outboxPending).map((c) => c.doc),
      );
      const made = new Set(created.map((c) => c.item.id));
      return { created: [...made], existing: items.filter((i) => !made.has(i.id)).map((i) => i.id) };
    },

    /** `find` and `scan` of the view (latest states). */
    ...createViewQueries<S>(view),
  };
}

export type AggregateStore<S extends Record<string, unknown>> = ReturnType<typeof createAggregateStore<S>>;
export type { Collection };
