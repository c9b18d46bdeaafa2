import { canonicalJson, sha256 } from './hash-chain';

/**
 * Keys whose values are personal data. The trail keeps pseudonymous ids (candidate id, entry id)
 * and outcomes, so a person's data can later be erased elsewhere without breaking the chain; the
 * digest of the original data still proves what the event said.
 */
const PERSONAL_KEYS = new Set(['person', 'names', 'matchedName', 'documents', 'dateOfBirth', 'placeOfBirth', 'detail', 'summary', 'words', 'queryName', 'employment']);

function strip(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(strip);
  if (value && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) if (!PERSONAL_KEYS.has(k)) out[k] = strip(v);
    return out;
  }
  return value;
}

export function redactEventData(data: Record<string, unknown>): { data: Record<string, unknown>; dataDigest: string } {
  return { data: strip(data) as Record<string, unknown>, dataDigest: sha256(canonicalJson(data)) };
}
