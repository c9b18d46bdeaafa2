import { signRequest, SIGNATURE_HEADER } from '@vetting/platform/signed-request';

/** Signs one delivery attempt with the authority's own secret (over method, path, time and body). */
export const signerFor = (secret: string) => (request: { method: string; path: string; body: string }) => signRequest(secret, request);
export type Signer = ReturnType<typeof signerFor>;

/** How long a late answer is retried by default: webhook senders keep trying for hours (a receiver's outage is not a refusal). */
export const DEFAULT_RETRY_FOR_MS = 60 * 60_000;

/**
 * Posts a late answer the way a real authority's system would: signed (when a signer is given; each
 * attempt anew, so a retry carries a fresh timestamp and is not taken for a replay), retried with backoff (capped at 30 s) on network errors, 5xx and 429 for `retryForMs`, abandoned
 * on any other 4xx (the receiver refused it). The fault run kills the receiver and its database for
 * longer than a minute at a time; with 8 attempts (~1 min) 36 of 5,000 answers were lost for good.
 */
export async function deliver(
  url: string,
  payload: unknown,
  sign: Signer | undefined,
  isStopped: () => boolean,
  { retryForMs = DEFAULT_RETRY_FOR_MS, maxDelayMs = 30_000 }: { retryForMs?: number; maxDelayMs?: number } = {},
): Promise<'delivered' | 'refused' | 'gave-up'> {
  const body = JSON.stringify(payload);
  const giveUpAt = Date.now() + retryForMs;
  for (let attempt = 0; Date.now() < giveUpAt && !isStopped(); attempt++) {
    const headers: Record<string, string> = { 'content-type': 'application/json' };
    if (sign) headers[SIGNATURE_HEADER] = sign({ method: 'POST', path: new URL(url).pathname, body });
    try {
      const res = await fetch(url, { method: 'POST', headers, body, signal: AbortSignal.timeout(10_000) });
      await res.arrayBuffer();
      if (res.ok) return 'delivered';
      if (res.status < 500 && res.status !== 429) return 'refused';
    } catch {
      // the receiver is down or restarting: try again later
    }
    await new Promise((r) => setTimeout(r, Math.min(maxDelayMs, 250 * 2 ** Math.min(attempt, 7))));
  }
  return 'gave-up';
}
