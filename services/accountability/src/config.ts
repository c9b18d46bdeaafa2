import { z } from 'zod';
import { baseConfigSchema, kafkaUnsafeSettings, keysDirConfig, keysDirFor, keysDirUnsafe, unsafeSettings } from '@vetting/platform';

const days = (fallback: number) => z.coerce.number().int().positive().max(3650).default(fallback);

export const accountabilityConfigSchema = baseConfigSchema.extend({
  /** Days an accepted safeguarding self-assessment stays current before the office is due again. Default 365. */
  ASSESSMENT_VALID_DAYS: days(365),
  /** KEYS_DIR: the keyring (`accountability-keyring.json`) sealing what requests for action ask and the countries' responses. */
  ...keysDirConfig,
  /** Days a country has to act on a request for action when the UN sets no deadline. Default 90. */
  ACTION_REQUEST_DAYS: days(90),
  /** The office is reminded this many days before a request's deadline. Default 14. */
  ACTION_REQUEST_REMIND_BEFORE_DAYS: days(14),
  /** And again this often while the request is overdue. Default 30. */
  ACTION_REQUEST_REMIND_EVERY_DAYS: days(30),
  /** How often the reminder job looks at open requests. Default hourly. */
  ACTION_REQUEST_SWEEP_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(60 * 60 * 1000),
  /** Days to answer a misconduct-disclosure request from a later employer, from its receipt. Default 20 (the scheme asks for a prompt answer). */
  DISCLOSURE_ANSWER_DAYS: days(20),
});
export type AccountabilityConfig = typeof accountabilityConfigSchema._output;

/** What a restart would lose if the keyring lived in a temporary directory. */
const KEYRING_LOSS =
  'the keyring sealing requests for action and responses would live in a temporary directory and a restart would lose them';

/** What accountability may not start with in production. */
export const accountabilityUnsafeSettings = (c: AccountabilityConfig) =>
  unsafeSettings(kafkaUnsafeSettings(c), keysDirUnsafe(c, KEYRING_LOSS));

export const keysDirOf = (c: AccountabilityConfig): string => keysDirFor(c, 'accountability');
