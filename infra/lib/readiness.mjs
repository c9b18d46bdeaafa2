// Waiting for readiness, and loading the client libraries (kafkajs, mongodb,
// ioredis) from the repo's node_modules: this CLI adds no dependencies.
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { READY_TIMEOUT_MS, REPO_ROOT } from './config.mjs';
import { isAlive, sleep } from './proc.mjs';

/**
 * Call `check` until it resolves, or fail after timeoutMs with its last error.
 * If `pid` is given and that process dies, fail at once.
 */
export async function waitFor(label, check, { timeoutMs = READY_TIMEOUT_MS, intervalMs = 500, pid } = {}) {
  const deadline = Date.now() + timeoutMs;
  let lastError;
  for (;;) {
    if (pid && !isAlive(pid)) {
      throw new Error(`${label}: the process (pid ${pid}) exited during start-up`);
    }
    try {
      return await check();
    } catch (err) {
      lastError = err;
    }
    if (Date.now() >= deadline) {
      const why = lastError ? `: ${lastError.message ?? lastError}` : '';
      throw new Error(`${label}: not ready after ${Math.round(timeoutMs / 1000)} s${why}`);
    }
    await sleep(intervalMs);
  }
}

const requireFrom = [join(REPO_ROOT, 'packages', 'platform', 'package.json'), join(REPO_ROOT, 'package.json')];

/**
 * Load an npm package installed in the workspace (packages/platform). kafkajs,
 * mongodb and ioredis are CommonJS, so plain require gives their real exports.
 */
export function requireWorkspacePackage(name) {
  for (const from of requireFrom) {
    let resolved;
    try {
      resolved = createRequire(from).resolve(name);
    } catch {
      continue; // try the next place
    }
    return createRequire(from)(resolved);
  }
  throw new Error(`the npm package "${name}" is not installed in the workspace; run "npm install" first`);
}

/** Race a promise against a timeout. */
export function withTimeout(promise, ms, what) {
  let timer;
  return Promise.race([
    promise,
    new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} timed out after ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
