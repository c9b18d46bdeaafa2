import { BSON } from 'mongodb';
import { createChainVerifier } from '../src/domain/chain-verifier';
import { entryFromEvent } from '../src/domain/entry-from-event';
import { blockText } from '../src/domain/entry-line';
import { GENESIS_HASH, type AuditEntry } from '../src/domain/hash-chain';
import { packRaw, type RawEntry } from '../src/data/raw-entry';
import { createVerifyPool } from '../src/data/verify-pool';
import { verifyRawStream } from '../src/data/verify-raw-stream';
import { syntheticEvent } from './synthetic-events';

/** The audit digest key of these runs (a real one is a secret file in AUDIT_KEY_DIR). */
const DIGEST_KEY = Buffer.alloc(32, 1);

const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Full-chain verification of `count` entries held in memory, two ways:
 *  - the service's path: blocks of `blockSize` entries exactly as stored (raw BSON documents, as
 *    the database returns them with `raw`), each line's stored content hashed as it is, in segments
 *    by the worker pool, joined in order — the target figure;
 *  - one thread, entries already decoded, canonicalised and hashed field by field (the old path).
 * Entries are built block by block (untimed); only verification is timed.
 */
export async function benchInMemory(count: number, workers: number, segmentSize: number, blockSize: number) {
  const single = createChainVerifier();
  let head = { seq: 0, hash: GENESIS_HASH };
  let singleMs = 0;
  let singleCpuMs = 0;
  let buildMs = 0;
  const stored: RawEntry[] = [];
  for (let start = 0, n = 1; start < count; start += blockSize, n++) {
    const t0 = performance.now();
    const block: AuditEntry[] = [];
    for (let i = start; i < Math.min(start + blockSize, count); i++) {
      const entry = entryFromEvent(syntheticEvent(i), head.seq + 1, head.hash, DIGEST_KEY);
      block.push(entry);
      head = entry;
    }
    const doc = BSON.serialize({ _id: n, lines: blockText(block) });
    buildMs += performance.now() - t0;
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    for (const entry of block) if (!single.check(entry)) throw new Error(`chain broken at ${entry.seq}`);
    singleCpuMs += cpuMs(cpu);
    singleMs += performance.now() - t1;
    stored.push(doc);
  }
  if (!single.finish().ok) throw new Error('in-memory chain did not verify');

  const pool = createVerifyPool(workers);
  // Start the workers before the clock (a cold tsx worker takes a second or two to load).
  const range = { from: 1, to: Number.MAX_SAFE_INTEGER };
  await Promise.all(Array.from({ length: workers }, () => pool.verify(packRaw([stored[0]!]), [], range)));
  async function* source(): AsyncGenerator<RawEntry> {
    yield* stored;
  }
  const t2 = performance.now();
  const cpu = process.cpuUsage();
  const result = await verifyRawStream(source(), {
    start: { seq: 1, prevHash: GENESIS_HASH },
    checkpoints: new Map(),
    expectedHead: count,
    pool,
    segmentSize,
  });
  const parallelMs = performance.now() - t2;
  const allThreadsCpuMs = cpuMs(cpu);
  await pool.close();
  if (!result.ok || result.headSeq !== count) throw new Error(`parallel verification failed: ${JSON.stringify(result)}`);
  const t3 = performance.now();
  const oneThread = await verifyRawStream(source(), {
    start: { seq: 1, prevHash: GENESIS_HASH },
    checkpoints: new Map(),
    expectedHead: count,
    segmentSize,
  });
  const oneThreadMs = performance.now() - t3;
  if (!oneThread.ok) throw new Error(`one-thread verification failed: ${JSON.stringify(oneThread)}`);
  return {
    entries: count,
    blockSize,
    storedMegabytes: Math.round(stored.reduce((n, s) => n + s.byteLength, 0) / 1e6),
    parallel: {
      workers,
      segmentSize,
      seconds: parallelMs / 1000,
      perSecond: Math.round(count / (parallelMs / 1000)),
      cpuSeconds: allThreadsCpuMs / 1000,
    },
    blocksOneThread: { seconds: oneThreadMs / 1000, perSecond: Math.round(count / (oneThreadMs / 1000)) },
    singleThread: {
      seconds: singleMs / 1000,
      perSecond: Math.round(count / (singleMs / 1000)),
      perCpuSecond: Math.round(count / (singleCpuMs / 1000)),
    },
    buildPerSecond: Math.round(count / (buildMs / 1000)),
  };
}
