import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';

/**
 * Small tokens the gateway gives out and checks itself (never accepted by a service as a sign-in):
 * `<base64url JSON>.<base64url HMAC-SHA256>`, with a purpose and an expiry inside. The key is
 * derived from the gateway's signing key, so there is no further secret to keep.
 */
export function createTokenSigner(signingKeyMaterial: string) {
  const key = Buffer.from(
    hkdfSync('sha256', Buffer.from(signingKeyMaterial, 'utf8'), Buffer.alloc(0), 'vetting-gateway/device-and-enrolment-tokens', 32),
  );
  const mac = (payload: string) => createHmac('sha256', key).update(payload).digest();
  return {
    sign(purpose: string, claims: Record<string, unknown>, ttlMs: number, nowMs = Date.now()): string {
      const payload = Buffer.from(JSON.stringify({ ...claims, purpose, exp: nowMs + ttlMs })).toString('base64url');
      return `${payload}.${mac(payload).toString('base64url')}`;
    },
    /** The claims of a token made for `purpose` and not expired; undefined otherwise. */
    verify<T extends Record<string, unknown>>(purpose: string, token: string | undefined, nowMs = Date.now()): T | undefined {
      const [payload, signature] = (token ?? '').split('.');
      if (!payload || !signature) return undefined;
      const given = Buffer.from(signature, 'base64url');
      const expected = mac(payload);
      if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
      try {
        const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as T & { purpose?: string; exp?: number };
        return claims.purpose === purpose && typeof claims.exp === 'number' && claims.exp > nowMs ? claims : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export type TokenSigner = ReturnType<typeof createTokenSigner>;

/** A device that signed in before: its own throttling bucket, untouched by strangers' failures. */
export const newDeviceId = () => randomBytes(12).toString('base64url');
