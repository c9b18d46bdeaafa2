import { z } from 'zod';
import { isFetchBadPort } from '../http/fetch-bad-ports';
import { commaList } from './list-setting';

/** Settings every service shares; a service extends this with its own. */
export const baseConfigSchema = z.object({
  SERVICE_NAME: z.string().min(1),
  /**
   * `production` (the default) or `development`: the one switch for development conveniences (temporary
   * keyrings, the development mailbox, demo accounts, Kafka without SASL/TLS). In production a service
   * refuses to start with any of them (see `refuseInProduction`). `npm start` and the tests ask for
   * development explicitly.
   */
  VETTING_MODE: z.enum(['production', 'development']).default('production'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  PORT: z.coerce
    .number()
    .int()
    .min(0)
    .max(65535)
    .refine(
      (p) => !isFetchBadPort(p),
      "is on the Fetch standard's bad-port list: fetch clients (the console, tests, other services) cannot reach it",
    ),
  KAFKA_BROKERS: commaList('127.0.0.1:9092'),
  /** SASL mechanism of this service's Kafka principal; `none` only in development mode. */
  KAFKA_SASL_MECHANISM: z.enum(['scram-sha-512', 'scram-sha-256', 'none']).default('scram-sha-512'),
  /** The service's Kafka principal (one per service: the broker's ACLs name it). Default: SERVICE_NAME. */
  KAFKA_USERNAME: z.string().min(1).optional(),
  KAFKA_PASSWORD: z.string().min(1).optional(),
  /** Connect to the brokers over TLS (required in production). */
  KAFKA_TLS: z
    .enum(['true', 'false'])
    .default('false')
    .transform((v) => v === 'true'),
  /** PEM file of the CA that signed the brokers' certificates; default: the system's trusted CAs. */
  KAFKA_TLS_CA_FILE: z.string().min(1).optional(),
  MONGO_URL: z.string().url().default('mongodb://127.0.0.1:27017'),
  /** Database name; each service owns its own. */
  MONGO_DB: z.string().min(1),
  REDIS_URL: z.string().url().default('redis://127.0.0.1:6379'),
  /** Prefix for topic names, so tests can run isolated copies of the whole topology. */
  TOPIC_PREFIX: z.string().default(''),
  /**
   * Outbox relay polling interval. Every write hands its outbox to the relay of its own process at
   * once (`announceOutbox`), so polling only finds what another or a crashed process left: one query
   * per outbox collection per interval, and at 100–250 ms the idle polling of six services kept a
   * tenth of a core busy each. What another process left is its relay's for the write grace (10 s)
   * anyway, so 2 s costs no latency that matters.
   */
  OUTBOX_POLL_MS: z.coerce.number().int().positive().default(2000),
  /** Attempts of a retriable consumer failure before the message goes to the DLQ. */
  CONSUMER_MAX_ATTEMPTS: z.coerce.number().int().positive().default(5),
  /**
   * Partitions a consumer handles at once (within each, CONSUMER_KEY_CONCURRENCY keys at a time, each
   * key in order). A clearance member can hold 18 partitions (three topics × 6).
   */
  CONSUMER_CONCURRENCY: z.coerce.number().int().positive().default(6),
  /**
   * Messages of one partition handled at once, one chain per key (an event's subject), so one
   * candidate's events stay in order. Every message in flight may hold a database connection of
   * FerretDB's shared pool while it reads (see docs/DEVELOPING.md on the pool); writes of concurrent
   * messages share group commits, so more of them in flight means fewer commands per message.
   */
  CONSUMER_KEY_CONCURRENCY: z.coerce.number().int().positive().default(8),
  /** JWKS of the token issuer: an https URL (OIDC provider, or the gateway) or a file path (development keys). */
  AUTH_JWKS: z.string().min(1),
  AUTH_ISSUER: z.string().min(1).default('vetting-gateway'),
  AUTH_AUDIENCE: z.string().min(1).default('vetting'),
  /** OIDC claim mapping (see docs/SECURITY.md): the claim holding roles, e.g. `realm_access.roles` or `groups`. */
  AUTH_ROLES_CLAIM: z.string().min(1).default('roles'),
  /** The claim holding a TCC officer's country. */
  AUTH_COUNTRY_CLAIM: z.string().min(1).default('country'),
  /** The claim holding the display name. */
  AUTH_NAME_CLAIM: z.string().min(1).default('name'),
  /** The claim holding the missions a UN officer is limited to (absent in a token: every mission). */
  AUTH_MISSIONS_CLAIM: z.string().min(1).default('missions'),
  /** Provider roles/groups → platform roles: `vetting-screeners=un-screener,vetting-audit=auditor`. */
  AUTH_ROLE_MAP: z.string().default(''),
  /** Directory of service keys for service-to-service tokens (generated on first start); unset: service tokens are refused. */
  SERVICE_KEYS_DIR: z.string().min(1).optional(),
  /**
   * Base URL of the person-key authority (intake, e.g. `http://intake:4101`): services that open or seal
   * personal data in events get people's keys there with their service token (needs SERVICE_KEYS_DIR).
   */
  PERSON_KEYS_URL: z.string().url().optional(),
  /** How long a person's key stays cached in a process: the erasure bound across processes. Default 30,000 ms. */
  PERSON_KEY_CACHE_MS: z.coerce.number().int().min(0).default(30_000),
});

export type BaseConfig = z.infer<typeof baseConfigSchema>;

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  ${problems.join('\n  ')}`);
    this.name = 'ConfigError';
  }
}

/**
 * Parses the environment once at start. A missing or bad setting throws a ConfigError naming
 * every offending variable, so the process stops with a message an operator can act on.
 */
export function loadConfig<S extends z.ZodType>(schema: S, env: Record<string, string | undefined> = process.env): z.infer<S> {
  const result = schema.safeParse(env);
  if (result.success) return result.data;
  const problems = result.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
  throw new ConfigError(problems);
}
