import type { Certificate } from '../api/types';

/** Canonical JSON (keys sorted at every level), as intake hashes a certificate (domain/rotation-certificate.ts). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .filter((k) => (value as Record<string, unknown>)[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/**
 * What a certificate's hash covers, exactly as intake builds it (certificateContent): the certificate's
 * id, who certified what and when, the members by id and state, never their names.
 */
export function certifiedContent(c: Certificate): unknown {
  return {
    id: c.id,
    country: c.country,
    rotation: c.rotation,
    missions: c.missions,
    version: c.version,
    ...(c.supersedes ? { supersedes: c.supersedes } : {}),
    certifiedAt: c.certifiedAt,
    certifiedBy: c.certifiedBy,
    ...(c.statement ? { statement: c.statement } : {}),
    members: c.members.map(({ displayName: _name, ...member }) => member),
  };
}

/** `sha256:<hex>` of the certified content, computed in the browser (Web Crypto): the page checks what it prints. */
export async function certificateHash(c: Certificate): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(certifiedContent(c))));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
