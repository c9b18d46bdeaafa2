// Starts and stops the platform's service processes natively (pid files, logs under .data/).
import { join } from 'node:path';
import { readFileSync, existsSync } from 'node:fs';
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
    CONSOLE_DIR: join(REPO_ROOT, 'services', 'gateway', 'console', 'dist'),
    LOG_LEVEL: process.env.LOG_LEVEL || 'info',
    NODE_OPTIONS: '--max-old-space-size=384',
    ...extra,
  };
}

const marker = (name) => `services/${name}/src/main.ts`;

export function startService(service) {
  if (ourPid(`svc-${service.name}`, marker(service.name))) return false;
  spawnDetached(`svc-${service.name}`, process.execPath, ['--import', 'tsx', marker(service.name)], { cwd: REPO_ROOT, env: serviceEnv(service) });
  return true;
}

export async function waitReady(service, timeoutMs = 60_000) {
  const deadline = Date.now() + timeoutMs;
  let last = '';
  while (Date.now() < deadline) {
    try {
      const res = await fetch(`http://127.0.0.1:${service.port}/${service.name === 'gateway' ? 'healthz' : 'readyz'}`);
      if (res.ok) return;
      last = await res.text();
    } catch (error) {
      last = error.message;
    }
    if (!ourPid(`svc-${service.name}`, marker(service.name))) break;
    await sleep(250);
  }
  throw new Error(`${service.name} did not become ready (${last}). Last log lines:\n${tailFile(logFile(`svc-${service.name}`), 20)}`);
}

export async function stopService(service) {
  return stopProcess(`svc-${service.name}`, { marker: marker(service.name), timeoutMs: 15_000 });
}
