import { readFileSync } from 'node:fs';
import { CliError, EXIT } from './exit-codes';

/** A file named on the command line; one that cannot be read ends the command with exit 3 (not found). */
export function readInputFile(file: string): Buffer {
  try {
    return readFileSync(file);
  } catch {
    throw new CliError(`Cannot read ${file}`, EXIT.notFoundOrDenied);
  }
}
