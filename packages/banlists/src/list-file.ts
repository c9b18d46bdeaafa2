import { ImportError, type ImportProblem } from './import-error';
import type { ImportResult } from './import-result';
import { importOfacSdn, type OfacSdnFiles } from './ofac-sdn.importer';
import { importOfacXml } from './ofac-xml.importer';
import { importPlatformCsv } from './platform-csv.importer';
import { importPlatformJson } from './platform-json.importer';
import { importUnConsolidatedList } from './un-consolidated.importer';

/**
 * The list files the platform reads, by one name each wherever a file arrives: the screening
 * service's upload, its batch tool and the CLI's local check all read a file the same way, so a file
 * the CLI accepts is a file the service accepts.
 */
export const LIST_FORMATS = ['platform-json', 'platform-csv', 'un-consolidated-xml', 'ofac-sdn-csv', 'ofac-xml'] as const;
export type ListFormat = (typeof LIST_FORMATS)[number];

/** Whether a JSON body is the OFAC trio (`{ "sdn": …, "alt"?, "add"? }`); only the start is read: a platform file starts with "format". */
export const looksLikeOfacTrio = (body: Buffer): boolean => /^\s*\{\s*"(sdn|alt|add)"\s*:/.test(body.subarray(0, 200).toString('utf8'));

/**
 * The format of a file from its name and first bytes: XML naming the US Treasury is OFAC's, other
 * XML the UN's; a CSV with an `id` column is the platform's, other CSV OFAC's sdn.csv; anything else
 * is JSON (the OFAC trio or the platform's).
 */
export function guessListFormat(fileName: string, body: Buffer): ListFormat {
  const head = body.subarray(0, 2000).toString('utf8');
  if (/\.xml$/i.test(fileName)) return /<sdnList|<sanctionsData|treasury\.gov/i.test(head) ? 'ofac-xml' : 'un-consolidated-xml';
  if (/\.csv$/i.test(fileName)) return /^\uFEFF?\s*id\s*,/i.test(head) ? 'platform-csv' : 'ofac-sdn-csv';
  return looksLikeOfacTrio(body) ? 'ofac-sdn-csv' : 'platform-json';
}

/** Where a problem is, as a person fixing the file looks for it: `line 3 row 2 names`, or `file`. */
export const problemPlace = (p: ImportProblem): string =>
  [p.line !== undefined ? `line ${p.line}` : '', p.row !== undefined ? `row ${p.row}` : '', p.element ?? '', p.field ?? '']
    .filter(Boolean)
    .join(' ') || 'file';

/** The OFAC trio sent as JSON (`{ "sdn": "<sdn.csv>", "alt"?, "add"? }`); a body that is not one is rejected as the file. */
export function parseOfacTrio(body: Buffer): OfacSdnFiles {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch (error) {
    throw new ImportError('ofac-sdn-csv', [{ reason: `not valid JSON: ${(error as Error).message}` }]);
  }
  const trio = (parsed ?? {}) as Record<string, unknown>;
  const problems: ImportProblem[] = [];
  if (typeof trio.sdn !== 'string' || !trio.sdn) problems.push({ field: 'sdn', reason: 'is required: the content of sdn.csv' });
  for (const k of ['alt', 'add'])
    if (trio[k] !== undefined && typeof trio[k] !== 'string') problems.push({ field: k, reason: `must be the content of ${k}.csv` });
  if (problems.length) throw new ImportError('ofac-sdn-csv', problems);
  return {
    sdn: String(trio.sdn),
    ...(typeof trio.alt === 'string' ? { alt: trio.alt } : {}),
    ...(typeof trio.add === 'string' ? { add: trio.add } : {}),
  };
}

/**
 * Imports a whole file with the importer of its format; a bad file throws an ImportError naming
 * every problem and nothing of it is used. The OFAC trio travels as JSON; `readTrio` may check its
 * members more strictly (the service answers a 400 naming the request's field).
 */
export function importListFile(format: ListFormat, body: Buffer, readTrio: (body: Buffer) => OfacSdnFiles = parseOfacTrio): ImportResult {
  switch (format) {
    case 'platform-json':
      return importPlatformJson(body);
    case 'platform-csv':
      return importPlatformCsv(body);
    case 'un-consolidated-xml':
      return importUnConsolidatedList(body);
    case 'ofac-xml':
      return importOfacXml(body);
    case 'ofac-sdn-csv':
      return importOfacSdn(readTrio(body));
  }
}
