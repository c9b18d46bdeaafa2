import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface InfraUrls {
  kafkaBrokers: string[];
  mongoUrl: string;
  redisUrl: string;
}

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));

function readInfraEnv(): Record<string, string> {
  const file = `${repoRoot}.data/infra.env`;
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .map((l) => l.trim())
      .filter((l) => l && !l.startsWith('#') && l.includes('='))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1)]),
  );
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
    new GenericContainer('mongo:7').withExposedPorts(27017).withWaitStrategy(Wait.forLogMessage(/Waiting for connections/)).start(),
    new GenericContainer('redis:7').withCommand(['redis-server', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction']).withExposedPorts(6379).start(),
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
 * Never an in-memory fake.
 */
export async function testInfra(): Promise<InfraUrls> {
  const env = { ...readInfraEnv(), ...process.env };
  if (env.KAFKA_BROKERS && env.MONGO_URL && env.REDIS_URL)
    return { kafkaBrokers: env.KAFKA_BROKERS.split(','), mongoUrl: env.MONGO_URL, redisUrl: env.REDIS_URL };
  if (dockerAvailable()) return (containers ??= startContainers());
  throw new Error('No infrastructure: run `npm run infra -- up` (or set KAFKA_BROKERS, MONGO_URL and REDIS_URL).');
}
