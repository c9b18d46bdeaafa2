import type { Logger, PeriodicJob } from '@vetting/platform';
import type { RetentionPolicy } from '../domain/retention';
import { purgeExpired, type EraseDeps } from '../use-cases/erase-candidate.use-case';

/**
 * The retention purge, at start and then every `intervalMs` (FerretDB has no TTL indexes). A failed
 * pass (database restarting) is tried again at the next interval; nothing is lost, since what was
 * due stays due.
 */
export function retentionJob(policy: RetentionPolicy, intervalMs: number, deps: EraseDeps & { logger: Logger }): PeriodicJob {
  return { name: 'retention', intervalMs, runAtStart: true, run: () => purgeExpired(policy, deps) };
}
