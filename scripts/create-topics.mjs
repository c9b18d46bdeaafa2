#!/usr/bin/env node
// Creates every topic of infra/topics.json (and its DLQ) on the brokers in KAFKA_BROKERS, idempotently.
// Used by docker-compose's kafka-init service; the native infra (scripts/infra.mjs) does the same itself.
import { readFileSync } from 'node:fs';
import { Kafka, logLevel } from 'kafkajs';

const spec = JSON.parse(readFileSync(new URL('../infra/topics.json', import.meta.url), 'utf8'));
const brokers = (process.env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const admin = new Kafka({ clientId: 'create-topics', brokers, logLevel: logLevel.WARN, retry: { retries: 20 } }).admin();
await admin.connect();
const existing = new Set(await admin.listTopics());
const wanted = spec.topics.flatMap((t) => [
  { topic: t.name, numPartitions: t.partitions, replicationFactor: spec.replicationFactor },
  { topic: `${t.name}.dlq`, numPartitions: 3, replicationFactor: spec.replicationFactor },
]);
const missing = wanted.filter((t) => !existing.has(t.topic));
if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
console.log(`topics: ${missing.length} created, ${wanted.length - missing.length} already there`);
await admin.disconnect();
