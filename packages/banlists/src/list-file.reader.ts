import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { guessListFormat, type ListFormat } from './list-file';

/**
 * A list file from disk as the screening service takes it: the format given, else guessed from the
 * name and content. OFAC's sdn.csv is read with the alt.csv and add.csv beside it and sent as the
 * JSON trio, so aliases and addresses are not silently left behind.
 */
export function readListFile(path: string, requested?: ListFormat): { format: ListFormat; body: Buffer } {
  const body = readFileSync(path);
  const format = requested ?? guessListFormat(path, body);
  if (format !== 'ofac-sdn-csv' || !/\.csv$/i.test(path)) return { format, body };
  const sibling = (name: string) => join(dirname(path), `${name}.csv`);
  const trio: Record<string, string> = { sdn: body.toString('utf8') };
  for (const name of ['alt', 'add']) if (existsSync(sibling(name))) trio[name] = readFileSync(sibling(name), 'utf8');
  return { format, body: Buffer.from(JSON.stringify(trio)) };
}

/** The media type the screening service expects a format's body in. */
export const listContentType = (format: ListFormat): string =>
  format === 'platform-csv' ? 'text/csv' : format.endsWith('xml') ? 'application/xml' : 'application/json';
