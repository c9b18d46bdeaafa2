import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { createLogger } from '../logging/logger';
import { connectMongo } from '../mongo/connect-mongo';
import { randomName } from '../testing/wait-for';
import { testInfra } from '../testing/test-infra';
import { createFieldCipher } from './field-cipher';
import { loadKeyring, rotateKeyring } from './keyring';

describe('field-level encryption (real database)', () => {
  let db: Connection;
  let keyringFile: string;

  beforeAll(async () => {
    const infra = await testInfra();
    db = await connectMongo({ url: infra.mongoUrl, dbName: randomName('crypto').replace(/-/g, '_'), logger: createLogger('t', 'silent') });
    keyringFile = `${mkdtempSync(`${tmpdir()}/keyring-`)}/keyring.json`;
  });
  afterAll(async () => {
    await db.dropDatabase();
    await db.close();
  });

  it('when a field is encrypted, then only its subject and field decrypt it and the stored form holds no plaintext', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const sealed = await cipher.encrypt('cand-1', 'passport', 'P1234567');
    expect(JSON.stringify(sealed)).not.toContain('P1234567');
    expect(await cipher.decrypt('passport', sealed)).toBe('P1234567');
    await expect(cipher.decrypt('nationalId', sealed)).rejects.toThrow();
    await expect(cipher.decrypt('passport', { ...sealed, subject: 'cand-2' })).rejects.toThrow();
  });

  it('when many subjects are encrypted at once, then each gets its own key, an existing key is reused, and each decrypts only as itself', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const before = await cipher.encrypt('bulk-1', 'passport', 'A1');
    const sealed = await cipher.encryptMany([
      { subject: 'bulk-1', field: 'passport', value: 'A2' },
      { subject: 'bulk-2', field: 'passport', value: 'B1' },
    ]);
    const fresh = createFieldCipher(db, loadKeyring(keyringFile));
    expect(await Promise.all([before, ...sealed].map((s) => fresh.decrypt('passport', s)))).toEqual(['A1', 'A2', 'B1']);
    await expect(fresh.decrypt('passport', { ...sealed[1]!, subject: 'bulk-1' })).rejects.toThrow();
    expect(await fresh.shred('bulk-2')).toBe(true);
    await expect(createFieldCipher(db, loadKeyring(keyringFile)).decrypt('passport', sealed[1]!)).rejects.toMatchObject({
      code: 'CRYPTO.ERASED',
    });
  });

  it('when a group’s keys are read at once, then every live key filed under it comes back in one read, and no erased or other group’s key', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const sealed = await cipher.encryptMany([
      { subject: 'grp-1', field: 'name', value: 'Ama', group: 'GH|R1' },
      { subject: 'grp-2', field: 'name', value: 'Kofi', group: 'GH|R1' },
      { subject: 'grp-3', field: 'name', value: 'Yaw', group: 'GH|R2' },
    ]);
    const single = await cipher.encrypt('grp-4', 'name', 'Esi', 'GH|R1');
    await cipher.encrypt('grp-5', 'name', 'Abena'); // no group: never in one
    expect(await cipher.shred('grp-2')).toBe(true);
    const reader = createFieldCipher(db, loadKeyring(keyringFile), { keyCacheMs: 0 });
    const keys = await reader.groupKeys('GH|R1');
    expect([...keys.keys()].sort()).toEqual(['grp-1', 'grp-4']);
    expect(reader.decryptWith(keys.get('grp-1')!, 'name', sealed[0]!)).toBe('Ama');
    expect(reader.decryptWith(keys.get('grp-4')!, 'name', single)).toBe('Esi');
    // A key opens only its own subject's fields, whatever group it came from.
    expect(() => reader.decryptWith(keys.get('grp-1')!, 'name', sealed[2]!)).toThrow();
    // The erased subject's tombstone keeps no group.
    expect(await db.collection<{ _id: string }>('data_keys').findOne({ _id: 'grp-2' })).not.toHaveProperty('group');
  });

  it('when another process shreds a subject, then a process that cached the key decrypts for at most keyCacheMs more, and never after', async () => {
    let clock = 1_000_000;
    const reader = createFieldCipher(db, loadKeyring(keyringFile), { keyCacheMs: 30_000, now: () => clock });
    const eraser = createFieldCipher(db, loadKeyring(keyringFile));
    const sealed = await eraser.encrypt('cand-ttl', 'passport', 'T1');
    expect(await reader.decrypt('passport', sealed)).toBe('T1'); // cached now
    expect(await eraser.shred('cand-ttl')).toBe(true);
    clock += 29_999;
    expect(await reader.decrypt('passport', sealed)).toBe('T1'); // the stated bound: still inside it
    clock += 1;
    await expect(reader.decrypt('passport', sealed)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
    clock += 60_000;
    await expect(reader.decrypt('passport', sealed)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
  });

  it('when a read races the shred in the same process, then the key it fetched is not cached again', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile), { keyCacheMs: 3_600_000 });
    const sealed = await createFieldCipher(db, loadKeyring(keyringFile)).encrypt('cand-race', 'passport', 'R1');
    const racing = cipher.decrypt('passport', sealed).catch((error: unknown) => error);
    await cipher.shred('cand-race');
    await racing; // either read before the delete or found it gone: both are allowed for the racing read
    await expect(cipher.decrypt('passport', sealed)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
  });

  it('when the cache is off, then a shred elsewhere is seen by the next read', async () => {
    const reader = createFieldCipher(db, loadKeyring(keyringFile), { keyCacheMs: 0 });
    const sealed = await reader.encrypt('cand-nocache', 'passport', 'N1');
    expect(await reader.decrypt('passport', sealed)).toBe('N1');
    await createFieldCipher(db, loadKeyring(keyringFile)).shred('cand-nocache');
    await expect(reader.decrypt('passport', sealed)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
  });

  it('when one bit of the ciphertext changes, then decryption fails instead of returning garbage', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const sealed = await cipher.encrypt('cand-3', 'allegation', 'details');
    const ct = Buffer.from(sealed.ct, 'base64');
    ct[0]! ^= 1;
    await expect(cipher.decrypt('allegation', { ...sealed, ct: ct.toString('base64') })).rejects.toThrow();
  });

  it('when a person’s data key is destroyed, then every field of theirs is gone for good (410) and others are untouched', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const mine = await cipher.encrypt('cand-4', 'passport', 'X1');
    const other = await cipher.encrypt('cand-5', 'passport', 'Y2');
    expect(await cipher.shred('cand-4')).toBe(true);
    const fresh = createFieldCipher(db, loadKeyring(keyringFile));
    await expect(fresh.decrypt('passport', mine)).rejects.toMatchObject({ code: 'CRYPTO.ERASED', status: 410 });
    expect(await fresh.decrypt('passport', other)).toBe('Y2');
  });

  it('when anything is sealed for an erased person afterwards (a late withdrawal, an event), then it is refused: no fresh key brings them back', async () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile));
    const before = await cipher.encrypt('cand-late', 'name', 'Ama');
    expect(await cipher.shred('cand-late')).toBe(true);
    await expect(cipher.encrypt('cand-late', 'reason', 'withdrawn')).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
    await expect(cipher.personKey('cand-late', true)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
    await expect(cipher.encryptMany([{ subject: 'cand-late', field: 'name', value: 'Ama' }])).rejects.toMatchObject({
      code: 'CRYPTO.ERASED',
    });
    // The earlier field stays erased (410), not a broken seal.
    await expect(createFieldCipher(db, loadKeyring(keyringFile)).decrypt('name', before)).rejects.toMatchObject({ code: 'CRYPTO.ERASED' });
    expect(await cipher.shred('cand-late')).toBe(false);
  });

  it('when the keyring rotates, then data keys are re-wrapped and old fields still decrypt after the old key is retired', async () => {
    const before = createFieldCipher(db, loadKeyring(keyringFile));
    const sealed = await before.encrypt('cand-6', 'reference', 'no adverse information');
    const oldPrimary = loadKeyring(keyringFile).primary;
    rotateKeyring(keyringFile);
    const rotated = createFieldCipher(db, loadKeyring(keyringFile));
    expect(await rotated.rewrapAll()).toBeGreaterThan(0);
    const file = JSON.parse(readFileSync(keyringFile, 'utf8'));
    delete file.keys[oldPrimary];
    writeFileSync(keyringFile, JSON.stringify(file));
    const retired = createFieldCipher(db, loadKeyring(keyringFile));
    expect(await retired.decrypt('reference', sealed)).toBe('no adverse information');
  });

  it('when values differ only in spacing or case, then their blind index is the same; different values differ', () => {
    const cipher = createFieldCipher(db, loadKeyring(keyringFile), { blindIndexKey: Buffer.alloc(32, 7) });
    expect(cipher.blindIndex('ab 12-345')).toBe(cipher.blindIndex('AB12345'));
    expect(cipher.blindIndex('AB12345')).not.toBe(cipher.blindIndex('AB12346'));
  });
});
