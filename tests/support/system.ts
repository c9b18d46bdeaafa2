import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync, createWriteStream } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { createKafka, createLogger } from '@vetting/platform';
import {
  createTestIssuer,
  createTestTopics,
  deleteTestTopics,
  randomName,
  testInfra,
  testServiceBaseEnv,
  waitFor,
  type InfraUrls,
  type TestIssuer,
} from '@vetting/platform/testing';
import { startSimulators } from '@vetting/simulators';
import { ensureDevKeys } from '../../services/gateway/src/data/dev-keys';
import { connectConsole, type ConsoleAccess } from './console-access';
import { serviceCommand } from './service-build';

export { connectConsole, type ConsoleAccess } from './console-access';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
export const CORE_SERVICES = ['intake', 'screening', 'references', 'clearance', 'audit', 'accountability'] as const;
export type ServiceName = (typeof CORE_SERVICES)[number];

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface RunningSystem {
  url(service: ServiceName): string;
  /** The service's private database name in this run. */
  database(service: ServiceName): string;
  mongoUrl: string;
  issuer: TestIssuer;
  prefix: string;
  kafka: ReturnType<typeof createKafka>;
  /** Each authority's callback secret, as the references service and the simulators have them (`UN`, `*`). */
  callbackSecrets: Record<string, string>;
  /** With `gateway: true`: the gateway serving the console, and its demo accounts. */
  console?: ConsoleAccess;
  /** Every instance's URL (`instances` > 1: the first is `url(service)`). */
  urls(service: ServiceName): string[];
  /** Names of the processes started: `<service>`, `<service>-2`…, `references-worker`(`-2`). */
  processNames(): string[];
  /** Where each references worker serves its Prometheus metrics, by process name. */
  workerMetricsUrls(): Record<string, string>;
  /** Where each process's log is written (`<dir>/<process name>.log`). */
  logDir: string;
  /** Processes that died on their own and were restarted (a deployment's restart policy). */
  crashes(): { name: string; code: number | null; signal: NodeJS.Signals | null; at: string }[];
  /** Kills one process by name (a service's name is its first instance). */
  kill(service: ServiceName | string, signal?: NodeJS.Signals): Promise<void>;
  /** Starts (again) one process by name; waits until a service is ready. */
  start(service: ServiceName | string): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Starts every core service as its own process (as in production), against the real infrastructure,
 * with a private topic prefix and private databases, and a JWKS file for a test issuer.
 */
export interface SystemOptions {
  /** Extra environment per service and the gateway (e.g. a benchmark lifting the per-organisation rate limit). */
  env?: Partial<Record<ServiceName | 'gateway', Record<string, string>>>;
  /**
   * Also start the gateway serving the built console (services/gateway/console/dist), with
   * development keys and demo accounts in a temp dir. Its tokens and the test issuer's are both
   * accepted by every service (one JWKS file holds both keys). Default: false.
   */
  gateway?: boolean;
  /** Other infrastructure than the shared one (a fault run's private stack). */
  infra?: InfraUrls;
  /** Processes per core service and references worker, in the same consumer groups (scale-out); default 1. */
  instances?: number;
  /** Services kept at one process whatever `instances` says (audit: one writer of the chain, as deployed). */
  singletons?: ServiceName[];
  /** Extra node flags for every service process (e.g. `--cpu-prof`); `{dir}` and `{name}` are replaced. */
  nodeFlags?: string[];
  /** How long a process may take to become ready (a fault run restarts services during outages); default 240 s. */
  readyTimeoutMs?: number;
}

export async function startSystem(options: SystemOptions = {}): Promise<RunningSystem> {
  const infra = options.infra ?? (await testInfra());
  const instances = options.instances ?? 1;
  const prefix = `${randomName('e2e')}.`;
  const logger = createLogger('e2e', 'silent');
  // The test's client is the admin principal; each service process runs as its own.
  const kafka = createKafka({ clientId: 'e2e', brokers: infra.kafkaBrokers, logger, sasl: infra.kafkaAuth ?? null });
  await createTestTopics(kafka, prefix);
  // Its key set also holds an RSA key naming no algorithm, as OIDC providers publish them (attack tests).
  const issuer = await createTestIssuer(undefined, undefined, { rsaKey: true });
  const dir = mkdtempSync(`${tmpdir()}/vetting-e2e-`);
  const keysDir = `${dir}/keys`;
  const gatewayKeys = options.gateway ? await ensureDevKeys(keysDir) : undefined;
  const gatewayJwks = gatewayKeys ? (JSON.parse(readFileSync(`${keysDir}/jwks.json`, 'utf8')) as { keys: unknown[] }).keys : [];
  writeFileSync(`${dir}/jwks.json`, JSON.stringify({ keys: [...issuer.jwks.keys, ...gatewayJwks] }));
  const ports = Object.fromEntries(await Promise.all([...CORE_SERVICES, 'gateway'].map(async (s) => [s, await freePort()]))) as Record<
    ServiceName | 'gateway',
    number
  >;
  // Further instances listen on their own ports: `<service>-2` etc.
  const extraPorts = new Map<string, number>();
  const scaled = CORE_SERVICES.filter((s) => !options.singletons?.includes(s));
  for (const s of scaled) for (let n = 2; n <= instances; n++) extraPorts.set(`${s}-${n}`, await freePort());
  const dbSuffix = randomName('e2e').replace(/-/g, '_');
  const processes = new Map<string, ChildProcess>();
  // The external systems the reference checks call: quick, and without random failures, so end-to-end
  // outcomes are deterministic (the references suites and the fault run exercise the failures).
  // Each authority signs its callbacks with its own secret: the UN's, and one for every national one.
  const callbackSecrets = { UN: randomBytes(32).toString('base64url'), '*': randomBytes(32).toString('base64url') };
  const sims = await startSimulators({
    seed: 1,
    latency: { minMs: 5, maxMs: 50 },
    callbackLatency: { minMs: 50, maxMs: 300 },
    failureRates: { serverError: 0, rateLimited: 0, timeout: 0, malformed: 0 },
    asyncRate: 0.2,
    callbackSecrets,
  });
  const referencesEnv = {
    NATIONAL_RECORDS_URL: `${sims.url}/national-records`,
    UN_RECORDS_URL: `${sims.url}/un-records`,
    EMPLOYER_HR_URL: `${sims.url}/hr`,
    CALLBACK_SECRETS: Object.entries(callbackSecrets)
      .map(([organisation, secret]) => `${organisation}=${secret}`)
      .join(','),
    QUEUE_PREFIX: randomName('q'),
    CHECK_BACKOFF_MS: '200',
    // Referee links go through the gateway when there is one (as in production).
    PUBLIC_URL: options.gateway ? `http://127.0.0.1:${ports.gateway}/api/references` : `http://127.0.0.1:${ports.references}`,
  };
  const gatewayEnv = {
    ...Object.fromEntries(CORE_SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}`])),
    KEYS_DIR: keysDir,
    CONSOLE_DIR: `${repoRoot}services/gateway/console/dist`,
    SIGNIN_RATE_KEY_PREFIX: `${prefix}signin:`,
  };

  let stopping = false;
  const intentional = new WeakSet<ChildProcess>();
  const crashes: { name: string; code: number | null; signal: NodeJS.Signals | null; at: string }[] = [];
  const workerMetricsPorts = new Map<string, number>();
  const alive = (child: ChildProcess | undefined) => !!child && child.exitCode === null && child.signalCode === null;
  const launch = async (name: string, entry: string, service: ServiceName | 'gateway', ready: 'readyz' | 'healthz' | false) => {
    // One process per name: a second would fail on the port and leave the first untracked (never killed, never stopped).
    if (alive(processes.get(name))) return;
    const log = createWriteStream(`${dir}/${name}.log`, { flags: 'a' });
    if (name.startsWith('references-worker') && !workerMetricsPorts.has(name)) workerMetricsPorts.set(name, await freePort());
    const port = extraPorts.get(name) ?? ports[service];
    const flags = (options.nodeFlags ?? []).map((f) => f.replace('{dir}', dir).replace('{name}', name));
    const child = spawn(process.execPath, [...flags, ...(await serviceCommand(entry))], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        // Development mode, asked for explicitly, and the service's own Kafka principal.
        ...testServiceBaseEnv(infra, service),
        SERVICE_NAME: service,
        PORT: String(port),
        MONGO_DB: `${service}_${dbSuffix}`,
        TOPIC_PREFIX: prefix,
        AUTH_JWKS: `${dir}/jwks.json`,
        // Service tokens (each service's own key) and the person-key authority (intake) for sealed personal data.
        SERVICE_KEYS_DIR: `${dir}/service-keys`,
        PERSON_KEYS_URL: `http://127.0.0.1:${ports.intake}`,
        AUTH_ISSUER: issuer.issuer,
        AUTH_AUDIENCE: issuer.audience,
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: '--max-old-space-size=256',
        // One platform signing key for the services that sign (certificates, list bundles).
        PLATFORM_SIGNING_KEY_DIR: `${dir}/platform-signing`,
        ...(service === 'references' ? referencesEnv : {}),
        ...(workerMetricsPorts.has(name) ? { WORKER_METRICS_PORT: String(workerMetricsPorts.get(name)) } : {}),
        ...(service === 'gateway' ? gatewayEnv : {}),
        ...(options.env?.[service] ?? {}),
      },
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    processes.set(name, child);
    // Supervised like a deployment's restart policy: a process that dies on its own (e.g. the database
    // restarted while it was creating indexes at start-up) is started again; one we kill is not.
    child.once('exit', (code, signal) => {
      if (stopping || intentional.has(child)) return;
      crashes.push({ name, code, signal, at: new Date().toISOString() });
      setTimeout(() => void (stopping ? undefined : launch(name, entry, service, false).catch(() => undefined)), 1000);
    });
    if (ready)
      await waitFor(async () => (await fetch(`http://127.0.0.1:${port}/${ready}`)).ok, {
        timeoutMs: options.readyTimeoutMs ?? 240_000,
        // A refused connection costs nothing: ask often, so a start is not rounded up to the next half second.
        intervalMs: 100,
        message: `${name} ready (logs in ${dir})`,
      });
  };
  // A process name is `<service>`, `<service>-<n>`, `references-worker` or `references-worker-<n>`.
  const start = (name: string) => {
    if (name.startsWith('references-worker')) return launch(name, 'services/references/src/worker/main.ts', 'references', false);
    const service = name.replace(/-\d+$/, '') as ServiceName;
    return launch(name, `services/${service}/src/main.ts`, service, 'readyz');
  };

  const stopAll = async () => {
    stopping = true;
    await Promise.all(
      [...processes.values()]
        .filter((c) => c.exitCode === null && c.signalCode === null)
        .map(
          (c) =>
            new Promise<void>((resolve) => {
              c.once('exit', () => resolve());
              c.kill('SIGTERM');
            }),
        ),
    );
    await sims.stop();
    await deleteTestTopics(kafka, prefix);
  };
  try {
    await Promise.all(CORE_SERVICES.map(start));
    // The references service's BullMQ worker runs as its own process, as in production.
    await start('references-worker');
    for (let n = 2; n <= instances; n++) {
      await Promise.all(scaled.map((s) => start(`${s}-${n}`)));
      await start(`references-worker-${n}`);
    }
    if (options.gateway) await launch('gateway', 'services/gateway/src/main.ts', 'gateway', 'healthz');
  } catch (error) {
    // A service that never became ready: stop every process already spawned rather than orphan it.
    await stopAll();
    throw error;
  }
  return {
    url: (service) => `http://127.0.0.1:${ports[service]}`,
    urls: (service) =>
      [
        ports[service],
        ...Array.from({ length: instances - 1 }, (_, i) => extraPorts.get(`${service}-${i + 2}`)).filter((p) => p !== undefined),
      ].map((p) => `http://127.0.0.1:${p}`),
    processNames: () => [...processes.keys()],
    workerMetricsUrls: () => Object.fromEntries([...workerMetricsPorts].map(([name, port]) => [name, `http://127.0.0.1:${port}`])),
    crashes: () => [...crashes],
    logDir: dir,
    database: (service) => `${service}_${dbSuffix}`,
    mongoUrl: infra.mongoUrl,
    callbackSecrets,
    issuer,
    prefix,
    kafka,
    ...(gatewayKeys ? { console: connectConsole(`http://127.0.0.1:${ports.gateway}`, gatewayKeys.credentials, keysDir) } : {}),
    start,
    async kill(service, signal = 'SIGKILL') {
      const child = processes.get(service);
      if (!child || child.exitCode !== null || child.signalCode !== null) return;
      intentional.add(child);
      await new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill(signal);
      });
    },
    stop: stopAll,
  };
}
