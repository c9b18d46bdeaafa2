import { describe, expect, it } from 'vitest';
import { verifyEntries } from './chain-verifier';
import { GENESIS_HASH, hashEntry, type AuditEntry } from './hash-chain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = {
      seq,
      eventId: `e${seq}`,
      type: 'candidate.submitted',
      source: 'intake',
      subject: `c${seq}`,
      time: '2026-01-01T00:00:00Z',
      correlationId: 'x',
      data: { n: seq },
      dataDigest: 'd',
      prevHash: prev,
    };
    const entry = { ...body, hash: hashEntry(body) };
    out.push(entry);
    prev = entry.hash;
  }
  return out;
}

describe('hash chain', () => {
  it('when nothing was altered, then the whole chain verifies', () => {
    expect(verifyEntries(chain(5))).toMatchObject({ ok: true, checked: 5, headSeq: 5 });
  });

  it('when an entry is edited, then that exact entry is reported', () => {
    const entries = chain(5);
    entries[2] = { ...entries[2]!, data: { n: 99 } };
    expect(verifyEntries(entries).firstBroken).toMatchObject({ seq: 3, reason: 'hash-mismatch' });
  });

  it('when an entry is deleted, then the gap is reported where it starts', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyEntries(entries).firstBroken).toMatchObject({ seq: 2, reason: 'sequence-gap' });
  });

  it('when an entry is re-hashed after editing, then the next entry’s link breaks', () => {
    const entries = chain(5);
    const { hash: _h, ...body } = { ...entries[1]!, data: { n: 42 } };
    entries[1] = { ...body, hash: hashEntry(body) };
    expect(verifyEntries(entries).firstBroken).toMatchObject({ seq: 3, reason: 'prev-hash-mismatch' });
  });

  it('when two entries are swapped, then the disorder is reported', () => {
    const entries = chain(4);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyEntries(entries).firstBroken?.seq).toBe(2);
  });
});

describe('hash chain against signed checkpoints', () => {
  it('when the tail was cut off below the latest checkpoint, then truncation is reported with the expected head', () => {
    const entries = chain(10).slice(0, 7);
    expect(verifyEntries(entries, undefined, new Map(), 10).firstBroken).toMatchObject({ seq: 8, reason: 'truncated', expectedHead: 10 });
  });

  it('when the whole prefix was rewritten consistently, then the checkpoint it contradicts names the entry', () => {
    const original = chain(6);
    const forged = chain(6).map((e) => e);
    let prev = forged[0]!.prevHash;
    for (const [i, e] of forged.entries()) {
      const { hash: _h, ...body } = { ...e, data: { n: 100 + i }, prevHash: prev };
      forged[i] = { ...body, hash: hashEntry(body) };
      prev = forged[i]!.hash;
    }
    const checkpoints = new Map([[4, original[3]!.hash]]);
    expect(verifyEntries(forged, undefined, checkpoints).firstBroken).toMatchObject({ seq: 4, reason: 'checkpoint-mismatch' });
    expect(verifyEntries(original, undefined, checkpoints, 6)).toMatchObject({ ok: true, headSeq: 6 });
  });

  it('when the genesis hash is used, then the first entry links to it', () => {
    expect(chain(1)[0]!.prevHash).toBe(GENESIS_HASH);
  });
});
