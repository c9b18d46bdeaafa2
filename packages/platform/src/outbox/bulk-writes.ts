import type { AnyBulkWriteOperation, Collection as MongoCollection, Document } from 'mongodb';
import { createGroupCommit } from './group-commit';

/** What became of one document of a bulk insert. */
export type InsertOutcome = 'inserted' | 'duplicate' | { error: Error };

/** Update statements per command: FerretDB v1 holds a pooled PostgreSQL connection per statement until the command ends (docs/DEVELOPING.md). */
export const UPDATE_CHUNK = 25;

interface WriteError {
  index: number;
  code: number;
  errmsg?: string;
}

/** The per-document errors of a failed bulk command; none when the command failed as a whole. */
function writeErrorsOf(error: unknown): WriteError[] {
  const writeErrors = (error as { writeErrors?: WriteError[] | WriteError }).writeErrors;
  return Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
}

/**
 * Inserts every document it can in one unordered command and says, per document, whether it went
 * in, was a duplicate key (the only atomic check FerretDB v1 and MongoDB share), or failed. A
 * command that fails as a whole (connection lost) throws: nothing is known of its documents.
 */
export async function insertEach(collection: MongoCollection<Document>, docs: Document[]): Promise<InsertOutcome[]> {
  if (!docs.length) return [];
  try {
    await collection.insertMany(docs as never[], { ordered: false });
    return docs.map(() => 'inserted');
  } catch (error) {
    const list = writeErrorsOf(error);
    if (!list.length) throw error;
    const byIndex = new Map(list.map((e) => [e.index, e]));
    return docs.map((_, i) => {
      const e = byIndex.get(i);
      if (!e) return 'inserted';
      return e.code === 11000 ? 'duplicate' : { error: new Error(e.errmsg ?? `write error ${e.code}`) };
    });
  }
}

/** Inserts every document it can (unordered); returns the indexes that already existed. */
export async function insertManyIgnoringDuplicates(collection: MongoCollection<Document>, docs: Document[]): Promise<Set<number>> {
  const outcomes = await insertEach(collection, docs);
  const failed = outcomes.find((o): o is { error: Error } => typeof o === 'object');
  if (failed) throw failed.error;
  return new Set(outcomes.flatMap((o, i) => (o === 'duplicate' ? [i] : [])));
}

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
      results[start + e.index] =
        e.code === 11000
          ? await collection.replaceOne({ _id: doc._id }, doc, { upsert: true }).then(
              () => null,
              (err: Error) => err,
            )
          : new Error(e.errmsg ?? `write error ${e.code}`);
    }
  }
  return results;
}

/**
 * Insert-once with group commit: documents with deterministic ids that concurrent callers insert
 * into one collection go out in one command; each caller learns whether its document was stored now
 * (true) or existed already (false). Other write errors reject that caller.
 */
export function createInsertOnce(collection: MongoCollection<Document>, maxBatch = 100): (doc: Document) => Promise<boolean> {
  const insert = createGroupCommit<Document, InsertOutcome>((docs) => insertEach(collection, docs), maxBatch);
  return async (doc) => {
    const outcome = await insert(doc);
    if (typeof outcome === 'object') throw outcome.error;
    return outcome === 'inserted';
  };
}
