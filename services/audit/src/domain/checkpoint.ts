import { verify, type KeyObject } from 'node:crypto';
import type { BundleCheckpoint } from '@vetting/signing';
import { canonicalJson, sha256 } from './hash-chain';
import type { Signer } from './signer';

/**
 * A signed statement "the chain `chainId` had reached `seq` with head hash `hash` at `time`": the
 * form bundles carry and the offline verifier checks. `keyId` is the first 16 hex digits of the
 * SHA-256 of the signing public key (SPKI DER); `signature` is Ed25519 (base64) over the canonical
 * JSON of every other field.
 */
export type Checkpoint = BundleCheckpoint;

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature' | 'keyId'>;

export const keyIdOf = (publicKey: KeyObject) => sha256(publicKey.export({ type: 'spki', format: 'der' }).toString('hex')).slice(0, 16);

const payloadOf = (c: Omit<Checkpoint, 'signature'>) =>
  Buffer.from(canonicalJson({ chainId: c.chainId, seq: c.seq, hash: c.hash, time: c.time, keyId: c.keyId }), 'utf8');

export async function signCheckpoint(head: UnsignedCheckpoint, signer: Signer): Promise<Checkpoint> {
  const unsigned = { chainId: head.chainId, seq: head.seq, hash: head.hash, time: head.time, keyId: signer.keyId };
  return { ...unsigned, signature: (await signer.sign(payloadOf(unsigned))).toString('base64') };
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return (
      checkpoint.keyId === keyIdOf(publicKey) && verify(null, payloadOf(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'))
    );
  } catch {
    return false;
  }
}

export interface CheckpointSummary {
  /** Signed checkpoints of this chain whose signature holds: seq → hash. */
  bySeq: Map<number, string>;
  latest?: { seq: number; hash: string; time: string };
  valid: number;
  /** Lines whose signature fails or whose seq disagrees with another checkpoint: someone forged the file. */
  invalid: { line: number; seq?: number; problem: string }[];
}

/** Checks every checkpoint of one chain; the highest valid seq is the head the chain must reach. */
export function summariseCheckpoints(
  checkpoints: { line: number; checkpoint?: Checkpoint; problem?: string }[],
  chainId: string,
  publicKey: KeyObject,
): CheckpointSummary {
  const summary: CheckpointSummary = { bySeq: new Map(), valid: 0, invalid: [] };
  for (const { line, checkpoint: c, problem } of checkpoints) {
    if (!c) summary.invalid.push({ line, problem: problem ?? 'unreadable line' });
    else if (c.chainId !== chainId) continue;
    else if (!checkpointSignatureValid(c, publicKey)) summary.invalid.push({ line, seq: c.seq, problem: 'signature does not verify' });
    else if (summary.bySeq.has(c.seq) && summary.bySeq.get(c.seq) !== c.hash)
      summary.invalid.push({ line, seq: c.seq, problem: 'two signed checkpoints disagree on this seq' });
    else {
      summary.bySeq.set(c.seq, c.hash);
      summary.valid++;
      if (!summary.latest || c.seq > summary.latest.seq) summary.latest = { seq: c.seq, hash: c.hash, time: c.time };
    }
  }
  return summary;
}

export interface CheckpointHistory {
  /** Every signed checkpoint of the chain, from the file and the published topic: seq → hash. */
  bySeq: Map<number, string>;
  latest?: { seq: number; hash: string; time: string };
  /** What breaks the history: forged or missing checkpoints (a shortened, replaced or deleted file). */
  problems: { seq: number; problem: string }[];
  published: { count: number; latest?: { seq: number; hash: string; time: string } };
}

/**
 * The checkpoint file held against the published checkpoints, which the database's owner cannot
 * rewrite: every published checkpoint must be in the file with the same hash. A file that lost lines,
 * was replaced by a shorter one or deleted is named here, so it never verifies `ok`.
 */
export function checkpointHistory(
  file: CheckpointSummary,
  published: Checkpoint[],
  chainId: string,
  publicKey: KeyObject,
): CheckpointHistory {
  const bySeq = new Map(file.bySeq);
  const problems: CheckpointHistory['problems'] = [];
  let latest = file.latest;
  let count = 0;
  let publishedLatest: CheckpointHistory['published']['latest'];
  for (const c of published) {
    if (c.chainId !== chainId) continue;
    if (!checkpointSignatureValid(c, publicKey)) {
      problems.push({ seq: c.seq, problem: 'a published checkpoint does not verify (forged on the topic)' });
      continue;
    }
    count++;
    if (!publishedLatest || c.seq > publishedLatest.seq) publishedLatest = { seq: c.seq, hash: c.hash, time: c.time };
    const filed = file.bySeq.get(c.seq);
    if (filed === undefined)
      problems.push({ seq: c.seq, problem: 'a published checkpoint is missing from the checkpoint file (shortened, replaced or deleted)' });
    else if (filed !== c.hash) problems.push({ seq: c.seq, problem: 'the checkpoint file disagrees with the published checkpoint' });
    bySeq.set(c.seq, c.hash);
    if (!latest || c.seq > latest.seq) latest = { seq: c.seq, hash: c.hash, time: c.time };
  }
  return { bySeq, ...(latest ? { latest } : {}), problems, published: { count, ...(publishedLatest ? { latest: publishedLatest } : {}) } };
}
