import { existsSync } from 'node:fs';
import { z } from 'zod';
import { baseConfigSchema, commaList, kafkaUnsafeSettings, unsafeSettings, unsafeWhen, type UnsafeSetting } from '@vetting/platform';
import { demoCredentialsPath } from './data/dev-keys';

export const gatewayConfigSchema = baseConfigSchema.omit({ MONGO_DB: true, AUTH_JWKS: true }).extend({
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
  /** Sign-in attempts allowed per client address per minute (devices that signed in before are not counted). */
  SIGNIN_ADDRESS_ATTEMPTS_PER_MINUTE: z.coerce.number().int().positive().default(40),
  /** Failed sign-ins of an account (or of one known device) before each next attempt must wait: 1 s, 2 s, 4 s … */
  SIGNIN_FREE_FAILURES: z.coerce.number().int().min(0).default(3),
  /** The longest wait between two attempts after failures; an account is never locked. */
  SIGNIN_MAX_DELAY_SECONDS: z.coerce.number().int().positive().default(60),
  /** Redis key prefix of sign-in state (delays, sessions, TOTP steps). */
  SIGNIN_RATE_KEY_PREFIX: z.string().default('vetting:signin:'),
  /**
   * Lifetime of an access token (jose time span). Every service refuses it after that, so it bounds
   * how long a disabled account's token still works; the console refreshes before it runs out.
   */
  ACCESS_TOKEN_TTL: z
    .string()
    .regex(/^\d+\s*(s|m|min)$/, 'must be seconds or minutes, e.g. 300s or 5m')
    .default('5m'),
  /** How long a session can be refreshed after sign-in, at most (then sign in again). */
  SESSION_TTL: z
    .string()
    .regex(/^\d+\s*(m|h)$/, 'must be minutes or hours, e.g. 12h')
    .default('12h'),
  /** Roles whose accounts sign in with a second factor (TOTP), comma-separated. */
  SECOND_FACTOR_ROLES: commaList('admin,un-screener,un-adjudicator'),
  /** The name authenticator apps show for the account. */
  SECOND_FACTOR_ISSUER: z.string().min(1).default('UN vetting'),
  /**
   * Which proxies in front of the gateway to believe about the client's address (X-Forwarded-For),
   * as express's `trust proxy`: a hop count (`1` behind one ingress) or addresses/CIDRs
   * (`10.0.0.0/8`, `loopback`). Default none: the address is the connection's, and a forged header
   * changes nothing. `true` (trust anyone) is refused: every client could pick its own address.
   */
  TRUST_PROXY: z
    .string()
    .default('')
    .refine(
      (s) => !/^(true|\*)$/i.test(s.trim()),
      'must be a hop count or addresses, never true (every client could choose its own address)',
    )
    .transform((s): number | string[] | false =>
      s.trim() === ''
        ? false
        : /^\d+$/.test(s.trim())
          ? Number(s.trim())
          : s
              .split(',')
              .map((a) => a.trim())
              .filter(Boolean),
    ),
  /**
   * Browser origins allowed to call the API cross-origin (comma-separated), for a console served
   * from another origin. Default none: the gateway serves the console itself, same origin, and no
   * other site's page may read an answer (no Access-Control-Allow-Origin is ever sent).
   */
  CONSOLE_ORIGINS: commaList('').pipe(z.array(z.string().url())),
  /**
   * Port of /readyz and /metrics (probes, Prometheus), apart from the public port: the gateway faces
   * the internet and must not publish its internals there. Unset: not served at all.
   */
  OPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
  /** Built console files; a placeholder page is served until the console is built. */
  CONSOLE_DIR: z.string().optional(),
});
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;

/** What the gateway may not start with in production: demo accounts, no first administrator, Kafka unsafe. */
export function gatewayUnsafeSettings(config: GatewayConfig): UnsafeSetting[] {
  const firstStart = !existsSync(`${config.KEYS_DIR}/users.json`);
  return unsafeSettings(
    kafkaUnsafeSettings(config),
    unsafeWhen(
      existsSync(demoCredentialsPath(config.KEYS_DIR)),
      'KEYS_DIR',
      'holds the development demo accounts (dev-credentials.json: passwords in clear); give production its own keys directory',
    ),
    unsafeWhen(
      firstStart && !config.ADMIN_INITIAL_PASSWORD,
      'ADMIN_INITIAL_PASSWORD',
      'is required on the first start: the password of the first administrator (no demo accounts in production)',
    ),
  );
}

/** `12h`, `30m`, `300s` → milliseconds. */
const durationMs = (span: string) => {
  const [, n, unit] = /^(\d+)\s*(s|m|min|h)$/.exec(span.trim()) ?? [];
  return Number(n) * ({ s: 1000, m: 60_000, min: 60_000, h: 3_600_000 }[unit as 's' | 'm' | 'min' | 'h'] ?? 0);
};

/** How sign-in slows repeated failures, who needs a second factor, and how long a session lasts. */
export const signInSettingsOf = (config: GatewayConfig) => ({
  freeFailures: config.SIGNIN_FREE_FAILURES,
  maxDelayMs: config.SIGNIN_MAX_DELAY_SECONDS * 1000,
  secondFactorRoles: config.SECOND_FACTOR_ROLES,
  secondFactorIssuer: config.SECOND_FACTOR_ISSUER,
  sessionTtlMs: durationMs(config.SESSION_TTL),
});

/** Where the gateway forwards each service's API. */
export const serviceUrlsOf = (config: GatewayConfig) => ({
  intake: config.INTAKE_URL,
  screening: config.SCREENING_URL,
  references: config.REFERENCES_URL,
  clearance: config.CLEARANCE_URL,
  audit: config.AUDIT_URL,
  accountability: config.ACCOUNTABILITY_URL,
});
