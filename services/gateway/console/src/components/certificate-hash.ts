import { certificateContent } from '@vetting/contracts/certificate';
import type { Certificate } from '../api/types';

/** Canonical JSON (keys sorted at every level, undefined members left out), as RFC 8785 orders a certificate's content. */
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
 * `sha256:<hex>` of the certified content (the same content intake signs), computed in the browser
 * with Web Crypto: the page checks what it prints.
 */
export async function certificateHash(c: Certificate): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(canonical(certificateContent(c))));
  return `sha256:${[...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, '0')).join('')}`;
}
