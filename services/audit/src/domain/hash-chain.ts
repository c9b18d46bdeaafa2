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

export function hashEntry(body: EntryBody): string {
  return sha256(canonicalJson(body));
}

export function bodyOf(entry: AuditEntry): EntryBody {
  const { hash: _hash, ...body } = entry;
  return body;
}

export type Break =
  | { seq: number; reason: 'hash-mismatch' | 'prev-hash-mismatch' | 'sequence-gap' | 'sequence-disorder' }
  | { seq: number; reason: 'truncated'; expectedHead: number };

export interface VerifyResult {
  ok: boolean;
  checked: number;
  headSeq: number;
  headHash: string;
  firstBroken?: Break;
}

/**
 * Verifies entries in order, one at a time (so a million entries stream through in constant memory).
 * Each entry's hash must match its content, each must link to the one before, and sequence numbers
 * must be consecutive. The first broken entry is reported exactly: an edited entry fails its own
 * hash, a deleted or inserted one breaks the sequence or the link.
 */
export function createChainVerifier(start: { seq: number; prevHash: string } = { seq: 1, prevHash: GENESIS_HASH }) {
  let expectedSeq = start.seq;
  let prevHash = start.prevHash;
  let checked = 0;
  let broken: Break | undefined;
  return {
    /** Returns false once the chain is broken; later entries are not checked. */
    check(entry: AuditEntry): boolean {
      if (broken) return false;
      if (entry.seq !== expectedSeq) broken = { seq: Math.min(entry.seq, expectedSeq), reason: entry.seq < expectedSeq ? 'sequence-disorder' : 'sequence-gap' };
      else if (hashEntry(bodyOf(entry)) !== entry.hash) broken = { seq: entry.seq, reason: 'hash-mismatch' };
      else if (entry.prevHash !== prevHash) broken = { seq: entry.seq, reason: 'prev-hash-mismatch' };
      if (broken) return false;
      prevHash = entry.hash;
      expectedSeq++;
      checked++;
      return true;
    },
    result(): VerifyResult {
      return { ok: !broken, checked, headSeq: expectedSeq - 1, headHash: prevHash, ...(broken ? { firstBroken: broken } : {}) };
    },
  };
}

export function verifyEntries(entries: Iterable<AuditEntry>, start?: { seq: number; prevHash: string }): VerifyResult {
  const verifier = createChainVerifier(start);
  for (const entry of entries) if (!verifier.check(entry)) break;
  return verifier.result();
}

export async function verifyEntriesAsync(entries: AsyncIterable<AuditEntry>, start?: { seq: number; prevHash: string }): Promise<VerifyResult> {
  const verifier = createChainVerifier(start);
  for await (const entry of entries) if (!verifier.check(entry)) break;
  return verifier.result();
}
