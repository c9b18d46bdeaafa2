// The infra's own Kafka client (the admin principal): the platform's topics and the readiness
// round trip.
import { randomUUID } from 'node:crypto';
import { HOST, PORTS } from './config.mjs';
import { requireWorkspacePackage, withTimeout } from './readiness.mjs';
import { adminSasl, credentials, topicsSpec } from './kafka-security.mjs';

const DLQ_PARTITIONS = 3;
const READINESS_TOPIC = 'infra.readiness';

/** A client of the admin principal (PLAIN while bootstrapping SCRAM users). */
export function kafkaClient({ plain = false } = {}) {
  const { Kafka, logLevel } = requireWorkspacePackage('kafkajs');
  return new Kafka({
    clientId: 'vetting-infra',
    brokers: [`${HOST}:${PORTS.kafka}`],
    sasl: adminSasl(credentials(), { plain }),
    authenticationTimeout: 10_000,
    logLevel: logLevel.NOTHING,
    connectionTimeout: 3_000,
    requestTimeout: 10_000,
    retry: { retries: 2 },
  });
}

/** Create the missing topics; grow partitions that are fewer than wanted. */
export async function ensureTopics(admin, wanted) {
  const existing = new Set(await admin.listTopics());
  const missing = wanted.filter((t) => !existing.has(t.topic));
  if (missing.length) {
    await admin.createTopics({ topics: missing, waitForLeaders: true });
  }
  const present = wanted.filter((t) => existing.has(t.topic));
  if (present.length) {
    const meta = await admin.fetchTopicMetadata({ topics: present.map((t) => t.topic) });
    const grow = [];
    for (const t of meta.topics) {
      const want = present.find((p) => p.topic === t.name).numPartitions;
      if (t.partitions.length < want) grow.push({ topic: t.name, count: want });
    }
    if (grow.length) await admin.createPartitions({ topicPartitions: grow });
  }
}

/** The platform's topics and their .dlq twins, from infra/topics.json. */
export function topicsFromFile() {
  const spec = topicsSpec();
  const replicationFactor = spec.replicationFactor ?? 1;
  return spec.topics.flatMap((t) => [
    {
      topic: t.name,
      numPartitions: t.partitions,
      replicationFactor,
      ...(t.config ? { configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })) } : {}),
    },
    { topic: `${t.name}.dlq`, numPartitions: DLQ_PARTITIONS, replicationFactor },
  ]);
}

/** Produce a unique message and consume it back. */
export async function roundTrip(kafka) {
  const admin = kafka.admin();
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const consumer = kafka.consumer({
    groupId: 'vetting-infra-readiness',
    sessionTimeout: 10_000,
    heartbeatInterval: 1_000,
    allowAutoTopicCreation: false,
  });
  try {
    await admin.connect();
    await ensureTopics(admin, [
      {
        topic: READINESS_TOPIC,
        numPartitions: 1,
        replicationFactor: 1,
        configEntries: [{ name: 'retention.ms', value: String(3_600_000) }],
      },
    ]);
    const value = randomUUID();
    await consumer.connect();
    await consumer.subscribe({ topic: READINESS_TOPIC, fromBeginning: true });
    let resolveSeen;
    const seen = new Promise((r) => (resolveSeen = r));
    await consumer.run({
      eachMessage: async ({ message }) => {
        if (message.value?.toString() === value) resolveSeen();
      },
    });
    await producer.connect();
    await producer.send({ topic: READINESS_TOPIC, acks: -1, messages: [{ value }] });
    await withTimeout(seen, 20_000, 'consuming the readiness message');
  } finally {
    await consumer.disconnect().catch(() => {});
    await producer.disconnect().catch(() => {});
    await admin.disconnect().catch(() => {});
  }
}
