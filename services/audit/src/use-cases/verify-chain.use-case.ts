import type { KeyObject } from 'node:crypto';
import { checkpointHistory, summariseCheckpoints } from '../domain/checkpoint';
import { breakAt, type VerifyResult } from '../domain/chain-verifier';
import { GENESIS_HASH } from '../domain/hash-chain';
import type { AuditEntryRepository } from '../data/audit-entry.repository';
import type { CheckpointStore } from '../data/checkpoint.store';
import type { PublishedCheckpoints } from '../data/published-checkpoints';
import type { VerifyPool } from '../data/verify-pool';
import { verifyRawStream } from '../data/verify-raw-stream';

export interface VerifyChainDeps {
  repository: AuditEntryRepository;
  checkpoints: CheckpointStore;
  /** The published checkpoint history the file and the chain are held against. */
  published: Pick<PublishedCheckpoints, 'readAll'>;
  publicKey: KeyObject;
  chainId: string;
  /** Worker threads verifying segments in parallel; without, the calling thread does it all. */
  pool?: VerifyPool;
  /** Entries per segment handed to a worker. Default 2000. */
  segmentSize?: number;
  /** Reads the file and the published history while no checkpoint is half-written (the running scheduler's). */
  exclusive?: <T>(read: () => Promise<T>) => Promise<T>;
}

export interface ChainVerification extends VerifyResult {
  checkpoints: {
    valid: number;
    latest?: { seq: number; hash: string; time: string };
    /** Lines of the file that do not verify (`line` ≥ 1), and breaks of the history against the published checkpoints (`line` 0). */
    invalid: { line: number; seq?: number; problem: string }[];
    published: { count: number; latest?: { seq: number; hash: string; time: string } };
  };
}

/**
 * Verifies the chain (whole, or entries from..to) against itself and against the signed
 * checkpoints kept outside the database — the file and the published history, which must agree:
 * an edited, deleted, inserted or reordered entry is named exactly, a chain (or range) that stops
 * short of the latest checkpoint is reported truncated, and a checkpoint file that lost published
 * checkpoints (shortened, replaced, deleted) fails. A history that cannot be read fails too (503).
 * With `index`, the index rows are then checked against the entries too (`index-mismatch`).
 */
export async function verifyChain(
  deps: VerifyChainDeps,
  range: { from?: number; to?: number } = {},
  options: { index?: boolean } = {},
): Promise<ChainVerification> {
  const read = async () => ({ file: await deps.checkpoints.readAll(), published: await deps.published.readAll() });
  const { file, published } = await (deps.exclusive ? deps.exclusive(read) : read());
  const summary = summariseCheckpoints(file, deps.chainId, deps.publicKey);
  const history = checkpointHistory(summary, published, deps.chainId, deps.publicKey);
  const from = range.from ?? 1;
  const to = range.to ?? Number.MAX_SAFE_INTEGER;
  const invalid = [...summary.invalid, ...history.problems.map((p) => ({ line: 0, ...p }))];
  const checkpoints = {
    valid: summary.valid,
    ...(history.latest ? { latest: history.latest } : {}),
    invalid,
    published: history.published,
  };
  let prevHash = GENESIS_HASH;
  if (from > 1) {
    const before = await deps.repository.get(from - 1);
    if (!before) {
      const missing = { seq: from - 1, reason: 'sequence-gap' as const, detail: `entry ${from - 1}, the anchor of the range, is missing` };
      return { ok: false, checked: 0, fromSeq: from, headSeq: from - 1, headHash: '', firstBroken: missing, checkpoints };
    }
    prevHash = before.hash;
  }
  const inRange = new Map([...history.bySeq].filter(([seq]) => seq >= from && seq <= to));
  const expectedHead = history.latest && history.latest.seq >= from ? Math.min(history.latest.seq, to) : 0;
  const result = await verifyRawStream(deps.repository.rawRange(from, to), {
    start: { seq: from, prevHash },
    checkpoints: inRange,
    expectedHead,
    range: { from, to },
    ...(deps.pool ? { pool: deps.pool } : {}),
    ...(deps.segmentSize ? { segmentSize: deps.segmentSize } : {}),
  });
  // Opt-in (a second, slower pass): the index rows the queries use must agree with the hashed content.
  const misindexed = options.index && result.ok ? await deps.repository.auditIndex() : undefined;
  if (misindexed !== undefined) return { ...result, ok: false, firstBroken: breakAt(misindexed, 'index-mismatch'), checkpoints };
  return { ...result, ok: result.ok && invalid.length === 0, checkpoints };
}
