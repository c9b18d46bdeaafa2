import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface CommandResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs a command to its end (stdout and stderr kept), as a person runs it in a terminal. */
export function run(
  command: string,
  args: string[],
  options: { cwd: string; env?: NodeJS.ProcessEnv; timeoutMs?: number; onOutput?: (text: string) => void },
): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env ?? process.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => void ((stdout += d), options.onOutput?.(d.toString())));
    child.stderr.on('data', (d: Buffer) => void ((stderr += d), options.onOutput?.(d.toString())));
    const timer = options.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), options.timeoutMs) : undefined;
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/**
 * A bash session across commands, as one terminal: variables a command sets (`TOKEN=$(…)`) are seen
 * by the next. Each command runs in its own bash with every assignment exported (`set -a`) and the
 * environment saved to a file afterwards.
 */
export function createShellSession(cwd: string, env: NodeJS.ProcessEnv = process.env) {
  const dir = mkdtempSync(join(tmpdir(), 'walkthrough-'));
  const state = join(dir, 'state.sh');
  return {
    run(command: string, timeoutMs = 60_000): Promise<CommandResult> {
      const script = `set -a\n[ -f '${state}' ] && . '${state}'\n${command}\n__rc=$?\nexport -p > '${state}'\nexit $__rc\n`;
      return run('bash', ['-c', script], { cwd, env, timeoutMs });
    },
    close: () => rmSync(dir, { recursive: true, force: true }),
  };
}
