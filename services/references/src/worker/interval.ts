import type { Logger } from '@vetting/platform';

/**
 * Runs `task` every `intervalMs`, never two at once in this process; a failure is logged and the
 * next interval tries again. Returns a stop function that waits for a run in progress.
 */
export function startInterval(name: string, intervalMs: number, logger: Logger, task: () => Promise<unknown>) {
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    running ??= task()
      .catch((error: unknown) => logger.warn({ err: error }, `${name} failed; the next interval retries`))
      .finally(() => (running = undefined));
  }, intervalMs);
  return async () => {
    clearInterval(timer);
    await running;
  };
}
