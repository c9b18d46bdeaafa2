import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { AppError, duplicateIndexes } from '@vetting/platform';
import type { DedupeKey } from '../domain/dedupe-keys';

/** The field a key is held in: its kind's tag (`<scope>|doc|…`, `|svc|`, `|name|`). */
const FIELDS = ['doc', 'svc', 'name'] as const;
type KeyField = (typeof FIELDS)[number];
const tagOf = (key: string) => {
  const tag = key.split('|').at(-2);
  return FIELDS.includes(tag as KeyField) ? (tag as KeyField) : undefined;
};
const fieldOf = (key: string): KeyField => {
  const tag = tagOf(key);
  if (!tag) throw new Error(`Not a dedupe key: ${key}`);
  return tag;
};

/**
 * A claim: up to one key of each kind of one candidate, each in its kind's field under a unique index,
 * so one insert claims a row's document number, service number and name + date of birth at once (most
 * people need one document; a second document or name goes into a second one). `_id` is the first key
 * it holds. Documents written before (one per key, `_id` = the key, no kind field) get their field at start.
 */
interface ClaimDoc extends Partial<Record<KeyField, string>> {
  _id: string;
  candidateId: string;
  scope: string;
  claimedAt: number;
}

/** New documents per insert command: FerretDB 1.24 holds one PostgreSQL connection per statement. */
const INSERT_BATCH = 500;
/** Rounds of re-claiming keys whose claim document collided only on keys the candidate already holds. */
const MAX_ROUNDS = 5;

/** Packs a candidate's keys into as few claim documents as the one-key-per-kind rule allows. */
function pack(scope: string, candidateId: string, keys: string[], claimedAt: number): ClaimDoc[] {
  const docs: ClaimDoc[] = [];
  for (const key of keys) {
    const field = fieldOf(key);
    const doc = docs.find((d) => d[field] === undefined);
    if (doc) doc[field] = key;
    else docs.push({ _id: key, candidateId, scope, claimedAt, [field]: key });
  }
  return docs;
}

const keysOf = (doc: Partial<ClaimDoc>) => FIELDS.map((f) => doc[f]).filter((k): k is string => typeof k === 'string');

/**
 * Who owns each dedupe key (document number, service number, name + date of birth within a rotation).
 * A key is claimed by inserting it in its kind's field, which a unique index guards: the index decides
 * atomically which of two concurrent nominations of the same person wins, on FerretDB as on MongoDB
 * (no update involved). One claim document per person instead of one per key: a 10,000-row upload
 * inserted 30,000 key documents, the largest share of its writes.
 */
export function createKeyRepository(db: Connection) {
  const keys = db.collection('candidate_keys') as unknown as Collection<ClaimDoc>;

  /** Inserts claim documents, at most INSERT_BATCH per command; returns the indexes that collided. */
  async function insertAll(docs: ClaimDoc[]): Promise<number[]> {
    const failed: number[] = [];
    for (let start = 0; start < docs.length; start += INSERT_BATCH) {
      try {
        await keys.insertMany(docs.slice(start, start + INSERT_BATCH), { ordered: false });
      } catch (error) {
        failed.push(...duplicateIndexes(error).map((i) => start + i));
      }
    }
    return failed;
  }

  /** The candidate holding a key, from its kind's unique field. */
  const ownerOf = async (key: string) => (await keys.findOne({ [fieldOf(key)]: key }, { projection: { candidateId: 1 } }))?.candidateId;

  return {
    ensureIndexes: async () => {
      await keys.createIndex({ scope: 1 });
      await keys.createIndex({ candidateId: 1 });
      // sparse: a person without a service number holds no `svc` (PostgreSQL-backed FerretDB allows many NULLs alike).
      for (const field of FIELDS) await keys.createIndex({ [field]: 1 }, { unique: true, sparse: true });
    },

    /** Forgets every dedupe key of an erased candidate (they are blind, but still link the person to a rotation). */
    releaseAll: async (candidateId: string) => (await keys.deleteMany({ candidateId })).deletedCount,

    /** The keys a candidate holds (a correction must not give these back when it collides). */
    async heldBy(candidateId: string): Promise<Set<string>> {
      const docs = await keys.find({ candidateId }, { projection: { doc: 1, svc: 1, name: 1 } }).toArray();
      return new Set(docs.flatMap((d) => [d._id, ...keysOf(d)]));
    },

    /** Every key of a scope with its owner: one query for a whole upload instead of one per row. */
    async owners(scope: string): Promise<Map<string, string>> {
      const docs = await keys.find({ scope }, { projection: { candidateId: 1, doc: 1, svc: 1, name: 1 } }).toArray();
      const owners = new Map<string, string>();
      for (const d of docs) for (const key of [d._id, ...keysOf(d)]) owners.set(key, d.candidateId);
      return owners;
    },

    /**
     * Claims keys for candidates; returns the keys another candidate already owns (with that owner).
     * A key already owned by the same candidate (a retried or resumed claim) is not a conflict. A claim
     * document that collides inserts nothing: its keys are looked up, and those still free are claimed
     * again unless another candidate owns one of them.
     */
    async claim(claims: { scope: string; candidateId: string; keys: DedupeKey[] }[]): Promise<Map<string, string>> {
      const taken = new Map<string, string>();
      let pending = claims.flatMap((c) =>
        pack(
          c.scope,
          c.candidateId,
          c.keys.map((k) => k.key),
          Date.now(),
        ),
      );
      for (let round = 0; pending.length; round++) {
        if (round === MAX_ROUNDS)
          throw new AppError('CANDIDATE.KEYS_CONTENDED', 'The person’s dedupe keys kept changing owner while being claimed; try again', {
            status: 503,
            retriable: true,
          });
        const again: ClaimDoc[] = [];
        for (const i of await insertAll(pending)) {
          const doc = pending[i]!;
          const free: string[] = [];
          let lost = false;
          for (const key of keysOf(doc)) {
            const owner = await ownerOf(key);
            if (owner === undefined) free.push(key);
            else if (owner !== doc.candidateId) {
              taken.set(key, owner);
              lost = true;
            }
          }
          if (!lost) again.push(...pack(doc.scope, doc.candidateId, free, doc.claimedAt));
        }
        pending = again;
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

    /**
     * Gives back keys claimed for a candidate that was not created after all (it lost a race on another
     * key). A claim document that collided inserted nothing, so the ones to delete are named by their first key.
     */
    async release(candidateId: string, claimed: string[]): Promise<void> {
      if (claimed.length) await keys.deleteMany({ _id: { $in: claimed }, candidateId });
    },
  };
}

export type KeyRepository = ReturnType<typeof createKeyRepository>;
