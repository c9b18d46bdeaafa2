import type { IntakeHttp } from '@vetting/contracts/http';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import { DOCUMENT_FORMATS, parseSignedDocument, verifySignedDocument } from '@vetting/signing';
import { CliError, EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { emit, shortDate, table } from '../output';
import { action, globalsOf, type Context } from '../program';
import { loadTrustedKeys } from '../trusted-keys';

type Summary = IntakeHttp['CertificateSummary'];
type Member = IntakeHttp['CertifiedMember'];
type Diff = IntakeHttp['CertificateVersionDiff'];
interface SignedContent {
  id: string;
  country: string;
  rotation: string;
  version: number;
  certifiedAt: string;
  members: Member[];
}

const path = (rotation: string, rest = '') => `/intake/rotations/${encodeURIComponent(rotation)}/certificates${rest}`;
const versionArg = (v: string | undefined) => {
  if (v === undefined) return undefined;
  if (!/^[1-9]\d{0,5}$/.test(v)) throw new CliError(`--version ${v}: a version number (1, 2, …)`, EXIT.usage);
  return Number(v);
};

export function registerCertificate(program: Command, ctx: Context): void {
  const certificate = program
    .command('certificate')
    .description("A rotation's certificates: every certified version, signed by the platform, verifiable offline and comparable.");
  const country = (c: Command) => c.option('--country <cc>', 'UN roles: the country of the rotation');

  country(certificate.command('versions <rotation>').description('Every certified version, newest first.')).action(
    action(ctx, async (rotation: string, opts: { country?: string }, command: Command) => {
      const g = globalsOf(command, ctx);
      const { items } = await g.client()<{ items: Summary[] }>(path(rotation), { query: { country: opts.country?.toUpperCase() } });
      emit(ctx.io, g.json, items, (list) =>
        table(list, [
          { title: 'VERSION', value: (s) => s.version },
          { title: 'CERTIFIED', value: (s) => shortDate(s.certifiedAt) },
          { title: 'BY', value: (s) => s.certifiedBy },
          { title: 'MEMBERS', value: (s) => s.memberCount },
          { title: 'CLEARED', value: (s) => s.outcomes.cleared },
          { title: 'NOT CLEARED', value: (s) => s.outcomes.notCleared },
          { title: 'KEY', value: (s) => s.signature?.keyId ?? 'unsigned' },
          { title: 'HASH', value: (s) => s.contentHash.slice(0, 19) },
        ]),
      );
    }),
  );

  country(
    certificate
      .command('download <rotation>')
      .description(
        'Download a version as the platform signed it (default the latest), to verify offline with `vetting certificate verify`.',
      ),
  )
    .option('--version <n>', 'which version')
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(
      action(ctx, async (rotation: string, opts: { country?: string; version?: string; out: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const version =
          versionArg(opts.version) ??
          (await g.client()<{ items: Summary[] }>(path(rotation), { query: { country: opts.country?.toUpperCase() } })).items[0]!.version;
        const signed = await g.client()<{ contentHash: string; content: SignedContent }>(path(rotation, `/${version}/signed`), {
          query: { country: opts.country?.toUpperCase() },
        });
        writeFileSync(opts.out, `${JSON.stringify(signed, null, 2)}\n`);
        emit(
          ctx.io,
          g.json,
          { out: opts.out, version, contentHash: signed.contentHash },
          (r) => `Wrote ${r.out} (version ${r.version}, ${r.contentHash}); check it offline with: vetting certificate verify ${r.out}`,
        );
      }),
    );

  certificate
    .command('verify <file>')
    .description(
      "Verify a downloaded certificate offline (no server) against the platform's public keys. Exit 1 when altered or signed by another key.",
    )
    .option('--keys <file>', 'the platform public keys to trust (default: those `vetting keys pull` saved)')
    .action(
      action(ctx, async (file: string, opts: { keys?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const text = readInputFile(file).toString('utf8');
        const { trusted } = loadTrustedKeys(opts.keys, ctx.env);
        const document = parseSignedDocument(text) as { content?: SignedContent } | undefined;
        const result = verifySignedDocument(document, { format: DOCUMENT_FORMATS.rotationCertificate, trusted });
        const c = document?.content;
        emit(
          ctx.io,
          g.json,
          {
            file,
            ...result,
            ...(result.ok && c
              ? {
                  certificate: {
                    id: c.id,
                    country: c.country,
                    rotation: c.rotation,
                    version: c.version,
                    certifiedAt: c.certifiedAt,
                    members: c.members.length,
                  },
                }
              : {}),
          },
          (r) =>
            r.ok && c
              ? `VERIFIED ${file}: ${c.country} ${c.rotation} version ${c.version}, certified ${shortDate(c.certifiedAt)}, ${c.members.length} member(s); ${r.contentHash} signed by platform key ${r.keyId}`
              : `REFUSED ${file}: ${'reason' in r ? r.reason : ''}`,
        );
        return result.ok ? EXIT.ok : EXIT.failure;
      }),
    );

  country(
    certificate
      .command('diff <rotation> <version>')
      .description('What changed from an earlier version (default the one before) to <version>.'),
  )
    .option('--against <n>', 'the earlier version')
    .action(
      action(ctx, async (rotation: string, version: string, opts: { country?: string; against?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const to = versionArg(version)!;
        const diff = await g.client()<Diff>(path(rotation, `/${to}/diff`), {
          query: { country: opts.country?.toUpperCase(), against: versionArg(opts.against) },
        });
        const line = (sign: string, m: Member, after?: Member) =>
          `${sign} ${m.caseReference}  ${m.displayName ?? ''}  ${m.status}${after ? ` → ${after.status} (revision ${m.revision} → ${after.revision})` : ''}`;
        emit(ctx.io, g.json, diff, (d) =>
          [
            `Version ${d.from.version} → ${d.to.version}: ${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged} unchanged`,
            ...d.added.map((m) => line('+', m)),
            ...d.removed.map((m) => line('-', m)),
            ...d.changed.map((c) => line('~', c.before, c.after)),
          ].join('\n'),
        );
      }),
    );
}
