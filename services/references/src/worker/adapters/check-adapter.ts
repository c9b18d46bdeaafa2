import type { OpenedCheck } from '../../domain/check';

/** What an external system said: a result now, or "accepted" with the answer to come later. */
export type AdapterAnswer =
  { kind: 'result'; result: 'no-adverse' | 'adverse'; externalRef: string } | { kind: 'accepted'; externalRef: string };

export interface AdapterRequest {
  /** Where the authority posts its late answer (signed). */
  callbackUrl: string;
  /** The referee link (misconduct-disclosure only). */
  replyUrl?: string;
  signal: AbortSignal;
}

/** One interface for every check type; each adapter calls a real HTTP endpoint. */
export interface CheckAdapter {
  send(check: OpenedCheck, request: AdapterRequest): Promise<AdapterAnswer>;
}

/** Worth another attempt later: 5xx, timeouts, network errors, malformed answers. */
export class RetriableCheckError extends Error {
  override readonly name = 'RetriableCheckError';
}

/** Will never succeed as sent (4xx other than 408/429): the check fails and waits for an operator. */
export class PermanentCheckError extends Error {
  override readonly name = 'PermanentCheckError';
}

/** The organisation asked us to slow down for `retryAfterMs`. Does not count as an attempt. */
export class RateLimitedError extends Error {
  override readonly name = 'RateLimitedError';
  constructor(
    message: string,
    readonly retryAfterMs: number,
  ) {
    super(message);
  }
}
