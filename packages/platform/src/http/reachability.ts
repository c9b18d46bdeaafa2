import { describeError } from '../errors/describe-error';

/**
 * Whether an external HTTP system can be reached at all: any HTTP answer (even 404 or 405) means it
 * can; a network failure (bad port, refused, DNS, TLS, timeout) means it cannot, and the reason is
 * kept with its cause chain. Answers are cached for `cacheMs` so frequent readiness probes do not
 * become traffic to an authority. Throws the reason when unreachable.
 */
export function createReachabilityProbe(url: string, options: { timeoutMs?: number; cacheMs?: number; now?: () => number } = {}) {
  const timeoutMs = options.timeoutMs ?? 2000;
  const cacheMs = options.cacheMs ?? 15_000;
  const now = options.now ?? Date.now;
  let last: { at: number; error?: string } | undefined;
  return async (): Promise<'reachable'> => {
    if (!last || now() - last.at >= cacheMs) {
      try {
        const res = await fetch(url, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs) });
        await res.body?.cancel();
        last = { at: now() };
      } catch (error) {
        const timedOut = (error as Error).name === 'TimeoutError';
        last = { at: now(), error: timedOut ? `no answer within ${timeoutMs} ms` : describeError(error) };
      }
    }
    if (last.error) throw new Error(`cannot reach ${new URL(url).host}: ${last.error}`);
    return 'reachable';
  };
}
