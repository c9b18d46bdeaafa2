import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { createFieldCipher, loadKeyring, type EncryptedField } from '@vetting/platform';

/**
 * What clearance keeps of a person beyond ids and outcomes — the notices' texts, the candidate's
 * responses and their attachments — sealed with the platform field cipher (AES-256-GCM) under a
 * data key of the candidate's own, bound to the field. `candidate.erased` destroys the key: every
 * text and file of theirs becomes unreadable at once, while the case, its decisions and the audit
 * hashes stay.
 */
export function createCaseDataCipher(db: Connection, keysDir: string) {
  const cipher = createFieldCipher(db, loadKeyring(join(keysDir, 'clearance-keyring.json')));
  return {
    ensureIndexes: () => cipher.ensureIndexes(),
    async sealText(candidateId: string, field: string, text: string): Promise<string> {
      return JSON.stringify(await cipher.encrypt(candidateId, field, text));
    },
    /** Throws CRYPTO.ERASED (410) once the person was erased. */
    async openText(field: string, sealed: string): Promise<string> {
      return cipher.decrypt(field, JSON.parse(sealed) as EncryptedField);
    },
    async sealBytes(candidateId: string, field: string, bytes: Buffer): Promise<string> {
      return JSON.stringify(await cipher.encrypt(candidateId, field, bytes.toString('base64')));
    },
    async openBytes(field: string, sealed: string): Promise<Buffer> {
      return Buffer.from(await cipher.decrypt(field, JSON.parse(sealed) as EncryptedField), 'base64');
    },
    /** Crypto-shredding of everything sealed for the person; true when a key was destroyed now. */
    shred: (candidateId: string) => cipher.shred(candidateId),
  };
}

export type CaseDataCipher = ReturnType<typeof createCaseDataCipher>;
