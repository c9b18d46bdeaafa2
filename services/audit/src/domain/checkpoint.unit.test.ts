import { generateKeyPairSync } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointSignatureValid, signCheckpoint, summariseCheckpoints } from './checkpoint';

const keys = generateKeyPairSync('ed25519');
const other = generateKeyPairSync('ed25519');
const head = (seq: number, hash = `h${seq}`) => ({ chainId: 'chain-1', seq, hash, time: '2026-11-27T10:00:00.000Z' });

describe('signed checkpoints', () => {
  it('when a checkpoint is signed, then it verifies with the public key and not after any change', () => {
    const checkpoint = signCheckpoint(head(5), keys.privateKey);
    expect(checkpointSignatureValid(checkpoint, keys.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...checkpoint, seq: 6 }, keys.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, hash: 'h6' }, keys.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, other.publicKey)).toBe(false);
  });

  it('when the file holds a forged, an unreadable and another chain’s line, then only valid ones count and the forgeries are named', () => {
    const lines = [
      { line: 1, checkpoint: signCheckpoint(head(5), keys.privateKey) },
      { line: 2, checkpoint: signCheckpoint(head(10), other.privateKey) },
      { line: 3, problem: 'not valid JSON' },
      { line: 4, checkpoint: { ...signCheckpoint(head(8), keys.privateKey), chainId: 'chain-2' } },
      { line: 5, checkpoint: signCheckpoint(head(7), keys.privateKey) },
    ];
    const summary = summariseCheckpoints(lines, 'chain-1', keys.publicKey);
    expect(summary.latest).toMatchObject({ seq: 7, hash: 'h7' });
    expect(summary.valid).toBe(2);
    expect(summary.invalid.map((i) => i.line)).toEqual([2, 3]);
  });

  it('when two validly signed checkpoints disagree on one seq, then the second is reported', () => {
    const lines = [{ line: 1, checkpoint: signCheckpoint(head(5), keys.privateKey) }, { line: 2, checkpoint: signCheckpoint(head(5, 'other'), keys.privateKey) }];
    expect(summariseCheckpoints(lines, 'chain-1', keys.publicKey).invalid).toMatchObject([{ line: 2, seq: 5, problem: 'two signed checkpoints disagree on this seq' }]);
  });
});
