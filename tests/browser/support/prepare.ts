import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { ensureChromium } from '../../../scripts/lib/install.mjs';

const repoRoot = fileURLToPath(new URL('../../../', import.meta.url));

/**
 * What the browser tests need that a fresh CI machine lacks: Debian's Chromium (installed with
 * apt-get when missing) and the console built from the current sources (a stale dist/ would test
 * old screens). NODE_ENV is forced: vitest sets it to `test`, which would bundle React's development build.
 */
export function prepareBrowserTests(): void {
  ensureChromium();
  const build = spawnSync('npm', ['run', 'build', '-w', 'services/gateway/console'], {
    cwd: repoRoot,
    stdio: 'inherit',
    env: { ...process.env, NODE_ENV: 'production' },
  });
  if (build.status !== 0) throw new Error('building the console failed');
}

export const sampleBanList = () => readFileSync(`${repoRoot}packages/banlists/samples/platform-banlist.sample.json`, 'utf8');
