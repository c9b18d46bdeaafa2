import { connectMongo, createLogger } from '@vetting/platform';
import { randomName, testInfra } from '@vetting/platform/testing';
import { entryFromEvent } from '../src/domain/entry-from-event';
import { createAuditEntryRepository } from '../src/data/audit-entry.repository';
import { createChainAppender } from '../src/data/chain-appender';
import { createVerifyPool } from '../src/data/verify-pool';
import { packRaw } from '../src/data/raw-entry';
import { verifyRawStream } from '../src/data/verify-raw-stream';
import { syntheticEvent } from './synthetic-events';

/** The audit digest key of these runs (a real one is a secret file in AUDIT_KEY_DIR). */
const DIGEST_KEY = Buffer.alloc(32, 1);

export interface DatabaseBenchOptions {
  /** Entries appended through the service's batching appender (sustained append rate). */
  appendEntries: number;
  appendBatch: number;
  /** The chain is then grown with pre-linked blocks up to this size or until the time budget is spent. */
  targetEntries: number;
  seedSeconds: number;
  seedBatch: number;
  workers: number;
  segmentSize: number;
}

const perSecond = (n: number, ms: number) => Math.round(n / (ms / 1000));

/**
 * Against the real database: sustained append through the appender (one block and its index rows
 * per batch), then the same number of entries by two appenders at once (the final verification
 * proves they left one chain without a gap); seeding a large chain fast (pre-linked blocks of `seedBatch` entries, no index rows,
 * as far as the time budget allows); then the service's verification path over it (raw blocks
 * streamed, the worker pool) and, as the yardstick, a bare raw scan of the same blocks.
 */
export async function benchDatabase(o: DatabaseBenchOptions) {
  const infra = await testInfra();
  const logger = createLogger('audit-bench', 'warn');
  const db = await connectMongo({ url: infra.mongoUrl, dbName: randomName('bench_audit').replace(/-/g, '_'), logger });
  const pool = createVerifyPool(o.workers);
  try {
    const repository = createAuditEntryRepository(db);
    await repository.ensureIndexes();
    const appender = createChainAppender(repository, logger, { digestKey: DIGEST_KEY, maxBatch: o.appendBatch });
    const t0 = performance.now();
    for (let start = 0; start < o.appendEntries; start += o.appendBatch * 4) {
      await appender.appendMany(
        Array.from({ length: Math.min(o.appendBatch * 4, o.appendEntries - start) }, (_, k) => syntheticEvent(start + k)),
      );
    }
    const appendMs = performance.now() - t0;

    // Two appenders at once (two processes' worth: own repository and head each), half the entries each.
    const writers = [0, 1].map(() =>
      createChainAppender(createAuditEntryRepository(db.useDb(db.name, { useCache: false })), logger, {
        digestKey: DIGEST_KEY,
        maxBatch: o.appendBatch,
      }),
    );
    const half = Math.floor(o.appendEntries / 2);
    const t01 = performance.now();
    await Promise.all(
      writers.map(async (writer, w) => {
        for (let start = 0; start < half; start += o.appendBatch) {
          await writer.appendMany(
            Array.from({ length: Math.min(o.appendBatch, half - start) }, (_, k) => syntheticEvent(o.appendEntries + w * half + start + k)),
          );
        }
      }),
    );
    const twoWritersMs = performance.now() - t01;

    const last = (await repository.lastBlock())!;
    let head: { seq: number; hash: string } = last.entries.at(-1)!;
    let block = last.block;
    if (head.seq !== o.appendEntries + 2 * half)
      throw new Error(`two writers left the chain at ${head.seq}, expected ${o.appendEntries + 2 * half}`);
    const t1 = performance.now();
    let seeded = 0;
    while (head.seq < o.targetEntries && performance.now() - t1 < o.seedSeconds * 1000) {
      const batch = [];
      const size = Math.min(o.seedBatch, o.targetEntries - head.seq);
      for (let k = 0; k < size; k++) {
        const entry = entryFromEvent(syntheticEvent(head.seq), head.seq + 1, head.hash, DIGEST_KEY);
        batch.push(entry);
        head = entry;
      }
      await repository.insertBlock(++block, batch);
      seeded += batch.length;
      if (block % 20 === 0)
        process.stderr.write(`  chain at ${head.seq} entries (${perSecond(seeded, performance.now() - t1)}/s seeding)\n`);
    }
    const seedMs = performance.now() - t1;

    const t2 = performance.now();
    let scanned = 0;
    for await (const _doc of repository.collection.find({}, { raw: true }).batchSize(16)) scanned++;
    const scanMs = performance.now() - t2;

    // Start the workers before the clock (a cold tsx worker takes seconds to load on a busy machine).
    const sample = (await repository.collection.findOne({ _id: 1 }, { raw: true })) as unknown as Uint8Array;
    await Promise.all(Array.from({ length: o.workers }, () => pool.verify(packRaw([sample]), [], { from: 1, to: 1 })));
    const t3 = performance.now();
    const verified = await verifyRawStream(repository.rawRange(), {
      start: { seq: 1, prevHash: '0'.repeat(64) },
      checkpoints: new Map(),
      expectedHead: head.seq,
      pool,
      segmentSize: o.segmentSize,
    });
    const verifyMs = performance.now() - t3;
    if (!verified.ok || verified.headSeq !== head.seq) throw new Error(`database chain did not verify: ${JSON.stringify(verified)}`);
    return {
      entries: head.seq,
      append: { entries: o.appendEntries, batch: o.appendBatch, seconds: appendMs / 1000, perSecond: perSecond(o.appendEntries, appendMs) },
      twoWriters: { entries: 2 * half, seconds: twoWritersMs / 1000, perSecond: perSecond(2 * half, twoWritersMs) },
      blocks: block,
      seed: {
        entries: seeded,
        batch: o.seedBatch,
        seconds: seedMs / 1000,
        perSecond: perSecond(seeded, seedMs),
        reachedTarget: head.seq >= o.targetEntries,
      },
      rawScan: { blocks: scanned, seconds: scanMs / 1000, perSecond: perSecond(head.seq, scanMs) },
      verify: { workers: o.workers, seconds: verifyMs / 1000, perSecond: perSecond(head.seq, verifyMs) },
    };
  } finally {
    await pool.close();
    await db.dropDatabase().catch(() => undefined);
    await db.close();
  }
}
