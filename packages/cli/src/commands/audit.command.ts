import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { Option } from 'commander';
// The audit service's stand-alone verifier (node:crypto + canonicalize only): the same code an
// auditor can copy, so `vetting audit verify` needs no server, database or account.
import { verifyBundleText, type BundleVerification } from '@vetting/signing';
import { CliError, EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { emit } from '../output';
import { action, globalsOf, type Context } from '../program';

interface ExportOptions {
  candidate?: string;
  rotation?: string;
  mission?: string;
  from?: string;
  to?: string;
  format: 'bundle' | 'csv' | 'html';
  out: string;
}

/** The export's query: exactly one scope (a candidate, a rotation, or a period), as the audit service wants. */
export function exportScope(opts: Omit<ExportOptions, 'format' | 'out'>): Record<string, string> {
  const scopes = [opts.candidate, opts.rotation, opts.from || opts.to].filter(Boolean).length;
  if (scopes !== 1)
    throw new CliError(
      'Give exactly one scope: --candidate <id>, --rotation <r> [--mission <m>], or --from <date> --to <date>',
      EXIT.usage,
    );
  if (opts.mission && !opts.rotation) throw new CliError('--mission goes with --rotation', EXIT.usage);
  if (opts.candidate) return { candidateId: opts.candidate };
  if (opts.rotation) return { rotation: opts.rotation, ...(opts.mission ? { mission: opts.mission } : {}) };
  if (!opts.from || !opts.to) throw new CliError('A period needs both --from and --to', EXIT.usage);
  const iso = (d: string, name: string) => {
    const t = new Date(d);
    if (Number.isNaN(t.getTime())) throw new CliError(`--${name} ${d} is not a date`, EXIT.usage);
    return t.toISOString();
  };
  return { from: iso(opts.from, 'from'), to: iso(opts.to, 'to') };
}

export const formatVerification = (file: string, v: BundleVerification) =>
  v.ok
    ? `VERIFIED ${file}: ${v.included} entries (${v.elided} of other people elided), anchored by signed checkpoint ${v.anchoredBy?.seq} of ${v.anchoredBy?.time}${v.published ? `\n  published checkpoint when exported: entry ${v.published.seq}, hash ${v.published.hash} (${v.published.time})` : ''}`
    : [`BROKEN ${file}:`, ...v.problems.map((p) => `  ${p.seq !== undefined ? `entry ${p.seq}: ` : ''}${p.problem}`)].join('\n');

export function registerAudit(program: Command, ctx: Context): void {
  const audit = program.command('audit').description('Audit exports and their offline verification.');

  audit
    .command('export')
    .description('Download a signed bundle (verifiable offline) or a readable report of a candidate, a rotation or a period.')
    .option('--candidate <id>', 'one candidate')
    .option('--rotation <rotation>', 'a rotation')
    .option('--mission <mission>', 'with --rotation: only this mission')
    .option('--from <date>', 'a period from (ISO date)')
    .option('--to <date>', 'a period to, exclusive (ISO date)')
    .addOption(new Option('--format <format>', 'what to download').choices(['bundle', 'csv', 'html']).default('bundle'))
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(
      action(ctx, async (opts: ExportOptions, command: Command) => {
        const g = globalsOf(command, ctx);
        const query = exportScope(opts);
        const path = opts.format === 'bundle' ? '/audit/exports/bundle' : '/audit/exports/report';
        const res = await g.client()<Response>(path, {
          raw: true,
          query: { ...query, ...(opts.format === 'bundle' ? {} : { format: opts.format }) },
          headers: { accept: '*/*' },
        });
        const bytes = Buffer.from(await res.arrayBuffer());
        writeFileSync(opts.out, bytes);
        emit(
          ctx.io,
          g.json,
          { out: opts.out, bytes: bytes.length, format: opts.format, scope: query },
          (r) =>
            `Wrote ${r.out} (${r.bytes} bytes)${r.format === 'bundle' ? `; check it offline with: vetting audit verify ${r.out}` : ''}`,
        );
      }),
    );

  audit
    .command('verify <bundle>')
    .description(
      'Verify an exported bundle offline (no server): canonical form, hash chain, signed checkpoints and the bundle signature. Exit 1 when broken.',
    )
    .action(
      action(ctx, async (file: string, _opts: unknown, command: Command) => {
        const g = globalsOf(command, ctx);
        const result = verifyBundleText(readInputFile(file).toString('utf8'));
        emit(ctx.io, g.json, result, (v) => formatVerification(file, v));
        return result.ok ? EXIT.ok : EXIT.failure;
      }),
    );
}
