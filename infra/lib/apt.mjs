// Installing Debian packages when something is missing (CI runs as root with
// no standard input). apt runs are serialised inside this process, and we wait
// for dpkg's lock when another apt is running on the machine.
import { existsSync, readFileSync } from 'node:fs';
import { run, sleep } from './proc.mjs';

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

let queue = Promise.resolve();
let updated = false;

/**
 * A background `apt-get install` started by the machine's set-up writes
 * "done" into this log when it finishes; wait for it before deciding that
 * something is missing.
 */
export async function waitForBackgroundApt(log = '/tmp/apt-redis.log', timeoutMs = 15 * 60_000) {
  if (!existsSync(log)) return;
  const deadline = Date.now() + timeoutMs;
  let told = false;
  while (Date.now() < deadline) {
    let text = '';
    try {
      text = readFileSync(log, 'utf8');
    } catch {
      return;
    }
    if (/\bdone\b/.test(text)) return;
    if (!told) {
      process.stderr.write(`infra: waiting for the background apt install (${log})...\n`);
      told = true;
    }
    await sleep(2_000);
  }
}

export function aptInstall(component, packages) {
  const job = queue.then(async () => {
    if (!isRoot()) {
      throw new Error(
        `${component}: ${packages.join(' ')} is not installed and we are not root; ` +
          `install it with: sudo apt-get install -y ${packages.join(' ')}`,
      );
    }
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    const lock = ['-o', 'DPkg::Lock::Timeout=900'];
    process.stderr.write(`infra: ${component}: apt-get install -y ${packages.join(' ')}\n`);
    if (!updated) {
      await run('apt-get', [...lock, 'update', '-q'], { env });
      updated = true;
    }
    await run('apt-get', [...lock, 'install', '-y', '-q', '--no-install-recommends', ...packages], {
      env,
    });
  });
  queue = job.catch(() => {});
  return job;
}

/** Stop a system service that a package install may have started (best effort). */
export async function stopSystemService(service) {
  try {
    await run('service', [service, 'stop'], { timeoutMs: 60_000 });
  } catch {
    /* not running, or no init scripts here */
  }
}
