import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongo, createEvent, createLogger, type EventEnvelope } from '@vetting/platform';
import { randomName, testInfra } from '@vetting/platform/testing';
import { verifyEntriesAsync } from '../domain/chain-verifier';
import { createAuditEntryRepository } from './audit-entry.repository';
import { entryFromEvent } from '../domain/entry-from-event';
import { GENESIS_HASH } from '../domain/hash-chain';
import { createChainAppender } from './chain-appender';
import { verifyRawStream } from './verify-raw-stream';

/** The audit digest key of these runs (a real one is a secret file in AUDIT_KEY_DIR). */
const DIGEST_KEY = Buffer.alloc(32, 1);

const logger = createLogger('test', 'silent');
const events = (n: number, tag: string): EventEnvelope[] =>
  Array.from({ length: n }, (_, i) =>
    createEvent('references', {
      type: 'reference.check-requested',
      subject: `c-${tag}-${i}`,
      data: { candidateId: `c-${tag}-${i}`, country: 'GH', checkId: `k-${i}`, checkType: 'prior-employer' },
    }),
  );

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
    const appender = createChainAppender(repository, logger, { digestKey: DIGEST_KEY, maxBatch: 7 });
    const first = events(10, 'a');
    expect(await appender.appendMany(first)).toEqual(Array(10).fill('appended'));
    const again = [...first.slice(3, 6), ...events(4, 'b'), first[0]!, first[0]!];
    // A fresh appender (a restarted process) that does not know the head yet.
    const restarted = createChainAppender(repository, logger, { digestKey: DIGEST_KEY, maxBatch: 50 });
    expect(await restarted.appendMany(again)).toEqual([
      'duplicate',
      'duplicate',
      'duplicate',
      'appended',
      'appended',
      'appended',
      'appended',
      'duplicate',
      'duplicate',
    ]);
    const result = await verifyEntriesAsync(repository.range());
    expect(result).toMatchObject({ ok: true, checked: 14, headSeq: 14 });
  });

  it('when three writers race with small batches and redeliveries, then the chain has no gap, no fork and every event once', async () => {
    const dbName = randomName('t_audit_b').replace(/-/g, '_');
    const repository = createAuditEntryRepository(db.useDb(dbName));
    await repository.ensureIndexes();
    // Separate processes: each its own repository (and head) over the same database.
    const writers = [repository, ...[1, 2].map(() => createAuditEntryRepository(db.useDb(dbName, { useCache: false })))].map((r, i) =>
      createChainAppender(r, logger, { digestKey: DIGEST_KEY, maxBatch: 3 + i * 2 }),
    );
    const sets = [events(60, 'one'), events(60, 'two'), events(60, 'three')];
    // Each writer also gets some of another writer's events again (a rebalance redelivers them).
    await Promise.all(writers.map((w, i) => Promise.all([w.appendMany(sets[i]!), w.appendMany(sets[(i + 1) % 3]!.slice(10, 25))])));
    const result = await verifyRawStream(repository.rawRange(), {
      start: { seq: 1, prevHash: GENESIS_HASH },
      checkpoints: new Map(),
      expectedHead: 180,
    });
    expect(result).toMatchObject({ ok: true, checked: 180, headSeq: 180 });
    const stored = [];
    for await (const entry of repository.range()) stored.push(entry.eventId);
    expect(new Set(stored).size).toBe(180);
    expect(await repository.index.countDocuments({})).toBe(180);
  }, 300_000);

  it('when a writer died between storing its block and indexing it, then the next writer indexes it', async () => {
    const repository = createAuditEntryRepository(db.useDb(randomName('t_audit_c').replace(/-/g, '_')));
    await repository.ensureIndexes();
    const first = createChainAppender(repository, logger, { digestKey: DIGEST_KEY });
    await first.appendMany(events(3, 'x'));
    const [orphan] = events(1, 'orphan');
    const head = first.currentHead()!;
    const last = (await repository.lastBlock())!.block;
    await repository.insertBlock(last + 1, [entryFromEvent(orphan!, head.seq + 1, head.hash, DIGEST_KEY)]); // …and the process died here
    const next = createChainAppender(repository, logger, { digestKey: DIGEST_KEY });
    expect(await next.appendMany([orphan!, ...events(2, 'y')])).toEqual(['duplicate', 'appended', 'appended']);
    // A writer that is running when the other dies finds the block while catching up, and indexes it once it is old enough.
    const [late] = events(1, 'late');
    const top = next.currentHead()!;
    const running = createChainAppender(repository, logger, { digestKey: DIGEST_KEY, repairAfterMs: 0 });
    await running.appendMany(events(1, 'z')); // loads the head now
    await repository.insertBlock((await repository.lastBlock())!.block + 1, [
      entryFromEvent(late!, top.seq + 2, (await repository.head())!.hash, DIGEST_KEY),
    ]);
    await running.appendMany(events(1, 'w')); // loses the block race, catches up, repairs
    expect((await repository.aboutSubject(late!.subject)).map((e) => e.eventId)).toEqual([late!.id]);
    expect((await repository.aboutSubject(orphan!.subject)).map((e) => e.seq)).toEqual([4]);
    expect(await verifyEntriesAsync(repository.range())).toMatchObject({ ok: true, checked: 9 });
  });
});
