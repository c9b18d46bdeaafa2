import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Collection } from 'mongodb';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEvent } from '@vetting/platform';
import { entryOfLine, lineOf, linesOf } from '../domain/entry-line';
import { hashEntry, type AuditEntry } from '../domain/hash-chain';
import { createVerifyPool } from '../data/verify-pool';
import { verifyChain } from '../use-cases/verify-chain.use-case';
import { candidateStory, publish, startAuditForTest, untilHead } from '../testing/audit-fixture';

type Block = { _id: number; lines: string };

/**
 * Tampering with the stored chain directly in the real database (as someone with database access
 * would): the entries' lines inside their block documents are edited, deleted, planted, swapped or
 * cut, then the service is asked to verify. Each test undoes its change, so the next starts from
 * an intact chain of 13 entries whose head is signed in a checkpoint.
 */
/** A value the entry's outcome surely did not have: which event lands at a given seq depends on consumption order. */
const tampered = (entry: AuditEntry) => ((entry.data as { outcome?: string }).outcome === 'cleared' ? 'not-cleared' : 'cleared');
const sealed = (body: Omit<AuditEntry, 'hash'>): AuditEntry => ({ ...body, hash: hashEntry(body) });

describe('audit chain tampering (real Kafka and database)', () => {
  let t: Awaited<ReturnType<typeof startAuditForTest>>;
  let blocks: () => Collection<Block>;
  let original: Block[] = [];
  const entry = (seq: number) =>
    original
      .flatMap((b) => linesOf(b.lines))
      .map(entryOfLine)
      .find((e) => e.seq === seq)!;
  /** Changes the lines of the block holding `seq` (`at` = that entry's line) and stores the block. */
  async function editBlockOf(seq: number, change: (lines: string[], at: number) => void) {
    const { _id } = original.find((b) => linesOf(b.lines).some((l) => entryOfLine(l).seq === seq))!;
    const block = (await blocks().findOne({ _id }))!; // as it is now: two edits may touch one block
    const lines = linesOf(block.lines);
    change(
      lines,
      lines.findIndex((l) => entryOfLine(l).seq === seq),
    );
    await blocks().updateOne({ _id: block._id }, { $set: { lines: lines.join('\n') } });
  }
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
    const listRead = createEvent('intake', {
      type: 'access.recorded',
      subject: 'list',
      data: {
        actor: 'gh-office',
        role: 'tcc-officer',
        subjectId: 'list',
        subjectIds: ['c-a', 'c-b'],
        resource: 'candidates',
        purpose: 'list',
      },
    });
    await publish(t, [
      ...candidateStory('c-a', 'GH', new Date('2026-02-01T10:00:00Z')),
      ...candidateStory('c-b', 'NP', new Date('2026-05-01T10:00:00Z')),
      listRead,
    ]);
    await untilHead(t.audit, 13);
    await t.audit.scheduler.checkpointNow();
    blocks = () => t.audit.repository.collection as never;
    original = await blocks().find({}).toArray();
  });
  afterAll(async () => {
    await pool.close();
    await t?.audit.stop();
  });

  async function restore() {
    await blocks().deleteMany({});
    await blocks().insertMany(original);
    expect((await verify()).ok).toBe(true);
  }

  it('when nothing was touched, then the whole chain verifies up to its latest signed checkpoint', async () => {
    const result = await verify();
    expect(result).toMatchObject({ ok: true, checked: 13, headSeq: 13, checkpoints: { latest: { seq: 13 }, invalid: [] } });
    expect(result.checkpoints.valid).toBeGreaterThanOrEqual(1);
  });

  it('when an entry is edited in the database, then that exact entry is reported', async () => {
    const edited = { ...entry(4), data: { ...entry(4).data, outcome: tampered(entry(4)) } };
    await editBlockOf(4, (lines, at) => void (lines[at] = lineOf(edited)));
    expect((await verify()).firstBroken).toMatchObject({ seq: 4, reason: 'hash-mismatch' });
    await restore();
  });

  it('when stored bytes of an entry are changed, even in its seq, then that exact entry is reported', async () => {
    await editBlockOf(5, (lines, at) => void (lines[at] = lines[at]!.replace('"seq":5', '"seq":6')));
    expect((await verify()).firstBroken).toMatchObject({ seq: 5, reason: 'hash-mismatch' });
    await restore();
  });

  it('when an entry is edited and its hash recomputed, then the link of the next entry breaks there', async () => {
    const edited = sealed({ ...entry(4), data: { ...entry(4).data, outcome: tampered(entry(4)) } });
    await editBlockOf(4, (lines, at) => void (lines[at] = lineOf(edited)));
    expect((await verify()).firstBroken).toMatchObject({ seq: 5, reason: 'prev-hash-mismatch' });
    await restore();
  });

  it('when an entry is deleted, then the gap is reported at that entry', async () => {
    await editBlockOf(6, (lines, at) => void lines.splice(at, 1));
    expect((await verify()).firstBroken).toMatchObject({ seq: 6, reason: 'sequence-gap' });
    await restore();
  });

  it('when a whole block is deleted, then the gap is reported at its first entry', async () => {
    const first = original.reduce((a, b) => (b._id < a._id ? b : a));
    await blocks().deleteOne({ _id: first._id });
    // 13 entries may have arrived as one batch (one block): then the chain is empty and cut off.
    expect((await verify()).firstBroken).toMatchObject(
      original.length > 1 ? { seq: 1, reason: 'sequence-gap' } : { seq: 1, reason: 'truncated' },
    );
    await restore();
  });

  it('when an entry is inserted between two others, then the planted entry is reported', async () => {
    const planted = sealed({ ...entry(3), seq: 3.5, eventId: 'planted', prevHash: entry(3).hash });
    await editBlockOf(3, (lines, at) => void lines.splice(at + 1, 0, lineOf(planted)));
    expect((await verify()).firstBroken).toMatchObject({ seq: 3.5, reason: 'sequence-disorder' });
    await restore();
  });

  // The forged entry is linked and hashed correctly, so it verifies by itself: the break shows where
  // it pushed the original out of its place.
  it('when an entry is inserted and the later ones renumbered, then the first entry pushed out of its place is reported', async () => {
    const forged = sealed({ ...entry(9), eventId: 'forged' });
    const renumbered = (line: string) => {
      const e = entryOfLine(line);
      return e.seq >= 9 ? lineOf({ ...e, seq: e.seq + 1 }) : line;
    };
    for (const block of original) {
      const lines = linesOf(block.lines).map(renumbered);
      const at = linesOf(block.lines).findIndex((l) => entryOfLine(l).seq === 9);
      if (at >= 0) lines.splice(at, 0, lineOf(forged));
      await blocks().updateOne({ _id: block._id }, { $set: { lines: lines.join('\n') } });
    }
    expect((await verify()).firstBroken).toMatchObject({ seq: 10, reason: 'hash-mismatch' });
    await restore();
  });

  it('when two entries are swapped, then the first of them is reported', async () => {
    const [seven, eight] = [lineOf(entry(7)), lineOf(entry(8))];
    const blockOf = (seq: number) => original.find((b) => linesOf(b.lines).some((l) => entryOfLine(l).seq === seq))!._id;
    if (blockOf(7) === blockOf(8)) await editBlockOf(7, (lines, at) => void ([lines[at], lines[at + 1]] = [eight, seven]));
    else {
      await editBlockOf(7, (lines, at) => void (lines[at] = eight));
      await editBlockOf(8, (lines, at) => void (lines[at] = seven));
    }
    expect((await verify()).firstBroken).toMatchObject({ seq: 7, reason: 'sequence-gap' });
    await restore();
  });

  it('when the tail is cut off, then the signed checkpoint exposes the truncation', async () => {
    for (const block of original) {
      const kept = linesOf(block.lines).filter((l) => entryOfLine(l).seq <= 9);
      if (kept.length === 0) await blocks().deleteOne({ _id: block._id });
      else await blocks().updateOne({ _id: block._id }, { $set: { lines: kept.join('\n') } });
    }
    expect((await verify()).firstBroken).toMatchObject({ seq: 10, reason: 'truncated', expectedHead: 13 });
    const cli = await promisify(execFile)('npx', ['tsx', 'src/cli/verify-chain.ts'], {
      cwd: new URL('../..', import.meta.url).pathname,
      env: { ...process.env, ...t.env.env, AUDIT_CHECKPOINT_DIR: t.checkpointDir, AUTH_JWKS: 'unused' },
    }).catch((error: { code: number; stdout: string }) => error);
    expect(cli).toMatchObject({ code: 1 });
    expect(cli.stdout).toMatch(/BROKEN at entry 10: truncated/);
    await restore();
  }, 180_000);

  it('when an index row is edited, then the chain still verifies but the index check names that entry', async () => {
    const index = t.audit.repository.index;
    const row = (await index.findOne({ _id: 5 }))!;
    await index.updateOne({ _id: 5 }, { $set: { subject: 'someone-else' } });
    expect(await verifyChain(t.audit.verify)).toMatchObject({ ok: true });
    expect(await verifyChain(t.audit.verify, {}, { index: true })).toMatchObject({
      ok: false,
      firstBroken: { seq: 5, reason: 'index-mismatch' },
    });
    await index.replaceOne({ _id: 5 }, row);
    expect(await verifyChain(t.audit.verify, {}, { index: true })).toMatchObject({ ok: true });
  });

  it('when a range is verified, then only it is checked and a break inside it is named', async () => {
    expect(await verify('?from=3&to=8')).toMatchObject({ ok: true, checked: 6, fromSeq: 3, headSeq: 8 });
    await editBlockOf(6, (lines, at) => void (lines[at] = lineOf({ ...entry(6), actor: 'someone-else' })));
    expect((await verify('?from=3&to=8')).firstBroken).toMatchObject({ seq: 6, reason: 'hash-mismatch' });
    await restore();
  });

  it('when a range ends after the cut-off tail, then the truncation is reported for the range', async () => {
    for (const block of original) {
      const kept = linesOf(block.lines).filter((l) => entryOfLine(l).seq <= 11);
      if (kept.length === 0) await blocks().deleteOne({ _id: block._id });
      else await blocks().updateOne({ _id: block._id }, { $set: { lines: kept.join('\n') } });
    }
    expect((await verify('?from=8&to=13')).firstBroken).toMatchObject({ seq: 12, reason: 'truncated', expectedHead: 13 });
    await restore();
  });
});
