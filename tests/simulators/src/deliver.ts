import { createHmac } from 'node:crypto';

/** The signature header an authority puts on its callbacks: HMAC-SHA256 of the raw body. */
export const signBody = (secret: string, body: string) => `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;

/**
 * Posts a late answer the way a real authority's system would: signed (when a secret is given),
 * retried with backoff on network errors and 5xx, abandoned on a 4xx (the receiver refused it).
 */
export async function deliver(url: string, payload: unknown, secret: string | undefined, isStopped: () => boolean): Promise<'delivered' | 'refused' | 'gave-up'> {
  const body = JSON.stringify(payload);
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret) headers['x-signature'] = signBody(secret, body);
  for (let attempt = 0; attempt < 8 && !isStopped(); attempt++) {
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.ok) return 'delivered';
      if (res.status < 500 && res.status !== 429) return 'refused';
    } catch {
      // the receiver is down or restarting: try again later
    }
    await new Promise((r) => setTimeout(r, Math.min(30_000, 250 * 2 ** attempt)));
  }
  return 'gave-up';
}
