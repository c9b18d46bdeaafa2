import { z } from 'zod';
import { baseConfigSchema } from '@vetting/platform';

export const gatewayConfigSchema = baseConfigSchema
  .omit({ MONGO_DB: true, AUTH_JWKS: true })
  .extend({
    /** Where development keys and demo accounts live (generated on first start, never committed). */
    KEYS_DIR: z.string().min(1),
    /** Base URLs of the services the gateway routes to. */
    INTAKE_URL: z.string().url().default('http://127.0.0.1:4101'),
    SCREENING_URL: z.string().url().default('http://127.0.0.1:4102'),
    REFERENCES_URL: z.string().url().default('http://127.0.0.1:4103'),
    CLEARANCE_URL: z.string().url().default('http://127.0.0.1:4104'),
    AUDIT_URL: z.string().url().default('http://127.0.0.1:4105'),
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
    /**
     * Port of /readyz and /metrics (probes, Prometheus), apart from the public port: the gateway faces
     * the internet and must not publish its internals there. Unset: not served at all.
     */
    OPS_PORT: z.coerce.number().int().min(0).max(65535).optional(),
    /** Built console files; a placeholder page is served until the console is built. */
    CONSOLE_DIR: z.string().optional(),
  });
export type GatewayConfig = z.infer<typeof gatewayConfigSchema>;
