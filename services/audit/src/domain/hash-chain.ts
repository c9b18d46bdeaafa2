import * as crypto from 'node:crypto';
import { canonicalJson } from './canonical-json';

export { canonicalJson };

/** The hash of the chain before its first entry. */
export const GENESIS_HASH = '0'.repeat(64);

/** What an audit entry records; the hash covers every field of it. */
export interface EntryBody {
  seq: number;
  eventId: string;
  type: string;
  source: string;
  subject: string;
  tenant?: string;
  time: string;
  correlationId: string;
  causationId?: string;
  actor?: string;
  /** Other people the entry concerns (the pseudonymous ids of a list read), so their trails find it. */
  refs?: string[];
  /** The event's data with personal data removed (see redact). */
  data: Record<string, unknown>;
  /** SHA-256 of the canonical JSON of the original, unredacted data: proves content without keeping it. */
  dataDigest: string;
  prevHash: string;
}

export interface AuditEntry extends EntryBody {
  hash: string;
}

// crypto.hash (Node ≥ 20.12) is the one-shot form: no Hash object per call, which matters at a million entries.
const oneShot = (crypto as unknown as { hash?: (algorithm: string, data: string, encoding: 'hex') => string }).hash;
export const sha256 = oneShot
  ? (text: string) => oneShot('sha256', text, 'hex')
  : (text: string) => crypto.createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * The hash of an entry's content: SHA-256 of the canonical JSON of every field but the link.
 * Keeping content and link apart lets an export replace other people's entries by their content
 * hash alone and still be verified end to end, and lets a purge erase content but keep the chain.
 */
export function contentHashOf(body: EntryBody | Omit<EntryBody, 'prevHash'> | AuditEntry): string {
  return sha256(canonicalJson(body, NOT_CONTENT));
}

/** The link fields, which the content hash leaves out (skipped while serialising: no copy per entry). */
const NOT_CONTENT: ReadonlySet<string> = new Set(['prevHash', 'hash']);

/** The chain link: SHA-256 over the previous hash followed by the content hash (both hex). */
export const linkHash = (prevHash: string, contentHash: string) => sha256(prevHash + contentHash);

/** The hash an entry must carry; accepts the stored entry itself (its own hash is ignored). */
export function hashEntry(body: EntryBody | AuditEntry): string {
  return linkHash(body.prevHash, contentHashOf(body));
}

export function bodyOf(entry: AuditEntry): EntryBody {
  const { hash: _hash, ...body } = entry;
  return body;
}
