import { describe, expect, it } from 'vitest';
import { createSegmentJoiner, summariseBlocks } from './chain-segments';
import { verifyEntries } from './chain-verifier';
import { blockText, checkLine, entryOfLine, lineOf, linesOf, seqOfContent } from './entry-line';
import { GENESIS_HASH, type AuditEntry } from './hash-chain';
import { random, sealed, tamperedChains } from '../testing/tampering';

// Data with keys that try to confuse the seq reader: a nested dataDigest and seq, quotes in strings.
function chain(n: number): AuditEntry[] {
  const out: AuditEntry[] = [];
  let prevHash = GENESIS_HASH;
  for (let seq = 1; seq <= n; seq++) {
    const data = { n: seq, inner: { dataDigest: 'x', seq: 999 }, note: ',"dataDigest":"y","seq":7,' };
    out.push(
      sealed({
        seq,
        eventId: `e${seq}`,
        type: 't',
        source: 's',
        subject: `c${seq % 4}`,
        time: '2026-01-01T00:00:00Z',
        correlationId: 'x',
        refs: ['r,"seq":5'],
        data,
        dataDigest: 'd',
        prevHash,
      }),
    );
    prevHash = out[out.length - 1]!.hash;
  }
  return out;
}

/** Lines cut into blocks of random sizes, then blocks into segments of random sizes, verified and joined. */
function verifyInBlocks(lines: string[], rng: ReturnType<typeof random>, checkpoints: Map<number, string>, expectedHead: number) {
  const texts: string[] = [];
  for (let i = 0; i < lines.length;) {
    const size = 1 + rng.int(6);
    texts.push(lines.slice(i, i + size).join('\n'));
    i += size;
  }
  const joiner = createSegmentJoiner({ seq: 1, prevHash: GENESIS_HASH });
  for (let i = 0; i < texts.length;) {
    const size = 1 + rng.int(3);
    const summary = summariseBlocks(texts.slice(i, i + size), checkpoints);
    if (summary && !joiner.add(summary)) break;
    i += size;
  }
  return joiner.finish(expectedHead);
}

describe('verifying blocks of stored lines', () => {
  it('when any tampering is verified block by block in segments, then the result equals the one-at-a-time verifier’s on the entries', () => {
    for (const { round, kind, entries, checkpoints, expectedHead, rng } of tamperedChains(chain)) {
      const sequential = verifyEntries(entries, undefined, checkpoints, expectedHead);
      const result = verifyInBlocks(
        entries.map((e) => lineOf(e)),
        rng,
        checkpoints,
        expectedHead,
      );
      expect({ round, kind, result }).toEqual({ round, kind, result: sequential });
    }
  });

  it('when a stored line’s bytes are edited or garbled, then that entry is named as edited', () => {
    const rng = random(7);
    for (let round = 0; round < 300; round++) {
      const n = 2 + rng.int(30);
      const lines = chain(n).map((e) => lineOf(e));
      const k = rng.int(n);
      // Often inside the seq itself, which must not make the line claim another place.
      const seqAt = lines[k]!.lastIndexOf('"seq":') + 6;
      const at = rng.next() < 0.5 ? seqAt + rng.int(2) : 128 + rng.int(lines[k]!.length - 128);
      const other = lines[k]![at] === '1' ? '2' : '1'; // a different byte (a digit keeps the seq well-formed)
      lines[k] =
        rng.next() < 0.7
          ? `${lines[k]!.slice(0, at)}${rng.next() < 0.5 ? '#' : other}${lines[k]!.slice(at + 1)}`
          : `${lines[k]!.slice(0, 128)}garbage`;
      expect(verifyInBlocks(lines, rng, new Map(), 0).firstBroken).toMatchObject({ seq: k + 1, reason: 'hash-mismatch' });
    }
  });

  it('when a line is read, then its seq is the top-level one and the entry round-trips', () => {
    const [entry] = chain(3).slice(2);
    const line = lineOf(entry!);
    expect(seqOfContent(line.slice(128))).toBe(3);
    expect(checkLine(line, 0)).toMatchObject({ seq: 3, hash: entry!.hash, computedHash: entry!.hash });
    expect(entryOfLine(line)).toEqual(entry);
    expect(linesOf(blockText(chain(5)))).toHaveLength(5);
  });

  it('when a range starts and ends inside blocks, then only its entries are checked', () => {
    const entries = chain(10);
    const texts = [blockText(entries.slice(0, 4)), blockText(entries.slice(4, 8)), blockText(entries.slice(8))];
    const joiner = createSegmentJoiner({ seq: 3, prevHash: entries[1]!.hash });
    for (const text of texts) {
      const summary = summariseBlocks([text], new Map(), { from: 3, to: 9 });
      if (summary) joiner.add(summary);
    }
    expect(joiner.finish()).toMatchObject({ ok: true, checked: 7, fromSeq: 3, headSeq: 9 });
  });
});
