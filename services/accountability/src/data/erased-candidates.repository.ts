import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { insertOnce } from '@vetting/platform';

type ErasedDoc = { _id: string; erasedAt: string };

/**
 * The people intake erased (insert-once by candidate id, from `candidate.erased`): a request for action
 * about one of them is refused, so nothing new is written about a person whose data was destroyed.
 * Only the pseudonymous id and the date are kept, as every other service keeps them.
 */
export function createErasedCandidatesRepository(db: Connection) {
  const erased = db.collection('erased_candidates') as unknown as Collection<ErasedDoc>;
  return {
    /** Remembers the erasure (once; a redelivery changes nothing). */
    async record(candidateId: string, erasedAt: string): Promise<void> {
      await insertOnce(erased as unknown as Collection, { _id: candidateId, erasedAt });
    },
    async isErased(candidateId: string): Promise<boolean> {
      return (await erased.countDocuments({ _id: candidateId }, { limit: 1 })) > 0;
    },
  };
}

export type ErasedCandidatesRepository = ReturnType<typeof createErasedCandidatesRepository>;
