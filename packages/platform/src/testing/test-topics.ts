import type { Kafka } from 'kafkajs';
import { dlqTopic, loadTopics } from '@vetting/contracts';

/** Creates a prefixed copy of every topic (and its DLQ), so a test has the whole topology to itself. */
export async function createTestTopics(kafka: Kafka, prefix: string, partitions?: number): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const { topics } = loadTopics();
    const wanted = topics.flatMap((t) => [
      { topic: prefix + t.name, numPartitions: partitions ?? t.partitions, replicationFactor: 1 },
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

/** Deletes a test's topics again, so repeated runs do not pile up partitions on the broker. */
export async function deleteTestTopics(kafka: Kafka, prefix: string): Promise<void> {
  const admin = kafka.admin();
  await admin.connect();
  try {
    const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
    if (topics.length) await admin.deleteTopics({ topics, timeout: 30_000 });
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
export async function readTopic(kafka: Kafka, topic: string, until: number | ((read: ReadMessage[]) => boolean), timeoutMs = 20_000): Promise<ReadMessage[]> {
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
