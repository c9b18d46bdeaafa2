import { existsSync } from 'node:fs';
import { z } from 'zod';
import { baseConfigSchema, kafkaUnsafeSettings, unsafeWhen, type UnsafeSetting } from '@vetting/platform';
import { demoCredentialsPath } from './data/dev-keys';

export const gatewayConfigSchema = baseConfigSchema
  .omit({ MONGO_DB: true, AUTH_JWKS: true })
  .extend({
    /**
     * The token signing key and the local accounts (users.json), generated on first start, never
     * committed. In development mode also the demo accounts and their passwords (dev-credentials.json).
     */
    KEYS_DIR: z.string().min(1),
    /**
     * Production, first start only: the password of the one account created then (`admin`, stored
     * hashed), who creates every other account. A secret: from a Secret or a file, never the repository.
     */
    ADMIN_INITIAL_PASSWORD: z.string().min(16, 'must be at least 16 characters').optional(),
    /** Base URLs of the services the gateway routes to. */
    INTAKE_URL: z.string().url().default('http://127.0.0.1:4101'),
    SCREENING_URL: z.string().url().default('http://127.0.0.1:4102'),
    REFERENCES_URL: z.string().url().default('http://127.0.0.1:4103'),
    CLEARANCE_URL: z.string().url().default('http://127.0.0.1:4104'),
    AUDIT_URL: z.string().url().default('http://127.0.0.1:4105'),
    ACCOUNTABILITY_URL: z.string().url().default('http://127.0.0.1:4106'),
    /** Sign-in attempts allowed per username per minute (four times as many per client address). */
    SIGNIN_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(10),
    /** Redis key prefix of the sign-in rate limits. */
    SIGNIN_RATE_KEY_PREFIX: z.string().default('vetting:signin:'),
    /** Lifetime of a signed-in session's token. */
    TOKEN_TTL: z.string().default('8h'),
    /**
     * Browser origins allowed to call the API cross-origin (comma-separated), for a console served
     * from another origin. Default none: the gateway serves the console itself, same origin, and no
     * other site's page may read an answer (no Access-Control-Allow-Origin is ever sent).
     */
    CONSOLE_ORIGINS: z
      .string()
      .default('')
      .transform((s) => s.split(',').map((o) => o.trim()).filter(Boolean))
      .pipe(z.array(z.string().url())),
    /** Built console files; a placeholder page is served until the console is built. */
    CONSOLE_DIR: z.string().optional(),
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** What the gateway may not start with in production: demo accounts, no first administrator, Kafka unsafe. */
export function gatewayUnsafeSettings(config: GatewayConfig): UnsafeSetting[] {
  const firstStart = !existsSync(`${config.KEYS_DIR}/users.json`);
  return [
    ...kafkaUnsafeSettings(config),
    unsafeWhen(existsSync(demoCredentialsPath(config.KEYS_DIR)), 'KEYS_DIR', 'holds the development demo accounts (dev-credentials.json: passwords in clear); give production its own keys directory'),
    unsafeWhen(firstStart && !config.ADMIN_INITIAL_PASSWORD, 'ADMIN_INITIAL_PASSWORD', 'is required on the first start: the password of the first administrator (no demo accounts in production)'),
  ].filter((u): u is UnsafeSetting => Boolean(u));
}
