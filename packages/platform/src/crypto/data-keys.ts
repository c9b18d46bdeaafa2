import { randomBytes } from 'node:crypto';
import type { Collection } from 'mongodb';
import { AppError } from '../errors/app-error';
import { open, seal, type Sealed } from './aes-gcm';
import type { Keyring } from './keyring';
import { insertOnce } from '../mongo/insert-once';

/** A subject's data key, wrapped; once shredded, a tombstone without it (`shreddedAt`). */
export interface DataKeyDoc {
  _id: string;
  wrapped?: Sealed;
  createdAt?: string;
  shreddedAt?: string;
  /**
   * The group the subject was sealed in (intake: `<country>|<rotation>`), indexed, so the keys of a
   * whole group are one equality read (`groupKeys`) instead of a point read per subject.
   */
  group?: string;
}

export type LiveKeyDoc = DataKeyDoc & { wrapped: Sealed };

/** A fresh random data key for `subject` and its document, wrapped by the keyring's primary key. */
export function newDataKey(keyring: Keyring, subject: string, group?: string): { key: Buffer; doc: LiveKeyDoc & { createdAt: string } } {
  const key = randomBytes(32);
  return {
    key,
    doc: {
      _id: subject,
      wrapped: seal(keyring.keys.get(keyring.primary)!, keyring.primary, key, `data-key:${subject}`),
      createdAt: new Date().toISOString(),
      ...(group ? { group } : {}),
    },
  };
}

export function unwrapDataKey(keyring: Keyring, doc: LiveKeyDoc): Buffer {
  const kek = keyring.keys.get(doc.wrapped.kid);
  if (!kek) throw new AppError('CRYPTO.UNKNOWN_KEY', `Key-encryption key ${doc.wrapped.kid} is not in the keyring`);
  return open(kek, doc.wrapped, `data-key:${doc._id}`);
}

/**
 * Destroys the subject's data key in the store; true when there was one. The key goes and a
 * tombstone stays: a later write for the subject is refused (CRYPTO.ERASED) instead of creating a
 * fresh key.
 */
export async function shredDataKey(keys: Collection<DataKeyDoc>, subject: string): Promise<boolean> {
  const shreddedAt = new Date().toISOString();
  const destroyed = await keys.updateOne(
    { _id: subject, wrapped: { $exists: true } },
    { $unset: { wrapped: '', createdAt: '', group: '' }, $set: { shreddedAt } },
  );
  if (destroyed.modifiedCount === 1) return true;
  await insertOnce(keys, { _id: subject, shreddedAt });
  return false;
}
