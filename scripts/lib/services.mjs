// Starts and stops the platform's service processes natively (pid files, logs under .data/).
import { join } from 'node:path';
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DATA_DIR, REPO_ROOT } from '../../infra/lib/config.mjs';
import { passwordVariable } from '../../contracts/src/topic-access.mjs';
import { ourPid, spawnDetached, stopProcess, sleep, logFile, tailFile } from '../../infra/lib/proc.mjs';

export const KEYS_DIR = join(DATA_DIR, 'keys');
export const GATEWAY_PORT = Number(process.env.VETTING_GATEWAY_PORT || 8080);

/** Every service, its port and database. The gateway starts last and routes to the others. */
export const SERVICES = [
  { name: 'intake', port: 4101 },
  { name: 'screening', port: 4102 },
  { name: 'references', port: 4103 },
  { name: 'clearance', port: 4104 },
  { name: 'audit', port: 4105 },
  { name: 'accountability', port: 4106 },
  { name: 'gateway', port: GATEWAY_PORT },
];

/**
 * Other processes of a development install: the references service's BullMQ worker, and the
 * simulated external systems (national records, prior employers' HR, UN records) it calls.
 */
export const PROCESSES = [
  // Development pace: answers within seconds, late callbacks within 20 s (the defaults go up to a minute).
  {
    name: 'simulators',
    port: 4110,
    entry: 'tests/simulators/src/main.ts',
    health: '/healthz',
    env: { SIM_PORT: '4110', SIM_LATENCY_MAX_MS: '1500', SIM_CALLBACK_MAX_MS: '20000' },
  },
  { name: 'references-worker', entry: 'services/references/src/worker/main.ts', base: 'references', port: 4103 },
];

/**
 * Development secrets shared by the references service, its worker and the simulators; generated once.
 * Callbacks: the UN's own secret, and one for every national authority (`*`, development only).
 */
function devSecrets() {
  const file = join(KEYS_DIR, 'service-secrets.json');
  const saved = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (!saved.CALLBACK_SECRETS) {
    mkdirSync(KEYS_DIR, { recursive: true, mode: 0o700 });
    const secret = () => randomBytes(32).toString('base64url');
    writeFileSync(file, JSON.stringify({ CALLBACK_SECRETS: `UN=${secret()},*=${secret()}` }), { mode: 0o600 });
  }
  return JSON.parse(readFileSync(file, 'utf8'));
}

function infraEnv() {
  const file = join(DATA_DIR, 'infra.env');
  if (!existsSync(file)) return {};
  return Object.fromEntries(
    readFileSync(file, 'utf8')
      .split('\n')
      .filter((l) => l.includes('=') && !l.startsWith('#'))
      .map((l) => [l.slice(0, l.indexOf('=')), l.slice(l.indexOf('=') + 1).trim()]),
  );
}

/**
 * The environment of one service: development mode (asked for explicitly: this is a developer's
 * install), infra URLs, the service's own Kafka principal, its port and database, the development JWKS.
 */
export function serviceEnv(service, extra = {}) {
  const urls = Object.fromEntries(
    SERVICES.filter((s) => s.name !== 'gateway').map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${s.port}`]),
  );
  const infra = infraEnv();
  return {
    ...process.env,
    ...infra,
    ...urls,
    VETTING_MODE: 'development',
    // infra.env names the admin principal; a service signs in as its own (the broker's ACLs name it).
    ...(infra[passwordVariable(service.name)]
      ? { KAFKA_USERNAME: service.name, KAFKA_PASSWORD: infra[passwordVariable(service.name)] }
      : {}),
    SERVICE_NAME: service.name,
    PORT: String(service.port),
    MONGO_DB: `vetting_${service.name}`,
    AUTH_JWKS: join(KEYS_DIR, 'jwks.json'),
    KEYS_DIR,
    // Each service's own key for service-to-service tokens, generated on first start (docs/SECURITY.md).
    SERVICE_KEYS_DIR: join(KEYS_DIR, 'services'),
    // The audit's signing and digest keys, apart from its checkpoints (.data/audit-checkpoints).
    AUDIT_KEY_DIR: join(KEYS_DIR, 'audit'),
    // The person-key authority (intake): personal data in events is sealed under each person's key.
    PERSON_KEYS_URL: `http://127.0.0.1:${SERVICES[0].port}`,
    // The platform's signing key (certificates, offline list bundles), shared by intake and screening.
    PLATFORM_SIGNING_KEY_DIR: join(KEYS_DIR, 'platform-signing'),
    // The audit chain's checkpoints belong with the data they sign: a reset or a second stack has its own.
    AUDIT_CHECKPOINT_DIR: join(DATA_DIR, 'audit-checkpoints'),
    CONSOLE_DIR: join(REPO_ROOT, 'services', 'gateway', 'console', 'dist'),
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    ...devSecrets(),
    NODE_OPTIONS: '--max-old-space-size=384',
    ...extra,
  };
}

