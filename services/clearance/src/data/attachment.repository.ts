import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AttachmentRef } from '../domain/case-inputs';

/** A file sent with a candidate's response: its description in clear, its content sealed (data/case-data.cipher.ts). */
export interface StoredAttachment extends AttachmentRef {
  candidateId: string;
  sealed: string;
  uploadedBy: string;
  uploadedAt: string;
}

type AttachmentDoc = Omit<StoredAttachment, 'attachmentId'> & { _id: string };

/** Attachments by id, insert-once; content read only when someone opens one. */
export function createAttachmentRepository(db: Connection) {
  const files = db.collection('response_attachments') as unknown as Collection<AttachmentDoc>;
  const toRef = ({ _id, sealed: _s, candidateId: _c, uploadedBy: _b, uploadedAt: _a, ...rest }: AttachmentDoc): AttachmentRef => ({
    attachmentId: _id,
    ...rest,
  });
  return {
    async ensureIndexes() {
      await files.createIndex({ candidateId: 1 });
    },
    async insert(a: StoredAttachment): Promise<void> {
      const { attachmentId, ...rest } = a;
      await files.insertOne({ _id: attachmentId, ...rest });
    },
    /** The descriptions of the candidate's attachments among `ids` (never the content). */
    async refs(candidateId: string, ids: string[]): Promise<AttachmentRef[]> {
      if (!ids.length) return [];
      const docs = await files.find({ _id: { $in: ids }, candidateId }, { projection: { sealed: 0 } }).toArray();
      return docs.map((d) => toRef({ ...d, sealed: '' }));
    },
    async get(candidateId: string, attachmentId: string): Promise<StoredAttachment | undefined> {
      const doc = await files.findOne({ _id: attachmentId, candidateId });
      return doc
        ? { ...toRef(doc), candidateId: doc.candidateId, sealed: doc.sealed, uploadedBy: doc.uploadedBy, uploadedAt: doc.uploadedAt }
        : undefined;
    },
  };
}

export type AttachmentRepository = ReturnType<typeof createAttachmentRepository>;
