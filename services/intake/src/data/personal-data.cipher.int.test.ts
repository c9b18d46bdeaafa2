import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo, createLogger } from '@vetting/platform';
import { createTestServiceEnv } from '@vetting/platform/testing';
import { createPersonalCipher } from './personal-data.cipher';

const data = { person: { names: [{ full: 'Abena Owusu' }], dateOfBirth: '1990-04-02' } };

describe('personal data sealed in its compact form (real database)', () => {
  let db: Connection;
  const keysDir = mkdtempSync(`${tmpdir()}/intake-keys-`);

  beforeAll(async () => {
    const env = await createTestServiceEnv('intake');
    db = await connectMongo({ url: env.env.MONGO_URL!, dbName: env.env.MONGO_DB!, logger: createLogger('test', 'silent') });
  });
  afterAll(async () => {
    await db?.dropDatabase();
    await db?.close();
  });

  it('when a person is sealed, then the stored text names neither the person nor the candidate, and opens only for that candidate', async () => {
    const cipher = createPersonalCipher(db, keysDir);
    const [sealed] = await cipher.sealMany([{ candidateId: 'c-1', data }]);
    expect(sealed).toMatch(/^p1:/);
    expect(sealed).not.toContain('Abena');
    expect(sealed).not.toContain('c-1');
    expect(await cipher.open(sealed, 'c-1')).toEqual(data);
    expect(await cipher.open(await cipher.seal('c-2', data), 'c-2')).toEqual(data);
    await expect(cipher.open(sealed, 'c-2')).rejects.toThrow(); // bound to its candidate: another's id fails authentication
  });
});
