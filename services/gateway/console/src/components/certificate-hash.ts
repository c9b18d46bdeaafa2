import type { Certificate } from '../api/types';

/** Canonical JSON (keys sorted at every level), as intake hashes a certificate (domain/rotation-certificate.ts). */
export function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object')
    return `{${Object.keys(value)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${canonical((value as Record<string, unknown>)[k])}`)
      .join(',')}}`;
  return JSON.stringify(value);
}

/** What a certificate's hash covers: who certified what and when, the members by id and state, never their names. */
export function certifiedContent(c: Certificate): unknown {
  return {
    country: c.country,
    rotation: c.rotation,
    version: c.version,
    certifiedAt: c.certifiedAt,
    certifiedBy: c.certifiedBy,
    members: c.members.map(({ displayName: _name, ...member }) => member),
  };
}

/** `sha256:<hex>` of the certified content, computed in the browser (Web Crypto): the page checks what it prints. */
export async function certificateHash(c: Certificate): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(certifiedContent(c))));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
