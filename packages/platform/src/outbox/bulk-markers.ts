import { randomUUID } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { Collection as MongoCollection } from 'mongodb';

/** A bulk creation in flight (`ids` as JSON text); older stores also left one per single write (`aggregateId`). */
interface ViewMarker {
  _id: string;
  at: string;
  ids?: string;
  aggregateId?: string;
}

/**
 * Markers of bulk creations in flight (`<name>_view_batches`, a small collection): inserted before
 * the revisions, deleted once their view rows are in. A process killed in between leaves the marker;
 * the relay's repair projects each of its aggregates whose view row is missing or behind. One marker
 * per call of hundreds of aggregates: two commands per call.
 */
export function createBulkMarkers(db: Connection, name: string, settle: (id: string) => Promise<boolean>) {
  const markers = db.collection(`${name}_view_batches`) as unknown as MongoCollection<ViewMarker>;
  return {
    async open(ids: string[], key: string, at: string): Promise<string> {
      const _id = `${key}@${randomUUID()}`;
      await markers.insertOne({ _id, at, ids: JSON.stringify(ids) });
      return _id;
    },
    async close(id: string): Promise<void> {
      await markers.deleteOne({ _id: id });
    },
    /** Repairs what markers older than `graceMs` name, then removes them; returns the views it wrote. */
    async repair(graceMs: number): Promise<number> {
      const cutoff = new Date(Date.now() - graceMs).toISOString();
      let repaired = 0;
      for (const marker of (await markers.find({}).limit(200).toArray()).filter((m) => m.at <= cutoff)) {
        const ids = marker.aggregateId !== undefined ? [marker.aggregateId] : (JSON.parse(marker.ids ?? '[]') as string[]);
        for (const id of ids) if (await settle(id)) repaired++;
        await markers.deleteOne({ _id: marker._id });
      }
      return repaired;
    },
  };
}
