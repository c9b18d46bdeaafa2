import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { emit, formatHit, type HitLike } from '../output';
import { action, globalsOf, type Context } from '../program';
import { formatOfflineCheck, screenBatchOffline, screenOneOffline } from './offline-check';

interface CheckResult {
  checkId: string;
  hits: HitLike[];
  listVersions: { listId: string; version: number }[];
}

const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** The request body from the command line; bad values are usage errors before anything is sent. */
export function checkRequest(
  names: string[],
  opts: { dob?: string; nationality?: string[]; passport?: string[]; purpose: string; limit?: string },
) {
  if (opts.dob && !PARTIAL_DATE.test(opts.dob)) throw new CliError(`--dob ${opts.dob}: use YYYY, YYYY-MM or YYYY-MM-DD`, EXIT.usage);
  const nationalities = (opts.nationality ?? []).map((n) => n.toUpperCase());
  const bad = nationalities.find((n) => !/^[A-Z]{2}$/.test(n));
  if (bad) throw new CliError(`--nationality ${bad}: use a two-letter country code`, EXIT.usage);
  return {
    names,
    purpose: opts.purpose,
    ...(opts.dob ? { dateOfBirth: opts.dob } : {}),
    ...(nationalities.length ? { nationalities } : {}),
    ...(opts.passport?.length ? { documents: opts.passport.map((number) => ({ type: 'passport', number })) } : {}),
    ...(opts.limit ? { limit: Number(opts.limit) } : {}),
  };
}

export const formatCheck = (r: CheckResult) =>
  [
    `check ${r.checkId} against ${r.listVersions.map((v) => `${v.listId} v${v.version}`).join(', ') || 'no active list'}`,
    r.hits.length === 0 ? 'No list entry resembles this person.' : r.hits.map(formatHit).join('\n\n'),
  ].join('\n');

const collect = (value: string, previous: string[] = []) => [...previous, value];

interface CheckOptions {
  dob?: string;
  nationality?: string[];
  passport?: string[];
  purpose: string;
  limit?: string;
  failOnHit?: boolean;
  offline?: string;
  batch?: string;
  out?: string;
  keys?: string;
  maxAge?: string;
}

export function registerCheck(program: Command, ctx: Context): void {
  program
    .command('check [names...]')
    .description(
      'Check one person against every active ban list before deployment (the search is recorded). Quote a name with spaces; several names are aliases. With --offline, screen against a signed list bundle without any server, one person or a --batch file.',
    )
    .option('--dob <date>', 'date of birth: YYYY, YYYY-MM or YYYY-MM-DD')
    .option('--nationality <code>', 'two-letter country code (repeatable)', collect)
    .option('--passport <number>', 'passport number (repeatable)', collect)
    .option('--purpose <text>', 'why the search is made (recorded)', 'check before deployment (CLI)')
    .option('--limit <n>', 'at most this many hits (1-50)')
    .option('--fail-on-hit', 'exit 1 when a hit is a match or possible match (for scripts)')
    .option('--offline <bundle>', 'screen against this signed list bundle, offline (see `vetting offline bundle`)')
    .option('--batch <people.jsonl>', 'with --offline: screen every person of a JSON Lines file ("-" for stdin)')
    .option(
      '-o, --out <results.jsonl>',
      'with --batch: where the results go (default stdout); upload them later with `vetting offline upload`',
    )
    .option('--keys <file>', 'with --offline: the platform public keys to trust (default: those `vetting keys pull` saved)')
    .option('--max-age <duration>', 'with --offline: refuse a bundle older than this (default $VETTING_BUNDLE_MAX_AGE or 7d)')
    .action(
      action(ctx, async (names: string[], opts: CheckOptions, command: Command) => {
        const g = globalsOf(command, ctx);
        if (opts.batch && !opts.offline) throw new CliError('--batch screens offline: give --offline <bundle>', EXIT.usage);
        if (opts.offline && opts.batch) {
          if (names.length) throw new CliError('--batch reads the people from the file: give no names', EXIT.usage);
          const summary = await screenBatchOffline(opts.offline, opts.batch, opts, ctx);
          if (g.json) ctx.io.out(JSON.stringify(summary, null, 2));
          return summary.bad > 0 ? EXIT.failure : opts.failOnHit && summary.outcomes.clear !== summary.screened ? EXIT.failure : EXIT.ok;
        }
        if (!names.length) throw new CliError('Name the person to check (or give --offline <bundle> --batch <file>)', EXIT.usage);
        const body = checkRequest(names, opts);
        if (opts.offline) {
          const { purpose: _purpose, limit: _limit, ...person } = body;
          const result = screenOneOffline(opts.offline, person, opts, ctx);
          emit(ctx.io, g.json, result, formatOfflineCheck);
          return opts.failOnHit && result.outcome !== 'clear' ? EXIT.failure : EXIT.ok;
        }
        const result = await g.client()<CheckResult>('/screening/checks', { method: 'POST', body });
        emit(ctx.io, g.json, result, formatCheck);
        return opts.failOnHit && result.hits.some((h) => h.band === 'match' || h.band === 'possible-match') ? EXIT.failure : EXIT.ok;
      }),
    );
}
