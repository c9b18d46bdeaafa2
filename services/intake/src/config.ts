import { z } from 'zod';
import {
  baseConfigSchema,
  commaList,
  kafkaUnsafeSettings,
  keysDirConfig,
  keysDirFor,
  keysDirUnsafe,
  platformSigningConfig,
  platformSigningUnsafeSettings,
  unsafeSettings,
  type UnsafeSetting,
} from '@vetting/platform';

const days = (fallback: number) => z.coerce.number().int().min(0).default(fallback);

export const intakeConfigSchema = baseConfigSchema.extend({
  /** Largest contingent file accepted, in bytes. Default 20 MB (a 10,000-row CSV is about 3 MB). */
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .positive()
    .default(20 * 1024 * 1024),
  /** Outbox documents published per relay pass; large so a 10,000-row upload drains quickly. Default 1000. */
  OUTBOX_BATCH_SIZE: z.coerce.number().int().positive().default(1000),
  /** KEYS_DIR: the field-encryption keyring (`intake-keyring.json`) and the blind-index key. */
  ...keysDirConfig,
  /** Services answered at `POST /person-keys/lookup` (they open or seal people's data in events). */
  PERSON_KEY_CLIENTS: commaList('screening,references,clearance,audit'),
  /**
   * Versions of the consent forms candidates sign, comma-separated; a consent on any other version is
   * refused (400 naming consent/formVersion) and the console offers only these. Default
   * `UN-HRSP-2024.1,v1` (the demo installation's forms; a deployment sets its own).
   */
  CONSENT_FORMS: z.string().min(1).default('UN-HRSP-2024.1,v1'),
  /** Versions of the human-rights self-declaration forms, as CONSENT_FORMS. Default `HRSP-SC-2024,v1`. */
  DECLARATION_FORMS: z.string().min(1).default('HRSP-SC-2024,v1'),
  /** Versions of the declaration of no other employer in the look-back window, as CONSENT_FORMS. Default `UN-EMP-2026.1,v1`. */
  EMPLOYMENT_DECLARATION_FORMS: z.string().min(1).default('UN-EMP-2026.1,v1'),
  /** Days personal data is kept after a "not cleared" decision. Default 365. */
  RETENTION_NOT_CLEARED_DAYS: days(365),
  /** Days after a withdrawal. Default 90. */
  RETENTION_WITHDRAWN_DAYS: days(90),
  /** Days after a clearance's validity ends (or after it expired / was revoked). Default 365. */
  RETENTION_CLEARED_DAYS_AFTER_VALIDITY: days(365),
  /** Days a nomination may stay undecided (abandoned) before it is erased. Default 730. */
  RETENTION_UNDECIDED_DAYS: days(730),
  /** How often the retention job looks for expired people. Default hourly. */
  RETENTION_INTERVAL_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  ...platformSigningConfig,
});
export type IntakeConfig = typeof intakeConfigSchema._output;

/** What intake may not start with in production. */
export function intakeUnsafeSettings(c: IntakeConfig): UnsafeSetting[] {
  return unsafeSettings(
    kafkaUnsafeSettings(c),
    platformSigningUnsafeSettings(c),
    keysDirUnsafe(c, 'the keyring would live in a temporary directory and a restart would lose every sealed field'),
  );
}

export const keysDirOf = (c: IntakeConfig): string => keysDirFor(c, 'intake');
