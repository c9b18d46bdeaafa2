import { createHmac } from 'node:crypto';
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import { AppError } from '../errors/app-error';
import { open, seal, type Sealed } from './aes-gcm';
import { createDataKeyCache } from './data-key-cache';
import { duplicateIndexes } from '../mongo/duplicate-key';
import { insertOnce } from '../mongo/insert-once';
import { newDataKey, shredDataKey, unwrapDataKey, type DataKeyDoc, type LiveKeyDoc } from './data-keys';
import type { Keyring } from './keyring';
import { derivePersonKey, erasedError } from './personal-block';
import type { PersonKeyLookup, PersonKeySource } from './person-keys';

/** An encrypted field value: which subject's data key sealed it, and the ciphertext. */
export interface EncryptedField extends Sealed {
  subject: string;
}

export interface FieldCipherOptions {
  /** HMAC key of `blindIndex`; without it `blindIndex` throws. */
  blindIndexKey?: Buffer;
  /**
   * How long an unwrapped data key stays cached in this process. It bounds erasure across processes:
   * after `shred` in any process, every other process decrypts that subject for at most this long.
   * Default 30,000 ms; 0 disables the cache.
   */
  keyCacheMs?: number;
  /** Most data keys cached at once; the oldest go first. Default 10,000. */
  maxCachedKeys?: number;
  /** Clock of the cache (tests). Default `Date.now`. */
  now?: () => number;
}

/**
 * Field-level envelope encryption. Each person (subject) has their own random data key, stored
 * wrapped (AES-256-GCM) by the keyring's primary key-encryption key; fields are sealed with the data
 * key and bound to subject and field name. Destroying a subject's data key erases every field of
 * theirs at once (crypto-shredding) while records, ids and audit hashes stay intact. Rotating the
 * keyring re-wraps data keys without touching the fields.
 */
