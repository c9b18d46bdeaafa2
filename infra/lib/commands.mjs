// The CLI's commands: up, down, status, logs, reset, restart.
import { chmodSync, closeSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DATA_DIR, ENV_FILE, FERRETDB_BACKEND, LOG_DIR, PORTS, RUN_DIR } from './config.mjs';
import { ALL, DEFAULT, byName, withDeps } from './components.mjs';
import { ensureDir, isAlive, logFile, ourPid, portOpen, sleep, stopProcess, tailFile } from './proc.mjs';
import { mongoUrl } from './ferretdb.mjs';
import { redisUrl } from './redis.mjs';
import { pgUrl } from './postgres.mjs';
import { credentials, envLines } from './kafka-security.mjs';

const out = (line = '') => process.stdout.write(`${line}\n`);
const note = (line) => process.stderr.write(`infra: ${line}\n`);
const row = (name, address, state) => `${name.padEnd(10)}${address.padEnd(17)}${state}`;

export class ComponentError extends Error {
  constructor(component, message) {
    super(
      `${component} did not come up: ${message}\n` + `--- last lines of ${logFile(component)} ---\n${tailFile(logFile(component), 30)}`,
    );
    this.component = component;
  }
}

// ---- one `infra` at a time (npm start and npm test may race) ----------------

const LOCK = join(RUN_DIR, 'infra.lock');

