import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { checkpointHistory, checkpointSignatureValid, keyIdOf, signCheckpoint, summariseCheckpoints } from './checkpoint';
import type { Signer } from './signer';

const signerOf = (pair: { privateKey: KeyObject; publicKey: KeyObject }): Signer => ({
  keyId: keyIdOf(pair.publicKey),
  publicKeyPem: pair.publicKey.export({ type: 'spki', format: 'pem' }).toString(),
  sign: async (payload) => sign(null, payload, pair.privateKey),
});
const ours = generateKeyPairSync('ed25519');
const theirs = generateKeyPairSync('ed25519');
/** The checkpoint signer (a file key here; a KMS implements the same interface) and the public key verifiers use. */
const keys = { signer: signerOf(ours), publicKey: ours.publicKey };
const other = { signer: signerOf(theirs), publicKey: theirs.publicKey };
const head = (seq: number, hash = `h${seq}`) => ({ chainId: 'chain-1', seq, hash, time: '2026-11-27T10:00:00.000Z' });

describe('signed checkpoints', () => {
  it('when a checkpoint is signed, then it verifies with the public key and not after any change', async () => {
    const checkpoint = await signCheckpoint(head(5), keys.signer);
    expect(checkpointSignatureValid(checkpoint, keys.publicKey)).toBe(true);
    expect(checkpointSignatureValid({ ...checkpoint, seq: 6 }, keys.publicKey)).toBe(false);
    expect(checkpointSignatureValid({ ...checkpoint, hash: 'h6' }, keys.publicKey)).toBe(false);
    expect(checkpointSignatureValid(checkpoint, other.publicKey)).toBe(false);
  });

  it('when the file holds a forged, an unreadable and another chain’s line, then only valid ones count and the forgeries are named', async () => {
    const lines = [
      { line: 1, checkpoint: await signCheckpoint(head(5), keys.signer) },
      { line: 2, checkpoint: await signCheckpoint(head(10), other.signer) },
      { line: 3, problem: 'not valid JSON' },
      { line: 4, checkpoint: { ...(await signCheckpoint(head(8), keys.signer)), chainId: 'chain-2' } },
      { line: 5, checkpoint: await signCheckpoint(head(7), keys.signer) },
    ];
    const summary = summariseCheckpoints(lines, 'chain-1', keys.publicKey);
    expect(summary.latest).toMatchObject({ seq: 7, hash: 'h7' });
    expect(summary.valid).toBe(2);
    expect(summary.invalid.map((i) => i.line)).toEqual([2, 3]);
  });

  it('when two validly signed checkpoints disagree on one seq, then the second is reported', async () => {
    const lines = [
      { line: 1, checkpoint: await signCheckpoint(head(5), keys.signer) },
      { line: 2, checkpoint: await signCheckpoint(head(5, 'other'), keys.signer) },
    ];
    expect(summariseCheckpoints(lines, 'chain-1', keys.publicKey).invalid).toMatchObject([
      { line: 2, seq: 5, problem: 'two signed checkpoints disagree on this seq' },
    ]);
  });

  it('when the file lost checkpoints that were published, or the topic holds a forged one, then the history names each; the published ones still count', async () => {
    const published = [
      await signCheckpoint(head(5), keys.signer),
      await signCheckpoint(head(9), keys.signer),
      await signCheckpoint(head(12), other.signer),
    ];
    const file = summariseCheckpoints([{ line: 1, checkpoint: published[0]! }], 'chain-1', keys.publicKey);
    const history = checkpointHistory(file, published, 'chain-1', keys.publicKey);
    expect(history.latest).toMatchObject({ seq: 9 });
    expect(history.bySeq.get(9)).toBe('h9');
    expect(history.published).toMatchObject({ count: 2, latest: { seq: 9 } });
    expect(history.problems).toEqual([
      { seq: 9, problem: expect.stringMatching(/missing from the checkpoint file/) },
      { seq: 12, problem: expect.stringMatching(/does not verify/) },
    ]);
    expect(
      checkpointHistory(
        summariseCheckpoints(
          [
            { line: 1, checkpoint: published[0]! },
            { line: 2, checkpoint: published[1]! },
          ],
          'chain-1',
          keys.publicKey,
        ),
        published.slice(0, 2),
        'chain-1',
        keys.publicKey,
      ).problems,
    ).toEqual([]);
  });
});
