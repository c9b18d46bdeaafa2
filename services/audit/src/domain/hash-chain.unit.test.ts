import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashEntry, verifyEntries, type AuditEntry } from './hash-chain';

function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prev = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const body = { seq, eventId: `e${seq}`, type: 'candidate.submitted', source: 'intake', subject: `c${seq}`, time: '2026-01-01T00:00:00Z', correlationId: 'x', data: { n: seq }, dataDigest: 'd', prevHash: prev };
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
    expect(verifyEntries(entries).firstBroken).toEqual({ seq: 3, reason: 'hash-mismatch' });
  });

  it('when an entry is deleted, then the gap is reported where it starts', () => {
    const entries = chain(5);
    entries.splice(1, 1);
    expect(verifyEntries(entries).firstBroken).toEqual({ seq: 2, reason: 'sequence-gap' });
  });

  it('when an entry is re-hashed after editing, then the next entry’s link breaks', () => {
    const entries = chain(5);
    const { hash: _h, ...body } = { ...entries[1]!, data: { n: 42 } };
    entries[1] = { ...body, hash: hashEntry(body) };
    expect(verifyEntries(entries).firstBroken).toEqual({ seq: 3, reason: 'prev-hash-mismatch' });
  });

  it('when two entries are swapped, then the disorder is reported', () => {
    const entries = chain(4);
    [entries[1], entries[2]] = [entries[2]!, entries[1]!];
    expect(verifyEntries(entries).firstBroken?.seq).toBe(2);
  });
});
