import type { z } from 'zod';
import { loadConfig } from '../config/config';
import { createLogger } from '../logging/logger';
import { runService, type Stop } from './run-service';

/** A service's defaults under the environment: its name, and its database and port in development. */
export interface ServiceDefaults {
  SERVICE_NAME: string;
  MONGO_DB?: string;
  PORT: string;
}

/**
 * A service process's `main.ts`: the config from the environment over `defaults` (a bad setting
 * stops the process naming it), then `start`, whose parts stop in reverse on SIGTERM/SIGINT.
 */
export async function runServiceMain<
  S extends z.ZodType<{ LOG_LEVEL: 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent' }>,
>(schema: S, defaults: ServiceDefaults, start: (config: z.infer<S>) => Promise<{ stops: Stop[] }>): Promise<void> {
  const config = loadConfig(schema, { ...defaults, ...process.env });
  await runService(createLogger(defaults.SERVICE_NAME, config.LOG_LEVEL), async () => (await start(config)).stops);
}
