import { createHash } from 'node:crypto';
import canonicalizeModule from 'canonicalize';

const canonicalize = canonicalizeModule as unknown as (value: unknown) => string | undefined;

/** RFC 8785 JSON: one byte sequence per value, whatever the key order or number spelling. */
export function canonicalJson(value: unknown): string {
  const text = canonicalize(value);
  if (text === undefined) throw new TypeError('The value has no JSON form');
  return text;
}

export const sha256Hex = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

/** `sha256:<hex>` of the RFC 8785 JSON of a document's content: what a signature vouches for. */
export const contentHashOf = (content: unknown) => `sha256:${sha256Hex(canonicalJson(content))}`;
