/**
 * Schemathesis (property-based fuzzing from the OpenAPI documents) against every service running as
 * its own process on the real Kafka, FerretDB and Redis, and against the gateway. Each protected
 * operation is called with a token of a role it allows, so the generated cases reach the handlers.
 * Checks: no 5xx, every response conforming to its documented schema, every contract-breaking request
 * refused with a 4xx, no protected operation served without valid credentials. The number of generated cases
 * per service is printed and written to test-output/schemathesis.{json,md}.
 */
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, ROLES, type Role } from '@vetting/platform';
import { randomName, testInfra, testServiceBaseEnv } from '@vetting/platform/testing';
import { ensureSchemathesis } from '../../scripts/lib/install.mjs';
import { gatewayConfigSchema } from '../../services/gateway/src/config';
import { startGateway } from '../../services/gateway/src/start-gateway';
import { CORE_SERVICES, startSystem, type RunningSystem } from '../support/system';
import { runSchemathesis, type SchemathesisRun } from './support/schemathesis.runner';

const outputDir = fileURLToPath(new URL('../../test-output/', import.meta.url));
const HUMAN_ROLES = ROLES.filter((r) => r !== 'service') as Role[];
/** Cases per operation and phase: enough to find the known classes of fault (NUL in strings, bad percent-encoding, header patterns), small enough for a few minutes on 2 cores. */
const MAX_EXAMPLES = Number(process.env.SCHEMATHESIS_MAX_EXAMPLES ?? 10);

describe('schemathesis against every OpenAPI document (real processes)', () => {
  let binary: string;
  let system: RunningSystem;
  let gateway: Awaited<ReturnType<typeof startGateway>>;
  let workDir: string;
  const runs: SchemathesisRun[] = [];
  const serviceTokens = {} as Record<Role, string>;
  const gatewayTokens = {} as Record<Role, string>;

  beforeAll(async () => {
    binary = ensureSchemathesis();
    workDir = mkdtempSync(`${tmpdir()}/schemathesis-`);
    system = await startSystem();
    for (const role of HUMAN_ROLES)
      serviceTokens[role] = await system.issuer.token({
        sub: `fuzz-${role}`,
        roles: [role],
        expiresIn: '1h',
        ...(role === 'tcc-officer' ? { country: 'GH' } : {}),
      });

    // The gateway signs its own tokens: sign in once per role with the generated demo accounts.
    const keysDir = `${workDir}/gateway-keys`;
    const infra = await testInfra();
    gateway = await startGateway(
      loadConfig(gatewayConfigSchema, {
        ...testServiceBaseEnv(infra, 'gateway'),
        SERVICE_NAME: 'gateway',
        PORT: '0',
        KEYS_DIR: keysDir,
        LOG_LEVEL: 'silent',
        SIGNIN_RATE_KEY_PREFIX: `${randomName('fuzz-signin')}:`,
      }),
    );
    const accounts = JSON.parse(readFileSync(`${keysDir}/dev-credentials.json`, 'utf8')) as {
      username: string;
      password: string;
      roles: Role[];
    }[];
    for (const role of HUMAN_ROLES) {
      const account = accounts.find((a) => a.roles.includes(role))!;
      const res = await fetch(`http://127.0.0.1:${gateway.port}/api/auth/login`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username: account.username, password: account.password }),
      });
      gatewayTokens[role] = ((await res.json()) as { token: string }).token;
    }
  }, 600_000);

  afterAll(async () => {
    await gateway?.stop();
    await system?.stop();
    if (!runs.length) return;
    mkdirSync(outputDir, { recursive: true });
    const load = loadavg()
      .map((l) => l.toFixed(2))
      .join(' ');
    writeFileSync(
      `${outputDir}schemathesis.json`,
      JSON.stringify(
        { at: new Date().toISOString(), loadAverage: load, maxExamples: MAX_EXAMPLES, runs: runs.map(({ output: _output, ...r }) => r) },
        null,
        2,
      ),
    );
    const rows = runs.map((r) => `| ${r.service} | ${r.operations} | ${r.cases} | ${r.failures.length} | ${r.seconds} s |`);
    const total = runs.reduce((n, r) => n + r.cases, 0);
    const md = [
      `# Schemathesis run`,
      '',
      `Load average ${load}; max ${MAX_EXAMPLES} examples per operation and phase.`,
      '',
      '| document | operations | cases | failures | time |',
      '|---|---|---|---|---|',
      ...rows,
      `| **total** | | **${total}** | | |`,
      '',
    ].join('\n');
    writeFileSync(`${outputDir}schemathesis.md`, md);
    console.log(md);
  });

  for (const service of [...CORE_SERVICES, 'gateway'] as const) {
    it(`when schemathesis fuzzes the ${service} API, then no response is a 5xx, every response conforms to its schema and contract-breaking or unauthenticated requests are refused`, async () => {
      const url = service === 'gateway' ? `http://127.0.0.1:${gateway.port}` : system.url(service);
      const run = await runSchemathesis(binary, service, url, service === 'gateway' ? gatewayTokens : serviceTokens, workDir, {
        maxExamples: MAX_EXAMPLES,
        seed: 20261127,
      });
      runs.push(run);
      console.log(
        `${service}: ${run.cases} cases over ${run.operations} operations in ${run.seconds} s; statuses ${JSON.stringify(run.statuses)}`,
      );
      expect(run.failures, run.output.slice(-4000)).toEqual([]);
      expect(run.exitCode, run.output.slice(-4000)).toBe(0);
      expect(run.cases).toBeGreaterThan(0);
      // Cases that never get past authentication would prove nothing about the handlers.
      expect(run.neverAuthorised).toEqual([]);
    }, 600_000);
  }
});
