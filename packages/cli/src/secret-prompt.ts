import { createInterface } from 'node:readline';

/**
 * Asks for a secret without echoing it on a terminal; reads one line from stdin when piped
 * (`echo "$PASSWORD" | vetting login --username x --password-stdin`).
 */
export async function readSecretFromTerminal(prompt: string): Promise<string> {
  const rl = createInterface({ input: process.stdin, output: process.stderr, terminal: Boolean(process.stdin.isTTY) });
  if (process.stdin.isTTY) {
    // readline writes what is typed through _writeToOutput: print the prompt only.
    (rl as unknown as { _writeToOutput: (s: string) => void })._writeToOutput = (s: string) => {
      if (s.startsWith(prompt)) process.stderr.write(prompt);
    };
  }
  try {
    const answer = await new Promise<string>((resolve) => rl.question(prompt, resolve));
    if (process.stdin.isTTY) process.stderr.write('\n');
    return answer.trim();
  } finally {
    rl.close();
  }
}
