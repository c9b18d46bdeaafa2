import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ADMIN_PRINCIPAL, passwordVariable } from '@vetting/contracts';
import { kafkaAuthFromEnv, type KafkaAuth } from '../kafka/kafka-auth';

export interface InfraUrls {
  kafkaBrokers: string[];
  mongoUrl: string;
  redisUrl: string;
  /** The admin principal (super user) this test process uses; absent: a broker without SASL (testcontainers). */
  kafkaAuth?: KafkaAuth;
  /** Each service principal's SCRAM password, by principal (`KAFKA_PASSWORD_<NAME>` in infra.env). */
  kafkaPasswords?: Record<string, string>;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

/** The variables of an env file written by `infra.mjs up` (`.data/infra.env` or a private stack's). */
export function readEnvFile(file = `${repoRoot}.data/infra.env`): Record<string, string> {
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
}

/** Infrastructure addresses and Kafka credentials from such variables. */
export function infraFromEnv(env: Record<string, string | undefined>): InfraUrls {
  const passwords = Object.fromEntries(
    Object.entries(env)
      .filter(([k, v]) => k.startsWith('KAFKA_PASSWORD_') && v)
      .map(([k, v]) => [k.slice('KAFKA_PASSWORD_'.length).toLowerCase(), v!]),
  );
  const kafkaAuth = kafkaAuthFromEnv(env, ADMIN_PRINCIPAL);
  return {
    kafkaBrokers: (env.KAFKA_BROKERS ?? '').split(','),
    mongoUrl: env.MONGO_URL ?? '',
    redisUrl: env.REDIS_URL ?? '',
    ...(kafkaAuth ? { kafkaAuth, kafkaPasswords: passwords } : {}),
  };
}

function dockerAvailable(): boolean {
  try {
    execFileSync('docker', ['info'], { stdio: 'ignore', timeout: 5000 });
    return true;
  } catch {
    return false;
  }
}

let containers: Promise<InfraUrls> | undefined;

/** Starts MongoDB 7, Redis 7 and Kafka 3.9 with testcontainers (only when Docker runs and no URLs are given). */
async function startContainers(): Promise<InfraUrls> {
  const { GenericContainer, Wait } = await import('testcontainers');
  const [mongo, redis, kafka] = await Promise.all([
    new GenericContainer('mongo:7')
      .withExposedPorts(27017)
      .withWaitStrategy(Wait.forLogMessage(/Waiting for connections/))
      .start(),
    new GenericContainer('redis:7')
      .withCommand(['redis-server', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction'])
      .withExposedPorts(6379)
      .start(),
    new GenericContainer('apache/kafka:3.9.1').withExposedPorts({ container: 9092, host: 9092 }).start(),
  ]);
  return {
    mongoUrl: `mongodb://${mongo.getHost()}:${mongo.getMappedPort(27017)}`,
    redisUrl: `redis://${redis.getHost()}:${redis.getMappedPort(6379)}`,
    kafkaBrokers: [`${kafka.getHost()}:9092`],
  };
}

/**
 * Where the real infrastructure is for tests: service URLs from the environment, else the natively
 * started infra (`npm run infra -- up` writes .data/infra.env), else testcontainers when Docker runs.
 * Never an in-memory fake. The env file's settings also become this process's environment where it
 * has none, so any Kafka client the test makes (`createKafka` without credentials) signs in as the
 * admin principal.
 */
export async function testInfra(): Promise<InfraUrls> {
  const file = readEnvFile();
  for (const [key, value] of Object.entries(file)) if (process.env[key] === undefined) process.env[key] = value;
  const env = process.env;
  if (env.KAFKA_BROKERS && env.MONGO_URL && env.REDIS_URL) return infraFromEnv(env);
  if (dockerAvailable()) return (containers ??= startContainers());
  throw new Error('No infrastructure: run `npm run infra -- up` (or set KAFKA_BROKERS, MONGO_URL and REDIS_URL).');
}

/**
 * The Kafka settings of one service principal (its own password; the admin's for a principal the
 * broker does not know, e.g. a test fixture's), as a service's environment takes them.
 */
export function serviceKafkaEnv(infra: InfraUrls, service: string): Record<string, string> {
  const base = { KAFKA_BROKERS: infra.kafkaBrokers.join(',') };
  if (!infra.kafkaAuth) return { ...base, KAFKA_SASL_MECHANISM: 'none' };
  const own = infra.kafkaPasswords?.[passwordVariable(service).slice('KAFKA_PASSWORD_'.length).toLowerCase()];
  const [username, password] = own ? [service, own] : [infra.kafkaAuth.username, infra.kafkaAuth.password];
  return { ...base, KAFKA_SASL_MECHANISM: infra.kafkaAuth.mechanism, KAFKA_USERNAME: username, KAFKA_PASSWORD: password };
}

/**
 * What every service needs in a test, to spread into a hand-built environment: development mode
 * (asked for explicitly, as `npm start` does), the infrastructure's addresses and the service's own
 * Kafka principal.
 */
export function testServiceBaseEnv(infra: InfraUrls, service: string): Record<string, string> {
  return { VETTING_MODE: 'development', ...serviceKafkaEnv(infra, service), MONGO_URL: infra.mongoUrl, REDIS_URL: infra.redisUrl };
}
