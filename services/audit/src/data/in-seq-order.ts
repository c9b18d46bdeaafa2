import type { AuditEntry } from '../domain/hash-chain';

/**
 * Puts entries read in storage order back into sequence order. FerretDB cannot push a sort or a
 * range on _id down to its backend (it reads and sorts the whole collection per query), so the
 * chain is read in one pass in the order rows are stored (which is append order unless someone
 * rewrote a row) and re-ordered here with a small buffer. A seq that stays missing while the buffer
 * grows is looked up directly (and skipped when the scan reaches it later); if it is not there, the
 * next entry is passed on so the verifier reports the gap. Entries with a non-integer seq (planted between two others) are passed on right
 * after their predecessor, so the verifier reports them where they sit.
 */
export async function* inSeqOrder<T = AuditEntry>(
  source: AsyncIterable<T>,
  range: { from: number; to: number },
  fetch: (seq: number) => Promise<T | undefined>,
  maxBuffered = 20_000,
  /** Where an item sits in the chain (entries: their seq; raw documents: their _id). */
  seqOf: (item: T) => number = (item) => (item as AuditEntry).seq,
): AsyncGenerator<T> {
  const buffer = new Map<number, T>();
  const planted: { seq: number; item: T }[] = [];
  let expected = range.from;
  const lowestBuffered = () => Math.min(...buffer.keys(), ...planted.map((p) => p.seq));

  function* release(): Generator<T> {
    for (;;) {
      const intruder = planted.findIndex((p) => p.seq < expected);
      if (intruder >= 0) yield planted.splice(intruder, 1)[0]!.item;
      else if (buffer.has(expected)) {
        yield buffer.get(expected)!;
        buffer.delete(expected++);
      } else return;
    }
  }

  async function* resolveMissing(): AsyncGenerator<T> {
    const late = await fetch(expected);
    if (late) buffer.set(expected, late);
    else {
      const next = lowestBuffered();
      const intruder = planted.findIndex((p) => p.seq === next);
      yield buffer.get(next) ?? planted[intruder]!.item; // the verifier sees the gap (or the planted entry) here and stops
      if (!buffer.delete(next)) planted.splice(intruder, 1);
      expected = Math.floor(next) + 1;
    }
    yield* release();
  }

  for await (const item of source) {
    const seq = seqOf(item);
    if (seq < range.from || seq > range.to) continue;
    // Already passed on: looked up directly when the scan had not reached it (its row lies further on,
    // e.g. in space an aborted insert freed). Seqs are unique keys, so this is the same row.
    if (Number.isInteger(seq) && seq < expected) continue;
    if (Number.isInteger(seq)) buffer.set(seq, item);
    else planted.push({ seq, item });
    if (seq === expected) yield* release();
    if (buffer.size > maxBuffered) yield* resolveMissing();
  }
  yield* release();
  while (buffer.size > 0 || planted.length > 0) yield* resolveMissing();
}
