import { PermanentCheckError, RateLimitedError, RetriableCheckError } from './check-adapter';

/** Retry-After is seconds or an HTTP date; missing or nonsense means one second. */
export function retryAfterMs(header: string | null, now: number = Date.now()): number {
  if (!header) return 1000;
  const seconds = Number(header);
  if (Number.isFinite(seconds) && seconds >= 0) return Math.min(seconds * 1000, 3600_000);
  const date = Date.parse(header);
  return Number.isFinite(date) ? Math.min(Math.max(0, date - now), 3600_000) : 1000;
}

/**
 * POSTs JSON and sorts every failure into retriable, permanent or rate-limited, so the processor
 * can choose between a BullMQ retry, `UnrecoverableError` and a delay that costs no attempt.
 */
export async function postJson(url: string, body: unknown, signal: AbortSignal): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', accept: 'application/json' }, body: JSON.stringify(body), signal });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    throw new RetriableCheckError(timedOut ? `no answer from ${new URL(url).host} in time` : `cannot reach ${new URL(url).host}: ${(error as Error).message}`);
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new RetriableCheckError(`the answer from ${new URL(url).host} was cut off`);
  }
  if (res.status === 429) throw new RateLimitedError(`${new URL(url).host} is rate limiting`, retryAfterMs(res.headers.get('retry-after')));
  if (res.status >= 500 || res.status === 408) throw new RetriableCheckError(`${new URL(url).host} answered ${res.status}`);
  if (res.status >= 400) throw new PermanentCheckError(`${new URL(url).host} refused the request (${res.status}): ${text.slice(0, 300)}`);
  try {
    return { status: res.status, json: JSON.parse(text) as unknown };
  } catch {
    throw new RetriableCheckError(`${new URL(url).host} answered with a malformed body`);
  }
}