async function withLock(fn) {
  ensureDir(RUN_DIR);
  const deadline = Date.now() + 10 * 60_000;
  let told = false;
  for (;;) {
    try {
      const fd = openSync(LOCK, 'wx');
      writeFileSync(fd, `${process.pid}\n`);
      closeSync(fd);
      break;
    } catch (err) {
      if (err.code !== 'EEXIST') throw err;
      let holder = 0;
      try {
        holder = Number(readFileSync(LOCK, 'utf8').trim());
      } catch {
        /* released meanwhile */
      }
      if (holder && !isAlive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() > deadline) throw new Error(`another infra command (pid ${holder}) holds ${LOCK}`);
      if (!told) {
        note(`waiting for another infra command (pid ${holder})...`);
        told = true;
      }
      await sleep(500);
    }
  }
  try {
    return await fn();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

// ---- up ---------------------------------------------------------------------

/** What a running process was started with (ports, backend): a change means restart. */
const fingerprintFile = (c) => join(RUN_DIR, `${c.name}.settings`);
const fingerprint = (c) => JSON.stringify({ port: c.port(), ...(c.settings?.() ?? {}) });

function startedWith(c) {
  try {
    return readFileSync(fingerprintFile(c), 'utf8').trim();
  } catch {
    return null;
  }
}

async function bringUp(c) {
  const t0 = Date.now();
  let pid = ourPid(c.name, c.marker);
  let started = false;
  try {
    const was = startedWith(c);
    if (pid && was !== null && was !== fingerprint(c)) {
      note(`${c.name}: settings changed (${was} -> ${fingerprint(c)}), restarting it`);
      await stopOne(c, { quiet: true });
      pid = null;
    }
    if (!pid) {
      if (await portOpen(c.port())) {
        throw new Error(
          `port ${c.port()} is already taken by a process that infra did not start; ` +
            `stop it or choose another port (see infra/README.md)`,
        );
      }
      pid = await c.start();
      writeFileSync(fingerprintFile(c), `${fingerprint(c)}\n`);
      started = true;
    }
    await c.ready(pid);
    if (c.afterReady) await c.afterReady();
  } catch (err) {
    throw new ComponentError(c.name, err.message);
  }
  const secs = `${((Date.now() - t0) / 1000).toFixed(1)} s`;
  return started ? `started, ready in ${secs}` : 'already running';
}

/** Where the infrastructure listens and how to sign in to it: every local client reads this file. */
function writeEnvFile() {
  writeFileSync(
    ENV_FILE,
    [
      '# Written by `node scripts/infra.mjs up`: where the local infrastructure listens, and the',
      '# Kafka credentials (the admin principal, and one password per service principal). Keep it private.',
      `KAFKA_BROKERS=127.0.0.1:${PORTS.kafka}`,
      ...envLines(credentials()),
      `MONGO_URL=${mongoUrl()}`,
      `REDIS_URL=${redisUrl()}`,
      ...(FERRETDB_BACKEND === 'postgresql' ? [`POSTGRES_URL=${pgUrl()}`] : []),
      `FERRETDB_BACKEND=${FERRETDB_BACKEND}`,
      '',
    ].join('\n'),
    { mode: 0o600 },
  );
  chmodSync(ENV_FILE, 0o600); // the mode above applies only to a new file
}

export async function up(names = []) {
  const selected = names.length ? withDeps(names.map(byName)) : DEFAULT;
  return withLock(async () => {
    ensureDir(DATA_DIR);
    ensureDir(RUN_DIR);
    ensureDir(LOG_DIR);
    const t0 = Date.now();

    // Installs run side by side (Maven downloads while Go compiles); each
    // component starts as soon as it and its dependencies are ready.
    const done = new Map();
    for (const c of selected) {
      const install = c.install().catch((err) => {
        throw new ComponentError(c.name, err.message);
      });
      const deps = Promise.all(
        c.deps.map((d) =>
          done.get(d).catch(() => {
            const err = new Error(`${c.name} not started: ${d} failed`);
            err.component = c.name;
            throw err;
          }),
        ),
      );
      done.set(
        c.name,
        Promise.all([install, deps]).then(() => bringUp(c)),
      );
    }
    const results = await Promise.allSettled(selected.map((c) => done.get(c.name)));

    const failures = [];
    selected.forEach((c, i) => {
      const r = results[i];
      const state = r.status === 'fulfilled' ? `up (${r.value})` : 'FAILED';
      out(row(c.name, c.address(), state + (c.detail ? `  ${c.detail()}` : '')));
      if (r.status === 'rejected') failures.push(r.reason);
    });
    if (failures.length) {
      for (const f of failures) process.stderr.write(`\n${f.message ?? f}\n`);
      const err = new Error(`infra up failed: ${failures.map((f) => f.component ?? '?').join(', ')}`);
      err.reported = true;
      throw err;
    }
    const took = `ready in ${((Date.now() - t0) / 1000).toFixed(1)} s`;
    if (names.length) return note(took);
    writeEnvFile();
    note(`${took}; settings in ${ENV_FILE}`);
  });
}

// ---- down / restart / reset ---------------------------------------------------

async function stopOne(c, { quiet = false } = {}) {
  const stopped = await stopProcess(c.name, {
    marker: c.marker,
    signal: c.stopSignal,
    timeoutMs: c.stopTimeoutMs ?? 30_000,
  });
  rmSync(fingerprintFile(c), { force: true });
  if (!quiet) out(row(c.name, c.address(), stopped ? 'stopped' : 'was not running'));
}

async function stopAll() {
  // Dependants first: FerretDB before PostgreSQL.
  const first = ALL.filter((c) => c.name !== 'postgres');
  await Promise.all(first.map((c) => stopOne(c)));
  await stopOne(byName('postgres'));
}

/** Stop everything, or only the named components (their dependants keep running). */
export const down = (names = []) =>
  withLock(async () => {
    if (!names.length) return stopAll();
    for (const c of names.map(byName)) await stopOne(c);
  });

export async function restart(name) {
  const c = byName(name);
  await withLock(() => stopOne(c));
  await up([c.name]);
}

export async function reset() {
  await withLock(async () => {
    await stopAll();
    for (const c of ALL) c.reset?.();
    rmSync(DATA_DIR, { recursive: true, force: true });
    out(`removed ${DATA_DIR}`);
  });
}

// ---- status / logs ------------------------------------------------------------

export async function status() {
  let allUp = true;
  for (const c of ALL) {
    const pid = ourPid(c.name, c.marker);
    const listening = await portOpen(c.port());
    let state;
    if (pid && listening) state = `up (pid ${pid})`;
    else if (pid) state = `starting or hung (pid ${pid}, port closed)`;
    else if (listening) state = 'down (port taken by another process)';
    else state = 'down';
    let running;
    try {
      running = pid ? JSON.parse(startedWith(c)) : undefined;
    } catch {
      running = undefined;
    }
    const needed = DEFAULT.includes(c);
    if (!needed && !pid) state = `not used (${FERRETDB_BACKEND} backend)`;
    if (needed && !(pid && listening)) allUp = false;
    out(row(c.name, c.address(), state + (c.detail ? `  ${c.detail(running)}` : '')));
  }
  return allUp;
}

export function logs(name, lines) {
  const list = name ? [byName(name)] : ALL;
  for (const c of list) {
    if (list.length > 1) out(`==> ${logFile(c.name)} <==`);
    out(tailFile(logFile(c.name), lines ?? (list.length > 1 ? 20 : 200)));
    if (list.length > 1) out();
  }
}
