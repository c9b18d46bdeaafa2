import { BSON } from 'mongodb';
import type { AuditEntry } from '../domain/hash-chain';

/**
 * Stored entries read as raw BSON: the reading thread then only moves bytes, and the decoding
 * (as costly as the hashing) runs in the verification workers.
 */
export type RawEntry = Uint8Array;

const view = (doc: RawEntry) => new DataView(doc.buffer, doc.byteOffset, doc.byteLength);

/**
 * The seq (`_id`) of a raw entry without decoding it: `_id` is the first field of a stored
 * document (MongoDB and FerretDB both put it first); anything else falls back to a full decode.
 */
export function seqOfRaw(doc: RawEntry): number {
  // Layout: int32 length, then elements: type byte, "_id\0", value.
  if (doc[5] === 0x5f && doc[6] === 0x69 && doc[7] === 0x64 && doc[8] === 0) {
    if (doc[4] === 0x10) return view(doc).getInt32(9, true);
    if (doc[4] === 0x01) return view(doc).getFloat64(9, true);
    if (doc[4] === 0x12) return Number(view(doc).getBigInt64(9, true));
  }
  return Number(BSON.deserialize(doc)._id);
}

/** The entry a raw stored document holds (seq from `_id`), decoded as the driver would. */
export function entryOfRaw(doc: RawEntry): AuditEntry {
  // No UTF-8 validation: a byte edited into invalid UTF-8 decodes to U+FFFD and then fails its hash anyway.
  const { _id, ...rest } = BSON.deserialize(doc, { validation: { utf8: false } }) as { _id: number } & Omit<AuditEntry, 'seq'>;
  return { seq: Number(_id), ...rest };
}

/** The stored text of a raw block document (its `lines`); a block without it holds no entries. */
export function blockTextOfRaw(doc: RawEntry): string {
  const { lines } = BSON.deserialize(doc, { validation: { utf8: false } }) as { lines?: unknown };
  return typeof lines === 'string' ? lines : '';
}

/** About how many entries a raw block holds (its line breaks): only to size verification segments. */
export function roughLineCount(doc: RawEntry): number {
  let n = 1;
  for (let at = doc.indexOf(10); at >= 0; at = doc.indexOf(10, at + 1)) n++;
  return n;
}

/** Raw documents packed into one buffer (BSON documents carry their own length), to transfer to a worker without copying. */
export function packRaw(docs: readonly RawEntry[]): Uint8Array {
  const size = docs.reduce((n, d) => n + d.byteLength, 0);
  const out = new Uint8Array(size);
  let at = 0;
  for (const doc of docs) {
    out.set(doc, at);
    at += doc.byteLength;
  }
  return out;
}

export function* unpackRaw(packed: Uint8Array): Generator<RawEntry> {
  const lengths = new DataView(packed.buffer, packed.byteOffset, packed.byteLength);
  for (let at = 0; at < packed.byteLength;) {
    const length = lengths.getInt32(at, true);
    yield packed.subarray(at, at + length);
    at += length;
  }
}
