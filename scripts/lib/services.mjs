// Starts and stops the platform's service processes natively (pid files, logs under .data/).
import { join } from 'node:path';
import { readFileSync, existsSync, writeFileSync, mkdirSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { DATA_DIR, REPO_ROOT } from '../../infra/lib/config.mjs';
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
  { name: 'gateway', port: GATEWAY_PORT },
];

/**
 * Other processes of a development install: the references service's BullMQ worker, and the
 * simulated external systems (national records, prior employers' HR, UN records) it calls.
 */
export const PROCESSES = [
  // Development pace: answers within seconds, late callbacks within 20 s (the defaults go up to a minute).
  { name: 'simulators', port: 4110, entry: 'tests/simulators/src/main.ts', health: '/healthz', env: { SIM_PORT: '4110', SIM_LATENCY_MAX_MS: '1500', SIM_CALLBACK_MAX_MS: '20000' } },
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

/** The environment of one service: infra URLs, its port and database, the development JWKS. */
export function serviceEnv(service, extra = {}) {
  const urls = Object.fromEntries(SERVICES.filter((s) => s.name !== 'gateway').map((s) => [`${s.name.toUpperCase()}_URL`, `http://127.0.0.1:${s.port}`]));
  return {
    ...process.env,
    ...infraEnv(),
    ...urls,
    SERVICE_NAME: service.name,
    PORT: String(service.port),
    MONGO_DB: `vetting_${service.name}`,
    AUTH_JWKS: join(KEYS_DIR, 'jwks.json'),
    KEYS_DIR,
    // Each service's own key for service-to-service tokens, generated on first start (docs/SECURITY.md).
    SERVICE_KEYS_DIR: join(KEYS_DIR, 'services'),
    CONSOLE_DIR: join(REPO_ROOT, 'services', 'gateway', 'console', 'dist'),
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    ...devSecrets(),
    NODE_OPTIONS: '--max-old-space-size=384',
    ...extra,
  };
}

const marker = (service) => service.entry ?? `services/${service.name}/src/main.ts`;

export function startService(service) {
  if (ourPid(`svc-${service.name}`, marker(service))) return false;
  const env = serviceEnv({ name: service.base ?? service.name, port: service.port ?? 0 }, service.env);
  spawnDetached(`svc-${service.name}`, process.execPath, ['--import', 'tsx', marker(service)], { cwd: REPO_ROOT, env });
  return true;
}

export async function waitReady(service, timeoutMs = 120_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  if (service.entry && !service.health) {
    // No HTTP endpoint of its own (the worker): alive after a few seconds is as ready as it gets.
    await sleep(3000);
    if (ourPid(`svc-${service.name}`, marker(service))) return;
    throw new Error(`${service.name} exited. Last log lines:\n${tailFile(logFile(`svc-${service.name}`), 20)}`);
  }
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${service.port}${service.health ?? (service.name === 'gateway' ? '/healthz' : '/readyz')}`);
      if (res.ok) return;
      last = await res.text();
    } catch (error) {
      last = error.message;
    }
    if (!ourPid(`svc-${service.name}`, marker(service))) break;
    await sleep(250);
  }
  throw new Error(`${service.name} did not become ready (${last}). Last log lines:\n${tailFile(logFile(`svc-${service.name}`), 20)}`);
}

export async function stopService(service) {
  return stopProcess(`svc-${service.name}`, { marker: marker(service), timeoutMs: 15_000 });
}
