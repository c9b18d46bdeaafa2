import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { connect } from 'node:net';
import { loadavg } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeBenchReport } from '@vetting/platform/testing';
import { openapiPath } from '@vetting/contracts';
import { operationsOf, REFERENCE_SERVICES } from '../../services/gateway/src/domain/api-reference';
import { launchBrowser, signIn } from '../browser/support/browser';
import { ensureChromium } from '../../scripts/lib/install.mjs';
import { placeholdersIn, readmeCommands } from './readme-commands';
import { createShellSession, run } from './shell-session';
import { PORTS } from '../../infra/lib/config.mjs';

/**
 * The README's first minutes, as a newcomer lives them: `npm start` from a stopped state, each
 * command of "Try the thin slice by hand" exactly as written (read from the README, so the two
 * cannot drift), the console and the API reference in Chromium, `npm stop`, a second `npm start`,
 * and a start that cannot succeed. It runs on its own (scripts/test.mjs), before the other suites:
 * it stops and starts the shared infrastructure.
 */
const repo = fileURLToPath(new URL('../../', import.meta.url));
const readme = readFileSync(`${repo}README.md`, 'utf8');
const GATEWAY = 'http://127.0.0.1:8080';
const SERVICE_PORTS = [4101, 4102, 4103, 4104, 4105, 4110, 8080];
const figures: Record<string, number> = {};
const passwords = new Map<string, string>();
/** A newcomer's terminal: none of what the test runner adds (NODE_ENV=test would bundle React's development build). */
const terminalEnv = Object.fromEntries(
  Object.entries(process.env).filter(([k]) => k !== 'NODE_ENV' && k !== 'TEST' && !k.startsWith('VITEST')),
);
const npm = (args: string[], timeoutMs = 15 * 60_000) =>
  run('npm', args, {
    cwd: repo,
    env: terminalEnv,
    timeoutMs,
    onOutput: process.env.WALKTHROUGH_VERBOSE ? (t) => process.stdout.write(t) : undefined,
  });
const seconds = (since: number) => Math.round((performance.now() - since) / 100) / 10;

/** Whether anything accepts a TCP connection on the port (HTTP or not: Kafka, FerretDB, Redis too). */
function listening(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ port, host: '127.0.0.1' });
    socket.setTimeout(2000, () => (socket.destroy(), resolve(false)));
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

