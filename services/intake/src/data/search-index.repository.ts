import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertManyOnce } from '@vetting/platform';
import type { SearchQuery } from '../domain/search-keys';

interface SearchDoc {
  _id: string;
  country: string;
  rotation: string;
  keys: string[];
}

/** Ids a search returns at most; a search matching more asks the user to type more. */
export const SEARCH_MATCH_LIMIT = 1000;
const INSERT_BATCH = 500;

/**
 * The blind search keys of each candidate (domain/search-keys.ts), apart from the candidate's
 * revisions: revisions are immutable, and a person's erasure deletes this one document, so nothing
 * searchable is left of them anywhere. Written after the candidate; a crash in between leaves a
 * person unfindable by name until their next change (still listed and findable by case reference).
 */
export function createSearchIndexRepository(db: Connection) {
  const docs = db.collection('candidate_search') as unknown as Collection<SearchDoc>;
  return {
    ensureIndexes: async () => {
      await docs.createIndex({ country: 1, rotation: 1 });
      await docs.createIndex({ keys: 1 });
    },

    /** Stores (or replaces) a candidate's keys. */
    async put(id: string, country: string, rotation: string, keys: string[]): Promise<void> {
      await docs.replaceOne({ _id: id }, { country, rotation, keys }, { upsert: true });
    },

    /** Stores many new candidates' keys at once (bulk uploads); ids already there (a resumed run) are kept. */
    async putMany(items: SearchDoc[]): Promise<void> {
      for (let start = 0; start < items.length; start += INSERT_BATCH) {
        await insertManyOnce(docs, items.slice(start, start + INSERT_BATCH));
      }
    },

    /** Forgets a candidate (erasure). */
    remove: async (id: string) => void (await docs.deleteOne({ _id: id })),

    /**
     * Candidate ids whose keys answer the query, within a country and rotation when given. The name
     * words and the service number are two reads, each led by one key as an equality: FerretDB v1
     * pushes an equality down to PostgreSQL (and its index), but reads the whole collection for an
     * `$or` and the whole roll for an `$all` alone.
     */
    async find(scope: { country?: string; rotation?: string }, query: SearchQuery): Promise<string[]> {
      const within = { ...(scope.country ? { country: scope.country } : {}), ...(scope.rotation ? { rotation: scope.rotation } : {}) };
      const reads: Record<string, unknown>[] = [];
      const [first, ...rest] = query.allOf;
      if (first) reads.push({ ...within, keys: first, ...(rest.length ? { $and: [{ keys: { $all: rest } }] } : {}) });
      if (query.serviceNumber) reads.push({ ...within, keys: query.serviceNumber });
      const found = await Promise.all(
        reads.map((filter) =>
          docs
            .find(filter, { projection: { _id: 1 } })
            .limit(SEARCH_MATCH_LIMIT)
            .toArray(),
        ),
      );
      return [...new Set(found.flat().map((d) => d._id))].slice(0, SEARCH_MATCH_LIMIT);
    },
  };
}

export type SearchIndexRepository = ReturnType<typeof createSearchIndexRepository>;
