#!/usr/bin/env node
// `npm start`: installs what is missing, starts the infrastructure, every service, the console and
// demo data, then prints the address and the demo accounts. When something does not come up it says
// what it waited for, the last answer and the process state, and stops what this run started.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../infra/lib/config.mjs';
import { ensureNodeDependencies, runOrThrow } from './lib/install.mjs';
import { GATEWAY_PORT, KEYS_DIR, PROCESSES, SERVICES, processState, startService, stopService, waitReady } from './lib/services.mjs';
import { seedDemoData } from './lib/demo-data.mjs';

const started = Date.now();
const all = [PROCESSES[0], ...SERVICES, ...PROCESSES.slice(1)];
const launched = [];

async function start() {
  ensureNodeDependencies();
  console.log('Starting the infrastructure (PostgreSQL, FerretDB, Kafka, Redis)…');
  runOrThrow(process.execPath, ['scripts/infra.mjs', 'up']);
  runOrThrow(process.execPath, ['--import', 'tsx', 'services/gateway/src/dev-keys.cli.ts', KEYS_DIR]);
  if (consoleIsBuilt()) console.log('The console is built and up to date.');
  else runOrThrow('npm', ['run', 'build', '--silent', '-w', 'services/gateway/console']);

  for (const service of all) {
    if (startService(service)) {
      launched.push(service);
      console.log(`starting ${service.name}…`);
    } else console.log(`${service.name} is already running`);
  }
  console.log(`waiting for each process to answer its readiness check…`);
  const answers = {};
  for (const service of all) {
    answers[service.name] = await waitReady(service);
    console.log(
      `${service.name.padEnd(18)} ${service.entry && !service.health ? '(worker)              ' : `http://127.0.0.1:${service.port}`}  ready`,
    );
  }
  warnAboutExternals(answers.references);
  await seedDemoData(`http://127.0.0.1:${GATEWAY_PORT}`);

  const credentials = JSON.parse(readFileSync(join(KEYS_DIR, 'dev-credentials.json'), 'utf8'));
  console.log(`\nThe platform is up in ${Math.round((Date.now() - started) / 1000)} s: http://127.0.0.1:${GATEWAY_PORT}\n`);
  console.log('Demo accounts (development only; generated on first start, stored in .data/keys):');
  for (const c of credentials)
    console.log(`  ${c.username.padEnd(13)} ${c.password}  ${c.roles.join(',')}${c.country ? ` (${c.country})` : ''}`);
  if (credentials.some((c) => c.totpSecret))
    console.log('Admin and UN accounts also ask for a code from their authenticator: `node scripts/dev-code.mjs <account>` prints it.');
  console.log(`\nAPI reference: http://127.0.0.1:${GATEWAY_PORT}/api/reference/`);
  console.log('Stop everything with `npm stop`; logs are in .data/logs/.');
}

/** Whether the console's build is newer than every source it is built from (a second start skips the build). */
function consoleIsBuilt() {
  const root = join(REPO_ROOT, 'services/gateway/console');
  const built = join(root, 'dist/index.html');
  if (!existsSync(built)) return false;
  const sources = ['src', 'index.html', 'vite.config.ts', 'package.json', '../../../package-lock.json'].map((p) => join(root, p));
  return newestMtime(sources) < statSync(built).mtimeMs;
}

function newestMtime(paths) {
  let newest = 0;
  for (const path of paths) {
    if (!existsSync(path)) continue;
    const stat = statSync(path);
    newest = Math.max(
      newest,
      stat.mtimeMs,
      ...(stat.isDirectory() ? [newestMtime(readdirSync(path).map((name) => join(path, name)))] : []),
    );
  }
  return newest;
}

/** The references service is ready even when an authority is unreachable; say so, with the reason. */
function warnAboutExternals(body) {
  try {
    const { status, externals = {} } = JSON.parse(body ?? '{}');
    if (status !== 'degraded') return;
    console.log('\nWarning: the references service cannot reach these external systems; their checks will wait in retries:');
    for (const [name, reason] of Object.entries(externals)) if (reason !== 'ok') console.log(`  ${name}: ${reason}`);
  } catch {
    // Not JSON: nothing to add to "ready".
  }
}

try {
  await start();
} catch (error) {
  console.error(`\nnpm start failed: ${error.message}`);
  if (launched.length) {
    console.error(
      `\nStopping the processes this run started (${launched.map((s) => s.name).join(', ')}), so no half-started platform is left behind:`,
    );
    for (const service of [...launched].reverse()) {
      const state = processState(service);
      if (await stopService(service)) console.error(`  stopped ${service.name} (was ${state})`);
      else console.error(`  ${service.name}: ${state}`);
    }
  }
  console.error('The infrastructure is left running (`npm stop` stops it too). Logs are in .data/logs/.');
  process.exit(1);
}
