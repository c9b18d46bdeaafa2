// Installs what the project needs from its own files, so a fresh clone works with one command.
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { CACHE_DIR, REPO_ROOT } from '../../infra/lib/config.mjs';

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

/** Runs `npm ci` when node_modules is missing or older than package-lock.json. */
export function ensureNodeDependencies() {
  const marker = join(REPO_ROOT, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(REPO_ROOT, 'package-lock.json'))) return false;
  console.log('Installing npm dependencies (npm ci)…');
  const res = spawnSync('npm', ['ci', '--no-audit', '--no-fund'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (res.status !== 0) throw new Error('npm ci failed');
  return true;
}

/** Runs a command in the repo, inheriting output; throws when it fails. */
export function runOrThrow(command, args, options = {}) {
  const res = spawnSync(command, args, { cwd: REPO_ROOT, stdio: 'inherit', ...options });
  if (res.status !== 0) throw new Error(`${command} ${args.join(' ')} failed (exit ${res.status})`);
}

export const CHROMIUM = '/usr/bin/chromium';

/**
 * Debian's Chromium for the browser tests (playwright-core downloads no browser of its own).
 * Installs it with apt-get when missing; needs root, as on the development machines and CI.
 */
export function ensureChromium() {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  console.log('Installing Chromium for the browser tests (apt-get install chromium)…');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  if (update.status !== 0) throw new Error('apt-get update failed');
  const install = spawnSync('apt-get', ['install', '-y', '-qq', 'chromium'], { stdio: 'inherit', env });
  if (install.status !== 0 || !existsSync(CHROMIUM)) throw new Error(`apt-get install chromium failed; install it by hand (${CHROMIUM})`);
  return CHROMIUM;
}

/**
 * Schemathesis (PyPI) for the security suite, pinned in tests/security/requirements.txt, in a
 * virtualenv under the user's cache (outside the repository). Reinstalls when the requirements file
 * changes; installs Debian's python3-venv with apt-get when the venv module is missing. Returns the
 * path of the `schemathesis` executable.
 */
export function ensureSchemathesis() {
  const venv = join(CACHE_DIR, 'venv');
  const binary = join(venv, 'bin', 'schemathesis');
  const requirements = join(REPO_ROOT, 'tests', 'security', 'requirements.txt');
  const stamp = join(venv, '.requirements.txt');
  const wanted = readFileSync(requirements, 'utf8');
  if (existsSync(binary) && existsSync(stamp) && readFileSync(stamp, 'utf8') === wanted) return binary;
  console.log(`Installing schemathesis into ${venv} (pip, pinned in tests/security/requirements.txt)…`);
  if (!existsSync(join(venv, 'bin', 'pip'))) {
    let created = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
    if (created.status !== 0) {
      const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
      spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
      const apt = spawnSync('apt-get', ['install', '-y', '-qq', 'python3-venv'], { stdio: 'inherit', env });
      if (apt.status !== 0) throw new Error('python3 -m venv failed and apt-get install python3-venv failed; install python3-venv by hand');
      created = spawnSync('python3', ['-m', 'venv', venv], { stdio: 'inherit' });
      if (created.status !== 0) throw new Error(`python3 -m venv ${venv} failed`);
    }
  }
  runOrThrow(join(venv, 'bin', 'pip'), ['install', '--quiet', '--disable-pip-version-check', '-r', requirements]);
  writeFileSync(stamp, wanted);
  return binary;
}
