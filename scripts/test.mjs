#!/usr/bin/env node
// `npm test`: installs what is missing, starts the infrastructure, then runs every check and every
// suite against the real Kafka, FerretDB and Redis, and ends with one line: `N passed, N failed`.
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { createInterface } from 'node:readline';
import { join } from 'node:path';
import { REPO_ROOT, DATA_DIR } from '../infra/lib/config.mjs';
import { ensureNodeDependencies, ensureSchemathesis, runOrThrow } from './lib/install.mjs';

// No telemetry from turbo: CI and development machines reach only the package registries.
process.env.TURBO_TELEMETRY_DISABLED = '1';
process.env.DO_NOT_TRACK = '1';

const results = { passed: 0, failed: 0, skipped: 0 };
const failures = [];

/**
 * Runs a command; with `prefix`, every line it prints is prefixed, so runs at once stay readable (a
 * failure's output included). Resolves to its exit status.
 */
function run(command, args, prefix) {
  const child = spawn(command, args, { cwd: REPO_ROOT, stdio: prefix ? ['ignore', 'pipe', 'pipe'] : 'inherit' });
  if (prefix)
    for (const stream of [child.stdout, child.stderr])
      createInterface({ input: stream }).on('line', (line) => console.log(`${prefix} ${line}`));
  return new Promise((resolve) => child.on('close', resolve));
}

/** Runs one check; a failing check counts as one failed test, so it can never go unnoticed. */
async function check(name, command, args, prefix) {
  console.log(`\n▶ ${name}`);
  if ((await run(command, args, prefix)) === 0) results.passed++;
  else {
    results.failed++;
    failures.push(name);
  }
}

ensureNodeDependencies();
// The security suite fuzzes every OpenAPI document with schemathesis (PyPI, pinned, cached venv).
// A failed install must not stop the other suites: the schemathesis test then fails on its own.
try {
  ensureSchemathesis();
} catch (error) {
  console.error(`schemathesis could not be installed: ${error.message}`);
}
runOrThrow(process.execPath, ['scripts/infra.mjs', 'up']);

const reportDir = join(DATA_DIR, 'test-results');
mkdirSync(reportDir, { recursive: true });

/** Adds a vitest run's report to the total; a run without a report, or failing outside its tests, is a failure. */
function count(name, report, status) {
  if (!existsSync(report)) {
    results.failed++;
    failures.push(`${name}: vitest produced no report`);
    return;
  }
  const r = JSON.parse(readFileSync(report, 'utf8'));
  results.passed += r.numPassedTests;
  results.failed += r.numFailedTests;
  results.skipped += (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
  if (r.numFailedTests > 0) failures.push(`${name}: ${r.numFailedTests} failed`);
  if (r.numFailedTests === 0 && status !== 0) {
    results.failed++;
    failures.push(`${name}: vitest exited with an error outside the tests`);
  }
}

/** Runs a vitest configuration; its tests count one by one in the total. */
async function vitestRun(name, args, report, prefix) {
  console.log(`\n▶ ${name}`);
  rmSync(report, { force: true });
  const reporters = ['--reporter=default', '--reporter=json', `--outputFile.json=${report}`];
  count(name, report, await run('npx', ['vitest', 'run', ...args, ...reporters], prefix));
}

// First: the README walkthrough runs `npm start`, `npm stop` and `npm start` again, as a newcomer
// does, so no other suite may use the infrastructure meanwhile. The static checks use none, so they
// run beside it (one after another). Afterwards no service of the walkthrough is left running and the
// infrastructure is up again for the other suites.
rmSync(join(reportDir, 'walkthrough.json'), { force: true });
await Promise.all([
  vitestRun(
    'README walkthrough (npm start, the thin slice by hand, npm stop, npm start)',
    ['--config', 'tests/walkthrough/vitest.config.ts'],
    join(reportDir, 'vitest-walkthrough.json'),
    '[walkthrough]',
  ),
  (async () => {
    await check('contracts: generated types are up to date', 'npm', ['run', 'check-generated', '-w', 'contracts', '--silent'], '[checks]');
    await check('typecheck', 'npm', ['run', 'typecheck', '--silent'], '[checks]');
    await check('lint', 'npx', ['turbo', 'run', 'lint', '--concurrency=2', '--output-logs=errors-only'], '[checks]');
    await check('format (prettier --check)', 'npm', ['run', 'format:check', '--silent'], '[checks]');
    await check('cast budget', process.execPath, ['scripts/check-casts.mjs'], '[checks]');
  })(),
]);
spawnSync(process.execPath, ['scripts/stop.mjs', '--keep-infra'], { cwd: REPO_ROOT, stdio: 'inherit' });
runOrThrow(process.execPath, ['scripts/infra.mjs', 'up']);

// The system suites run their files one at a time (each starts every service); the other projects'
// files run two at a time, then their one-at-a-time files (references, audit, and the `system-late`
// files that balance the two runs). Two vitest runs at once, so the workspaces' suites use the CPU an
// end-to-end file leaves idle instead of waiting for the system suites (docs/decisions/test-suite-time.md).
await Promise.all([
  vitestRun(
    'system suites: end-to-end, browser, security, fault (real infrastructure)',
    ['--project', 'system'],
    join(reportDir, 'vitest-system.json'),
    '[system]',
  ),
  vitestRun(
    'unit and integration suites of every workspace (real infrastructure)',
    ['--project', '!system'],
    join(reportDir, 'vitest.json'),
    '[workspaces]',
  ),
]);

if (failures.length) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${results.passed} passed, ${results.failed} failed${results.skipped ? `, ${results.skipped} skipped` : ''}`);
process.exit(results.failed ? 1 : 0);