export function createFieldCipher(db: Connection, keyring: Keyring, options: FieldCipherOptions = {}) {
  const keys = db.collection('data_keys') as unknown as Collection<DataKeyDoc>;
  const cache = createDataKeyCache(options.keyCacheMs ?? 30_000, options.maxCachedKeys ?? 10_000, options.now ?? Date.now);
  const unwrap = (doc: LiveKeyDoc) => unwrapDataKey(keyring, doc);

  // Reads of one subject's key already under way, by `create`: concurrent callers (the checks of one
  // reference set, opened at once) share one round trip instead of one each.
  const inFlight = [new Map<string, Promise<Buffer>>(), new Map<string, Promise<Buffer>>()] as const;
  function dataKey(subject: string, create: boolean, group?: string): Promise<Buffer> {
    const hit = cache.get(subject);
    if (hit) return Promise.resolve(hit);
    const pending = inFlight[create ? 1 : 0];
    const running = pending.get(subject);
    if (running) return running;
    const fetching = fetchKey(subject, create, group).finally(() => pending.delete(subject));
    pending.set(subject, fetching);
    return fetching;
  }

  async function fetchKey(subject: string, create: boolean, group?: string): Promise<Buffer> {
    const epoch = cache.epoch();
    // A key to create is inserted first (a new person's first seal: one round trip, not a read and an
    // insert); an existing one makes the insert fail and is read below.
    let doc = create ? null : await keys.findOne({ _id: subject });
    if (!doc && create) {
      const fresh = newDataKey(keyring, subject, group).doc;
      // Not inserted: another writer created it first, use theirs.
      doc = (await insertOnce(keys, fresh)) ? fresh : await keys.findOne({ _id: subject });
    }
    // No key, or its tombstone: a shredded subject never gets a new key (data sealed after an erasure
    // would be readable again, and the old revisions would no longer open as erased).
    if (!doc?.wrapped) throw new AppError('CRYPTO.ERASED', 'This person’s data has been erased', { status: 410 });
    const key = unwrap(doc as LiveKeyDoc);
    cache.rememberRead(epoch, subject, key);
    return key;
  }

  return {
    async ensureIndexes() {
      await keys.createIndex({ 'wrapped.kid': 1 });
      await keys.createIndex({ group: 1 });
    },
    /** `group`: the group a new data key is filed under (see `groupKeys`); an existing key keeps its own. */
    async encrypt(subject: string, field: string, value: string, group?: string): Promise<EncryptedField> {
      return { ...seal(await dataKey(subject, true, group), subject, Buffer.from(value, 'utf8'), `${subject}:${field}`), subject };
    },
    /**
     * Encrypts fields of many subjects at once (bulk imports): the data keys of subjects that have
     * none are created in one unordered insert instead of a read and an insert per subject. A key
     * that exists already (a resumed import, another writer) is read and used. Keys made here are
     * cached only with `cache: true` (their person keys are asked for next, e.g. to seal the events
     * of the same people), within the cache's bound.
     */
    async encryptMany(
      items: { subject: string; field: string; value: string; group?: string }[],
      opts: { cache?: boolean } = {},
    ): Promise<EncryptedField[]> {
      const local = new Map<string, Buffer>();
      for (const subject of new Set(items.map((i) => i.subject))) {
        const hit = cache.get(subject);
        if (hit) local.set(subject, hit); // taken now: it may expire while the inserts below run
      }
      const groups = new Map(items.map((i) => [i.subject, i.group]));
      const fresh = [...groups.keys()].filter((s) => !local.has(s)).map((subject) => newDataKey(keyring, subject, groups.get(subject)));
      let existing: number[] = [];
      if (fresh.length)
        try {
          await keys.insertMany(
            fresh.map((f) => f.doc),
            { ordered: false },
          );
        } catch (error) {
          existing = duplicateIndexes(error);
        }
      const created = fresh.filter((_f, i) => !existing.includes(i));
      created.forEach((f) => local.set(f.doc._id, f.key));
      if (opts.cache) created.forEach((f) => cache.remember(f.doc._id, f.key));
      for (const i of existing) local.set(fresh[i]!.doc._id, await dataKey(fresh[i]!.doc._id, true));
      return items.map((i) => ({
        ...seal(local.get(i.subject)!, i.subject, Buffer.from(i.value, 'utf8'), `${i.subject}:${i.field}`),
        subject: i.subject,
      }));
    },
    async decrypt(field: string, sealed: EncryptedField): Promise<string> {
      return open(await dataKey(sealed.subject, false), sealed, `${sealed.subject}:${field}`).toString('utf8');
    },
    /**
     * The person key of a subject (derived from its data key, see `derivePersonKey`): what events and
     * other services' stores seal a person's data with. `create` makes the data key when there is none
     * (a new person's first event); otherwise a missing key is CRYPTO.ERASED (410).
     */
    async personKey(subject: string, create = false): Promise<Buffer> {
      return derivePersonKey(await dataKey(subject, create), subject);
    },
    /**
     * Answers `POST /person-keys/lookup`: the person keys of those who have a data key, and who has
     * none (erased). Point reads, 20 at a time: on FerretDB one `$in` of 500 ids took twice as long.
     */
    async lookupPersonKeys(subjects: string[]): Promise<PersonKeyLookup> {
      const out: PersonKeyLookup = { keys: [], erased: [] };
      const queue = [...new Set(subjects)];
      const worker = async () => {
        for (let s = queue.shift(); s !== undefined; s = queue.shift()) {
          try {
            out.keys.push({ person: s, key: derivePersonKey(await dataKey(s, false), s).toString('base64url') });
          } catch (error) {
            if ((error as { code?: string }).code !== 'CRYPTO.ERASED') throw error;
            out.erased.push(s);
          }
        }
      };
      await Promise.all(Array.from({ length: Math.min(20, queue.length) }, worker));
      return out;
    },
    /**
     * Every subject's data key in subject order, after `after`, from one cursor: a job that opens
     * everyone (re-screening) joins this with its own rows in the same order instead of reading the
     * keys one by one (FerretDB scans for every point read but an insert). Keys read here are not cached.
     */
    async *scanKeys(after = ''): AsyncGenerator<{ subject: string; key: Buffer }> {
      const cursor = keys
        .find({ ...(after ? { _id: { $gt: after } } : {}), wrapped: { $exists: true } })
        .sort({ _id: 1 })
        .batchSize(1000);
      try {
        for await (const doc of cursor) yield { subject: doc._id, key: unwrap(doc as LiveKeyDoc) };
      } finally {
        await cursor.close();
      }
    },
    /**
     * The data keys of every live subject filed under `group`, from one equality read on an indexed
     * field (FerretDB v1 answers `$in` by scanning the collection, and a point read per subject costs
     * a round trip each: 10,000 of them for a rotation's roll). Subjects erased have no key here;
     * subjects whose key predates groups, or sits in another group, are not in it either: the caller
     * opens those one by one (`decrypt`), which also tells erased from missing. Not cached.
     */
    async groupKeys(group: string): Promise<Map<string, Buffer>> {
      const docs = await keys.find({ group }, { projection: { wrapped: 1 } }).toArray();
      return new Map(docs.filter((d): d is LiveKeyDoc => Boolean(d.wrapped)).map((d) => [d._id, unwrap(d)]));
    },
    /** Decrypts with a data key from `scanKeys` or `groupKeys` (no lookup); throws when key, subject, field or a bit differs. */
    decryptWith(key: Buffer, field: string, sealed: EncryptedField): string {
      return open(key, sealed, `${sealed.subject}:${field}`).toString('utf8');
    },
    /**
     * Crypto-shredding: the subject's fields can never be decrypted again — here at once, in other
     * processes once their cached copy expires (`keyCacheMs`).
     */
    async shred(subject: string): Promise<boolean> {
      cache.shred(subject);
      return shredDataKey(keys, subject);
    },
    /** Re-wraps every data key still wrapped by an older key-encryption key; returns how many. */
    async rewrapAll(batch = 500): Promise<number> {
      let done = 0;
      for (;;) {
        const stale = (await keys
          .find({ wrapped: { $exists: true }, 'wrapped.kid': { $ne: keyring.primary } })
          .limit(batch)
          .toArray()) as LiveKeyDoc[];
        if (!stale.length) return done;
        for (const doc of stale) {
          const wrapped = seal(keyring.keys.get(keyring.primary)!, keyring.primary, unwrap(doc), `data-key:${doc._id}`);
          // Only the rotation job writes here, one document at a time; the filter skips already re-wrapped keys.
          await keys.updateOne({ _id: doc._id, 'wrapped.kid': doc.wrapped.kid }, { $set: { wrapped } });
          done++;
        }
      }
    },
    /**
     * Keyed hash for exact lookups on an encrypted value (a blind index): equal inputs give equal
     * indexes, and without the key nobody can test a guess.
     */
    blindIndex(value: string): string {
      if (!options.blindIndexKey) throw new Error('No blind-index key configured');
      return createHmac('sha256', options.blindIndexKey)
        .update(
          value
            .normalize('NFKC')
            .toUpperCase()
            .replace(/[\s/-]+/g, ''),
          'utf8',
        )
        .digest('base64url')
        .slice(0, 32);
    },
  };
}

export type FieldCipher = ReturnType<typeof createFieldCipher>;

/** A person-key source over this process's own cipher (intake, the key authority, and tests). */
export function localPersonKeys(cipher: Pick<FieldCipher, 'personKey'>, options: { create?: boolean } = {}): PersonKeySource {
  return {
    key: async (personId) => {
      try {
        return await cipher.personKey(personId, options.create ?? false);
      } catch (error) {
        if ((error as { code?: string }).code === 'CRYPTO.ERASED') throw erasedError(personId);
        throw error;
      }
    },
  };
}
