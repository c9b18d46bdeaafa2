import {
  diffVersions,
  ImportError,
  importOfacSdn,
  importOfacXml,
  importPlatformCsv,
  importPlatformJson,
  importUnConsolidatedList,
  type BanListEntry,
} from '@vetting/banlists';
import { CliError, EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';

export const LIST_FORMATS = ['platform-json', 'platform-csv', 'un-consolidated-xml', 'ofac-sdn-csv', 'ofac-xml'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** The format of a list file: --format, else its extension (a JSON file holding `sdn` is the OFAC trio). */
export function formatOf(file: string, body: Buffer, requested?: ListFormat): ListFormat {
  if (requested) return requested;
  if (/\.csv$/i.test(file)) return 'platform-csv';
  if (/\.xml$/i.test(file)) return 'un-consolidated-xml';
  return /^\s*\{\s*"(sdn|alt|add)"\s*:/.test(body.subarray(0, 200).toString('utf8')) ? 'ofac-sdn-csv' : 'platform-json';
}

export const contentTypeOf = (format: ListFormat) =>
  format === 'platform-csv' ? 'text/csv' : format.endsWith('xml') ? 'application/xml' : 'application/json';

/**
 * Reads a list file with the same importers the screening service uses, without any server: a bad
 * file is reported line by line before anyone publishes it.
 */
export function importLocally(file: string, requested?: ListFormat): { format: ListFormat; entries: BanListEntry[]; warnings: number } {
  const body = readInputFile(file);
  const format = formatOf(file, body, requested);
  try {
    const result =
      format === 'platform-json'
        ? importPlatformJson(body)
        : format === 'platform-csv'
          ? importPlatformCsv(body)
          : format === 'un-consolidated-xml'
            ? importUnConsolidatedList(body)
            : format === 'ofac-xml'
              ? importOfacXml(body)
              : importOfacSdn(JSON.parse(body.toString('utf8')) as { sdn: string; alt?: string; add?: string });
    return { format, entries: result.entries, warnings: result.warnings.length };
  } catch (error) {
    if (error instanceof ImportError) {
      const details = error.problems.map(
        (p) =>
          `${[p.line !== undefined ? `line ${p.line}` : '', p.row !== undefined ? `row ${p.row}` : '', p.element ?? '', p.field ?? ''].filter(Boolean).join(' ') || 'file'}: ${p.reason}`,
      );
      throw new CliError(`${file} is not a valid ${format} file: ${error.problemCount} problem(s)`, EXIT.failure, details);
    }
    if (error instanceof SyntaxError) throw new CliError(`${file} is not valid JSON: ${error.message}`, EXIT.failure);
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
