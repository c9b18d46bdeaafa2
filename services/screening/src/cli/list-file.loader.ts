import { basename, extname } from 'node:path';
import { contentHash, LIST_FORMATS, readListFile, type BanListEntry, type ListFormat } from '@vetting/banlists';
import { AppError } from '@vetting/platform';
import type { ListVersionRef } from '../domain/active-lists';
import { importListFile } from '../use-cases/import-list-file.use-case';

/** Reads a list file given as `[format:]path`; the format is guessed from the name and content when not given. */
export function loadListFile(spec: string): { ref: ListVersionRef; entries: BanListEntry[]; format: ListFormat } {
  const prefix = spec.split(':', 1)[0];
  const explicit = LIST_FORMATS.find((f) => f === prefix);
  const path = explicit ? spec.slice(explicit.length + 1) : spec;
  const { format, body } = readListFile(path, explicit);
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
