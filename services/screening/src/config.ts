import { z } from 'zod';
import {
  baseConfigSchema,
  kafkaUnsafeSettings,
  keysDirConfig,
  keysDirFor,
  keysDirUnsafe,
  platformSigningConfig,
  platformSigningUnsafeSettings,
  unsafeSettings,
  type UnsafeSetting,
} from '@vetting/platform';

export const screeningConfigSchema = baseConfigSchema.extend({
  /** KEYS_DIR: screening's keyring (`screening-keyring.json`: people's data at rest) and its fingerprint key. */
  ...keysDirConfig,
  /** Score at or above which a hit needs human review. Default: the engine's calibrated value. */
  MATCH_UPPER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /** Score below which a candidate is clear. */
  MATCH_LOWER_THRESHOLD: z.coerce.number().min(0).max(1).optional(),
  /** Ad-hoc checks a user may run at once (token-bucket capacity). Default 20. */
  CHECK_RATE_CAPACITY: z.coerce.number().int().positive().default(20),
  /** Tokens refilled per minute per user. Default 10. */
  CHECK_RATE_PER_MINUTE: z.coerce.number().positive().default(10),
  /** Redis key prefix of the rate-limit buckets. */
  CHECK_RATE_KEY_PREFIX: z.string().default('vetting:screening:checks:'),
  /** Largest uploaded list file. Default 50mb. */
  LIST_UPLOAD_LIMIT: z.string().default('50mb'),
  /** Subjects re-screened per persisted batch. Default 1000. */
  RESCREEN_BATCH_SIZE: z.coerce.number().int().positive().default(1000),
  /** `auto`: delta re-screening for small list changes; `full`: everyone against the whole list every time. */
  RESCREEN_MODE: z.enum(['auto', 'full']).default('auto'),
  /** In auto mode, share of the list a version may add or change and still be re-screened as a delta. Default 0.2. */
  RESCREEN_DELTA_LIMIT: z.coerce.number().min(0).max(1).default(0.2),
  /** Hours an offline list bundle stays usable after it is issued (a verifier may accept less). Default 168 (7 days). */
  BUNDLE_VALID_HOURS: z.coerce
    .number()
    .positive()
    .max(24 * 90)
    .default(168),
  ...platformSigningConfig,
});
export type ScreeningConfig = z.infer<typeof screeningConfigSchema>;

export const keysDirOf = (c: ScreeningConfig): string => keysDirFor(c, 'screening', "screening's keyring");

/** What screening may not start with in production. */
export const screeningUnsafeSettings = (c: ScreeningConfig): UnsafeSetting[] =>
  unsafeSettings(
    kafkaUnsafeSettings(c),
    platformSigningUnsafeSettings(c),
    keysDirUnsafe(c, 'the keyring sealing screened people would live in a temporary directory and a restart would lose them'),
  );
