import { z } from 'zod';
import { baseConfigSchema, kafkaUnsafeSettings, keysDirConfig, keysDirFor, keysDirUnsafe, unsafeSettings } from '@vetting/platform';

export const clearanceConfigSchema = baseConfigSchema.extend({
  /** How often the expiry job looks for clearances past their end. Default 60 s. */
  EXPIRY_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** How often the re-vetting job looks for cleared people due under the policy's intervals. Default 10 min. */
  REVETTING_INTERVAL_MS: z.coerce.number().int().positive().default(600_000),
  /** Clearances read per expiry (and re-vetting) batch. Default 100. */
  EXPIRY_BATCH_SIZE: z.coerce.number().int().positive().max(1000).default(100),
  /** KEYS_DIR: the keyring (`clearance-keyring.json`) sealing notices, candidates' responses and their attachments. */
  ...keysDirConfig,
  /** Largest attachment of a candidate's response, in bytes. Default 5 MiB. */
  ATTACHMENT_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .max(15 * 1024 * 1024)
    .default(5 * 1024 * 1024),
});
export type ClearanceConfig = typeof clearanceConfigSchema._output;

/** What a restart would lose if the keyring lived in a temporary directory. */
const KEYRING_LOSS =
  'the keyring sealing notices and candidates’ responses would live in a temporary directory and a restart would lose them';

/** What clearance may not start with in production. */
export const clearanceUnsafeSettings = (c: ClearanceConfig) => unsafeSettings(kafkaUnsafeSettings(c), keysDirUnsafe(c, KEYRING_LOSS));

export const keysDirOf = (c: ClearanceConfig): string => keysDirFor(c, 'clearance');
