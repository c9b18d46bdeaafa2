import type { Connection } from 'mongoose';
import type { Kafka } from 'kafkajs';
import type { JSONWebKeySet } from 'jose';
import type { BaseConfig } from '../config/config';
import { createTokenVerifier, type TokenVerifier } from '../http/auth';
import { parseRoleMap } from '../http/claim-mapping';
import { createServiceTokenSource, createServiceTokenVerifier } from '../http/service-token';
import { ConfigError } from '../config/config';
import { createPersonKeyClient, type PersonKeySource } from '../crypto/person-keys';
import { createPersonalSealer, type PersonalSealer } from '../crypto/personal-sealer';
import { createEventPublisher, type EventPublisher } from '../kafka/event-publisher';
import { createEventValidator, type EventValidator } from '../kafka/event-validator';
import { createKafka } from '../kafka/kafka-client';
import { kafkaSecurityOf, kafkaUnsafeSettings } from '../kafka/kafka-auth';
import { refuseInProduction } from '../config/mode';
import { createLogger, type Logger } from '../logging/logger';
import { createMetrics, type Metrics } from '../metrics/metrics';
import { connectMongo, pingMongo } from '../mongo/connect-mongo';
import { createConsumerRunner, type ConsumerRunner, type ConsumerRunnerOptions, type EventHandler } from '../kafka/consumer-runner';
import { createOutboxRelay, type OutboxRelay } from '../outbox/outbox-relay';
import type { Collection } from 'mongodb';

/** Everything a service process shares: one logger, one metrics registry, one producer, one database. */
export interface ServiceRuntime {
  config: BaseConfig;
  logger: Logger;
  metrics: Metrics;
  kafka: Kafka;
  validator: EventValidator;
  publisher: EventPublisher;
  db: Connection;
  verifyToken: TokenVerifier;
  /** People's keys (from PERSON_KEYS_URL, or an override); undefined when the service has none. */
  personKeys?: PersonKeySource;
  /** Seals and opens the personal blocks of events with `personKeys`. */
  sealer: PersonalSealer;
  readiness: Record<string, () => Promise<unknown>>;
  close(): Promise<void>;
}

export interface RuntimeOverrides {
  /** Tests pass the issuer's key set directly. */
  jwks?: JSONWebKeySet;
  /** Where people's keys come from instead of PERSON_KEYS_URL (intake's own cipher; tests). */
  personKeys?: PersonKeySource;
  logger?: Logger;
}

function jwksSource(value: string) {
  return /^https?:\/\//.test(value) ? { url: value } : { file: value };
}

export async function createServiceRuntime(config: BaseConfig, overrides: RuntimeOverrides = {}): Promise<ServiceRuntime> {
  // Every service gets the Kafka checks even if its own start forgot to ask (before anything connects).
  refuseInProduction(config, kafkaUnsafeSettings(config));
  const logger = overrides.logger ?? createLogger(config.SERVICE_NAME, config.LOG_LEVEL);
  const metrics = createMetrics(config.SERVICE_NAME);
  const kafka = createKafka({ clientId: config.SERVICE_NAME, brokers: config.KAFKA_BROKERS, logger, ...kafkaSecurityOf(config) });
  const validator = createEventValidator();
  const publisher = createEventPublisher({ kafka, validator, topicPrefix: config.TOPIC_PREFIX });
  const db = await connectMongo({
    url: config.MONGO_URL,
    dbName: config.MONGO_DB,
    logger,
    onCommand: (command, ok, collection) => metrics.dbCommands.inc({ command, outcome: ok ? 'ok' : 'failed', collection }),
  });
  await publisher.connect();
  const verifyToken = createTokenVerifier({
    jwks: overrides.jwks ?? jwksSource(config.AUTH_JWKS),
    issuer: config.AUTH_ISSUER,
    audience: config.AUTH_AUDIENCE,
    claims: {
      roles: config.AUTH_ROLES_CLAIM,
      country: config.AUTH_COUNTRY_CLAIM,
      name: config.AUTH_NAME_CLAIM,
      missions: config.AUTH_MISSIONS_CLAIM,
      roleMap: parseRoleMap(config.AUTH_ROLE_MAP),
    },
    serviceTokens: config.SERVICE_KEYS_DIR
      ? createServiceTokenVerifier({ dir: config.SERVICE_KEYS_DIR, audience: config.AUTH_AUDIENCE })
      : undefined,
  });
  const personKeys = overrides.personKeys ?? (await personKeyClient(config));
  return {
    config,
    logger,
    metrics,
    kafka,
    validator,
    publisher,
    db,
    verifyToken,
    ...(personKeys ? { personKeys } : {}),
    sealer: createPersonalSealer({ ...(personKeys ? { keys: personKeys } : {}), validator }),
    readiness: {
      database: () => pingMongo(db),
      kafka: async () => {
        if (!publisher.connected) throw new Error('producer not connected');
      },
    },
    async close() {
      await publisher.disconnect().catch(() => undefined);
      await db.close().catch(() => undefined);
    },
  };
}

