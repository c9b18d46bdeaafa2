import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import type { StoredResolution } from '../domain/subject';

/**
 * Every reviewer decision, keyed on person fingerprint + list + entry + entry content hash, inserted
 * once. The subject keeps its own decisions too; this collection lets a decision follow the same
 * person into a later nomination (a new candidate id with the same screened data).
 */
export function createResolutionRepository(db: Connection) {
  const resolutions = db.collection('resolutions') as unknown as Collection<StoredResolution & { _id: string }>;
  return {
    async insertOnce(r: StoredResolution): Promise<void> {
      try {
        await resolutions.insertOne({ _id: r.key, ...r });
      } catch (error) {
        if ((error as { code?: number }).code !== 11000) throw error;
      }
    },
    async byKeys(keys: string[]): Promise<StoredResolution[]> {
      if (!keys.length) return [];
      const docs = await resolutions.find({ _id: { $in: keys } }).toArray();
      return docs.map(({ _id, ...r }) => r as StoredResolution);
    },
  };
}

export type ResolutionRepository = ReturnType<typeof createResolutionRepository>;
