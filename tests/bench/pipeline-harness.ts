/**
 * What the pipeline and thin-slice benchmarks share: the whole system started as processes, a
 * watcher that sees each candidate's events, submission at a steady rate, and the figures.
 */
import { loadavg } from 'node:os';
import { createConsumerRunner, createEventPublisher, createEventValidator, createLogger, type EventEnvelope } from '@vetting/platform';
import { percentile, randomName } from '@vetting/platform/testing';
import { startSystem, type RunningSystem, type SystemOptions } from '../support/system';
import { nominationBody } from '../support/contingent';

// The national authorities' rate limit (5 requests/s per organisation by default) would make these a
// benchmark of the simulated authorities; lifted to measure the platform's own pipeline.
export const LIFTED_RATE_LIMITS = { references: { ORG_RATE_PER_SECOND: '10000', ORG_RATE_BURST: '10000', WORKER_CONCURRENCY: '50' } };

const STAGES = ['candidate.submitted', 'screening.completed', 'references.completed', 'clearance.decided'] as const;
type Stage = (typeof STAGES)[number];

export interface Pipeline {
  system: RunningSystem;
  /** Per candidate: when the client started its POST, when the watcher saw its decision (ms epoch). */
  sentAt: Map<string, number>;
  seenDecidedAt: Map<string, number>;
  /** Per candidate: each stage's event `time` (ms epoch), as its producer stamped it. */
  stageTimes: Map<string, Partial<Record<Stage, number>>>;
  /** Per candidate: the rotation of its nomination (a bulk upload's candidates share one). */
  rotationOf: Map<string, string>;
  /** The office's bearer token, renewed before it expires. */
  readonly token: string;
  /** Seconds from spawning the processes until every one was ready. */
  startupSeconds: number;
  stop(): Promise<void>;
}

export async function startPipeline(options: SystemOptions = {}): Promise<Pipeline> {
  const spawned = Date.now();
  const system = await startSystem({ readyTimeoutMs: 600_000, ...options, env: { ...LIFTED_RATE_LIMITS, ...options.env } });
  const startupSeconds = (Date.now() - spawned) / 1000;
  const validator = createEventValidator();
  const publisher = createEventPublisher({ kafka: system.kafka, validator, topicPrefix: system.prefix });
  await publisher.connect();
  const sentAt = new Map<string, number>();
  const seenDecidedAt = new Map<string, number>();
  const stageTimes = new Map<string, Partial<Record<Stage, number>>>();
  const rotationOf = new Map<string, string>();
  const note = (stage: Stage) => async (e: EventEnvelope) => {
    const times = stageTimes.get(e.subject) ?? {};
    times[stage] ??= Date.parse(e.time);
    stageTimes.set(e.subject, times);
    const rotation = (e.data as { nomination?: { rotation?: string } }).nomination?.rotation;
    if (stage === 'candidate.submitted' && rotation) rotationOf.set(e.subject, rotation);
    if (stage === 'clearance.decided' && !seenDecidedAt.has(e.subject)) seenDecidedAt.set(e.subject, Date.now());
  };
  const watcher = createConsumerRunner({
    kafka: system.kafka,
    groupId: randomName('bench-watch'),
    validator,
    publisher,
    logger: createLogger('bench', 'silent'),
    topicPrefix: system.prefix,
    topics: ['vetting.candidates', 'vetting.screenings', 'vetting.references', 'vetting.clearances'],
    handlers: Object.fromEntries(STAGES.map((s) => [s, note(s)])),
    concurrency: 24,
  });
  await watcher.start();
  await watcher.joined();
  // A token lives 10 minutes and a full-size run takes longer: a fresh one every 4 minutes.
  const mint = () => system.issuer.token({ sub: 'bench-office', roles: ['tcc-officer'], country: 'GH' });
  let token = await mint();
  const refresh = setInterval(() => void mint().then((t) => (token = t)), 4 * 60_000);
  refresh.unref();
  return {
    system,
    sentAt,
    seenDecidedAt,
    stageTimes,
    rotationOf,
    get token() {
      return token;
    },
    startupSeconds,
    async stop() {
      clearInterval(refresh);
      await watcher.stop();
      await publisher.disconnect();
      // A process still shutting down after two minutes (a loaded machine) is killed: the run is over.
      const stopped = system.stop();
      const late = setTimeout(() => void Promise.all(system.processNames().map((n) => system.kill(n, 'SIGKILL'))), 120_000);
      await stopped;
      clearTimeout(late);
    },
  };
}

/** Submits `count` nominations at `rate`/s (not waiting for answers); resolves with their ids. */
export async function submitAtRate(p: Pipeline, tag: string, count: number, rate: number): Promise<string[]> {
  const started = performance.now();
  const requests: Promise<string>[] = [];
  for (let i = 0; i < count; i++) {
    const wait = started + (i * 1000) / rate - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const t = Date.now();
    requests.push(
      fetch(`${p.system.url('intake')}/candidates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${p.token}`, 'content-type': 'application/json' },
        body: nominationBody(tag, i),
      }).then(async (r) => {
        if (!r.ok) throw new Error(`submission answered ${r.status}: ${await r.text()}`);
        const { id } = (await r.json()) as { id: string };
        p.sentAt.set(id, t);
        return id;
      }),
    );
  }
  return Promise.all(requests);
}

