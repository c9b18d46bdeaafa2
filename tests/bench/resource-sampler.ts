/**
 * Samples, during a benchmark, what the services wait on: the database round trip (a findOne by _id,
 * as every aggregate read is) and the CPU seconds the infrastructure processes used (FerretDB,
 * PostgreSQL with its backends, Kafka, Redis), read from /proc via infra's pid files.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MongoClient } from 'mongodb';
import { percentile } from '@vetting/platform/testing';

// The stack the run uses: a private one (VETTING_DATA_DIR, see infra/README.md) or the repository's.
const runDir = process.env.VETTING_DATA_DIR
  ? `${process.env.VETTING_DATA_DIR}/run/`
  : fileURLToPath(new URL('../../.data/run/', import.meta.url));
const ENGINES = ['ferretdb', 'postgres', 'kafka', 'redis'] as const;
const TICKS = 100; // USER_HZ on Linux

function statOf(pid: number): { ppid: number; ticks: number } | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return { ppid: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14]) };
  } catch {
    return undefined;
  }
}

/** CPU seconds of a process and its children (PostgreSQL's work happens in its backends); 0 without a pid file. */
function cpuSeconds(root: number): number {
  if (!root) return 0; // pid 0 would be the whole machine
  const all = readdirSync('/proc')
    .filter((d) => /^\d+$/.test(d))
    .map(Number);
  const stats = new Map(all.map((pid) => [pid, statOf(pid)]));
  const tree = new Set([root]);
  for (let grew = true; grew;) {
    grew = false;
    for (const [pid, s] of stats) {
      if (s && tree.has(s.ppid) && !tree.has(pid)) {
        tree.add(pid);
        grew = true;
      }
    }
  }
  return [...tree].reduce((n, pid) => n + (stats.get(pid)?.ticks ?? 0), 0) / TICKS;
}

const enginePid = (name: string) => {
  try {
    return Number(readFileSync(`${runDir}${name === 'redis' ? 'redis-server' : name}.pid`, 'utf8').trim());
  } catch {
    return 0;
  }
};

export async function startResourceSampler(mongoUrl: string, database: string) {
  const client = await MongoClient.connect(mongoUrl);
  const probe = client.db(database).collection<{ _id: string }>('bench_probe');
  await probe.updateOne({ _id: 'probe' }, { $set: { at: new Date() } }, { upsert: true });
  const roundTrips: number[] = [];
  const cpuAtStart = Object.fromEntries(ENGINES.map((e) => [e, cpuSeconds(enginePid(e))]));
  const started = Date.now();
  let running = true;
  const loop = (async () => {
    while (running) {
      const t = performance.now();
      await probe.findOne({ _id: 'probe' });
      roundTrips.push(performance.now() - t);
      await new Promise((r) => setTimeout(r, 250));
    }
  })();
  return {
    async stop() {
      running = false;
      await loop;
      await client.close();
      const seconds = (Date.now() - started) / 1000;
      const sorted = [...roundTrips].sort((a, b) => a - b);
      const engineCpu = Object.fromEntries(
        ENGINES.map((e) => [e, Number(((cpuSeconds(enginePid(e)) - cpuAtStart[e]!) / seconds).toFixed(2))]),
      );
      return {
        dbRoundTripMs: { p50: percentile(sorted, 50), p95: percentile(sorted, 95), p99: percentile(sorted, 99), samples: sorted.length },
        engineCoresUsed: engineCpu,
      };
    },
  };
}
