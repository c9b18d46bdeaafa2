import { createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { canonicalJson, sha256 } from './hash-chain';

/** A signed statement "the chain `chainId` had reached `seq` with head hash `hash` at `time`". */
export interface Checkpoint {
  chainId: string;
  seq: number;
  hash: string;
  time: string;
  /** First 16 hex digits of the SHA-256 of the public key (SPKI DER) that signs it. */
  keyId: string;
  /** Ed25519 signature (base64) over the canonical JSON of every other field. */
  signature: string;
}

export type UnsignedCheckpoint = Omit<Checkpoint, 'signature' | 'keyId'>;

export const keyIdOf = (publicKey: KeyObject) => sha256(publicKey.export({ type: 'spki', format: 'der' }).toString('hex')).slice(0, 16);

const payloadOf = (c: Omit<Checkpoint, 'signature'>) => Buffer.from(canonicalJson({ chainId: c.chainId, seq: c.seq, hash: c.hash, time: c.time, keyId: c.keyId }), 'utf8');

export function signCheckpoint(head: UnsignedCheckpoint, privateKey: KeyObject): Checkpoint {
  const keyId = keyIdOf(createPublicKey(privateKey));
  const unsigned = { chainId: head.chainId, seq: head.seq, hash: head.hash, time: head.time, keyId };
  return { ...unsigned, signature: sign(null, payloadOf(unsigned), privateKey).toString('base64') };
}

export function checkpointSignatureValid(checkpoint: Checkpoint, publicKey: KeyObject): boolean {
  try {
    return checkpoint.keyId === keyIdOf(publicKey) && verify(null, payloadOf(checkpoint), publicKey, Buffer.from(checkpoint.signature, 'base64'));
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
export function summariseCheckpoints(checkpoints: { line: number; checkpoint?: Checkpoint; problem?: string }[], chainId: string, publicKey: KeyObject): CheckpointSummary {
  const summary: CheckpointSummary = { bySeq: new Map(), valid: 0, invalid: [] };
  for (const { line, checkpoint: c, problem } of checkpoints) {
    if (!c) summary.invalid.push({ line, problem: problem ?? 'unreadable line' });
    else if (c.chainId !== chainId) continue;
    else if (!checkpointSignatureValid(c, publicKey)) summary.invalid.push({ line, seq: c.seq, problem: 'signature does not verify' });
    else if (summary.bySeq.has(c.seq) && summary.bySeq.get(c.seq) !== c.hash) summary.invalid.push({ line, seq: c.seq, problem: 'two signed checkpoints disagree on this seq' });
    else {
      summary.bySeq.set(c.seq, c.hash);
      summary.valid++;
      if (!summary.latest || c.seq > summary.latest.seq) summary.latest = { seq: c.seq, hash: c.hash, time: c.time };
    }
  }
  return summary;
}
