import { randomUUID } from 'node:crypto';
import type { Collection, Connection } from 'mongoose';
import type { Collection as MongoCollection, Document, Filter, Sort } from 'mongodb';
import type { EventEnvelope } from '../kafka/envelope';
import type { AggregateStoreOptions, AppendOutcome, Change, Revision, RevisionDoc, ViewRow } from './aggregate-types';
import { createKeyedQueue } from './keyed-queue';
import { insertManyIgnoringDuplicates, isDuplicateKey, revisionId, toRevision, unpack, unpackViewRow } from './revision-codec';

export type { AggregateStoreOptions, AppendOutcome, Change, Revision, ViewRow } from './aggregate-types';
export { unpackViewRow } from './revision-codec';

/**
 * View repairers by revisions collection (a connection hands out one object per name): the outbox
 * relay, which already polls every revisions collection a service writes, runs them, so no service
 * has to wire them itself.
 */
const viewRepairers = new WeakMap<object, (options?: { graceMs?: number }) => Promise<number>>();
export const viewRepairerOf = (collection: object) => viewRepairers.get(collection);

/** A write in flight: one `apply` (aggregateId, rev) or one `createMany` call (ids, as JSON text). */
interface ViewMarker {
  _id: string;
  at: string;
  aggregateId?: string;
  rev?: number;
  ids?: string;
}

/** How long `repairViews` leaves a marker to its writer by default; a writer slower than half of it re-reads for itself. */
const VIEW_GRACE_MS = 5000;

/**
 * An aggregate stored as immutable revisions: every change inserts revision n+1 with the whole new
 * state and its outbox events. The unique _id (`<id>#<n+1>`) makes concurrent writers race on an
 * insert, which the database decides atomically; the unique `causedBy` makes a redelivered event or
 * a retried command apply once.
 *
 * Why not update one document in place: FerretDB v1 applies updates as read-modify-write of the
 * whole document, so concurrent updates to one document lose writes, and a filter guard
 * (`{ rev: n }`) does not make an update conditional. Inserts under a unique index are atomic on
 * FerretDB and MongoDB alike. Revisions are written once and only the outbox relay ever touches them
 * again (to clear `outboxPending`), so nothing can be lost to a concurrent write.
 *
 * A view collection holds the latest state of each aggregate for queries; it converges to the newest
 * revision (a writer that may have crossed another re-checks after writing it, see `projectWritten`;
 * a crashed writer's view is repaired from its marker) and is eventually consistent. Reads by id use
 * the revisions and are exact.
 */
