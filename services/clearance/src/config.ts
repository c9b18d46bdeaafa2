import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { baseConfigSchema, ConfigError, isDevelopment, kafkaUnsafeSettings, unsafeWhen, type UnsafeSetting } from '@vetting/platform';

export const clearanceConfigSchema = baseConfigSchema.extend({
  /** How often the expiry job looks for clearances past their end. Default 60 s. */
  EXPIRY_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** How often the re-vetting job looks for cleared people due under the policy's intervals. Default 10 min. */
  REVETTING_INTERVAL_MS: z.coerce.number().int().positive().default(600_000),
  /** Clearances read per expiry (and re-vetting) batch. Default 100. */
  EXPIRY_BATCH_SIZE: z.coerce.number().int().positive().max(1000).default(100),
  /**
   * Where the field-encryption keyring (`clearance-keyring.json`) lives: it seals notices, candidates'
   * responses and their attachments. Required in production; elsewhere a folder per database under
   * the system's temp dir (tests, benchmarks).
   */
  KEYS_DIR: z.string().min(1).optional(),
  /** Largest attachment of a candidate's response, in bytes. Default 5 MiB. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(15 * 1024 * 1024)
    .default(5 * 1024 * 1024),
});
export type ClearanceConfig = typeof clearanceConfigSchema._output;

/** What clearance may not start with in production. */
export function clearanceUnsafeSettings(c: ClearanceConfig): UnsafeSetting[] {
  return [
    ...kafkaUnsafeSettings(c),
    unsafeWhen(
      !c.KEYS_DIR,
      'KEYS_DIR',
      'is unset: the keyring sealing notices and candidates’ responses would live in a temporary directory and a restart would lose them',
    ),
  ].filter((u): u is UnsafeSetting => Boolean(u));
}

/** The keys folder: KEYS_DIR, or (development mode only) a folder per database under the temp dir. */
export function keysDirOf(c: ClearanceConfig): string {
  if (c.KEYS_DIR) return c.KEYS_DIR;
  if (!isDevelopment(c)) throw new ConfigError(['KEYS_DIR: is required in production (the field-encryption keyring)']);
  return join(tmpdir(), 'vetting-clearance-keys', c.MONGO_DB);
}
