import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { createServer } from 'node:net';
import { createKafka, createLogger } from '@vetting/platform';
import { createTestTopics, randomName, testInfra, waitFor } from '@vetting/platform/testing';
import { ensureDevKeys } from '../../../services/gateway/src/data/dev-keys';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));
const SERVICES = ['intake', 'screening', 'references', 'clearance', 'audit'] as const;
type Service = (typeof SERVICES)[number] | 'gateway';

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface ConsoleSystem {
  /** The gateway: console, /api/auth and /api/<service>. */
  url: string;
  keysDir?: string;
  password(username: string): string;
  /** Signs in through the gateway as a demo account and returns the token. */
  token(username: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The whole platform as in production, for the browser: every service as its own process against
 * the real infrastructure (private topic prefix and databases), and the gateway serving the built
 * console. The gateway's development keys (in a temp dir) sign the tokens every service accepts.
 */
export async function startConsoleSystem(): Promise<ConsoleSystem> {
  // While writing a test: reuse a system kept running by `tsx browser/support/keep-running.ts`.
  const reuse = process.env.VETTING_UI_SYSTEM?.split('|');
  if (reuse) return connect(reuse[0]!, JSON.parse(readFileSync(`${reuse[1]}/dev-credentials.json`, 'utf8')), async () => {});
  const infra = await testInfra();
  const prefix = `${randomName('ui')}.`;
  const kafka = createKafka({ clientId: 'ui', brokers: infra.kafkaBrokers, logger: createLogger('ui', 'silent') });
  await createTestTopics(kafka, prefix);
  const dir = mkdtempSync(`${tmpdir()}/vetting-ui-`);
  const { credentials } = await ensureDevKeys(`${dir}/keys`);
  const ports = Object.fromEntries(await Promise.all([...SERVICES, 'gateway'].map(async (s) => [s, await freePort()]))) as Record<Service, number>;
  const dbSuffix = randomName('ui').replace(/-/g, '_');
  const children: ChildProcess[] = [];

  const start = async (service: Service) => {
    const log = createWriteStream(`${dir}/${service}.log`, { flags: 'a' });
    const urls = Object.fromEntries(SERVICES.map((s) => [`${s.toUpperCase()}_URL`, `http://127.0.0.1:${ports[s]}`]));
    const child = spawn(process.execPath, ['--import', 'tsx', `services/${service}/src/main.ts`], {
      cwd: repoRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        ...process.env,
        ...urls,
        SERVICE_NAME: service,
        PORT: String(ports[service]),
        MONGO_URL: infra.mongoUrl,
        MONGO_DB: `${service}_${dbSuffix}`,
        KAFKA_BROKERS: infra.kafkaBrokers.join(','),
        REDIS_URL: infra.redisUrl,
        TOPIC_PREFIX: prefix,
        AUTH_JWKS: `${dir}/keys/jwks.json`,
        KEYS_DIR: `${dir}/keys`,
        CONSOLE_DIR: `${repoRoot}services/gateway/console/dist`,
        OUTBOX_POLL_MS: '100',
        LOG_LEVEL: 'warn',
        NODE_OPTIONS: '--max-old-space-size=256',
      },
    });
    child.stdout!.pipe(log);
    child.stderr!.pipe(log);
    children.push(child);
    const probe = service === 'gateway' ? 'healthz' : 'readyz';
    await waitFor(async () => (await fetch(`http://127.0.0.1:${ports[service]}/${probe}`)).ok, { timeoutMs: 240_000, intervalMs: 500, message: `${service} ready (logs in ${dir})` });
  };

  await Promise.all(SERVICES.map(start));
  await start('gateway');
  return connect(`http://127.0.0.1:${ports.gateway}`, credentials, async () => {
    await Promise.all(
      children.filter((c) => c.exitCode === null).map((c) => new Promise<void>((resolve) => {
        c.once('exit', () => resolve());
        c.kill('SIGTERM');
      })),
    );
  }, `${dir}/keys`);
}

function connect(url: string, credentials: { username: string; password: string }[], stop: () => Promise<void>, keysDir?: string): ConsoleSystem {
  const password = (username: string) => credentials.find((c) => c.username === username)!.password;
  return {
    url,
    keysDir,
    password,
    async token(username) {
      const res = await fetch(`${url}/api/auth/login`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: password(username) }) });
      if (!res.ok) throw new Error(`sign-in of ${username}: ${res.status}`);
      return ((await res.json()) as { token: string }).token;
    },
    stop,
  };
}

export const sampleBanList = () => readFileSync(`${repoRoot}packages/banlists/samples/platform-banlist.sample.json`, 'utf8');
