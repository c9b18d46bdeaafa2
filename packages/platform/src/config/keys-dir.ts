import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ConfigError } from './config';
import { isDevelopment, unsafeWhen, type ModeConfig, type UnsafeSetting } from './mode';

/** The setting of a service that seals data at rest with its own keyring (`<service>-keyring.json`). */
export const keysDirConfig = {
  /**
   * Where the service's keyring and its other keys live; created on first start. `npm start` sets
   * `.data/keys`; production mounts a secret. Required in production; in development mode a folder
   * per database under the system's temp dir (tests, benchmarks).
   */
  KEYS_DIR: z.string().min(1).optional(),
};

type KeysDirConfig = ModeConfig & { KEYS_DIR?: string; MONGO_DB: string };

/**
 * The keys folder: KEYS_DIR, or (development mode only) `vetting-<service>-keys/<database>` under the
 * temp dir. `holds` names what production would miss in the error.
 */
export function keysDirFor(c: KeysDirConfig, service: string, holds = 'the field-encryption keyring'): string {
  if (c.KEYS_DIR) return c.KEYS_DIR;
  if (!isDevelopment(c)) throw new ConfigError([`KEYS_DIR: is required in production (${holds})`]);
  return join(tmpdir(), `vetting-${service}-keys`, c.MONGO_DB);
}

/** Production may not keep a keyring in a temporary directory; `loses` says what a restart would lose. */
export const keysDirUnsafe = (c: { KEYS_DIR?: string }, loses: string): UnsafeSetting | false =>
  unsafeWhen(!c.KEYS_DIR, 'KEYS_DIR', `is unset: ${loses}`);
