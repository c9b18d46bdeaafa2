import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';

/** One ad-hoc "check before deployment" search: who asked what, why, when, and which entries came back. */
export interface CheckRecord {
  _id: string;
  actor: string;
  roles: string[];
  purpose: string;
  query: Record<string, unknown>;
  listVersions: { listId: string; version: number }[];
  hits: { listId: string; entryId: string; score: number; band: string }[];
  at: string;
}

/** Search records, inserted once before the results are returned (never updated). */
export function createCheckRepository(db: Connection) {
  const checks = db.collection('checks') as unknown as Collection<CheckRecord>;
  return {
    async ensureIndexes() {
      await checks.createIndex({ actor: 1, at: -1 });
    },
    async insert(record: CheckRecord): Promise<void> {
      await checks.insertOne(record);
    },
    async byId(id: string) {
      return checks.findOne({ _id: id });
    },
  };
}

export type CheckRepository = ReturnType<typeof createCheckRepository>;
