import { createSegmentJoiner, summariseSegment, type SegmentSummary } from '../domain/chain-segments';
import type { VerifierStart, VerifyResult } from '../domain/chain-verifier';
import { entryOfRaw, packRaw, seqOfRaw, type RawEntry } from './raw-entry';
import type { VerifyPool } from './verify-pool';

export interface RawStreamOptions {
  start: VerifierStart;
  /** Signed checkpoints (seq → hash) the entries must agree with. */
  checkpoints: ReadonlyMap<number, string>;
  /** The highest signed checkpoint the stream should reach (a shorter chain lost its tail). */
  expectedHead: number;
  /** Workers to verify segments in parallel; without one everything runs in this thread. */
  pool?: VerifyPool;
  /** Entries per segment. Default 2000. */
  segmentSize?: number;
}

function checkpointsIn(checkpoints: ReadonlyMap<number, string>, seqs: number[]): [number, string][] {
  const low = Math.min(...seqs);
  const high = Math.max(...seqs);
  return [...checkpoints].filter(([seq]) => seq >= low && seq <= high);
}

/**
 * Verifies a stream of raw stored entries, in sequence order, in segments: the first segment in
 * this thread (a short chain never waits for a worker to start), the others in the pool's
 * workers, at most two per worker in flight (bounded memory, a broken chain stops the reading
 * soon). The segments' results are joined in order, so the first broken entry is named exactly
 * as the one-at-a-time verifier names it.
 */
export async function verifyRawStream(source: AsyncIterable<RawEntry>, options: RawStreamOptions): Promise<VerifyResult> {
  const segmentSize = options.segmentSize ?? 2000;
  const joiner = createSegmentJoiner(options.start);
  const pending: Promise<SegmentSummary>[] = [];
  let segment: RawEntry[] = [];
  let seqs: number[] = [];
  let dispatched = 0;
  let open = true;

  const dispatch = () => {
    const checkpoints = checkpointsIn(options.checkpoints, seqs);
    const summary =
      options.pool && dispatched > 0 ? options.pool.verify(packRaw(segment), checkpoints) : Promise.resolve(summariseSegment(segment.map(entryOfRaw), new Map(checkpoints)));
    summary.catch(() => undefined); // awaited in order below; this only keeps an early stop from leaving it unhandled
    pending.push(summary);
    dispatched++;
    segment = [];
    seqs = [];
  };
  const settle = async (inFlight: number) => {
    while (open && pending.length > inFlight) open = joiner.add(await pending.shift()!);
  };

  for await (const doc of source) {
    segment.push(doc);
    seqs.push(seqOfRaw(doc));
    if (segment.length < segmentSize) continue;
    dispatch();
    await settle(options.pool ? options.pool.size * 2 : 0);
    if (!open) break; // closes the cursor
  }
  if (open && segment.length > 0) dispatch();
  await settle(0);
  return joiner.finish(options.expectedHead);
}
