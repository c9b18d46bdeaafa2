import { createSegmentJoiner, summariseBlocks, type SegmentSummary } from '../domain/chain-segments';
import type { VerifierStart, VerifyResult } from '../domain/chain-verifier';
import { blockTextOfRaw, packRaw, roughLineCount, type RawEntry } from './raw-entry';
import type { VerifyPool } from './verify-pool';

export interface RawStreamOptions {
  start: VerifierStart;
  /** Signed checkpoints (seq → hash) the entries must agree with. */
  checkpoints: ReadonlyMap<number, string>;
  /** The highest signed checkpoint the stream should reach (a shorter chain lost its tail). */
  expectedHead: number;
  /** Only entries from..to are checked (a range may start and end inside a block). Default: all. */
  range?: { from: number; to: number };
  /** Workers to verify segments in parallel; without one everything runs in this thread. */
  pool?: VerifyPool;
  /** About how many entries per segment (whole blocks). Default 2000. */
  segmentSize?: number;
}

/**
 * Verifies a stream of raw stored blocks, in block order, in segments of whole blocks: the first
 * segment in this thread (a short chain never waits for a worker to start), the others in the
 * pool's workers, at most two per worker in flight (bounded memory, a broken chain stops the
 * reading soon). The reading thread never decodes a block. The segments' results are joined in
 * order, so the first broken entry is named exactly as the one-at-a-time verifier names it.
 */
export async function verifyRawStream(source: AsyncIterable<RawEntry>, options: RawStreamOptions): Promise<VerifyResult> {
  const segmentSize = options.segmentSize ?? 2000;
  const range = options.range ?? { from: 1, to: Number.MAX_SAFE_INTEGER };
  const checkpoints = [...options.checkpoints];
  const joiner = createSegmentJoiner(options.start);
  const pending: Promise<SegmentSummary | undefined>[] = [];
  let segment: RawEntry[] = [];
  let lines = 0;
  let dispatched = 0;
  let open = true;

  const dispatch = () => {
    const summary =
      options.pool && dispatched > 0
        ? options.pool.verify(packRaw(segment), checkpoints, range)
        : Promise.resolve(summariseBlocks(segment.map(blockTextOfRaw), options.checkpoints, range));
    summary.catch(() => undefined); // awaited in order below; this only keeps an early stop from leaving it unhandled
    pending.push(summary);
    dispatched++;
    segment = [];
    lines = 0;
  };
  const settle = async (inFlight: number) => {
    while (open && pending.length > inFlight) {
      const summary = await pending.shift()!;
      if (summary) open = joiner.add(summary);
    }
  };

  for await (const doc of source) {
    segment.push(doc);
    lines += roughLineCount(doc);
    if (lines < segmentSize) continue;
    dispatch();
    await settle(options.pool ? options.pool.size * 2 : 0);
    if (!open) break; // closes the cursor
  }
  if (open && segment.length > 0) dispatch();
  await settle(0);
  return joiner.finish(options.expectedHead);
}
