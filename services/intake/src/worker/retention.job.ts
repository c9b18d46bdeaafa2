import type { Logger } from '@vetting/platform';
import type { RetentionPolicy } from '../domain/retention';
import { purgeExpired, type EraseDeps } from '../use-cases/erase-candidate.use-case';

/**
 * Runs the retention purge at start and then every `intervalMs`, in this process (FerretDB has no
 * TTL indexes). A failed pass (database restarting) is logged and tried again at the next interval;
 * nothing is lost, since what was due stays due.
 */
export function startRetentionJob(policy: RetentionPolicy, intervalMs: number, deps: EraseDeps & { logger: Logger }) {
  let stopped = false;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | undefined;
  const pass = () => {
    running = purgeExpired(policy, deps).catch((error: unknown) => deps.logger.warn({ err: error }, 'retention pass failed; will retry'));
    void running.then(() => {
      if (!stopped) timer = setTimeout(pass, intervalMs);
    });
  };
  pass();
  return {
    /** One pass now (tests, operators); waits for a pass already running first. */
    async runOnce() {
      await running;
      return purgeExpired(policy, deps);
    },
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
