import { breakAt, createChainVerifier, truncatedAt, type Break, type VerifierStart, type VerifyResult } from './chain-verifier';
import type { AuditEntry } from './hash-chain';
import { checkLine, linesOf } from './entry-line';

/** What verifying one consecutive run of entries on its own found, for joining with its neighbours. */
export interface SegmentSummary {
  firstSeq: number;
  /** The first entry's claimed link: checked against the previous segment's head when joining. */
  firstPrevHash: string;
  result: VerifyResult;
}

/**
 * Verifies a segment independently of the entries before it: content hashes, links and sequence
 * numbers inside it, and the signed checkpoints that fall in it. Only its first link (to the
 * previous segment) is left for `createSegmentJoiner`. Segments can so be verified in parallel.
 */
export function summariseSegment(entries: readonly AuditEntry[], checkpoints: ReadonlyMap<number, string> = new Map()): SegmentSummary {
  const first = entries[0];
  if (!first) throw new Error('a segment holds at least one entry');
  const verifier = createChainVerifier({ seq: first.seq, prevHash: first.prevHash }, checkpoints);
  for (const entry of entries) if (!verifier.check(entry)) break;
  return { firstSeq: first.seq, firstPrevHash: first.prevHash, result: verifier.finish() };
}

/** The seq a segment reports when its very first line cannot be read: the joiner names the entry expected there. */
export const UNREADABLE_FIRST = -1;

/**
 * Verifies the entries of consecutive blocks (their stored text) as one segment, like
 * `summariseSegment`, hashing each line's stored content as it is. Lines outside `range` are
 * skipped (a range that starts or ends inside a block). Undefined when no line falls in the range.
 */
export function summariseBlocks(
  texts: readonly string[],
  checkpoints: ReadonlyMap<number, string> = new Map(),
  range = { from: 1, to: Number.MAX_SAFE_INTEGER },
): SegmentSummary | undefined {
  let verifier: ReturnType<typeof createChainVerifier> | undefined;
  let summary: Omit<SegmentSummary, 'result'> | undefined;
  const done = () => (verifier && summary ? { ...summary, result: verifier.finish() } : undefined);
  for (const text of texts) {
    for (const line of linesOf(text)) {
      const checked = checkLine(line, verifier ? verifier.expectedSeq() : UNREADABLE_FIRST);
      if (checked.seq !== UNREADABLE_FIRST && checked.seq < range.from) continue;
      if (checked.seq > range.to) return done();
      if (!verifier) {
        if (checked.seq === UNREADABLE_FIRST)
          return { firstSeq: UNREADABLE_FIRST, firstPrevHash: checked.prevHash, result: createChainVerifier().finish() };
        verifier = createChainVerifier({ seq: checked.seq, prevHash: checked.prevHash }, checkpoints);
        summary = { firstSeq: checked.seq, firstPrevHash: checked.prevHash };
      }
      if (!verifier.checkHashed(checked)) return done();
    }
  }
  return done();
}

/**
 * Joins segment summaries, given in chain order, into the result the one-at-a-time verifier gives
 * for the same entries (a property test holds the two equal): the first broken entry, counted and
 * explained the same way. The checks of a segment's first entry keep the sequential order: its
 * sequence number, its own hash, its link to the previous segment, then the rest of the segment.
 */
export function createSegmentJoiner(start: VerifierStart) {
  let expectedSeq = start.seq;
  let prevHash = start.prevHash;
  let checked = 0;
  let broken: Break | undefined;
  return {
    /** Returns false once the chain is broken; later segments are not looked at. */
    add(segment: SegmentSummary): boolean {
      if (broken) return false;
      if (segment.firstSeq === UNREADABLE_FIRST) {
        broken = breakAt(expectedSeq, 'hash-mismatch');
        return false;
      }
      if (segment.firstSeq !== expectedSeq) {
        broken = breakAt(Math.min(segment.firstSeq, expectedSeq), segment.firstSeq < expectedSeq ? 'sequence-disorder' : 'sequence-gap');
        return false;
      }
      const inside = segment.result.firstBroken;
      if (inside && inside.seq === segment.firstSeq && inside.reason === 'hash-mismatch') broken = inside;
      else if (segment.firstPrevHash !== prevHash) broken = breakAt(segment.firstSeq, 'prev-hash-mismatch');
      if (broken) return false;
      checked += segment.result.checked;
      expectedSeq = segment.result.headSeq + 1;
      prevHash = segment.result.headHash;
      broken = inside;
      return !broken;
    },
    finish(expectedHead = 0): VerifyResult {
      const headSeq = expectedSeq - 1;
      if (!broken && expectedHead > headSeq) broken = truncatedAt(headSeq, expectedHead);
      return { ok: !broken, checked, fromSeq: start.seq, headSeq, headHash: prevHash, ...(broken ? { firstBroken: broken } : {}) };
    },
  };
}
