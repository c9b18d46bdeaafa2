import { canonicalJson, sha256, type AuditEntry } from './hash-chain';

/**
 * How an entry is stored inside a block: one line of `prevHash` (64 hex), `hash` (64 hex) and the
 * entry's content exactly as it is hashed (RFC 8785 JSON of every field but the link). Lines are
 * joined by "\n", which canonical JSON never contains raw. A verifier so hashes the stored bytes
 * as they are: no decoding, no canonicalisation.
 */
const HASH_LENGTH = 64;
const NOT_CONTENT: ReadonlySet<string> = new Set(['prevHash', 'hash']);

/** The hashed content of an entry (its contentHash is the SHA-256 of this text). */
export const contentOf = (entry: AuditEntry): string => canonicalJson(entry, NOT_CONTENT);

export const lineOf = (entry: AuditEntry, content = contentOf(entry)): string => `${entry.prevHash}${entry.hash}${content}`;

/** The text of a block holding these consecutive entries. */
export const blockText = (entries: readonly AuditEntry[]): string => entries.map((e) => lineOf(e)).join('\n');

/** The lines of a block's text (no empty last line: a block ends without "\n"). */
export const linesOf = (text: string): string[] => (text.length === 0 ? [] : text.split('\n'));

/** The entry a stored line holds, as the service reads it (the verifier never needs this). */
export function entryOfLine(line: string): AuditEntry {
  const body = JSON.parse(line.slice(2 * HASH_LENGTH)) as Omit<AuditEntry, 'prevHash' | 'hash'>;
  return { ...body, prevHash: line.slice(0, HASH_LENGTH), hash: line.slice(HASH_LENGTH, 2 * HASH_LENGTH) };
}

/** What the verifier reads from a line: its place, its link, and the hash its stored content gives. */
export interface CheckedLine {
  seq: number;
  prevHash: string;
  hash: string;
  /** SHA-256(prevHash + SHA-256(content)): equal to `hash` unless the line was tampered with. */
  computedHash: string;
}

/** The top-level fields after `data` in canonical (sorted) order: dataDigest, eventId, refs, seq, source, subject, tenant, time, type. */
const TAIL = ',"dataDigest":"';
const SEQ = ',"seq":';
/** A JSON number followed by the next member or the end of the object. */
const NUMBER = /^-?\d+(?:\.\d+)?(?:e[+-]?\d+)?(?=[,}])/;

/**
 * The top-level seq of an entry's canonical content, without parsing it. The tail after the
 * top-level `dataDigest` is the LAST `,"dataDigest":"` of the content: inside a JSON string every
 * quote is escaped, so the pattern only ever marks a key, and every key after the top-level one
 * is a plain top-level field (eventId, refs: strings only), so the first `,"seq":` after it is the
 * top-level seq. Undefined when the content does not have that shape.
 */
export function seqOfContent(content: string): number | undefined {
  const tail = content.lastIndexOf(TAIL);
  const at = tail < 0 ? -1 : content.indexOf(SEQ, tail);
  if (at < 0) return undefined;
  const number = NUMBER.exec(content.slice(at + SEQ.length, at + SEQ.length + 32));
  return number ? Number(number[0]) : undefined;
}

/**
 * Reads a line for verification: the content is hashed as stored, only its seq is read from it.
 * A line whose content does not give its hash (edited bytes, perhaps in the seq itself) cannot be
 * trusted to say where it sits: it is placed at `expectedSeq`, so it fails as edited right there.
 */
export function checkLine(line: string, expectedSeq: number): CheckedLine {
  const prevHash = line.slice(0, HASH_LENGTH);
  const hash = line.slice(HASH_LENGTH, 2 * HASH_LENGTH);
  const content = line.slice(2 * HASH_LENGTH);
  const computedHash = sha256(prevHash + sha256(content));
  const seq = seqOfContent(content);
  if (seq === undefined) return { seq: expectedSeq, prevHash, hash, computedHash: `unreadable:${computedHash}` };
  return { seq: computedHash === hash ? seq : expectedSeq, prevHash, hash, computedHash };
}
