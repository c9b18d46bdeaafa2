import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { TextSealer } from './sealed-text';

type ConsentDoc = { _id: string; candidateId: string; sealed: string };

/**
 * The person's signed consent and declaration, one file per disclosure request, sealed under the
 * person's data key (subject: the candidate id), so erasing the person shreds it with the rest.
 * Kept apart from the request's revisions: a file is written once and read rarely.
 */
export function createDisclosureConsentStore(db: Connection, sealer: TextSealer) {
  const files = db.collection('disclosure_consents') as unknown as Collection<ConsentDoc>;
  return {
    /** Stores (or replaces, when a better scan is sent) the file of a request. */
    async put(requestId: string, candidateId: string, bytes: Buffer): Promise<void> {
      const sealed = await sealer.seal(candidateId, `consent:${requestId}`, bytes.toString('base64'));
      await files.replaceOne({ _id: requestId }, { candidateId, sealed }, { upsert: true });
    },
    async get(requestId: string): Promise<Buffer | undefined> {
      const doc = await files.findOne({ _id: requestId });
      return doc ? Buffer.from(await sealer.open(`consent:${requestId}`, doc.sealed), 'base64') : undefined;
    },
  };
}

export type DisclosureConsentStore = ReturnType<typeof createDisclosureConsentStore>;
