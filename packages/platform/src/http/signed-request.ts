import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Signatures of requests between organisations (an authority's callback to the references service):
 * `X-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256(secret, "<t>.<METHOD>.<path>.<raw body>")>`.
 * The method and path bind a signature to the one resource it was made for (a body captured for one
 * check cannot be replayed to another), the timestamp to a window of time, and the receiver accepts
 * each signature once within that window.
 */
export const SIGNATURE_HEADER = 'x-signature';

export interface SignedRequest {
  method: string;
  /** The path the sender called (without scheme, host or query). */
  path: string;
  body: string | Buffer;
}

const mac = (secret: string, t: number, r: SignedRequest) =>
  createHmac('sha256', secret).update(`${t}.${r.method.toUpperCase()}.${r.path}.`).update(r.body).digest();

/** The header value for a request, signed now (or at `nowMs`). */
export function signRequest(secret: string, request: SignedRequest, nowMs = Date.now()): string {
  const t = Math.floor(nowMs / 1000);
  return `t=${t},v1=${mac(secret, t, request).toString('hex')}`;
}

export type SignatureCheck = { ok: true; timestamp: number; signature: string } | { ok: false; reason: string };

/**
 * Checks a signature header in constant time against the request and the time window
 * (`toleranceSeconds` either side of now). The caller still has to accept each `signature` once.
 */
export function verifySignedRequest(
  secret: string,
  request: SignedRequest,
  header: string | undefined,
  options: { nowMs?: number; toleranceSeconds?: number } = {},
): SignatureCheck {
  const parts = Object.fromEntries((header ?? '').split(',').map((p) => p.trim().split('=', 2) as [string, string]));
  const t = Number(parts.t);
  if (!header || !/^\d{1,12}$/.test(parts.t ?? '') || !/^[0-9a-f]{64}$/.test(parts.v1 ?? ''))
    return { ok: false, reason: 'is not t=<unix seconds>,v1=<hex HMAC-SHA256>' };
  const now = (options.nowMs ?? Date.now()) / 1000;
  if (Math.abs(now - t) > (options.toleranceSeconds ?? 300)) return { ok: false, reason: 'is outside the accepted time window' };
  const given = Buffer.from(parts.v1!, 'hex');
  const expected = mac(secret, t, request);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return { ok: false, reason: 'does not match the request' };
  return { ok: true, timestamp: t, signature: parts.v1! };
}

/**
 * A secret per organisation from `<organisation>=<secret>,…` (secrets are base64url, so they hold
 * neither `,` nor `=`). `*` names the secret of every organisation without its own entry.
 */
export function parseSecretMap(text: string, minLength = 32): Map<string, string> {
  const map = new Map<string, string>();
  for (const pair of text
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean)) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at).trim();
    const secret = pair.slice(at + 1).trim();
    if (at < 1 || !name || secret.length < minLength || secret.includes('='))
      throw new Error(`"${name || pair.slice(0, 20)}" must be <organisation>=<secret of at least ${minLength} characters>`);
    if (map.has(name)) throw new Error(`"${name}" is given twice`);
    map.set(name, secret);
  }
  return map;
}

/** The secret an organisation signs with: its own, else the `*` entry. */
export const secretFor = (secrets: ReadonlyMap<string, string>, organisation: string) => secrets.get(organisation) ?? secrets.get('*');
