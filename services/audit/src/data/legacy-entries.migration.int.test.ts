import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connection } from 'mongoose';
import { connectMongo, createEvent, createLogger } from '@vetting/platform';
import { randomName, testInfra } from '@vetting/platform/testing';
import { entryFromEvent } from '../domain/entry-from-event';
import { GENESIS_HASH, type AuditEntry } from '../domain/hash-chain';
import { createAuditEntryRepository } from './audit-entry.repository';
import { createChainAppender } from './chain-appender';
import { migrateLegacyEntries } from './legacy-entries.migration';
import { verifyRawStream } from './verify-raw-stream';

/** The audit digest key of these runs (a real one is a secret file in AUDIT_KEY_DIR). */
const DIGEST_KEY = Buffer.alloc(32, 1);

const logger = createLogger('test', 'silent');

/** A chain as the previous version stored it: one document per entry, `_id` = seq. */
function legacyChain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let head = { seq: 0, hash: GENESIS_HASH };
  for (let i = 0; i < n; i++) {
    const event = createEvent('references', {
      type: 'reference.check-requested',
      subject: `c-${i % 3}`,
      data: { candidateId: `c-${i % 3}`, country: 'GH', checkId: `k-${i}`, checkType: 'prior-employer' },
    });
    head = entryFromEvent(event, head.seq + 1, head.hash, DIGEST_KEY);
    out.push(head as AuditEntry);
  }
  return out;
}

describe('moving a chain of the previous version into blocks (real database)', () => {
  let db: Connection;
  beforeAll(async () => {
    db = await connectMongo({ url: (await testInfra()).mongoUrl, dbName: randomName('t_audit_legacy').replace(/-/g, '_'), logger });
  });
  afterAll(async () => {
    await db?.dropDatabase().catch(() => undefined);
    await db?.close();
  });

  const verify = (repository: ReturnType<typeof createAuditEntryRepository>, expectedHead: number) =>
    verifyRawStream(repository.rawRange(), {
      start: { seq: 1, prevHash: GENESIS_HASH },
      checkpoints: new Map(),
      expectedHead,
      segmentSize: 4,
    });

  it('when the old entries are moved, then the chain verifies with the same hashes, is queried as before and grows from its head', async () => {
    const scoped = db.useDb(randomName('t_audit_l1').replace(/-/g, '_'));
    const entries = legacyChain(25);
    await scoped.collection('audit_entries').insertMany(entries.map(({ seq, ...rest }) => ({ _id: seq, ...rest })) as never[]);
    const repository = createAuditEntryRepository(scoped);
    await repository.ensureIndexes();
    expect(await migrateLegacyEntries(scoped, repository, logger, 10)).toBe(25);
    expect(await migrateLegacyEntries(scoped, repository, logger, 10)).toBe(0); // once only
    expect(await verify(repository, 25)).toMatchObject({ ok: true, checked: 25, headHash: entries[24]!.hash });
    expect((await repository.aboutSubject('c-1')).map((e) => e.seq)).toEqual([2, 5, 8, 11, 14, 17, 20, 23]);
    const appender = createChainAppender(repository, logger, { digestKey: DIGEST_KEY });
    await appender.appendMany([
      createEvent('intake', {
        type: 'access.recorded',
        subject: 'c-1',
        data: { actor: 'a', role: 'auditor', subjectId: 'c-1', resource: 'candidate', purpose: 'audit' },
      }),
    ]);
    expect(await verify(repository, 26)).toMatchObject({ ok: true, checked: 26 });
  });

  it('when an old entry was edited before the move, then it still fails at that entry', async () => {
    const scoped = db.useDb(randomName('t_audit_l2').replace(/-/g, '_'));
    const entries = legacyChain(12);
    entries[6] = { ...entries[6]!, subject: 'someone-else' };
    await scoped.collection('audit_entries').insertMany(entries.map(({ seq, ...rest }) => ({ _id: seq, ...rest })) as never[]);
    const repository = createAuditEntryRepository(scoped);
    await repository.ensureIndexes();
    await migrateLegacyEntries(scoped, repository, logger, 5);
    expect((await verify(repository, 12)).firstBroken).toMatchObject({ seq: 7, reason: 'hash-mismatch' });
  });
});
