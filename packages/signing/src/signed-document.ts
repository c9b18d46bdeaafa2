import { verify } from 'node:crypto';
import { contentHashOf } from './canonical';
import type { TrustedKeys } from './keys';
import type { Signer } from './signer';

/**
 * A document the platform vouches for: its content, the SHA-256 of the content's RFC 8785 JSON, and
 * an Ed25519 signature over that hash. The signature also covers the format (a certificate's
 * signature cannot pass for a list bundle's), the key id and the signing time.
 */
export interface SignedDocument<T = unknown> {
  format: string;
  content: T;
  contentHash: string;
  signature: { algorithm: 'Ed25519'; keyId: string; signedAt: string; value: string };
}

export const signingPayload = (format: string, contentHash: string, keyId: string, signedAt: string) =>
  Buffer.from(`${format}\n${contentHash}\n${keyId}\n${signedAt}`, 'utf8');

export async function signDocument<T>(format: string, content: T, signer: Signer, now: Date = new Date()): Promise<SignedDocument<T>> {
  const contentHash = contentHashOf(content);
  const signedAt = now.toISOString();
  const value = (await signer.sign(signingPayload(format, contentHash, signer.keyId, signedAt))).toString('base64');
  return { format, content, contentHash, signature: { algorithm: 'Ed25519', keyId: signer.keyId, signedAt, value } };
}

/** Why a document is refused, from the most basic failure to the last. */
export type SignatureProblem = 'malformed' | 'wrong-format' | 'content-altered' | 'unknown-key' | 'bad-signature';

export type DocumentVerification =
  | { ok: true; keyId: string; contentHash: string; signedAt: string }
  | { ok: false; problem: SignatureProblem; reason: string; keyId?: string };

const REASONS: Record<SignatureProblem, string> = {
  malformed: 'the file is not a signed document of the platform',
  'wrong-format': 'the document is of another kind',
  'content-altered': 'the content does not match its hash: the document was altered',
  'unknown-key': 'the document is signed with a key this verifier does not trust',
  'bad-signature': 'the signature does not verify: the document or its signature was altered',
};

const fail = (problem: SignatureProblem, detail?: string, keyId?: string): DocumentVerification => ({
  ok: false,
  problem,
  reason: detail ? `${REASONS[problem]} (${detail})` : REASONS[problem],
  ...(keyId ? { keyId } : {}),
});

/** Strict base64: Node ignores the unused bits of the last character, so "…Aw==" and "…Av==" decode alike. */
function strictBase64(text: string): Buffer | undefined {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
}

/**
 * Verifies a document against keys the verifier already trusts (never a key the document carries):
 * the kind, the content hash recomputed from the content, the key, then the signature.
 */
export function verifySignedDocument(doc: unknown, expect: { format: string; trusted: TrustedKeys }): DocumentVerification {
  const d = doc as Partial<SignedDocument>;
  const s = d?.signature;
  if (
    !d ||
    typeof d !== 'object' ||
    typeof d.format !== 'string' ||
    typeof d.contentHash !== 'string' ||
    !('content' in d) ||
    !s ||
    typeof s.value !== 'string' ||
    typeof s.keyId !== 'string' ||
    typeof s.signedAt !== 'string'
  )
    return fail('malformed');
  if (d.format !== expect.format) return fail('wrong-format', `${d.format}, expected ${expect.format}`);
  let actual: string;
  try {
    actual = contentHashOf(d.content);
  } catch {
    return fail('malformed', 'the content has no JSON form');
  }
  if (actual !== d.contentHash) return fail('content-altered');
  const key = expect.trusted.byId.get(s.keyId);
  if (!key) return fail('unknown-key', `key ${s.keyId}`, s.keyId);
  const signature = strictBase64(s.value);
  let valid = false;
  try {
    valid =
      s.algorithm === 'Ed25519' &&
      Boolean(signature) &&
      verify(null, signingPayload(d.format, d.contentHash, s.keyId, s.signedAt), key, signature!);
  } catch {
    valid = false;
  }
  if (!valid) return fail('bad-signature', undefined, s.keyId);
  return { ok: true, keyId: s.keyId, contentHash: d.contentHash, signedAt: s.signedAt };
}

/** Reads a signed document from a file's text; a file that is not JSON is `malformed`. */
export function parseSignedDocument(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
