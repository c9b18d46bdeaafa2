import {
  ImportError,
  importListFile as importWithFormat,
  looksLikeOfacTrio,
  problemPlace,
  type BanListEntry,
  type ListFormat,
} from '@vetting/banlists';
import { AppError, badRequest } from '@vetting/platform';

export type { ListFormat };

export interface ImportedFile {
  format: ListFormat;
  entries: BanListEntry[];
  warnings: number;
  publishedAt?: string;
}

/** Turns an importer's rejection into a 400 naming every bad line, row or element (first 100, with the total). */
export function importProblem(error: ImportError): AppError {
  return new AppError(
    'BANLIST.FILE_REJECTED',
    `The list file was rejected: ${error.problemCount} problem(s); the active version is unchanged`,
    {
      status: 400,
      errors: error.problems.map((p) => ({ field: problemPlace(p), reason: p.reason })),
      extensions: { problemCount: error.problemCount, format: error.format },
    },
  );
}

/** Which format a request holds: the `format` parameter, else its content type (JSON holding `sdn` is the OFAC trio). */
export function detectFormat(contentType: string, requested: ListFormat | undefined, body: Buffer): ListFormat {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/json') {
    if (requested && requested !== 'platform-json' && requested !== 'ofac-sdn-csv') throw mismatch(requested, type);
    return requested ?? (looksLikeOfacTrio(body) ? 'ofac-sdn-csv' : 'platform-json');
  }
  if (type === 'text/csv') {
    if (requested && requested !== 'platform-csv') throw mismatch(requested, type);
    return 'platform-csv';
  }
  if (type === 'application/xml' || type === 'text/xml') {
    if (requested && requested !== 'un-consolidated-xml' && requested !== 'ofac-xml') throw mismatch(requested, type);
    return requested ?? 'un-consolidated-xml';
  }
  throw new AppError(
    'BANLIST.UNSUPPORTED_MEDIA_TYPE',
    `Content type ${type || '(none)'} is not a list format; use application/json, text/csv or application/xml`,
    { status: 415 },
  );
}

const mismatch = (format: string, type: string) =>
  badRequest('BANLIST.FORMAT_MISMATCH', `Format ${format} cannot come as ${type}`, [
    { field: 'query/format', reason: `does not fit content type ${type}` },
  ]);

/** Parses the OFAC trio sent as JSON strings, naming a missing or wrong member. */
function ofacTrio(body: Buffer): { sdn: string; alt?: string; add?: string } {
  let parsed: unknown;
  try {
    parsed = JSON.parse(body.toString('utf8'));
  } catch {
    throw badRequest('HTTP.MALFORMED_JSON', 'The request body is not valid JSON', [{ field: 'body', reason: 'is not valid JSON' }]);
  }
  const o = parsed as Record<string, unknown>;
  const problems = [];
  if (typeof o?.sdn !== 'string' || !o.sdn) problems.push({ field: 'body/sdn', reason: 'is required: the content of sdn.csv' });
  for (const k of ['alt', 'add'])
    if (o?.[k] !== undefined && typeof o[k] !== 'string') problems.push({ field: `body/${k}`, reason: `must be the content of ${k}.csv` });
  for (const k of Object.keys(o ?? {}))
    if (!['sdn', 'alt', 'add'].includes(k)) problems.push({ field: `body/${k}`, reason: 'is not an allowed field' });
  if (problems.length) throw badRequest('BANLIST.FILE_REJECTED', 'The OFAC SDN files are incomplete', problems);
  return { sdn: o.sdn as string, ...(o.alt ? { alt: o.alt as string } : {}), ...(o.add ? { add: o.add as string } : {}) };
}

/** Imports a whole file; a bad file throws a 400 and nothing of it is used. */
export function importListFile(format: ListFormat, body: Buffer): ImportedFile {
  try {
    const result = importWithFormat(format, body, ofacTrio);
    return {
      format,
      entries: result.entries,
      warnings: result.warnings.length,
      ...(result.publishedAt ? { publishedAt: result.publishedAt } : {}),
    };
  } catch (error) {
    if (error instanceof ImportError) throw importProblem(error);
    throw error;
  }
}
