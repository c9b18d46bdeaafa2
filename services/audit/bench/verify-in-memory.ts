import { BSON } from 'mongodb';
import { createChainVerifier } from '../src/domain/chain-verifier';
import { entryFromEvent } from '../src/domain/entry-from-event';
import { GENESIS_HASH, type AuditEntry } from '../src/domain/hash-chain';
import { packRaw, unpackRaw, type RawEntry } from '../src/data/raw-entry';
import { createVerifyPool } from '../src/data/verify-pool';
import { verifyRawStream } from '../src/data/verify-raw-stream';
import { syntheticEvent } from './synthetic-events';

const CHUNK = 50_000;
const cpuMs = (since: NodeJS.CpuUsage) => {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1000;
};

/**
 * Full-chain verification of `count` entries held in memory, two ways:
 *  - one thread, entries already decoded (the old figure, kept for comparison);
 *  - the service's path: entries as stored (raw BSON, as the database returns them with `raw`),
 *    decoded, canonicalised, hashed and linked in segments by the worker pool, joined in order.
 * Entries are built chunk by chunk (untimed); only verification is timed.
 */
export async function benchInMemory(count: number, workers: number, segmentSize: number) {
  const single = createChainVerifier();
  let head = { seq: 0, hash: GENESIS_HASH };
  let singleMs = 0;
  let singleCpuMs = 0;
  let buildMs = 0;
  const stored: Uint8Array[] = [];
  for (let start = 0; start < count; start += CHUNK) {
    const t0 = performance.now();
    const chunk: AuditEntry[] = [];
    for (let i = start; i < Math.min(start + CHUNK, count); i++) {
      const entry = entryFromEvent(syntheticEvent(i), head.seq + 1, head.hash);
      chunk.push(entry);
      head = entry;
    }
    buildMs += performance.now() - t0;
    const t1 = performance.now();
    const cpu = process.cpuUsage();
    for (const entry of chunk) if (!single.check(entry)) throw new Error(`chain broken at ${entry.seq}`);
    singleCpuMs += cpuMs(cpu);
    singleMs += performance.now() - t1;
    stored.push(packRaw(chunk.map(({ seq, ...rest }) => BSON.serialize({ _id: seq, ...rest }))));
  }
  if (!single.finish().ok) throw new Error('in-memory chain did not verify');

  const pool = createVerifyPool(workers);
  // Start the workers before the clock (a cold tsx worker takes a second or two to load).
  await Promise.all(Array.from({ length: workers }, () => pool.verify(stored[0]!.slice(0, new DataView(stored[0]!.buffer).getInt32(0, true)), [])));
  async function* source(): AsyncGenerator<RawEntry> {
    for (const packed of stored) yield* unpackRaw(packed);
  }
  const t2 = performance.now();
  const result = await verifyRawStream(source(), { start: { seq: 1, prevHash: GENESIS_HASH }, checkpoints: new Map(), expectedHead: count, pool, segmentSize });
  const parallelMs = performance.now() - t2;
  await pool.close();
  if (!result.ok || result.headSeq !== count) throw new Error(`parallel verification failed: ${JSON.stringify(result)}`);
  return {
    entries: count,
    storedMegabytes: Math.round(stored.reduce((n, s) => n + s.byteLength, 0) / 1e6),
    parallel: { workers, segmentSize, seconds: parallelMs / 1000, perSecond: Math.round(count / (parallelMs / 1000)) },
    singleThread: { seconds: singleMs / 1000, perSecond: Math.round(count / (singleMs / 1000)), perCpuSecond: Math.round(count / (singleCpuMs / 1000)) },
    buildPerSecond: Math.round(count / (buildMs / 1000)),
  };
}
