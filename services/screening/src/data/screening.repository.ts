import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, type EventEnvelope } from '@vetting/platform';
import type { ListVersionRef } from '../domain/active-lists';
import type { ListHit, ScreeningOutcome } from '../domain/screening-outcome';

export interface Screening {
  id: string;
  candidateId: string;
  country: string;
  candidateRevision: number;
  trigger: 'submitted' | 'updated' | 'rescreen';
  outcome: ScreeningOutcome;
  listVersions: ListVersionRef[];
  hits: ListHit[];
  screenedAt: string;
}

interface ScreeningDoc extends Omit<Screening, 'id'> {
  _id: string;
  outbox: EventEnvelope[];
  outboxPending: boolean;
}

/** Screening cases. The id is `<candidate>:<revision>[:<list versions>]`, so a redelivered event cannot screen twice. */
export function createScreeningRepository(db: Connection) {
  const screenings = db.collection('screenings') as unknown as Collection<ScreeningDoc>;
  return {
    collection: screenings as unknown as Collection,
    async ensureIndexes() {
      await screenings.createIndex({ candidateId: 1, screenedAt: -1 });
      await screenings.createIndex({ outboxPending: 1 });
    },
    /** Returns false when this screening was already stored (a redelivered event). */
    async insertOnce(screening: Screening, events: EventEnvelope[]): Promise<boolean> {
      const { id, ...rest } = screening;
      try {
        await screenings.insertOne({ _id: id, ...rest, ...initialOutbox(events) });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    async latestFor(candidateId: string): Promise<Screening | undefined> {
      const doc = await screenings.find({ candidateId }).sort({ screenedAt: -1 }).limit(1).next();
      if (!doc) return undefined;
      const { _id, outbox: _o, outboxPending: _p, ...rest } = doc;
      return { id: _id, ...rest };
    },
  };
}

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;