/** Waits until every id is decided or `timeoutMs` passes; returns how many were. */
export async function awaitDecisions(p: Pipeline, ids: string[], timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  const decided = () => ids.filter((id) => p.seenDecidedAt.has(id)).length;
  while (decided() < ids.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
  return decided();
}

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
/** Percentiles of a sample; null when nothing was measured (never NaN in a report). */
const pct = (xs: number[]) =>
  xs.length ? { p50: percentile(xs, 50), p95: percentile(xs, 95), p99: percentile(xs, 99) } : { p50: null, p95: null, p99: null };
export type Percentiles = ReturnType<typeof pct>;
/** A percentile for a report: whole milliseconds, or "—" when nothing was measured. */
export const ms = (v: number | null) => (v === null ? '—' : String(Math.round(v)));

/**
 * Latency percentiles (client POST → decision seen), throughput, and the per-stage percentiles.
 * Throughput: decisions over the window from the first submission to the last decision, or to
 * `windowEnd` (the moment the wait gave up) when not every candidate was decided.
 */
export function figures(p: Pipeline, ids: string[], windowEnd?: number) {
  const done = ids.filter((id) => p.seenDecidedAt.has(id) && p.sentAt.has(id));
  const latencies = sorted(done.map((id) => p.seenDecidedAt.get(id)! - p.sentAt.get(id)!));
  const first = Math.min(...ids.map((id) => p.sentAt.get(id) ?? Infinity));
  const last = done.length < ids.length && windowEnd ? windowEnd : Math.max(...done.map((id) => p.seenDecidedAt.get(id)!));
  const stage = (from: Stage, to: Stage) =>
    sorted(
      done.flatMap((id) => {
        const t = p.stageTimes.get(id) ?? {};
        return t[from] !== undefined && t[to] !== undefined ? [t[to]! - t[from]!] : [];
      }),
    );
  const t = (id: string) => p.stageTimes.get(id) ?? {};
  return {
    decided: done.length,
    of: ids.length,
    latencyMs: pct(latencies),
    throughputPerS: done.length ? Number((done.length / Math.max(0.001, (last - first) / 1000)).toFixed(2)) : 0,
    stagesMs: {
      postToSubmittedEvent: pct(
        sorted(
          done.flatMap((id) => (t(id)['candidate.submitted'] !== undefined ? [t(id)['candidate.submitted']! - p.sentAt.get(id)!] : [])),
        ),
      ),
      submittedToScreened: pct(stage('candidate.submitted', 'screening.completed')),
      submittedToReferencesDone: pct(stage('candidate.submitted', 'references.completed')),
      lastInputToDecided: pct(
        sorted(
          done.flatMap((id) => {
            const x = t(id);
            const input = Math.max(x['screening.completed'] ?? NaN, x['references.completed'] ?? NaN);
            return Number.isFinite(input) && x['clearance.decided'] !== undefined ? [x['clearance.decided']! - input] : [];
          }),
        ),
      ),
      decidedEventToSeen: pct(
        sorted(
          done.flatMap((id) => (t(id)['clearance.decided'] !== undefined ? [p.seenDecidedAt.get(id)! - t(id)['clearance.decided']!] : [])),
        ),
      ),
    },
  };
}

export const loadAverage = () => loadavg().map((l) => Number(l.toFixed(1)));

const SERVICES_WITH_METRICS = ['intake', 'screening', 'references', 'clearance', 'audit'] as const;

/** Database commands each service process (and each references worker) has sent so far (`db_commands_total` from its /metrics). */
export async function dbCommandCounts(p: Pipeline): Promise<Record<string, number>> {
  const detail = await dbCommandsByName(p);
  return Object.fromEntries(Object.entries(detail).map(([name, byCommand]) => [name, Object.values(byCommand).reduce((n, v) => n + v, 0)]));
}

/** The same by command name and collection (`insert checks_revisions`, `find …`), per process. */
export async function dbCommandsByName(p: Pipeline): Promise<Record<string, Record<string, number>>> {
  const sources: [string, string][] = [
    ...SERVICES_WITH_METRICS.map((s): [string, string] => [s, p.system.url(s)]),
    ...Object.entries(p.system.workerMetricsUrls()),
  ];
  const counts: Record<string, Record<string, number>> = {};
  for (const [name, url] of sources) {
    const text = await fetch(`${url}/metrics`)
      .then((r) => r.text())
      .catch(() => '');
    counts[name] = {};
    for (const line of text.split('\n').filter((l) => l.startsWith('db_commands_total{'))) {
      const command = `${/command="([^"]+)"/.exec(line)?.[1] ?? 'other'} ${/collection="([^"]*)"/.exec(line)?.[1] ?? ''}`.trim();
      counts[name][command] = (counts[name][command] ?? 0) + Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return counts;
}
