import type { Connection } from 'mongoose';
import { createAggregateStore } from '@vetting/platform';
import type { SubjectState } from '../domain/subject';

export type SubjectView = SubjectState & { _id: string; _rev: number };

export interface ReviewQueueFilter {
  country?: string;
  mission?: string;
  /** Only items waiting since before this instant (ISO 8601): "older than n days". */
  pendingBefore?: string;
}

const queueQuery = (f: ReviewQueueFilter) => ({
  pendingReview: true,
  withdrawn: false,
  ...(f.country ? { country: f.country } : {}),
  ...(f.mission ? { mission: f.mission } : {}),
  ...(f.pendingBefore ? { pendingSince: { $lt: f.pendingBefore } } : {}),
});

/**
 * Screened candidates (aggregate `subjects`): revisions carry the outbox of every screening and
 * resolution event; the view answers the review queue and feeds re-screening batches.
 */
export function createSubjectRepository(db: Connection) {
  // Packed: re-screening streams every subject, and FerretDB reads a packed state about 4× faster.
  const store = createAggregateStore<SubjectState>(db, 'subjects', { packed: { viewFields: ['pendingReview', 'pendingSince', 'withdrawn', 'country', 'mission'] } });
  return {
    store,
    collection: store.revisions,
    async ensureIndexes() {
      await store.ensureIndexes([{ pendingReview: 1, pendingSince: 1 }]);
    },
    load: (candidateId: string) => store.load(candidateId),
    apply: store.apply,
    /** Pending reviews, oldest first (from the view: a decision just taken may take a moment to leave it). */
    async reviewQueue(filter: ReviewQueueFilter, limit: number, offset: number): Promise<{ items: SubjectView[]; total: number }> {
      const query = queueQuery(filter);
      const [items, total] = await Promise.all([store.find(query, { sort: { pendingSince: 1, _id: 1 }, skip: offset, limit }), store.view.countDocuments(query)]);
      return { items, total };
    },
    /**
     * Subjects after `cursor` in id order, in batches, from one database cursor: re-screening walks the
     * view and persists the last id of each batch. One query per job run, not per batch: on FerretDB
     * each `$gt`+sort query costs a scan, so a query per batch would grow with the square of the count.
     */
    async *batchesAfter(cursor: string, size: number): AsyncGenerator<SubjectView[]> {
      const filter = cursor ? { _id: { $gt: cursor } } : {};
      let batch: SubjectView[] = [];
      for await (const row of store.scan(filter as never, { sort: { _id: 1 }, batchSize: size })) {
        batch.push(row);
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
      await store.createMany(states.map((s) => ({ id: s.candidateId, causedBy: `seed:${s.candidateId}`, state: s })), () => new Date(at));
    },
  };
}

export type SubjectRepository = ReturnType<typeof createSubjectRepository>;
