import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { createFieldCipher, loadKeyring, type EncryptedField } from '@vetting/platform';

/**
 * Free text and personal data this service keeps (what a request for action asks, the country's
 * responses) sealed under a data key per record, so destroying
 * the key erases it wherever the record is kept.
 */
export function createTextSealer(db: Connection, keysDir: string) {
  const cipher = createFieldCipher(db, loadKeyring(join(keysDir, 'accountability-keyring.json')));
  return {
    ensureIndexes: () => cipher.ensureIndexes(),
    seal: async (subject: string, field: string, value: string) => JSON.stringify(await cipher.encrypt(subject, field, value)),
    open: (field: string, sealed: string) => cipher.decrypt(field, JSON.parse(sealed) as EncryptedField),
    shred: (subject: string) => cipher.shred(subject),
  };
}

export type TextSealer = ReturnType<typeof createTextSealer>;