/** The HTTP client of the person-key authority, when the config names it. */
async function personKeyClient(config: BaseConfig): Promise<PersonKeySource | undefined> {
  if (!config.PERSON_KEYS_URL) return undefined;
  if (!config.SERVICE_KEYS_DIR)
    throw new ConfigError(['SERVICE_KEYS_DIR: is required with PERSON_KEYS_URL (person keys are asked for with a service token)']);
  const tokens = await createServiceTokenSource({
    service: config.SERVICE_NAME,
    dir: config.SERVICE_KEYS_DIR,
    audience: config.AUTH_AUDIENCE,
  });
  return createPersonKeyClient({ url: config.PERSON_KEYS_URL, tokens, cacheMs: config.PERSON_KEY_CACHE_MS });
}

/** A service that opens or seals people's data cannot run without their keys: it says so at start. */
export function requirePersonKeys(runtime: ServiceRuntime): PersonKeySource {
  if (!runtime.personKeys)
    throw new ConfigError([`PERSON_KEYS_URL: is required by ${runtime.config.SERVICE_NAME} (it opens or seals personal data in events)`]);
  return runtime.personKeys;
}

/** Starts the outbox relay for the given collections of this service's database. */
export function startOutboxRelay(runtime: ServiceRuntime, collections: Collection[]): OutboxRelay {
  const relay = createOutboxRelay({
    collections,
    publisher: runtime.publisher,
    logger: runtime.logger,
    metrics: runtime.metrics,
    pollMs: runtime.config.OUTBOX_POLL_MS,
  });
  relay.start();
  return relay;
}

/** What a service may add to its consumer group: a hook on each (re)join (see ConsumerRunnerOptions). */
export type ConsumeOptions = Pick<ConsumerRunnerOptions, 'onJoin'>;

/** Starts a consumer group of this service with its handlers; offsets commit only after each handler's effect. */
export async function startConsumer(
  runtime: ServiceRuntime,
  group: string,
  topics: string[],
  handlers: Record<string, EventHandler>,
  options: ConsumeOptions = {},
): Promise<ConsumerRunner> {
  const consumer = createConsumerRunner({
    ...options,
    kafka: runtime.kafka,
    groupId: `${runtime.config.TOPIC_PREFIX}${group}`,
    topics,
    handlers,
    validator: runtime.validator,
    publisher: runtime.publisher,
    logger: runtime.logger,
    metrics: runtime.metrics,
    topicPrefix: runtime.config.TOPIC_PREFIX,
    maxAttempts: runtime.config.CONSUMER_MAX_ATTEMPTS,
    concurrency: runtime.config.CONSUMER_CONCURRENCY,
    keyConcurrency: runtime.config.CONSUMER_KEY_CONCURRENCY,
  });
  await consumer.start();
  runtime.readiness[`consumer:${group}`] = async () => {
    if (!consumer.running) throw new Error('consumer not running');
  };
  return consumer;
}