const marker = (service) => service.entry ?? `services/${service.name}/src/main.ts`;

/** How each process started by this run ended, if it did (exit code or signal). */
const exits = new Map();

export function startService(service) {
  if (ourPid(`svc-${service.name}`, marker(service))) return false;
  exits.delete(service.name);
  const env = serviceEnv({ name: service.base ?? service.name, port: service.port ?? 0 }, service.env);
  spawnDetached(`svc-${service.name}`, process.execPath, ['--import', 'tsx', marker(service)], {
    cwd: REPO_ROOT,
    env,
    onExit: (how) => exits.set(service.name, how),
  });
  return true;
}

/** Where a process's readiness is asked: the gateway and the simulators have /healthz, services /readyz. */
export const readinessUrl = (service) =>
  `http://127.0.0.1:${service.port}${service.health ?? (service.name === 'gateway' ? '/healthz' : '/readyz')}`;

/** `running (pid 123)`, `exited with code 1`, `killed by SIGKILL` or `not running`. */
export function processState(service) {
  const pid = ourPid(`svc-${service.name}`, marker(service));
  if (pid) return `running (pid ${pid})`;
  const how = exits.get(service.name);
  if (how?.signal) return `killed by ${how.signal}`;
  if (how) return `exited with code ${how.code}`;
  return 'not running';
}

/**
 * Waits until a process answers its readiness URL. Says what it waits for, prints progress every
 * 10 s, and when it gives up throws an error naming the last answer (status and body, or the network
 * error with its cause), the process state and the last log lines.
 */
export async function waitReady(service, timeoutMs = 120_000, progress = console.log) {
  const name = `svc-${service.name}`;
  if (service.entry && !service.health) {
    // No HTTP endpoint of its own (the worker): alive after a few seconds is as ready as it gets.
    await sleep(3000);
    if (ourPid(name, marker(service))) return;
    throw new Error(
      `${service.name} ${processState(service)} while starting. Last log lines (${logFile(name)}):\n${tailFile(logFile(name), 20)}`,
    );
  }
  const url = readinessUrl(service);
  const started = Date.now();
  let last = 'no answer yet';
  let nextNote = started + 10_000;
  while (Date.now() - started < timeoutMs) {
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(5000) });
      const body = (await res.text()).slice(0, 500);
      if (res.ok) return body;
      last = `HTTP ${res.status} ${body}`;
    } catch (error) {
      last = describe(error);
    }
    if (!ourPid(name, marker(service))) break;
    if (Date.now() >= nextNote) {
      progress(`  still waiting for ${service.name} at ${url} (${Math.round((Date.now() - started) / 1000)} s): ${last}`);
      nextNote += 10_000;
    }
    await sleep(250);
  }
  const gaveUp = ourPid(name, marker(service)) ? `did not become ready within ${Math.round(timeoutMs / 1000)} s` : 'stopped while starting';
  throw new Error(
    `${service.name} ${gaveUp}.\n  asked: ${url}\n  last answer: ${last}\n  process: ${processState(service)}\n  last log lines (${logFile(name)}):\n${tailFile(logFile(name), 20)}`,
  );
}

/** An error's message with its causes (`fetch failed: connect ECONNREFUSED …`). */
function describe(error) {
  const parts = [];
  for (let e = error; e && parts.length < 5; e = e.cause)
    parts.push(e.code && !String(e.message).includes(e.code) ? `${e.message} (${e.code})` : e.message);
  return parts.join(': ');
}

export async function stopService(service) {
  return stopProcess(`svc-${service.name}`, { marker: marker(service), timeoutMs: 15_000 });
}
