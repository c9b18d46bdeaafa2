import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { insertOnce } from '@vetting/platform';
import type { StoredResolution } from '../domain/subject';
import type { ScreeningCipher } from './screening.cipher';

const FIELD = 'resolution';
/** The candidate a decision was taken on: its screening id starts with the candidate id. */
const candidateOf = (r: Pick<StoredResolution, 'screeningId'>) => r.screeningId.split(':')[0]!;

/** Stored: ids and the decision in clear; the person's fingerprint and the written reason sealed under the candidate's key. */
interface ResolutionDoc extends Omit<StoredResolution, 'key' | 'fingerprint' | 'reason'> {
  _id: string;
  candidateId: string;
  personal: string;
}

/**
 * Every reviewer decision, keyed on person fingerprint + list + entry + entry content hash, inserted
 * once. The subject keeps its own decisions too; this collection lets a decision follow the same
 * person into a later nomination (a new candidate id with the same screened data). Erasing the
 * person deletes the decisions taken on them (`forget`).
 */
export function createResolutionRepository(db: Connection, cipher: ScreeningCipher) {
  const resolutions = db.collection('resolutions') as unknown as Collection<ResolutionDoc>;
  return {
    async ensureIndexes() {
      await resolutions.createIndex({ candidateId: 1 });
    },
    async insertOnce(r: StoredResolution): Promise<void> {
      const { key, fingerprint, reason, ...rest } = r;
      const candidateId = candidateOf(r);
      const personal = await cipher.seal(candidateId, FIELD, { fingerprint, reason });
      await insertOnce(resolutions, { _id: key, ...rest, candidateId, personal });
    },
    async byKeys(keys: string[]): Promise<StoredResolution[]> {
      if (!keys.length) return [];
      const docs = await resolutions.find({ _id: { $in: keys } }).toArray();
      const out: StoredResolution[] = [];
      for (const { _id, candidateId, personal, ...rest } of docs) {
        const opened = await cipher.open<{ fingerprint: string; reason: string }>(candidateId, FIELD, personal).catch(() => undefined);
        if (opened) out.push({ ...(rest as Omit<StoredResolution, 'key' | 'fingerprint' | 'reason'>), key: _id, ...opened });
      }
      return out;
    },
    /** The person was erased: the decisions taken on them go (their fingerprint would still link a new nomination to them). */
    forget: async (candidateId: string) => (await resolutions.deleteMany({ candidateId })).deletedCount,
  };
}

export type ResolutionRepository = ReturnType<typeof createResolutionRepository>;
