import type { Collection as MongoCollection } from 'mongodb';
import type { RevisionDoc } from './aggregate-types';
import { createGroupCommit } from './group-commit';

/** Aggregates whose revisions one read command fetches at most. */
const READ_BATCH = 200;

/**
 * Exact reads of the newest revision of many aggregates, grouped: the ids that concurrent callers ask
 * for go out as one `find` of their revisions (`aggregateId $in`, the newest of each picked here),
 * issued after every caller asked, so each caller sees whatever was stored before it asked (a
 * compare-and-set's read-after-write holds). For aggregates with few revisions (a check has a handful):
 * every revision of each id is read, which one command carries where one sorted read per id would
 * be a round trip each. `null`: the aggregate has no revision.
 */
export function createLatestReads<S>(revisions: MongoCollection<RevisionDoc<S>>, remember: (id: string, doc: RevisionDoc<S>) => void) {
  const read = createGroupCommit<string, RevisionDoc<S> | null>(async (ids) => {
    const newest = new Map<string, RevisionDoc<S>>();
    const unique = [...new Set(ids)];
    const docs = await revisions.find({ aggregateId: { $in: unique } }, { batchSize: 1000 }).toArray();
    for (const doc of docs) if ((newest.get(doc.aggregateId)?.rev ?? 0) < doc.rev) newest.set(doc.aggregateId, doc);
    for (const [id, doc] of newest) remember(id, doc);
    return ids.map((id) => newest.get(id) ?? null);
  }, READ_BATCH);
  return {
    read,
    /** The newest revision of each id that has one. */
    async readMany(ids: readonly string[]): Promise<Map<string, RevisionDoc<S>>> {
      const docs = await Promise.all(ids.map(read));
      return new Map(docs.flatMap((doc) => (doc ? [[doc.aggregateId, doc] as const] : [])));
    },
  };
}
