import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongo, createEvent, createLogger, type EventEnvelope } from '@vetting/platform';
import { randomName, testInfra } from '@vetting/platform/testing';
import { verifyEntriesAsync } from '../domain/chain-verifier';
import { createAuditEntryRepository } from './audit-entry.repository';
import { createChainAppender } from './chain-appender';

const logger = createLogger('test', 'silent');
const events = (n: number, tag: string): EventEnvelope[] =>
  Array.from({ length: n }, (_, i) => createEvent('references', { type: 'reference.check-requested', subject: `c-${tag}-${i}`, data: { candidateId: `c-${tag}-${i}`, country: 'GH', checkId: `k-${i}`, checkType: 'prior-employer' } }));

describe('chain appender (real database)', () => {
  let db: Connection;
  beforeAll(async () => {
    db = await connectMongo({ url: (await testInfra()).mongoUrl, dbName: randomName('t_audit_appender').replace(/-/g, '_'), logger });
  });
  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  it('when a batch is redelivered mixed with new events, then each event is stored once and the chain verifies', async () => {
    const repository = createAuditEntryRepository(db.useDb(randomName('t_audit_a').replace(/-/g, '_')));
    await repository.ensureIndexes();
    const appender = createChainAppender(repository, logger, { maxBatch: 7 });
    const first = events(10, 'a');
    expect(await appender.appendMany(first)).toEqual(Array(10).fill('appended'));
    const again = [...first.slice(3, 6), ...events(4, 'b'), first[0]!, first[0]!];
    // A fresh appender (a restarted process) that does not know the head yet.
    const restarted = createChainAppender(repository, logger, { maxBatch: 50 });
    expect(await restarted.appendMany(again)).toEqual(['duplicate', 'duplicate', 'duplicate', 'appended', 'appended', 'appended', 'appended', 'duplicate', 'duplicate']);
    const result = await verifyEntriesAsync(repository.range());
    expect(result).toMatchObject({ ok: true, checked: 14, headSeq: 14 });
  });

  it('when two instances append at the same time, then the chain stays one line with every event once', async () => {
    const dbName = randomName('t_audit_b').replace(/-/g, '_');
    const repository = createAuditEntryRepository(db.useDb(dbName));
    await repository.ensureIndexes();
    const one = createChainAppender(repository, logger, { maxBatch: 5 });
    // A second process: its own repository (and head) over the same database.
    const two = createChainAppender(createAuditEntryRepository(db.useDb(dbName, { useCache: false })), logger, { maxBatch: 5 });
    const [a, b] = [events(20, 'one'), events(20, 'two')];
    await Promise.all([one.appendMany(a), two.appendMany(b)]);
    const result = await verifyEntriesAsync(repository.range());
    expect(result).toMatchObject({ ok: true, checked: 40, headSeq: 40 });
  }, 120_000);
});
