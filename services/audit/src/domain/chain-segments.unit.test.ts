import { describe, expect, it } from 'vitest';
import { createSegmentJoiner, summariseSegment } from './chain-segments';
import { verifyEntries } from './chain-verifier';
import { GENESIS_HASH, type AuditEntry } from './hash-chain';
import { sealed, tamperedChains } from '../testing/tampering';

function chain(n: number, prevHash = GENESIS_HASH, fromSeq = 1): AuditEntry[] {
  const out: AuditEntry[] = [];
  for (let seq = fromSeq; seq < fromSeq + n; seq++) {
    out.push(
      sealed({
        seq,
        eventId: `e${seq}`,
        type: 't',
        source: 's',
        subject: `c${seq % 4}`,
        time: '2026-01-01T00:00:00Z',
        correlationId: 'x',
        data: { n: seq },
        dataDigest: 'd',
        prevHash,
      }),
    );
    prevHash = out[out.length - 1]!.hash;
  }
  return out;
}

describe('verifying a chain in segments', () => {
  it('when any tampering is verified in segments of any size, then the joined result equals the one-at-a-time verifier’s', () => {
    for (const { round, kind, entries, checkpoints, expectedHead, rng } of tamperedChains(chain)) {
      const sequential = verifyEntries(entries, undefined, checkpoints, expectedHead);

      const joiner = createSegmentJoiner({ seq: 1, prevHash: GENESIS_HASH });
      for (let i = 0; i < entries.length;) {
        const size = 1 + rng.int(8);
        if (!joiner.add(summariseSegment(entries.slice(i, i + size), checkpoints))) break;
        i += size;
      }
      expect({ round, kind, result: joiner.finish(expectedHead) }).toEqual({ round, kind, result: sequential });
    }
  });

  it('when a range is verified in segments, then it starts from the anchor it was given', () => {
    const entries = chain(10);
    const joiner = createSegmentJoiner({ seq: 4, prevHash: entries[2]!.hash });
    joiner.add(summariseSegment(entries.slice(3, 6)));
    joiner.add(summariseSegment(entries.slice(6)));
    expect(joiner.finish()).toEqual(verifyEntries(entries.slice(3), { seq: 4, prevHash: entries[2]!.hash }));
    expect(joiner.finish()).toMatchObject({ ok: true, checked: 7, headSeq: 10 });
  });

  it('when a segment is linked to the wrong predecessor, then its first entry is named', () => {
    const joiner = createSegmentJoiner({ seq: 1, prevHash: GENESIS_HASH });
    joiner.add(summariseSegment(chain(3)));
    joiner.add(summariseSegment(chain(3, 'a'.repeat(64), 4)));
    expect(joiner.finish().firstBroken).toMatchObject({ seq: 4, reason: 'prev-hash-mismatch' });
  });
});
