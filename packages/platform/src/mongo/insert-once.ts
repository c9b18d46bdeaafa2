import type { Collection, Document, OptionalUnlessRequiredId } from 'mongodb';

/** A duplicate-key error: the document with that deterministic id exists, i.e. "already done". */
export const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

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
 * Inserts many documents with deterministic ids in one unordered round trip; those that exist are
 * skipped. Returns the indexes of the documents this call stored. Any other write error throws.
 */
export async function insertManyOnce(collection: Collection<Document>, docs: Document[]): Promise<Set<number>> {
  const all = new Set(docs.map((_, i) => i));
  if (!docs.length) return all;
  try {
    await collection.insertMany(docs, { ordered: false });
    return all;
  } catch (error) {
    const raw = (error as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } }).writeErrors;
    const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
    if (!list.length || list.some((e) => e.code !== 11000)) throw error;
    for (const e of list) all.delete(e.index);
    return all;
  }
}
