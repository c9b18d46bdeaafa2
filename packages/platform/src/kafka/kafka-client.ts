import { Kafka, logLevel, type LogEntry } from 'kafkajs';
import './request-queue-patch';
import type { Logger } from '../logging/logger';
import { kafkaSecurityFromEnv, toKafkajsSasl, type KafkaSecurity } from './kafka-auth';

const levels: Record<number, 'error' | 'warn' | 'info' | 'debug'> = {
  [logLevel.ERROR]: 'error',
  [logLevel.WARN]: 'warn',
  [logLevel.INFO]: 'info',
  [logLevel.DEBUG]: 'debug',
};

export interface CreateKafkaOptions extends KafkaSecurity {
  clientId: string;
  brokers: string[];
  logger: Logger;
}

/**
 * The only place that constructs a kafkajs client. kafkajs is no longer actively maintained; keeping
 * it behind this layer (publisher, consumer runner) means it can be swapped without touching services.
 * Without `sasl`/`ssl` the client takes this process's identity from its environment
 * (KAFKA_SASL_MECHANISM, KAFKA_USERNAME, KAFKA_PASSWORD, KAFKA_TLS, KAFKA_TLS_CA_FILE): services pass
 * their config's, tools and tests inherit theirs.
 */
export function createKafka(options: CreateKafkaOptions): Kafka {
  const log = options.logger.child({ component: 'kafka' });
  const fromEnv = options.sasl === undefined || options.ssl === undefined ? kafkaSecurityFromEnv() : {};
  const sasl = options.sasl === undefined ? fromEnv.sasl : options.sasl;
  const ssl = options.ssl === undefined ? fromEnv.ssl : options.ssl;
  return new Kafka({
    clientId: options.clientId,
    brokers: options.brokers,
    ...(sasl ? { sasl: toKafkajsSasl(sasl) } : {}),
    ...(ssl ? { ssl: ssl === true ? true : { ca: [ssl.ca] } } : {}),
    connectionTimeout: 3000,
    // SCRAM needs a few round trips more than a plain connection: leave it time on a busy machine.
    authenticationTimeout: 10_000,
    retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
    logLevel: logLevel.WARN,
    logCreator:
      () =>
      ({ level, log: entry }: LogEntry) => {
        const { message, ...rest } = entry;
        log[levels[level] ?? 'info']({ ...rest, namespace: undefined }, message);
      },
  });
}
