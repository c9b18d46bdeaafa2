import type { PeriodicJob } from '@vetting/platform';
import { expireDueClearances, type ExpiryDeps } from '../use-cases/expire-clearances.use-case';

/**
 * Expires clearances past their validity, a batch a pass. Every replica runs it; each expiry is
 * stored once, whichever replica reaches it first.
 */
export function expiryJob(deps: ExpiryDeps, batchSize: number, intervalMs: number): PeriodicJob {
  return { name: 'expiry-timer', intervalMs, run: () => expireDueClearances(deps, batchSize) };
}
