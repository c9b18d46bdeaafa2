import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

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

export const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** RFC 8785 canonical JSON, so the same entry hashes the same in any implementation. */
export const canonicalJson = (value: unknown): string => canonicalize(value) ?? 'null';

/**
 * The hash of an entry's content: SHA-256 of the canonical JSON of every field but the link.
 * Keeping content and link apart lets an export replace other people's entries by their content
 * hash alone and still be verified end to end, and lets a purge erase content but keep the chain.
 */
export function contentHashOf(body: EntryBody | Omit<EntryBody, 'prevHash'>): string {
  const { prevHash: _prev, ...content } = body as EntryBody;
  return sha256(canonicalJson(content));
}

/** The chain link: SHA-256 over the previous hash followed by the content hash (both hex). */
export const linkHash = (prevHash: string, contentHash: string) => sha256(prevHash + contentHash);

export function hashEntry(body: EntryBody): string {
  return linkHash(body.prevHash, contentHashOf(body));
}

export function bodyOf(entry: AuditEntry): EntryBody {
  const { hash: _hash, ...body } = entry;
  return body;
}
