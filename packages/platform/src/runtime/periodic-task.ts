import type { Logger } from '../logging/logger';

export interface PeriodicTask {
  /** Runs one pass now, or joins the pass already running (tests, and a first pass at start). */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

/**
 * Runs `task` every `intervalMs`, never two passes at once in this process (other replicas may run
 * theirs: the task must make each change once). A failed pass is logged and the next tick retries;
 * a pass that changed something logs how many.
 */
export function startPeriodicTask(name: string, intervalMs: number, logger: Logger, task: () => Promise<number>): PeriodicTask {
  const log = logger.child({ component: name });
  let running: Promise<number> | undefined;
  let stopped = false;
  const pass = () =>
    (running ??= task()
      .then((changed) => {
        if (changed) log.info({ changed }, `${name} pass changed records`);
        return changed;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, `${name} pass failed; the next tick retries`);
        return 0;
      })
      .finally(() => (running = undefined)));
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
