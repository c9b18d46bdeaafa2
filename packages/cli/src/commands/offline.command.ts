import type { ScreeningHttp } from '@vetting/contracts/http';
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import type { Command } from 'commander';
import type { ListBundle } from '@vetting/banlists';
import { CliError, EXIT } from '../exit-codes';
import { readInputFile } from '../input-file';
import { emit, shortDate, table } from '../output';
import { OFFLINE_RESULTS_FORMAT, type OfflineResultsHeader } from '../offline-screening';
import { action, globalsOf, type Context } from '../program';

type Upload = ScreeningHttp['OfflineUpload'];
type UploadRow = Upload['rows'][number];

/** Rows the server takes per request; a larger file goes in several uploads. */
const CHUNK = 1000;

/** A results file of `vetting check --offline --batch`: its header and rows, or a usage error naming the line. */
export function readResultsFile(file: string): {
  header: OfflineResultsHeader;
  rows: { ref: string; screenedAt: string; outcome: string; person: unknown }[];
  text: string;
} {
  const text = readInputFile(file).toString('utf8');
  const lines = text.split('\n').filter((l) => l.trim());
  const parse = (line: string, n: number) => {
    try {
      return JSON.parse(line) as Record<string, unknown>;
    } catch {
      throw new CliError(`${file} line ${n}: not valid JSON`, EXIT.failure);
    }
  };
  const header = parse(lines[0] ?? '', 1) as unknown as OfflineResultsHeader;
  if (header.format !== OFFLINE_RESULTS_FORMAT)
    throw new CliError(
      `${file} is not a results file of \`vetting check --offline --batch\` (its first line names no bundle)`,
      EXIT.failure,
    );
  const rows = lines.slice(1).map((l, i) => {
    const { ref, screenedAt, outcome, person } = parse(l, i + 2);
    return { ref: String(ref), screenedAt: String(screenedAt), outcome: String(outcome), person };
  });
  if (!rows.length) throw new CliError(`${file} holds no results`, EXIT.failure);
  return { header, rows, text };
}

const rowsTable = (rows: UploadRow[]) =>
  table(rows, [
    { title: 'REF', value: (r) => r.ref },
    { title: 'OFFLINE', value: (r) => r.offlineOutcome },
    { title: 'TODAY', value: (r) => r.currentOutcome },
    { title: 'REVIEW', value: (r) => (r.needsReview ? 'yes' : '') },
    { title: 'FLAGS', value: (r) => r.flags.join(' ') },
  ]);

export function registerOffline(program: Command, ctx: Context): void {
  const offline = program
    .command('offline')
    .description('Screening where the connection is poor: a signed bundle of the lists to take along, and the results brought back.');

  offline
    .command('bundle')
    .description(
      'Download a signed bundle of every active list (for `vetting check --offline`). Keep it safe: it names who downloaded it, and expires.',
    )
    .requiredOption('-o, --out <file>', 'where to write it')
    .action(
      action(ctx, async (opts: { out: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const bundle = await g.client()<ListBundle>('/screening/lists/bundle');
        writeFileSync(opts.out, JSON.stringify(bundle), { mode: 0o600 });
        const c = bundle.content;
        emit(
          ctx.io,
          g.json,
          {
            out: opts.out,
            bundleId: c.bundleId,
            expiresAt: c.expiresAt,
            keyId: bundle.signature.keyId,
            lists: c.lists.map((l) => ({ listId: l.listId, version: l.version, entries: l.entryCount })),
          },
          (r) =>
            `Wrote ${r.out}: bundle ${r.bundleId.slice(0, 8)} signed by key ${r.keyId}, valid until ${shortDate(r.expiresAt)}; ${r.lists.map((l) => `${l.listId} v${l.version} (${l.entries} entries)`).join(', ')}`,
        );
      }),
    );

  offline
    .command('upload <results>')
    .description(
      "Send results screened offline; each person is screened again against today's lists. Rows not clear today need the UN's review: nominate those people before anyone deploys.",
    )
    .option('--key <key>', 'an idempotency key: the same key sends the same file once (default: derived from the file)')
    .option('--fail-on-review', 'exit 1 when a row needs review (for scripts)')
    .action(
      action(ctx, async (file: string, opts: { key?: string; failOnReview?: boolean }, command: Command) => {
        const g = globalsOf(command, ctx);
        const { header, rows, text } = readResultsFile(file);
        const key = opts.key ?? `file-${createHash('sha256').update(text).digest('hex').slice(0, 40)}`;
        const uploads: Upload[] = [];
        for (let i = 0; i < rows.length; i += CHUNK)
          uploads.push(
            await g.client()<Upload>('/screening/checks/offline', {
              method: 'POST',
              headers: { 'idempotency-key': `${key}-${i / CHUNK}`.slice(0, 100) },
              body: { bundleId: header.bundleId, bundleContentHash: header.bundleContentHash, results: rows.slice(i, i + CHUNK) },
            }),
          );
        const all = uploads.flatMap((u) => u.rows ?? []);
        const review = all.filter((r) => r.needsReview);
        emit(
          ctx.io,
          g.json,
          {
            uploads: uploads.map((u) => ({ id: u._id, summary: u.summary })),
            rows: all.length,
            disagree: all.filter((r) => !r.agrees).length,
            needsReview: review.length,
            review,
          },
          (r) =>
            [
              `Screened again on arrival: ${r.rows} row(s), ${r.disagree} differ from the offline result, ${r.needsReview} need the UN's review (uploads ${r.uploads.map((u) => u.id).join(', ')}).`,
              ...(review.length ? ['', rowsTable(review)] : []),
            ].join('\n'),
        );
        return opts.failOnReview && review.length ? EXIT.failure : EXIT.ok;
      }),
    );

  offline
    .command('uploads [uploadId]')
    .description('Uploads of offline results (an office: its own), or one upload with every row.')
    .option('--country <cc>', 'UN roles: one country')
    .action(
      action(ctx, async (uploadId: string | undefined, opts: { country?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (uploadId) {
          const upload = await g.client()<Upload>(`/screening/checks/offline/${encodeURIComponent(uploadId)}`);
          emit(ctx.io, g.json, upload, (u) =>
            [
              `${u._id} from ${u.country ?? '-'} at ${shortDate(u.receivedAt)} (bundle ${u.bundleId.slice(0, 8)})`,
              rowsTable(u.rows ?? []),
            ].join('\n'),
          );
          return;
        }
        const { items } = await g.client()<{ items: Upload[] }>('/screening/checks/offline', {
          query: { country: opts.country?.toUpperCase() },
        });
        emit(ctx.io, g.json, items, (list) =>
          table(list, [
            { title: 'UPLOAD', value: (u) => u._id },
            { title: 'COUNTRY', value: (u) => u.country },
            { title: 'RECEIVED', value: (u) => shortDate(u.receivedAt) },
            { title: 'ROWS', value: (u) => u.summary.rows },
            { title: 'DIFFER', value: (u) => u.summary.disagree },
            { title: 'REVIEW', value: (u) => u.summary.needsReview },
          ]),
        );
      }),
    );
}
