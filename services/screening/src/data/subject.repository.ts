import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { createAggregateStore } from '@vetting/platform';
import type { SubjectState } from '../domain/subject';

export type SubjectView = SubjectState & { _id: string; _rev: number };

/**
 * Screened candidates (aggregate `subjects`): revisions carry the outbox of every screening and
 * resolution event; the view answers the review queue and feeds re-screening batches.
 */
export function createSubjectRepository(db: Connection) {
  const store = createAggregateStore<SubjectState>(db, 'subjects');
  return {
    store,
    collection: store.revisions,
    async ensureIndexes() {
      await store.ensureIndexes([{ pendingReview: 1, pendingSince: 1 }]);
    },
    load: (candidateId: string) => store.load(candidateId),
    apply: store.apply,
    /** Pending reviews, oldest first (from the view: a decision just taken may take a moment to leave it). */
    async reviewQueue(limit: number, offset: number): Promise<SubjectView[]> {
      const docs = await store.view.find({ pendingReview: true, withdrawn: false }).sort({ pendingSince: 1, _id: 1 }).skip(offset).limit(limit).toArray();
      return docs as unknown as SubjectView[];
    },
    /**
     * Subjects after `cursor` in id order, in batches, from one database cursor: re-screening walks the
     * view and persists the last id of each batch. One query per job run, not per batch: on FerretDB
     * each `$gt`+sort query costs a scan, so a query per batch would grow with the square of the count.
     */
    async *batchesAfter(cursor: string, size: number): AsyncGenerator<SubjectView[]> {
      const filter = cursor ? { _id: { $gt: cursor } } : {};
      let batch: SubjectView[] = [];
      for await (const doc of store.view.find(filter as never).sort({ _id: 1 }).batchSize(size)) {
        batch.push(doc as unknown as SubjectView);
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length) yield batch;
    },
    async count(): Promise<number> {
      return store.view.countDocuments({ withdrawn: false });
    },
    /**
     * Benchmark seeding only: writes revision 1 and the view of many subjects in bulk, in the shape
     * `createAggregateStore` writes them (applying 100,000 subjects one by one takes minutes).
     */
    async seedForBenchmark(states: SubjectState[], at: string): Promise<void> {
      const revisions = store.revisions as unknown as Collection;
      await revisions.insertMany(
        states.map((s) => ({ _id: `${s.candidateId}#00000001`, aggregateId: s.candidateId, rev: 1, state: s, causedBy: `seed:${s.candidateId}`, at, outbox: [], outboxPending: false })) as never[],
        { ordered: false },
      );
      await store.view.insertMany(states.map((s) => ({ _id: s.candidateId, ...s, _rev: 1, _updatedAt: at })) as never[], { ordered: false });
    },
  };
}

export type SubjectRepository = ReturnType<typeof createSubjectRepository>;
