import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, type EventEnvelope } from '@vetting/platform';
import type { CheckType } from '../domain/check-policy';

export interface CheckRecord {
  checkId: string;
  checkType: CheckType;
  result: 'pending' | 'not-required' | 'no-adverse' | 'adverse' | 'no-response' | 'failed';
}

export interface ReferenceSet {
  id: string;
  candidateId: string;
  country: string;
  candidateRevision: number;
  checks: CheckRecord[];
  completed: boolean;
  createdAt: string;
}

type ReferenceSetDoc = Omit<ReferenceSet, "id"> & { _id: string; outbox: EventEnvelope[]; outboxPending: boolean };

/** One set of checks per candidate revision; the id makes a redelivered event a no-op. */
export function createReferenceSetRepository(db: Connection) {
  const sets = db.collection('reference_sets') as unknown as Collection<ReferenceSetDoc>;
  return {
    collection: sets as unknown as Collection,
    async ensureIndexes() {
      await sets.createIndex({ candidateId: 1, candidateRevision: -1 });
      await sets.createIndex({ outboxPending: 1 });
    },
    async insertOnce(set: ReferenceSet, events: EventEnvelope[]): Promise<boolean> {
      const { id, ...rest } = set;
      try {
        await sets.insertOne({ _id: id, ...rest, ...initialOutbox(events) });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    async latestFor(candidateId: string): Promise<ReferenceSet | undefined> {
      const doc = await sets.find({ candidateId }).sort({ candidateRevision: -1 }).limit(1).next();
      if (!doc) return undefined;
      const { _id, outbox: _o, outboxPending: _p, ...rest } = doc;
      return { id: _id, ...rest };
    },
  };
}

export type ReferenceSetRepository = ReturnType<typeof createReferenceSetRepository>;
