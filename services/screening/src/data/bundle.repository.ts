import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { initialOutbox, insertOnce, type EventEnvelope } from '@vetting/platform';
import type { OfflineRow } from '../domain/offline-recheck';

/** An offline list bundle the platform issued: to whom, when, until when, and which list versions it holds. */
export interface IssuedBundle {
  _id: string;
  contentHash: string;
  keyId: string;
  issuedTo: { actor: string; country?: string };
  createdAt: string;
  expiresAt: string;
  lists: { listId: string; version: number; contentHash: string }[];
}

/** Offline results as they arrived and were screened again: outcomes and references only, no person's data. */
export interface OfflineUpload {
  _id: string;
  actor: string;
  country?: string;
  bundleId: string;
  receivedAt: string;
  listVersions: { listId: string; version: number; contentHash: string }[];
  rows: OfflineRow[];
  summary: { rows: number; agree: number; disagree: number; needsReview: number };
}

type WithOutbox<T> = T & { outbox: EventEnvelope[]; outboxPending: boolean };

/** Issued bundles and offline uploads: inserted once with their event (outbox), never updated. */
export function createBundleRepository(db: Connection) {
  const bundles = db.collection('list_bundles') as unknown as Collection<WithOutbox<IssuedBundle>>;
  const uploads = db.collection('offline_uploads') as unknown as Collection<WithOutbox<OfflineUpload>>;
  const bare = <T>(doc: WithOutbox<T> | null): T | undefined => {
    if (!doc) return undefined;
    const { outbox: _o, outboxPending: _p, ...rest } = doc as WithOutbox<T> & { publishedAt?: string };
    delete (rest as { publishedAt?: string }).publishedAt;
    return rest as T;
  };
  return {
    collections: [bundles, uploads] as unknown as Collection[],
    async ensureIndexes() {
      await uploads.createIndex({ country: 1, receivedAt: -1 });
      await bundles.createIndex({ 'issuedTo.country': 1, createdAt: -1 });
    },
    issue: (bundle: IssuedBundle, events: EventEnvelope[]) => insertOnce(bundles, { ...bundle, ...initialOutbox(events) }),
    bundle: async (id: string) => bare(await bundles.findOne({ _id: id })),
    /** False when an upload with this id is stored already (a retried request). */
    receive: (upload: OfflineUpload, events: EventEnvelope[]) => insertOnce(uploads, { ...upload, ...initialOutbox(events) }),
    upload: async (id: string) => bare(await uploads.findOne({ _id: id })),
    async uploads(country: string | undefined, limit: number): Promise<Omit<OfflineUpload, 'rows'>[]> {
      const docs = await uploads
        .find(country ? { country } : {}, { projection: { rows: 0, outbox: 0 } })
        .sort({ receivedAt: -1 })
        .limit(limit)
        .toArray();
      return docs.map((d) => bare(d)!);
    },
  };
}

export type BundleRepository = ReturnType<typeof createBundleRepository>;
