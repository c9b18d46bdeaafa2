import { EXIT } from './exit-codes';
import { defaultContext, run } from './program';
import { readSecretFromTerminal } from './secret-prompt';

/** Entry point of bin/vetting.mjs. */
export async function main(argv: string[]): Promise<number> {
  // `vetting … | head` closes the pipe early: that is the reader's choice, not an error.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
  try {
    return await run(argv, { ...defaultContext(), readSecret: readSecretFromTerminal });
  } catch (error) {
    process.stderr.write(`vetting: unexpected error: ${(error as Error).stack ?? String(error)}\n`);
    return EXIT.failure;
  }
}
