import { createKafka } from '../kafka/kafka-client';
import { createLogger } from '../logging/logger';
import { createTestIssuer, type TestIssuer } from './test-issuer';
import { createTestTopics, deleteTestTopics } from './test-topics';
import { testInfra, testServiceBaseEnv } from './test-infra';
import { randomName } from './wait-for';

export interface TestServiceEnv {
  /**
   * Environment for a service's config schema: development mode, the service's own Kafka principal,
   * random database, random topic prefix, port 0.
   */
  env: Record<string, string>;
  issuer: TestIssuer;
  prefix: string;
  kafka: ReturnType<typeof createKafka>;
  /** Deletes the test's topics; call it in afterAll. */
  cleanup(): Promise<void>;
}

/**
 * Everything a service's integration test needs against the real infrastructure: its own database
 * and its own copy of every topic (random names), a token issuer, and a Kafka client.
 */
export async function createTestServiceEnv(service: string): Promise<TestServiceEnv> {
  const infra = await testInfra();
  const prefix = `${randomName('t')}.`;
  const logger = createLogger('test', 'silent');
  // The test's own client is the admin principal (topics, ACLs, reading and injecting events); the
  // service itself runs as its own principal, with the rights it has in production.
  const kafka = createKafka({ clientId: `test-${service}`, brokers: infra.kafkaBrokers, logger, sasl: infra.kafkaAuth ?? null });
  await createTestTopics(kafka, prefix, 3);
  const issuer = await createTestIssuer();
  return {
    prefix,
    issuer,
    kafka,
    cleanup: () => deleteTestTopics(kafka, prefix),
    env: {
      ...testServiceBaseEnv(infra, service),
      SERVICE_NAME: service,
      PORT: '0',
      MONGO_DB: randomName(`t_${service}`).replace(/-/g, '_'),
      TOPIC_PREFIX: prefix,
      AUTH_JWKS: 'injected-by-test',
      AUTH_ISSUER: issuer.issuer,
      AUTH_AUDIENCE: issuer.audience,
      LOG_LEVEL: process.env.TEST_LOG_LEVEL ?? 'silent',
      OUTBOX_POLL_MS: '100',
    },
  };
}
