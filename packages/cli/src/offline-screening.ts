import { openListBundle, type ListBundleContent } from '@vetting/banlists';
import { parsePersonLine, type PersonLine } from '@vetting/matching';
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

export type Person = PersonLine;

/** One line of a people file, with the office's reference (the line number when the line has none). */
export function personLine(line: string, lineNo: number): { ref: string; person: Person } | { line: number; error: string } {
  const parsed = parsePersonLine(line, lineNo);
  if ('error' in parsed) return parsed;
  return { ref: (parsed.ref ?? `line-${lineNo}`).slice(0, 100), person: parsed.person };
}
