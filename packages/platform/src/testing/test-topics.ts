import * as kafkajs from 'kafkajs';
import type { Admin, Kafka } from 'kafkajs';
import { aclBindings, dlqTopic, loadTopics, toKafkajsAcl } from '@vetting/contracts';

/** A broker without an authorizer (testcontainers' plain Kafka) has no ACLs to manage. */
const securityDisabled = (error: unknown) =>
  /SECURITY_DISABLED|Security features are disabled/i.test(`${(error as { type?: string }).type ?? ''} ${(error as Error).message}`);

/** The ACLs of infra/topics.json for a prefixed copy of the topology, so each service keeps exactly its own rights. */
async function grantTestAcls(admin: Admin, prefix: string): Promise<void> {
  const acl = aclBindings(loadTopics(), prefix).map((b) => toKafkajsAcl(b, kafkajs));
  await admin.createAcls({ acl: acl as never }).catch((error: unknown) => {
    if (!securityDisabled(error)) throw error;
  });
}

/**
 * Creates a prefixed copy of every topic (and its DLQ), so a test has the whole topology to itself,
 * with the same ACLs as the real topics: a service running in the test under its own principal may
 * write and read exactly what it may in production.
 */
export async function createTestTopics(kafka: Kafka, prefix: string, partitions?: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    await grantTestAcls(admin, prefix);
    const { topics } = loadTopics();
    const wanted = topics.flatMap((t) => [
      {
        topic: prefix + t.name,
        numPartitions: t.events === false ? t.partitions : (partitions ?? t.partitions),
        replicationFactor: 1,
        ...(t.config ? { configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })) } : {}),
      },
      { topic: prefix + dlqTopic(t.name), numPartitions: 1, replicationFactor: 1 },
    ]);
    await admin.createTopics({ waitForLeaders: false, topics: wanted });
    // On a busy broker a new partition can still answer "not hosted here" for a moment: wait until
    // every partition reports a leader before a test starts producing or consuming.
    for (let attempt = 0; attempt < 100; attempt++) {
      const meta = await admin.fetchTopicMetadata({ topics: wanted.map((t) => t.topic) }).catch(() => undefined);
      if (meta && meta.topics.every((t) => t.partitions.length > 0 && t.partitions.every((p) => p.leader >= 0))) return;
      await new Promise((r) => setTimeout(r, 100));
    }
  } finally {
    await admin.disconnect();
  }
}

/** Deletes a test's topics and their ACLs again, so repeated runs do not pile up on the broker. */
export async function deleteTestTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
    const acl = aclBindings(loadTopics(), prefix).map((b) => toKafkajsAcl(b, kafkajs));
    await admin.deleteAcls({ filters: acl as never }).catch(() => undefined);
  } catch {
    // Best effort: a leftover test topic is harmless.
  } finally {
    await admin.disconnect();
  }
}

export interface ReadMessage {
  key: string | null;
  value: string;
  headers: Record<string, string>;
  partition: number;
}

/**
 * Reads a topic from the beginning (with a throwaway group) until `until` holds — a message count,
 * or a predicate over what was read — or the timeout passes; returns what it read.
 */
export async function readTopic(
  kafka: Kafka,
  topic: string,
  until: number | ((read: ReadMessage[]) => boolean),
  timeoutMs = 20_000,
): Promise<ReadMessage[]> {
  const enough = typeof until === 'number' ? (read: ReadMessage[]) => read.length >= until : until;
  const consumer = kafka.consumer({ groupId: `reader-${Date.now()}-${Math.random().toString(16).slice(2)}` });
  const messages: ReadMessage[] = [];
  await consumer.connect();
  await consumer.subscribe({ topic, fromBeginning: true });
  let done: () => void = () => undefined;
  const finished = new Promise<void>((resolve) => (done = resolve));
  await consumer.run({
    eachMessage: async ({ message, partition }) => {
      messages.push({
        key: message.key?.toString() ?? null,
        value: message.value?.toString() ?? '',
        headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        partition,
      });
      if (enough(messages)) done();
    },
  });
  const timer = setTimeout(done, timeoutMs);
  await finished;
  clearTimeout(timer);
  await consumer.disconnect();
  return messages;
}
