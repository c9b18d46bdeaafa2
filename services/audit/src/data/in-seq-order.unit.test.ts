import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../domain/hash-chain';
import { inSeqOrder } from './in-seq-order';

const entry = (seq: number) => ({ seq }) as AuditEntry;
async function* from(list: AuditEntry[]) {
  yield* list;
}
async function collect(list: number[], range = { from: 1, to: 1000 }, stored: number[] = list, buffer = 3) {
  const out: number[] = [];
  const fetch = async (seq: number) => (stored.includes(seq) ? entry(seq) : undefined);
  for await (const e of inSeqOrder(from(list.map(entry)), range, fetch, buffer)) out.push(e.seq);
  return out;
}

describe('inSeqOrder', () => {
  it('when rows come back out of storage order, then entries leave in sequence order', async () => {
    expect(await collect([1, 2, 5, 3, 4, 6])).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('when a seq is missing, then the next entry is passed on where the gap is', async () => {
    expect(await collect([1, 2, 4, 5, 6, 7, 8, 9])).toEqual([1, 2, 4, 5, 6, 7, 8, 9]);
  });

  it('when an entry was planted between two others, then it is passed on where the verifier meets it out of place', async () => {
    expect(await collect([1, 2, 2.5, 3, 4])).toEqual([1, 2, 2.5, 3, 4]);
    expect(await collect([1, 2, 3, 2.5, 4])).toEqual([1, 2, 3, 2.5, 4]);
  });

  it('when a range is asked, then only its entries leave', async () => {
    expect(await collect([1, 2, 3, 4, 5], { from: 2, to: 4 })).toEqual([2, 3, 4]);
  });

  it('when a row comes back later in storage order than the buffer holds (space reused after an aborted insert), then it leaves once, in its place', async () => {
    // 3 is stored after 4..8: with a buffer of 3 it is fetched directly when the buffer overflows, then the scan reaches it too.
    expect(await collect([1, 2, 4, 5, 6, 7, 8, 3, 9])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9]);
  });
});
