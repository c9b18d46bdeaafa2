import { within, type Range } from './random';

/** How often each fault happens, as a probability per request (0..1). */
export interface FailureRates {
  /** 503 Service Unavailable. */
  serverError?: number;
  /** 429 Too Many Requests with Retry-After. */
  rateLimited?: number;
  /** No answer at all until the client gives up (the socket is held for `hangMs`). */
  timeout?: number;
  /** 200 with a truncated JSON body. */
  malformed?: number;
}

/** What one request to a simulated authority gets. */
export type Outcome = 'ok' | 'accepted' | 'server-error' | 'rate-limited' | 'timeout' | 'malformed' | 'rejected';

export interface BehaviourOptions {
  failureRates: Required<FailureRates>;
  /** Share of answers that come later through the callback instead of in the response. */
  asyncRate: number;
  latency: Range;
}

/**
 * Decides the outcome of one request. A scripted sequence for a check id (tests) wins; then names
 * that mark permanent failures; then the configured fault rates.
 */
export function decideOutcome(
  random: () => number,
  options: BehaviourOptions,
  scripted: Outcome | undefined,
  permanentFailure: boolean,
): Outcome {
  if (scripted) return scripted;
  if (permanentFailure) return 'rejected';
  const r = random();
  const { serverError, rateLimited, timeout, malformed } = options.failureRates;
  let edge = serverError;
  if (r < edge) return 'server-error';
  if (r < (edge += rateLimited)) return 'rate-limited';
  if (r < (edge += timeout)) return 'timeout';
  if (r < (edge += malformed)) return 'malformed';
  return random() < options.asyncRate ? 'accepted' : 'ok';
}

export const latencyOf = (random: () => number, options: BehaviourOptions) => within(random, options.latency);