export function createAggregateStore<S extends Record<string, unknown>>(db: Connection, name: string, options: AggregateStoreOptions = {}) {
  const revisions = db.collection(`${name}_revisions`) as unknown as MongoCollection<RevisionDoc<S>>;
  const view = db.collection(name) as unknown as MongoCollection<Document>;
  /**
   * Writes in flight: one marker per `apply` (`<id>#<rev>@<uuid>`, see `projectWritten`) and one per
   * `createMany` call naming its ids, deleted once their view rows are in. Marking each revision instead cost one document rewrite per aggregate to clear
   * (FerretDB v1 updates document by document: 2.2 s per 500 candidates, more than the inserts).
   */
  const markers = db.collection(`${name}_view_batches`) as unknown as MongoCollection<ViewMarker>;
  /** One writer at a time per aggregate in this process: concurrent handlers of one aggregate would only race on the insert. */
  const queue = createKeyedQueue();
  const packed = options.packed;
  const stored = <T>(value: T): T | string => (packed ? JSON.stringify(value) : value);

  function viewRow(state: S, rev: number, at: string): Document {
    if (!packed) return { ...state, _rev: rev, _updatedAt: at };
    const fields = Object.fromEntries(packed.viewFields.filter((f) => state[f] !== undefined).map((f) => [f, state[f]]));
    return { ...fields, _state: JSON.stringify(state), _rev: rev, _updatedAt: at };
  }

  async function latestDoc(id: string): Promise<RevisionDoc<S> | null> {
    return revisions.find({ aggregateId: id }).sort({ rev: -1 }).limit(1).next();
  }

  /** The newest revision this process knows of, per aggregate (`cacheLatest`); `null`: known to have none. */
  const cacheSize = options.cacheLatest ?? 0;
  const known = new Map<string, RevisionDoc<S> | null>();
  function remember(id: string, doc: RevisionDoc<S> | null) {
    if (!cacheSize) return;
    known.delete(id);
    known.set(id, doc && !packed ? structuredClone(doc) : doc);
    if (known.size > cacheSize) known.delete(known.keys().next().value!);
  }

  /** Writes the view of an aggregate and repeats until it shows the newest revision; returns the one it shows. */
  async function project(id: string, written: RevisionDoc<S>, verify = true): Promise<RevisionDoc<S>> {
    let doc: RevisionDoc<S> = written;
    for (let i = 0; i < 10; i++) {
      try {
        await view.replaceOne({ _id: id as never }, viewRow(unpack(doc.state), doc.rev, doc.at), { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        continue; // a concurrent upsert created it: replace again
      }
      if (!verify) return doc;
      const newest: RevisionDoc<S> | null = await latestDoc(id);
      if (!newest || newest.rev === doc.rev) return doc;
      doc = newest;
    }
    return doc;
  }

  /**
   * Projects a revision just inserted, and proves the view ends on the newest revision without
   * reading the revisions (a scan of the whole collection on FerretDB v1) when the writer was alone.
   * Every write is bracketed by an in-flight marker (`<id>#<rev>@<uuid>` in the small markers collection,
   * inserted before the revision). A stale view needs two writers of one aggregate whose view writes
   * cross; each sees the other's marker when it checks after its own view write (a marker is inserted
   * before its revision and removed only by a writer that saw none, or by the repair after the grace),
   * so a writer that sees none is not followed by an older view write and may skip the re-read. A
   * writer that saw another, or that took longer than half the repair's grace (its marker may be swept
   * already), re-reads until the view shows the newest (as before) and leaves its marker to the repair.
   */
  async function projectWritten(id: string, doc: RevisionDoc<S>, marker: string, startedAt: number): Promise<RevisionDoc<S>> {
    await project(id, doc, false);
    const inFlight = await markers.find({ aggregateId: id }, { projection: { _id: 1 } }).limit(2).toArray();
    if (inFlight.every((m) => m._id === marker) && performance.now() - startedAt < VIEW_GRACE_MS / 2) {
      await markers.deleteOne({ _id: marker });
      return doc;
    }
    return project(id, doc, true);
  }

  /**
   * Projects the views that a crash left behind, found by the markers still there after `graceMs`
   * (long enough for a writer's own projection: a writer slower than half of the default grace
   * re-reads for itself). A single write's marker: the view is projected again from the newest
   * revision when it shows an older one. A bulk creation's marker: each id without a view row is
   * projected. Markers are removed once handled. Returns the views it repaired.
   */
  async function repairViews({ graceMs = VIEW_GRACE_MS, limit = 200 }: { graceMs?: number; limit?: number } = {}): Promise<number> {
    const cutoff = new Date(Date.now() - graceMs).toISOString();
    let repaired = 0;
    for (const marker of (await markers.find({}).limit(limit).toArray()).filter((b) => b.at <= cutoff)) {
      if (marker.aggregateId !== undefined) {
        // A single write: the view must show the newest revision.
        const latest = await latestDoc(marker.aggregateId);
        const row = latest ? await view.findOne({ _id: marker.aggregateId as never }, { projection: { _rev: 1 } }) : null;
        if (latest && (row?._rev ?? 0) < latest.rev) {
          await project(marker.aggregateId, latest);
          repaired++;
        }
      } else {
        // Bulk creations a crash interrupted: their aggregates are new, so a missing view row is the defect.
        for (const id of JSON.parse(marker.ids ?? '[]') as string[]) {
          if (await view.findOne({ _id: id as never }, { projection: { _rev: 1 } })) continue;
          const latest = await latestDoc(id);
          if (!latest) continue; // the crash came before its revision: nothing to show
          await project(id, latest);
          repaired++;
        }
      }
      await markers.deleteOne({ _id: marker._id });
    }
    return repaired;
  }
  viewRepairers.set(revisions, repairViews);

  return {
    /** Revisions carry the outbox; the relay polls this collection. */
    revisions: revisions as unknown as MongoCollection,
    view,
    repairViews,

    async ensureIndexes(viewIndexes: Record<string, 1 | -1>[] = []) {
      await revisions.createIndex({ aggregateId: 1, rev: -1 });
      await revisions.createIndex({ causedBy: 1 }, { unique: true });
      await revisions.createIndex({ outboxPending: 1 });
      for (const index of viewIndexes) await view.createIndex(index);
    },

    async load(id: string): Promise<Revision<S> | undefined> {
      const doc = await latestDoc(id);
      return doc ? toRevision(doc) : undefined;
    },

    async history(id: string): Promise<Revision<S>[]> {
      return (await revisions.find({ aggregateId: id }).sort({ rev: 1 }).toArray()).map(toRevision);
    },

    /**
     * Applies one cause exactly once: read the latest revision, decide (pure), insert the next one.
     * A concurrent writer wins the insert race → decide again on fresh state; the cause already
     * recorded → 'duplicate'; nothing to change → 'unchanged' (not recorded; with `tellDuplicate:
     * false` also for a cause already recorded).
     */
    async apply(
      id: string,
      causedBy: string,
      decide: (current: Revision<S> | undefined) => Change<S> | undefined,
      now: () => Date = () => new Date(),
      /** `tellDuplicate: false`: when nothing changes, answer 'unchanged' without looking the cause up (a scan on FerretDB v1). Default true. */
      { tellDuplicate = true }: { tellDuplicate?: boolean } = {},
    ): Promise<AppendOutcome<S>> {
      return queue(id, async () => {
        // With `cacheLatest`, decide first on the remembered revision (unknown: none) and let the insert check it.
        let fresh = !cacheSize;
        for (;;) {
          const current = fresh ? await latestDoc(id) : (known.get(id) ?? null);
          if (fresh) remember(id, current);
          let change: Change<S> | undefined;
          try {
            change = decide(current ? toRevision(current) : undefined);
          } catch (error) {
            if (fresh) throw error;
            fresh = true; // refused on remembered state: judge the stored one
            continue;
          }
          if (!change && !fresh) {
            fresh = true; // nothing to change on remembered state: make sure on the stored one
            continue;
          }
          if (!change) {
            if (!tellDuplicate) return { outcome: 'unchanged' };
            const seen = await revisions.findOne({ causedBy });
            return { outcome: seen ? 'duplicate' : 'unchanged', ...(seen ? { revision: toRevision(seen) } : {}) };
          }
          const rev = (current?.rev ?? 0) + 1;
          const events = change.events ?? [];
          const doc: RevisionDoc<S> = {
            _id: revisionId(id, rev),
            aggregateId: id,
            rev,
            state: stored(change.state),
            causedBy,
            at: now().toISOString(),
            outbox: stored(events),
            outboxPending: events.length > 0,
          };
          const startedAt = performance.now();
          const marker = `${doc._id}@${randomUUID()}`; // writers racing for one revision each have their own
          await markers.insertOne({ _id: marker, at: new Date().toISOString(), aggregateId: id, rev });
          try {
            await revisions.insertOne(doc as never);
          } catch (error) {
            await markers.deleteOne({ _id: marker });
            if (!isDuplicateKey(error)) throw error;
            known.delete(id);
            const seen = await revisions.findOne({ causedBy });
            if (seen) return { outcome: 'duplicate', revision: toRevision(seen) };
            fresh = true; // another writer has revision `rev`: decide again on the stored state
            continue;
          }
          remember(id, await projectWritten(id, doc, marker, startedAt));
          return { outcome: 'applied', revision: toRevision(doc) };
        }
      });
    },

    /**
     * Creates many new aggregates at once (revision 1 of each, one insertMany per call) for bulk
     * imports, where one `apply` per aggregate costs several round trips each. Ids must be new or
     * deterministic: an id whose revision 1 already exists (a resumed import) is skipped and reported
     * in `existing`, never overwritten. The view rows are inserted, never replaced, so a later
     * revision already projected is kept.
     */
    async createMany(items: { id: string; causedBy: string; state: S; events?: EventEnvelope[] }[], now: () => Date = () => new Date()): Promise<{ created: string[]; existing: string[] }> {
      if (!items.length) return { created: [], existing: [] };
      const at = now().toISOString();
      // One marker per call, deleted once the view rows are in: `repairViews` inserts what a crash left out.
      const viewBatch = `${items[0]!.causedBy}@${at}`;
      await markers.insertOne({ _id: viewBatch, at, ids: JSON.stringify(items.map((i) => i.id)) });
      const docs = items.map((item) => {
        const events = item.events ?? [];
        return { _id: revisionId(item.id, 1), aggregateId: item.id, rev: 1, state: stored(item.state), causedBy: item.causedBy, at, outbox: stored(events), outboxPending: events.length > 0 };
      });
      const failed = await insertManyIgnoringDuplicates(revisions as unknown as MongoCollection<Document>, docs);
      await insertManyIgnoringDuplicates(view, items.map((item) => ({ _id: item.id, ...viewRow(item.state, 1, at) })));
      await markers.deleteOne({ _id: viewBatch });
      return { created: items.filter((_, i) => !failed.has(i)).map((i) => i.id), existing: items.filter((_, i) => failed.has(i)).map((i) => i.id) };
    },

    /** Queries the view (latest states); in a packed store, filter and sort only on `viewFields` and `_id`. */
    async find(filter: Filter<Document>, options: { sort?: Sort; limit?: number; skip?: number } = {}): Promise<ViewRow<S>[]> {
      let cursor = view.find(filter);
      if (options.sort) cursor = cursor.sort(options.sort);
      if (options.skip) cursor = cursor.skip(options.skip);
      if (options.limit) cursor = cursor.limit(options.limit);
      return (await cursor.toArray()).map((doc) => unpackViewRow<S>(doc));
    },

    /** Streams the view (latest states) in one database cursor. */
    async *scan(filter: Filter<Document>, options: { sort?: Sort; batchSize?: number } = {}): AsyncGenerator<ViewRow<S>> {
      let cursor = view.find(filter).batchSize(options.batchSize ?? 1000);
      if (options.sort) cursor = cursor.sort(options.sort);
      for await (const doc of cursor) yield unpackViewRow<S>(doc);
    },
  };
}

export type AggregateStore<S extends Record<string, unknown>> = ReturnType<typeof createAggregateStore<S>>;
export type { Collection };
