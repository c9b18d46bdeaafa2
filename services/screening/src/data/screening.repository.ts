import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { ListVersionRef } from '../domain/active-lists';
import type { ListHit, ScreeningOutcome } from '@vetting/banlists';
import type { ScreenedPerson } from '../domain/screened-person';

/** One screening of one candidate, as it was done: never changed afterwards (decisions live on the subject). */
export interface Screening {
  id: string;
  candidateId: string;
  country: string;
  candidateRevision: number;
  trigger: 'submitted' | 'updated' | 'rescreen';
  outcome: ScreeningOutcome;
  listVersions: ListVersionRef[];
  hits: ListHit[];
  person: ScreenedPerson;
  fingerprint: string;
  screenedAt: string;
}

interface ScreeningDoc extends Omit<Screening, 'id'> {
  _id: string;
}

/**
 * Screening records, inserted once under a deterministic id (`<candidate>:<revision>` or
 * `<candidate>:<revision>:<re-screen key>`). They carry no outbox: the events go out with the
 * subject revision that makes the screening current, so a record written just before a crash is
 * never announced and simply found again on the retry.
 */
export function createScreeningRepository(db: Connection) {
  const screenings = db.collection('screenings') as unknown as Collection<ScreeningDoc>;
  return {
    async ensureIndexes() {
      await screenings.createIndex({ candidateId: 1, screenedAt: -1 });
    },
    /** Returns false when the record was already there. */
    async insertOnce(screening: Screening): Promise<boolean> {
      const { id, ...rest } = screening;
      try {
        await screenings.insertOne({ _id: id, ...rest });
        return true;
      } catch (error) {
        if ((error as { code?: number }).code === 11000) return false;
        throw error;
      }
    },
    async byId(id: string): Promise<Screening | undefined> {
      const doc = await screenings.findOne({ _id: id });
      if (!doc) return undefined;
      const { _id, ...rest } = doc;
      return { id: _id, ...rest };
    },
  };
}

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;
