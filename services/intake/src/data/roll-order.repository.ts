import type { Connection } from 'mongoose';
import { insertManyOnce, isDuplicateKey } from '@vetting/platform';
import { afterCursor, cursorOf } from './roll-cursor';

interface RollOrderDoc {
  _id: string;
  country: string;
  rotation: string;
  createdAt: string;
}

/** A roll's page of candidate ids, and the cursor after its last row when more may follow. */
export interface RollOrderPage {
  ids: string[];
  next?: string;
}

const INSERT_BATCH = 500;

/**
 * The order of each roll: one small row per candidate (id, country, rotation, nomination time),
 * apart from the view. The roll screen's page and total are read here, then only the page's own
 * view rows by id: FerretDB v1 sorts and counts in its own process, reading every row the filter
 * matches for each page, and a view row is about 2.5 KB (10,000 of them took a second or more per
 * page), where an order row is under 150 bytes. On MongoDB the index answers either way.
 * Written after the candidate, like the search keys: a crash in between leaves a new person off the
 * roll's pages (still in its certificate, CSV, searches and status filters) until the command or the
 * upload is retried, or the candidate next changes; each change writes the row again (a correction
 * may move the nomination to another rotation).
 */
export function createRollOrderRepository(db: Connection) {
  const rows = db.collection<RollOrderDoc>('roll_order');
  return {
    collection: rows,
    ensureIndexes: () => rows.createIndex({ country: 1, rotation: 1, createdAt: -1, _id: -1 }),

    /** Stores many new candidates' rows (bulk uploads); ids already there (a resumed run) are kept. */
    async putMany(items: RollOrderDoc[]): Promise<void> {
      for (let start = 0; start < items.length; start += INSERT_BATCH) await insertManyOnce(rows, items.slice(start, start + INSERT_BATCH));
    },

    /** Stores (or moves) one candidate's row; a concurrent first write of the same row makes it replace again. */
    async put(row: RollOrderDoc): Promise<void> {
      const { _id, ...rest } = row;
      try {
        await rows.replaceOne({ _id }, rest, { upsert: true });
      } catch (error) {
        if (!isDuplicateKey(error)) throw error;
        await rows.replaceOne({ _id }, rest);
      }
    },

    /** Ids of one page of a roll, newest first, after `after` (a cursor from a previous page). */
    async page(country: string, rotation: string, limit: number, after?: string): Promise<RollOrderPage> {
      const found = await rows
        .find({ country, rotation, ...(after ? afterCursor(after) : {}) }, { projection: { createdAt: 1 } })
        .sort({ createdAt: -1, _id: -1 })
        .limit(limit)
        .toArray();
      const last = found.at(-1);
      return { ids: found.map((r) => r._id), ...(found.length === limit && last ? { next: cursorOf(last) } : {}) };
    },

    /** How many candidates a roll holds. */
    count: (country: string, rotation: string) => rows.countDocuments({ country, rotation }),
  };
}

export type RollOrderRepository = ReturnType<typeof createRollOrderRepository>;
