import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertOnce } from '@vetting/platform';
import type { PendingVersion } from '../domain/pending-version';

type PendingDoc = Omit<PendingVersion, 'proposalId'> & { _id: string };

const toPending = ({ _id, ...rest }: PendingDoc): PendingVersion => ({ proposalId: _id, ...rest });

/**
 * Versions waiting for a second officer (four eyes). Their entries are staged in the list's entry
 * store under the version's own key; this holds the proposal. Each state change is one conditional
 * update on the proposal's current status, so two officers acting at once cannot both decide it.
 */
export function createPendingVersionRepository(db: Connection) {
  const proposals = db.collection('list_pending_versions') as unknown as Collection<PendingDoc>;
  return {
    async ensureIndexes() {
      await proposals.createIndex({ listId: 1, status: 1 });
    },
    /** Inserts once: the same proposal id sent again (a retried request) finds the first. */
    async insertOnce(p: PendingVersion): Promise<PendingVersion> {
      const { proposalId, ...rest } = p;
      if (await insertOnce(proposals, { _id: proposalId, ...rest })) return p;
      return toPending((await proposals.findOne({ _id: proposalId }))!);
    },
    async get(proposalId: string): Promise<PendingVersion | undefined> {
      const doc = await proposals.findOne({ _id: proposalId });
      return doc ? toPending(doc) : undefined;
    },
    /** The list's open proposals, oldest first. */
    async pending(listId: string): Promise<PendingVersion[]> {
      const docs = await proposals
        .find({ listId, status: { $in: ['pending', 'confirming'] } })
        .sort({ proposedAt: 1 })
        .toArray();
      return docs.map(toPending);
    },
    /** Moves a proposal from one of `from` to the changes given; false when it is no longer in `from`. */
    async transition(
      proposalId: string,
      from: PendingVersion['status'][],
      set: Partial<Omit<PendingVersion, 'proposalId'>>,
      unset: string[] = [],
    ): Promise<boolean> {
      const result = await proposals.updateOne(
        { _id: proposalId, status: { $in: from } },
        { $set: set, ...(unset.length ? { $unset: Object.fromEntries(unset.map((f) => [f, ''])) } : {}) },
      );
      return result.matchedCount === 1;
    },
  };
}

export type PendingVersionRepository = ReturnType<typeof createPendingVersionRepository>;
