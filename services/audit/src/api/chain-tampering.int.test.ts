import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Collection } from 'mongodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vetting/platform';
import { hashEntry, type AuditEntry } from '../domain/hash-chain';
import { createVerifyPool } from '../data/verify-pool';
import { verifyChain } from '../use-cases/verify-chain.use-case';
import { candidateStory, publish, startAuditForTest, untilHead } from '../testing/audit-fixture';

type Doc = Omit<AuditEntry, 'seq'> & { _id: number };

/**
 * Tampering with the stored chain directly in the real database (as someone with database access
 * would), then asking the service to verify. Each test undoes its change, so the next starts from
 * an intact chain of 13 entries whose head is signed in a checkpoint.
 */
/** A value the entry's outcome surely did not have: which event lands at a given seq depends on consumption order. */
const tampered = (doc: Doc) => ((doc.data as { outcome?: string }).outcome === 'cleared' ? 'not-cleared' : 'cleared');

describe('audit chain tampering (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startAuditForTest>>;
  let docs: () => Collection<Doc>;
  const original = new Map<number, Doc>();
  // Worker threads verifying segments of two entries: every verification below is also made this
  // way and must name the same entry, so the parallel path is held to every tampering too.
  const pool = createVerifyPool(2);
  const verify = async (query = '') => {
    const viaApi = (await request(t.audit.app).get(`/chain/verify${query}`).set('authorization', t.auditor).expect(200)).body;
    const range = Object.fromEntries([...new URLSearchParams(query)].map(([k, v]) => [k, Number(v)]));
    expect(await verifyChain({ ...t.audit.verify, pool, segmentSize: 2 }, range)).toEqual(viaApi);
    return viaApi;
  };

  beforeAll(async () => {
    t = await startAuditForTest();
    const listRead = createEvent('intake', { type: 'access.recorded', subject: 'list', data: { actor: 'gh-office', role: 'tcc-officer', subjectId: 'list', subjectIds: ['c-a', 'c-b'], resource: 'candidates', purpose: 'list' } });
    await publish(t.env, [...candidateStory('c-a', 'GH', new Date('2026-02-01T10:00:00Z')), ...candidateStory('c-b', 'NP', new Date('2026-05-01T10:00:00Z')), listRead]);
    await untilHead(t.audit, 13);
    await t.audit.scheduler.checkpointNow();
    docs = () => t.audit.repository.collection as never;
    for (const doc of await docs().find({}).toArray()) original.set(doc._id, doc);
  });
  afterAll(async () => {
    await pool.close();
    await t?.audit.stop();
  });

  async function restore() {
    await docs().deleteMany({});
    await docs().insertMany([...original.values()]);
    expect((await verify()).ok).toBe(true);
  }

  it('when nothing was touched, then the whole chain verifies up to its latest signed checkpoint', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: 13, headSeq: 13, checkpoints: { latest: { seq: 13 }, invalid: [] } });
    expect(result.checkpoints.valid).toBeGreaterThanOrEqual(1);
  });

  it('when an entry is edited in the database, then that exact entry is reported', async () => {
    await docs().updateOne({ _id: 4 }, { $set: { 'data.outcome': tampered(original.get(4)!) } });
    expect((await verify()).firstBroken).toMatchObject({ seq: 4, reason: 'hash-mismatch' });
    await restore();
  });

  it('when an entry is edited and its hash recomputed, then the link of the next entry breaks there', async () => {
    const { _id, hash: _h, ...rest } = original.get(4)!;
    const body = { seq: _id, ...rest, data: { ...rest.data, outcome: tampered(original.get(4)!) } };
    await docs().replaceOne({ _id: 4 }, { ...rest, data: body.data, hash: hashEntry(body) });
    expect((await verify()).firstBroken).toMatchObject({ seq: 5, reason: 'prev-hash-mismatch' });
    await restore();
  });

  it('when an entry is deleted, then the gap is reported at that entry', async () => {
    await docs().deleteOne({ _id: 6 });
    expect((await verify()).firstBroken).toMatchObject({ seq: 6, reason: 'sequence-gap' });
    await restore();
  });

  it('when an entry is inserted between two others, then the planted entry is reported', async () => {
    await docs().insertOne({ ...original.get(3)!, _id: 3.5, eventId: 'planted' });
    expect((await verify()).firstBroken).toMatchObject({ seq: 3.5, reason: 'sequence-disorder' });
    await restore();
  });

  // The forged entry is linked and hashed correctly, so it verifies by itself: the break shows where
  // it pushed the original out of its place.
  it('when an entry is inserted and the later ones renumbered, then the first entry pushed out of its place is reported', async () => {
    const { _id: _i, ...forged } = original.get(9)!;
    await docs().deleteMany({ _id: { $gte: 9 } });
    await docs().insertMany([{ ...forged, _id: 9, eventId: 'forged', hash: hashEntry({ seq: 9, ...forged, eventId: 'forged' }) }, ...[...original.values()].filter((d) => d._id >= 9).map((d) => ({ ...d, _id: d._id + 1 }))]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 10, reason: 'hash-mismatch' });
    await restore();
  });

  it('when two entries are swapped, then the first of them is reported', async () => {
    await docs().deleteMany({ _id: { $in: [7, 8] } });
    await docs().insertMany([{ ...original.get(8)!, _id: 7 }, { ...original.get(7)!, _id: 8 }]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 7, reason: 'hash-mismatch' });
    await restore();
  });

  it('when the tail is cut off, then the signed checkpoint exposes the truncation', async () => {
    await docs().deleteMany({ _id: { $gt: 9 } });
    expect((await verify()).firstBroken).toMatchObject({ seq: 10, reason: 'truncated', expectedHead: 13 });
    const cli = await promisify(execFile)('npx', ['tsx', 'src/cli/verify-chain.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, ...t.env.env, AUDIT_CHECKPOINT_DIR: t.checkpointDir, AUTH_JWKS: 'unused' },
    }).catch((error: { code: number; stdout: string }) => error);
    expect(cli).toMatchObject({ code: 1 });
    expect(cli.stdout).toMatch(/BROKEN at entry 10: truncated/);
    await restore();
  }, 180_000);

  it('when a range is verified, then only it is checked and a break inside it is named', async () => {
    expect(await verify('?from=3&to=8')).toMatchObject({ ok: true, checked: 6, fromSeq: 3, headSeq: 8 });
    await docs().updateOne({ _id: 6 }, { $set: { actor: 'someone-else' } });
    expect((await verify('?from=3&to=8')).firstBroken).toMatchObject({ seq: 6, reason: 'hash-mismatch' });
    await restore();
  });

  it('when a range ends after the cut-off tail, then the truncation is reported for the range', async () => {
    await docs().deleteMany({ _id: { $gt: 11 } });
    expect((await verify('?from=8&to=13')).firstBroken).toMatchObject({ seq: 12, reason: 'truncated', expectedHead: 13 });
    await restore();
  });
});
