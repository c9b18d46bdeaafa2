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
  // The driver's own collection (the connection is open by now): typed, so no cast is needed.
  const erased: Collection<ErasedDoc> = db.db!.collection<ErasedDoc>('erased_candidates');
  return {
    /** Remembers the erasure (once; a redelivery changes nothing). */
    async record(candidateId: string, erasedAt: string): Promise<void> {
      await insertOnce(erased, { _id: candidateId, erasedAt });
    },
    async isErased(candidateId: string): Promise<boolean> {
      return (await erased.countDocuments({ _id: candidateId }, { limit: 1 })) > 0;
    },
  };
}

export type ErasedCandidatesRepository = ReturnType<typeof createErasedCandidatesRepository>;
