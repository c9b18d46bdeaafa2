import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';
import { createGroupCommit } from '../outbox/group-commit';
import { isDuplicateKey, writeErrorsOf } from './duplicate-key';

/** What became of one document of a bulk insert. */
export type InsertOutcome = 'inserted' | 'duplicate' | { error: Error };

/** Inserts a document with a deterministic id unless it exists; true when this call stored it. Any collection's type is accepted. */
export async function insertOnce<T extends Document>(collection: Collection<T>, doc: Document): Promise<boolean> {
  try {
    await collection.insertOne(doc as OptionalUnlessRequiredId<T>);
    return true;
  } catch (error) {
    if (isDuplicateKey(error)) return false;
    throw error;
  }
}

/**
 * Inserts every document it can in one unordered command and says, per document, whether it went
 * in, was a duplicate key, or failed. A command that fails as a whole (connection lost) throws:
 * nothing is known of its documents.
 */
export async function insertEach<T extends Document>(collection: Collection<T>, docs: Document[]): Promise<InsertOutcome[]> {
  if (!docs.length) return [];
  try {
    await collection.insertMany(docs as OptionalUnlessRequiredId<T>[], { ordered: false });
    return docs.map(() => 'inserted');
  } catch (error) {
    const list = writeErrorsOf(error);
    if (!list.length) throw error;
    const byIndex = new Map(list.map((e) => [e.index, e]));
    return docs.map((_, i) => {
      const e = byIndex.get(i);
      if (!e) return 'inserted';
      return isDuplicateKey(e) ? 'duplicate' : { error: new Error(e.errmsg ?? `write error ${e.code}`) };
    });
  }
}

/**
 * Inserts many documents with deterministic ids in one unordered round trip; those that exist are
 * skipped. Returns the indexes of the documents this call stored. Any other write error throws.
 */
export async function insertManyOnce<T extends Document>(collection: Collection<T>, docs: Document[]): Promise<Set<number>> {
  const outcomes = await insertEach(collection, docs);
  const failed = outcomes.find((o): o is { error: Error } => typeof o === 'object');
  if (failed) throw failed.error;
  return new Set(outcomes.flatMap((o, i) => (o === 'inserted' ? [i] : [])));
}

/**
 * Insert-once with group commit: documents with deterministic ids that concurrent callers insert
 * into one collection go out in one command; each caller learns whether its document was stored now
 * (true) or existed already (false). Other write errors reject that caller.
 */
export function createInsertOnce<T extends Document>(collection: Collection<T>, maxBatch = 100): (doc: Document) => Promise<boolean> {
  const insert = createGroupCommit<Document, InsertOutcome>((docs) => insertEach(collection, docs), maxBatch);
  return async (doc) => {
    const outcome = await insert(doc);
    if (typeof outcome === 'object') throw outcome.error;
    return outcome === 'inserted';
  };
}
