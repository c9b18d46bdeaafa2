import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import { contentHash, type BanListEntry } from '@vetting/banlists';
import { AppError } from '@vetting/platform';
import type { ListVersionRef } from '../domain/active-lists';
import { importListFile, LIST_FORMATS, type ListFormat } from '../use-cases/import-list-file.use-case';

/** Reads a list file given as `[format:]path`; the format is guessed from the name and content when not given. */
export async function loadListFile(spec: string): Promise<{ ref: ListVersionRef; entries: BanListEntry[]; format: ListFormat }> {
  const prefix = spec.split(':', 1)[0] as ListFormat;
  const explicit = (LIST_FORMATS as readonly string[]).includes(prefix) ? prefix : undefined;
  const path = explicit ? spec.slice(prefix.length + 1) : spec;
  let body = await readFile(path);
  const format = explicit ?? guessFormat(path, body);
  if (format === 'ofac-sdn-csv' && extname(path).toLowerCase() === '.csv') {
    // sdn.csv with its alt.csv and add.csv beside it, sent to the importer as the trio
    const sibling = (name: string) => join(dirname(path), name);
    const trio: Record<string, string> = { sdn: body.toString('utf8') };
    for (const name of ['alt', 'add']) if (existsSync(sibling(`${name}.csv`))) trio[name] = await readFile(sibling(`${name}.csv`), 'utf8');
    body = Buffer.from(JSON.stringify(trio));
  }
  try {
    const file = importListFile(format, body);
    const listId = basename(path, extname(path))
      .toLowerCase()
      .replace(/[^a-z0-9-]+/g, '-');
    return { ref: { listId, version: 1, contentHash: contentHash(file.entries) }, entries: file.entries, format };
  } catch (error) {
    if (error instanceof AppError) {
      const details = error.errors
        .slice(0, 10)
        .map((e) => `  ${e.field}: ${e.reason}`)
        .join('\n');
      throw new Error(`${path}: ${error.message}\n${details}`, { cause: error });
    }
    throw error;
  }
}

function guessFormat(path: string, body: Buffer): ListFormat {
  const head = body.subarray(0, 2000).toString('utf8');
  const ext = extname(path).toLowerCase();
  if (ext === '.xml') return /<sdnList|<sanctionsData|treasury\.gov/i.test(head) ? 'ofac-xml' : 'un-consolidated-xml';
  if (ext === '.json') return /^\s*\{\s*"(sdn|alt|add)"/.test(head) ? 'ofac-sdn-csv' : 'platform-json';
  if (ext === '.csv') return /^\uFEFF?\s*id\s*,/i.test(head) ? 'platform-csv' : 'ofac-sdn-csv';
  throw new Error(`${path}: cannot tell the list format; prefix it, e.g. platform-csv:${path}`);
}
