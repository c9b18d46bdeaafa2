import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertOnce, isErased } from '@vetting/platform';
import type { ScreeningCipher } from './screening.cipher';
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

/** What of a screening is the person's: sealed under the candidate's screening key. */
type ScreeningPersonal = Pick<Screening, 'person' | 'fingerprint' | 'hits'>;
const FIELD = 'screening';

/** Stored: ids, outcome and list versions in clear; the person, the fingerprint and the hits (names, explanations, reasons) sealed. Old rows hold them in clear. */
interface ScreeningDoc extends Omit<Screening, 'id' | 'person' | 'fingerprint' | 'hits'>, Partial<ScreeningPersonal> {
  _id: string;
  personal?: string;
  /** How many hits are sealed in `personal` (for counts without opening). */
  hitCount?: number;
}

/**
 * Screening records, inserted once under a deterministic id (`<candidate>:<revision>` or
 * `<candidate>:<revision>:<re-screen key>`). They carry no outbox: the events go out with the
 * subject revision that makes the screening current, so a record written just before a crash is
 * never announced and simply found again on the retry.
 */
export function createScreeningRepository(db: Connection, cipher: ScreeningCipher) {
  const screenings = db.collection('screenings') as unknown as Collection<ScreeningDoc>;
  return {
    async ensureIndexes() {
      await screenings.createIndex({ candidateId: 1, screenedAt: -1 });
    },
    /** Returns false when the record was already there. */
    async insertOnce(screening: Screening): Promise<boolean> {
      const { id, person, fingerprint, hits, ...rest } = screening;
      const personal = await cipher.seal(screening.candidateId, FIELD, { person, fingerprint, hits } satisfies ScreeningPersonal);
      return insertOnce(screenings, { _id: id, ...rest, personal, hitCount: hits.length });
    },
    /** A screening, opened; once the person is erased, a screening with no person and no hits (`erased`). */
    async byId(id: string): Promise<(Screening & { erased?: true }) | undefined> {
      const doc = await screenings.findOne({ _id: id });
      if (!doc) return undefined;
      const { _id, personal, hitCount: _h, person, fingerprint, hits, ...rest } = doc;
      if (!personal) return { id: _id, ...rest, person: person!, fingerprint: fingerprint ?? '', hits: hits ?? [] };
      try {
        return { id: _id, ...rest, ...(await cipher.open<ScreeningPersonal>(doc.candidateId, FIELD, personal)) };
      } catch (error) {
        if (!isErased(error)) throw error;
        return { id: _id, ...rest, person: { names: [], nationalities: [], documents: [] }, fingerprint: '', hits: [], erased: true };
      }
    },
  };
}

export type ScreeningRepository = ReturnType<typeof createScreeningRepository>;
