import type { AnyBulkWriteOperation, Collection as MongoCollection, Document } from 'mongodb';
import { isDuplicateKey, writeErrorsOf, type WriteError } from '../mongo/duplicate-key';

/** Update statements per command: one command never touches an unbounded number of documents (docs/decisions/ferretdb-bounded-bulk-writes.md). */
export const UPDATE_CHUNK = 25;

/**
 * Replaces (or creates) documents by `_id`, at most UPDATE_CHUNK statements per command; per
 * document: null when written, or the error. Two upserts of a new `_id` racing make one fail with a
 * duplicate key: it is replaced again on its own.
 */
export async function replaceEach(collection: MongoCollection<Document>, docs: Document[]): Promise<(Error | null)[]> {
  const results: (Error | null)[] = docs.map(() => null);
  for (let start = 0; start < docs.length; start += UPDATE_CHUNK) {
    const chunk = docs.slice(start, start + UPDATE_CHUNK);
    const ops: AnyBulkWriteOperation<Document>[] = chunk.map((doc) => ({
      replaceOne: { filter: { _id: doc._id }, replacement: doc, upsert: true },
    }));
    let errors: WriteError[] = [];
    try {
      await collection.bulkWrite(ops, { ordered: false });
    } catch (error) {
      errors = writeErrorsOf(error);
      if (!errors.length) throw error;
    }
    for (const e of errors) {
      const doc = chunk[e.index]!;
      results[start + e.index] = isDuplicateKey(e)
        ? await collection.replaceOne({ _id: doc._id }, doc, { upsert: true }).then(
            () => null,
            (err: Error) => err,
          )
        : new Error(e.errmsg ?? `write error ${e.code}`);
    }
  }
  return results;
}