async function signInAs(username: string): Promise<string> {
  const res = await fetch(`${GATEWAY}/api/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username, password: passwords.get(username) }),
  });
  return ((await res.json()) as { token: string }).token;
}

describe('the README walkthrough, as a newcomer runs it (npm start, the thin slice, npm stop)', () => {
  beforeAll(async () => {
    ensureChromium();
    const stopped = await npm(['stop']);
    expect(stopped.code, stopped.stderr).toBe(0);
  });

  afterAll(() => {
    const dir = `${repo}.data/test-results`;
    mkdirSync(dir, { recursive: true });
    writeFileSync(`${dir}/walkthrough.json`, `${JSON.stringify(figures, null, 2)}\n`);
    if (process.env.WALKTHROUGH_REPORT)
      writeBenchReport(
        'walkthrough',
        'README walkthrough: npm start, the thin slice by hand, npm stop, npm start again',
        [
          {
            metric: 'first npm start (from stopped, infrastructure included)',
            value: figures.firstStartSeconds ?? NaN,
            unit: 's',
          },
          {
            metric: 'nomination → decision (simulated authorities, development pace)',
            value: figures.decisionSeconds ?? NaN,
            unit: 's',
          },
          {
            metric: 'second npm start (after npm stop)',
            value: figures.secondStartSeconds ?? NaN,
            unit: 's',
          },
        ],
        figures,
        [
          'Measured by the README walkthrough test (tests/walkthrough): `npm start` and `npm stop` exactly as a newcomer runs them; the simulated authorities answer within 1.5 s, or by a callback within 20 s for about a third of the checks.',
          `Machine load average at the end of the run: ${loadavg()
            .map((l) => l.toFixed(1))
            .join(' ')} (1/5/15 min).`,
        ],
      );
  });

  it('when `npm start` runs from a stopped state, then every process becomes ready and it prints the address and each demo account with its password', async () => {
    const started = performance.now();
    const res = await npm(['start']);
    figures.firstStartSeconds = seconds(started);
    expect(res.code, `${res.stdout}\n${res.stderr}`).toBe(0);
    expect(res.stdout).toContain(`The platform is up`);
    expect(res.stdout).toContain(GATEWAY);
    for (const m of res.stdout.matchAll(/^ {2}([a-z][\w.]+)\s+(\S+)\s+[a-z-]+(?:,[a-z-]+)*(?: \([A-Z]{2}\))?$/gm))
      passwords.set(m[1]!, m[2]!);
    expect([...passwords.keys()]).toEqual(
      expect.arrayContaining(['officer.gh', 'officer.np', 'screener', 'adjudicator', 'auditor', 'admin']),
    );
  });

  it('when each command of "Try the thin slice by hand" runs as written, then the person is decided as the README says and the verified trail holds every step', async () => {
    const commands = readmeCommands(readme, '## Try the thin slice by hand');
    const expected = /status becomes "([a-z-]+)"/.exec(readme)?.[1];
    expect(expected, 'the README says which status the nomination reaches').toBeDefined();
    const shell = createShellSession(repo, terminalEnv);
    let candidateId: string | undefined;
    let nominatedAt = 0;
    try {
      for (const written of commands) {
        const command = placeholdersIn(written).reduce((text, placeholder) => {
          if (placeholder === '<password printed by npm start>')
            return text.replace(placeholder, passwords.get(/"username":"([^"]+)"/.exec(text)?.[1] ?? '') ?? '');
          if (placeholder === '<id>' && candidateId) return text.replace(placeholder, candidateId);
          throw new Error(`the README asks for ${placeholder}, which the walkthrough cannot fill in: ${written}`);
        }, written);
        if (command.includes('/api/intake/candidates/') && !command.includes(' -d ')) {
          // Read again until decided, as the reader would: the README says what it becomes.
          let view: { status?: string } = {};
          for (
            const until = Date.now() + 180_000;
            Date.now() < until && view.status !== expected;
            await new Promise((r) => setTimeout(r, 500))
          ) {
            const res = await shell.run(command);
            expect(res.code, res.stderr).toBe(0);
            view = JSON.parse(res.stdout) as { status?: string };
          }
          figures.decisionSeconds = seconds(nominatedAt);
          expect(view.status).toBe(expected);
          continue;
        }
        const res = await shell.run(command);
        expect(res.code, `${written}\n${res.stderr}`).toBe(0);
        if (command.includes('/api/intake/candidates') && command.includes(' -d ')) {
          nominatedAt = performance.now();
          const created = JSON.parse(res.stdout) as { id?: string; caseReference?: string };
          expect(created, res.stdout).toMatchObject({
            id: expect.any(String),
            caseReference: expect.any(String),
          });
          candidateId = created.id;
        }
        if (command.includes('/api/audit/chain/verify')) expect(JSON.parse(res.stdout)).toMatchObject({ ok: true });
        if (command.includes('/api/audit/trails/')) {
          const types = (JSON.parse(res.stdout) as { entries: { type: string }[] }).entries.map((e) => e.type);
          expect(types).toEqual(
            expect.arrayContaining(['candidate.submitted', 'screening.completed', 'references.completed', 'clearance.decided']),
          );
        }
      }
      expect(candidateId, 'the walkthrough nominated someone').toBeDefined();
    } finally {
      shell.close();
    }
  });

  it('when the README says what else holds, then it does: a malformed request is a 400 naming each bad field, another office gets a 404, the demo look-alike waits for review', async () => {
    expect(readme).toMatch(/malformed request gets a 400 `application\/problem\+json` naming each bad field/);
    const gh = await signInAs('officer.gh');
    const headers = { authorization: `Bearer ${gh}`, 'content-type': 'application/json' };
    const bad = await fetch(`${GATEWAY}/api/intake/candidates`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        nomination: { mission: 'MINUSCA' },
        person: { names: [], dateOfBirth: '12/03/1990' },
      }),
    });
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-type')).toMatch(/application\/problem\+json/);
    const fields = ((await bad.json()) as { errors: { field: string }[] }).errors.map((e) => e.field);
    expect(fields).toEqual(expect.arrayContaining(['body/nomination/rotation', 'body/person/dateOfBirth']));

    const roll = (await (await fetch(`${GATEWAY}/api/intake/candidates?limit=100`, { headers })).json()) as {
      items: { id: string; displayName?: string; status: string }[];
    };
    const ghanaian = roll.items[0]!;
    const np = await signInAs('officer.np');
    expect(
      (
        await fetch(`${GATEWAY}/api/intake/candidates/${ghanaian.id}`, {
          headers: { authorization: `Bearer ${np}` },
        })
      ).status,
    ).toBe(404);

    const lookAlike = roll.items.find((c) => /Tariq/.test(c.displayName ?? ''));
    expect(lookAlike, 'the demo data holds the look-alike nomination').toBeDefined();
    for (const until = Date.now() + 120_000; Date.now() < until; await new Promise((r) => setTimeout(r, 1000))) {
      const view = (await (await fetch(`${GATEWAY}/api/intake/candidates/${lookAlike!.id}`, { headers })).json()) as {
        decision?: { outcome: string };
      };
      if (view.decision) return void expect(view.decision.outcome).toBe('pending-review');
    }
    throw new Error('the look-alike was never decided');
  });

  it('when a newcomer opens the console and the API reference in Chromium, then signing in works and every operation of every service is listed', async () => {
    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      await signIn(page, GATEWAY, 'officer.gh', passwords.get('officer.gh')!);
      for (const service of REFERENCE_SERVICES) {
        await page.goto(`${GATEWAY}/api/reference/?service=${service}`);
        await page.locator('.opblock').first().waitFor();
        const shown = await page.locator('.opblock-summary-operation-id').allTextContents();
        const documented = operationsOf(parse(readFileSync(openapiPath(service), 'utf8')));
        expect(shown.map((s) => s.trim()).sort(), service).toEqual([...documented].sort());
      }
    } finally {
      await browser.close();
    }
  });

  it('when `npm stop` runs, then nothing is left listening; a second `npm start` takes seconds and the platform answers again', async () => {
    const stopped = await npm(['stop']);
    expect(stopped.code, stopped.stderr).toBe(0);
    expect(await Promise.all([...SERVICE_PORTS, PORTS.kafka, PORTS.mongo, PORTS.redis].map(listening))).toEqual(
      [...SERVICE_PORTS, PORTS.kafka, PORTS.mongo, PORTS.redis].map(() => false),
    );
    const started = performance.now();
    const again = await npm(['start'], 5 * 60_000);
    figures.secondStartSeconds = seconds(started);
    expect(again.code, `${again.stdout}\n${again.stderr}`).toBe(0);
    expect(again.stdout).not.toContain('demo nominations submitted');
    expect((await fetch(`${GATEWAY}/healthz`)).status).toBe(200);
  });

  it('when the gateway cannot start (its port is taken), then `npm start` names it, its last answer and its process state, and stops what it started', async () => {
    expect((await npm(['stop', '--', '--keep-infra'])).code).toBe(0);
    const squatter: Server = createServer((_req, res) => void res.writeHead(503).end('not the gateway'));
    await new Promise<void>((resolve) => squatter.listen(8080, '127.0.0.1', resolve));
    try {
      const res = await npm(['start'], 5 * 60_000);
      expect(res.code).toBe(1);
      expect(res.stderr).toMatch(/gateway stopped while starting/);
      expect(res.stderr).toMatch(/last answer: HTTP 503 not the gateway/);
      expect(res.stderr).toMatch(/process: exited with code \d+/);
      expect(res.stderr).toMatch(/EADDRINUSE/);
      expect(res.stderr).toMatch(/Stopping the processes this run started/);
      expect(await Promise.all([4101, 4102, 4103, 4104, 4105, 4110].map(listening))).toEqual([false, false, false, false, false, false]);
    } finally {
      await new Promise<void>((resolve) => squatter.close(() => resolve()));
    }
  });
});
