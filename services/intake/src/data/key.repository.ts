import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { DedupeKey } from '../domain/dedupe-keys';

interface KeyDoc {
  _id: string;
  candidateId: string;
  scope: string;
  claimedAt: number;
}

const isDuplicateKey = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Who owns each dedupe key (document number, service number, name + date of birth within a rotation).
 * A key is claimed by inserting it under its own _id: the unique index decides atomically which of two
 * concurrent nominations of the same person wins, on FerretDB as on MongoDB (no update involved).
 */
export function createKeyRepository(db: Connection) {
  const keys = db.collection('candidate_keys') as unknown as Collection<KeyDoc>;
  return {
    ensureIndexes: async () => {
      await keys.createIndex({ scope: 1 });
      await keys.createIndex({ candidateId: 1 });
    },

    /** Forgets every dedupe key of an erased candidate (they are blind, but still link the person to a rotation). */
    releaseAll: async (candidateId: string) => (await keys.deleteMany({ candidateId })).deletedCount,

    /** Every key of a scope with its owner: one query for a whole upload instead of one per row. */
    async owners(scope: string): Promise<Map<string, string>> {
      const docs = await keys.find({ scope }, { projection: { candidateId: 1 } }).toArray();
      return new Map(docs.map((d) => [d._id, d.candidateId]));
    },

    /**
     * Claims keys for candidates; returns the keys another candidate already owns (with that owner).
     * A key already owned by the same candidate (a retried or resumed claim) is not a conflict.
     */
    async claim(claims: { scope: string; candidateId: string; keys: DedupeKey[] }[]): Promise<Map<string, string>> {
      const docs = claims.flatMap((c) => c.keys.map((k) => ({ _id: k.key, candidateId: c.candidateId, scope: c.scope, claimedAt: Date.now() })));
      const taken = new Map<string, string>();
      if (!docs.length) return taken;
      try {
        await keys.insertMany(docs, { ordered: false });
      } catch (error) {
        const writeErrors = (error as { writeErrors?: { index: number; code: number }[] | { index: number; code: number } }).writeErrors;
        const list = Array.isArray(writeErrors) ? writeErrors : writeErrors ? [writeErrors] : [];
        if (!list.length || list.some((e) => !isDuplicateKey(e))) throw error;
        for (const e of list) {
          const wanted = docs[e.index];
          if (!wanted) continue;
          const owner = await keys.findOne({ _id: wanted._id });
          if (owner && owner.candidateId !== wanted.candidateId) taken.set(wanted._id, owner.candidateId);
        }
      }
      return taken;
    },

    /**
     * Frees the keys of a candidate that never came to exist (its request died between claiming and
     * storing). Only keys claimed long enough ago are freed, so an in-flight nomination keeps its own.
     */
    async releaseAbandoned(candidateId: string, olderThanMs = 60_000): Promise<number> {
      const result = await keys.deleteMany({ candidateId, claimedAt: { $lt: Date.now() - olderThanMs } });
      return result.deletedCount;
    },

    /** Gives back keys claimed for a candidate that was not created after all (it lost a race on another key). */
    async release(candidateId: string, claimed: string[]): Promise<void> {
      if (claimed.length) await keys.deleteMany({ _id: { $in: claimed }, candidateId });
    },
  };
}

export type KeyRepository = ReturnType<typeof createKeyRepository>;
