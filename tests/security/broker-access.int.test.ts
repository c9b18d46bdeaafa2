/**
 * Who may reach the broker, and what each principal may do there: the attacks of someone who can
 * open a connection to Kafka (a client without credentials, a wrong password) and of a compromised
 * service (writing or reading a topic it does not own), performed against the real broker with the
 * ACLs infra/topics.json declares (a private copy of every topic, same rights).
 */
import type { Kafka } from 'kafkajs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadTopics, servicePrincipals } from '@vetting/contracts';
import { createKafka, createLogger, type KafkaAuth } from '@vetting/platform';
import { createTestTopics, deleteTestTopics, randomName, testInfra, type InfraUrls } from '@vetting/platform/testing';

const logger = createLogger('broker-access', 'silent');
const spec = loadTopics();

/** A client signed in as `sasl` (null: no credentials at all). */
const client = (infra: InfraUrls, sasl: KafkaAuth | null): Kafka =>
  createKafka({ clientId: randomName('attacker'), brokers: infra.kafkaBrokers, logger, sasl, ssl: false });
const principal = (infra: InfraUrls, name: string): KafkaAuth => ({
  mechanism: infra.kafkaAuth!.mechanism,
  username: name,
  password: infra.kafkaPasswords![name]!,
});

async function produce(kafka: Kafka, topic: string): Promise<'written' | string> {
  const producer = kafka.producer({ allowAutoTopicCreation: false, retry: { retries: 0 } });
  try {
    await producer.connect();
    await producer.send({ topic, acks: -1, messages: [{ key: 'probe', value: '{"probe":true}' }] });
    return 'written';
  } catch (error) {
    return `${(error as Error).name}: ${(error as Error).message}`;
  } finally {
    await producer.disconnect().catch(() => undefined);
  }
}

describe('the broker refuses whoever has no business there', () => {
  let infra: InfraUrls;
  let admin: Kafka;
  const prefix = `${randomName('acl')}.`;

  beforeAll(async () => {
    infra = await testInfra();
    if (!infra.kafkaAuth) throw new Error('this suite needs the SASL-enabled broker of `npm run infra -- up`');
    admin = createKafka({ clientId: 'acl-admin', brokers: infra.kafkaBrokers, logger, sasl: infra.kafkaAuth });
    await createTestTopics(admin, prefix, 1);
  });
  afterAll(async () => {
    if (admin) await deleteTestTopics(admin, prefix);
  });

  it('when a client connects without credentials, then the broker closes the connection before any request', async () => {
    const outcome = await produce(client(infra, null), `${prefix}vetting.screenings`);
    expect(outcome).not.toBe('written');
    expect(outcome).toMatch(/Closed connection|connection|SASL/i);
  });

  it('when a client signs in with a wrong password, then authentication fails', async () => {
    const outcome = await produce(
      client(infra, { ...principal(infra, 'intake'), password: 'not-the-password-of-intake' }),
      `${prefix}vetting.candidates`,
    );
    expect(outcome).toMatch(/KafkaJSSASLAuthenticationError|authentication failed/i);
  });

  it("when any service writes a topic, then only the topic's own writers succeed and every other service is refused", async () => {
    const principals = servicePrincipals(spec);
    const outcomes: string[] = [];
    for (const name of principals) {
      const kafka = client(infra, principal(infra, name));
      for (const t of spec.topics) {
        const outcome = await produce(kafka, `${prefix}${t.name}`);
        const allowed = t.writers.includes(name);
        outcomes.push(`${name} → ${t.name}: ${allowed ? 'allowed' : 'refused'}`);
        if (allowed) expect(outcome, `${name} writing ${t.name}`).toBe('written');
        else expect(outcome, `${name} writing ${t.name}`).toMatch(/Not authorized|authorization/i);
      }
    }
    // The matrix covered the screening results clearance trusts: only screening writes them.
    expect(outcomes).toContain('intake → vetting.screenings: refused');
    expect(outcomes).toContain('screening → vetting.screenings: allowed');
  });

  it('when a service that neither writes nor reads a topic subscribes to it, then the broker does not even show it the topic', async () => {
    const consumer = client(infra, principal(infra, 'gateway')).consumer({ groupId: `${prefix}gateway-probe` });
    let refused: Error | undefined;
    try {
      await consumer.connect();
      await consumer.subscribe({ topics: [`${prefix}vetting.candidates`], fromBeginning: true });
    } catch (error) {
      refused = error as Error;
    } finally {
      await consumer.disconnect().catch(() => undefined);
    }
    expect(refused?.message).toMatch(/Not authorized|authorization/i);
  });
});
