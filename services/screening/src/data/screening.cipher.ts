import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { createFieldCipher, loadKeyring, loadOrCreateSecretKey, type EncryptedField } from '@vetting/platform';

/**
 * A sealed value as screening stores it: `s1:<iv>:<tag>:<ct>` (base64). The subject is the candidate
 * id its row already holds, so it is not repeated: re-screening reads every subject, and every byte
 * of a packed row is read again each time.
 */
const PREFIX = 's1:';
const compact = (sealed: EncryptedField) => `${PREFIX}${sealed.iv}:${sealed.tag}:${sealed.ct}`;
function expand(text: string, candidateId: string): EncryptedField {
  if (!text.startsWith(PREFIX)) throw new Error('Not a screening-sealed value');
  const [iv = '', tag = '', ct = ''] = text.slice(PREFIX.length).split(':');
  return { alg: 'A256GCM', kid: candidateId, iv, tag, ct, subject: candidateId };
}

/**
 * Screening's own sealing of people's data at rest: a data key per candidate (AES-256-GCM, wrapped by
 * the keyring in KEYS_DIR), destroyed when the person is erased, and a keyed fingerprint (HMAC) of
 * the screened data, so a stored fingerprint confirms no guess without the key. Screening keeps its
 * own keys (rather than intake's person keys) because re-screening opens every subject: it joins
 * its rows with its key table in one ordered read (see `scanKeys`) instead of 100,000 key requests.
 */
export function createScreeningCipher(db: Connection, keysDir: string) {
  const cipher = createFieldCipher(db, loadKeyring(join(keysDir, 'screening-keyring.json')));
  const fingerprintKey = loadOrCreateSecretKey(join(keysDir, 'screening-fingerprint.key'));
  return {
    ensureIndexes: () => cipher.ensureIndexes(),
    async seal(candidateId: string, field: string, value: unknown): Promise<string> {
      return compact(await cipher.encrypt(candidateId, field, JSON.stringify(value)));
    },
    /** Many candidates at once (benchmark seeding): one insert for their new keys. */
    async sealMany(items: { candidateId: string; field: string; value: unknown }[]): Promise<string[]> {
      const sealed = await cipher.encryptMany(
        items.map((i) => ({ subject: i.candidateId, field: i.field, value: JSON.stringify(i.value) })),
      );
      return sealed.map(compact);
    },
    /** Throws CRYPTO.ERASED (410) once the candidate's key is destroyed. */
    async open<T>(candidateId: string, field: string, text: string): Promise<T> {
      return JSON.parse(await cipher.decrypt(field, expand(text, candidateId))) as T;
    },
    /** Opens with a key from `scanKeys` (no lookup). */
    openWith<T>(key: Buffer, candidateId: string, field: string, text: string): T {
      return JSON.parse(cipher.decryptWith(key, field, expand(text, candidateId))) as T;
    },
    scanKeys: (after?: string) => cipher.scanKeys(after),
    /** Crypto-shredding of everything screening sealed for this candidate. */
    shred: (candidateId: string) => cipher.shred(candidateId),
    /** HMAC-SHA256 (hex) with screening's fingerprint key. */
    fingerprint: (canonical: string) => createHmac('sha256', fingerprintKey).update(canonical, 'utf8').digest('hex'),
  };
}

export type ScreeningCipher = ReturnType<typeof createScreeningCipher>;
