import { readFileSync } from 'node:fs';
import type { SASLOptions } from 'kafkajs';
import type { BaseConfig } from '../config/config';
import { unsafeSettings, unsafeWhen, type UnsafeSetting } from '../config/mode';

/** A Kafka principal's SCRAM credentials. */
export interface KafkaAuth {
  mechanism: 'scram-sha-256' | 'scram-sha-512';
  username: string;
  password: string;
}

/** How a client reaches the brokers: SASL credentials (none only in development) and TLS. */
export interface KafkaSecurity {
  /** `null`: no SASL (development only). Left out: the process's own, from its environment. */
  sasl?: KafkaAuth | null;
  /** `true`: TLS with the system's CAs; `{ ca }`: TLS trusting that CA (PEM); `false`: plain TCP. */
  ssl?: boolean | { ca: string };
}

type Env = Record<string, string | undefined>;
/** The Kafka settings of a service's config (every service's schema has them). */
export type KafkaConfig = Pick<
  BaseConfig,
  'SERVICE_NAME' | 'KAFKA_SASL_MECHANISM' | 'KAFKA_USERNAME' | 'KAFKA_PASSWORD' | 'KAFKA_TLS' | 'KAFKA_TLS_CA_FILE'
>;

/** The SASL credentials in an environment (KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD), if any. */
export function kafkaAuthFromEnv(env: Env, defaultUsername?: string): KafkaAuth | undefined {
  const mechanism = (env.KAFKA_SASL_MECHANISM ?? 'scram-sha-512') as KafkaAuth['mechanism'] | 'none';
  const username = env.KAFKA_USERNAME ?? defaultUsername;
  if (mechanism === 'none' || !env.KAFKA_PASSWORD || !username) return undefined;
  return { mechanism, username, password: env.KAFKA_PASSWORD };
}

/** TLS settings from KAFKA_TLS and KAFKA_TLS_CA_FILE. */
function tlsOf(tls: boolean, caFile: string | undefined): boolean | { ca: string } {
  if (!tls) return false;
  return caFile ? { ca: readFileSync(caFile, 'utf8') } : true;
}

/** A process's own identity from process.env (tools and tests; services pass their config). */
export function kafkaSecurityFromEnv(env: Env = process.env): KafkaSecurity {
  return { sasl: kafkaAuthFromEnv(env) ?? null, ssl: tlsOf(env.KAFKA_TLS === 'true', env.KAFKA_TLS_CA_FILE) };
}

/** A service's identity: its principal is KAFKA_USERNAME, by default its SERVICE_NAME. */
export function kafkaSecurityOf(config: KafkaConfig): KafkaSecurity {
  const sasl =
    config.KAFKA_SASL_MECHANISM !== 'none' && config.KAFKA_PASSWORD
      ? { mechanism: config.KAFKA_SASL_MECHANISM, username: config.KAFKA_USERNAME ?? config.SERVICE_NAME, password: config.KAFKA_PASSWORD }
      : null;
  return { sasl, ssl: tlsOf(config.KAFKA_TLS, config.KAFKA_TLS_CA_FILE) };
}

/** The Kafka settings a production service may not run with: no credentials, no TLS. */
export function kafkaUnsafeSettings(config: KafkaConfig): UnsafeSetting[] {
  return unsafeSettings(
    unsafeWhen(
      config.KAFKA_SASL_MECHANISM === 'none',
      'KAFKA_SASL_MECHANISM',
      'none lets anyone who reaches the broker read and forge events; use scram-sha-512',
    ),
    unsafeWhen(
      config.KAFKA_SASL_MECHANISM !== 'none' && !config.KAFKA_PASSWORD,
      'KAFKA_PASSWORD',
      "is required: the SCRAM password of this service's Kafka principal",
    ),
    unsafeWhen(!config.KAFKA_TLS, 'KAFKA_TLS', 'must be true: events carry personal data and must not cross the network in clear'),
  );
}

/** kafkajs's form of the SASL options. */
export const toKafkajsSasl = (auth: KafkaAuth): SASLOptions =>
  ({ mechanism: auth.mechanism, username: auth.username, password: auth.password }) as SASLOptions;
