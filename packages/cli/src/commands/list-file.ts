import {
  diffVersions,
  ImportError,
  importListFile,
  problemPlace,
  readListFile,
  type BanListEntry,
  type ListFormat,
} from '@vetting/banlists';
import { CliError, EXIT } from '../exit-codes';

/** A list file named on the command line, read as the screening service reads an upload of it; an unreadable one exits 3. */
export function readListArgument(file: string, requested?: ListFormat): { format: ListFormat; body: Buffer } {
  try {
    return readListFile(file, requested);
  } catch {
    throw new CliError(`Cannot read ${file}`, EXIT.notFoundOrDenied);
  }
}

/**
 * Reads a list file with the same importers the screening service uses, without any server: a bad
 * file is reported line by line before anyone publishes it.
 */
export function importLocally(file: string, requested?: ListFormat): { format: ListFormat; entries: BanListEntry[]; warnings: number } {
  const { format, body } = readListArgument(file, requested);
  try {
    const result = importListFile(format, body);
    return { format, entries: result.entries, warnings: result.warnings.length };
  } catch (error) {
    if (error instanceof ImportError) {
      const details = error.problems.map((p) => `${problemPlace(p)}: ${p.reason}`);
      throw new CliError(`${file} is not a valid ${format} file: ${error.problemCount} problem(s)`, EXIT.failure, details);
    }
    throw error;
  }
}

export interface LocalDiff {
  added: string[];
  removed: string[];
  changed: string[];
}

/** What the newer file changes against the older one, by entry id. */
export function diffFiles(older: BanListEntry[], newer: BanListEntry[]): LocalDiff {
  const diff = diffVersions(older, newer);
  const name = (e: BanListEntry | undefined) => (e ? `${e.id} ${e.names[0]?.full ?? ''}`.trim() : '');
  const byId = new Map([...older, ...newer].map((e) => [e.id, e]));
  return {
    added: diff.added.map((id) => name(byId.get(id))),
    removed: diff.removed.map((id) => name(byId.get(id))),
    changed: diff.changed.map((c) => `${name(byId.get(c.id))}: ${c.fields.join(', ')}`),
  };
}
