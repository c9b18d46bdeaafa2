import type { Logger } from '../logging/logger';

export type Stop = () => Promise<void>;

/**
 * Starts a service's parts in order and, on SIGTERM/SIGINT, stops them in reverse (HTTP first,
 * then consumers, relays, connections), so in-flight work drains and offsets are committed.
 */
export async function runService(logger: Logger, start: () => Promise<Stop[]>): Promise<void> {
  let stops: Stop[] = [];
  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    for (const stop of [...stops].reverse()) {
      try {
        await stop();
      } catch (error) {
        logger.warn({ err: error }, 'error while stopping');
      }
    }
    logger.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('unhandledRejection', (reason) => logger.error({ err: reason }, 'unhandled rejection'));
  try {
    stops = await start();
  } catch (error) {
    logger.fatal({ err: error }, 'failed to start');
    process.exit(1);
  }
}

/** Stops parts in the reverse of their start order (HTTP first, connections last). */
export async function stopInReverse(stops: Stop[]): Promise<void> {
  for (const stop of [...stops].reverse()) await stop();
}
