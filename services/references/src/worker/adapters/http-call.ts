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
 * What a refusal says, kept as the check's `lastError` and sent in `reference.check-failed`: the status
 * and the authority's error code when it gives one, never its free text, which may quote the person.
 */
export function refusalMessage(host: string, status: number, body: string): string {
  let code: unknown;
  try {
    code = (JSON.parse(body) as { code?: unknown }).code;
  } catch {
    code = undefined;
  }
  const safeCode = typeof code === 'string' && /^[\w.:-]{1,60}$/.test(code) ? ` ${code}` : '';
  return `${host} refused the request (${status})${safeCode}`;
}

/**
 * POSTs JSON and sorts every failure into retriable, permanent or rate-limited, so the processor
 * can choose between a BullMQ retry, `UnrecoverableError` and a delay that costs no attempt.
 */
export async function postJson(url: string, body: unknown, signal: AbortSignal): Promise<{ status: number; json: unknown }> {
  let res: Response;
  try {
    res = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify(body),
      signal,
    });
  } catch (error) {
    const timedOut = (error as Error).name === 'TimeoutError' || (error as Error).name === 'AbortError';
    // The cause chain says why (bad port, refused, TLS, DNS): describeError() prints it where the failure is recorded.
    throw new RetriableCheckError(timedOut ? `no answer from ${new URL(url).host} in time` : `cannot reach ${new URL(url).host}`, {
      cause: timedOut ? undefined : error,
    });
  }
  let text: string;
  try {
    text = await res.text();
  } catch {
    throw new RetriableCheckError(`the answer from ${new URL(url).host} was cut off`);
  }
  if (res.status === 429) throw new RateLimitedError(`${new URL(url).host} is rate limiting`, retryAfterMs(res.headers.get('retry-after')));
  if (res.status >= 500 || res.status === 408) throw new RetriableCheckError(`${new URL(url).host} answered ${res.status}`);
  if (res.status >= 400) throw new PermanentCheckError(refusalMessage(new URL(url).host, res.status, text));
  try {
    return { status: res.status, json: JSON.parse(text) as unknown };
  } catch {
    throw new RetriableCheckError(`${new URL(url).host} answered with a malformed body`);
  }
}
