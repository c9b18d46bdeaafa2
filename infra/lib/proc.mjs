// Process helpers: detached spawning with pid files, liveness, stopping, port
// probes, log tails and promise-based command execution.
import { spawn } from 'node:child_process';
import { closeSync, existsSync, mkdirSync, openSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createConnection } from 'node:net';
import { delimiter, join } from 'node:path';
import { HOST, LOG_DIR, RUN_DIR } from './config.mjs';

export const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

export function ensureDir(dir) {
  mkdirSync(dir, { recursive: true });
  return dir;
}

export const pidFile = (name) => join(RUN_DIR, `${name}.pid`);
export const logFile = (name) => join(LOG_DIR, `${name}.log`);

export function readPid(name) {
  try {
    const pid = Number(readFileSync(pidFile(name), 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : null;
  } catch {
    return null;
  }
}

export function removePid(name) {
  rmSync(pidFile(name), { force: true });
}

/** True if the process exists and is not a zombie. */
export function isAlive(pid) {
  if (!pid) return false;
  try {
    process.kill(pid, 0);
  } catch (err) {
    return err.code === 'EPERM';
  }
  try {
    // "pid (comm) S ..." — the state follows the last ')'.
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state !== 'Z' && state !== 'X';
  } catch {
    return true; // no /proc: trust kill(0)
  }
}

export function cmdline(pid) {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ');
  } catch {
    return '';
  }
}

/**
 * The pid from our pid file if that process is alive and (when /proc is there)
 * its command line contains `marker`; a stale pid file is removed.
 */
export function ourPid(name, marker) {
  const pid = readPid(name);
  if (!pid) return null;
  if (isAlive(pid)) {
    const cmd = cmdline(pid);
    if (!cmd || !marker || cmd.includes(marker)) return pid;
  }
  removePid(name);
  return null;
}

/** Keep one old log: <name>.log.1, once the log passes 50 MB. */
function rotate(path, maxBytes = 50 * 1024 * 1024) {
  try {
    if (statSync(path).size > maxBytes) renameSync(path, `${path}.1`);
  } catch {
    /* no log yet */
  }
}

/**
 * Start a long-running process detached from this CLI, output appended to
 * .data/logs/<name>.log, pid written to .data/run/<name>.pid.
 */
export function spawnDetached(name, command, args, { env, cwd, uid, gid, onExit } = {}) {
  ensureDir(RUN_DIR);
  ensureDir(LOG_DIR);
  rotate(logFile(name));
  const log = openSync(logFile(name), 'a');
  writeFileSync(log, `\n==== ${new Date().toISOString()} starting ${command} ${args.join(' ')}\n`);
  let child;
  try {
    child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      detached: true,
      stdio: ['ignore', log, log],
      ...(uid !== undefined ? { uid, gid } : {}),
    });
  } finally {
    closeSync(log);
  }
  child.on('error', () => {}); // reported through the log and the liveness checks
  // While the starter still runs, it can say how a process ended (exit code or signal).
  if (onExit) child.on('exit', (code, signal) => onExit({ code, signal }));
  child.unref();
  if (!child.pid) throw new Error(`${name}: could not start ${command}`);
  writeFileSync(pidFile(name), `${child.pid}\n`);
  return child.pid;
}

/** SIGTERM (or `signal`), wait up to timeoutMs, then SIGKILL the process group. */
export async function stopProcess(name, { marker, signal = 'SIGTERM', timeoutMs = 30_000 } = {}) {
  const pid = ourPid(name, marker);
  if (!pid) {
    removePid(name);
    return false;
  }
  try {
    process.kill(pid, signal);
  } catch {
    /* already gone */
  }
  const deadline = Date.now() + timeoutMs;
  while (isAlive(pid) && Date.now() < deadline) await sleep(200);
  if (isAlive(pid)) {
    for (const target of [-pid, pid]) {
      try {
        process.kill(target, 'SIGKILL');
      } catch {
        /* gone or not a group leader */
      }
    }
    const killDeadline = Date.now() + 5_000;
    while (isAlive(pid) && Date.now() < killDeadline) await sleep(100);
  }
  removePid(name);
  return true;
}

/** Resolves true if something accepts TCP connections on HOST:port. */
export function portOpen(port, host = HOST, timeoutMs = 1_000) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host });
    const done = (ok) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

export function tailFile(path, lines = 30) {
  try {
    const text = readFileSync(path, 'utf8').slice(-256 * 1024);
    return text.trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no log yet)';
  }
}

/** Find an executable on PATH or in extra directories. */
export function which(cmd, extraDirs = []) {
  const dirs = [...(process.env.PATH || '').split(delimiter), ...extraDirs].filter(Boolean);
  for (const dir of dirs) {
    const p = join(dir, cmd);
    try {
      if (statSync(p).isFile()) return p;
    } catch {
      /* keep looking */
    }
  }
  return null;
}

/**
 * Run a command to completion. Resolves { stdout, stderr }; rejects with an
 * error carrying the output tail on a non-zero exit.
 */
export function run(command, args, { cwd, env, input, timeoutMs = 0, uid, gid } = {}) {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd,
      env: env ?? process.env,
      stdio: [input === undefined ? 'ignore' : 'pipe', 'pipe', 'pipe'],
      ...(uid !== undefined ? { uid, gid } : {}),
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    if (input !== undefined) child.stdin.end(input);
    let timer;
    if (timeoutMs) timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.on('error', (err) => {
      clearTimeout(timer);
      reject(new Error(`${command}: ${err.message}`));
    });
    child.on('close', (code, sig) => {
      clearTimeout(timer);
      if (code === 0) return resolve({ stdout, stderr });
      const tail = (stdout + stderr).trim().split('\n').slice(-25).join('\n');
      reject(new Error(`${command} ${args.join(' ')} exited with ${code ?? sig}${tail ? `:\n${tail}` : ''}`));
    });
  });
}

export const exists = existsSync;
