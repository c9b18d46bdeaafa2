import { EXIT } from './exit-codes';
import { defaultContext, run } from './program';
import { readSecretFromTerminal } from './secret-prompt';

/** Entry point of bin/vetting.mjs. */
export async function main(argv: string[]): Promise<number> {
  try {
    return await run(argv, { ...defaultContext(), readSecret: readSecretFromTerminal });
  } catch (error) {
    process.stderr.write(`vetting: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}
