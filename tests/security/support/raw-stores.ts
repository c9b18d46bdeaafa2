/**
 * Reads the stores of a running system as an attacker with access to them would: every document of
 * every collection of the given databases, every message (key, value, headers) of every topic with
 * the system's prefix from the beginning (DLQs included), and every key in Redis whatever its type.
 * Nothing goes through the services: this is what a backup, a broker disk or a Redis dump holds.
 */
import type { Kafka } from 'kafkajs';
import { Redis } from 'ioredis';
import { MongoClient } from 'mongodb';
import { testInfra } from '@vetting/platform/testing';
import { CORE_SERVICES, type RunningSystem } from '../../support/system';

export interface RawDump {
  /** `<database>/<collection>` → the collection's documents as JSON text. */
  collections: Map<string, string>;
  /** topic → its messages (key, value, headers) as JSON text, one line each. */
  topics: Map<string, string>;
  /** Redis key → its value (any type) as text. */
  redis: Map<string, string>;
}

export async function dumpDatabases(mongoUrl: string, databases: string[]): Promise<Map<string, string>> {
  const client = await MongoClient.connect(mongoUrl);
  const out = new Map<string, string>();
  try {
    for (const name of databases) {
      const db = client.db(name);
      for (const { name: collection } of await db.listCollections({}, { nameOnly: true }).toArray())
        out.set(`${name}/${collection}`, JSON.stringify(await db.collection(collection).find({}).toArray()));
    }
  } finally {
    await client.close();
  }
  return out;
}

/** Every message of every topic starting with `prefix`, read by partition from the low to the high offset. */
export async function dumpTopics(kafka: Kafka, prefix: string): Promise<Map<string, string>> {
  const admin = kafka.admin();
  await admin.connect();
  const topics = (await admin.listTopics()).filter((t) => t.startsWith(prefix));
  const ends = new Map<string, Map<number, number>>();
  for (const topic of topics)
    ends.set(
      topic,
      new Map(
        (await admin.fetchTopicOffsets(topic)).filter((p) => Number(p.high) > Number(p.low)).map((p) => [p.partition, Number(p.high)]),
      ),
    );
  await admin.disconnect();
  const out = new Map<string, string>(topics.map((t) => [t, '']));
  const waiting = [...ends.values()].reduce((n, m) => n + m.size, 0);
  if (!waiting) return out;
  const consumer = kafka.consumer({ groupId: `raw-dump-${Date.now()}-${Math.random().toString(16).slice(2)}` });
  await consumer.connect();
  await consumer.subscribe({ topics: topics.filter((t) => ends.get(t)!.size > 0), fromBeginning: true });
  let left = waiting;
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`reading the topics timed out with ${left} partitions unread`)), 120_000);
    void consumer.run({
      eachMessage: async ({ topic, partition, message }) => {
        const line = JSON.stringify({
          key: message.key?.toString() ?? null,
          value: message.value?.toString() ?? null,
          headers: Object.fromEntries(Object.entries(message.headers ?? {}).map(([k, v]) => [k, String(v)])),
        });
        out.set(topic, `${out.get(topic)}${line}\n`);
        const end = ends.get(topic)!;
        if (end.has(partition) && Number(message.offset) + 1 >= end.get(partition)!) {
          end.delete(partition);
          if (--left === 0) {
            clearTimeout(timer);
            resolve();
          }
        }
      },
    });
  });
  await consumer.disconnect();
  return out;
}

/** Every key of the Redis database and its value, whatever the type (BullMQ job hashes, lists, sorted sets, streams). */
export async function dumpRedis(redisUrl: string): Promise<Map<string, string>> {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 3 });
  const out = new Map<string, string>();
  try {
    let cursor = '0';
    do {
      const [next, keys] = await redis.scan(cursor, 'COUNT', 1000);
      cursor = next;
      for (const key of keys) {
        const type = await redis.type(key);
        const value =
          type === 'string'
            ? await redis.getBuffer(key).then((b) => b?.toString('utf8'))
            : type === 'hash'
              ? await redis.hgetall(key)
              : type === 'list'
                ? await redis.lrange(key, 0, -1)
                : type === 'set'
                  ? await redis.smembers(key)
                  : type === 'zset'
                    ? await redis.zrange(key, 0, -1, 'WITHSCORES')
                    : type === 'stream'
                      ? await redis.xrange(key, '-', '+')
                      : null;
        out.set(key, JSON.stringify(value));
      }
    } while (cursor !== '0');
  } finally {
    redis.disconnect();
  }
  return out;
}

/** Where each of `needles` occurs in the dump (store and place), case-insensitively. */
export function findIn(dump: RawDump, needles: string[]): string[] {
  const found: string[] = [];
  const lower = needles.map((n) => n.toLowerCase());
  const look = (kind: string, entries: Map<string, string>) => {
    for (const [place, text] of entries) {
      const t = text.toLowerCase();
      lower.forEach((n, i) => t.includes(n) && found.push(`${kind} ${place}: ${needles[i]}`));
    }
  };
  look('mongo', dump.collections);
  look('kafka', dump.topics);
  look('redis', dump.redis);
  return found;
}

/** Every store of a running system: its services' databases, its topics and the Redis it uses. */
export async function dumpSystem(system: RunningSystem): Promise<RawDump> {
  return {
    collections: await dumpDatabases(
      system.mongoUrl,
      CORE_SERVICES.map((s) => system.database(s)),
    ),
    topics: await dumpTopics(system.kafka, system.prefix),
    redis: await dumpRedis((await testInfra()).redisUrl),
  };
}
