import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const workerMain = fileURLToPath(new URL('./main.ts', import.meta.url));

/** A worker as a real process (tests and the benchmark kill it with SIGKILL mid-job). */
export function spawnWorker(env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', workerMain], {
    env: { ...process.env, ...env },
    stdio: ['ignore', process.env.WORKER_LOGS ? 'inherit' : 'ignore', 'inherit'],
  });
}
