import type { Logger } from '@vetting/platform';

export interface ExpiryTimer {
  /** Runs one pass now (tests, and the first pass at start). */
  runNow(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Runs the expiry pass every `intervalMs`, never two at once in this process (other instances may
 * run theirs: each expiry is stored once). A failed pass is logged and retried at the next tick.
 */
export function startExpiryTimer(run: () => Promise<number>, intervalMs: number, logger: Logger): ExpiryTimer {
  const log = logger.child({ component: 'expiry-timer' });
  let running: Promise<number> | undefined;
  let stopped = false;
  const pass = () => {
    running ??= run()
      .then((n) => {
        if (n) log.info({ expired: n }, 'clearances expired');
        return n;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, 'expiry pass failed; will retry');
        return 0;
      })
      .finally(() => (running = undefined));
    return running;
  };
  const timer = setInterval(() => void (stopped || pass()), intervalMs);
  timer.unref();
  return {
    runNow: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
