/**
 * What the fault run and the scale-out test check after a run, read from the stores, the topics
 * and the queue — never from what the test itself remembers having sent.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { Kafka } from 'kafkajs';
import type { MongoClient } from 'mongodb';
import { dlqTopic, eventTopics, loadTopics } from '@vetting/contracts';
import { readTopic, waitFor, type ReadMessage } from '@vetting/platform/testing';
import { CORE_SERVICES, type RunningSystem } from '../../support/system';

const run = promisify(execFile);

/** Every message on a topic (up to its current end offsets). */
export async function readWholeTopic(kafka: Kafka, topic: string): Promise<ReadMessage[]> {
  const admin = kafka.admin();
  await admin.connect();
  const offsets = await admin.fetchTopicOffsets(topic).finally(() => admin.disconnect());
  const total = offsets.reduce((n, p) => n + Number(p.high) - Number(p.low), 0);
  return total === 0 ? [] : readTopic(kafka, topic, total, 120_000);
}

/**
 * Clearance cases by candidate id, with their decisions, from each case's latest revision (the system
 * of record). Not from the view: a process killed between inserting a revision and projecting it
 * leaves that view row behind until the outbox relay's repair projects it again (`viewsBehind`).
 */
export async function decisionsByCandidate(
  mongo: MongoClient,
  system: RunningSystem,
): Promise<Map<string, { outcome: string; decidedAt: string }[]>> {
  const latest = new Map<string, { rev: number; decisions: { outcome: string; decidedAt: string }[] }>();
  for (const r of await mongo.db(system.database('clearance')).collection('clearance_cases_revisions').find({}).toArray()) {
    const state = (typeof r.state === 'string' ? JSON.parse(r.state) : r.state) as { decisions?: { outcome: string; decidedAt: string }[] };
    const id = String(r.aggregateId);
    if ((latest.get(id)?.rev ?? 0) < Number(r.rev)) latest.set(id, { rev: Number(r.rev), decisions: state.decisions ?? [] });
  }
  return new Map([...latest].map(([id, c]) => [id, c.decisions]));
}

/**
 * Redeliveries made harmless: event ids that are on a topic more than once (an outbox relay killed
 * between publish and clear publishes again), and `causedBy` keys recorded twice in any aggregate's
 * revisions (must be 0: that would be an effect applied twice).
 */
export async function duplicateFigures(mongo: MongoClient, system: RunningSystem) {
  let republished = 0;
  for (const { name } of eventTopics()) {
    const messages = await readWholeTopic(system.kafka, `${system.prefix}${name}`);
    // Only well-formed events count (the fault run's deliberate poison is not JSON).
    const ids = messages.flatMap((m) => {
      try {
        return [(JSON.parse(m.value) as { id: string }).id];
      } catch {
        return [];
      }
    });
    republished += ids.length - new Set(ids).size;
  }
  let causedByTwice = 0;
  let revisions = 0;
  for (const service of CORE_SERVICES) {
    const db = mongo.db(system.database(service));
    for (const { name } of await db.listCollections().toArray()) {
      if (!name.endsWith('_revisions')) continue;
      const causes = (await db.collection(name).find({}).project({ causedBy: 1 }).toArray()).map((r) => String(r.causedBy));
      revisions += causes.length;
      causedByTwice += causes.length - new Set(causes).size;
    }
  }
  return { republished, causedByTwice, revisions };
}

/**
 * View rows that do not show their aggregate's newest revision (or are missing), in every service's
 * aggregate stores (`<name>_revisions` beside `<name>`), as `db/collection/id rev→view rev`.
 */
export async function viewsBehind(mongo: MongoClient, system: RunningSystem): Promise<string[]> {
  const behind: string[] = [];
  for (const service of CORE_SERVICES) {
    const db = mongo.db(system.database(service));
    const names = new Set((await db.listCollections().toArray()).map((c) => c.name));
    for (const name of names) {
      const viewName = name.replace(/_revisions$/, '');
      if (viewName === name || !names.has(viewName)) continue;
      const newest = new Map<string, number>();
      for (const r of await db.collection(name).find({}).project({ aggregateId: 1, rev: 1 }).toArray())
        newest.set(String(r.aggregateId), Math.max(Number(r.rev), newest.get(String(r.aggregateId)) ?? 0));
      const shown = new Map(
        (await db.collection(viewName).find({}).project({ _rev: 1 }).toArray()).map((v) => [String(v._id), Number(v._rev)]),
      );
      for (const [id, rev] of newest)
        if ((shown.get(id) ?? 0) < rev) behind.push(`${service}/${viewName}/${id} ${rev}→${shown.get(id) ?? 'none'}`);
    }
  }
  return behind;
}

/** Every dead letter on every DLQ topic, with the topic it came from. */
export async function deadLetters(system: RunningSystem): Promise<(ReadMessage & { topic: string })[]> {
  const all: (ReadMessage & { topic: string })[] = [];
  for (const { name } of loadTopics().topics) {
    const topic = `${system.prefix}${dlqTopic(name)}`;
    all.push(...(await readWholeTopic(system.kafka, topic)).map((m) => ({ ...m, topic })));
  }
  return all;
}

/** BullMQ jobs that ended failed (lost to the record unless the database says otherwise), from Redis. */
export async function failedJobs(redisUrl: string): Promise<number> {
  const { hostname, port } = new URL(redisUrl);
  const cli = (...args: string[]) => run('redis-cli', ['-h', hostname, '-p', port, ...args]).then((r) => r.stdout.trim());
  const keys = (await cli('--scan', '--pattern', '*references-*:failed')).split('\n').filter(Boolean);
  let failed = 0;
  for (const key of keys) failed += Number(await cli('zcard', key));
  return failed;
}

/** Checks the database still holds as not finished (requested or running): a lost job leaves one. */
export async function unfinishedChecks(mongo: MongoClient, system: RunningSystem): Promise<number> {
  const db = mongo.db(system.database('references'));
  const latest = new Map<string, string>();
  // Check revisions are packed (the state is JSON text); older ones hold it as a document.
  for (const r of await db.collection('checks_revisions').find({}).project({ aggregateId: 1, rev: 1, state: 1 }).sort({ rev: 1 }).toArray())
    latest.set(
      String(r.aggregateId),
      String((typeof r.state === 'string' ? (JSON.parse(r.state) as { state: string }) : (r.state as { state: string })).state),
    );
  return [...latest.values()].filter((s) => s !== 'completed').length;
}

/**
 * The audit service's verification of its chain. A 503 says the published checkpoints cannot be read
 * now (the broker was just restarted, or is slow): it is asked again until it answers otherwise.
 */
export async function verifyAuditChain(system: RunningSystem): Promise<{ ok?: boolean }> {
  const auditor = await system.issuer.token({ sub: 'auditor-1', roles: ['auditor'] });
  const ask = async () => {
    const res = await fetch(`${system.url('audit')}/chain/verify`, { headers: { authorization: `Bearer ${auditor}` } });
    return res.status === 503 ? undefined : ((await res.json()) as { ok?: boolean });
  };
  return waitFor(ask, { timeoutMs: 90_000, intervalMs: 2000, message: 'an answer from the chain verification other than 503' });
}
