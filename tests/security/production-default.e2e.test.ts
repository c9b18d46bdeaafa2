/**
 * Production is the default. Each service, started as its own process without VETTING_MODE and with
 * a development default left in place, refuses to start and names the setting; nothing it would
 * have done in development (a temporary keyring, the development mailbox, demo accounts, Kafka
 * without credentials) happens.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { serviceCommand } from '../support/service-build';

const repoRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Starts an entry point with only `env` (plus PATH/HOME) and resolves with its exit code and output. */
async function run(entry: string, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const command = await serviceCommand(entry);
  return new Promise((resolve) => {
    const child = spawn(process.execPath, command, {
      cwd: repoRoot,
      // Addresses where nothing listens: a service that failed to refuse must not touch real data.
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '/tmp',
        LOG_LEVEL: 'info',
        AUTH_JWKS: '/nonexistent/jwks.json',
        MONGO_URL: 'mongodb://127.0.0.1:1/?serverSelectionTimeoutMS=2000',
        KAFKA_BROKERS: '127.0.0.1:1',
        REDIS_URL: 'redis://127.0.0.1:1',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    // A service that does not refuse would go on to connect: it has failed this test either way.
    const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

/** Kafka settings a production service would have (the check comes before any connection). */
const kafkaOk = { KAFKA_PASSWORD: 'a-production-password', KAFKA_TLS: 'true' };
const REFUSAL = 'VETTING_MODE: is production (the default)';

const cases: { name: string; entry: string; env: () => Record<string, string>; names: string[] }[] = [
  // Each with the settings it cannot parse or start without, so that the refusal is about Kafka.
  ...['intake', 'screening', 'references', 'clearance', 'audit', 'accountability'].map((s) => ({
    name: `${s} without Kafka credentials`,
    entry: `services/${s}/src/main.ts`,
    env: (): Record<string, string> => ({
      ...(s === 'references' ? { CALLBACK_SECRETS: `*=${'s'.repeat(43)}` } : {}),
      ...(s === 'audit' ? { AUDIT_KEY_DIR: mkdtempSync(`${tmpdir()}/audit-keys-prod-`) } : {}),
    }),
    names: ['KAFKA_PASSWORD', 'KAFKA_TLS'],
  })),
  {
    name: 'intake with its keyring in a temporary directory',
    entry: 'services/intake/src/main.ts',
    env: () => kafkaOk,
    names: ['KEYS_DIR'],
  },
  ...['intake', 'screening'].map((s) => ({
    name: `${s} without the platform signing key (a key made up in a temporary directory)`,
    entry: `services/${s}/src/main.ts`,
    env: () => kafkaOk,
    names: ['PLATFORM_SIGNING_KEY_DIR'],
  })),
  {
    name: 'clearance with its keyring in a temporary directory',
    entry: 'services/clearance/src/main.ts',
    env: () => kafkaOk,
    names: ['KEYS_DIR'],
  },
  {
    name: 'references with a temporary keyring, the development mailbox and one callback secret for every authority',
    entry: 'services/references/src/main.ts',
    env: () => ({ ...kafkaOk, CALLBACK_SECRETS: `*=${'s'.repeat(43)}` }),
    names: ['KEYS_DIR', 'MAIL_TRANSPORT', 'CALLBACK_SECRETS'],
  },
  {
    name: 'the references worker with the same defaults',
    entry: 'services/references/src/worker/main.ts',
    env: () => ({ CALLBACK_SECRETS: `*=${'s'.repeat(43)}` }),
    names: ['KEYS_DIR', 'MAIL_TRANSPORT', 'CALLBACK_SECRETS'],
  },
  {
    name: 'the gateway on its first start without a first administrator',
    entry: 'services/gateway/src/main.ts',
    env: () => ({ ...kafkaOk, KEYS_DIR: mkdtempSync(`${tmpdir()}/gw-prod-`) }),
    names: ['ADMIN_INITIAL_PASSWORD'],
  },
  {
    name: 'the gateway over a keys directory holding the demo accounts',
    entry: 'services/gateway/src/main.ts',
    env: () => {
      const dir = mkdtempSync(`${tmpdir()}/gw-demo-`);
      writeFileSync(`${dir}/dev-credentials.json`, JSON.stringify([{ username: 'admin', password: 'in-clear' }]));
      writeFileSync(`${dir}/users.json`, '[]');
      return { ...kafkaOk, KEYS_DIR: dir, ADMIN_INITIAL_PASSWORD: 'a-long-enough-password' };
    },
    names: ['KEYS_DIR'],
  },
];

describe('a service started without VETTING_MODE runs in production and refuses development defaults', () => {
  for (const c of cases) {
    it(`when ${c.name} is started, then it refuses and names ${c.names.join(', ')}`, async () => {
      const { code, output } = await run(c.entry, c.env());
      expect(code, output.slice(-2000)).toBe(1);
      expect(output).toContain(REFUSAL);
      for (const name of c.names) expect(output, `${c.entry} names ${name}`).toContain(`${name}:`);
      expect(output).not.toMatch(/listening|ready/i);
    });
  }

  it('when the same service is started with VETTING_MODE=development, then those defaults are accepted (it goes on to start)', async () => {
    const { output } = await run('services/intake/src/main.ts', { VETTING_MODE: 'development', KAFKA_SASL_MECHANISM: 'none' });
    expect(output).not.toContain(REFUSAL);
  });
});
