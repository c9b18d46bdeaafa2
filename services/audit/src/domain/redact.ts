import { createHmac } from 'node:crypto';
import { canonicalJson } from './hash-chain';

/**
 * Keys whose values are personal data. The trail keeps pseudonymous ids (candidate id, entry id)
 * and outcomes, so a person's data can later be erased elsewhere without breaking the chain; the
 * keyed digest of the original data still proves what the event said. Events carry personal data
 * only sealed (`personal`); these keys catch anything in clear all the same (older events, a
 * producer's mistake), free text about a person included.
 */
const PERSONAL_KEYS = new Set([
  'person',
  'names',
  'matchedName',
  'documents',
  'dateOfBirth',
  'placeOfBirth',
  'detail',
  'summary',
  'words',
  'queryName',
  'reason',
  'note',
  'overrideReason',
  'countersignatureReason',
  'rejectionReason',
  'explanation',
  'contactEmail',
  'email',
  'serviceNumber',
  'employment',
  'declared',
]);

/**
 * Event types whose sealed block the trail keeps (still sealed under the person's key: erasing the
 * person makes it unreadable here too): the written reasons an auditor reads with the step. The
 * blocks of other types hold identity data no auditor needs and are dropped.
 */
const KEPT_SEALED = new Set(['candidate.withdrawn', 'screening.match-resolved', 'clearance.decided', 'clearance.revoked']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!PERSONAL_KEYS.has(k)) out[k] = strip(v);
    return out;
  }
  return value;
}

/**
 * The entry's data (redacted) and a keyed digest (HMAC-SHA256 with the audit digest key) of the
 * original: it proves what the event said to whoever holds the key, and unlike a bare hash it does
 * not confirm a guess of a person's data to anyone else.
 */
export function redactEventData(
  type: string,
  data: Record<string, unknown>,
  digestKey: Buffer,
): { data: Record<string, unknown>; dataDigest: string } {
  const { personal, ...rest } = data;
  const redacted = strip(rest) as Record<string, unknown>;
  return {
    data: personal && KEPT_SEALED.has(type) ? { ...redacted, personal } : redacted,
    dataDigest: createHmac('sha256', digestKey).update(canonicalJson(data), 'utf8').digest('hex'),
  };
}
