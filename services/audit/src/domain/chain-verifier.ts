import { GENESIS_HASH, hashEntry, type AuditEntry } from './hash-chain';

export type BreakReason =
  'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'sequence-disorder' | 'checkpoint-mismatch' | 'index-mismatch';

export type Break =
  { seq: number; reason: BreakReason; detail: string } | { seq: number; reason: 'truncated'; expectedHead: number; detail: string };

export interface VerifyResult {
  ok: boolean;
  checked: number;
  fromSeq: number;
  headSeq: number;
  headHash: string;
  firstBroken?: Break;
}

export interface VerifierStart {
  seq: number;
  prevHash: string;
}

const DETAIL: Record<BreakReason, (seq: number) => string> = {
  'hash-mismatch': (s) => `entry ${s} does not match its hash: its content was edited (or another entry was moved into its place)`,
  'prev-hash-mismatch': (s) =>
    `entry ${s} does not link to entry ${s - 1}: entry ${s - 1} was rewritten with a recomputed hash, or ${s} was`,
  'sequence-gap': (s) => `entry ${s} is missing: deleted, or the entries after it were renumbered`,
  'sequence-disorder': (s) => `an entry numbered ${s} sits where it cannot be: inserted or moved`,
  'checkpoint-mismatch': (s) => `entry ${s} differs from the signed checkpoint of seq ${s}: the chain up to it was rewritten`,
  'index-mismatch': (s) =>
    `entry ${s} is indexed under fields its hashed content does not state (block bounds or index row edited): queries would miss or misplace it`,
};

/** An entry as the verifier needs it: its place, its link, and the hash its content actually gives. */
export interface HashedEntry {
  seq: number;
  prevHash: string;
  hash: string;
  computedHash: string;
}

/** The break a verifier reports for `reason` at `seq`, with its explanation. */
export const breakAt = (seq: number, reason: BreakReason): Break => ({ seq, reason, detail: DETAIL[reason](seq) });

/** The break of a chain that ends at `headSeq` although a signed checkpoint proves it reached `expectedHead`. */
export const truncatedAt = (headSeq: number, expectedHead: number): Break => ({
  seq: headSeq + 1,
  reason: 'truncated',
  expectedHead,
  detail: `the chain ends at ${headSeq} but a signed checkpoint proves it reached ${expectedHead}: entries ${headSeq + 1}–${expectedHead} were cut off`,
});

/**
 * Verifies entries in order, one at a time (a million entries stream through in constant memory).
 * Each entry's hash must match its content, each must link to the one before, sequence numbers
 * must be consecutive, and where a signed checkpoint exists the entry must carry its hash. The
 * first broken entry is reported exactly; `finish` then compares the head with the checkpoints,
 * so a cut-off tail is caught too.
 */
export function createChainVerifier(
  start: VerifierStart = { seq: 1, prevHash: GENESIS_HASH },
  checkpoints: ReadonlyMap<number, string> = new Map(),
) {
  let expectedSeq = start.seq;
  let prevHash = start.prevHash;
  let checked = 0;
  let broken: Break | undefined;
  const fail = (seq: number, reason: BreakReason) => {
    broken = breakAt(seq, reason);
    return false;
  };
  /** The same checks for an entry whose hash was computed from its stored bytes (blocks). */
  function checkHashed(entry: HashedEntry): boolean {
    if (broken) return false;
    if (entry.seq !== expectedSeq)
      return fail(Math.min(entry.seq, expectedSeq), entry.seq < expectedSeq ? 'sequence-disorder' : 'sequence-gap');
    if (entry.computedHash !== entry.hash) return fail(entry.seq, 'hash-mismatch');
    if (entry.prevHash !== prevHash) return fail(entry.seq, 'prev-hash-mismatch');
    const signed = checkpoints.get(entry.seq);
    if (signed !== undefined && signed !== entry.hash) return fail(entry.seq, 'checkpoint-mismatch');
    prevHash = entry.hash;
    expectedSeq++;
    checked++;
    return true;
  }
  return {
    /** Returns false once the chain is broken; later entries are not checked. */
    check(entry: AuditEntry): boolean {
      if (broken) return false;
      if (entry.seq !== expectedSeq)
        return fail(Math.min(entry.seq, expectedSeq), entry.seq < expectedSeq ? 'sequence-disorder' : 'sequence-gap');
      return checkHashed({ seq: entry.seq, prevHash: entry.prevHash, hash: entry.hash, computedHash: hashEntry(entry) });
    },
    checkHashed,
    /** Reports an entry that verified but is indexed under other fields than its content states. */
    failIndex(seq: number): false {
      if (!broken) fail(seq, 'index-mismatch');
      return false;
    },
    expectedSeq: () => expectedSeq,
    /**
     * Ends the run. `expectedHead` is the highest signed checkpoint the range should reach: a chain
     * that stops short of it lost its tail.
     */
    finish(expectedHead = 0): VerifyResult {
      const headSeq = expectedSeq - 1;
      if (!broken && expectedHead > headSeq) broken = truncatedAt(headSeq, expectedHead);
      return { ok: !broken, checked, fromSeq: start.seq, headSeq, headHash: prevHash, ...(broken ? { firstBroken: broken } : {}) };
    },
  };
}

export function verifyEntries(
  entries: Iterable<AuditEntry>,
  start?: VerifierStart,
  checkpoints?: ReadonlyMap<number, string>,
  expectedHead?: number,
): VerifyResult {
  const verifier = createChainVerifier(start, checkpoints);
  for (const entry of entries) if (!verifier.check(entry)) break;
  return verifier.finish(expectedHead);
}

export async function verifyEntriesAsync(
  entries: AsyncIterable<AuditEntry>,
  start?: VerifierStart,
  checkpoints?: ReadonlyMap<number, string>,
  expectedHead?: number,
): Promise<VerifyResult> {
  const verifier = createChainVerifier(start, checkpoints);
  for await (const entry of entries) if (!verifier.check(entry)) break;
  return verifier.finish(expectedHead);
}
