import type { Connection } from 'mongoose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectMongo, createLogger } from '@vetting/platform';
import { createTestServiceEnv } from '@vetting/platform/testing';
import type { DedupeKey } from '../domain/dedupe-keys';
import { createKeyRepository, type KeyRepository } from './key.repository';

const scope = 'GH|MINUSCA|R-KEYS';
const doc = (v: string): DedupeKey => ({ key: `${scope}|doc|${v}`, kind: 'document-number' });
const svc = (v: string): DedupeKey => ({ key: `${scope}|svc|${v}`, kind: 'service-number' });
const name = (v: string): DedupeKey => ({ key: `${scope}|name|${v}`, kind: 'name-and-date-of-birth' });

describe('dedupe key claims (real database)', () => {
  let db: Connection;
  let keys: KeyRepository;
  let cleanup: () => Promise<void>;

  beforeAll(async () => {
    const env = await createTestServiceEnv('intake');
    cleanup = env.cleanup;
    db = await connectMongo({ url: env.env.MONGO_URL!, dbName: env.env.MONGO_DB!, logger: createLogger('test', 'silent') });
    keys = createKeyRepository(db);
    await keys.ensureIndexes();
  });
  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
    await cleanup?.();
  });

  it('when a person is claimed, then one document holds a key of each kind, and a second name goes into a second one', async () => {
    expect(await keys.claim([{ scope, candidateId: 'c-1', keys: [doc('P1'), svc('S1'), name('N1'), name('N1b')] }])).toEqual(new Map());
    const docs = await db.collection('candidate_keys').find({ candidateId: 'c-1' }).sort({ _id: 1 }).toArray();
    expect(docs.map(({ claimedAt: _c, ...d }) => d)).toEqual([
      { _id: doc('P1').key, candidateId: 'c-1', scope, doc: doc('P1').key, svc: svc('S1').key, name: name('N1').key },
      { _id: name('N1b').key, candidateId: 'c-1', scope, name: name('N1b').key },
    ]);
    expect(await keys.owners(scope)).toEqual(new Map([doc('P1'), svc('S1'), name('N1'), name('N1b')].map((k) => [k.key, 'c-1'])));
  });

  it('when another candidate claims any one of those keys, then it learns the owner and holds none of its other keys', async () => {
    const taken = await keys.claim([{ scope, candidateId: 'c-2', keys: [doc('P2'), svc('S1'), name('N2')] }]);
    expect(taken).toEqual(new Map([[svc('S1').key, 'c-1']]));
    expect(await db.collection('candidate_keys').countDocuments({ candidateId: 'c-2' })).toBe(0);
  });

  it('when a candidate claims keys it partly holds already (a resumed upload, a correction), then only the new ones are added and nothing conflicts', async () => {
    expect(await keys.claim([{ scope, candidateId: 'c-1', keys: [doc('P1'), svc('S1'), name('N1-new')] }])).toEqual(new Map());
    expect((await keys.owners(scope)).get(name('N1-new').key)).toBe('c-1');
  });

  it('when two nominations of the same person claim at once, then exactly one wins every key', async () => {
    const person = [doc('P9'), svc('S9'), name('N9')];
    const results = await Promise.all(['c-a', 'c-b', 'c-c'].map((candidateId) => keys.claim([{ scope, candidateId, keys: person }])));
    expect(results.filter((taken) => taken.size === 0)).toHaveLength(1);
    const owners = await keys.owners(scope);
    expect(new Set(person.map((k) => owners.get(k.key))).size).toBe(1);
  });

  it('when keys are released, then another candidate can claim them', async () => {
    await keys.release('c-1', [name('N1-new').key]);
    expect(await keys.claim([{ scope, candidateId: 'c-3', keys: [name('N1-new')] }])).toEqual(new Map());
    expect(await keys.releaseAll('c-3')).toBe(1);
  });
});
