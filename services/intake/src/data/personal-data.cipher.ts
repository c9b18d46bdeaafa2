import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Connection } from 'mongoose';
import { createFieldCipher, loadKeyring, localPersonKeys, type EncryptedField } from '@vetting/platform';
import type { Candidate, EmploymentDeclaration, Person, SelfDeclaration } from '../domain/candidate';

/** The sections of a candidate that are personal data, sealed under the person's own data key. */
export interface PersonalData {
  person: Person;
  selfDeclaration?: SelfDeclaration;
  employmentDeclaration?: EmploymentDeclaration;
  /** The office's free-text reason for a withdrawal (it may say why about the person). */
  withdrawalReason?: string;
}

/** A candidate's personal sections, as sealed together. */
export const personalOf = (c: Pick<Candidate, 'person' | 'selfDeclaration' | 'employmentDeclaration' | 'withdrawal'>): PersonalData => ({
  person: c.person,
  ...(c.selfDeclaration ? { selfDeclaration: c.selfDeclaration } : {}),
  ...(c.employmentDeclaration ? { employmentDeclaration: c.employmentDeclaration } : {}),
  ...(c.withdrawal?.reason ? { withdrawalReason: c.withdrawal.reason } : {}),
});

/** The 32-byte blind-index key, generated next to the keyring on first start (never in the repository). */
function loadBlindIndexKey(keysDir: string): Buffer {
  const file = join(keysDir, 'intake-blind-index.key');
  if (!existsSync(file)) {
    mkdirSync(keysDir, { recursive: true, mode: 0o700 });
    writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
  }
  const key = Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
  if (key.length !== 32) throw new Error(`${file} is not a 32-byte base64 key`);
  return key;
}

const FIELD = 'personal';

/** The group a candidate's data key is filed under: their roll (country and rotation). */
export const rollGroup = (country: string, rotation: string) => `${country}|${rotation}`;
const PLACEHOLDER: Person = { names: [] };

/**
 * A candidate's sealed personal data as stored: `p1:<iv>:<tag>:<ct>` (base64 parts). The subject is
 * the candidate id the reader already holds, and the algorithm is implied by the version, so neither
 * is repeated: every byte counts twice per candidate (revision and view row), and FerretDB's
 * PostgreSQL rows above ~2 KB are compressed on write and decompressed on every scan.
 */
const COMPACT = 'p1:';
const compact = (sealed: EncryptedField) => `${COMPACT}${sealed.iv}:${sealed.tag}:${sealed.ct}`;
function expand(text: string, subject: string | undefined): EncryptedField {
  if (!text.startsWith(COMPACT)) throw new Error('Not a sealed personal value');
  const [iv = '', tag = '', ct = ''] = text.slice(COMPACT.length).split(':');
  if (!subject) throw new Error('A compact sealed value opens only with its subject');
  return { alg: 'A256GCM', kid: subject, iv, tag, ct, subject };
}

/**
 * Intake's use of the platform field cipher. Everything that identifies a person — names, date and
 * place of birth, identity-document and service numbers, employment history and HR contacts — the
 * self-declaration answers and the employment declaration are sealed together (AES-256-GCM, bound to candidate and field) under a data key of the
 * candidate's own: destroying it (`shred`) erases the person from every revision at once, while
 * ids, statuses and the audit trail stay. Stored as JSON text: FerretDB v1 writes one string far
 * faster than a nested document. Exact-match dedupe uses keyed blind indexes, never the numbers.
 */
export function createPersonalCipher(db: Connection, keysDir: string) {
  const cipher = createFieldCipher(db, loadKeyring(join(keysDir, 'intake-keyring.json')), { blindIndexKey: loadBlindIndexKey(keysDir) });
  const toText = (sealed: EncryptedField) => JSON.stringify(sealed);
  return {
    ensureIndexes: () => cipher.ensureIndexes(),
    /** `group`: the roll a new person's data key is filed under (rollGroup), so a roll's keys are one read. */
    async seal(candidateId: string, data: PersonalData, group?: string): Promise<string> {
      return compact(await cipher.encrypt(candidateId, FIELD, JSON.stringify(data), group));
    },
    /**
     * Many candidates at once (bulk uploads): one insert for all their new data keys, which stay
     * cached briefly: their events are sealed with the same people's keys right after.
     */
    async sealMany(items: { candidateId: string; data: PersonalData; group?: string }[]): Promise<string[]> {
      const sealed = await cipher.encryptMany(
        items.map((i) => ({ subject: i.candidateId, field: FIELD, value: JSON.stringify(i.data), group: i.group })),
        { cache: true },
      );
      return sealed.map(compact);
    },
    /** The person's data (sealed for `candidateId`); a placeholder when they were erased (their key is gone: CRYPTO.ERASED). */
    async open(sealed: string | undefined, candidateId?: string): Promise<PersonalData & { erased?: true }> {
      if (!sealed) return { person: PLACEHOLDER, erased: true };
      try {
        return JSON.parse(await cipher.decrypt(FIELD, expand(sealed, candidateId))) as PersonalData;
      } catch (error) {
        if ((error as { code?: string }).code === 'CRYPTO.ERASED') return { person: PLACEHOLDER, erased: true };
        throw error;
      }
    },
    /** The data keys of a roll's people (one read; see rollGroup), by candidate id: for `openWith`. */
    rollKeys: (group: string) => cipher.groupKeys(group),
    /** Opens with a key from `rollKeys` (no lookup); the stored value must be sealed for `candidateId`. */
    openWith(key: Buffer, sealed: string | undefined, candidateId: string): PersonalData & { erased?: true } {
      if (!sealed) return { person: PLACEHOLDER, erased: true };
      return JSON.parse(cipher.decryptWith(key, FIELD, expand(sealed, candidateId))) as PersonalData;
    },
    /** Seals temporary data of one owner (an upload's rows) under that owner's key. */
    sealText: async (owner: string, field: string, text: string) => toText(await cipher.encrypt(owner, field, text)),
    openText: async (field: string, sealed: string) => cipher.decrypt(field, JSON.parse(sealed) as EncryptedField),
    /** Keyed hash of a dedupe key: equal for the same person, meaningless without the key. */
    blind: (value: string) => cipher.blindIndex(value),
    /** Crypto-shredding: the owner's sealed data can never be read again. */
    shred: (owner: string) => cipher.shred(owner),
    /**
     * People's keys for sealed blocks (derived from their data keys): intake seals its events with
     * them (creating a new person's key on first use) and serves them to the other services.
     */
    personKeys: localPersonKeys(cipher, { create: true }),
    /** The same keys for a reader: a person without one is erased (in-process services of tests and tools). */
    lookupSource: localPersonKeys(cipher),
    /** `POST /person-keys/lookup`: the keys of those not erased, and who is. */
    lookupPersonKeys: (persons: string[]) => cipher.lookupPersonKeys(persons),
  };
}

export type PersonalCipher = ReturnType<typeof createPersonalCipher>;
