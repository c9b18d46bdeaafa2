import type { AccountabilityHttp } from '@vetting/contracts/http';
import type { Command } from 'commander';
import { CliError, EXIT } from '../exit-codes';
import { emit, table } from '../output';
import { action, globalsOf, type Context } from '../program';

type Figures = AccountabilityHttp['DisclosureFigures'];
type Summary = AccountabilityHttp['DisclosureRequestSummary'];

const LABELS: [keyof Figures, string][] = [
  ['recruitments', 'Recruitments'],
  ['requestsMade', 'Disclosure requests made'],
  ['responsesReceived', 'Responses received'],
  ['requestsReceived', 'Disclosure requests received'],
  ['responsesProvided', 'Responses provided'],
  ['negativeAnswersProvided', 'Responses disclosing a finding or a departure under investigation'],
  ['rejectedOnNegativeOrAbsentInformation', 'Applicants rejected on negative or absent information'],
];

export const formatFigures = (f: Figures) =>
  [
    `Misconduct disclosure figures ${f.year}${f.country ? ` (${f.country})` : ''}`,
    ...LABELS.map(([k, label]) => `  ${label}: ${f[k]}`),
  ].join('\n');

export function registerDisclosures(program: Command, ctx: Context): void {
  const disclosures = program
    .command('disclosures')
    .description("Misconduct-disclosure requests from later employers, and the scheme's annual figures.");

  disclosures
    .command('figures')
    .description("The scheme's annual implementation figures (an office: its own country's).")
    .option('-y, --year <year>', 'the year (default: this year)')
    .option('-c, --country <CC>', 'one country (UN roles)')
    .action(
      action(ctx, async (opts: { year?: string; country?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        if (opts.year && !/^20\d\d$/.test(opts.year)) throw new CliError(`--year ${opts.year} is not a year`, EXIT.usage);
        const query = new URLSearchParams({
          ...(opts.year ? { year: opts.year } : {}),
          ...(opts.country ? { country: opts.country.toUpperCase() } : {}),
        });
        const figures = await g.client()<Figures>(`/accountability/disclosure-requests/figures${query.size ? `?${query}` : ''}`);
        emit(ctx.io, g.json, figures, formatFigures);
      }),
    );

  disclosures
    .command('list')
    .description('The requests one may see, newest first (e.g. --status overdue for those past their deadline).')
    .option('-s, --status <status>', 'unverified, awaiting-consent, open, overdue, awaiting-countersignature or answered')
    .action(
      action(ctx, async (opts: { status?: string }, command: Command) => {
        const g = globalsOf(command, ctx);
        const { items } = await g.client()<{ items: Summary[] }>(
          `/accountability/disclosure-requests${opts.status ? `?status=${encodeURIComponent(opts.status)}` : ''}`,
        );
        emit(ctx.io, g.json, items, (rows) =>
          rows.length
            ? table(rows, [
                { title: 'reference', value: (r) => r.reference },
                { title: 'to', value: (r) => r.addressedTo },
                { title: 'organisation', value: (r) => r.requester.organisationName ?? r.requester.organisationId },
                { title: 'status', value: (r) => r.status },
                { title: 'due', value: (r) => r.dueBy.slice(0, 10) },
                { title: 'id', value: (r) => r.id },
              ])
            : 'No disclosure requests.',
        );
      }),
    );
}
