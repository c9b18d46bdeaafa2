import { z } from 'zod';
import {
  baseConfigSchema,
  ConfigError,
  kafkaUnsafeSettings,
  keysDirConfig,
  keysDirFor,
  keysDirUnsafe,
  parseSecretMap,
  unsafeSettings,
  unsafeWhen,
  type UnsafeSetting,
} from '@vetting/platform';

const msList = z
  .string()
  .regex(/^\d+(,\d+)*$/, 'must be comma-separated milliseconds')
  .transform((s) => s.split(',').map(Number));

const DAY = 24 * 3600 * 1000;

/** Settings of the references service and its workers (one schema: both read the same environment). */
export const referencesConfigSchema = baseConfigSchema.extend({
  /** Base URL under which referees and authorities reach this service; default http://127.0.0.1:<port>. */
  PUBLIC_URL: z.string().url().optional(),
  /** Base URLs of the external systems (the simulators in development). */
  NATIONAL_RECORDS_URL: z.string().url().default('http://127.0.0.1:4110/national-records'),
  UN_RECORDS_URL: z.string().url().default('http://127.0.0.1:4110/un-records'),
  EMPLOYER_HR_URL: z.string().url().default('http://127.0.0.1:4110/hr'),
  /**
   * Each authority's own secret for signing its callbacks: `<organisation>=<secret>,…` with the
   * organisation as checks name it (`UN`, `GH-records`, `GH-service`, …), secrets of 32 characters or
   * more. `*` signs for every authority without its own entry (development only). No default.
   */
  CALLBACK_SECRETS: z.string().transform((text, ctx) => {
    try {
      const secrets = parseSecretMap(text);
      if (secrets.size === 0) throw new Error('must name at least one authority: <organisation>=<secret>,…');
      return secrets;
    } catch (error) {
      ctx.addIssue({ code: 'custom', message: (error as Error).message });
      return z.NEVER;
    }
  }),
  /** A callback's signature is accepted this many seconds either side of its timestamp, and only once. */
  CALLBACK_WINDOW_SECONDS: z.coerce.number().int().positive().max(3600).default(300),
  /** JSON file with a versioned check policy; default: the built-in policy (domain/check-policy.ts). */
  CHECK_POLICY_FILE: z.string().optional(),
  /** One call to an external system is abandoned after this long. */
  CHECK_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Attempts of a check before it fails and needs an operator. */
  CHECK_ATTEMPTS: z.coerce.number().int().positive().default(8),
  /** First retry delay; doubles each attempt, with jitter. */
  CHECK_BACKOFF_MS: z.coerce.number().int().positive().default(2000),
  /** Requests per second each organisation (authority, employer) gets, and the burst allowed. */
  ORG_RATE_PER_SECOND: z.coerce.number().positive().default(5),
  ORG_RATE_BURST: z.coerce.number().int().positive().default(10),
  /** How long a referee link is valid, and after which an unanswered request is recorded as no-response. */
  REFEREE_DEADLINE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(14 * DAY),
  /** Reminders to referees, after these delays from the request. */
  REMINDER_AFTER_MS: msList.default([3 * DAY, 7 * DAY]),
  /** How long an authority may take to answer by callback before the check is recorded as no-response. */
  ANSWER_DEADLINE_MS: z.coerce
    .number()
    .int()
    .positive()
    .default(30 * DAY),
  WORKER_CONCURRENCY: z.coerce.number().int().positive().default(20),
  /** Port on which a worker process serves its Prometheus `/metrics` (127.0.0.1 unless WORKER_METRICS_HOST); unset: none. */
  WORKER_METRICS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  WORKER_METRICS_HOST: z.string().default('127.0.0.1'),
  /** BullMQ lock duration: a job whose worker stops renewing it for this long is stalled and run again. */
  LOCK_DURATION_MS: z.coerce.number().int().positive().default(30_000),
  STALLED_INTERVAL_MS: z.coerce.number().int().positive().default(30_000),
  MAX_STALLED_COUNT: z.coerce.number().int().nonnegative().default(5),
  /** The worker re-enqueues checks the database says are pending but the queue lost (Redis data loss). */
  SWEEP_INTERVAL_MS: z.coerce.number().int().positive().default(60_000),
  /** BullMQ key prefix (tests use a random one). */
  QUEUE_PREFIX: z.string().min(1).default('vetting'),
  MAIL_FROM: z.string().default('vetting-noreply@un.example'),
  /** KEYS_DIR: the field-encryption keyring (`references-keyring.json`); the HTTP service and the workers must see the same folder. */
  ...keysDirConfig,
  /** `dev` stores mail in the development mailbox (GET /dev/mailbox); `smtp` sends it (SMTP_URL). */
  MAIL_TRANSPORT: z.enum(['dev', 'smtp']).default('dev'),
  /** SMTP server for MAIL_TRANSPORT=smtp, e.g. `smtps://user:pass@mail.example:465` or `smtp://relay:587`. */
  SMTP_URL: z.string().url().optional(),
  /** Days referee answers are kept after a set has all its results; then they are crypto-shredded. 0 = keep. */
  ANSWER_RETENTION_DAYS: z.coerce.number().int().min(0).default(365),
  /** How often the worker looks for answers past retention. Default hourly. */
  RETENTION_INTERVAL_MS: z.coerce.number().int().positive().default(3600_000),
});
export type ReferencesConfig = z.infer<typeof referencesConfigSchema>;

export const keysDirOf = (c: ReferencesConfig): string => keysDirFor(c, 'references');

/** A setting that only some values of another need, checked at start (names the variable). */
export function checkMailConfig(c: ReferencesConfig): void {
  if (c.MAIL_TRANSPORT === 'smtp' && !c.SMTP_URL) throw new ConfigError(['SMTP_URL: is required when MAIL_TRANSPORT=smtp']);
}

/** What the references service and its worker (which publishes the service's events) may not start with in production. */
export function referencesUnsafeSettings(c: ReferencesConfig): UnsafeSetting[] {
  return unsafeSettings(
    kafkaUnsafeSettings(c),
    keysDirUnsafe(c, 'the keyring would live in a temporary directory and a restart would lose every sealed answer'),
    unsafeWhen(
      c.MAIL_TRANSPORT === 'dev',
      'MAIL_TRANSPORT',
      'is dev: the development mailbox sends nothing to referees and shows every link over HTTP; use smtp',
    ),
    unsafeWhen(
      c.CALLBACK_SECRETS.has('*'),
      'CALLBACK_SECRETS',
      'has "*", one secret for every authority: any of them could sign for the others; give each authority its own',
    ),
  );
}
