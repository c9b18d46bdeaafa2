import type { Logger } from '../logging/logger';

export interface PeriodicTask {
  /** Runs one pass now, or joins the pass already running (tests, operators). */
  runNow(): Promise<number>;
  /** Stops the timer and waits for a pass in progress. */
  stop(): Promise<void>;
}

export interface PeriodicTaskOptions {
  /** Runs a first pass at once instead of after the first interval. Default false. */
  runAtStart?: boolean;
}

/** A named piece of scheduled work: what a `*.job.ts` file describes and a service starts with `every`. */
export interface PeriodicJob extends PeriodicTaskOptions {
  /** Names the job in logs (`component`) and messages. */
  name: string;
  intervalMs: number;
  /** One pass; may resolve with how many records it changed (logged when not zero). */
  run: () => Promise<number | void>;
}

/**
 * The one runner of scheduled work: runs `task` every `intervalMs`, never two passes at once in this
 * process (other replicas may run theirs: the task must make each change once). A failed pass is
 * logged and the next tick retries; a pass that reports a count of changed records logs it.
 */
export function startPeriodicTask(
  name: string,
  intervalMs: number,
  logger: Logger,
  task: () => Promise<number | void>,
  options: PeriodicTaskOptions = {},
): PeriodicTask {
  const log = logger.child({ component: name });
  let running: Promise<number> | undefined;
  let stopped = false;
  const pass = () =>
    (running ??= task()
      .then((changed) => {
        if (changed) log.info({ changed }, `${name} pass changed records`);
        return changed ?? 0;
      })
      .catch((error: unknown) => {
        log.warn({ err: error }, `${name} pass failed; the next tick retries`);
        return 0;
      })
      .finally(() => (running = undefined)));
  const timer = setInterval(() => void (stopped || pass()), intervalMs);
  timer.unref();
  if (options.runAtStart) void pass();
  return {
    runNow: pass,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
