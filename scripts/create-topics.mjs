#!/usr/bin/env node
// Creates every topic of infra/topics.json (and its DLQ) on the brokers in KAFKA_BROKERS, idempotently,
// and makes the broker's ACLs those the file declares (writers write, readers read and dead-letter).
// Signs in as the admin principal: KAFKA_USERNAME / KAFKA_PASSWORD (SCRAM-SHA-512 unless
// KAFKA_SASL_MECHANISM says otherwise), over TLS when KAFKA_TLS=true (KAFKA_TLS_CA_FILE: the CA).
// Used by docker-compose's kafka-init service; the native infra (scripts/infra.mjs) does the same itself.
import { readFileSync } from 'node:fs';
import * as kafkajs from 'kafkajs';
import { syncAcls } from '../contracts/src/topic-access.mjs';

const { Kafka, logLevel } = kafkajs;
const env = process.env;
const spec = JSON.parse(readFileSync(new URL('../infra/topics.json', import.meta.url), 'utf8'));
const brokers = (env.KAFKA_BROKERS || '127.0.0.1:9092').split(',');
const mechanism = env.KAFKA_SASL_MECHANISM || 'scram-sha-512';
const sasl =
  mechanism !== 'none' && env.KAFKA_PASSWORD ? { mechanism, username: env.KAFKA_USERNAME, password: env.KAFKA_PASSWORD } : undefined;
const ssl = env.KAFKA_TLS === 'true' ? (env.KAFKA_TLS_CA_FILE ? { ca: [readFileSync(env.KAFKA_TLS_CA_FILE, 'utf8')] } : true) : undefined;
const admin = new Kafka({ clientId: 'create-topics', brokers, sasl, ssl, logLevel: logLevel.WARN, retry: { retries: 20 } }).admin();
await admin.connect();
const existing = new Set(await admin.listTopics());
const wanted = spec.topics.flatMap((t) => [
  {
    topic: t.name,
    numPartitions: t.partitions,
    replicationFactor: spec.replicationFactor,
    ...(t.config ? { configEntries: Object.entries(t.config).map(([name, value]) => ({ name, value })) } : {}),
  },
  { topic: `${t.name}.dlq`, numPartitions: 3, replicationFactor: spec.replicationFactor },
]);
const missing = wanted.filter((t) => !existing.has(t.topic));
if (missing.length) await admin.createTopics({ topics: missing, waitForLeaders: true });
console.log(`topics: ${missing.length} created, ${wanted.length - missing.length} already there`);
if (sasl) {
  const acls = await syncAcls(admin, kafkajs, spec);
  console.log(`ACLs: ${acls.created} created, ${acls.deleted} removed`);
}
await admin.disconnect();
