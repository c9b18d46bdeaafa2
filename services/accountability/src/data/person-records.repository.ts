import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { insertOnce } from '@vetting/platform';
import type { KnownFinding } from '../domain/disclosure-request';

type RecordDoc = { _id: string; candidateId: string; at: string; active: boolean; finding: KnownFinding };

/**
 * What the other services established about a person that a disclosure answer must not contradict:
 * a ban-list match a screening officer confirmed (undone when later resolved a false positive), a
 * clearance revoked on new information. One document per fact (its key), the newest event wins.
 */
export function createPersonRecordsRepository(db: Connection) {
  const records = db.collection('person_records') as unknown as Collection<RecordDoc>;
  return {
    ensureIndexes: () => records.createIndex({ candidateId: 1 }),
    async save(key: string, candidateId: string, at: string, active: boolean, finding: KnownFinding): Promise<void> {
      const current = await records.findOne({ _id: key });
      if (current && current.at >= at) return;
      if (!current && (await insertOnce(records, { _id: key, candidateId, at, active, finding }))) return;
      await records.updateOne({ _id: key, at: { $lt: at } }, { $set: { at, active, finding } });
    },
    async of(candidateId: string): Promise<KnownFinding[]> {
      return (await records.find({ candidateId, active: true }).toArray()).map((r) => r.finding);
    },
  };
}

export type PersonRecordsRepository = ReturnType<typeof createPersonRecordsRepository>;
