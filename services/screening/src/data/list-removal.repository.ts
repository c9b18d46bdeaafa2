import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { ListRemoval } from '../domain/list-removal';

type RemovalDoc = Omit<ListRemoval, 'proposalId'> & { _id: string };

const toRemoval = ({ _id, ...rest }: RemovalDoc): ListRemoval => ({ proposalId: _id, ...rest });

/**
 * Proposed removals of ban-list entries (four eyes). Each state change is one conditional update on
 * the proposal's current status, so two officers acting at once cannot both decide it.
 */
export function createListRemovalRepository(db: Connection) {
  const removals = db.collection('list_removals') as unknown as Collection<RemovalDoc>;
  return {
    async ensureIndexes() {
      await removals.createIndex({ listId: 1, status: 1 });
    },
    /** Inserts once: the same proposal id sent again (a retried request) finds the first. */
    async insertOnce(r: ListRemoval): Promise<ListRemoval> {
      const { proposalId, ...rest } = r;
      try {
        await removals.insertOne({ _id: proposalId, ...rest });
        return r;
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
        return toRemoval((await removals.findOne({ _id: proposalId }))!);
      }
    },
    async get(proposalId: string): Promise<ListRemoval | undefined> {
      const doc = await removals.findOne({ _id: proposalId });
      return doc ? toRemoval(doc) : undefined;
    },
    async pending(listId: string, entryId?: string): Promise<ListRemoval[]> {
      const docs = await removals.find({ listId, status: { $in: ['pending', 'confirming'] }, ...(entryId ? { entryId } : {}) }).sort({ proposedAt: 1 }).toArray();
      return docs.map(toRemoval);
    },
    /** Moves a proposal from one of `from` to the changes given; false when it is no longer in `from`. */
    async transition(proposalId: string, from: ListRemoval['status'][], set: Partial<Omit<ListRemoval, 'proposalId'>>, unset: string[] = []): Promise<boolean> {
      const result = await removals.updateOne(
        { _id: proposalId, status: { $in: from } },
        { $set: set, ...(unset.length ? { $unset: Object.fromEntries(unset.map((f) => [f, ''])) } : {}) },
      );
      return result.matchedCount === 1;
    },
  };
}

export type ListRemovalRepository = ReturnType<typeof createListRemovalRepository>;
