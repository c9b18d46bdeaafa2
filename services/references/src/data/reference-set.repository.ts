import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, type EventEnvelope } from '@vetting/platform';
import type { CheckType, NominationCategory } from '../domain/check-policy';

/** The checks one candidate revision needs, fixed when it is opened (insert-once, never updated). */
export interface ReferenceSet {
  id: string;
  candidateId: string;
  country: string;
  candidateRevision: number;
  category: NominationCategory;
  policyVersion: number;
  checks: { checkId: string; checkType: CheckType }[];
  createdAt: string;
}

type SetDoc = Omit<ReferenceSet, 'id'> & { _id: string; outbox: EventEnvelope[]; outboxPending: boolean };
type CompletionDoc = { _id: string; completedAt: string; outbox: EventEnvelope[]; outboxPending: boolean };

const isDuplicate = (error: unknown) => (error as { code?: number }).code === 11000;

/**
 * Sets and their completions are insert-once documents with deterministic ids: a duplicate key
 * means "already done". The completion carries `references.completed` in its outbox, so the event
 * is published once however many workers see the last result arrive.
 */
export function createReferenceSetRepository(db: Connection) {
  const sets = db.collection('reference_sets') as unknown as Collection<SetDoc>;
  const completions = db.collection('reference_set_completions') as unknown as Collection<CompletionDoc>;
  const toSet = ({ _id, outbox: _o, outboxPending: _p, ...rest }: SetDoc): ReferenceSet => ({ id: _id, ...rest });
  return {
    collections: [sets as unknown as Collection, completions as unknown as Collection],
    async ensureIndexes() {
      await sets.createIndex({ candidateId: 1, candidateRevision: -1 });
      await sets.createIndex({ outboxPending: 1 });
      await completions.createIndex({ outboxPending: 1 });
    },
    async insertOnce(set: ReferenceSet, events: EventEnvelope[]): Promise<boolean> {
      const { id, ...rest } = set;
      try {
        await sets.insertOne({ _id: id, ...rest, ...initialOutbox(events) });
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    },
    async get(id: string): Promise<ReferenceSet | undefined> {
      const doc = await sets.findOne({ _id: id });
      return doc ? toSet(doc) : undefined;
    },
    async latestFor(candidateId: string): Promise<ReferenceSet | undefined> {
      const doc = await sets.find({ candidateId }).sort({ candidateRevision: -1 }).limit(1).next();
      return doc ? toSet(doc) : undefined;
    },
    async complete(id: string, completedAt: string, events: EventEnvelope[]): Promise<boolean> {
      try {
        await completions.insertOne({ _id: id, completedAt, ...initialOutbox(events) });
        return true;
      } catch (error) {
        if (isDuplicate(error)) return false;
        throw error;
      }
    },
    async completedAt(id: string): Promise<string | undefined> {
      return (await completions.findOne({ _id: id }))?.completedAt;
    },
  };
}

export type ReferenceSetRepository = ReturnType<typeof createReferenceSetRepository>;
