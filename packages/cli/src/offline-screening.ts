import { openListBundle, type ListBundleContent } from '@vetting/banlists';
import type { PersonQuery } from '@vetting/matching';
import { CliError, EXIT } from './exit-codes';
import { readInputFile } from './input-file';
import { loadTrustedKeys, parseDuration } from './trusted-keys';

export const OFFLINE_RESULTS_FORMAT = 'vetting-offline-results/1';

/** The first line of a results file: which bundle screened the rows below it. */
export interface OfflineResultsHeader {
  format: typeof OFFLINE_RESULTS_FORMAT;
  bundleId: string;
  bundleContentHash: string;
  keyId: string;
  screenedWith: { listId: string; version: number; contentHash: string }[];
}

export interface BundleOptions {
  keys?: string;
  maxAge?: string;
}

/**
 * Opens a bundle file for offline screening, or refuses it: unreadable, not signed by a key this
 * terminal trusts, altered, expired, or older than `--max-age` (default `$VETTING_BUNDLE_MAX_AGE`,
 * else 7 days). A refused bundle screens nobody.
 */
export function openBundleFile(file: string, opts: BundleOptions, env: NodeJS.ProcessEnv, now = new Date()) {
  const text = readInputFile(file).toString('utf8');
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch {
    throw new CliError(`Refused ${file}: not a list bundle (not JSON)`, EXIT.failure);
  }
  const maxAgeMs = parseDuration(opts.maxAge ?? env.VETTING_BUNDLE_MAX_AGE ?? '7d', '--max-age');
  const { trusted } = loadTrustedKeys(opts.keys, env);
  const opened = openListBundle(document, { trusted, maxAgeMs, now });
  if (!opened.ok) throw new CliError(`Refused ${file}: ${opened.reason}`, EXIT.failure, [`problem: ${opened.problem}`]);
  return opened;
}

export const headerOf = (opened: { bundle: ListBundleContent; contentHash: string; keyId: string }): OfflineResultsHeader => ({
  format: OFFLINE_RESULTS_FORMAT,
  bundleId: opened.bundle.bundleId,
  bundleContentHash: opened.contentHash,
  keyId: opened.keyId,
  screenedWith: opened.bundle.lists.map((l) => ({ listId: l.listId, version: l.version, contentHash: l.contentHash })),
});

export type Person = Omit<PersonQuery, 'confirmedEntryIds'>;

/**
 * One line of a people file (JSON Lines, the screening batch format): `{ "id" | "ref", "names": [...]
 * | "name", "dateOfBirth"?, "nationalities"?, "gender"?, "documents"?, "serviceNumbers"? }`.
 */
export function personLine(line: string, lineNo: number): { ref: string; person: Person } | { line: number; error: string } {
  let raw: Record<string, unknown>;
  try {
    raw = JSON.parse(line) as Record<string, unknown>;
  } catch {
    return { line: lineNo, error: 'not valid JSON' };
  }
  const ref = [raw.ref, raw.id].find((v) => typeof v === 'string' || typeof v === 'number');
  const names = Array.isArray(raw.names)
    ? raw.names.filter((n): n is string => typeof n === 'string' && n.trim().length >= 2)
    : typeof raw.name === 'string'
      ? [raw.name]
      : [];
  if (!names.length) return { line: lineNo, error: 'names (or name) is required' };
  const strings = (v: unknown) => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
  const person: Person = {
    names,
    ...(typeof raw.dateOfBirth === 'string' ? { dateOfBirth: raw.dateOfBirth } : {}),
    ...(strings(raw.nationalities).length ? { nationalities: strings(raw.nationalities).map((n) => n.toUpperCase()) } : {}),
    ...(raw.gender === 'male' || raw.gender === 'female' || raw.gender === 'other' ? { gender: raw.gender } : {}),
    ...(Array.isArray(raw.documents) ? { documents: raw.documents as Person['documents'] } : {}),
    ...(strings(raw.serviceNumbers).length ? { serviceNumbers: strings(raw.serviceNumbers) } : {}),
  };
  return { ref: String(ref ?? `line-${lineNo}`).slice(0, 100), person };
}
