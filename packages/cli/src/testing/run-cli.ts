import { tmpdir } from 'node:os';
import { EXIT } from '../exit-codes';
import { run, type Context } from '../program';

/** Runs the CLI in-process with captured output and no network; `secrets` answer the hidden prompts in turn. */
export async function cli(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  fetchImpl: typeof fetch = () => Promise.reject(new Error('no network in unit tests')),
  secrets: string[] = [],
) {
  const out: string[] = [];
  const err: string[] = [];
  const ctx: Context = {
    io: { out: (s) => void out.push(s), err: (s) => void err.push(s), interactive: false },
    env: { HOME: tmpdir(), ...env },
    fetch: fetchImpl,
    exitCode: EXIT.ok,
    readSecret: async () => secrets.shift() ?? '',
  };
  const code = await run(['node', 'vetting', ...args], ctx);
  return { code, out: out.join('\n'), err: err.join('\n') };
}
